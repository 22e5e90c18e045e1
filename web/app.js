// app.js - the shell of the dashboard: sign in and out, the tabs of the
// pages the account's role may use (js/pages.js), the route in the address
// (#/page/args...), and the language toggle. Chinese by default, English on
// the toggle; each page renders itself (js/*.js).
import { $, api, el, roleName, state, t } from './js/core.js';
import pages from './js/pages.js';
import './js/password.js'; // the header's 修改密码 dialog

let current = null; // the page shown

const visible = (p) => state.user && (!p.roles || p.roles.includes(state.user.role));

function applyLang() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.title = t('title');
  $('lang').textContent = t('lang');
  if (state.user) showWho();
  if (current && current.relabel) current.relabel();
}

function showWho() {
  $('who').textContent = `${state.user.name || state.user.login} (${roleName(state.user.role)})`;
}

function renderTabs() {
  $('tabs').replaceChildren(...pages.filter(visible).map((p) =>
    el('a', { href: '#/' + p.id, 'data-i18n': p.nav, 'data-page': p.id, class: p === current ? 'current' : null,
      'aria-current': p === current ? 'page' : null }, t(p.nav))));
  $('tabs').hidden = false;
}

// Show the page the address names (#/id/args...), else the first the
// account may use.
function route() {
  if (!state.user) return;
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = pages.find((p) => p.id === parts[0] && visible(p)) || pages.find(visible);
  current = page;
  for (const p of pages) $(p.section).hidden = p !== page;
  renderTabs();
  page.show(page.id === parts[0] ? parts.slice(1) : []);
}

function showSignedIn(u) {
  state.user = u;
  showWho();
  $('logout').hidden = false;
  $('passwd').hidden = false;
  $('login-view').hidden = true;
  route();
}

// Signed out: nothing of the last account stays on the page - its pages,
// their filters, its password.
function showLogin() {
  state.user = null;
  state.csrf = '';
  current = null;
  for (const p of pages) {
    p.reset();
    $(p.section).hidden = true;
  }
  $('tabs').replaceChildren();
  $('tabs').hidden = true;
  $('login-form').reset();
  $('login-error').textContent = '';
  $('who').textContent = '';
  $('logout').hidden = true;
  $('passwd').hidden = true;
  $('login-view').hidden = false;
}

document.addEventListener('DOMContentLoaded', () => {
  for (const p of pages) p.init();
  applyLang();
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('lang', state.lang);
    applyLang();
  });
  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    try {
      const r = await api('/api/v1/login', { method: 'POST', body: JSON.stringify({ login: f.get('login'), password: f.get('password') }) });
      state.csrf = r.csrf;
      $('login-error').textContent = '';
      showSignedIn(r.user);
    } catch (e) {
      $('login-error').textContent = `${t('failed')}: ${e.status === 401 ? t('badpw') : e.message}`;
    }
  });
  $('logout').addEventListener('click', async () => {
    await api('/api/v1/logout', { method: 'POST' }).catch(() => {});
    showLogin();
  });
  document.addEventListener('tvet:signedout', showLogin);
  window.addEventListener('hashchange', route);
  api('/api/v1/me').then((r) => { state.csrf = r.csrf; showSignedIn(r.user); }).catch(showLogin);
});

// app.js - the dashboard: sign in, then the plan at a glance (总览).
// Chinese by default, English on the toggle; every figure and sentence
// comes from the API (/api/v1/), which computes them as the CLI does, and
// figures are rounded as the CLI rounds them (the indicator's decimals).
'use strict';

const TEXT = {
  zh: {
    title: '职业教育高质量发展监测平台', signin: '登录', login: '账号', password: '密码',
    logout: '退出', year: '年度', unit: '责任单位', all: '全部', lang: 'English',
    target: '目标', actual: '实际值', goal: '目标值', status: '状态', why: '说明',
    action: '行动', school: '学校', value: '数值', weight: '权重', pull: '拉动',
    achieved: '已达成', on_track: '进展顺利', at_risk: '存在风险', off_track: '严重滞后',
    no_data: '无数据', assessed: '人工评估', back: '返回', failed: '登录失败',
    badpw: '账号或密码错误',
    admin: '管理员', bureau: '教育局', department: '部门', school_role: '学校', enterprise: '企业', viewer: '访客',
  },
  en: {
    title: 'TVET Observatory', signin: 'Sign in', login: 'Login', password: 'Password',
    logout: 'Sign out', year: 'Year', unit: 'Department', all: 'All', lang: '中文',
    target: 'Target', actual: 'Actual', goal: 'Target value', status: 'Status', why: 'Explanation',
    action: 'Action', school: 'School', value: 'Value', weight: 'Weight', pull: 'Pull',
    achieved: 'achieved', on_track: 'on track', at_risk: 'at risk', off_track: 'off track',
    no_data: 'no data', assessed: 'assessed', back: 'Back', failed: 'Sign-in failed',
    badpw: 'wrong login or password',
    admin: 'administrator', bureau: 'bureau', department: 'department', school_role: 'school', enterprise: 'enterprise', viewer: 'viewer',
  },
};
const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'zh';
let csrf = '';
let user = null;
let plan = null;      // the plan's status as shown
let decimals = null;  // indicator code -> its decimals, from /api/v1/indicators
let detail = null;    // the criteria of the target shown, or null

const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[lang][key] || key;
const pick = (zh, en) => (lang === 'zh' || !en ? zh : en);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c === null || c === undefined ? '' : c);
  return e;
}

async function api(path, options = {}) {
  // the server's messages (errors, import reports) in the page's language
  const headers = { 'Accept': 'application/json', 'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en' };
  if (options.body) headers['Content-Type'] = 'application/json';
  if (options.method && options.method !== 'GET') headers['X-CSRF-Token'] = csrf;
  const res = await fetch(path, { credentials: 'same-origin', ...options, headers });
  const doc = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error((doc.error && doc.error.message) || res.statusText);
    err.status = res.status;
    throw err;
  }
  return doc;
}

// Half away from zero, as people (and the CLI) round, to a fixed number of
// places: 57.421068 with 1 place is "57.4", 100 is "100.0".
function figure(v, places, unit = '') {
  if (v === null || v === undefined) return '-';
  const scale = 10 ** places;
  const scaled = Math.abs(v) * scale;
  let whole = Math.floor(scaled);
  if (scaled - whole >= 0.5 - 64 * Number.EPSILON * Math.max(1, scaled)) whole += 1;
  return (whole === 0 ? 0 : Math.sign(v) * whole / scale).toFixed(places) + unit;
}

// A criterion's places: its indicator's decimals; counts are whole.
function places(c) {
  if (!c.indicator) return 0;
  return decimals && decimals.has(c.indicator) ? decimals.get(c.indicator) : 2;
}

function applyLang() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.title = t('title');
  $('lang').textContent = t('lang');
  for (const o of $('unit').options) if (o.dataset.zh) o.textContent = pick(o.dataset.zh, o.dataset.en);
  if (user) showWho();
  if (plan) renderPlan();
  if (detail) renderDetail();
}

function showWho() {
  $('who').textContent = `${user.name || user.login} (${t(user.role === 'school' ? 'school_role' : user.role)})`;
}

function renderPlan() {
  const counts = $('counts');
  counts.replaceChildren(...STATUSES.map((s) =>
    el('span', { class: 'count ' + s }, `${t(s)} ${plan.counts[s]}`)));
  const byAction = new Map();
  for (const c of plan.targets) {
    if (!byAction.has(c.action)) byAction.set(c.action, []);
    byAction.get(c.action).push(c);
  }
  const blocks = [];
  for (const a of plan.actions) {
    const rows = (byAction.get(a.action) || []).map((c) => {
      const unit = c.unit === '%' ? '%' : '';
      const tr = el('tr', { class: 'target', tabindex: '0' },
        el('td', { class: 'id' }, c.part > 1 || plan.targets.filter((x) => x.id === c.id).length > 1 ? `${c.id}.${c.part}` : c.id),
        el('td', {}, pick(c.title, c.title_en)),
        el('td', { class: 'num', 'data-label': t('actual') }, figure(c.actual, places(c), unit)),
        el('td', { class: 'num', 'data-label': t('goal') }, c.target === null ? t('assessed')
          : `${c.comparator} ${figure(c.target, Number.isInteger(c.target) ? 0 : places(c))}${c.unit}`),
        el('td', {}, el('span', { class: 'status ' + c.status }, t(c.status))),
        el('td', { class: 'explanation' }, pick(c.explanation, c.explanation_en)));
      tr.addEventListener('click', () => showTarget(c.id));
      tr.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); showTarget(c.id); }
      });
      return tr;
    });
    if (!rows.length) continue;
    blocks.push(el('div', { class: 'action' },
      el('h2', {}, `${t('action')} ${a.action} ${pick(a.title, a.title_en)}`),
      el('table', {},
        el('thead', {}, el('tr', {}, el('th', { class: 'id' }, t('target')), el('th', { class: 'title' }, ''),
          el('th', { class: 'num' }, t('actual')), el('th', { class: 'num' }, t('goal')), el('th', { class: 'state' }, t('status')),
          el('th', { class: 'explanation' }, t('why')))),
        el('tbody', {}, ...rows))));
  }
  $('actions').replaceChildren(...blocks);
}

function renderDetail() {
  const parts = detail.map((c) => {
    const unit = c.unit === '%' ? '%' : '';
    return el('div', {},
      el('h3', {}, `${c.id} ${pick(c.title, c.title_en)}`),
      el('p', {}, pick(c.explanation, c.explanation_en)),
      c.by_school.length ? el('div', { class: 'scroll' }, el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, t('school')), el('th', { class: 'num' }, t('value')),
          el('th', { class: 'num' }, t('weight')), el('th', { class: 'num' }, t('pull')))),
        el('tbody', {}, ...c.by_school.map((s) => el('tr', {}, el('td', {}, pick(s.name, s.name_en)),
          el('td', { class: 'num' }, figure(s.value, places(c), unit)),
          el('td', { class: 'num' }, figure(100 * s.weight, 1, '%')),
          el('td', { class: 'num' }, figure(s.pull, 2))))))) : '');
  });
  const back = el('button', { type: 'button' }, t('back'));
  back.addEventListener('click', closeTarget);
  $('detail').replaceChildren(back, ...parts);
}

async function showTarget(id) {
  try {
    detail = await api(`/api/v1/plan/targets/${encodeURIComponent(id)}?year=${$('year').value}`);
  } catch (e) {
    failed(e);
    return;
  }
  renderDetail();
  $('actions').hidden = true;
  $('detail').hidden = false;
  window.scrollTo(0, 0);
}

function closeTarget() {
  detail = null;
  $('detail').hidden = true;
  $('detail').replaceChildren();
  $('actions').hidden = false;
}

async function loadPlan() {
  const q = new URLSearchParams();
  if ($('year').value) q.set('year', $('year').value);
  if ($('unit').value) q.set('unit', $('unit').value);
  if (!decimals) {
    const inds = await api('/api/v1/indicators');
    decimals = new Map(inds.map((i) => [i.code, i.decimals]));
  }
  plan = await api('/api/v1/plan/status?' + q);
  if (!$('year').value) {
    for (let y = plan.year; y >= plan.year - 4; y--) $('year').append(el('option', { value: y }, y));
    const units = new Map();
    for (const c of plan.targets) for (const d of c.responsible) units.set(d.code, d);
    for (const d of units.values()) {
      $('unit').append(el('option', { value: d.code, 'data-zh': d.name, 'data-en': d.name_en }, pick(d.name, d.name_en)));
    }
  }
  renderPlan();
}

// An API call failed: a session that has ended goes back to the sign-in
// form; anything else is said where the plan would be.
function failed(e) {
  if (e.status === 401) {
    showLogin();
    return;
  }
  closeTarget();
  $('actions').replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message));
}

function showSignedIn(u) {
  user = u;
  showWho();
  $('logout').hidden = false;
  $('login-view').hidden = true;
  $('plan-view').hidden = false;
  loadPlan().catch(failed);
}

// Signed out: nothing of the last account stays on the page - its plan,
// its target, its filters, its password.
function showLogin() {
  user = null;
  csrf = '';
  plan = null;
  decimals = null;
  closeTarget();
  $('actions').replaceChildren();
  $('counts').replaceChildren();
  $('year').replaceChildren();
  while ($('unit').options.length > 1) $('unit').lastElementChild.remove();
  $('unit').value = '';
  $('login-form').reset();
  $('login-error').textContent = '';
  $('who').textContent = '';
  $('logout').hidden = true;
  $('plan-view').hidden = true;
  $('login-view').hidden = false;
}

document.addEventListener('DOMContentLoaded', () => {
  applyLang();
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('lang', lang);
    applyLang();
  });
  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    try {
      const r = await api('/api/v1/login', { method: 'POST', body: JSON.stringify({ login: f.get('login'), password: f.get('password') }) });
      csrf = r.csrf;
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
  // Another year or department: the plan again, from the top.
  for (const id of ['year', 'unit']) {
    $(id).addEventListener('change', () => {
      closeTarget();
      loadPlan().catch(failed);
    });
  }
  api('/api/v1/me').then((r) => { csrf = r.csrf; showSignedIn(r.user); }).catch(showLogin);
});

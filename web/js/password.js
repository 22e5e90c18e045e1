// password.js - 修改密码: any signed-in account changes its own password
// (POST /api/v1/me/password with the current one and the new one twice),
// from the header's button (#passwd in index.html; app.js shows it while
// signed in). The server ends every session of the account, this one too:
// the page then goes back to the sign-in form and says so. The password
// rules are the server's: its message is shown in the dialog.
import { $, api, el, t, words } from './core.js';

words({
  zh: {
    passwd: '修改密码', passwd_old: '当前密码', passwd_new: '新密码', passwd_again: '再次输入新密码',
    passwd_rule: '至少 10 个字符，且不能与账号相同', passwd_cancel: '取消', passwd_save: '保存',
    passwd_mismatch: '两次输入的新密码不一致', passwd_done: '密码已修改，请用新密码重新登录',
  },
  en: {
    passwd: 'Password', passwd_old: 'Current password', passwd_new: 'New password', passwd_again: 'New password again',
    passwd_rule: 'at least 10 characters, not the login itself', passwd_cancel: 'Cancel', passwd_save: 'Save',
    passwd_mismatch: 'the two new passwords differ', passwd_done: 'Password changed: sign in with the new one',
  },
});

function field(key, name, autocomplete) {
  return el('label', {}, el('span', { 'data-i18n': key }, t(key)),
    el('input', { name, type: 'password', required: true, autocomplete }));
}

function dialog() {
  const form = el('form', { method: 'dialog', id: 'passwd-form', class: 'users-form' },
    el('h2', { 'data-i18n': 'passwd' }, t('passwd')),
    field('passwd_old', 'old', 'current-password'),
    field('passwd_new', 'new', 'new-password'),
    field('passwd_again', 'again', 'new-password'),
    el('p', { class: 'users-hint', 'data-i18n': 'passwd_rule' }, t('passwd_rule')),
    el('p', { id: 'passwd-msg', class: 'users-msg error', role: 'alert' }),
    el('p', { class: 'users-actions' },
      el('button', { type: 'button', id: 'passwd-cancel', 'data-i18n': 'passwd_cancel' }, t('passwd_cancel')),
      el('button', { type: 'submit', 'data-i18n': 'passwd_save' }, t('passwd_save'))));
  const d = el('dialog', { id: 'passwd-dialog', class: 'users-dialog' }, form);
  form.addEventListener('submit', change);
  form.querySelector('#passwd-cancel').addEventListener('click', () => d.close());
  // closed, however: nothing typed stays
  d.addEventListener('close', () => { form.reset(); $('passwd-msg').textContent = ''; });
  document.body.append(d);
  return d;
}

async function change(ev) {
  ev.preventDefault();
  const f = new FormData(ev.target);
  if (f.get('new') !== f.get('again')) {
    $('passwd-msg').textContent = t('passwd_mismatch');
    return;
  }
  try {
    await api('/api/v1/me/password', { method: 'POST', body: JSON.stringify({ old: f.get('old'), new: f.get('new') }) });
  } catch (e) {
    if (e.status === 401) {
      $('passwd-dialog').close();
      document.dispatchEvent(new Event('tvet:signedout'));
      return;
    }
    $('passwd-msg').textContent = e.message;
    return;
  }
  $('passwd-dialog').close();
  // every session has ended: back to the sign-in form, which says why
  document.dispatchEvent(new Event('tvet:signedout'));
  $('login-error').textContent = t('passwd_done');
  $('login-error').classList.add('users-good');
}

document.addEventListener('DOMContentLoaded', () => {
  const button = $('passwd');
  if (!button) return;
  button.addEventListener('click', () => ($('passwd-dialog') || dialog()).showModal());
  // the sign-in form's message after a change is no error
  $('login-form').addEventListener('submit', () => {
    $('login-error').textContent = '';
    $('login-error').classList.remove('users-good');
  });
});

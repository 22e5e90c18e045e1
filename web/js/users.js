// users.js - 用户 (administrators): the accounts and the audit trail, the
// web face of `tvet user add|passwd|disable|enable|list` and `tvet audit
// list|verify`. The accounts' table (login, name, role, scope, state) with
// a new password and disable/enable for each (an administrator cannot
// disable itself: the server refuses it, the page does not offer it); a
// form to add an account whose scope field asks for what the role speaks
// for (a school's code, a department's code, an enterprise's 统一社会信用代码);
// the newest entries of the audit trail and 校验, which recomputes its hash
// chain. The password rules are the server's: its message is shown.
import { $, api, el, failed, pick, roleName, state, t, words } from './core.js';

words({
  zh: {
    nav_users: '用户', users_accounts: '账号', users_login: '账号', users_name: '姓名', users_role: '角色',
    users_scope: '范围', users_state: '状态', users_actions: '操作', users_enabled: '正常', users_disabled: '已停用',
    users_reset: '重置密码', users_disable: '停用', users_enable: '启用', users_self: '（本人）',
    users_add: '新增账号', users_password: '密码', users_password2: '再次输入密码', users_submit: '新增',
    users_scope_school: '学校代码', users_scope_department: '部门代码', users_scope_enterprise: '统一社会信用代码',
    users_scope_none: '（该角色无范围）', users_mismatch: '两次输入的密码不一致',
    users_added: '已新增账号', users_reset_done: '已重置密码，该账号的登录会话已结束：', users_disabled_done: '已停用账号，其登录会话已结束：',
    users_enabled_done: '已启用账号：', users_reset_title: '重置密码', users_new_password: '新密码', users_cancel: '取消', users_save: '保存',
    users_confirm_disable: '停用账号', users_pw_rule: '至少 10 个字符，且不能与账号相同',
    users_audit: '审计记录', users_audit_who: '账号', users_audit_at: '时间', users_audit_ip: '来源',
    users_audit_action: '操作', users_audit_detail: '详情', users_verify: '校验', users_refresh: '刷新',
    users_intact: '审计链完整：共校验', users_entries: '条记录', users_broken: '审计链已损坏：',
    users_latest: '最新', users_filter_who: '只看账号',
    act_login: '登录', 'act_login.failed': '登录失败', act_logout: '退出', 'act_user.add': '新增账号',
    'act_user.passwd': '修改密码', 'act_user.passwd.failed': '修改密码失败', 'act_user.disable': '停用账号',
    'act_user.enable': '启用账号', act_import: '导入', 'act_submission.submit': '报送', 'act_submission.approve': '审核通过',
    'act_submission.reopen': '退回', 'act_form.save': '保存表单',
  },
  en: {
    nav_users: 'Accounts', users_accounts: 'Accounts', users_login: 'Login', users_name: 'Name', users_role: 'Role',
    users_scope: 'Scope', users_state: 'State', users_actions: 'Actions', users_enabled: 'active', users_disabled: 'disabled',
    users_reset: 'New password', users_disable: 'Disable', users_enable: 'Enable', users_self: ' (you)',
    users_add: 'Add an account', users_password: 'Password', users_password2: 'Password again', users_submit: 'Add',
    users_scope_school: 'School code', users_scope_department: 'Department code', users_scope_enterprise: 'Unified social credit code',
    users_scope_none: '(no scope for this role)', users_mismatch: 'the two passwords differ',
    users_added: 'Account added:', users_reset_done: 'Password set; the account\'s sessions have ended:', users_disabled_done: 'Account disabled; its sessions have ended:',
    users_enabled_done: 'Account enabled:', users_reset_title: 'Set a new password', users_new_password: 'New password', users_cancel: 'Cancel', users_save: 'Save',
    users_confirm_disable: 'Disable account', users_pw_rule: 'at least 10 characters, not the login itself',
    users_audit: 'Audit trail', users_audit_who: 'Who', users_audit_at: 'When (UTC)', users_audit_ip: 'From',
    users_audit_action: 'Action', users_audit_detail: 'Detail', users_verify: 'Verify', users_refresh: 'Refresh',
    users_intact: 'The audit chain is intact:', users_entries: 'entries checked', users_broken: 'The audit chain is broken:',
    users_latest: 'newest', users_filter_who: 'Only login',
  },
});

const ROLES = ['admin', 'bureau', 'department', 'school', 'enterprise', 'viewer'];
const SCOPED = { school: 'users_scope_school', department: 'users_scope_department', enterprise: 'users_scope_enterprise' };
const AUDIT_LIMIT = 50;

let built = false;
let accounts = null; // the answer of /api/v1/users
let audit = null;    // the answer of /api/v1/audit
let orgs = null;     // code -> org, for the scopes' names
let resetting = null; // the login whose password the dialog sets

const section = () => $('users-view');
const action = (a) => (state.lang === 'zh' && t('act_' + a) !== 'act_' + a ? t('act_' + a) : a);

function label(key, control, cls) {
  return el('label', { class: cls || null }, el('span', { 'data-i18n': key }, t(key)), control);
}

function part(id, key, ...children) {
  return el('section', { class: 'users-part', id }, el('h2', { 'data-i18n': key }, t(key)), ...children);
}

// ---- the frame ------------------------------------------------------------------
function addForm() {
  const role = el('select', { name: 'role', id: 'users-role' },
    ...ROLES.map((r) => el('option', { value: r, 'data-role': r }, roleName(r))));
  const scope = el('input', { name: 'scope', id: 'users-scope', list: 'users-scopes', autocomplete: 'off' });
  const form = el('form', { id: 'users-add', class: 'users-form', autocomplete: 'off' },
    label('users_login', el('input', { name: 'login', required: true, maxlength: '32', autocomplete: 'off' })),
    label('users_name', el('input', { name: 'name', maxlength: '120' })),
    label('users_role', role),
    el('label', { id: 'users-scope-field' }, el('span', { id: 'users-scope-label' }), scope),
    el('datalist', { id: 'users-scopes' }),
    label('users_password', el('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' })),
    label('users_password2', el('input', { name: 'password2', type: 'password', required: true, autocomplete: 'new-password' })),
    el('p', { class: 'users-hint', 'data-i18n': 'users_pw_rule' }, t('users_pw_rule')),
    el('p', { class: 'users-actions' }, el('button', { type: 'submit', 'data-i18n': 'users_submit' }, t('users_submit'))),
    el('p', { id: 'users-add-msg', class: 'users-msg', role: 'status' }));
  role.value = 'school';
  role.addEventListener('change', scopeField);
  form.addEventListener('submit', addAccount);
  return form;
}

function resetDialog() {
  const form = el('form', { method: 'dialog', id: 'users-reset-form', class: 'users-form' },
    el('h2', { id: 'users-reset-title' }),
    label('users_new_password', el('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' })),
    label('users_password2', el('input', { name: 'password2', type: 'password', required: true, autocomplete: 'new-password' })),
    el('p', { class: 'users-hint', 'data-i18n': 'users_pw_rule' }, t('users_pw_rule')),
    el('p', { id: 'users-reset-msg', class: 'users-msg error', role: 'alert' }),
    el('p', { class: 'users-actions' },
      el('button', { type: 'button', id: 'users-reset-cancel', 'data-i18n': 'users_cancel' }, t('users_cancel')),
      el('button', { type: 'submit', 'data-i18n': 'users_save' }, t('users_save'))));
  form.addEventListener('submit', setPassword);
  const dialog = el('dialog', { id: 'users-reset', class: 'users-dialog' }, form);
  form.querySelector('#users-reset-cancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { form.reset(); $('users-reset-msg').textContent = ''; resetting = null; });
  return dialog;
}

function build() {
  const verify = el('button', { type: 'button', id: 'users-verify', 'data-i18n': 'users_verify' }, t('users_verify'));
  const refresh = el('button', { type: 'button', id: 'users-audit-refresh', 'data-i18n': 'users_refresh' }, t('users_refresh'));
  const who = el('input', { id: 'users-audit-who', type: 'search', autocomplete: 'off' });
  verify.addEventListener('click', verifyChain);
  refresh.addEventListener('click', () => loadAudit());
  who.addEventListener('change', () => loadAudit());
  section().replaceChildren(
    el('p', { id: 'users-msg', class: 'users-msg', role: 'status' }),
    part('users-accounts', 'users_accounts', el('div', { id: 'users-table' })),
    part('users-new', 'users_add', addForm()),
    part('users-audit', 'users_audit',
      el('div', { class: 'users-tools no-print' }, label('users_filter_who', who), refresh, verify),
      el('p', { id: 'users-verdict', class: 'users-verdict', role: 'status' }),
      el('div', { id: 'users-audit-table' })),
    resetDialog());
  scopeField();
  built = true;
}

// The scope field follows the role: what it asks for, and the codes to
// pick from (schools and departments; an enterprise's code is typed).
function scopeField() {
  const role = $('users-role').value;
  const key = SCOPED[role];
  $('users-scope-field').hidden = !key;
  $('users-scope').required = !!key;
  if (!key) $('users-scope').value = '';
  $('users-scope-label').textContent = key ? t(key) : '';
  const kind = role === 'school' ? 'school' : role === 'department' ? 'department' : null;
  $('users-scopes').replaceChildren(...(kind && orgs ? [...orgs.values()].filter((o) => o.kind === kind)
    .map((o) => el('option', { value: o.code }, pick(o.name, o.name_en))) : []));
}

// ---- the accounts ---------------------------------------------------------------
function scopeText(u) {
  if (!u.scope) return '-';
  const o = orgs && orgs.get(u.scope);
  return o ? `${u.scope} ${pick(o.name, o.name_en)}` : u.scope;
}

function accountRow(u) {
  const self = u.login === state.user.login;
  const reset = el('button', { type: 'button', class: 'users-reset', 'data-login': u.login }, t('users_reset'));
  reset.addEventListener('click', () => openReset(u.login));
  const toggle = el('button', { type: 'button', class: u.disabled ? 'users-enable' : 'users-disable', 'data-login': u.login,
    disabled: self && !u.disabled }, t(u.disabled ? 'users_enable' : 'users_disable'));
  toggle.addEventListener('click', () => setDisabled(u.login, !u.disabled));
  return el('tr', { class: 'users-row' + (u.disabled ? ' users-off' : ''), 'data-login': u.login },
    el('td', { class: 'users-login' }, u.login, self ? t('users_self') : ''),
    el('td', { 'data-label': t('users_name') }, u.name || '-'),
    el('td', { 'data-label': t('users_role') }, roleName(u.role)),
    el('td', { 'data-label': t('users_scope') }, scopeText(u)),
    el('td', { 'data-label': t('users_state') },
      el('span', { class: 'users-state ' + (u.disabled ? 'users-state-off' : 'users-state-on') }, t(u.disabled ? 'users_disabled' : 'users_enabled'))),
    el('td', { class: 'users-acts no-print' }, reset, toggle));
}

function renderAccounts() {
  $('users-table').replaceChildren(el('div', { class: 'scroll' }, el('table', { class: 'users-list' },
    el('thead', {}, el('tr', {}, ...['users_login', 'users_name', 'users_role', 'users_scope', 'users_state', 'users_actions']
      .map((k) => el('th', { class: k === 'users_actions' ? 'no-print' : null }, t(k))))),
    el('tbody', {}, ...accounts.map(accountRow)))));
}

function say(id, text, bad) {
  const p = $(id);
  p.textContent = text;
  p.classList.toggle('error', !!bad);
  p.classList.toggle('users-good', !bad && !!text);
}

async function loadAccounts() {
  accounts = await api('/api/v1/users');
  renderAccounts();
}

async function addAccount(ev) {
  ev.preventDefault();
  const f = new FormData(ev.target);
  if (f.get('password') !== f.get('password2')) {
    say('users-add-msg', t('users_mismatch'), true);
    return;
  }
  const body = { login: f.get('login').trim(), name: f.get('name').trim(), role: f.get('role'), password: f.get('password') };
  if (SCOPED[body.role]) body.scope = f.get('scope').trim();
  try {
    const u = await api('/api/v1/users', { method: 'POST', body: JSON.stringify(body) });
    ev.target.reset();
    $('users-role').value = 'school';
    scopeField();
    say('users-add-msg', `${t('users_added')} ${u.login}`);
    await Promise.all([loadAccounts(), loadAudit()]);
  } catch (e) {
    if (e.status === 401) failed($('users-add-msg'), e);
    else say('users-add-msg', e.message, true);
  }
}

function openReset(login) {
  resetting = login;
  $('users-reset-title').textContent = `${t('users_reset_title')}: ${login}`;
  $('users-reset').showModal();
}

async function setPassword(ev) {
  ev.preventDefault();
  const f = new FormData(ev.target);
  if (f.get('password') !== f.get('password2')) {
    say('users-reset-msg', t('users_mismatch'), true);
    return;
  }
  const login = resetting;
  try {
    await api(`/api/v1/users/${encodeURIComponent(login)}/password`, { method: 'POST', body: JSON.stringify({ password: f.get('password') }) });
  } catch (e) {
    if (e.status === 401) { $('users-reset').close(); failed($('users-msg'), e); return; }
    say('users-reset-msg', e.message, true);
    return;
  }
  $('users-reset').close();
  say('users-msg', `${t('users_reset_done')} ${login}`);
  // one's own new password ends one's own session too
  if (login === state.user.login) { document.dispatchEvent(new Event('tvet:signedout')); return; }
  await Promise.all([loadAccounts(), loadAudit()]).catch((e) => failed($('users-msg'), e));
}

async function setDisabled(login, disabled) {
  try {
    await api(`/api/v1/users/${encodeURIComponent(login)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
    say('users-msg', `${t(disabled ? 'users_disabled_done' : 'users_enabled_done')} ${login}`);
    await Promise.all([loadAccounts(), loadAudit()]);
  } catch (e) {
    if (e.status === 401) failed($('users-msg'), e);
    else say('users-msg', e.message, true);
  }
}

// ---- the audit trail ------------------------------------------------------------
function renderAudit() {
  $('users-audit-table').replaceChildren(el('div', { class: 'scroll' }, el('table', { class: 'users-audit-list' },
    el('thead', {}, el('tr', {}, ...['users_audit_at', 'users_audit_who', 'users_audit_ip', 'users_audit_action', 'users_audit_detail']
      .map((k) => el('th', {}, t(k))))),
    el('tbody', {}, ...audit.map((a) => el('tr', { class: 'users-entry', 'data-id': a.id, 'data-action': a.action },
      el('td', { class: 'users-at' }, a.at.replace('T', ' ').replace('Z', '')),
      el('td', { 'data-label': t('users_audit_who') }, a.who),
      el('td', { 'data-label': t('users_audit_ip') }, a.ip || '-'),
      el('td', { class: 'users-action', 'data-label': t('users_audit_action'), title: a.action }, action(a.action)),
      el('td', { class: 'users-detail', 'data-label': t('users_audit_detail') }, a.detail)))))));
}

async function loadAudit() {
  const q = new URLSearchParams({ limit: AUDIT_LIMIT });
  const who = $('users-audit-who').value.trim();
  if (who) q.set('who', who);
  try {
    audit = await api('/api/v1/audit?' + q);
    renderAudit();
  } catch (e) {
    failed($('users-audit-table'), e);
  }
}

async function verifyChain() {
  say('users-verdict', t('loading'));
  try {
    const v = await api('/api/v1/audit/verify');
    say('users-verdict', `${t('users_intact')} ${v.entries} ${t('users_entries')}`);
    $('users-verdict').dataset.intact = 'yes';
  } catch (e) {
    if (e.status === 401) { failed($('users-verdict'), e); return; }
    say('users-verdict', `${t('users_broken')} ${e.message}`, true);
    $('users-verdict').dataset.intact = 'no';
  }
}

async function load() {
  try {
    if (!orgs) {
      orgs = new Map((await api('/api/v1/orgs')).map((o) => [o.code, o]));
      scopeField();
    }
    await loadAccounts();
  } catch (e) {
    failed($('users-table'), e);
    return;
  }
  await loadAudit();
}

export default {
  id: 'users',
  nav: 'nav_users',
  section: 'users-view',
  roles: ['admin'],
  init() {},
  show() {
    if (!built) build();
    load(); // afresh each time: the trail grows with every sign-in and write
  },
  relabel() {
    if (!built) return;
    section().querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
    for (const o of $('users-role').options) o.textContent = roleName(o.value);
    scopeField();
    if (accounts) renderAccounts();
    if (audit) renderAudit();
  },
  // Signed out: nothing of the last account stays - the accounts, the
  // trail, a password half typed.
  reset() {
    if (built && $('users-reset').open) $('users-reset').close();
    built = false;
    accounts = null;
    audit = null;
    orgs = null;
    resetting = null;
    section().replaceChildren();
  },
};

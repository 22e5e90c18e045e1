// core.js - what every page of the dashboard shares: the signed-in account
// and its CSRF token, the language and its words, calls to the API, and
// building elements. Pages (js/*.js) import it; app.js runs the shell.

// The words of the shell; each page adds its own with words().
const TEXT = {
  zh: {
    title: '职业教育高质量发展监测平台', signin: '登录', login: '账号', password: '密码',
    logout: '退出', lang: 'English', failed: '登录失败', badpw: '账号或密码错误', back: '返回',
    admin: '管理员', bureau: '教育局', department: '部门', school_role: '学校', enterprise: '企业', viewer: '访客',
    loading: '加载中…', none: '暂无',
  },
  en: {
    title: 'TVET Observatory', signin: 'Sign in', login: 'Login', password: 'Password',
    logout: 'Sign out', lang: '中文', failed: 'Sign-in failed', badpw: 'wrong login or password', back: 'Back',
    admin: 'administrator', bureau: 'bureau', department: 'department', school_role: 'school', enterprise: 'enterprise', viewer: 'viewer',
    loading: 'Loading…', none: 'none',
  },
};

// The session as the pages see it.
export const state = {
  lang: localStorage.getItem('lang') === 'en' ? 'en' : 'zh',
  user: null, // {login, name, role, scope, disabled} while signed in
  csrf: '',
};

// Add a page's words: words({zh: {...}, en: {...}}).
export function words(more) {
  for (const l of ['zh', 'en']) Object.assign(TEXT[l], more[l]);
}

export const $ = (id) => document.getElementById(id);
export const t = (key) => TEXT[state.lang][key] ?? key;
// A name in the page's language: the Chinese, or the English when there is one.
export const pick = (zh, en) => (state.lang === 'zh' || !en ? zh : en);

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v; else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) e.append(c === null || c === undefined ? '' : c);
  return e;
}

function headers(extra) {
  // the server's messages (errors, import reports) in the page's language
  const h = { 'Accept': 'application/json', 'Accept-Language': state.lang === 'zh' ? 'zh-CN' : 'en', ...extra };
  return h;
}

// Call the API; the answer's JSON, or an Error with .status and .doc (the
// error object: code, message, details) thrown.
export async function api(path, options = {}) {
  const h = headers(options.headers);
  if (options.body && typeof options.body === 'string' && !h['Content-Type']) h['Content-Type'] = 'application/json';
  if (options.method && options.method !== 'GET') h['X-CSRF-Token'] = state.csrf;
  const res = await fetch(path, { credentials: 'same-origin', ...options, headers: h });
  const doc = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error((doc.error && doc.error.message) || res.statusText);
    err.status = res.status;
    err.doc = doc;
    throw err;
  }
  return doc;
}

// Fetch a file the API makes (a template, a report) and hand it to the
// browser as a download named by the server or by name.
export async function download(path, name) {
  const res = await fetch(path, { credentials: 'same-origin', headers: headers() });
  if (!res.ok) {
    const doc = await res.json().catch(() => ({}));
    const err = new Error((doc.error && doc.error.message) || res.statusText);
    err.status = res.status;
    throw err;
  }
  const cd = res.headers.get('Content-Disposition') || '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) || /filename="?([^";]+)"?/i.exec(cd);
  const a = el('a', { href: URL.createObjectURL(await res.blob()), download: m ? decodeURIComponent(m[1]) : name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// Half away from zero, as people (and the CLI) round, to a fixed number of
// places: 57.421068 with 1 place is "57.4", 100 is "100.0".
export function figure(v, places, unit = '') {
  if (v === null || v === undefined) return '-';
  const scale = 10 ** places;
  const scaled = Math.abs(v) * scale;
  let whole = Math.floor(scaled);
  if (scaled - whole >= 0.5 - 64 * Number.EPSILON * Math.max(1, scaled)) whole += 1;
  return (whole === 0 ? 0 : Math.sign(v) * whole / scale).toFixed(places) + unit;
}

// A role's name in the page's language.
export const roleName = (role) => t(role === 'school' ? 'school_role' : role);

// An error said in a page's container (a session that ended goes back to
// the sign-in form: app.js listens for 'tvet:signedout').
export function failed(where, e) {
  if (e.status === 401) {
    document.dispatchEvent(new Event('tvet:signedout'));
    return;
  }
  where.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message));
}

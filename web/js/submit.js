// submit.js - 数据报送: a school's yearly figures in, and the bureau's
// approval. A school account picks a year and sees its submission's status;
// downloads a template; uploads a file and gets the import's report, its
// errors as a table (row, column, value, message); or fills in the same
// figures in the web form, where each issue the server finds is shown next
// to its field (as DHIS2's data-entry screens do); saves a draft and
// submits. The bureau and administrators see every school's status for the
// year, approve (审核通过) or reopen (退回) a submitted year, and open a
// school's form. Every check is the server's: the form is validated by the
// same import as a file (/api/v1/forms, /api/v1/imports).
// Routes: #/submit/YEAR (a school's own form, or the bureau's list) and
// #/submit/YEAR/SCHOOL (a school's form, for the bureau).
import { $, api, download, el, failed, pick, state, t, words } from './core.js';

words({
  zh: {
    nav_submit: '数据报送', sub_year: '年度', sub_status: '状态',
    st_open: '未提交', st_submitted: '已提交', st_approved: '已审核', st_reopened: '已退回',
    sub_by: '最近操作', sub_last_import: '最近导入', sub_school: '学校', sub_code: '学校代码', sub_actions: '操作',
    sub_approve: '审核通过', sub_reopen: '退回', sub_open_form: '查看报表', sub_back: '返回学校列表',
    sub_file: '文件报送', sub_kind: '数据类型', sub_template: '下载模板', sub_xlsx: 'Excel 模板', sub_csv: 'CSV 模板',
    sub_choose: '选择文件', sub_upload: '上传文件', sub_form: '网上填报',
    sub_validate: '校验', sub_save: '保存草稿', sub_send: '提交',
    sub_row: '行', sub_column: '列', sub_value: '值', sub_rule: '规则', sub_message: '说明', sub_severity: '级别',
    sub_error: '错误', sub_warning: '提示', sub_major: '专业',
    sub_uploaded: (r) => `已导入 ${r.rows} 行，变更 ${r.changed} 个数值（批次 ${r.batch}）`,
    sub_upload_bad: (n) => `文件有 ${n} 处错误，未导入任何数据。请按下表修改后重新上传：`,
    sub_form_bad: (n) => `有 ${n} 处错误，未保存。请按字段旁的提示修改。`,
    sub_form_check: (n) => `有 ${n} 处错误，请按字段旁的提示修改。`,
    sub_valid: '校验通过', sub_saved: '草稿已保存', sub_submitted: '已提交，等待教育局审核',
    sub_locked: '本年度数据已审核并锁定；如需修改，请联系教育局退回。',
    sub_readonly: '只读：本账号不能修改该校数据。',
    sub_no_majors: '该校本年度尚无开设专业：请先上传“学校开设专业”文件。',
    sub_need_file: '请先选择要上传的文件',
    sub_warnings: (n) => `${n} 条提示（不影响保存）`,
    sub_changed_by: (by, at) => `${by} 于 ${at}`,
    sub_confirm_reopen: (s) => `确定退回 ${s} 的报送？`,
    kind_school_stats: '学校年度统计', kind_school_major_stats: '学校分专业年度统计', kind_school_majors: '学校开设专业',
  },
  en: {
    nav_submit: 'Submissions', sub_year: 'Year', sub_status: 'Status',
    st_open: 'not submitted', st_submitted: 'submitted', st_approved: 'approved', st_reopened: 'reopened',
    sub_by: 'Last move', sub_last_import: 'Last import', sub_school: 'School', sub_code: 'Code', sub_actions: 'Actions',
    sub_approve: 'Approve', sub_reopen: 'Reopen', sub_open_form: 'Open form', sub_back: 'Back to the schools',
    sub_file: 'Upload a file', sub_kind: 'Data kind', sub_template: 'Template', sub_xlsx: 'Excel template', sub_csv: 'CSV template',
    sub_choose: 'File', sub_upload: 'Upload', sub_form: 'Web form',
    sub_validate: 'Validate', sub_save: 'Save draft', sub_send: 'Submit',
    sub_row: 'Row', sub_column: 'Column', sub_value: 'Value', sub_rule: 'Rule', sub_message: 'Message', sub_severity: 'Severity',
    sub_error: 'error', sub_warning: 'warning', sub_major: 'Major',
    sub_uploaded: (r) => `Imported ${r.rows} rows, ${r.changed} values changed (batch ${r.batch})`,
    sub_upload_bad: (n) => `The file has ${n} errors; nothing was imported. Fix these and upload it again:`,
    sub_form_bad: (n) => `${n} errors; nothing was saved. See the messages beside the fields.`,
    sub_form_check: (n) => `${n} errors: see the messages beside the fields.`,
    sub_valid: 'Valid', sub_saved: 'Draft saved', sub_submitted: 'Submitted; the bureau will review it',
    sub_locked: 'This year was approved and is locked; ask the bureau to reopen it to make changes.',
    sub_readonly: 'Read only: this account may not change this school\'s figures.',
    sub_no_majors: 'The school offers no majors this year: upload its "majors offered" file first.',
    sub_need_file: 'Choose a file to upload first',
    sub_warnings: (n) => `${n} warnings (they do not block saving)`,
    sub_changed_by: (by, at) => `${by} at ${at}`,
    sub_confirm_reopen: (s) => `Reopen the submission of ${s}?`,
    kind_school_stats: 'Yearly statistics of a school', kind_school_major_stats: 'Yearly statistics by major', kind_school_majors: 'Majors offered',
  },
});

const KINDS = ['school_stats', 'school_major_stats', 'school_majors'];
const say = (key, ...args) => { const w = t(key); return typeof w === 'function' ? w(...args) : w; };

// What the page shows: the year, the school (null: the bureau's list), the
// list, the form and what was typed into it, the issues by field, the
// last upload's report, and a note (its tone, and its sentence: a server's
// message, or a function that says it in the page's language).
let view = null;
let latest = null; // the latest year with data, once asked

const isSchool = () => state.user && state.user.role === 'school';
// A stored time (UTC, ISO 8601) as people read it: 2025-03-01 08:30 UTC.
const when = (iso) => (iso ? iso.replace('T', ' ').replace(/:\d\dZ$/, ' UTC') : '-');
const root = () => $('submit-view');

function fresh() {
  return { year: null, school: null, list: null, form: null, values: null, issues: new Map(), upload: null, note: null, formNote: null };
}

// ---- building blocks ---------------------------------------------------------

function yearSelect() {
  const sel = el('select', { id: 'submit-year' });
  for (let y = latest + 1; y >= latest - 4; y--) sel.append(el('option', { value: y, selected: y === view.year }, String(y)));
  sel.addEventListener('change', () => { location.hash = `#/submit/${sel.value}${view.school && !isSchool() ? '/' + view.school : ''}`; });
  return el('label', { class: 'submit-year' }, el('span', {}, t('sub_year')), sel);
}

function statusBadge(status) {
  return el('span', { class: `submit-status submit-st-${status}` }, t('st_' + status));
}

function note(n, id) {
  return n ? el('p', { id, class: `submit-note submit-${n.tone}`, role: n.tone === 'bad' ? 'alert' : 'status' }, typeof n.text === 'function' ? n.text() : n.text) : el('p', { id, class: 'submit-note', hidden: true });
}

// A table of import issues: row, column, value, severity, message.
function issueTable(issues, id) {
  return el('div', { class: 'scroll' }, el('table', { id, class: 'submit-issues' },
    el('thead', {}, el('tr', {}, el('th', { class: 'num' }, t('sub_row')), el('th', {}, t('sub_column')), el('th', {}, t('sub_value')),
      el('th', {}, t('sub_severity')), el('th', {}, t('sub_message')))),
    el('tbody', {}, ...issues.map((i) => el('tr', { class: i.severity === 'error' ? 'submit-bad' : 'submit-warn' },
      el('td', { class: 'num', 'data-label': t('sub_row') }, String(i.row)), el('td', { 'data-label': t('sub_column') }, i.column),
      el('td', { 'data-label': t('sub_value') }, i.value), el('td', { 'data-label': t('sub_severity') }, t(i.severity === 'error' ? 'sub_error' : 'sub_warning')),
      el('td', { 'data-label': t('sub_message') }, i.message))))));
}

function button(id, word, fn, cls) {
  const b = el('button', { type: 'button', id, class: cls || null }, t(word));
  b.addEventListener('click', fn);
  return b;
}

// ---- the bureau's list ----------------------------------------------------------

function renderList() {
  const rows = view.list.schools.map((s) => {
    const acts = [];
    if (s.status === 'submitted') acts.push(button(null, 'sub_approve', () => move(s.school, 'approve'), 'submit-approve'));
    if (s.status === 'submitted' || s.status === 'approved') acts.push(button(null, 'sub_reopen', () => move(s.school, 'reopen'), 'submit-reopen'));
    acts.push(el('a', { href: `#/submit/${view.year}/${encodeURIComponent(s.school)}`, class: 'submit-open' }, t('sub_open_form')));
    return el('tr', { 'data-school': s.school },
      el('td', { 'data-label': t('sub_code') }, s.school), el('td', { 'data-label': t('sub_school') }, pick(s.name, s.name_en)),
      el('td', { 'data-label': t('sub_status') }, statusBadge(s.status)),
      el('td', { 'data-label': t('sub_last_import') }, when(s.last_import)),
      el('td', { 'data-label': t('sub_by') }, s.changed_by ? say('sub_changed_by', s.changed_by, when(s.changed_at)) : '-'),
      el('td', { class: 'submit-acts no-print' }, ...acts));
  });
  root().replaceChildren(
    el('div', { class: 'filters' }, yearSelect()),
    note(view.note, 'submit-note'),
    el('div', { class: 'submit-panel scroll' }, el('table', { id: 'submit-list' },
      el('thead', {}, el('tr', {}, el('th', {}, t('sub_code')), el('th', {}, t('sub_school')), el('th', {}, t('sub_status')),
        el('th', {}, t('sub_last_import')), el('th', {}, t('sub_by')), el('th', { class: 'no-print' }, t('sub_actions')))),
      el('tbody', {}, ...rows))));
}

async function move(school, verb) {
  if (verb === 'reopen' && !window.confirm(say('sub_confirm_reopen', school))) return;
  try {
    const r = await api(`/api/v1/submissions/${encodeURIComponent(school)}/${view.year}/${verb}`, { method: 'POST' });
    view.note = { tone: 'good', text: () => `${school}: ${t('st_' + r.status)}` };
    if (view.school) await loadForm(); else await loadList();
  } catch (e) {
    fail(e);
  }
}

async function loadList() {
  view.list = await api(`/api/v1/submissions?year=${view.year}`);
  renderList();
}

// ---- a school's year: status, file, form --------------------------------------------

// The typed values of the form, as text, from what the server stored.
function valuesOf(form) {
  const v = {};
  const text = (x) => (x === null || x === undefined ? '' : String(x));
  for (const s of form.sections) {
    if (s.per_major) {
      v[s.kind] = {};
      for (const r of s.rows) v[s.kind][r.major] = Object.fromEntries(Object.entries(r.values).map(([k, x]) => [k, text(x)]));
    } else {
      v[s.kind] = Object.fromEntries(Object.entries((s.rows[0] || { values: {} }).values).map(([k, x]) => [k, text(x)]));
      for (const f of s.fields) if (!(f.key in v[s.kind])) v[s.kind][f.key] = '';
    }
  }
  return v;
}

// One input of the form, with the place for its message beside it.
function input(kind, major, f) {
  const field = major ? `${kind}.${major}.${f.key}` : `${kind}.${f.key}`;
  const id = 'f-' + field.replace(/\./g, '-');
  const values = major ? view.values[kind][major] : view.values[kind];
  const label = pick(f.label, f.label_en);
  const box = el('input', {
    id, 'data-field': field, value: values[f.key], inputmode: f.type === 'text' ? null : 'decimal',
    'aria-label': major ? `${major} ${label}` : label, 'aria-describedby': id + '-msg',
    disabled: !view.form.editable, autocomplete: 'off', class: 'submit-input',
  });
  box.addEventListener('input', () => {
    values[f.key] = box.value;
    view.dirty = true;
    sendButton();
  });
  box.addEventListener('change', () => validate().catch(fail));
  return [box, el('span', { id: id + '-msg', class: 'submit-msg', 'data-for': field })];
}

function schoolSection(s) {
  const fields = s.fields.map((f) => {
    const [box, msg] = input(s.kind, null, f);
    return el('div', { class: 'submit-field' + (f.required ? ' submit-required' : '') },
      el('label', { for: box.id, title: f.description }, pick(f.label, f.label_en)), box, msg);
  });
  return el('fieldset', { class: 'submit-section', 'data-kind': s.kind },
    el('legend', {}, pick(s.name, s.name_en)),
    el('p', { class: 'submit-rowmsg', 'data-for': s.kind }),
    el('div', { class: 'submit-grid' }, ...fields));
}

function majorSection(s) {
  let body;
  if (!s.rows.length) {
    body = el('p', { class: 'submit-note' }, t('sub_no_majors'));
  } else {
    body = el('div', { class: 'scroll' }, el('table', { class: 'submit-majors' },
      el('thead', {}, el('tr', {}, el('th', {}, t('sub_major')),
        ...s.fields.map((f) => el('th', { title: f.description, class: f.required ? 'submit-required' : null }, pick(f.label, f.label_en))))),
      el('tbody', {}, ...s.rows.map((r) => el('tr', { 'data-major': r.major },
        el('th', { scope: 'row' }, el('span', { class: 'submit-code' }, r.major), ' ', r.major_name,
          el('span', { class: 'submit-rowmsg', 'data-for': `${s.kind}.${r.major}` })),
        ...s.fields.map((f) => el('td', { 'data-label': pick(f.label, f.label_en) }, ...input(s.kind, r.major, f))))))));
  }
  return el('fieldset', { class: 'submit-section', 'data-kind': s.kind },
    el('legend', {}, pick(s.name, s.name_en)), el('p', { class: 'submit-rowmsg', 'data-for': s.kind }), body);
}

function uploadPanel() {
  const kind = el('select', { id: 'submit-kind' }, ...KINDS.map((k) => el('option', { value: k, selected: view.kind === k }, t('kind_' + k))));
  kind.addEventListener('change', () => { view.kind = kind.value; });
  const file = el('input', { id: 'submit-file', type: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disabled: !view.form.editable });
  const tpl = (format) => () => download(`/api/v1/templates/${kind.value}?school=${encodeURIComponent(view.school)}&year=${view.year}&format=${format}`,
    `${kind.value}.${format}`).catch(fail);
  let result = el('div', { id: 'submit-upload-result' });
  if (view.upload && view.upload.bad) {
    result = el('div', { id: 'submit-upload-result' }, el('p', { class: 'submit-note submit-bad', role: 'alert' }, say('sub_upload_bad', view.upload.bad.filter((i) => i.severity === 'error').length)),
      issueTable(view.upload.bad, 'submit-issues'));
  } else if (view.upload && view.upload.report) {
    const r = view.upload.report;
    result = el('div', { id: 'submit-upload-result' }, el('p', { id: 'submit-summary', class: 'submit-note submit-good', role: 'status' }, say('sub_uploaded', r)),
      r.issues.length ? issueTable(r.issues, 'submit-issues') : '');
  }
  return el('section', { class: 'submit-panel', id: 'submit-file-panel' },
    el('h2', {}, t('sub_file')),
    el('div', { class: 'submit-tools' },
      el('label', {}, el('span', {}, t('sub_kind')), kind),
      el('span', { class: 'submit-tpl no-print' }, t('sub_template'), ' ',
        button('submit-tpl-xlsx', 'sub_xlsx', tpl('xlsx')), button('submit-tpl-csv', 'sub_csv', tpl('csv')))),
    el('div', { class: 'submit-tools no-print' },
      el('label', {}, el('span', {}, t('sub_choose')), file),
      button('submit-upload', 'sub_upload', () => upload().catch(fail))),
    result);
}

function banner() {
  const f = view.form;
  const parts = [el('strong', {}, pick(f.name, f.name_en)), ` (${f.school}) · ${f.year} · ${t('sub_status')}: `, statusBadge(f.status)];
  if (f.changed_by) parts.push(' ', el('span', { class: 'submit-by' }, say('sub_changed_by', f.changed_by, when(f.changed_at))));
  const extra = f.status === 'approved' ? t('sub_locked') : !f.editable ? t('sub_readonly') : null;
  return el('div', { id: 'submit-banner', class: `submit-banner submit-st-${f.status}`, 'data-status': f.status },
    el('p', {}, ...parts), extra ? el('p', {}, extra) : '');
}

function renderSchool() {
  const f = view.form;
  const tools = [yearSelect()];
  if (!isSchool()) tools.unshift(el('a', { href: `#/submit/${view.year}`, id: 'submit-back', class: 'no-print' }, t('sub_back')));
  const acts = [];
  if (!isSchool() && f.status === 'submitted') acts.push(button('submit-approve', 'sub_approve', () => move(f.school, 'approve')));
  if (!isSchool() && (f.status === 'submitted' || f.status === 'approved')) acts.push(button('submit-reopen', 'sub_reopen', () => move(f.school, 'reopen')));
  root().replaceChildren(
    el('div', { class: 'filters' }, ...tools),
    banner(),
    acts.length ? el('div', { class: 'submit-tools no-print' }, ...acts) : '',
    note(view.note, 'submit-note'),
    uploadPanel(),
    el('section', { class: 'submit-panel', id: 'submit-form' },
      el('h2', {}, t('sub_form')),
      ...f.sections.map((s) => (s.per_major ? majorSection(s) : schoolSection(s))),
      note(view.formNote, 'submit-form-note'),
      f.editable ? el('div', { class: 'submit-tools no-print' },
        button('submit-validate', 'sub_validate', () => validate(true).catch(fail)),
        button('submit-save', 'sub_save', () => save().catch(fail)),
        button('submit-send', 'sub_send', () => send().catch(fail), 'submit-primary')) : ''));
  paintIssues();
  sendButton();
}

// 提交 saves what is shown first (unless saved and unchanged since), and
// submits only when that save was clean; a year already submitted or
// approved cannot be submitted again.
function sendButton() {
  const b = $('submit-send');
  if (b) b.disabled = !['open', 'reopened'].includes(view.form.status);
}

// Each issue beside its field (kind.key or kind.major.key); issues of a
// whole row or part beside its major or at the top of the part.
function paintIssues() {
  for (const box of root().querySelectorAll('input[data-field]')) {
    const list = view.issues.get(box.dataset.field) || [];
    const bad = list.some((i) => i.severity === 'error');
    box.classList.toggle('submit-bad', bad);
    box.classList.toggle('submit-warn', !bad && list.length > 0);
    if (bad) box.setAttribute('aria-invalid', 'true'); else box.removeAttribute('aria-invalid');
  }
  for (const msg of root().querySelectorAll('[data-for]')) {
    const list = view.issues.get(msg.dataset.for) || [];
    msg.textContent = list.map((i) => i.message).join('；');
    msg.className = msg.className.replace(/ submit-(bad|warn)/g, '') +
      (list.some((i) => i.severity === 'error') ? ' submit-bad' : list.length ? ' submit-warn' : '');
  }
}

function setIssues(list) {
  view.issues = new Map();
  for (const i of list) {
    if (!view.issues.has(i.field)) view.issues.set(i.field, []);
    view.issues.get(i.field).push(i);
  }
  paintIssues();
}

function formNote(n) {
  view.formNote = n;
  $('submit-form-note').replaceWith(note(n, 'submit-form-note'));
}

// The values to send: text as typed, "" as null; every check is the server's.
function body() {
  const b = {};
  for (const [kind, v] of Object.entries(view.values)) {
    const clean = (o) => Object.fromEntries(Object.entries(o).map(([k, x]) => [k, x.trim() === '' ? null : x.trim()]));
    if (kind === 'school_major_stats') {
      b[kind] = Object.fromEntries(Object.entries(v).map(([m, o]) => [m, clean(o)]));
    } else {
      b[kind] = clean(v);
    }
  }
  return JSON.stringify(b);
}

// POST the form (dry_run: only validate): true when it was valid.
async function post(dryRun) {
  try {
    const r = await api(`/api/v1/forms/${encodeURIComponent(view.school)}/${view.year}${dryRun ? '?dry_run=1' : ''}`, { method: 'POST', body: body() });
    setIssues(r.issues);
    return r;
  } catch (e) {
    if (e.status !== 400 || !e.doc.error || !Array.isArray(e.doc.error.details) || !e.doc.error.details.some((i) => i.field)) throw e;
    setIssues(e.doc.error.details);
    const errors = e.doc.error.details.filter((i) => i.severity === 'error').length;
    formNote({ tone: 'bad', text: () => say(dryRun ? 'sub_form_check' : 'sub_form_bad', errors) });
    return null;
  }
}

let validating = 0;
async function validate(loud) {
  if (!view.form || !view.form.editable) return;
  const mine = ++validating;
  const r = await post(true);
  if (mine !== validating || !r) return;
  formNote(r.issues.length ? { tone: 'warn', text: () => say('sub_warnings', r.issues.length) } : loud ? { tone: 'good', text: () => t('sub_valid') } : null);
}

async function save() {
  validating++;
  const r = await post(false);
  if (!r) return false;
  view.saved = true;
  view.dirty = false;
  view.form.status = r.submission.status;
  formNote({ tone: 'good', text: () => t('sub_saved') + (r.issues.length ? ' · ' + say('sub_warnings', r.issues.length) : '') });
  sendButton();
  return true;
}

// Submit: save what is shown, then move the year to submitted.
async function send() {
  if (!(view.saved && !view.dirty) && !await save()) return;
  const r = await api(`/api/v1/submissions/${encodeURIComponent(view.school)}/${view.year}/submit`, { method: 'POST' });
  view.note = { tone: 'good', text: () => t('sub_submitted') };
  await loadForm();
  return r;
}

// Upload the chosen file as the chosen kind: the import's report, or its
// errors as a table.
async function upload() {
  const file = $('submit-file').files[0];
  if (!file) {
    view.upload = null;
    $('submit-upload-result').replaceChildren(el('p', { class: 'submit-note submit-bad', role: 'alert' }, t('sub_need_file')));
    return;
  }
  const xlsx = /\.xlsx$/i.test(file.name);
  // a header carries Latin-1 only: a Chinese file name is sent as upload.*
  const name = /^[\w.-]+$/.test(file.name) ? file.name : (xlsx ? 'upload.xlsx' : 'upload.csv');
  const kind = $('submit-kind').value;
  view.kind = kind;
  try {
    const r = await api(`/api/v1/imports/${kind}?school=${encodeURIComponent(view.school)}&year=${view.year}`, {
      method: 'POST', body: file,
      headers: { 'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', 'X-File-Name': name },
    });
    view.upload = { report: r };
    view.note = null;
    await loadForm(true);
  } catch (e) {
    if (e.status !== 400 || !e.doc.error || !Array.isArray(e.doc.error.details) || !e.doc.error.details.length) throw e;
    view.upload = { bad: e.doc.error.details };
    renderSchool();
  }
}

async function loadForm(keepUpload) {
  view.form = await api(`/api/v1/forms/${encodeURIComponent(view.school)}/${view.year}`);
  view.values = valuesOf(view.form);
  view.issues = new Map();
  view.formNote = null;
  view.saved = false;
  view.dirty = false;
  if (!keepUpload) view.upload = null;
  renderSchool();
}

function fail(e) {
  if (e.status === 401) { failed(root(), e); return; }
  const n = $('submit-note');
  view.note = { tone: 'bad', text: e.message };
  if (n) n.replaceWith(note(view.note, 'submit-note')); else failed(root(), e);
}

export default {
  id: 'submit',
  nav: 'nav_submit',
  section: 'submit-view',
  roles: ['admin', 'bureau', 'school'],
  init() {},
  async show(args) {
    const [y, school] = args;
    if (!view) view = fresh();
    root().replaceChildren(el('p', {}, t('loading')));
    try {
      // the latest year with data; this year's in a database without any
      if (latest === null) {
        latest = await api('/api/v1/submissions').then((r) => r.year, (e) => {
          if (e.status === 404) return new Date().getFullYear();
          throw e;
        });
      }
      const year = /^\d{4}$/.test(y || '') ? Number(y) : latest;
      const who = isSchool() ? state.user.scope : school || null;
      if (view.year !== year || view.school !== who) {
        const kind = view.kind;
        view = fresh();
        view.kind = kind || 'school_stats';
      }
      view.year = year;
      view.school = who;
      view.note = null;
      if (who) await loadForm(); else await loadList();
    } catch (e) {
      failed(root(), e);
    }
  },
  relabel() {
    if (!view) return;
    if (view.school && view.form) renderSchool();
    else if (view.list) renderList();
  },
  reset() {
    view = null;
    latest = null;
    root().replaceChildren();
  },
};

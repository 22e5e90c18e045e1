// history.js - 历史: what the imports did. Two tables: the import batches
// (when, who, which file, which kind, the school and year of the file, rows
// read, values changed), from /api/v1/imports as `tvet history --imports`
// lists them; and the changed values (which school, year, data element and
// dimensions, old -> new, who, when), from /api/v1/history as `tvet history`
// lists them. Filters: school (not for a school account: the server gives
// it its own school's only), year and data element; a batch's row shows
// that batch's changes alone. The newest come first, up to a limit.
import { $, api, el, failed, figure, pick, state, t, words } from './core.js';

words({
  zh: {
    nav_history: '历史', history_school: '学校', history_year: '年度', history_element: '数据项', history_all: '全部',
    history_batches: '导入批次', history_changes: '数值变更', history_batch: '批次', history_at: '时间',
    history_who: '操作人', history_file: '文件', history_kind: '数据类型', history_rows: '行数',
    history_changed: '变更值数', history_dims: '维度', history_old: '原值', history_new: '新值',
    history_none: '暂无记录', history_several: '多个', history_newest: '显示最新的', history_items: '条',
    history_only_batch: '仅显示批次', history_show_all: '显示全部变更', history_own: '本校',
    history_changes_note: '每个导入改变的数值：原值 → 新值；空白表示新增或删除。',
    history_kind_school_stats: '学校年度统计', history_kind_school_major_stats: '学校分专业年度统计',
    history_kind_school_majors: '学校开设专业', history_kind_schools: '学校名录', history_kind_enterprises: '企业名录',
    history_kind_satisfaction: '用人单位满意度调查', history_kind_demand: '企业人才需求调查',
    history_kind_postings: '招聘岗位信息', history_kind_registry: '认定项目名录', history_kind_assessments: '目标人工评估',
    history_kind_evaluation: '贡献度评价',
  },
  en: {
    nav_history: 'History', history_school: 'School', history_year: 'Year', history_element: 'Data element', history_all: 'All',
    history_batches: 'Imports', history_changes: 'Changed values', history_batch: 'Batch', history_at: 'When',
    history_who: 'By', history_file: 'File', history_kind: 'Data kind', history_rows: 'Rows',
    history_changed: 'Values changed', history_dims: 'Dimensions', history_old: 'Old', history_new: 'New',
    history_none: 'nothing yet', history_several: 'several', history_newest: 'the newest', history_items: 'shown',
    history_only_batch: 'Only batch', history_show_all: 'Show every change', history_own: 'own school',
    history_changes_note: 'Each value an import changed: old → new; a blank is a value added or removed.',
    history_kind_school_stats: 'Yearly statistics of a school', history_kind_school_major_stats: 'Yearly statistics by major',
    history_kind_school_majors: 'Majors offered', history_kind_schools: 'Schools', history_kind_enterprises: 'Enterprises',
    history_kind_satisfaction: 'Employer satisfaction survey', history_kind_demand: 'Talent-demand survey',
    history_kind_postings: 'Job postings', history_kind_registry: 'Registry of recognised items', history_kind_assessments: 'Target assessments',
    history_kind_evaluation: 'Contribution evaluation',
  },
});

const BATCH_LIMIT = 200;  // batches asked for
const CHANGE_LIMIT = 500; // changed values asked for

let built = false;      // the section's frame is made once, on first show
let schools = null;     // code -> {name, name_en}, from /api/v1/orgs
let batches = null;     // the answer of /api/v1/imports
let changes = null;     // the answer of /api/v1/history
let elements = new Map(); // element code -> {name, name_en}, as seen
let batchShown = null;  // the batch whose changes alone are shown, or null
let asked = 0;          // the latest request: answers to older ones are dropped

const section = () => $('history-view');
const isSchool = () => state.user && state.user.role === 'school';

// An ISO time (UTC) in the reader's clock: 2026-11-29 23:12.
function when(at) {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at || '-';
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const schoolName = (code) => {
  if (!code) return t('history_several');
  const s = schools && schools.get(code);
  return s ? pick(s.name, s.name_en) : code;
};
const kindName = (k) => (t('history_kind_' + k) === 'history_kind_' + k ? k : t('history_kind_' + k));
const elementName = (c) => {
  const e = elements.get(c.element);
  return e && e.name ? `${pick(e.name, e.name_en)}` : c.element;
};
// A value as stored: whole numbers whole, others to two places; a blank
// for none (the value was added or removed).
const value = (v) => (v === null || v === undefined ? '' : figure(v, Number.isInteger(v) ? 0 : 2));

function label(key, control, cls) {
  return el('label', { class: cls || null }, el('span', { 'data-i18n': key }, t(key)), ' ', control);
}

function build() {
  const school = el('select', { id: 'history-school' });
  const year = el('select', { id: 'history-year' });
  const element = el('select', { id: 'history-element' });
  for (const s of [school, year]) s.addEventListener('change', () => { batchShown = null; load(); });
  element.addEventListener('change', () => loadChanges());
  section().replaceChildren(
    el('div', { class: 'filters history-filters' },
      label('history_school', school, 'history-school-filter'),
      label('history_year', year),
      label('history_element', element)),
    el('section', { class: 'history-part', id: 'history-batches' }),
    el('section', { class: 'history-part', id: 'history-changes' }));
  built = true;
}

// The filters' options: schools from the organisations, the years the
// batches name (and the five before the current one), the elements seen.
function fillSchools() {
  const sel = $('history-school');
  sel.closest('label').hidden = isSchool();
  if (sel.options.length) return;
  sel.append(el('option', { value: '', 'data-i18n': 'history_all' }, t('history_all')),
    ...[...schools.entries()].map(([code, s]) => el('option', { value: code }, `${code} ${pick(s.name, s.name_en)}`)));
}

function fillYears() {
  const sel = $('history-year');
  const keep = sel.value;
  const years = new Set();
  const now = new Date().getFullYear();
  for (let y = now; y >= now - 5; y--) years.add(y);
  for (const b of batches || []) if (b.year) years.add(b.year);
  sel.replaceChildren(el('option', { value: '', 'data-i18n': 'history_all' }, t('history_all')),
    ...[...years].sort((a, b) => b - a).map((y) => el('option', { value: y }, y)));
  sel.value = keep;
}

function fillElements() {
  const sel = $('history-element');
  const keep = sel.value;
  sel.replaceChildren(el('option', { value: '', 'data-i18n': 'history_all' }, t('history_all')),
    ...[...elements.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([code, e]) =>
      el('option', { value: code }, e.name ? pick(e.name, e.name_en) : code)));
  sel.value = elements.has(keep) ? keep : '';
}

function table(cls, head, rows) {
  return el('div', { class: 'scroll' }, el('table', { class: cls },
    el('thead', {}, el('tr', {}, ...head.map(([key, c]) => el('th', { class: c || null }, t(key))))),
    el('tbody', {}, ...rows)));
}

function count(n, limit) {
  return n >= limit ? el('p', { class: 'history-note' }, `${t('history_newest')} ${n} ${t('history_items')}`) : '';
}

function renderBatches() {
  const rows = batches.map((b) => {
    const tr = el('tr', { class: 'history-batch' + (batchShown === b.batch ? ' history-current' : ''), tabindex: '0', 'data-batch': b.batch },
      el('td', { class: 'num' }, `#${b.batch}`),
      el('td', { 'data-label': t('history_at') }, when(b.at)),
      el('td', { 'data-label': t('history_who') }, b.who),
      el('td', { class: 'history-file', 'data-label': t('history_file') }, b.file),
      el('td', { 'data-label': t('history_kind') }, kindName(b.kind)),
      el('td', { 'data-label': t('history_school') }, b.school ? schoolName(b.school) : '-'),
      el('td', { 'data-label': t('history_year') }, b.year || '-'),
      el('td', { class: 'num', 'data-label': t('history_rows') }, b.rows),
      el('td', { class: 'num', 'data-label': t('history_changed') }, b.changed));
    const choose = () => { batchShown = batchShown === b.batch ? null : b.batch; renderBatches(); renderChanges(); };
    tr.addEventListener('click', choose);
    tr.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); choose(); }
    });
    return tr;
  });
  $('history-batches').replaceChildren(
    el('h2', {}, t('history_batches')),
    rows.length ? table('history-batches', [['history_batch', 'num'], ['history_at'], ['history_who'], ['history_file'],
      ['history_kind'], ['history_school'], ['history_year'], ['history_rows', 'num'], ['history_changed', 'num']], rows)
      : el('p', { class: 'history-note' }, t('history_none')),
    count(batches.length, BATCH_LIMIT));
}

function renderChanges() {
  const shown = batchShown ? changes.filter((c) => c.batch === batchShown) : changes;
  const rows = shown.map((c) => el('tr', { class: 'history-change', 'data-batch': c.batch },
    el('td', { 'data-label': t('history_at') }, when(c.at)),
    el('td', { 'data-label': t('history_who') }, c.who),
    el('td', { 'data-label': t('history_school') }, schoolName(c.school)),
    el('td', { 'data-label': t('history_year') }, c.year),
    el('td', { class: 'history-element', 'data-label': t('history_element'), title: c.element }, elementName(c)),
    el('td', { class: 'history-dims', 'data-label': t('history_dims') }, c.dims || '-'),
    el('td', { class: 'num history-old', 'data-label': t('history_old') }, value(c.old)),
    el('td', { class: 'num history-arrow', 'aria-hidden': 'true' }, '→'),
    el('td', { class: 'num history-new', 'data-label': t('history_new') }, value(c.new)),
    el('td', { class: 'num', 'data-label': t('history_batch') }, `#${c.batch}`)));
  let filterNote = '';
  if (batchShown) {
    const all = el('button', { type: 'button', class: 'history-all' }, t('history_show_all'));
    all.addEventListener('click', () => { batchShown = null; renderBatches(); renderChanges(); });
    filterNote = el('p', { class: 'history-note' }, `${t('history_only_batch')} #${batchShown} `, all);
  }
  $('history-changes').replaceChildren(
    el('h2', {}, t('history_changes')),
    el('p', { class: 'history-note' }, t('history_changes_note')),
    filterNote,
    rows.length ? table('history-changes', [['history_at'], ['history_who'], ['history_school'], ['history_year'],
      ['history_element'], ['history_dims'], ['history_old', 'num'], ['', 'num'], ['history_new', 'num'], ['history_batch', 'num']], rows)
      : el('p', { class: 'history-note' }, t('history_none')),
    count(changes.length, CHANGE_LIMIT));
}

function query(extra) {
  const q = new URLSearchParams(extra);
  if (!isSchool() && $('history-school').value) q.set('school', $('history-school').value);
  if ($('history-year').value) q.set('year', $('history-year').value);
  return q;
}

async function loadChanges() {
  const mine = ++asked;
  const q = query({ limit: CHANGE_LIMIT });
  if ($('history-element').value) q.set('element', $('history-element').value);
  try {
    const answer = await api('/api/v1/history?' + q);
    if (mine !== asked) return;
    changes = answer;
    for (const c of changes) if (!elements.has(c.element)) elements.set(c.element, { name: c.element_name, name_en: c.element_name_en });
    fillElements();
    renderChanges();
  } catch (e) {
    if (mine === asked) failed($('history-changes'), e);
  }
}

async function load() {
  const mine = ++asked;
  try {
    if (!schools) {
      const orgs = await api('/api/v1/orgs');
      schools = new Map(orgs.filter((o) => o.kind === 'school').map((o) => [o.code, o]));
      fillSchools();
    }
    const answer = await api('/api/v1/imports?' + query({ limit: BATCH_LIMIT }));
    if (mine !== asked) return;
    batches = answer;
    fillYears();
    renderBatches();
  } catch (e) {
    if (mine === asked) failed($('history-batches'), e);
    return;
  }
  await loadChanges();
}

export default {
  id: 'history',
  nav: 'nav_history',
  section: 'history-view',
  roles: ['admin', 'bureau', 'department', 'school'],
  init() {},
  show() {
    if (!built) build();
    $('history-school').closest('label').hidden = isSchool();
    load(); // afresh each time: an import may have come in meanwhile
  },
  relabel() {
    if (!built) return;
    section().querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
    for (const o of $('history-school').options) {
      const s = schools && schools.get(o.value);
      if (s) o.textContent = `${o.value} ${pick(s.name, s.name_en)}`;
    }
    fillElements();
    if (batches) renderBatches();
    if (changes) renderChanges();
  },
  // Signed out: nothing of the last account stays - its batches, its
  // changes, its filters.
  reset() {
    asked++;
    built = false;
    schools = null;
    batches = null;
    changes = null;
    elements = new Map();
    batchShown = null;
    section().replaceChildren();
  },
};

// schools.js - 学校: the schools of a year and one school.
// #/schools is the list (code, name, district, level, majors, enrolment,
// the year's submission), filtered by district and by a search of code or
// name; a row opens #/schools/CODE, the school's page: 基本信息 (registry),
// 指标 (each indicator that applies to the school: its value beside the
// city's, its weight in the city value and its pull on it, the plan targets
// that assess it), 专业 (majors offered, with enrolment) and 报送情况 (the
// submission of each year). A school account goes straight to its own
// school and has no list. The year selector serves both views. Every figure
// comes from /api/v1/schools[/CODE], which computes them as the CLI does
// (tvet indicator value, tvet plan status --target); the server decides who
// may see which school, the page only follows.
import { $, api, el, failed, figure, pick, state, t, words } from './core.js';

words({
  zh: {
    nav_schools: '学校', schools_year: '年度', schools_district: '区县', schools_search: '搜索',
    schools_search_hint: '代码或名称', schools_all: '全部', schools_count: '所学校',
    schools_code: '代码', schools_name: '名称', schools_level: '类型', schools_majors: '专业数',
    schools_enrolment: '在校生', schools_submission: '报送状态', schools_back: '返回学校列表',
    schools_basic: '基本信息', schools_indicators: '指标', schools_major_list: '专业', schools_submissions: '报送情况',
    schools_ownership: '举办性质', schools_township: '乡镇（街道）', schools_founded: '建校年份',
    schools_indicator: '指标', schools_school_value: '本校', schools_city_value: '全市', schools_weight: '权重',
    schools_pull: '拉动', schools_targets: '规划目标', schools_rank: '拉动排序', schools_class: '专业类',
    schools_cluster: '产业集群', schools_changed_at: '时间', schools_changed_by: '操作人',
    schools_pull_note: '权重：本校在全市分母中的占比；拉动：权重 ×（本校值 − 全市值），负值表示把全市值往不利方向拉。排序 1 为向下拉动最强的学校。',
    schools_not_applicable: '项指标不适用于本校（类型或区县不在指标范围内）',
    schools_no_match: '没有符合条件的学校', schools_none: '本年度无数据',
    sub_open: '未报送', sub_submitted: '已报送', sub_approved: '已审核', sub_reopened: '已退回',
  },
  en: {
    nav_schools: 'Schools', schools_year: 'Year', schools_district: 'District', schools_search: 'Search',
    schools_search_hint: 'code or name', schools_all: 'All', schools_count: 'schools',
    schools_code: 'Code', schools_name: 'Name', schools_level: 'Level', schools_majors: 'Majors',
    schools_enrolment: 'Enrolment', schools_submission: 'Submission', schools_back: 'Back to the schools',
    schools_basic: 'Profile', schools_indicators: 'Indicators', schools_major_list: 'Majors', schools_submissions: 'Submissions',
    schools_ownership: 'Ownership', schools_township: 'Township', schools_founded: 'Founded',
    schools_indicator: 'Indicator', schools_school_value: 'School', schools_city_value: 'City', schools_weight: 'Weight',
    schools_pull: 'Pull', schools_targets: 'Plan targets', schools_rank: 'Pull rank', schools_class: 'Class',
    schools_cluster: 'Cluster', schools_changed_at: 'When', schools_changed_by: 'By',
    schools_pull_note: 'Weight: the school\'s share of the city denominator; pull: weight × (school value − city value), negative when it moves the city value the wrong way. Rank 1 is the school with the strongest downward pull.',
    schools_not_applicable: 'indicators do not apply to this school (its level or district is outside their scope)',
    schools_no_match: 'No school matches', schools_none: 'no data this year',
    sub_open: 'open', sub_submitted: 'submitted', sub_approved: 'approved', sub_reopened: 'reopened',
  },
});

const STATUS_WORDS = { achieved: '已达成', on_track: '进展顺利', at_risk: '存在风险', off_track: '严重滞后', no_data: '无数据' };

let list = null;   // the answer of /api/v1/schools for the year shown
let school = null; // the answer of /api/v1/schools/CODE, when one is shown
let code = null;   // the school shown, null for the list
let asked = 0;     // the latest request: answers to older ones are dropped
let built = false; // the section's frame is made once, on first show

const section = () => $('schools-view');
const isSchool = () => state.user && state.user.role === 'school';
const sub = (s) => t('sub_' + s);
const status = (s) => (state.lang === 'zh' ? STATUS_WORDS[s] || s : s.replace('_', ' '));

function build() {
  const year = el('select', { id: 'schools-year' });
  const district = el('select', { id: 'schools-district' }, el('option', { value: '' }, t('schools_all')));
  const search = el('input', { id: 'schools-search', type: 'search', placeholder: t('schools_search_hint'), autocomplete: 'off' });
  year.addEventListener('change', () => load().catch(fail));
  district.addEventListener('change', renderList);
  search.addEventListener('input', renderList);
  section().replaceChildren(
    el('div', { class: 'filters schools-filters' },
      el('label', {}, el('span', { 'data-i18n': 'schools_year' }, t('schools_year')), ' ', year),
      el('label', { class: 'schools-list-only' }, el('span', { 'data-i18n': 'schools_district' }, t('schools_district')), ' ', district),
      el('label', { class: 'schools-list-only' }, el('span', { 'data-i18n': 'schools_search' }, t('schools_search')), ' ', search)),
    el('div', { id: 'schools-body' }));
  built = true;
}

// The years to choose: the latest with data and the four before it.
function fillYears(latest) {
  const sel = $('schools-year');
  if (sel.options.length) return;
  for (let y = latest; y >= latest - 4; y--) sel.append(el('option', { value: y }, y));
  sel.value = String(latest);
}

function fillDistricts() {
  const sel = $('schools-district');
  const keep = sel.value;
  const seen = new Map();
  for (const s of list.schools) if (s.district) seen.set(s.district, s);
  sel.replaceChildren(el('option', { value: '' }, t('schools_all')),
    ...[...seen.values()].map((s) => el('option', { value: s.district }, pick(s.district_name, s.district_name_en))));
  sel.value = seen.has(keep) ? keep : '';
}

const num = (v, places = 0, unit = '') => figure(v, places, unit);
const signed = (v, places) => (v === null || v === undefined ? '-' : (v > 0 ? '+' : '') + figure(v, places));

function subBadge(s) {
  return el('span', { class: 'schools-sub schools-sub-' + s }, sub(s));
}

function table(cls, head, rows) {
  return el('div', { class: 'scroll' }, el('table', { class: cls },
    el('thead', {}, el('tr', {}, ...head.map(([key, c]) => el('th', { class: c || null }, t(key))))),
    el('tbody', {}, ...rows)));
}

// ---- the list ------------------------------------------------------------------
function matches(s, district, text) {
  if (district && s.district !== district) return false;
  if (!text) return true;
  const q = text.toLowerCase();
  return [s.code, s.name, s.name_en].some((x) => x && x.toLowerCase().includes(q));
}

function renderList() {
  if (!list || code) return;
  const district = $('schools-district').value;
  const text = $('schools-search').value.trim();
  const shown = list.schools.filter((s) => matches(s, district, text));
  const rows = shown.map((s) => {
    const href = '#/schools/' + encodeURIComponent(s.code);
    const tr = el('tr', { class: 'schools-row', 'data-code': s.code },
      el('td', { class: 'schools-code' }, s.code),
      el('td', {}, el('a', { href }, pick(s.name, s.name_en))),
      el('td', { 'data-label': t('schools_district') }, pick(s.district_name || '-', s.district_name_en)),
      el('td', { 'data-label': t('schools_level') }, s.level),
      el('td', { class: 'num', 'data-label': t('schools_majors') }, num(s.majors)),
      el('td', { class: 'num', 'data-label': t('schools_enrolment') }, num(s.enrolment)),
      el('td', { 'data-label': t('schools_submission') }, subBadge(s.submission)));
    tr.addEventListener('click', (ev) => {
      if (ev.target.closest('a')) return; // the link goes by itself
      location.hash = href;
    });
    return tr;
  });
  $('schools-body').replaceChildren(
    el('p', { class: 'schools-count', role: 'status' }, `${shown.length} ${t('schools_count')}`),
    shown.length ? table('schools-list', [['schools_code'], ['schools_name'], ['schools_district'], ['schools_level'],
      ['schools_majors', 'num'], ['schools_enrolment', 'num'], ['schools_submission']], rows)
      : el('p', { class: 'schools-note' }, t('schools_no_match')));
}

// ---- one school ------------------------------------------------------------------
function basics(s) {
  const rows = [
    ['schools_code', s.code],
    ['schools_name', state.lang === 'zh' || !s.name_en ? s.name : `${s.name_en} (${s.name})`],
    ['schools_level', s.level],
    ['schools_ownership', s.ownership || '-'],
    ['schools_district', pick(s.district_name || '-', s.district_name_en)],
    ['schools_township', s.township_name || '-'],
    ['schools_founded', s.founded_year || '-'],
    ['schools_majors', num(s.majors)],
    ['schools_enrolment', num(s.enrolment)],
    ['schools_submission', subBadge(s.submission)],
  ];
  return el('dl', { class: 'schools-basics' }, ...rows.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v)]));
}

function indicatorRows(inds) {
  return inds.map((i) => {
    const unit = i.unit === '%' ? '%' : '';
    const label = i.unit === '%' ? pick(i.name, i.name_en) : `${pick(i.name, i.name_en)}（${i.unit}）`;
    const pullClass = i.pull === null ? null : (i.pull < 0 ? 'num schools-down' : 'num schools-up');
    return el('tr', { 'data-code': i.code },
      el('td', { class: 'schools-ind' }, label),
      el('td', { class: 'num', 'data-label': t('schools_school_value') }, num(i.value, i.decimals, unit)),
      el('td', { class: 'num', 'data-label': t('schools_city_value') }, num(i.city.value, i.decimals, unit)),
      el('td', { class: 'num', 'data-label': t('schools_weight') }, i.weight === null ? '-' : num(100 * i.weight, 1, '%')),
      el('td', { class: pullClass || 'num', 'data-label': t('schools_pull') }, signed(i.pull, 2)),
      el('td', { class: 'num', 'data-label': t('schools_rank') }, i.rank ? `${i.rank}/${i.of}` : '-'),
      el('td', { class: 'schools-targets', 'data-label': t('schools_targets') }, ...i.targets.map((g) =>
        el('span', { class: 'schools-target status ' + g.status, title: pick(g.title, g.title_en) }, `${g.id} ${status(g.status)}`))));
  });
}

function renderSchool() {
  const d = school;
  const s = d.school;
  const applies = d.indicators.filter((i) => i.applies);
  const others = d.indicators.length - applies.length;
  const parts = [];
  if (!isSchool()) {
    parts.push(el('p', { class: 'schools-back no-print' }, el('a', { href: '#/schools' }, '← ' + t('schools_back'))));
  }
  parts.push(el('h2', { class: 'schools-title' }, `${pick(s.name, s.name_en)} · ${d.year}`));
  parts.push(el('section', { class: 'schools-part', id: 'schools-basic' },
    el('h3', {}, t('schools_basic')), basics(s)));
  parts.push(el('section', { class: 'schools-part', id: 'schools-indicators' },
    el('h3', {}, t('schools_indicators')),
    table('schools-ind-table', [['schools_indicator'], ['schools_school_value', 'num'], ['schools_city_value', 'num'],
      ['schools_weight', 'num'], ['schools_pull', 'num'], ['schools_rank', 'num'], ['schools_targets']], indicatorRows(applies)),
    el('p', { class: 'schools-note' }, t('schools_pull_note')),
    others ? el('p', { class: 'schools-note' }, `${others} ${t('schools_not_applicable')}`) : ''));
  parts.push(el('section', { class: 'schools-part', id: 'schools-majors' },
    el('h3', {}, `${t('schools_major_list')} (${d.majors.length})`),
    d.majors.length ? table('schools-major-table', [['schools_code'], ['schools_name'], ['schools_class'], ['schools_cluster'],
      ['schools_enrolment', 'num']], d.majors.map((m) => el('tr', {},
      el('td', { class: 'schools-code' }, m.code),
      el('td', {}, m.name),
      el('td', { 'data-label': t('schools_class') }, m.class || '-'),
      el('td', { 'data-label': t('schools_cluster') }, m.cluster ? pick(m.cluster_name, m.cluster_name_en) : '-'),
      el('td', { class: 'num', 'data-label': t('schools_enrolment') }, num(m.enrolment)))))
      : el('p', { class: 'schools-note' }, t('schools_none'))));
  parts.push(el('section', { class: 'schools-part', id: 'schools-submissions' },
    el('h3', {}, t('schools_submissions')),
    d.submissions.length ? table('schools-sub-table', [['schools_year'], ['schools_submission'], ['schools_changed_at'], ['schools_changed_by']],
      d.submissions.map((x) => el('tr', {},
        el('td', {}, x.year), el('td', {}, subBadge(x.status)),
        el('td', {}, x.changed_at ? x.changed_at.replace('T', ' ').replace('Z', ' UTC') : '-'),
        el('td', {}, x.changed_by || '-'))))
      : el('p', { class: 'schools-note' }, t('none'))));
  $('schools-body').replaceChildren(...parts);
}

// ---- loading -------------------------------------------------------------------
function fail(e) {
  failed($('schools-body'), e);
}

// Fetch what the address asks for in the year chosen (the latest at first).
async function load() {
  const mine = ++asked;
  const year = $('schools-year').value;
  const q = year ? '?year=' + encodeURIComponent(year) : '';
  section().classList.toggle('schools-detail', Boolean(code));
  if (code) {
    const d = await api(`/api/v1/schools/${encodeURIComponent(code)}${q}`);
    if (mine !== asked) return;
    school = d;
    fillYears(d.year);
    renderSchool();
  } else {
    const d = await api('/api/v1/schools' + q);
    if (mine !== asked) return;
    list = d;
    school = null;
    fillYears(d.year);
    fillDistricts();
    renderList();
  }
}

export default {
  id: 'schools',
  nav: 'nav_schools',
  section: 'schools-view',
  roles: ['admin', 'bureau', 'department', 'school'],
  init() {},
  // #/schools: the list (a school account: its own school); #/schools/CODE.
  show(args) {
    if (!built) build();
    code = args[0] || (isSchool() ? state.user.scope : null);
    school = null;
    $('schools-body').replaceChildren(el('p', { class: 'schools-note' }, t('loading')));
    load().catch(fail);
  },
  relabel() {
    if (!built) return;
    for (const e of section().querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    $('schools-search').placeholder = t('schools_search_hint');
    if (list) fillDistricts();
    if (code && school) renderSchool();
    else renderList();
  },
  // Signed out: nothing of the last account stays - its schools, its
  // school, its filters.
  reset() {
    list = null;
    school = null;
    code = null;
    asked++;
    built = false;
    section().replaceChildren();
    section().classList.remove('schools-detail');
  },
};

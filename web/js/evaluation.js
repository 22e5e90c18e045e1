// evaluation.js - 评价: the contribution evaluation of a year and the
// performance pay it sets. The city's index against G3 (85) in the status
// colour the plan gives it; a scorecard per school (rank, index, the 5-95 %
// intervals of rank and index, the explanation); the dimensions' share of
// each index (stacked bars) and the rank intervals (bars from the 5 % to the
// 95 % rank, the nominal rank a dot); what-if sliders of the dimensions'
// weights, each move re-asking the server (debounced), whose ranks and
// indices are shown beside the nominal ones; the latest saved allocation of
// the year, and for the bureau a form to compute and save one. A school
// account sees the city's index and its own scorecard only - the server
// sends it nothing else (/api/v1/evaluation scopes the schools). Every
// figure comes from /api/v1/evaluation and /api/v1/allocations, which
// compute them as tvet evaluate and tvet allocate do.
import { $, api, el, failed, figure, pick, state, t, words } from './core.js';
import { chartsReady, cssColour, disposeCharts, draw, loadCharts, missingNote } from './charts.js';

words({
  zh: {
    nav_evaluation: '评价', eval_year: '年度', eval_city: '全市服务地方发展总体贡献指数', eval_target: '目标',
    eval_weighted: '按在校生加权', eval_schools: '所学校', eval_rank: '排名', eval_index: '指数',
    eval_rank_interval: '名次区间（5–95%）', eval_index_interval: '指数区间', eval_whatif: '权重模拟',
    eval_whatif_note: '拖动滑块改变各维度权重（0–50），由服务器重新计算；卡片中“模拟”为新权重下的结果。',
    eval_reset: '恢复默认权重', eval_nominal: '默认', eval_sim: '模拟', eval_breakdown: '各维度对指数的贡献',
    eval_intervals: '名次不确定性（5–95% 区间）', eval_alloc: '绩效奖励分配', eval_alloc_none: '本年度尚无保存的分配方案',
    eval_school: '学校', eval_base: '基数（元）', eval_reward: '奖励（元）', eval_pct: '占基数', eval_capped: '封顶',
    eval_yes: '是', eval_no: '否', eval_pool: '奖励总额（元）', eval_rule: '规则', eval_uplift: '超出基准线部分（uplift）',
    eval_share: '按指数份额（share）', eval_robust: '仅计稳健差异（区间下限）', eval_compute: '试算', eval_save: '计算并保存',
    eval_preview: '试算结果（未保存）', eval_saved_run: '已保存方案', eval_by: '保存人', eval_at: '时间',
    eval_allocated: '已分配', eval_left: '未分配', eval_saved_ok: '分配方案已保存', eval_own_only: '本账号仅可查看本校评价与全市指数。',
    eval_status_achieved: '已达成', eval_status_on_track: '进展顺利', eval_status_at_risk: '存在风险',
    eval_status_off_track: '严重滞后', eval_status_no_data: '无数据', eval_dims: '维度得分',
    eval_rule_uplift: '超出基准线', eval_rule_share: '指数份额', eval_robust_short: '稳健',
  },
  en: {
    nav_evaluation: 'Evaluation', eval_year: 'Year', eval_city: 'City contribution index', eval_target: 'Target',
    eval_weighted: 'enrolment-weighted', eval_schools: 'schools', eval_rank: 'Rank', eval_index: 'Index',
    eval_rank_interval: 'Rank interval (5–95%)', eval_index_interval: 'Index interval', eval_whatif: 'What if: weights',
    eval_whatif_note: 'Move a slider to change a dimension\'s weight (0–50); the server recomputes, and each card shows the result under the new weights beside the default.',
    eval_reset: 'Default weights', eval_nominal: 'default', eval_sim: 'what-if', eval_breakdown: 'Contribution of each dimension to the index',
    eval_intervals: 'Rank uncertainty (5–95% interval)', eval_alloc: 'Performance pay', eval_alloc_none: 'No allocation saved for this year',
    eval_school: 'School', eval_base: 'Base (yuan)', eval_reward: 'Reward (yuan)', eval_pct: '% of base', eval_capped: 'Capped',
    eval_yes: 'yes', eval_no: 'no', eval_pool: 'Pool (yuan)', eval_rule: 'Rule', eval_uplift: 'above the floor (uplift)',
    eval_share: 'share of the index (share)', eval_robust: 'robust differences only (interval low end)', eval_compute: 'Compute',
    eval_save: 'Compute and save', eval_preview: 'Computed (not saved)', eval_saved_run: 'Saved run', eval_by: 'by', eval_at: 'at',
    eval_allocated: 'allocated', eval_left: 'left', eval_saved_ok: 'The allocation is saved', eval_own_only: 'This account sees its own school\'s evaluation and the city index only.',
    eval_status_achieved: 'achieved', eval_status_on_track: 'on track', eval_status_at_risk: 'at risk',
    eval_status_off_track: 'off track', eval_status_no_data: 'no data', eval_dims: 'Dimension scores',
    eval_rule_uplift: 'uplift', eval_rule_share: 'share', eval_robust_short: 'robust',
  },
});

const DIM_COLOURS = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457'];
const DEBOUNCE_MS = 300;

let nominal = null; // /api/v1/evaluation of the year, default weights
let whatif = null;  // the same under the sliders' weights, null while they are the default
let g3 = null;      // the plan's G3 of the year (its status), or null
let runs = null;    // /api/v1/allocations?year= (not for a school)
let preview = null; // an allocation computed and not saved
let note = '';      // the last allocation message
const filled = { pool: '300000.00', rule: 'uplift', robust: false }; // the allocation form as last filled
let asked = 0;      // the latest load: older answers are dropped
let askedWhatif = 0;
let timer = null;
let built = false;

const section = () => $('evaluation-view');
const role = () => (state.user ? state.user.role : '');
const isSchool = () => role() === 'school';
const mayAllocate = () => role() === 'admin' || role() === 'bureau';
// Fen as yuan, exactly (integers, no binary fractions), with thousands separators.
function yuan(fen) {
  if (fen === null || fen === undefined) return '-';
  const whole = String(Math.trunc(Math.abs(fen) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}
const num = (v, places = 1) => figure(v, places);

function build() {
  const year = el('select', { id: 'eval-year' });
  year.addEventListener('change', () => {
    whatif = null;
    preview = null;
    note = '';
    load().catch(fail);
  });
  section().replaceChildren(
    el('div', { class: 'filters eval-filters' },
      el('label', {}, el('span', { 'data-i18n': 'eval_year' }, t('eval_year')), ' ', year)),
    el('div', { id: 'eval-body' }));
  built = true;
}

function fillYears(latest) {
  const sel = $('eval-year');
  if (sel.options.length) return;
  for (let y = latest; y >= latest - 4; y--) sel.append(el('option', { value: y }, y));
  sel.value = String(latest);
}

// ---- the city -------------------------------------------------------------------
function cityCard(d) {
  const st = g3 ? g3.status : (d.city_index === null ? 'no_data' : d.city_index >= d.target ? 'achieved' : 'off_track');
  return el('section', { class: 'eval-city eval-st-' + st, id: 'eval-city' },
    el('h2', {}, `${t('eval_city')} · ${d.year}`),
    el('p', { class: 'eval-city-figure' },
      el('span', { class: 'eval-city-index' }, num(d.city_index)),
      el('span', { class: 'eval-city-target' }, ` / ${t('eval_target')} G3 ≥ ${num(d.target, 0)}`),
      ' ', el('span', { class: 'status ' + st }, t('eval_status_' + st))),
    el('p', { class: 'note' }, g3 ? pick(g3.explanation, g3.explanation_en)
      : `${t('eval_weighted')} (${num(d.city_weight, 0)})`));
}

// ---- scorecards -----------------------------------------------------------------
const dimName = (d) => pick(d.name, d.name_en);
const bySchool = (doc) => new Map((doc ? doc.schools : []).map((s) => [s.school, s]));

function delta(now, was) {
  if (now === null || was === null) return '';
  const v = now - was;
  return `${v > 0 ? '+' : ''}${figure(v, 1)}`;
}

function scorecard(s, sim) {
  const ri = s.rank_interval || [null, null];
  const ii = s.index_interval || [null, null];
  const card = el('article', { class: 'eval-card', 'data-school': s.school },
    el('div', { class: 'eval-card-head' },
      el('span', { class: 'eval-rank', title: t('eval_rank') }, s.rank ? `#${s.rank}` : '-'),
      el('h3', {}, pick(s.name, s.name_en))),
    el('p', { class: 'eval-card-index' },
      el('span', { class: 'eval-index' }, num(s.index)),
      el('span', { class: 'eval-sub' }, ` ${t('eval_index_interval')} ${num(ii[0])}–${num(ii[1])}`)),
    el('p', { class: 'eval-sub eval-ri' }, `${t('eval_rank_interval')}: ${ri[0] === null ? '-' : `${num(ri[0], 0)}–${num(ri[1], 0)}`}`));
  if (sim) {
    card.append(el('p', { class: 'eval-sim' },
      el('span', { class: 'eval-sim-label' }, t('eval_sim')), ' ',
      el('span', { class: 'eval-sim-index' }, num(sim.index)),
      ` (${delta(sim.index, s.index)}) `,
      el('span', { class: 'eval-sim-rank' }, sim.rank ? `#${sim.rank}` : '-'),
      sim.rank && s.rank && sim.rank !== s.rank ? ` (${t('eval_nominal')} #${s.rank})` : ''));
  }
  const dims = (nominal ? nominal.dimensions : []).map((d) => el('li', {},
    el('span', {}, dimName(d)), el('span', { class: 'eval-dim-score' }, num(s.dimensions[d.code]))));
  card.append(el('ul', { class: 'eval-dims', 'aria-label': t('eval_dims') }, ...dims),
    el('p', { class: 'eval-why' }, state.lang === 'zh' ? s.explanation : s.explanation_en));
  return card;
}

function scorecards() {
  const sims = bySchool(whatif);
  const schools = [...nominal.schools].sort((a, b) => (a.rank || 99) - (b.rank || 99) || a.school.localeCompare(b.school));
  return el('div', { class: 'eval-cards', id: 'eval-cards' },
    ...schools.map((s) => scorecard(s, whatif ? sims.get(s.school) : null)));
}

// ---- what-if ---------------------------------------------------------------------
function sliders() {
  const box = el('section', { class: 'eval-whatif no-print', id: 'eval-whatif' },
    el('h3', {}, t('eval_whatif')), el('p', { class: 'note' }, t('eval_whatif_note')));
  const weights = whatif ? whatif.dimensions : nominal.dimensions;
  for (const d of weights) {
    const out = el('output', { class: 'eval-w', id: `eval-w-${d.code}` }, num(d.weight, 0));
    const input = el('input', { type: 'range', min: 0, max: 50, step: 1, value: d.weight, id: `eval-slider-${d.code}`,
      'data-dim': d.code, 'aria-label': dimName(d) });
    input.addEventListener('input', () => {
      out.textContent = input.value;
      clearTimeout(timer);
      timer = setTimeout(() => askWhatif().catch(failWhatif), DEBOUNCE_MS);
    });
    box.append(el('label', { class: 'eval-slider' }, el('span', {}, dimName(d)), input, out));
  }
  const reset = el('button', { type: 'button', id: 'eval-reset' }, t('eval_reset'));
  reset.addEventListener('click', () => {
    whatif = null;
    askedWhatif++;
    render();
  });
  box.append(reset, el('p', { class: 'error', id: 'eval-whatif-error', role: 'alert' }));
  return box;
}

// Ask the server for the sliders' weights; the default weights need no
// question.
async function askWhatif() {
  const mine = ++askedWhatif;
  const q = new URLSearchParams({ year: String(nominal.year) });
  let same = true;
  for (const d of nominal.dimensions) {
    const v = $(`eval-slider-${d.code}`).value;
    if (Number(v) !== d.weight) same = false;
    q.set(`w.${d.code}`, v);
  }
  $('eval-whatif-error').textContent = '';
  if (same) {
    whatif = null;
    render();
    return;
  }
  const d = await api('/api/v1/evaluation?' + q.toString());
  if (mine !== askedWhatif) return;
  whatif = d;
  renderResults();
}

function failWhatif(e) {
  if (e.status === 401) {
    failed($('eval-body'), e);
    return;
  }
  const p = $('eval-whatif-error');
  if (p) p.textContent = e.message;
}

// ---- charts ------------------------------------------------------------------------
// The points each dimension adds to a school's index: its score times its
// weight over the weights of the dimensions the school has (so the bars sum
// to the index, as the engine renormalises).
function contributions(doc, s) {
  const have = doc.dimensions.filter((d) => s.dimensions[d.code] !== null && s.dimensions[d.code] !== undefined);
  const total = have.reduce((n, d) => n + d.weight, 0);
  return doc.dimensions.map((d) => (total > 0 && have.includes(d) ? (s.dimensions[d.code] * d.weight) / total : 0));
}

function drawBreakdown(box) {
  const doc = whatif || nominal;
  const schools = [...doc.schools].filter((s) => s.index !== null).sort((a, b) => a.index - b.index);
  const names = schools.map((s) => pick(s.name, s.name_en));
  const parts = schools.map((s) => contributions(doc, s));
  draw(box, {
    aria: { enabled: true, label: { description: `${t('eval_breakdown')}: ${schools.map((s) => `${pick(s.name, s.name_en)} ${num(s.index)}`).join(', ')}` } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 40, top: 36, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => num(v) },
    xAxis: { type: 'value', max: 100, name: t('eval_index') },
    yAxis: { type: 'category', data: names, axisLabel: { width: state.lang === 'zh' ? 150 : 180, overflow: 'truncate' } },
    series: doc.dimensions.map((d, k) => ({
      name: dimName(d), type: 'bar', stack: 'index', data: parts.map((p) => p[k]), color: DIM_COLOURS[k % DIM_COLOURS.length],
      label: k === doc.dimensions.length - 1 ? { show: true, position: 'right', formatter: (p) => num(schools[p.dataIndex].index), color: '#222' } : undefined,
    })),
  });
}

function drawIntervals(box) {
  const doc = nominal;
  const schools = [...doc.schools].filter((s) => s.rank).sort((a, b) => b.rank - a.rank);
  const n = doc.schools.length;
  draw(box, {
    aria: { enabled: true, label: { description: `${t('eval_intervals')}: ${schools.map((s) => `${pick(s.name, s.name_en)} #${s.rank} (${num(s.rank_interval[0], 0)}–${num(s.rank_interval[1], 0)})`).join(', ')}` } },
    grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (ps) => { const s = schools[ps[0].dataIndex]; return `${pick(s.name, s.name_en)}\n#${s.rank}  ${t('eval_rank_interval')}: ${num(s.rank_interval[0], 0)}–${num(s.rank_interval[1], 0)}`; } },
    xAxis: { type: 'value', min: 0, max: n + 1, interval: 1, name: t('eval_rank'), nameLocation: 'middle', nameGap: 24,
      axisLabel: { formatter: (v) => (v >= 1 && v <= n ? String(v) : '') } },
    yAxis: { type: 'category', data: schools.map((s) => pick(s.name, s.name_en)), axisLabel: { width: state.lang === 'zh' ? 150 : 180, overflow: 'truncate' } },
    series: [
      // the interval as a bar from a little before its 5 % rank to a little
      // after its 95 % rank (an invisible bar below it), so [1, 1] shows too
      { type: 'bar', stack: 'ri', silent: true, itemStyle: { color: 'transparent' }, data: schools.map((s) => s.rank_interval[0] - 0.25) },
      { type: 'bar', stack: 'ri', name: t('eval_rank_interval'), itemStyle: { color: 'rgba(21,101,192,.35)' }, barWidth: '45%',
        data: schools.map((s) => s.rank_interval[1] - s.rank_interval[0] + 0.5) },
      { type: 'scatter', name: t('eval_rank'), symbolSize: 11, color: cssColour('on_track') || '#1565c0', z: 5,
        data: schools.map((s) => s.rank) },
    ],
  });
}

function chartBox(id, label) {
  return el('div', { class: 'chart eval-chart', id, role: 'img', 'aria-label': label });
}

function showCharts() {
  loadCharts().then((ok) => {
    const boxes = [$('eval-breakdown'), $('eval-intervals')].filter((b) => b && b.isConnected);
    if (!ok) {
      for (const b of boxes) b.replaceWith(missingNote());
      return;
    }
    if ($('eval-breakdown') && $('eval-breakdown').offsetWidth > 0) drawBreakdown($('eval-breakdown'));
    if ($('eval-intervals') && $('eval-intervals').offsetWidth > 0) drawIntervals($('eval-intervals'));
  });
}

// ---- allocations ------------------------------------------------------------------
function allocTable(run, caption) {
  const rows = Object.entries(run.schools).sort((a, b) => a[0].localeCompare(b[0])).map(([code, s]) => el('tr', { 'data-school': code },
    el('td', {}, pick(s.name, s.name_en)),
    el('td', { class: 'num', 'data-label': t('eval_index') }, num(s.index)),
    el('td', { class: 'num', 'data-label': t('eval_base') }, yuan(s.base)),
    el('td', { class: 'num eval-reward', 'data-label': t('eval_reward') }, yuan(s.fen)),
    el('td', { class: 'num', 'data-label': t('eval_pct') }, s.base ? figure((100 * s.fen) / s.base, 1, '%') : '-'),
    el('td', { 'data-label': t('eval_capped') }, s.capped ? t('eval_yes') : t('eval_no'))));
  const head = ['eval_school', 'eval_index', 'eval_base', 'eval_reward', 'eval_pct', 'eval_capped'];
  return el('div', { class: 'eval-run' },
    el('p', { class: 'eval-run-caption' }, caption,
      ` · ${t('eval_pool')} ${yuan(run.pool)} · ${t('eval_allocated')} ${yuan(run.allocated)} · ${t('eval_left')} ${yuan(run.left)} · ${t('eval_rule')} ${t('eval_rule_' + run.rule)}${run.options && run.options.robust ? ` · ${t('eval_robust_short')}` : ''}`),
    el('div', { class: 'scroll' }, el('table', { class: 'eval-alloc-table' },
      el('thead', {}, el('tr', {}, ...head.map((k, i) => el('th', { class: i > 0 && i < 5 ? 'num' : null }, t(k))))),
      el('tbody', {}, ...rows))));
}

function allocForm() {
  const pool = el('input', { id: 'eval-pool', inputmode: 'decimal', value: filled.pool, pattern: '[0-9]+(\\.[0-9]{1,2})?', required: true });
  const rule = el('select', { id: 'eval-rule' },
    el('option', { value: 'uplift' }, t('eval_uplift')), el('option', { value: 'share' }, t('eval_share')));
  const robust = el('input', { type: 'checkbox', id: 'eval-robust', checked: filled.robust });
  rule.value = filled.rule;
  const compute = el('button', { type: 'submit', id: 'eval-compute', value: 'compute' }, t('eval_compute'));
  const save = el('button', { type: 'submit', id: 'eval-save', value: 'save' }, t('eval_save'));
  const form = el('form', { class: 'eval-alloc-form no-print', id: 'eval-alloc-form' },
    el('label', {}, el('span', {}, t('eval_pool')), pool),
    el('label', {}, el('span', {}, t('eval_rule')), rule),
    el('label', { class: 'eval-check' }, robust, el('span', {}, t('eval_robust'))),
    el('span', { class: 'eval-buttons' }, compute, save),
    el('p', { class: 'eval-alloc-note', id: 'eval-alloc-note', role: 'status' }, note));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const saving = ev.submitter && ev.submitter.value === 'save';
    Object.assign(filled, { pool: pool.value.trim(), rule: rule.value, robust: robust.checked });
    allocate(pool.value.trim(), rule.value, robust.checked, saving).catch((e) => {
      if (e.status === 401) { failed($('eval-body'), e); return; }
      note = e.message;
      const p = $('eval-alloc-note');
      if (p) { p.textContent = note; p.classList.add('error'); }
    });
  });
  return form;
}

async function allocate(pool, rule, robust, save) {
  const body = { year: nominal.year, pool, rule, robust, save };
  const d = await api('/api/v1/allocations', { method: 'POST', body: JSON.stringify(body) });
  if (save) {
    preview = null;
    note = t('eval_saved_ok');
    runs = await api('/api/v1/allocations?year=' + nominal.year);
  } else {
    preview = d;
    note = '';
  }
  renderAlloc();
}

function renderAlloc() {
  const box = $('eval-alloc');
  if (!box) return;
  const latest = runs && runs.length ? runs[0] : null;
  const parts = [el('h3', {}, t('eval_alloc'))];
  if (mayAllocate()) parts.push(allocForm());
  if (preview) parts.push(allocTable(preview, t('eval_preview')));
  if (latest) parts.push(allocTable(latest, `${t('eval_saved_run')} #${latest.id} · ${t('eval_by')} ${latest.who} · ${t('eval_at')} ${latest.at.replace('T', ' ').replace('Z', ' UTC')}`));
  else parts.push(el('p', { class: 'note', id: 'eval-alloc-none' }, t('eval_alloc_none')));
  box.replaceChildren(...parts);
}

// ---- the page ------------------------------------------------------------------------
// The parts that depend on the what-if: the cards and the breakdown.
function renderResults() {
  const cards = $('eval-cards');
  if (cards) cards.replaceWith(scorecards());
  if (chartsReady() && $('eval-breakdown') && $('eval-breakdown').offsetWidth > 0) drawBreakdown($('eval-breakdown'));
}

function render() {
  disposeCharts(section());
  const parts = [cityCard(nominal)];
  if (isSchool()) {
    parts.push(el('p', { class: 'note' }, t('eval_own_only')));
    parts.push(el('div', { class: 'eval-cards eval-own', id: 'eval-cards' }, ...nominal.schools.map((s) => scorecard(s, null))));
    $('eval-body').replaceChildren(...parts);
    return;
  }
  parts.push(sliders());
  parts.push(el('p', { class: 'eval-count' }, `${nominal.schools.length} ${t('eval_schools')}`));
  parts.push(scorecards());
  parts.push(el('section', { class: 'eval-part' }, el('h3', {}, t('eval_breakdown')),
    chartBox('eval-breakdown', t('eval_breakdown'))));
  parts.push(el('section', { class: 'eval-part' }, el('h3', {}, t('eval_intervals')),
    chartBox('eval-intervals', t('eval_intervals'))));
  parts.push(el('section', { class: 'eval-part eval-alloc', id: 'eval-alloc' }));
  $('eval-body').replaceChildren(...parts);
  renderAlloc();
  showCharts();
}

function fail(e) {
  failed($('eval-body'), e);
}

async function load() {
  const mine = ++asked;
  askedWhatif++;
  const year = $('eval-year').value;
  const q = year ? '?year=' + encodeURIComponent(year) : '';
  const d = await api('/api/v1/evaluation' + q);
  const [plan, list] = await Promise.all([
    api(`/api/v1/plan/targets/G3?year=${d.year}`).then((x) => x[0] || null, () => null),
    isSchool() ? Promise.resolve(null) : api(`/api/v1/allocations?year=${d.year}`),
  ]);
  if (mine !== asked) return;
  nominal = d;
  g3 = plan;
  runs = list;
  fillYears(d.year);
  render();
}

export default {
  id: 'evaluation',
  nav: 'nav_evaluation',
  section: 'evaluation-view',
  roles: ['admin', 'bureau', 'department', 'school'],
  init() {},
  show() {
    if (!built) build();
    $('eval-body').replaceChildren(el('p', { class: 'note' }, t('loading')));
    whatif = null;
    preview = null;
    note = '';
    load().catch(fail);
  },
  relabel() {
    if (!built) return;
    for (const e of section().querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    if (nominal) render();
  },
  // Signed out: nothing of the last account stays.
  reset() {
    clearTimeout(timer);
    nominal = null;
    whatif = null;
    g3 = null;
    runs = null;
    preview = null;
    note = '';
    Object.assign(filled, { pool: '300000.00', rule: 'uplift', robust: false });
    asked++;
    askedWhatif++;
    built = false;
    disposeCharts(section());
    section().replaceChildren();
  },
};

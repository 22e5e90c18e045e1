// overview.js - 总览: the plan at a glance. Targets grouped by action with
// their status colours, counts by status (a donut and a line of counts),
// filters by year and department, each target's trend as a sparkline in its
// row, and on a click the target's trend chart (actual by year, the dashed
// path from the baseline to the target it is judged against, the target
// line) and its schools. Every figure and sentence comes from the API
// (/api/v1/plan/...), which computes them as the CLI does - the trend too
// (each criterion's "series") - and figures are rounded as the CLI rounds
// them (the indicator's decimals). Charts: js/charts.js (ECharts); the
// sparklines are plain SVG, 47 of them cost nothing and print sharp.
import { $, api, el, failed, figure, pick, state, t, words } from './core.js';
import { chartsMissing, chartsReady, cssColour, disposeCharts, draw, loadCharts, missingNote, resizeCharts } from './charts.js';

words({
  zh: {
    nav_overview: '总览', year: '年度', unit: '责任单位', all: '全部',
    target: '目标', actual: '实际值', goal: '目标值', status: '状态', why: '说明',
    action: '行动', school: '学校', value: '数值', weight: '权重', pull: '拉动',
    achieved: '已达成', on_track: '进展顺利', at_risk: '存在风险', off_track: '严重滞后',
    no_data: '无数据', assessed: '人工评估',
    criteria: '项指标', path: '目标路径', trend: '趋势', by_status: '各状态指标数',
  },
  en: {
    nav_overview: 'Overview', year: 'Year', unit: 'Department', all: 'All',
    target: 'Target', actual: 'Actual', goal: 'Target value', status: 'Status', why: 'Explanation',
    action: 'Action', school: 'School', value: 'Value', weight: 'Weight', pull: 'Pull',
    achieved: 'achieved', on_track: 'on track', at_risk: 'at risk', off_track: 'off track',
    no_data: 'no data', assessed: 'assessed',
    criteria: 'criteria', path: 'Path to target', trend: 'Trend', by_status: 'Criteria by status',
  },
});
const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

let plan = null;      // the plan's status as shown
let decimals = null;  // indicator code -> its decimals, from /api/v1/indicators
let detail = null;    // the criteria of the target shown, or null
let shownLang = null; // the language the page was last drawn in

// A criterion's places: its indicator's decimals; counts are whole.
function places(c) {
  if (!c.indicator) return 0;
  return decimals && decimals.has(c.indicator) ? decimals.get(c.indicator) : 2;
}

// A figure as the table shows it: "%" written, other units in the header.
const shown = (c, v) => figure(v, places(c), c.unit === '%' ? '%' : '');

// The years a criterion's trend spans, from its first year with a point to
// the year shown or the deadline, whichever is later, with the actual and
// the path of each: the path is the series' trajectory up to the year shown,
// then the target at the deadline (the path is straight, so the line drawn
// between them is the path).
function trend(c) {
  const at = new Map(c.series.map((p) => [p.year, p]));
  const years = [];
  for (let y = c.series[0].year; y <= Math.max(c.year, c.deadline); y++) years.push(y);
  return {
    years,
    actual: years.map((y) => (at.has(y) ? at.get(y).actual : null)),
    path: years.map((y) => (at.has(y) ? at.get(y).trajectory : y === c.deadline ? c.target : null)),
  };
}

// What a chart of c says, for screen readers and the printed image's alt.
function trendWords(c) {
  const pts = c.series.filter((p) => p.actual !== null).map((p) => `${p.year}: ${shown(c, p.actual)}`);
  return `${t('trend')} ${pick(c.title, c.title_en)} - ${pts.join(', ') || t('no_data')}; ${t('goal')} ${c.comparator} ${figure(c.target, Number.isInteger(c.target) ? 0 : places(c))}${c.unit} (${c.deadline})`;
}

// The sparkline of a row: the actuals in the status' colour, the path to
// the target dashed, the target a dot at the deadline. Plain SVG drawn in a
// 100 x 28 box that CSS stretches (the strokes keep their width).
const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}
function sparkline(c) {
  if (!c.series || !c.series.length || c.target === null) return '';
  const { years, actual, path } = trend(c);
  const values = [...actual, ...path].filter((v) => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (i) => 3 + (years.length > 1 ? (i * 94) / (years.length - 1) : 47);
  const y = (v) => 25 - (hi > lo ? ((v - lo) * 22) / (hi - lo) : 11);
  const line = (vs) => vs.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean).join(' ');
  const colour = cssColour(c.status);
  const box = svg('svg', { class: 'spark', viewBox: '0 0 100 28', preserveAspectRatio: 'none', role: 'img', 'aria-label': trendWords(c) });
  box.append(
    svg('polyline', { points: line(path), fill: 'none', stroke: '#9e9e9e', 'stroke-width': 1.2, 'stroke-dasharray': '3 2', 'vector-effect': 'non-scaling-stroke' }),
    svg('polyline', { points: line(actual), fill: 'none', stroke: colour, 'stroke-width': 2, 'vector-effect': 'non-scaling-stroke' }));
  const end = years.indexOf(c.deadline);
  if (end >= 0) box.append(svg('circle', { cx: x(end), cy: y(c.target), r: 2.2, fill: '#9e9e9e' }));
  const last = actual.findLastIndex((v) => v !== null);
  if (last >= 0) box.append(svg('circle', { cx: x(last), cy: y(actual[last]), r: 2.2, fill: colour }));
  return box;
}

// The donut of the counts by status, in style.css' status colours.
function drawStatus() {
  const box = $('status-chart');
  if (!chartsReady()) return;
  const total = STATUSES.reduce((n, s) => n + plan.counts[s], 0);
  draw(box, {
    aria: { enabled: true, label: { description: `${t('by_status')}: ${STATUSES.map((s) => `${t(s)} ${plan.counts[s]}`).join(', ')}` } },
    title: { text: String(total), subtext: t('criteria'), left: 'center', top: 'middle', itemGap: 2,
      textStyle: { fontSize: 22 }, subtextStyle: { fontSize: 12, color: '#555' } },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{
      type: 'pie', radius: ['52%', '82%'], avoidLabelOverlap: false,
      label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
      data: STATUSES.filter((s) => plan.counts[s] > 0).map((s) => ({ name: t(s), value: plan.counts[s], itemStyle: { color: cssColour(s) } })),
    }],
  });
}

// The donut once ECharts is there, of the plan as it is then: the load may
// end after a re-render, a sign-out, or while another page is shown.
function showStatus() {
  loadCharts().then((ok) => {
    if (ok && plan && $('status-chart').offsetWidth > 0) drawStatus();
  });
}

// The trend charts of the target shown, into their boxes ([box, criterion]
// pairs) once ECharts is there; without it the boxes go and a note says why.
function showTrends(boxes) {
  loadCharts().then((ok) => {
    const placed = boxes.filter(([box]) => box.isConnected);
    if (ok) {
      for (const [box, c] of placed) if (box.offsetWidth > 0) drawTrend(box, c);
    } else if (placed.length) {
      for (const [box] of placed) box.remove();
      $('detail').firstElementChild.after(missingNote());
    }
  });
}

// The trend chart of one criterion into box.
function drawTrend(box, c) {
  const { years, actual, path } = trend(c);
  const goal = `${t('goal')} ${c.comparator} ${figure(c.target, Number.isInteger(c.target) ? 0 : places(c))}${c.unit}`;
  draw(box, {
    aria: { enabled: true, label: { description: trendWords(c) } },
    legend: { top: 0, data: [t('actual'), t('path')] },
    grid: { left: 8, right: 24, top: 34, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '-' : shown(c, v)) },
    xAxis: { type: 'category', boundaryGap: false, data: years.map(String) },
    yAxis: { type: 'value', scale: true, name: c.unit, nameTextStyle: { align: 'right' } },
    series: [
      { name: t('actual'), type: 'line', data: actual, color: cssColour(c.status), symbolSize: 7, lineStyle: { width: 2.5 }, z: 3 },
      { name: t('path'), type: 'line', data: path.map((v, i) => (years[i] === c.deadline && v !== null ? { value: v, symbol: 'diamond', symbolSize: 11 } : v)),
        connectNulls: true, color: '#757575', symbol: 'none', lineStyle: { type: 'dashed', width: 1.5 },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dotted', color: '#757575' },
          label: { position: 'insideStartTop', formatter: state.lang === 'zh' ? `${goal}（${c.deadline}年）` : `${goal} (${c.deadline})`, color: '#555' },
          data: [{ yAxis: c.target }] } },
    ],
  });
}

function renderPlan() {
  shownLang = state.lang;
  const counts = $('counts');
  counts.replaceChildren(...STATUSES.map((s) =>
    el('span', { class: 'count ' + s }, `${t(s)} ${plan.counts[s]}`)));
  showStatus();
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
        el('td', { class: 'num', 'data-label': t('actual') }, figure(c.actual, places(c), unit), sparkline(c)),
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

// The target's criteria: each with its trend chart (measured ones) and
// schools. #detail must be shown: the charts take their size from it.
function renderDetail() {
  shownLang = state.lang;
  disposeCharts($('detail'));
  const charts = [];
  const parts = detail.map((c) => {
    const unit = c.unit === '%' ? '%' : '';
    let chart = '';
    if (c.series && c.series.length && c.target !== null && !chartsMissing()) {
      chart = el('div', { class: 'chart trend', 'data-target': `${c.id}.${c.part}` });
      charts.push([chart, c]);
    }
    return el('div', {},
      el('h3', {}, `${c.id} ${pick(c.title, c.title_en)}`),
      el('p', {}, pick(c.explanation, c.explanation_en)),
      chart,
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
  const note = chartsMissing() && detail.some((c) => c.series && c.series.length) ? missingNote() : '';
  $('detail').replaceChildren(back, note, ...parts);
  showTrends(charts);
}

async function showTarget(id) {
  try {
    detail = await api(`/api/v1/plan/targets/${encodeURIComponent(id)}?year=${$('year').value}`);
  } catch (e) {
    fail(e);
    return;
  }
  $('actions').hidden = true;
  $('detail').hidden = false;
  renderDetail();
  window.scrollTo(0, 0);
}

function closeTarget() {
  detail = null;
  disposeCharts($('detail'));
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

// A call failed: said where the plan would be.
function fail(e) {
  closeTarget();
  failed($('actions'), e);
}

export default {
  id: 'overview',
  nav: 'nav_overview',
  section: 'plan-view',
  roles: null, // every account
  init() {
    // ECharts loads meanwhile; without it the page works on, and says why
    // there is no chart.
    loadCharts().then((ok) => {
      if (ok) return;
      $('status-chart').hidden = true;
      $('status-chart').after(el('p', { class: 'note chart-missing', role: 'status', 'data-i18n': 'charts_missing' }, t('charts_missing')));
    });
    // Another year or department: the plan again, from the top.
    for (const id of ['year', 'unit']) {
      $(id).addEventListener('change', () => {
        closeTarget();
        loadPlan().catch(fail);
      });
    }
  },
  // Back from another page: in the language chosen there, the charts drawn
  // (ECharts may have arrived meanwhile) to the window's size.
  show() {
    if (!plan) loadPlan().catch(fail);
    else if (shownLang !== state.lang) this.relabel();
    else {
      showStatus();
      if (detail) renderDetail();
      resizeCharts();
    }
  },
  relabel() {
    for (const o of $('unit').options) if (o.dataset.zh) o.textContent = pick(o.dataset.zh, o.dataset.en);
    if (plan) renderPlan();
    if (detail) renderDetail();
  },
  // Signed out: nothing of the last account stays - its plan, its target,
  // its filters.
  reset() {
    plan = null;
    decimals = null;
    shownLang = null;
    closeTarget();
    disposeCharts($('plan-view'));
    $('actions').replaceChildren();
    $('counts').replaceChildren();
    $('year').replaceChildren();
    while ($('unit').options.length > 1) $('unit').lastElementChild.remove();
    $('unit').value = '';
  },
};

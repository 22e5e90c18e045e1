// overview.js - 总览: the plan at a glance. Targets grouped by action with
// their status colours, counts by status, filters by year and department,
// and a target's schools on a click. Every figure and sentence comes from
// the API (/api/v1/plan/...), which computes them as the CLI does, and
// figures are rounded as the CLI rounds them (the indicator's decimals).
import { $, api, el, failed, figure, pick, t, words } from './core.js';

words({
  zh: {
    nav_overview: '总览', year: '年度', unit: '责任单位', all: '全部',
    target: '目标', actual: '实际值', goal: '目标值', status: '状态', why: '说明',
    action: '行动', school: '学校', value: '数值', weight: '权重', pull: '拉动',
    achieved: '已达成', on_track: '进展顺利', at_risk: '存在风险', off_track: '严重滞后',
    no_data: '无数据', assessed: '人工评估',
  },
  en: {
    nav_overview: 'Overview', year: 'Year', unit: 'Department', all: 'All',
    target: 'Target', actual: 'Actual', goal: 'Target value', status: 'Status', why: 'Explanation',
    action: 'Action', school: 'School', value: 'Value', weight: 'Weight', pull: 'Pull',
    achieved: 'achieved', on_track: 'on track', at_risk: 'at risk', off_track: 'off track',
    no_data: 'no data', assessed: 'assessed',
  },
});
const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

let plan = null;      // the plan's status as shown
let decimals = null;  // indicator code -> its decimals, from /api/v1/indicators
let detail = null;    // the criteria of the target shown, or null

// A criterion's places: its indicator's decimals; counts are whole.
function places(c) {
  if (!c.indicator) return 0;
  return decimals && decimals.has(c.indicator) ? decimals.get(c.indicator) : 2;
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
    fail(e);
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
    // Another year or department: the plan again, from the top.
    for (const id of ['year', 'unit']) {
      $(id).addEventListener('change', () => {
        closeTarget();
        loadPlan().catch(fail);
      });
    }
  },
  show() {
    if (!plan) loadPlan().catch(fail);
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
    closeTarget();
    $('actions').replaceChildren();
    $('counts').replaceChildren();
    $('year').replaceChildren();
    while ($('unit').options.length > 1) $('unit').lastElementChild.remove();
    $('unit').value = '';
  },
};

// records.js - 数据报送 for the accounts that report records rather than a
// school's yearly figures: a department (责任单位) assesses the manually
// assessed targets of the plan it is responsible for (kind assessments),
// an enterprise reports its demand for skills (kind demand). Each sees what
// it reports on, downloads the template, uploads a file and gets the
// import's report, or its errors as a table - the same import as the CLI's,
// and the server refuses a row about another department's target or another
// enterprise (403, every such row listed). Route: #/records.
import { $, api, download, el, failed, pick, state, t, words } from './core.js';

words({
  zh: {
    rec_intro_department: '本单位负责的人工评估目标：按年度填写评估结论与佐证，上传后即进入监测总览。',
    rec_intro_enterprise: '本企业的人才需求：按年度填写各职业（工种）、专业的需求人数，供产业人才需求分析使用。',
    rec_kind_assessments: '目标评估', rec_kind_demand: '企业人才需求',
    rec_targets: '本单位负责的人工评估目标', rec_target: '目标', rec_status: '当前状态', rec_evidence: '最近评估',
    rec_year: '评估年度', rec_none: '本单位没有需人工评估的目标。',
    rec_template: '下载模板', rec_xlsx: 'Excel 模板', rec_csv: 'CSV 模板', rec_choose: '选择文件', rec_upload: '上传文件',
    rec_need_file: '请先选择要上传的文件',
    rec_done: (r) => `已导入 ${r.rows} 行，变更 ${r.changed} 项（批次 ${r.batch}）`,
    rec_bad: (n) => `文件有 ${n} 处错误，未导入任何数据。请按下表修改后重新上传：`,
    rec_row: '行', rec_column: '列', rec_value: '值', rec_message: '说明',
  },
  en: {
    rec_intro_department: 'The manually assessed targets your department is responsible for: record each year\'s assessment and its evidence; once uploaded it shows in the overview.',
    rec_intro_enterprise: 'Your enterprise\'s demand for skills: each year\'s headcount wanted by occupation and major, for the talent-demand analysis.',
    rec_kind_assessments: 'Target assessments', rec_kind_demand: 'Skills demand',
    rec_targets: 'Targets your department assesses', rec_target: 'Target', rec_status: 'Status', rec_evidence: 'Latest assessment',
    rec_year: 'Year', rec_none: 'Your department has no manually assessed target.',
    rec_template: 'Template', rec_xlsx: 'Excel template', rec_csv: 'CSV template', rec_choose: 'File', rec_upload: 'Upload',
    rec_need_file: 'Choose a file to upload first',
    rec_done: (r) => `Imported ${r.rows} rows, ${r.changed} changes (batch ${r.batch})`,
    rec_bad: (n) => `The file has ${n} errors; nothing was imported. Fix these and upload it again:`,
    rec_row: 'Row', rec_column: 'Column', rec_value: 'Value', rec_message: 'Message',
  },
});

const say = (key, ...args) => { const w = t(key); return typeof w === 'function' ? w(...args) : w; };
const root = () => $('records-view');
const kindOf = () => (state.user.role === 'department' ? 'assessments' : 'demand');

let plan = null;   // the department's targets (plan status), or null
let result = null; // the last upload: {report} or {bad: issues} or {message}

function issueTable(issues) {
  return el('div', { class: 'scroll' }, el('table', { id: 'records-issues', class: 'records-issues' },
    el('thead', {}, el('tr', {}, ...['rec_row', 'rec_column', 'rec_value', 'rec_message'].map((k) => el('th', {}, t(k))))),
    el('tbody', {}, ...issues.map((i) => el('tr', {},
      el('td', { class: 'num' }, i.row !== undefined ? String(i.row) : ''), el('td', {}, i.column || ''),
      el('td', {}, i.value || ''), el('td', {}, i.message || i.reason || JSON.stringify(i)))))));
}

function targetsTable() {
  const manual = plan ? plan.targets.filter((c) => c.kind === 'manual') : [];
  if (!manual.length) return el('p', {}, t('rec_none'));
  return el('div', { class: 'scroll' }, el('table', { id: 'records-targets' },
    el('thead', {}, el('tr', {}, el('th', {}, t('rec_target')), el('th', {}, ''), el('th', {}, t('rec_status')), el('th', {}, t('rec_evidence')))),
    el('tbody', {}, ...manual.map((c) => el('tr', { 'data-target': c.id },
      el('td', {}, c.id), el('td', {}, pick(c.title, c.title_en)),
      el('td', {}, el('span', { class: 'status ' + c.status }, t(c.status))),
      el('td', {}, pick(c.explanation, c.explanation_en)))))));
}

function render() {
  const kind = kindOf();
  const file = el('input', { id: 'records-file', type: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const tpl = (format) => el('button', { type: 'button', id: `records-tpl-${format}` }, t(`rec_${format}`));
  const out = el('div', { id: 'records-result' });
  if (result && result.report) {
    out.append(el('p', { id: 'records-summary', class: 'records-note records-good', role: 'status' }, say('rec_done', result.report)));
  } else if (result && result.bad) {
    out.append(el('p', { class: 'records-note records-bad', role: 'alert' }, say('rec_bad', result.bad.length)), issueTable(result.bad));
  } else if (result && result.message) {
    out.append(el('p', { class: 'records-note records-bad', role: 'alert' }, result.message));
  }
  const parts = [
    el('h2', {}, t(`rec_kind_${kind}`)),
    el('p', {}, t(`rec_intro_${state.user.role}`)),
  ];
  if (kind === 'assessments') parts.push(el('h3', {}, t('rec_targets')), targetsTable());
  parts.push(el('div', { class: 'records-tools no-print' },
    el('span', {}, t('rec_template'), ' ', tpl('xlsx'), ' ', tpl('csv'))),
  el('div', { class: 'records-tools no-print' },
    el('label', {}, el('span', {}, t('rec_choose')), ' ', file),
    el('button', { type: 'button', id: 'records-upload' }, t('rec_upload'))), out);
  root().replaceChildren(el('section', { class: 'records-panel' }, ...parts));
  for (const format of ['xlsx', 'csv']) {
    $(`records-tpl-${format}`).addEventListener('click', () =>
      download(`/api/v1/templates/${kind}?format=${format}`, `${kind}.${format}`).catch(fail));
  }
  $('records-upload').addEventListener('click', () => upload().catch(fail));
}

async function upload() {
  const file = $('records-file').files[0];
  if (!file) {
    result = { message: t('rec_need_file') };
    render();
    return;
  }
  const xlsx = /\.xlsx$/i.test(file.name);
  // a header carries Latin-1 only: a Chinese file name is sent as upload.*
  const name = /^[\w.-]+$/.test(file.name) ? file.name : (xlsx ? 'upload.xlsx' : 'upload.csv');
  try {
    const r = await api(`/api/v1/imports/${kindOf()}`, {
      method: 'POST', body: file,
      headers: { 'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', 'X-File-Name': name },
    });
    result = { report: r };
    if (kindOf() === 'assessments') await loadPlan();
  } catch (e) {
    const details = e.doc && e.doc.error && Array.isArray(e.doc.error.details) ? e.doc.error.details : [];
    if ((e.status === 400 || e.status === 403) && details.length) result = { bad: details };
    else if (e.status === 400 || e.status === 403) result = { message: e.message };
    else throw e;
  }
  render();
}

async function loadPlan() {
  plan = await api(`/api/v1/plan/status?unit=${encodeURIComponent(state.user.scope)}`);
}

function fail(e) {
  failed(root(), e);
}

export default {
  id: 'records',
  nav: 'nav_submit',
  section: 'records-view',
  roles: ['department', 'enterprise'],
  init() {},
  async show() {
    result = null;
    root().replaceChildren(el('p', {}, t('loading')));
    try {
      if (kindOf() === 'assessments') await loadPlan();
      render();
    } catch (e) {
      fail(e);
    }
  },
  relabel() {
    if (root().firstChild && root().querySelector('.records-panel')) render();
  },
  reset() {
    plan = null;
    result = null;
    root().replaceChildren();
  },
};

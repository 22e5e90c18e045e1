// records.mjs - 数据报送 for a department and an enterprise in a real browser:
// the department (市人社局, hrss) sees the manually assessed targets it is
// responsible for, uploads an assessment of one of them and sees it taken
// (and the target's status change in the table), then uploads a row about
// another department's target and sees the refusal with that row listed and
// nothing imported; the enterprise uploads its skills demand and is refused
// a row of another enterprise. No console error or CSP violation beyond the
// deliberate refusals. TAP; screenshots in build/artifacts/records-*.png.
// Usage: TVET=build/tvet node tests/browser/records.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PASSWORD, addAccount, check, must, noTrouble, run, shot, show, signIn, trouble, tvet, withDemo,
} from './lib.mjs';

const tabs = (page) => page.$$eval('#tabs a', (as) => as.map((a) => a.textContent));
const targetRows = (page) => page.$$eval('#records-targets tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.target, tr.querySelector('.status').className.replace('status ', '')])));

// Take the deliberate refusals out of the trouble list: the answer and
// Chromium's console line about it.
function expectRefusal(status, path) {
  const k = trouble.findIndex((x) => x === `desktop: HTTP ${status} POST ${path}`);
  must(k >= 0, `no ${status} for ${path} seen: ${show(trouble)}`);
  trouble.splice(k, 1);
  const c = trouble.findIndex((x) => x.startsWith('desktop: console error: ') && x.includes(`status of ${status}`));
  if (c >= 0) trouble.splice(c, 1);
}

async function upload(page, file) {
  await page.setInputFiles('#records-file', file);
  await page.click('#records-upload');
}

async function main() {
  let uscc = '';
  let other = '';
  let mine = null;
  let foreign = null;
  await withDemo({
    name: 'records',
    what: 'a demo database with a department and an enterprise account',
    accounts: [['hrss1', 'department', '市人社局', 'hrss']],
    setup: (db) => {
      const firms = tvet(db, ['export', 'enterprises']).toString().trim().split('\n').slice(1);
      uscc = firms[0].split(',')[0].replace(/^\uFEFF/, '');
      other = firms[1].split(',')[0];
      addAccount(db, ['firm1', 'enterprise', '企业一', uscc]);
      const plan = JSON.parse(tvet(db, ['plan', 'status', '--year', '2025', '--format', 'json']).toString());
      const manual = plan.targets.filter((c) => c.kind === 'manual');
      mine = manual.find((c) => c.responsible.some((d) => d.code === 'hrss') && c.status !== 'achieved');
      foreign = manual.find((c) => !c.responsible.some((d) => d.code === 'hrss'));
      must(mine && foreign, `targets: ${show(manual.map((c) => [c.id, c.status, c.responsible.map((d) => d.code)]))}`);
    },
  }, async ({ db, work, base, page }) => {
    // --- the department ---------------------------------------------------------------
    if (!await check('the department signs in and has the 数据报送 tab, not the schools\'', async () => {
      await page.goto(base + '/');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await signIn(page, 'hrss1', PASSWORD);
      await page.waitForSelector('#tabs a[data-page=records]', { state: 'visible' });
      const tb = await tabs(page);
      must(tb.includes('数据报送') && !(await page.$('#tabs a[data-page=submit]')), `tabs ${show(tb)}`);
    })) return;
    await check(`数据报送 lists the department's manually assessed targets (${mine.id} ${mine.status})`, async () => {
      await page.click('#tabs a[data-page=records]');
      await page.waitForSelector('#records-targets tbody tr', { state: 'visible' });
      const rows = await targetRows(page);
      must(rows[mine.id] === mine.status, `rows ${show(rows)}`);
      must(!(foreign.id in rows), `${foreign.id} is another department's: ${show(rows)}`);
      await shot(page, 'records-department');
    });
    await check(`an assessment of ${mine.id} as achieved is imported and the table shows it`, async () => {
      const f = join(work, 'mine.csv');
      writeFileSync(f, `Target,Year,Status,Evidence,Assessor,Assessor ID number,Assessed on\n${mine.id},2025,achieved,2025年已完成全部任务（测试）,市人社局 测试,,2025-12-20\n`);
      await upload(page, f);
      await page.waitForSelector('#records-summary', { state: 'visible' });
      const text = await page.textContent('#records-summary');
      must(/已导入 1 行/.test(text), text);
      await page.waitForFunction((id) => {
        const tr = document.querySelector(`#records-targets tr[data-target="${id}"] .status`);
        return tr && tr.classList.contains('achieved');
      }, mine.id);
    });
    await check(`a row about ${foreign.id} (another department's) is refused, listed, and nothing imported`, async () => {
      const f = join(work, 'foreign.csv');
      writeFileSync(f, `Target,Year,Status,Evidence,Assessor,Assessor ID number,Assessed on\n${foreign.id},2025,achieved,越权（测试）,市人社局 测试,,2025-12-20\n`);
      const before = tvet(db, ['export', 'assessments']).toString();
      await upload(page, f);
      await page.waitForSelector('#records-issues tbody tr', { state: 'visible' });
      const cells = await page.$$eval('#records-issues tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent).join('|')));
      must(cells.length === 1 && cells[0].includes(foreign.id), `issues ${show(cells)}`);
      must(tvet(db, ['export', 'assessments']).toString() === before, 'the assessments changed');
      expectRefusal(403, '/api/v1/imports/assessments');
      await shot(page, 'records-department-refused');
    });
    await check('the department signs out', async () => {
      await page.click('#logout');
      await page.waitForSelector('#login-form', { state: 'visible' });
    });

    // --- the enterprise ----------------------------------------------------------------
    await check('the enterprise uploads its skills demand', async () => {
      await signIn(page, 'firm1', PASSWORD);
      await page.waitForSelector('#tabs a[data-page=records]', { state: 'visible' });
      await page.click('#tabs a[data-page=records]');
      await page.waitForSelector('#records-upload', { state: 'visible' });
      must(!(await page.$('#records-targets')), 'an enterprise has no targets table');
      const f = join(work, 'demand.csv');
      writeFileSync(f, `Enterprise credit code,Year,Period,Occupation code,Major code,Education required,Headcount\n${uscc},2025,2025,2-06-07-01,,本科,4\n`);
      await upload(page, f);
      await page.waitForSelector('#records-summary', { state: 'visible' });
      must(/已导入 1 行/.test(await page.textContent('#records-summary')), await page.textContent('#records-summary'));
      await shot(page, 'records-enterprise');
    });
    await check('a row of another enterprise is refused and listed', async () => {
      const f = join(work, 'other.csv');
      writeFileSync(f, `Enterprise credit code,Year,Period,Occupation code,Major code,Education required,Headcount\n${other},2025,2025,2-06-07-01,,本科,4\n`);
      await upload(page, f);
      await page.waitForSelector('#records-issues tbody tr', { state: 'visible' });
      const text = await page.textContent('#records-issues');
      must(text.includes(other), text);
      expectRefusal(403, '/api/v1/imports/demand');
    });
    await noTrouble((x) => /status of 401/.test(x) || /HTTP 401 GET \/api\/v1\/me/.test(x));
  });
}

await run(main);

// submit.mjs - 数据报送 in a real browser, the issue's scenario: a school signs
// in, opens 数据报送, uploads its school_stats file with an error (made by
// exporting its file with `tvet export` and breaking a value) and sees the
// error table with the right row and column; types a bad value into the web
// form and sees the message beside that field (and nothing written); uploads
// the fixed file and submits: 已提交. The bureau signs in, sees the school
// submitted in its list, approves it: 已审核, and the school's form is then
// locked, until the bureau reopens it (退回). Also the phone's width, and no console error, failed request or
// CSP violation on the way: the only error answers are the 400s of the
// deliberate bad upload and bad form values, and the 401 of /api/v1/me when
// the page opens signed out. Screenshots go to build/artifacts/submit-*.png.
// Usage: TVET=build/tvet node tests/browser/submit.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DESKTOP, PASSWORD, PHONE, SCHOOL, check, expectedAnswer, must, noTrouble, onlyExpected, run, sameList, shot, show, signIn, tvet, withDemo,
} from './lib.mjs';

const YEAR = 2025;

// The 400s this test causes on purpose, expected beside lib.mjs's: an upload
// with errors and form values with errors. Anything else >= 400 is trouble.
const deliberate = (url, status) => {
  const path = new URL(url).pathname;
  return status === 400 && (path === '/api/v1/imports/school_stats' || path === `/api/v1/forms/${SCHOOL}/${YEAR}`);
};

// The rows of the upload's error table: [row, column, value, severity, message].
const issueRows = (page) => page.$$eval('#submit-issues tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
const bannerStatus = (page) => page.getAttribute('#submit-banner', 'data-status');
// The import batches of the store, as `tvet history --imports` lists them.
const batches = (db) => JSON.parse(tvet(db, ['history', '--imports', '--format', 'json']).toString() || '[]');

async function openSubmit(page) {
  await page.click('#tabs a[data-page=submit]');
  await page.waitForSelector('#submit-view:not([hidden])', { state: 'visible' });
}

async function main() {
  let good = ''; // the school's file, as `tvet export` writes it
  let bad = ''; // and a copy with an error
  await withDemo({
    name: 'submit',
    db: 's.db',
    what: 'a demo database, a bureau and a school account, the school\'s file and a broken copy',
    accounts: [['edu', 'bureau', '市教育局'], ['school1', 'school', '学校一', SCHOOL]],
    setup: (db, work) => {
      good = join(work, 'school_stats.csv');
      bad = join(work, 'school_stats_bad.csv');
      tvet(db, ['export', 'school_stats', '--school', SCHOOL, '--year', String(YEAR), '-o', good]);
      const lines = readFileSync(good, 'utf8').split('\r\n');
      const head = lines[0].replace(/^\uFEFF/, '').split(',');
      const col = head.indexOf('Students who left');
      must(col > 0 && lines.length >= 2, `the export: ${show(lines.slice(0, 2))}`);
      const cells = lines[1].split(',');
      cells[col] = 'abc';
      lines[1] = cells.join(',');
      writeFileSync(bad, lines.join('\r\n'));
    },
    context: { acceptDownloads: true },
    expected: (url, status) => expectedAnswer(url, status) || deliberate(url, status),
  }, async ({ db, base, context: desk, page }) => {
    // --- the school ---------------------------------------------------------------
    if (!await check('the school signs in and opens 数据报送: its year, status 未提交', async () => {
      await page.goto(base + '/');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await signIn(page, 'school1', PASSWORD);
      await page.waitForSelector('#tabs a[data-page=submit]', { state: 'visible' });
      await openSubmit(page);
      await page.waitForSelector('#submit-banner');
      must(await bannerStatus(page) === 'open', `status ${await bannerStatus(page)}`);
      const text = await page.textContent('#submit-banner');
      must(text.includes('未提交') && text.includes(SCHOOL), `banner ${show(text)}`);
      must(await page.inputValue('#submit-year') === String(YEAR), `year ${await page.inputValue('#submit-year')}`);
      must(await page.locator('#submit-list').count() === 0, 'a school sees the list of schools');
      await shot(page, 'submit-school');
    })) return;

    await check('下载模板 gives the school\'s CSV template, named for it', async () => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#submit-tpl-csv')]);
      must(dl.suggestedFilename() === `school_stats-${SCHOOL}-${YEAR}.csv`, `file ${dl.suggestedFilename()}`);
      const text = readFileSync(await dl.path(), 'utf8');
      must(text.startsWith('\uFEFF学校代码,年度,') && text.includes(`\r\n${SCHOOL},${YEAR},`), `template ${show(text.slice(0, 120))}`);
    });

    const before = batches(db).length;
    await check('uploading the file with an error shows the error table: row 2, column 流失学生数, value abc', async () => {
      await page.setInputFiles('#submit-file', bad);
      await page.click('#submit-upload');
      await page.waitForSelector('#submit-issues tbody tr', { state: 'visible' });
      const rows = await issueRows(page);
      must(rows.length === 1, `rows ${show(rows)}`);
      const [row, column, value, severity, message] = rows[0];
      must(row === '2' && column === '流失学生数' && value === 'abc' && severity === '错误', `row ${show(rows[0])}`);
      must(/abc/.test(message), `message ${show(message)}`);
      const head = await page.$$eval('#submit-issues thead th', (ths) => ths.map((th) => th.textContent));
      must(sameList(head, ['行', '列', '值', '级别', '说明']), `head ${show(head)}`);
      must((await page.textContent('#submit-upload-result')).includes('未导入任何数据'), 'no "nothing imported"');
      must(batches(db).length === before, 'the bad file changed values');
      await shot(page, 'submit-upload-errors');
    });

    await check('a bad value in the web form: the message beside that field, the field marked, nothing written', async () => {
      const field = '#f-school_stats-dropouts';
      await page.fill(field, '12x');
      await page.press(field, 'Tab');
      await page.waitForFunction((id) => document.getElementById(id).textContent !== '', 'f-school_stats-dropouts-msg');
      const msg = await page.textContent('#f-school_stats-dropouts-msg');
      must(msg.includes('12x'), `message ${show(msg)}`);
      const beside = await page.$eval(field, (i) => i.nextElementSibling.id);
      must(beside === 'f-school_stats-dropouts-msg', `next to the input: ${beside}`);
      must(await page.getAttribute(field, 'aria-invalid') === 'true', 'the field is not marked invalid');
      // the other fields have no message
      const others = await page.$$eval('#submit-form .submit-msg', (ms) => ms.filter((m) => m.textContent && m.id !== 'f-school_stats-dropouts-msg').length);
      must(others === 0, `${others} other fields have messages`);
      must(batches(db).length === before, 'a dry run wrote values');
      await shot(page, 'submit-form-error');
    });

    await check('a broken row rule of a major: the message beside its graduates', async () => {
      const first = await page.getAttribute('#submit-form tr[data-major]', 'data-major');
      const id = `f-school_major_stats-${first}-graduates`;
      const v = Number(await page.inputValue('#' + id));
      await page.fill('#' + id, String(v + 5));
      await page.press('#' + id, 'Tab');
      await page.waitForFunction((i) => document.getElementById(i).textContent !== '', id + '-msg');
      const msg = await page.textContent(`#${id}-msg`);
      must(msg.includes('各毕业去向人数之和应等于毕业生数'), `message ${show(msg)}`);
      must(await page.$eval('#f-school_stats-dropouts-msg', (m) => m.textContent) !== '', 'the first message went');
      await page.fill('#' + id, String(v));
      await page.press('#' + id, 'Tab');
      await page.waitForFunction((i) => document.getElementById(i).textContent === '', id + '-msg');
    });

    await check('保存草稿 with the error: refused, the message stays', async () => {
      await page.click('#submit-save');
      await page.waitForFunction(() => /未保存/.test(document.getElementById('submit-form-note').textContent));
      must(batches(db).length === before, 'values were written');
    });

    await check('uploading the fixed file: the report summary, the form shows the stored values', async () => {
      await page.setInputFiles('#submit-file', good);
      await page.click('#submit-upload');
      await page.waitForSelector('#submit-summary', { state: 'visible' });
      const text = await page.textContent('#submit-summary');
      must(/^已导入 1 行，变更 0 个数值（批次 \d+）$/.test(text), `summary ${show(text)}`);
      must(await page.locator('#submit-issues').count() === 0, 'an error table is still there');
      const stored = readFileSync(good, 'utf8').split('\r\n')[1].split(',')[3];
      must(await page.inputValue('#f-school_stats-dropouts') === String(Number(stored)), `dropouts ${await page.inputValue('#f-school_stats-dropouts')}, stored ${stored}`);
      must(await page.textContent('#f-school_stats-dropouts-msg') === '', 'the old message stays');
      await shot(page, 'submit-upload-ok');
    });

    await check('提交: a clean save, then status 已提交', async () => {
      await page.click('#submit-send');
      await page.waitForFunction(() => document.getElementById('submit-banner') && document.getElementById('submit-banner').dataset.status === 'submitted');
      must((await page.textContent('#submit-banner')).includes('已提交'), 'banner without 已提交');
      must(await page.isDisabled('#submit-send'), 'can submit again');
      const sub = await (await desk.request.get(`${base}/api/v1/submissions/${SCHOOL}/${YEAR}`)).json();
      must(sub.status === 'submitted' && sub.changed_by === 'school1', `submission ${show(sub)}`);
      const saved = batches(db).length;
      must(saved > before, 'the save wrote no batch');
      await shot(page, 'submit-submitted');
    });

    await check('English on the toggle: the form\'s labels, buttons and status, values kept', async () => {
      const before = await page.inputValue('#f-school_stats-dropouts');
      await page.click('#lang');
      await page.waitForFunction(() => document.querySelector('label[for=f-school_stats-dropouts]').textContent === 'Students who left');
      must(await page.textContent('#submit-save') === 'Save draft', `save button ${await page.textContent('#submit-save')}`);
      must((await page.textContent('#submit-banner')).includes('submitted'), 'status not in English');
      must(await page.inputValue('#f-school_stats-dropouts') === before, 'the value changed');
      await shot(page, 'submit-en');
      await page.click('#lang');
      await page.waitForFunction(() => document.querySelector('label[for=f-school_stats-dropouts]').textContent === '流失学生数');
    });

    await check('on a phone the form fits the screen', async () => {
      await page.setViewportSize(PHONE);
      await page.waitForTimeout(200);
      const o = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
      must(o.sw <= o.iw, `the page is ${o.sw}px wide on a ${o.iw}px screen`);
      await shot(page, 'submit-phone');
      await page.setViewportSize(DESKTOP);
    });

    // --- the bureau ----------------------------------------------------------------
    await page.click('#logout');
    await page.waitForSelector('#login-form', { state: 'visible' });
    await check('the bureau\'s 数据报送: every school with its status, this one 已提交 with 审核通过', async () => {
      await signIn(page, 'edu', PASSWORD);
      await page.waitForSelector('#tabs a[data-page=submit]', { state: 'visible' });
      await openSubmit(page);
      await page.waitForSelector('#submit-list tbody tr');
      const list = await (await desk.request.get(`${base}/api/v1/submissions?year=${YEAR}`)).json();
      const rows = await page.$$eval('#submit-list tbody tr', (trs) => trs.map((tr) => tr.dataset.school));
      must(sameList(rows, list.schools.map((s) => s.school)) && rows.length === 9, `rows ${show(rows)}, the demo has 9 schools`);
      const row = page.locator(`#submit-list tr[data-school="${SCHOOL}"]`);
      must((await row.textContent()).includes('已提交'), `row ${await row.textContent()}`);
      must(await row.locator('.submit-approve').count() === 1, 'no 审核通过 button');
      must(await page.locator('#submit-list .submit-approve').count() === 1, 'other rows can be approved');
      await shot(page, 'submit-bureau-list');
    });
    await check('审核通过: status 已审核', async () => {
      const row = page.locator(`#submit-list tr[data-school="${SCHOOL}"]`);
      await row.locator('.submit-approve').click();
      await page.waitForFunction((s) => /已审核/.test(document.querySelector(`#submit-list tr[data-school="${s}"]`).textContent), SCHOOL);
      const sub = await (await desk.request.get(`${base}/api/v1/submissions/${SCHOOL}/${YEAR}`)).json();
      must(sub.status === 'approved' && sub.changed_by === 'edu', `submission ${show(sub)}`);
      must(await row.locator('.submit-reopen').count() === 1, 'no 退回 button on the approved row');
      await shot(page, 'submit-approved');
    });
    await check('the approved school\'s form: 已审核, locked, read only', async () => {
      await page.locator(`#submit-list tr[data-school="${SCHOOL}"] .submit-open`).click();
      await page.waitForSelector('#submit-banner');
      must(await bannerStatus(page) === 'approved', `status ${await bannerStatus(page)}`);
      must((await page.textContent('#submit-banner')).includes('已审核并锁定'), 'no lock sentence');
      must(await page.isDisabled('#f-school_stats-dropouts'), 'the form can still be edited');
      must(await page.locator('#submit-save').count() === 0, 'a save button');
    });

    await check('退回 (after a confirmation): status 已退回, the form editable again', async () => {
      page.once('dialog', (d) => d.accept());
      await page.click('#submit-reopen');
      await page.waitForFunction(() => document.getElementById('submit-banner').dataset.status === 'reopened');
      must((await page.textContent('#submit-banner')).includes('已退回'), 'banner without 已退回');
      must(!await page.isDisabled('#f-school_stats-dropouts'), 'the form is still locked');
      const sub = await (await desk.request.get(`${base}/api/v1/submissions/${SCHOOL}/${YEAR}`)).json();
      must(sub.status === 'reopened', `submission ${show(sub)}`);
      await shot(page, 'submit-reopened');
    });

    await noTrouble();
    await onlyExpected('the only error answers: 401 of /api/v1/me, the 400s of the bad upload and bad form values',
      ['desktop 401 GET /api/v1/me', 'desktop 400 POST /api/v1/imports/school_stats', `desktop 400 POST /api/v1/forms/${SCHOOL}/${YEAR}`], true);
  });
}

await run(main);

// schools.mjs - the 学校 page in a real browser. Starts `tvet serve` on a
// fresh demo database (port 0), drives Debian's Chromium (headless) through
// playwright-core, and checks what a person sees: the bureau's list of the
// demo's schools (filtered by district and by a search), one school's page
// with its profile, its indicators beside the city's (weight, pull, the
// plan's targets), its majors and submissions, another year, English; a
// school account that goes straight to its own school and is refused
// another's; a viewer without the tab; a phone's width - with no console
// error, failed request or CSP violation on the way. TAP; screenshots in
// build/artifacts/. Usage: TVET=build/tvet node tests/browser/schools.mjs
import {
  ON_PHONE, PASSWORD, SCHOOL, WAIT, check, fits, must, noTrouble, onlyExpected, overflow, run, sameList, shot, show, signIn, trouble, tvet, withDemo,
} from './lib.mjs';

const OTHER = '330903S01'; // another school, for the school account

const tabs = (page) => page.$$eval('#tabs a', (as) => as.map((a) => a.textContent));
// The list's visible rows: [code, name, district, level, majors, enrolment, submission].
const listRows = (page) => page.$$eval('#schools-body tr.schools-row', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
// The indicator rows: code -> [name, school, city, weight, pull, rank, targets].
const indicatorRows = (page) => page.$$eval('#schools-indicators tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.code, [...tr.cells].map((td) => td.textContent)])));
const headings = (page) => page.$$eval('#schools-body h3', (hs) => hs.map((h) => h.textContent));
async function waitList(page, k) {
  await page.waitForFunction((n) => document.querySelectorAll('#schools-body tr.schools-row').length === n, k, { timeout: WAIT });
}
async function waitSchool(page, name, year) {
  await page.waitForFunction(([n, y]) => {
    const h = document.querySelector('#schools-body h2.schools-title');
    return h && h.textContent === `${n} · ${y}` && document.querySelector('#schools-indicators tbody tr');
  }, [name, year], { timeout: WAIT });
}
// Half away from zero, as the page and the CLI round.
const fixed = (v, places) => {
  const s = 10 ** places;
  return (Math.sign(v) * Math.round(Math.abs(v) * s) / s).toFixed(places);
};

async function main() {
  let schoolsInDemo = [];
  await withDemo({
    name: 'schools',
    what: 'a demo database with bureau, school and viewer accounts',
    accounts: [['edu', 'bureau', '市教育局'], ['school1', 'school', '学校一', SCHOOL], ['public1', 'viewer', '公众']],
    setup: (db) => { schoolsInDemo = JSON.parse(tvet(db, ['orgs', '--kind', 'school', '--format', 'json']).toString()); },
  }, async ({ base, context: desk, page, open }) => {
    // --- the bureau: the list ------------------------------------------------------
    if (!await check('the bureau signs in and has the 学校 tab', async () => {
      await page.goto(base + '/');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await signIn(page, 'edu', PASSWORD);
      await page.waitForSelector('#tabs a[data-page=schools]', { state: 'visible' });
      must((await tabs(page)).includes('学校'), `tabs ${show(await tabs(page))}`);
    })) return;
    const list = await (await desk.request.get(base + '/api/v1/schools')).json();
    const detail = await (await desk.request.get(`${base}/api/v1/schools/${SCHOOL}?year=${list.year}`)).json();
    if (!await check(`学校 lists the demo's ${schoolsInDemo.length} schools, by code`, async () => {
      await page.click('#tabs a[data-page=schools]');
      await waitList(page, schoolsInDemo.length);
      must(new URL(page.url()).hash === '#/schools', `address ${page.url()}`);
      const rows = await listRows(page);
      must(schoolsInDemo.length === 9 && sameList(rows.map((r) => [r[0], r[1]]), schoolsInDemo.map((o) => [o.code, o.name])),
        `rows ${show(rows.map((r) => r[0]))}, wanted ${show(schoolsInDemo.map((o) => o.code))}`);
      must(await page.textContent('#schools-body .schools-count') === '9 所学校', `count ${show(await page.textContent('#schools-body .schools-count'))}`);
      must(await page.getAttribute('#tabs a[data-page=schools]', 'aria-current') === 'page', 'the tab is not current');
      await shot(page, 'schools-list');
    })) return;
    await check(`${SCHOOL}'s row: 定海区, 中职, its majors, enrolment and submission as the API gives them`, async () => {
      const row = (await listRows(page)).find((r) => r[0] === SCHOOL);
      const s = list.schools.find((x) => x.code === SCHOOL);
      const want = [SCHOOL, '舟山职业技术学校', '定海区', '中职', String(s.majors), String(s.enrolment), '未报送'];
      must(sameList(row, want) && s.majors === 12 && s.enrolment === 2644, `row ${show(row)}, wanted ${show(want)}`);
    });
    await check('the district filter keeps 岱山县\'s two schools', async () => {
      await page.selectOption('#schools-district', '330921');
      await waitList(page, 2);
      const codes = (await listRows(page)).map((r) => r[0]);
      must(sameList(codes, ['330921S01', '330921S02']), `codes ${show(codes)}`);
      must(await page.textContent('#schools-body .schools-count') === '2 所学校', 'count line');
      await shot(page, 'schools-list-daishan');
      await page.selectOption('#schools-district', '');
      await waitList(page, 9);
    });
    await check('the search finds 舟山航海学校 by a part of its name, and nothing for nonsense', async () => {
      await page.fill('#schools-search', '航海');
      await waitList(page, 1);
      must((await listRows(page))[0][0] === OTHER, 'not 舟山航海学校');
      await page.fill('#schools-search', 'no such school');
      await waitList(page, 0);
      must(await page.isVisible('#schools-body .schools-note'), 'no "no school matches" note');
      await page.fill('#schools-search', '');
      await waitList(page, 9);
    });
    await check('no horizontal overflow of the list at 1366×768', async () => {
      const o = await overflow(page);
      must(o.scrollWidth <= o.innerWidth, `scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}`);
    });

    // --- the bureau: one school ----------------------------------------------------
    if (!await check(`a click on ${SCHOOL} opens its page: 基本信息, 指标, 专业, 报送情况`, async () => {
      await page.locator('#schools-body tr.schools-row', { hasText: SCHOOL }).locator('td').nth(3).click();
      await waitSchool(page, '舟山职业技术学校', list.year);
      must(new URL(page.url()).hash === `#/schools/${SCHOOL}`, `address ${page.url()}`);
      const h = await headings(page);
      must(sameList(h, ['基本信息', '指标', `专业 (${detail.majors.length})`, '报送情况']), `headings ${show(h)}`);
      must(await page.isHidden('#schools-district'), 'the list\'s district filter is still shown');
      await shot(page, 'schools-school');
    })) return;
    await check('its profile: code, level, district, township, founded, enrolment', async () => {
      const dl = await page.$$eval('#schools-basic dd', (dds) => dds.map((d) => d.textContent));
      const want = [SCHOOL, '舟山职业技术学校', '中职', '公办', '定海区', '白泉镇', '1984', '12', '2644', '未报送'];
      must(sameList(dl, want), `profile ${show(dl)}, wanted ${show(want)}`);
    });
    await check('its indicators: the ones that apply, each school value beside the city value', async () => {
      const rows = await indicatorRows(page);
      const applies = detail.indicators.filter((i) => i.applies);
      must(sameList(Object.keys(rows), applies.map((i) => i.code)), `rows ${show(Object.keys(rows))}`);
      for (const i of applies) {
        const unit = i.unit === '%' ? '%' : '';
        const school = i.value === null ? '-' : fixed(i.value, i.decimals) + unit;
        const city = i.city.value === null ? '-' : fixed(i.city.value, i.decimals) + unit;
        must(rows[i.code][1] === school && rows[i.code][2] === city, `${i.code}: ${show(rows[i.code])}, wanted ${school} / ${city}`);
      }
      must(!rows.progression_rate_higher, 'a 高职 indicator is shown for a 中职 school');
    });
    await check('G7\'s indicator: 61.8% beside the city\'s 57.4%, weight 25.8%, pull +1.13, 6/7, G7 已达成', async () => {
      const r = (await indicatorRows(page)).progression_rate_secondary;
      const want = ['中职毕业生升学率', '61.8%', '57.4%', '25.8%', '+1.13', '6/7', 'G7 已达成'];
      must(sameList(r, want), `row ${show(r)}, wanted ${show(want)}`);
      const cls = await page.getAttribute('#schools-indicators tr[data-code=progression_rate_secondary] td:nth-child(5)', 'class');
      must(/schools-up/.test(cls), `pull class ${show(cls)}`);
    });
    await check('a pull the wrong way is marked: dropout_rate at a school above the city', async () => {
      const i = detail.indicators.find((x) => x.code === 'dropout_rate');
      const cls = await page.getAttribute('#schools-indicators tr[data-code=dropout_rate] td:nth-child(5)', 'class');
      must(i.pull !== null && /schools-(up|down)/.test(cls) && (i.pull < 0) === /schools-down/.test(cls), `pull ${i.pull}, class ${show(cls)}`);
    });
    await check('its majors (12, with enrolment) and its submissions (2025 to 2021, open)', async () => {
      const majors = await page.$$eval('#schools-majors tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
      must(majors.length === 12 && sameList(majors.map((m) => m[0]), detail.majors.map((m) => m.code)), `majors ${show(majors.map((m) => m[0]))}`);
      must(sameList(majors[0], ['660102', '机械加工技术', '机械设计制造类', '临港制造', '289']), `first major ${show(majors[0])}`);
      const subs = await page.$$eval('#schools-submissions tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
      must(sameList(subs, [2025, 2024, 2023, 2022, 2021].map((y) => [String(y), '未报送'])), `submissions ${show(subs)}`);
    });
    await check('no horizontal overflow of the school\'s page at 1366×768', async () => {
      const o = await overflow(page);
      must(o.scrollWidth <= o.innerWidth, `scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}`);
    });
    await check('printed, the school\'s page keeps its four parts and drops the filters and the link back', async () => {
      await page.emulateMedia({ media: 'print' });
      must(await page.isHidden('#schools-year') && await page.isHidden('#schools-body .schools-back'), 'filters or the link back are printed');
      for (const id of ['schools-basic', 'schools-indicators', 'schools-majors', 'schools-submissions']) must(await page.isVisible('#' + id), `${id} is not printed`);
      await shot(page, 'schools-school-print');
      await page.emulateMedia({ media: 'screen' });
    });
    await check('the year selector shows 2024\'s figures', async () => {
      const y = list.year - 1;
      const d24 = await (await desk.request.get(`${base}/api/v1/schools/${SCHOOL}?year=${y}`)).json();
      await page.selectOption('#schools-year', String(y));
      await waitSchool(page, '舟山职业技术学校', y);
      const r = (await indicatorRows(page)).progression_rate_secondary;
      const i = d24.indicators.find((x) => x.code === 'progression_rate_secondary');
      must(r[1] === fixed(i.value, 1) + '%' && r[2] === fixed(i.city.value, 1) + '%' && i.value !== detail.indicators.find((x) => x.code === i.code).value,
        `2024 row ${show(r)}, wanted ${fixed(i.value, 1)}% / ${fixed(i.city.value, 1)}%`);
      await page.selectOption('#schools-year', String(list.year));
      await waitSchool(page, '舟山职业技术学校', list.year);
    });
    await check('English: the headings, the indicator names and the school\'s name switch', async () => {
      await page.click('#lang');
      await waitSchool(page, 'Zhoushan Vocational and Technical School', list.year);
      const h = await headings(page);
      must(sameList(h, ['Profile', 'Indicators', `Majors (${detail.majors.length})`, 'Submissions']), `headings ${show(h)}`);
      const r = (await indicatorRows(page)).progression_rate_secondary;
      must(r[0] === 'progression rate of secondary vocational graduates' && r[6] === 'G7 achieved', `row ${show(r)}`);
      await shot(page, 'schools-school-en');
      await page.click('#lang');
      await waitSchool(page, '舟山职业技术学校', list.year);
    });
    await check('back to the list, all nine schools again', async () => {
      await page.click('#schools-body .schools-back a');
      await waitList(page, 9);
      must(await page.isVisible('#schools-district'), 'no district filter');
    });
    await check('sign out: nothing of the schools stays', async () => {
      await page.click('#logout');
      await page.waitForSelector('#login-form', { state: 'visible' });
      must(await page.isHidden('#schools-view'), 'the schools are still shown');
      must(await page.$$eval('#schools-view *', (es) => es.length) === 0, 'the schools page still holds elements');
    });

    // --- a school account ----------------------------------------------------------
    await check('a school\'s 学校 tab opens its own school, with no list and no way back to one', async () => {
      await page.goto(base + '/#/schools');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await signIn(page, 'school1', PASSWORD);
      await waitSchool(page, '舟山职业技术学校', list.year);
      must(await page.$('#schools-body tr.schools-row') === null, 'a list is shown');
      must(await page.$('#schools-body .schools-back') === null, 'a link back to a list');
      must(await page.isHidden('#schools-district') && await page.isHidden('#schools-search'), 'the list\'s filters are shown');
      const r = (await indicatorRows(page)).progression_rate_secondary;
      must(r[1] === '61.8%' && r[3] === '25.8%', `its G7 row ${show(r)}`);
      await shot(page, 'schools-own-school');
    });
    await check('another school\'s address gives the server\'s refusal, no figures', async () => {
      await page.goto(`${base}/#/schools/${OTHER}`);
      await page.waitForSelector('#schools-body .error', { state: 'visible' });
      const msg = await page.textContent('#schools-body .error');
      must(msg.includes(SCHOOL) && msg.includes(OTHER), `message ${show(msg)}`);
      must(await page.$('#schools-indicators') === null, 'figures are shown');
      // the refusal was the point, not trouble: its answer and Chromium's
      // console line for it
      const k = trouble.findIndex((x) => x === `desktop: HTTP 403 GET /api/v1/schools/${OTHER}`);
      must(k >= 0, `no 403 seen: ${show(trouble)}`);
      trouble.splice(k, 1);
      await page.waitForTimeout(200);
      const c = trouble.findIndex((x) => x.startsWith('desktop: console error: ') && x.includes('status of 403') && x.includes(`/api/v1/schools/${OTHER}?`));
      if (c >= 0) trouble.splice(c, 1);
      await shot(page, 'schools-other-refused');
    });
    await check('the school signs out', async () => {
      await page.click('#logout');
      await page.waitForSelector('#login-form', { state: 'visible' });
    });
    await check('a viewer has no 学校 tab, and #/schools shows it the overview', async () => {
      await page.goto(base + '/#/schools');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await signIn(page, 'public1', PASSWORD);
      await page.waitForSelector('#plan-view', { state: 'visible' });
      must(!(await tabs(page)).includes('学校'), `tabs ${show(await tabs(page))}`);
      must(await page.isHidden('#schools-view'), 'the schools page is shown');
      await page.click('#logout');
      await page.waitForSelector('#login-form', { state: 'visible' });
    });
    await desk.close();

    // --- a phone -------------------------------------------------------------------
    const { context: phone, page: mobile } = await open('phone', ON_PHONE);
    await check('on a phone (390×844) the list of schools fits the width', async () => {
      await mobile.goto(base + '/#/schools');
      await mobile.waitForSelector('#login-form', { state: 'visible' });
      await signIn(mobile, 'edu', PASSWORD);
      await waitList(mobile, 9);
      await fits(mobile, 'list', 'phone-schools-list');
    });
    await check('on a phone a school\'s page fits the width', async () => {
      await mobile.locator('#schools-body tr.schools-row a', { hasText: '舟山职业技术学校' }).click();
      await waitSchool(mobile, '舟山职业技术学校', list.year);
      await fits(mobile, 'school', 'phone-schools-school');
      await mobile.locator('#schools-majors').scrollIntoViewIfNeeded();
      await fits(mobile, 'school, its majors', 'phone-schools-majors');
    });
    await check('on a phone in English a school\'s page fits the width', async () => {
      await mobile.click('#lang');
      await waitSchool(mobile, 'Zhoushan Vocational and Technical School', list.year);
      await mobile.evaluate(() => window.scrollTo(0, 0));
      await fits(mobile, 'school (English)', 'phone-schools-school-en');
    });
    await phone.close();

    await noTrouble();
    await onlyExpected('the only other error answers: 401 for /api/v1/me when each context opens signed out',
      ['desktop 401 GET /api/v1/me', 'phone 401 GET /api/v1/me']);
  });
}

await run(main);

// evaluation.mjs - the 评价 page in a real browser. Starts `tvet serve` on a
// fresh demo database (port 0), drives Debian's Chromium (headless) through
// playwright-core, and checks what a person sees: the bureau's city index
// against G3 in its status colour, the demo's 9 scorecards with the API's
// figures, the two charts (read back from the ECharts instances), a what-if
// slider that changes the indices as the server computes them, an
// allocation computed and then saved (the run is then listed by the API),
// English, print; a department without the allocation form; a school that
// sees only its own scorecard and the city index; a viewer without the tab;
// a phone's width - with no console error, failed request or CSP violation.
// TAP; screenshots in build/artifacts/.
// Usage: TVET=build/tvet node tests/browser/evaluation.mjs
import {
  ON_PHONE, PASSWORD, PHONE, SCHOOL, STATUS_RGB, WAIT, check, must, noTrouble, onlyExpected, overflow, run, sameList, shot, show, signIn, trouble, tvet, withDemo,
} from './lib.mjs';

// Half away from zero, as the page and the CLI round.
const fixed = (v, places) => {
  const s = 10 ** places;
  return (Math.sign(v) * Math.round(Math.abs(v) * s) / s).toFixed(places);
};
// The cards shown: code -> {rank, index, sim, why}.
const cards = (page) => page.$$eval('#eval-cards .eval-card', (cs) => Object.fromEntries(cs.map((c) => [c.dataset.school, {
  rank: c.querySelector('.eval-rank').textContent,
  index: c.querySelector('.eval-index').textContent,
  ri: c.querySelector('.eval-ri').textContent,
  sim: c.querySelector('.eval-sim-index') ? c.querySelector('.eval-sim-index').textContent : null,
  why: c.querySelector('.eval-why').textContent,
}])));
// The options an ECharts instance was given, in the page.
const chartOption = (page, id) => page.evaluate((i) => {
  const c = window.echarts && window.echarts.getInstanceByDom(document.getElementById(i));
  if (!c) return null;
  const o = c.getOption();
  return { series: o.series.map((s) => ({ type: s.type, name: s.name, data: s.data })), y: o.yAxis[0].data };
}, id);

async function openEvaluation(page, k) {
  await page.click('#tabs a[data-page=evaluation]');
  try {
    await page.waitForFunction((n) => document.querySelectorAll('#eval-cards .eval-card').length === n, k, { timeout: WAIT });
  } catch (e) {
    // say what the page shows instead
    throw new Error(`no ${k} scorecards: ${await page.evaluate(() => (document.getElementById('eval-body') || document.body).textContent.slice(0, 300))}`);
  }
}

async function main() {
  let cli = null; // tvet evaluate's answer
  await withDemo({
    name: 'evaluation',
    db: 'e.db',
    what: 'a demo database with bureau, department, school and viewer accounts',
    accounts: [['edu', 'bureau', '市教育局'], ['dept1', 'department', '人社局', 'hrss'], ['school1', 'school', '学校一', SCHOOL], ['public1', 'viewer', '公众']],
    setup: (db) => { cli = JSON.parse(tvet(db, ['evaluate', '--format', 'json']).toString()); },
  }, async ({ base, context: desk, page, open }) => {
    // --- the bureau ----------------------------------------------------------------
    if (!await check('the bureau signs in and has the 评价 tab', async () => {
      await page.goto(base + '/');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await signIn(page, 'edu', PASSWORD);
      await page.waitForSelector('#tabs a[data-page=evaluation]', { state: 'visible' });
      must(await page.textContent('#tabs a[data-page=evaluation]') === '评价', 'the tab is not called 评价');
    })) return;
    if (!await check('评价 shows the demo\'s 9 scorecards, in rank order, with the CLI\'s indices, ranks and rank intervals', async () => {
      await openEvaluation(page, 9);
      must(new URL(page.url()).hash === '#/evaluation', `address ${page.url()}`);
      const got = await cards(page);
      const order = await page.$$eval('#eval-cards .eval-card', (cs) => cs.map((c) => c.dataset.school));
      const want = [...cli.schools].sort((a, b) => a.rank - b.rank).map((s) => s.school);
      must(sameList(order, want), `order ${show(order)}, wanted ${show(want)}`);
      for (const s of cli.schools) {
        const c = got[s.school];
        must(c && c.index === fixed(s.index, 1) && c.rank === `#${s.rank}`, `${s.school}: ${show(c)}, wanted ${fixed(s.index, 1)} #${s.rank}`);
        must(c.ri.endsWith(`${s.rank_interval[0]}–${s.rank_interval[1]}`), `${s.school} interval ${c.ri}, wanted ${show(s.rank_interval)}`);
        must(c.why === s.explanation, `${s.school} explanation ${c.why}`);
      }
    })) return;
    await check('the city index 67.6 against G3 ≥ 85, in the colour of its status (off track)', async () => {
      must(await page.textContent('#eval-city .eval-city-index') === fixed(cli.city_index, 1) && fixed(cli.city_index, 1) === '67.6', 'city index');
      must(await page.textContent('#eval-city .status') === '严重滞后', `status ${await page.textContent('#eval-city .status')}`);
      const colour = await page.$eval('#eval-city', (e) => getComputedStyle(e).borderLeftColor);
      must(colour === STATUS_RGB.off_track, `border ${colour}`);
      must((await page.textContent('#eval-city')).includes('G3 ≥ 85'), 'no G3 ≥ 85');
    });
    await check('the dimension breakdown: a canvas, 4 stacked series that add up to each school\'s index', async () => {
      await page.waitForSelector('#eval-breakdown canvas', { timeout: WAIT });
      await page.waitForFunction(() => window.echarts && window.echarts.getInstanceByDom(document.getElementById('eval-breakdown')));
      const o = await chartOption(page, 'eval-breakdown');
      must(o.series.length === 4 && o.series.every((s) => s.type === 'bar'), `series ${show(o.series.map((s) => s.name))}`);
      must(sameList(o.series.map((s) => s.name), cli.dimensions.map((d) => d.name)), 'series names');
      const byName = new Map(cli.schools.map((s) => [s.name, s]));
      o.y.forEach((name, i) => {
        const sum = o.series.reduce((n, s) => n + s.data[i], 0);
        must(Math.abs(sum - byName.get(name).index) < 1e-9, `${name}: bars ${sum}, index ${byName.get(name).index}`);
      });
    });
    await check('the rank intervals: a canvas, each school\'s nominal rank and an interval bar from its 5 % to its 95 % rank', async () => {
      await page.waitForSelector('#eval-intervals canvas', { timeout: WAIT });
      const o = await chartOption(page, 'eval-intervals');
      const byName = new Map(cli.schools.map((s) => [s.name, s]));
      must(o.series.length === 3 && o.y.length === 9, `series ${o.series.length}, rows ${o.y.length}`);
      o.y.forEach((name, i) => {
        const s = byName.get(name);
        must(o.series[2].data[i] === s.rank, `${name} dot ${o.series[2].data[i]}, rank ${s.rank}`);
        must(Math.abs(o.series[0].data[i] + o.series[1].data[i] - (s.rank_interval[1] + 0.25)) < 1e-9, `${name} bar ends wrong`);
      });
      await shot(page, 'evaluation-bureau');
    });

    // --- what-if ---------------------------------------------------------------------
    const nominal = await (await desk.request.get(`${base}/api/v1/evaluation?year=${cli.year}`)).json();
    const notraining = await (await desk.request.get(`${base}/api/v1/evaluation?year=${cli.year}&w.fit=25&w.employers=25&w.employment=25&w.training=0`)).json();
    await check('moving the 社会培训 slider to 0 asks the server and shows each school\'s new index beside the nominal', async () => {
      must(await page.textContent('#eval-w-training') === '25', 'the slider does not start at 25');
      await page.$eval('#eval-slider-training', (e) => {
        e.value = '0';
        e.dispatchEvent(new Event('input', { bubbles: true }));
      });
      must(await page.textContent('#eval-w-training') === '0', 'the weight shown is not 0');
      await page.waitForFunction(() => document.querySelectorAll('#eval-cards .eval-sim').length === 9, null, { timeout: WAIT });
      const got = await cards(page);
      let changed = 0;
      for (const s of notraining.schools) {
        const c = got[s.school];
        must(c.sim === fixed(s.index, 1), `${s.school}: what-if ${c.sim}, server ${fixed(s.index, 1)}`);
        const was = nominal.schools.find((x) => x.school === s.school);
        must(c.index === fixed(was.index, 1), `${s.school}: the nominal index changed to ${c.index}`);
        if (c.sim !== c.index) changed++;
      }
      must(changed >= 5, `only ${changed} indices changed`);
      const o = await chartOption(page, 'eval-breakdown');
      must(o.series[3].data.every((v) => v === 0), 'the training bars are not 0 under the what-if');
      await shot(page, 'evaluation-whatif');
    });
    await check('默认权重 puts the default back: no what-if shown', async () => {
      await page.click('#eval-reset');
      await page.waitForFunction(() => document.querySelectorAll('#eval-cards .eval-sim').length === 0, null, { timeout: WAIT });
      must(await page.textContent('#eval-w-training') === '25', 'the slider is not back at 25');
    });
    await check('every weight at 0: the server\'s refusal is said beside the sliders', async () => {
      await page.$$eval('#eval-whatif input[type=range]', (es) => es.forEach((e) => {
        e.value = '0';
        e.dispatchEvent(new Event('input', { bubbles: true }));
      }));
      await page.waitForFunction(() => document.getElementById('eval-whatif-error').textContent.includes('w.*'), null, { timeout: WAIT });
      // the 400 was the point, not trouble
      for (const pat of ['desktop: HTTP 400 GET /api/v1/evaluation', 'desktop: console error: ']) {
        const k = trouble.findIndex((x) => x.startsWith(pat) && (pat.includes('HTTP') || x.includes('status of 400')));
        if (k >= 0) trouble.splice(k, 1);
        else if (pat.includes('HTTP')) must(false, `no 400 seen: ${show(trouble)}`);
      }
      await page.click('#eval-reset');
      await page.waitForFunction(() => document.getElementById('eval-w-training').textContent === '25');
    });

    // --- allocation --------------------------------------------------------------------
    await check('试算 computes an allocation of 300000 yuan: 9 rows, none above 50 % of its base, not saved', async () => {
      must(await page.textContent('#eval-alloc-none') === '本年度尚无保存的分配方案', 'no "nothing saved" note');
      await page.fill('#eval-pool', '300000');
      await page.click('#eval-compute');
      await page.waitForSelector('#eval-alloc .eval-alloc-table tbody tr');
      const rows = await page.$$eval('#eval-alloc .eval-alloc-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
      must(rows.length === 9, `${rows.length} rows`);
      let total = 0;
      for (const r of rows) {
        const base = Number(r[2].replace(/,/g, ''));
        const reward = Number(r[3].replace(/,/g, ''));
        total += Math.round(reward * 100);
        must(reward <= base / 2 + 0.005, `${r[0]}: ${reward} above half of ${base}`);
      }
      const runs = await (await desk.request.get(`${base}/api/v1/allocations?year=${cli.year}`)).json();
      must(runs.length === 0, `${runs.length} runs saved by a computation`);
      const caption = await page.textContent('#eval-alloc .eval-run-caption');
      must(caption.startsWith('试算结果（未保存）') && caption.includes('300,000.00'), `caption ${caption}`);
      must(caption.includes(`已分配 ${(total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`), `caption ${caption}, total ${total}`);
    });
    await check('计算并保存 saves the run: the API lists it, by edu, and the page shows it as the saved run', async () => {
      await page.selectOption('#eval-rule', 'share');
      await page.click('#eval-save');
      await page.waitForFunction(() => (document.getElementById('eval-alloc-note') || {}).textContent === '分配方案已保存');
      const runs = await (await desk.request.get(`${base}/api/v1/allocations?year=${cli.year}`)).json();
      must(runs.length === 1 && runs[0].who === 'edu' && runs[0].rule === 'share' && runs[0].pool === 30000000, `runs ${show(runs.map((r) => [r.who, r.rule, r.pool]))}`);
      const caption = await page.textContent('#eval-alloc .eval-run-caption');
      must(caption.startsWith(`已保存方案 #${runs[0].id}`) && caption.includes('edu'), `caption ${caption}`);
      must(await page.$eval('#eval-rule', (e) => e.value) === 'share' && await page.$eval('#eval-pool', (e) => e.value) === '300000', 'the form forgot what was filled in');
      const rows = await page.$$eval('#eval-alloc .eval-alloc-table tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.school, tr.cells[3].textContent])));
      for (const [code, s] of Object.entries(runs[0].schools)) {
        const want = `${Math.trunc(s.fen / 100).toLocaleString('en-US')}.${String(s.fen % 100).padStart(2, '0')}`;
        must(rows[code] === want, `${code}: ${rows[code]}, wanted ${want}`);
      }
      await shot(page, 'evaluation-allocation');
    });

    await check('in English: the names and explanations in English', async () => {
      await page.click('#lang');
      await page.waitForFunction(() => document.querySelector('#tabs a[data-page=evaluation]').textContent === 'Evaluation');
      const got = await cards(page);
      for (const s of cli.schools) must(got[s.school].why === s.explanation_en, `${s.school}: ${got[s.school].why}`);
      must((await page.textContent('#eval-city h2')).startsWith('City contribution index'), 'city heading');
      await shot(page, 'evaluation-bureau-en');
      await page.click('#lang');
      await page.waitForFunction(() => document.querySelector('#tabs a[data-page=evaluation]').textContent === '评价');
    });
    await check('printed: the cards, the charts (as images) and the allocation table; no sliders, no form', async () => {
      await page.emulateMedia({ media: 'print' });
      must(await page.isHidden('#eval-whatif') && await page.isHidden('#eval-alloc-form') && await page.isHidden('#eval-year'), 'sliders, form or year printed');
      must(await page.isVisible('#eval-cards') && await page.isVisible('#eval-alloc .eval-alloc-table'), 'cards or allocation not printed');
      await shot(page, 'evaluation-print');
      await page.emulateMedia({ media: 'screen' });
    });
    await check('no horizontal overflow at 1366×768', async () => {
      const o = await overflow(page);
      must(o.scrollWidth <= o.innerWidth, `scrollWidth ${o.scrollWidth}`);
    });
    await desk.close();

    // --- a department: reads, no form ----------------------------------------------------
    const { context: deptCtx, page: dpage } = await open('department');
    await check('a department sees the 9 scorecards and the saved run, without the allocation form', async () => {
      await dpage.goto(base + '/');
      await signIn(dpage, 'dept1', PASSWORD);
      await dpage.waitForSelector('#tabs a[data-page=evaluation]', { state: 'visible' });
      await openEvaluation(dpage, 9);
      await dpage.waitForSelector('#eval-alloc .eval-alloc-table tbody tr');
      must(await dpage.$('#eval-alloc-form') === null, 'the department has the form');
    });
    await deptCtx.close();

    // --- a school: its own scorecard and the city index ------------------------------------
    const { context: schoolCtx, page: spage } = await open('school');
    await check('a school account sees only its own scorecard and the city index: no sliders, charts or allocation', async () => {
      await spage.goto(base + '/');
      await signIn(spage, 'school1', PASSWORD);
      await spage.waitForSelector('#tabs a[data-page=evaluation]', { state: 'visible' });
      await openEvaluation(spage, 1);
      const got = await cards(spage);
      const own = cli.schools.find((s) => s.school === SCHOOL);
      must(sameList(Object.keys(got), [SCHOOL]) && got[SCHOOL].index === fixed(own.index, 1), `cards ${show(got)}`);
      must(await spage.textContent('#eval-city .eval-city-index') === fixed(cli.city_index, 1), 'city index');
      for (const id of ['#eval-whatif', '#eval-breakdown', '#eval-intervals', '#eval-alloc']) must(await spage.$(id) === null, `${id} is shown to a school`);
      await shot(spage, 'evaluation-school');
    });
    await schoolCtx.close();

    // --- a viewer: no tab -----------------------------------------------------------------------
    const { context: viewCtx, page: vpage } = await open('viewer');
    await check('a viewer has no 评价 tab, and #/evaluation shows another page', async () => {
      await vpage.goto(base + '/');
      await signIn(vpage, 'public1', PASSWORD);
      await vpage.waitForSelector('#tabs a', { state: 'visible' });
      must(await vpage.$('#tabs a[data-page=evaluation]') === null, 'the viewer has the tab');
      await vpage.goto(base + '/#/evaluation');
      await vpage.waitForTimeout(300);
      must(await vpage.isHidden('#evaluation-view'), 'the page is shown to a viewer');
    });
    await viewCtx.close();

    // --- a phone ---------------------------------------------------------------------------------
    const { context: phone, page: mobile } = await open('phone', ON_PHONE);
    await check('on a phone (390×844) 评价 fits the width: cards, sliders, charts and the allocation', async () => {
      await mobile.goto(base + '/');
      await signIn(mobile, 'edu', PASSWORD);
      await mobile.waitForSelector('#tabs a[data-page=evaluation]', { state: 'visible' });
      await openEvaluation(mobile, 9);
      await mobile.waitForSelector('#eval-breakdown canvas');
      await mobile.waitForSelector('#eval-alloc .eval-alloc-table tbody tr');
      const o = await overflow(mobile);
      must(o.innerWidth === PHONE.width && o.scrollWidth <= o.innerWidth, `scrollWidth ${o.scrollWidth}, innerWidth ${o.innerWidth}`);
      await shot(mobile, 'phone-evaluation');
      await mobile.$eval('#eval-alloc', (e) => e.scrollIntoView());
      await shot(mobile, 'phone-evaluation-allocation');
    });
    await phone.close();

    await noTrouble();
    await onlyExpected('the only other error answers: 401 for /api/v1/me when each context opens signed out',
      ['desktop', 'department', 'school', 'viewer', 'phone'].map((l) => `${l} 401 GET /api/v1/me`));
  });
}

await run(main);

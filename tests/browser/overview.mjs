// overview.mjs - the charts of 总览 in a real browser. Starts `tvet serve`
// on a fresh demo database (port 0), drives Debian's Chromium through
// playwright-core, and holds what the charts draw against what the API
// says: the donut of the counts by status, each row's sparkline, a target's
// trend chart (actual by year, the dashed path to the target, the target
// line) read back from the ECharts instance; the English toggle relabels
// them, nothing leaks when they are redrawn or the account signs out, they
// follow the window's size, print as images, fit a phone - and with no
// ECharts on the server the page works on and says why. No console error,
// failed request or CSP violation (ECharts' tooltips are drawn on the
// canvas: its HTML ones would carry style attributes). Speaks TAP;
// screenshots go to build/artifacts/.
// Usage: TVET=build/tvet node tests/browser/overview.mjs
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, DESKTOP, ENV, ON_PHONE, PASSWORD, PHONE, STATUS_EN, STATUS_ZH, TOP, check, must, noTrouble, overflow, run, sameList, shot, show, signIn, trouble, withDemo,
} from './lib.mjs';

const STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

// --- what the page drew ------------------------------------------------------------
// The ECharts instance on a selector's element, as data: its series (name,
// values, markLine values and label), the x axis and the legend; null
// when there is no instance there.
function chartOf(page, selector) {
  return page.evaluate((sel) => {
    const dom = document.querySelector(sel);
    const c = dom && window.echarts && window.echarts.getInstanceByDom(dom);
    if (!c) return null;
    const o = c.getOption();
    const value = (d) => (d !== null && typeof d === 'object' ? d.value : d);
    return {
      series: o.series.map((s) => ({
        type: s.type, name: s.name, data: s.data.map(value), names: s.data.map((d) => d && d.name),
        colours: s.data.map((d) => d && d.itemStyle && d.itemStyle.color),
        mark: s.markLine ? s.markLine.data.map((d) => d.yAxis) : [],
        markLabel: s.markLine && s.markLine.label ? s.markLine.label.formatter : null,
      })),
      x: o.xAxis ? o.xAxis[0].data : null,
      legend: o.legend && o.legend.length ? o.legend[0].data : null,
      canvas: dom.querySelectorAll('canvas').length,
      width: c.getWidth(), domWidth: dom.clientWidth,
    };
  }, selector);
}
// How many live ECharts instances the page holds.
const liveCharts = (page) => page.evaluate(() => [...document.querySelectorAll('[_echarts_instance_]')]
  .filter((d) => d.getAttribute('_echarts_instance_') && window.echarts.getInstanceByDom(d)).length);
// A row's sparkline: its two polylines' points (path, actual) as [x, y].
const spark = (page, id) => page.evaluate((want) => {
  const tr = [...document.querySelectorAll('#actions tr.target')].find((r) => r.cells[0].textContent === want);
  const svg = tr && tr.querySelector('svg.spark');
  if (!svg) return null;
  const pts = (p) => (p.getAttribute('points') || '').split(' ').filter(Boolean).map((xy) => xy.split(',').map(Number));
  const [path, actual] = [...svg.querySelectorAll('polyline')].map(pts);
  return { path, actual, stroke: svg.querySelectorAll('polyline')[1].getAttribute('stroke'), label: svg.getAttribute('aria-label') };
}, id);
const rowCount = (page) => page.$$eval('#actions tr.target', (trs) => trs.length);

// Before a screenshot: the charts' short animation (300 ms) has ended.
const settle = (page) => page.waitForTimeout(500);
async function waitPlan(page) {
  await page.waitForSelector('#actions .action tr.target', { state: 'visible' });
}
async function clickTarget(page, id) {
  await page.locator('#actions tr.target').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${id}$`) }) }).first().click();
  await page.waitForSelector('#detail h3', { state: 'visible' });
}
// The chart the API's criterion c should give: its years, actuals, the
// path (the series' trajectories, then the target at the deadline).
function wanted(c) {
  const at = new Map(c.series.map((p) => [p.year, p]));
  const years = [];
  for (let y = c.series[0].year; y <= Math.max(c.year, c.deadline); y++) years.push(y);
  return {
    x: years.map(String),
    actual: years.map((y) => (at.has(y) ? at.get(y).actual : null)),
    path: years.map((y) => (at.has(y) ? at.get(y).trajectory : y === c.deadline ? c.target : null)),
  };
}
// The status donut should hold the statuses that have criteria, in order.
const donutWant = (counts, words) => STATUSES.filter((s) => counts[s] > 0).map((s) => [words[s], counts[s]]);
const donutGot = (chart) => chart.series[0].names.map((n, i) => [n, chart.series[0].data[i]]);

// ---- the run --------------------------------------------------------------------------
async function main() {
  await withDemo({
    name: 'overview',
    db: 'o.db',
    what: 'a demo database with a bureau account',
    accounts: [['edu', 'bureau', '市教育局']],
  }, async ({ work, base, context: desk, page, open, serve }) => {
    let vendor = null;
    page.on('response', (r) => { if (new URL(r.url()).pathname === '/vendor/echarts.min.js') vendor = r; });

    if (!await check('the page loads ECharts from /vendor/echarts.min.js (node_modules, as served) while signed out', async () => {
      await page.goto(base + '/');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await page.waitForFunction(() => window.echarts || document.querySelector('.chart-missing'));
      must(vendor && vendor.status() === 200, `vendor answer ${vendor && vendor.status()} (node_modules/echarts missing? npm ci)`);
      must(/^text\/javascript/.test(vendor.headers()['content-type']), `type ${vendor.headers()['content-type']}`);
      const size = statSync(join(TOP, 'node_modules/echarts/dist/echarts.min.js')).size;
      must(Number(vendor.headers()['content-length']) === size, `length ${vendor.headers()['content-length']}, file ${size}`);
      const version = await page.evaluate(() => window.echarts && window.echarts.version);
      must(/^5\./.test(version || ''), `echarts.version ${show(version)}`);
    })) return;

    await signIn(page, 'edu', PASSWORD);
    await waitPlan(page);
    const plan = await (await desk.request.get(base + '/api/v1/plan/status')).json();
    const byId = new Map(plan.targets.map((c) => [c.id, c]));
    const measured = plan.targets.filter((c) => c.series.length > 0);

    await check('the API gives each measured criterion its yearly series, manual ones none', () => {
      must(measured.length === plan.targets.filter((c) => c.kind !== 'manual').length && measured.length >= 30, `${measured.length} with a series`);
      const g7 = byId.get('G7');
      must(sameList(g7.series.map((p) => p.year), [2021, 2022, 2023, 2024, 2025]), `G7 years ${show(g7.series)}`);
      must(g7.series[4].actual === g7.actual && g7.series[4].trajectory === g7.trajectory, 'G7 2025 is not the row\'s actual and trajectory');
    });

    await check('the status donut: a canvas, each status with criteria in its count and colour', async () => {
      await page.waitForSelector('#status-chart canvas');
      const c = await chartOf(page, '#status-chart');
      must(c && c.canvas >= 1 && c.series[0].type === 'pie', `chart ${show(c)}`);
      must(sameList(donutGot(c), donutWant(plan.counts, STATUS_ZH)), `donut ${show(donutGot(c))}, wanted ${show(donutWant(plan.counts, STATUS_ZH))}`);
      const css = await page.evaluate((ss) => ss.map((s) => getComputedStyle(document.documentElement).getPropertyValue(`--${s}`).trim()),
        STATUSES.filter((s) => plan.counts[s] > 0));
      must(sameList(c.series[0].colours, css), `colours ${show(c.series[0].colours)}, style.css ${show(css)}`);
      await settle(page);
      await shot(page, 'overview-desktop');
    });

    await check('a sparkline in each measured criterion\'s row, none for the assessed ones', async () => {
      const got = await page.$$eval('#actions tr.target', (trs) => trs.map((tr) => !!tr.querySelector('svg.spark')));
      const want = plan.targets.map((c) => c.series.length > 0);
      must(sameList(got, want), `sparklines ${got.filter(Boolean).length}, wanted ${want.filter(Boolean).length}`);
    });
    await check('G7\'s sparkline: its five actuals rising, the path to the deadline, in its status colour', async () => {
      const g7 = byId.get('G7');
      const s = await spark(page, 'G7');
      const w = wanted(g7);
      must(s.actual.length === w.actual.filter((v) => v !== null).length && s.actual.length === 5, `actual points ${show(s.actual)}`);
      must(s.path.length === w.path.filter((v) => v !== null).length, `path points ${show(s.path)}`);
      must(s.actual.every((p, i) => i === 0 || p[1] < s.actual[i - 1][1]), `not rising: ${show(s.actual)}`);
      const green = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--achieved').trim());
      must(s.stroke === green, `stroke ${s.stroke}, --achieved ${green}`);
      must(s.label.includes('2025: 57.4%'), `label ${show(s.label)}`);
    });

    await check('G7\'s detail: a trend chart with the API\'s actuals, its path and the target line', async () => {
      await clickTarget(page, 'G7');
      await page.waitForSelector('#detail .chart canvas');
      const g7 = byId.get('G7');
      const c = await chartOf(page, '#detail .chart');
      const w = wanted(g7);
      must(c.canvas >= 1, 'no canvas');
      must(sameList(c.x, w.x), `years ${show(c.x)}, wanted ${show(w.x)}`);
      must(sameList(c.series.map((s) => s.name), ['实际值', '目标路径']) && sameList(c.legend, ['实际值', '目标路径']), `series ${show(c.series.map((s) => s.name))}`);
      must(sameList(c.series[0].data, w.actual), `actual ${show(c.series[0].data)}, wanted ${show(w.actual)}`);
      must(c.series[0].data.filter((v) => v !== null).length === g7.series.filter((p) => p.actual !== null).length, 'not one point per actual');
      must(sameList(c.series[1].data, w.path), `path ${show(c.series[1].data)}, wanted ${show(w.path)}`);
      must(sameList(c.series[1].mark, [55]) && /目标值 >= 55%/.test(c.series[1].markLabel), `target line ${show(c.series[1].mark)} ${show(c.series[1].markLabel)}`);
      await settle(page);
      await shot(page, 'overview-target-G7');
    });
    await check('its tooltip is drawn on the canvas: no markup added to the page', async () => {
      await page.evaluate(() => {
        window.echarts.getInstanceByDom(document.querySelector('#detail .chart')).dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 2 });
      });
      await page.waitForTimeout(200);
      const text = await page.$eval('#detail .chart', (d) => d.textContent);
      must(text === '', `markup in the chart: ${show(text)}`);
    });

    await check('English: the charts are redrawn in English, the old ones disposed', async () => {
      await page.click('#lang');
      await page.waitForFunction(() => document.querySelector('header h1').textContent === 'TVET Observatory');
      const d = await chartOf(page, '#detail .chart');
      must(sameList(d.legend, ['Actual', 'Path to target']), `legend ${show(d.legend)}`);
      must(/^Target value >= 55% \(2025\)/.test(d.series[1].markLabel), `target label ${show(d.series[1].markLabel)}`);
      const s = await chartOf(page, '#status-chart');
      must(sameList(donutGot(s), donutWant(plan.counts, STATUS_EN)), `donut ${show(donutGot(s))}`);
      must(await liveCharts(page) === 2, `${await liveCharts(page)} live charts, wanted 2 (donut, G7)`);
      await settle(page);
      await shot(page, 'overview-en');
      await page.click('#lang');
      await page.waitForFunction(() => document.querySelector('header h1').textContent !== 'TVET Observatory');
      must(sameList((await chartOf(page, '#detail .chart')).legend, ['实际值', '目标路径']), 'not back in Chinese');
    });

    await check('the charts follow the window\'s width', async () => {
      await page.setViewportSize({ width: 900, height: 768 });
      await page.waitForFunction(() => {
        const dom = document.querySelector('#detail .chart');
        return window.echarts.getInstanceByDom(dom).getWidth() === dom.clientWidth;
      });
      const c = await chartOf(page, '#detail .chart');
      must(c.width === c.domWidth && c.width < 900, `chart ${c.width}, box ${c.domWidth}`);
      await page.setViewportSize(DESKTOP);
    });

    await check('printing: each chart becomes an image that fits the page, and back', async () => {
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      const got = await page.evaluate(() => ({
        imgs: [...document.querySelectorAll('img.chart-print')].map((i) => ({ png: i.src.startsWith('data:image/png'), shown: i.offsetWidth > 0 })),
        charts: [...document.querySelectorAll('.chart')].filter((c) => c.offsetWidth > 0).length,
      }));
      must(got.imgs.length === 2 && got.imgs.every((i) => i.png && i.shown), `images ${show(got.imgs)}`);
      must(got.charts === 0, `${got.charts} canvases still shown in print`);
      await page.setViewportSize({ width: 700, height: 990 });
      const o = await overflow(page);
      must(o.scrollWidth <= o.innerWidth, `print width: scrollWidth ${o.scrollWidth} > ${o.innerWidth}`);
      await shot(page, 'overview-print');
      await page.pdf({ path: join(ARTIFACTS, 'overview-print.pdf') }).catch(() => {});
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(DESKTOP);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      must(await page.$$eval('img.chart-print', (is) => is.length) === 0, 'print images left on the screen');
    });

    await check('back: the target\'s chart is disposed, the donut stays', async () => {
      await page.click('#detail button');
      await waitPlan(page);
      must(await liveCharts(page) === 1, `${await liveCharts(page)} live charts`);
    });
    await check('A7a: one chart per criterion (two)', async () => {
      await clickTarget(page, 'A7a.1');
      await page.waitForSelector('#detail .chart canvas');
      const parts = plan.targets.filter((c) => c.id === 'A7a');
      const n = await page.$$eval('#detail .chart', (cs) => cs.length);
      must(n === 2 && parts.length === 2, `${n} charts`);
      for (const [i, c] of parts.entries()) {
        const got = await chartOf(page, `#detail .chart[data-target="A7a.${c.part}"]`);
        must(sameList(got.series[0].data, wanted(c).actual), `A7a.${i + 1} ${show(got.series[0].data)}`);
        must(sameList(got.series[1].mark, [c.target]), `A7a.${i + 1} target ${show(got.series[1].mark)}`);
      }
      await page.click('#detail button');
      await waitPlan(page);
    });
    await check('an assessed target (C8) has no chart, only its explanation', async () => {
      await clickTarget(page, 'C8');
      must(await page.$$eval('#detail .chart', (cs) => cs.length) === 0, 'a chart for C8');
      must((await page.textContent('#detail')).includes(byId.get('C8').explanation), 'no explanation');
      must(await liveCharts(page) === 1, `${await liveCharts(page)} live charts`);
      await page.click('#detail button');
      await waitPlan(page);
    });

    await check('another year: the donut and the sparklines are of that year', async () => {
      const y = plan.year - 1;
      const prev = await (await desk.request.get(`${base}/api/v1/plan/status?year=${y}`)).json();
      await page.selectOption('#year', String(y));
      await page.waitForFunction((w) => {
        const c = window.echarts.getInstanceByDom(document.getElementById('status-chart'));
        return c && JSON.stringify(c.getOption().series[0].data.map((d) => [d.name, d.value])) === w;
      }, JSON.stringify(donutWant(prev.counts, STATUS_ZH))).catch(async () => {
        throw new Error(`donut ${show(donutGot(await chartOf(page, '#status-chart')))}, wanted ${show(donutWant(prev.counts, STATUS_ZH))}`);
      });
      const s = await spark(page, 'G7');
      must(s.actual.length === 4, `G7 in ${y}: ${s.actual.length} actual points`);
      must(await liveCharts(page) === 1, `${await liveCharts(page)} live charts`);
      await page.selectOption('#year', String(plan.year));
      await page.waitForFunction((k) => document.querySelectorAll('#actions tr.target').length === k, plan.targets.length);
    });

    await check('signing out disposes every chart', async () => {
      await clickTarget(page, 'G7');
      await page.waitForSelector('#detail .chart canvas');
      await page.click('#logout');
      await page.waitForSelector('#login-form', { state: 'visible' });
      must(await liveCharts(page) === 0, `${await liveCharts(page)} live charts`);
      must(await page.$$eval('#plan-view canvas', (cs) => cs.length) === 0, 'a canvas is left');
    });
    await desk.close();

    // --- a phone -------------------------------------------------------------------------
    const { context: phone, page: mobile } = await open('phone', ON_PHONE);
    await check('on a phone (390×844) the donut and the sparklines fit the width', async () => {
      await mobile.goto(base + '/');
      await signIn(mobile, 'edu', PASSWORD);
      await waitPlan(mobile);
      await mobile.waitForSelector('#status-chart canvas');
      const c = await chartOf(mobile, '#status-chart');
      must(c.width > 0 && c.width <= PHONE.width, `donut ${c.width} px`);
      const wide = await mobile.$$eval('svg.spark', (ss) => ss.filter((s) => s.getBoundingClientRect().right > window.innerWidth).length);
      must(wide === 0, `${wide} sparklines past the edge`);
      const o = await overflow(mobile);
      must(o.scrollWidth <= o.innerWidth, `scrollWidth ${o.scrollWidth} > ${o.innerWidth}`);
      await settle(mobile);
      await shot(mobile, 'overview-phone');
    });
    await check('on a phone G7\'s chart fits the width', async () => {
      await clickTarget(mobile, 'G7');
      await mobile.waitForSelector('#detail .chart canvas');
      const c = await chartOf(mobile, '#detail .chart');
      must(c.width > 200 && c.width <= PHONE.width, `chart ${c.width} px`);
      must(c.series[0].data.filter((v) => v !== null).length === 5, 'not five actuals');
      const o = await overflow(mobile);
      must(o.scrollWidth <= o.innerWidth, `scrollWidth ${o.scrollWidth} > ${o.innerWidth}`);
      await mobile.locator('#detail .chart').scrollIntoViewIfNeeded();
      await settle(mobile);
      await shot(mobile, 'overview-phone-G7');
    });
    await phone.close();

    // --- a server without ECharts ------------------------------------------------------
    ENV.TVET_VENDOR = join(work, 'no-node-modules');
    const bare = serve();
    delete ENV.TVET_VENDOR;
    let bareBase = '';
    await check('without node_modules the server answers 404 for the vendor file, saying why', async () => {
      bareBase = await bare.url;
      const r = await fetch(bareBase + '/vendor/echarts.min.js');
      const doc = await r.json();
      must(r.status === 404 && /echarts\.min\.js is not installed: run npm ci/.test(doc.error.message), `HTTP ${r.status} ${show(doc)}`);
    });
    const { context: nov, page: np } = await open('novendor');
    await check('without ECharts the plan still shows, with a note instead of the charts', async () => {
      await np.goto(bareBase + '/');
      await signIn(np, 'edu', PASSWORD);
      await waitPlan(np);
      must(await rowCount(np) === plan.targets.length, 'not every target');
      must(await np.isVisible('.chart-missing'), 'no note');
      must((await np.textContent('.chart-missing')).startsWith('图表不可用'), `note ${show(await np.textContent('.chart-missing'))}`);
      must(await np.isHidden('#status-chart'), 'an empty chart box');
      must(await np.$$eval('svg.spark', (ss) => ss.length) === measured.length, 'the sparklines are gone too');
      await clickTarget(np, 'G7');
      await np.waitForSelector('#detail tbody tr');
      must(await np.$$eval('#detail .chart, #detail canvas', (cs) => cs.length) === 0, 'a chart box in the detail');
      must(await np.isVisible('#detail .chart-missing'), 'no note in the detail');
      await np.click('#lang');
      await np.waitForFunction(() => document.querySelector('.chart-missing').textContent.startsWith('Charts unavailable'));
      await shot(np, 'overview-novendor');
    });
    await nov.close();
    // Chromium reports the one failed script four ways: the 404, its
    // console line, the refusal of a JSON body as script, the aborted load.
    await check('without ECharts: one failed load of the vendor file, nothing else', () => {
      const mine = trouble.filter((x) => x.startsWith('novendor:'));
      trouble.splice(0, trouble.length, ...trouble.filter((x) => !x.startsWith('novendor:')));
      must(mine.length >= 1 && mine.every((x) => x.includes('/vendor/echarts.min.js')), () => mine.join('\n'));
      must(mine.filter((x) => x.includes('console error')).length <= 2, () => mine.join('\n'));
    });

    await noTrouble();
  });
}

await run(main);

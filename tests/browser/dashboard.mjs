// dashboard.mjs - the dashboard in a real browser. Starts `tvet serve` on a
// fresh demo database (port 0), drives Debian's Chromium (/usr/bin/chromium,
// headless) through playwright-core, and checks what a person sees: the
// sign-in form in Chinese, the plan's targets grouped by action with their
// status colours, the English toggle, a target's schools (all of them for
// the bureau, its own for a school), the department filter, a phone's
// width, signing out - with no console error, failed request or CSP
// violation on the way. Speaks TAP for tests/run.sh; a screenshot of each
// step goes to build/artifacts/. Exits non-zero when any check failed.
// Usage: TVET=build/tvet node tests/browser/dashboard.mjs
import {
  Failed, ON_PHONE, PASSWORD, SCHOOL, STATUS_RGB, STATUS_ZH, WAIT, check, fits, must, noTrouble, onlyExpected, overflow, run, sameList, shot, show, signIn, withDemo,
} from './lib.mjs';

// The visible targets' rows: id, the cells' text, the status' class and colour.
function rows(page) {
  return page.$$eval('#actions tr.target', (trs) => trs.filter((tr) => tr.offsetParent !== null).map((tr) => {
    const status = tr.querySelector('.status');
    return {
      id: tr.cells[0].textContent,
      cells: [...tr.cells].map((td) => td.textContent),
      status: status.className.replace('status ', ''),
      label: status.textContent,
      colour: getComputedStyle(status).backgroundColor,
    };
  }));
}
const actionHeadings = (page) => page.$$eval('#actions .action h2', (hs) => hs.map((h) => h.textContent));
const countsLine = (page) => page.$$eval('#counts .count', (cs) => cs.map((c) => c.textContent));
const detailRows = (page) => page.$$eval('#detail tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
async function waitPlan(page) {
  await page.waitForSelector('#actions .action tr.target', { state: 'visible', timeout: WAIT });
}
async function clickTarget(page, id) {
  await page.locator('#actions tr.target').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${id}$`) }) }).first().click();
  await page.waitForSelector('#detail tbody tr', { state: 'visible', timeout: WAIT });
}

// ---- the run --------------------------------------------------------------------
async function main() {
  await withDemo({
    name: 'browser',
    what: 'a demo database with a bureau and a school account',
    accounts: [['edu', 'bureau', '市教育局'], ['school1', 'school', '学校一', SCHOOL]],
  }, async ({ base, browser, context: desk, page, open }) => {
    // --- signed out -----------------------------------------------------------
    let cspHeader = '';
    await check('the sign-in page renders in Chinese', async () => {
      const res = await page.goto(base + '/');
      cspHeader = res.headers()['content-security-policy'] || '';
      await page.waitForSelector('#login-form', { state: 'visible' });
      const h1 = await page.textContent('header h1');
      must(h1 === '职业教育高质量发展监测平台', `heading ${show(h1)}`);
      must(await page.title() === '职业教育高质量发展监测平台', `title ${show(await page.title())}`);
      must(await page.getAttribute('html', 'lang') === 'zh-CN', 'html lang is not zh-CN');
      const labels = await page.$$eval('#login-form label span', (ss) => ss.map((s) => s.textContent));
      must(sameList(labels, ['账号', '密码']), `labels ${show(labels)}`);
      must(!await page.isVisible('#plan-view'), 'the plan shows before signing in');
      must(!await page.isVisible('#logout'), 'a sign-out button before signing in');
      await shot(page, 'login-zh');
    });
    await check('the page is served with a CSP without inline script or style', () => {
      must(/script-src 'self'(;|$)/.test(cspHeader) && /style-src 'self'(;|$)/.test(cspHeader), `CSP ${show(cspHeader)}`);
    });

    await check('a wrong password shows the error and no plan', async () => {
      await signIn(page, 'edu', 'not the password');
      await page.waitForFunction(() => document.getElementById('login-error').textContent !== '');
      const msg = await page.textContent('#login-error');
      must(msg.startsWith('登录失败') && /账号或密码错误/.test(msg), `error text ${show(msg)}`);
      must(await page.isVisible('#login-error'), 'the error is not visible');
      must(!await page.isVisible('#plan-view'), 'the plan shows');
      await shot(page, 'login-wrong-password');
    });

    // --- the bureau -------------------------------------------------------------
    if (!await check('the right password shows the plan', async () => {
      await signIn(page, 'edu', PASSWORD);
      await waitPlan(page);
      must(await page.isHidden('#login-view'), 'the sign-in form is still there');
      must(await page.textContent('#login-error') === '', 'the old error is still there');
      const who = await page.textContent('#who');
      must(who.includes('市教育局'), `who ${show(who)}`);
      must(await page.isVisible('#logout'), 'no sign-out button');
    })) return;
    // What the page should show, straight from the API with the same session.
    const plan = await (await desk.request.get(base + '/api/v1/plan/status')).json();
    const g7 = (await (await desk.request.get(`${base}/api/v1/plan/targets/G7?year=${plan.year}`)).json())[0];
    await shot(page, 'dashboard-zh');

    await check('one block per action that has targets (9), in the plan\'s order', async () => {
      const heads = await actionHeadings(page);
      const want = plan.actions.map((a) => `行动 ${a.action} ${a.title}`);
      must(heads.length === 9 && sameList(heads, want), `headings ${show(heads)}, wanted ${show(want)}`);
    });
    await check('every target has its row, under its action', async () => {
      const got = await page.$$eval('#actions .action', (as) => as.map((a) => a.querySelectorAll('tr.target').length));
      const want = plan.actions.map((a) => plan.targets.filter((t) => t.action === a.action).length);
      must(sameList(got, want) && want.reduce((x, y) => x + y, 0) === 47, `rows per action ${show(got)}, wanted ${show(want)}`);
    });
    await check('the counts line gives each status\'s count', async () => {
      const got = await countsLine(page);
      const want = Object.keys(STATUS_ZH).map((s) => `${STATUS_ZH[s]} ${plan.counts[s]}`);
      must(sameList(got, want), `counts ${show(got)}, wanted ${show(want)}`);
    });
    await check('G7\'s row: 57.4%, target >= 55%, 已达成 in green', async () => {
      const g = (await rows(page)).filter((r) => r.id === 'G7');
      must(g.length === 1, `${g.length} rows for G7`);
      const [r] = g;
      must(r.cells[2] === '57.4%', `actual ${show(r.cells[2])}`);
      must(r.cells[3] === '>= 55%', `target ${show(r.cells[3])}`);
      must(r.label === '已达成' && r.status === 'achieved', `status ${show(r.label)} (${r.status})`);
      must(r.colour === STATUS_RGB.achieved, `colour ${r.colour}`);
      must(r.cells[5] === g7.explanation, `explanation ${show(r.cells[5])}`);
    });
    await check('each row\'s status has its label and colour', async () => {
      const bad = (await rows(page)).filter((r) => r.label !== STATUS_ZH[r.status] || r.colour !== STATUS_RGB[r.status]);
      must(bad.length === 0, () => show(bad.slice(0, 3)));
    });
    await check('figures as the CLI shows them (the indicator\'s decimals)', async () => {
      const byId = new Map((await rows(page)).map((r) => [r.id, r.cells]));
      const want = { A1a: '1.38%', A1c: '100.0%', A5b: '11480', G9: '2.21', G5: '50.0%', A2: '8', C4: '-' };
      const got = Object.fromEntries(Object.keys(want).map((id) => [id, byId.get(id) && byId.get(id)[2]]));
      must(sameList(got, want), `actual ${show(got)}, wanted ${show(want)}`);
    });
    await check('no horizontal overflow at 1366×768', async () => {
      const o = await overflow(page);
      must(o.scrollWidth <= o.innerWidth, `scrollWidth ${o.scrollWidth} > innerWidth ${o.innerWidth}`);
    });

    await check('English: the toggle switches the headings and labels', async () => {
      await page.click('#lang');
      await page.waitForFunction(() => document.querySelector('header h1').textContent === 'TVET Observatory');
      const heads = await actionHeadings(page);
      const want = plan.actions.map((a) => `Action ${a.action} ${a.title_en}`);
      must(sameList(heads, want), `headings ${show(heads)}`);
      must(await page.getAttribute('html', 'lang') === 'en', 'html lang is not en');
      must(await page.textContent('#lang') === '中文', `toggle ${show(await page.textContent('#lang'))}`);
      must(await page.textContent('#logout') === 'Sign out', 'sign-out button not in English');
      must(await page.title() === 'TVET Observatory', `title ${show(await page.title())}`);
      const counts = await countsLine(page);
      must(counts[0] === `achieved ${plan.counts.achieved}`, `counts ${show(counts)}`);
      const r = (await rows(page)).find((x) => x.id === 'G7');
      must(r.label === 'achieved' && r.cells[5] === g7.explanation_en, `G7 ${show(r.cells)}`);
      const unit = await page.$eval('#unit option[value=edu]', (o) => o.textContent);
      must(unit === 'Municipal Education Bureau', `department ${show(unit)}`);
      await shot(page, 'dashboard-en');
    });
    await check('and back to Chinese', async () => {
      await page.click('#lang');
      await page.waitForFunction(() => document.querySelector('header h1').textContent === '职业教育高质量发展监测平台');
      const heads = await actionHeadings(page);
      must(sameList(heads, plan.actions.map((a) => `行动 ${a.action} ${a.title}`)), `headings ${show(heads)}`);
      must(await page.getAttribute('html', 'lang') === 'zh-CN', 'html lang is not zh-CN');
      must(await page.$eval('#unit option[value=edu]', (o) => o.textContent) === '市教育局', 'department not in Chinese');
    });

    await check('clicking G7 shows its seven schools', async () => {
      await clickTarget(page, 'G7');
      must(await page.isHidden('#actions'), 'the plan is still shown');
      const got = await detailRows(page);
      const want = g7.by_school.map((s) => s.name);
      must(got.length === 7 && sameList(got.map((r) => r[0]), want), `schools ${show(got.map((r) => r[0]))}, wanted ${show(want)}`);
      const text = await page.textContent('#detail');
      must(text.includes(g7.explanation), 'no explanation');
      await shot(page, 'target-G7');
    });
    await check('back returns to the plan', async () => {
      await page.click('#detail button');
      await waitPlan(page);
      must(await page.isHidden('#detail'), 'the detail is still shown');
    });
    await check('a target opens from the keyboard too (Tab to its row, Enter)', async () => {
      await page.locator('#actions tr.target').filter({ has: page.locator('td:first-child', { hasText: /^G8$/ }) }).focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#detail h3', { state: 'visible' });
      const h = await page.textContent('#detail h3');
      must(h.startsWith('G8 '), `heading ${show(h)}`);
      await page.click('#detail button');
      await waitPlan(page);
    });

    await check('the department filter shows that department\'s targets only', async () => {
      const police = await (await desk.request.get(`${base}/api/v1/plan/status?year=${plan.year}&unit=police`)).json();
      await page.selectOption('#unit', 'police');
      await page.waitForFunction((k) => document.querySelectorAll('#actions tr.target').length === k, police.targets.length);
      const ids = (await rows(page)).map((r) => r.id);
      const want = police.targets.map((t) => t.id);
      must(sameList(ids, want) && sameList(want, ['A1a', 'A1b', 'A1c']), `rows ${show(ids)}, wanted ${show(want)}`);
      must((await actionHeadings(page)).length === 1, 'other actions still shown');
      const counts = await countsLine(page);
      must(counts[0] === `已达成 ${police.counts.achieved}`, `counts ${show(counts)}`);
      await shot(page, 'filter-police');
    });
    await check('and "all" shows every target again', async () => {
      await page.selectOption('#unit', '');
      await page.waitForFunction((k) => document.querySelectorAll('#actions tr.target').length === k, plan.targets.length);
    });
    await check('another year shows that year\'s figures', async () => {
      const y = plan.year - 1;
      const prev = await (await desk.request.get(`${base}/api/v1/plan/status?year=${y}`)).json();
      await page.selectOption('#year', String(y));
      const want = Object.keys(STATUS_ZH).map((s) => `${STATUS_ZH[s]} ${prev.counts[s]}`);
      await page.waitForFunction((w) => [...document.querySelectorAll('#counts .count')].map((c) => c.textContent).join('|') === w, want.join('|'))
        .catch(async () => { throw new Failed(`counts ${show(await countsLine(page))}, wanted ${show(want)}`); });
      await page.selectOption('#year', String(plan.year));
      await page.waitForFunction((w) => document.querySelector('#counts .count').textContent === w, `已达成 ${plan.counts.achieved}`);
    });

    // Sign out from a filtered plan's target, to see that nothing of it stays.
    let token = '';
    await check('sign out returns to the sign-in form', async () => {
      await page.selectOption('#unit', 'police');
      await page.waitForFunction(() => document.querySelectorAll('#actions tr.target').length === 3);
      await clickTarget(page, 'A1a');
      token = ((await desk.cookies()).find((c) => c.name === 'tvet_session') || {}).value || '';
      await page.click('#logout');
      await page.waitForSelector('#login-form', { state: 'visible' });
      must(await page.isHidden('#plan-view'), 'the plan is still shown');
      must(await page.isHidden('#logout'), 'the sign-out button is still shown');
      must(await page.textContent('#who') === '', 'the account is still named');
      must(await page.inputValue('#login-form input[name=password]') === '', 'the password is still in the form');
      await shot(page, 'signed-out');
    });
    await check('the old session no longer works', async () => {
      must(token, 'no session cookie was set');
      const r = await fetch(base + '/api/v1/me', { headers: { Cookie: `tvet_session=${token}` } });
      must(r.status === 401, `HTTP ${r.status}`);
    });

    // --- a school, in the same page ----------------------------------------------
    await check('a school signs in to the whole plan, nothing left of the last account', async () => {
      await signIn(page, 'school1', PASSWORD);
      await waitPlan(page);
      must(await page.isHidden('#detail'), 'the last account\'s target page is shown');
      must(await page.inputValue('#unit') === '', `the filter is ${show(await page.inputValue('#unit'))}`);
      must((await rows(page)).length === plan.targets.length, 'not every target');
    });
    await check('clicking G7 shows the school only its own school', async () => {
      await clickTarget(page, 'G7');
      const got = await detailRows(page);
      const own = g7.by_school.find((s) => s.school === SCHOOL);
      must(own && got.length === 1 && got[0][0] === own.name, `schools ${show(got.map((r) => r[0]))}, wanted ${show(own && own.name)}`);
      await shot(page, 'school-G7');
    });
    await check('the school signs out', async () => {
      await page.click('#logout');
      await page.waitForSelector('#login-form', { state: 'visible' });
    });
    await desk.close();

    // --- a phone -----------------------------------------------------------------
    const { context: phone, page: mobile } = await open('phone', ON_PHONE);
    await check('on a phone (390×844) the sign-in form fits the width', async () => {
      await mobile.goto(base + '/');
      await mobile.waitForSelector('#login-form', { state: 'visible' });
      await fits(mobile, 'sign-in', 'phone-login');
    });
    await check('on a phone the plan fits the width', async () => {
      await signIn(mobile, 'edu', PASSWORD);
      await waitPlan(mobile);
      must((await actionHeadings(mobile)).length === plan.actions.length, 'not every action');
      await fits(mobile, 'plan', 'phone-dashboard');
    });
    await check('on a phone a target\'s schools fit the width', async () => {
      await clickTarget(mobile, 'G7');
      must((await detailRows(mobile)).length === 7, 'not seven schools');
      await fits(mobile, 'G7', 'phone-target-G7');
    });
    await check('on a phone in English the plan fits the width', async () => {
      await mobile.click('#detail button');
      await mobile.click('#lang');
      await mobile.waitForFunction(() => document.querySelector('header h1').textContent === 'TVET Observatory');
      await fits(mobile, 'plan (English)', 'phone-dashboard-en');
    });
    await phone.close();

    // --- the watchers --------------------------------------------------------------
    await check('the CSP watcher sees a violation (an inline style planted on purpose)', async () => {
      const probe = await browser.newContext();
      const seen = [];
      await probe.exposeBinding('__tvetCspViolation', (_s, v) => seen.push(v));
      await probe.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (ev) => window.__tvetCspViolation(ev.violatedDirective));
      });
      const p = await probe.newPage();
      await p.goto(base + '/');
      await p.evaluate(() => {
        const s = document.createElement('style');
        s.textContent = 'body { color: red }';
        document.head.append(s);
      });
      await p.waitForTimeout(300);
      await probe.close();
      must(seen.some((v) => v.startsWith('style-src')), `seen ${show(seen)}`);
    });
    await noTrouble();
    await onlyExpected('the only error answers: 401 for /api/v1/me signed out, for /api/v1/login with a wrong password',
      ['desktop 401 GET /api/v1/me', 'desktop 401 POST /api/v1/login', 'phone 401 GET /api/v1/me']);
  });
}

await run(main);

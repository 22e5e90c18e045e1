// lib.mjs - what the browser tests share: TAP lines and checks, the tvet
// program and its server on port 0, Chromium's reports of console errors,
// failed requests and CSP violations, screenshots, and signing in. A test
// (tests/browser/*.mjs) imports it, and ends with run(main): a watchdog, the
// plan line and the exit status. Its main runs in withDemo(): the demo
// database with the test's accounts, the server, Chromium and a watched
// desktop page, all stopped and removed at the end, whatever happens.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const TOP = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TVET = process.env.TVET || join(TOP, 'build/tvet');
export const CHROMIUM = process.env.TVET_CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS = process.env.TVET_ARTIFACTS || join(TOP, 'build/artifacts');
export const WEB = process.env.TVET_WEB || join(TOP, 'web'); // the dashboard's files
export const PASSWORD = 'correct horse battery';
export const SCHOOL = '330902S04';
export const WAIT = 20000; // ms for anything to appear: the server may run under ASan
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
// What the page calls each status, and the colour style.css gives it.
export const STATUS_ZH = { achieved: '已达成', on_track: '进展顺利', at_risk: '存在风险', off_track: '严重滞后', no_data: '无数据' };
export const STATUS_EN = { achieved: 'achieved', on_track: 'on track', at_risk: 'at risk', off_track: 'off track', no_data: 'no data' };
export const STATUS_RGB = {
  achieved: 'rgb(46, 125, 50)', on_track: 'rgb(21, 101, 192)', at_risk: 'rgb(239, 108, 0)',
  off_track: 'rgb(198, 40, 40)', no_data: 'rgb(117, 117, 117)',
};

// ---- TAP ------------------------------------------------------------------
let n = 0;
let fails = 0;
export function ok(desc) {
  console.log(`ok ${++n} - ${desc}`);
}
export function notOk(desc, why) {
  fails++;
  console.log(`not ok ${++n} - ${desc}`);
  if (why) for (const line of String(why).split('\n').slice(0, 15)) console.log(`#   ${line}`);
}
export class Failed extends Error {}
// must COND WHY: inside a check, stop it with WHY when COND is false.
export function must(cond, why) {
  if (!cond) throw new Failed(typeof why === 'function' ? why() : why);
}
// check DESC FN: one TAP line; FN fails by throwing (must(), a timeout, a
// browser error). Returns whether it passed, so a step the rest depends on
// can end the run.
export async function check(desc, fn) {
  try {
    await fn();
    ok(desc);
    return true;
  } catch (e) {
    notOk(desc, e instanceof Failed ? e.message : (e && e.stack) || String(e));
    return false;
  }
}
export const show = (v) => JSON.stringify(v);
export const sameList = (a, b) => show(a) === show(b);

// ---- the server -------------------------------------------------------------
let server = null; // the server run() kills when the watchdog fires
export const ENV = { ...process.env, LC_ALL: 'C.UTF-8' };
delete ENV.LANG;
delete ENV.LANGUAGE;

// Runs `tvet --db DB ARGS`; a failure says its command and what it printed.
export function tvet(db, args, input) {
  try {
    return execFileSync(TVET, ['--db', db, ...args], { env: ENV, input, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Failed(`${TVET} ${args.join(' ')}: exit ${e.status}: ${e.stderr || e.message}`);
  }
}

// Starts `tvet serve --port 0`: { proc, log(), url }, url a promise of the
// URL it prints once it listens.
export function serve(db) {
  const proc = spawn(TVET, ['--db', db, 'serve', '--port', '0', '--threads', '4', '--web', WEB],
    { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => { err = (err + d).slice(-20000); });
  const url = new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`no URL after ${WAIT} ms: ${out} ${err}`)), WAIT);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /^listening on (http:\/\/\S+?)\/?$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`the server exited with ${code}: ${err}`));
    });
    proc.on('error', (e) => {
      clearTimeout(timer);
      rej(e);
    });
  });
  return { proc, url, log: () => err };
}

// SIGTERM, then the exit status (SIGKILL after a while); null if it had
// already gone.
export function stop(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(null);
  return new Promise((res) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), WAIT);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      res(code === null ? signal : code);
    });
    proc.kill('SIGTERM');
  });
}

// ---- what the browser reports ----------------------------------------------
// Every console error, uncaught exception, failed request, error response
// and CSP violation, with the page it came from. Two answers are expected
// and kept apart: 401 from /api/v1/me when the page opens signed out, and
// 401 from /api/v1/login for a wrong password (Chromium also logs each as a
// "Failed to load resource" console error, which is let pass).
export const trouble = [];
export const expected = [];
export function expectedAnswer(url, status) {
  const path = new URL(url).pathname;
  return status === 401 && (path === '/api/v1/me' || path === '/api/v1/login');
}
// watch CONTEXT LABEL [EXPECTED]: every page of CONTEXT reports to trouble
// and expected; EXPECTED(url, status) says which error answers are expected
// (expectedAnswer unless given: a test's deliberate refusals are added so).
export async function watch(context, label, isExpected = expectedAnswer) {
  await context.exposeBinding('__tvetCspViolation', (_source, v) => {
    trouble.push(`${label}: CSP violation: ${v}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (ev) => {
      window.__tvetCspViolation(`${ev.violatedDirective} blocked ${ev.blockedURI || 'inline'} (${ev.sourceFile}:${ev.lineNumber})`);
    });
  });
  context.on('page', (page) => watchPage(page, label, isExpected));
}
export function watchPage(page, label, isExpected = expectedAnswer) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url || '';
    const m = /status of (\d+)/.exec(msg.text());
    if (!(m && where && isExpected(where, Number(m[1])))) trouble.push(`${label}: console error: ${msg.text()} ${where}`);
  });
  page.on('pageerror', (e) => trouble.push(`${label}: uncaught: ${e.message}`));
  page.on('requestfailed', (r) => trouble.push(`${label}: request failed: ${r.method()} ${r.url()} ${r.failure() && r.failure().errorText}`));
  page.on('response', (r) => {
    if (r.status() < 400) return;
    const what = `${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`;
    if (isExpected(r.url(), r.status())) expected.push(`${label} ${what}`);
    else trouble.push(`${label}: HTTP ${what}`);
  });
}

// ---- the page -----------------------------------------------------------------
// The whole page on a desktop; on a phone what its screen shows.
export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: page.viewportSize().width > PHONE.width });
}

export async function signIn(page, login, password) {
  await page.fill('#login-form input[name=login]', login);
  await page.fill('#login-form input[name=password]', password);
  await page.click('#login-form button[type=submit]');
}

// The page's width, and the width it would scroll to.
export const overflow = (page) => page.evaluate(() => ({
  scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
}));
// fits PAGE WHAT NAME: inside a check, PAGE on a phone is as wide as the
// phone's screen and no wider (WHAT names it in the failure); its screenshot
// is NAME.
export async function fits(page, what, name) {
  const o = await overflow(page);
  await shot(page, name);
  must(o.innerWidth === PHONE.width && o.scrollWidth <= o.innerWidth, `${what}: scrollWidth ${o.scrollWidth}, innerWidth ${o.innerWidth}`);
}

// ---- a test's frame -------------------------------------------------------------
// The context options of a desktop and of a phone, in Chinese.
export const ON_DESKTOP = { viewport: DESKTOP, locale: 'zh-CN' };
export const ON_PHONE = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' };

// addAccount DB [LOGIN, ROLE, NAME, SCOPE]: `tvet user add` of an account
// with PASSWORD (SCOPE only where the role has one).
export function addAccount(db, [login, role, name, scope]) {
  tvet(db, ['user', 'add', login, '--role', role, ...(scope ? ['--scope', scope] : []), '--name', name], `${PASSWORD}\n`);
}

// withDemo OPTS BODY: the frame of a test's run. In a new directory (work,
// named after OPTS.name) the check OPTS.what: a demo database (db, OPTS.db
// or b.db: `tvet init`, `tvet demo`) with OPTS.accounts (addAccount's
// lists), then OPTS.setup(db, work) when given; then the checks "tvet serve
// --port 0 prints its URL" and "Chromium starts headless". A failed one ends
// the run. Then BODY(t), with t = { db, work, base, server, browser,
// context, page, open, serve }: context is a desktop context (ON_DESKTOP
// and OPTS.context) watched as OPTS.label ('desktop'), page its first page;
// open(label, options) another watched context (ON_DESKTOP unless options
// are given) and its page, { context, page }; serve() another server on db.
// Every context waits WAIT for anything, and watch() takes OPTS.expected as
// its EXPECTED. An exception is the check "the run ends early"; whatever
// happens, the browser is closed, each server stopped with the check "the
// server stops cleanly on SIGTERM", and work removed.
export async function withDemo(opts, body) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), `tvet-${opts.name}-`));
  const db = join(work, opts.db || 'b.db');
  const servers = [];
  let browser = null;
  const startServer = () => {
    const s = serve(db);
    servers.push(s);
    return s;
  };
  const open = async (label, options = ON_DESKTOP) => {
    const context = await browser.newContext(options);
    await watch(context, label, opts.expected);
    context.setDefaultTimeout(WAIT);
    return { context, page: await context.newPage() };
  };
  try {
    if (!await check(opts.what, async () => {
      tvet(db, ['init']);
      tvet(db, ['demo']);
      for (const account of opts.accounts || []) addAccount(db, account);
      if (opts.setup) await opts.setup(db, work);
    })) return;
    const server = startServer();
    setServer(server);
    let base = '';
    if (!await check('tvet serve --port 0 prints its URL', async () => { base = await server.url; })) return;
    if (!await check(`Chromium starts headless (${CHROMIUM})`, async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'], timeout: WAIT });
    })) return;
    const { context, page } = await open(opts.label || 'desktop', { ...ON_DESKTOP, ...opts.context });
    await body({ db, work, base, server, browser, context, page, open, serve: startServer });
  } catch (e) {
    notOk('the run ends early', (e && e.stack) || String(e));
  } finally {
    if (browser) await browser.close().catch(() => {});
    for (const s of servers) {
      const status = await stop(s.proc);
      if (status === 0) ok('the server stops cleanly on SIGTERM');
      else notOk('the server stops cleanly on SIGTERM', `exit ${status}\n${s.log().split('\n').filter((l) => !/^\S+Z \S+ \S+ "/.test(l)).slice(-12).join('\n')}`);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

// noTrouble [ALLOW] [THEN]: the check that the browser reported nothing
// (trouble) but what ALLOW(line) lets pass; THEN(passed), when given, checks
// what it let pass.
export function noTrouble(allow = () => false, then = null) {
  return check('no console error, uncaught exception, failed request or CSP violation', () => {
    const left = trouble.filter((x) => !allow(x));
    must(left.length === 0, () => left.join('\n'));
    if (then) then(trouble.filter(allow));
  });
}
// onlyExpected DESC WANT [DISTINCT]: the check DESC that the expected error
// answers were WANT, in order (each once when DISTINCT: repeats let pass).
export function onlyExpected(desc, want, distinct = false) {
  return check(desc, () => {
    const got = distinct ? [...new Set(expected)] : expected;
    must(sameList(got, want), () => `got ${show(expected)}, wanted ${show(want)}`);
  });
}

// The checks run so far, and how many failed.
export const tally = () => ({ n, fails });

// setServer S: the server run() kills when the watchdog fires.
export function setServer(s) {
  server = s;
}

// run MAIN: MAIN's checks, ended by the plan line; a run longer than 5
// minutes is a failure, its server killed (the browser goes with this
// process).
export async function run(main) {
  const watchdog = setTimeout(() => {
    notOk('the run ends within 5 minutes');
    if (server) server.proc.kill('SIGKILL');
    console.log(`1..${n}`);
    process.exit(1);
  }, 300000);
  watchdog.unref();
  await main();
  clearTimeout(watchdog);
  console.log(`1..${n}`);
  process.exitCode = fails ? 1 : 0;
}

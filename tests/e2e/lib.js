// Shared helpers of the browser journeys: one zairyu server per test file (the binary, on a free
// port, with its own temporary data folder, so mail goes to the development mailbox at
// /dev/mailbox), Debian's headless Chromium through playwright-core (no browser is downloaded),
// journeys in English or Japanese and one of the four colour schemes, with screenshots that also
// check each screen with axe-core (a11y.js), a trap for script errors, and the user's way through
// registration and login. What the journeys cover: docs/TESTING.md.
//
// Env: ZAIRYU_BIN (default ../../target/release/zairyu, from this folder),
//      CHROMIUM (default /usr/bin/chromium). Screenshots: <repo>/target/e2e/<journey>/<nn>-<name>.png

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { SCHEMES, axeChecker } from './a11y.js';
import { pageTexts, texts } from './i18n.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
const bin = process.env.ZAIRYU_BIN
  ? path.resolve(process.env.ZAIRYU_BIN)
  : path.resolve(here, '../../target/release/zairyu');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
export const shotsRoot = path.join(repo, 'target', 'e2e');
export const PASSWORD = 'Zairyu-Test-2026';
export const JOURNEY_TIMEOUT = { timeout: 120_000 };

// The flags this machine needs: no sandbox as root, and no background traffic to Google's hosts
// (the closed network refuses it, many connections at a time).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
};

let server; // { proc, base, dataDir, logPath, exited }
let browser;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The runs of a journey. By default four, chosen so that each journey is walked in both languages,
 * each language on both the desktop and the phone, and once in each of the four colour schemes (axe
 * also checks every screen's colours in all four schemes, a11y.js). `E2E_MATRIX=full` walks every
 * combination instead: 2 languages × 4 schemes × 2 viewports = 16 runs a journey (about 20 minutes
 * for the whole suite; not in CI).
 */
export function journeyRuns() {
  if (process.env.E2E_MATRIX === 'full') {
    const all = [];
    for (const lang of ['en', 'ja']) {
      for (const scheme of SCHEMES) {
        for (const device of ['desktop', 'phone']) all.push({ lang, device, scheme });
      }
    }
    return all;
  }
  return [
    { lang: 'en', device: 'desktop', scheme: 'standard' },
    { lang: 'ja', device: 'phone', scheme: 'yellow' },
    { lang: 'ja', device: 'desktop', scheme: 'blue' },
    { lang: 'en', device: 'phone', scheme: 'black' },
  ];
}

/** A run's part of a journey's name (its screenshot folder): `en-desktop-standard`. */
export const runName = (run) => `${run.lang}-${run.device}-${run.scheme}`;

async function startServer(label, extraEnv = {}) {
  assert.ok(fs.existsSync(bin), `zairyu binary not found at ${bin}: run cargo build --release or set ZAIRYU_BIN`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zairyu-e2e-'));
  const base = `http://127.0.0.1:${port}`;
  fs.mkdirSync(shotsRoot, { recursive: true });
  // One log per test file: node --test runs the files at the same time.
  const logPath = path.join(shotsRoot, `server-${label}.log`);
  const log = fs.openSync(logPath, 'w');
  const env = { ...process.env, ZAIRYU_POSTAL_AUTOLOAD: 'false', ZAIRYU_LOG: 'info,sqlx=warn' };
  // Whatever the caller's shell holds, this server uses SQLite in its temp folder and the file mailbox.
  for (const k of ['ZAIRYU_CONFIG', 'ZAIRYU_DATABASE_URL', 'ZAIRYU_SMTP_URL', 'ZAIRYU_BASE_URL', 'ZAIRYU_ADDR', 'ZAIRYU_DATA_DIR']) {
    delete env[k];
  }
  Object.assign(env, extraEnv);
  // The cheapest argon2id setting: the journeys run the debug binary, where OWASP's setting takes
  // seconds a hash, and what they test is the pages, not the hashing (tested in the crates).
  // Every person of a file's runs comes from 127.0.0.1, so the limits per address are lifted (four
  // runs of five wrong passwords each would meet the login limit); the limits themselves are tested
  // in the journeys (crates/zairyu/tests/journeys/login.rs).
  const configPath = path.join(dataDir, 'e2e.toml');
  fs.writeFileSync(configPath, [
    '[argon2]', 'm_cost = 1024', 't_cost = 1', 'p_cost = 1',
    '[rate_limits]', 'login_per_ip = { max = 1000, window_secs = 600 }', 'mail_per_ip = { max = 1000, window_secs = 3600 }',
    '',
  ].join('\n'));
  const proc = spawn(bin, ['serve', '--config', configPath, '--addr', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    env,
    stdio: ['ignore', log, log],
  });
  let exited = null;
  proc.on('exit', (code, signal) => { exited = { code, signal }; });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      throw new Error(`zairyu exited early (${JSON.stringify(exited)}); see ${logPath}`);
    }
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok && (await r.text()).trim() === 'ok') break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`zairyu did not answer /healthz in 60 s; see ${logPath}`);
    await sleep(100);
  }
  return { proc, base, dataDir, logPath, exited: () => exited };
}

async function stopServer(s) {
  if (!s) return;
  if (!s.exited()) {
    s.proc.kill('SIGTERM');
    const timer = setTimeout(() => { if (!s.exited()) s.proc.kill('SIGKILL'); }, 10_000);
    await once(s.proc, 'exit').catch(() => {});
    clearTimeout(timer);
  }
  fs.rmSync(s.dataDir, { recursive: true, force: true });
}

/** Starts a server and the browser before this file's tests, and stops them after. `options.env`
 *  adds settings (e.g. a development setting one file needs). */
export function useServer(label, options = {}) {
  before(async () => {
    server = await startServer(label, options.env);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close().catch(() => {});
    await stopServer(server);
  });
}

/** The running server's log so far (the development mode logs the demonstration officer's
 *  initial password there). */
export function serverLog() {
  return fs.readFileSync(server.logPath, 'utf8');
}

/** The running server's data folder (the development CA and test cards live under it). */
export function dataDir() {
  return server.dataDir;
}

/**
 * Runs the zairyu binary with the running server's data folder (e.g. `card new`, `postal import`),
 * without the caller's ZAIRYU_* settings; resolves to its standard output, rejects on failure.
 */
export function zairyu(args) {
  const env = { ...process.env, ZAIRYU_LOG: 'warn' };
  for (const k of Object.keys(env)) if (k.startsWith('ZAIRYU_') && k !== 'ZAIRYU_LOG') delete env[k];
  return new Promise((resolve, reject) => {
    const p = spawn(bin, [...args, '--data-dir', server.dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`zairyu ${args.join(' ')}: ${code}\n${err}`))));
  });
}

/** The running server's base URL (`http://127.0.0.1:<port>`). */
export function base() {
  return server.base;
}

const LOCALES = { en: 'en-US', ja: 'ja-JP' };

/**
 * A fresh browser context at one viewport, in one language and colour scheme, with a screenshot
 * helper that also runs axe (a11y.js) on each screen it records, and a console-error trap.
 *
 * options: lang ('en' | 'ja': the browser's Accept-Language, as a new visitor's would be), scheme
 * (one of SCHEMES: the cookie Change Color Scheme sets), axe (false for pages that are not the
 * server's), and anything else for Playwright's newContext.
 */
export async function journey(name, device, options = {}) {
  const { lang = 'en', scheme = 'standard', axe = true, ...contextOptions } = options;
  assert.ok(LOCALES[lang], `a journey runs in ${Object.keys(LOCALES)}`);
  assert.ok(SCHEMES.includes(scheme), `a scheme of ${SCHEMES}`);
  const dir = path.join(shotsRoot, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({
    ...VIEWPORTS[device], locale: LOCALES[lang], baseURL: server.base, ...contextOptions,
  });
  context.setDefaultTimeout(15_000);
  if (scheme !== 'standard') {
    await context.addCookies([{ name: 'zairyu_scheme', value: scheme, url: server.base }]);
  }
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Console errors, except Chromium's echo of an HTTP status, which is judged below by URL instead
  // (a form shown again with its errors answers 422 on purpose).
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    const isPage = r.request().resourceType() === 'document';
    // The server has no /favicon.ico yet (reported); browsers ask for it on their own.
    if (r.status() >= 400 && !isPage && url.pathname !== '/favicon.ico') {
      problems.push(`${r.status()} for ${r.request().resourceType()} ${url.pathname}`);
    }
  });
  // Save Data answers a form's POST with a file: the browser makes it a download and aborts the
  // navigation, which is no fault either.
  const downloads = new Set();
  page.on('download', (d) => downloads.add(d.url()));
  page.on('requestfailed', (r) => {
    // The icon the browser fetches on its own may be cut off by the next page; that is no fault.
    const aborted = r.failure()?.errorText === 'net::ERR_ABORTED';
    if (aborted && /^\/(static\/)?favicon\.(ico|svg)$/.test(new URL(r.url()).pathname)) return;
    // Judged once the journey is over, when the download (if it was one) has been seen.
    problems.push(() => (aborted && downloads.has(r.url()) ? null : `request failed: ${r.url()} ${r.failure()?.errorText}`));
  });
  // axe is a script: in a context without JavaScript it cannot run (it would wait for ever). The
  // pages such journeys see are checked in the journeys with it (the no-script pages by URL).
  const axeCheck = axe && contextOptions.javaScriptEnabled !== false ? axeChecker(name, shotsRoot) : null;
  let n = 0;
  /** Saves `<nn>-<label>.png`, then checks the screen with axe in every scheme. */
  const shot = async (label, { check = true } = {}) => {
    n += 1;
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (check && axeCheck) await axeCheck(page, label);
    return file;
  };
  return { page, shot, context, problems, t: texts(lang), lang, device, scheme };
}

/** Runs a journey; on failure the screen as it was is kept as `<nn>-failed.png`. */
export async function withJourney(name, device, body, options = {}) {
  const j = await journey(name, device, options);
  try {
    await body(j);
  } catch (e) {
    await j.shot('failed', { check: false }).catch(() => {});
    await j.context.close().catch(() => {});
    throw e;
  }
  await j.context.close();
  const problems = j.problems.map((p) => (typeof p === 'function' ? p() : p)).filter(Boolean);
  assert.deepEqual(problems, [], 'no script errors, failed requests or CSP violations');
}

/** The input for a form field, after checking that a visible <label for> names it. */
export async function field(page, name) {
  const label = page.locator(`label[for="f-${name}"]`);
  assert.equal(await label.count(), 1, `one label for #f-${name}`);
  assert.ok((await label.innerText()).trim().length > 0, `label for #f-${name} has text`);
  return page.locator(`#f-${name}`);
}

export async function h1(page) {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

/** The mails to `to` in the development mailbox, newest first: { subject, text, links }. */
export async function mailsTo(page, to) {
  await page.goto('/dev/mailbox');
  return page.locator('article.mail').filter({ hasText: to }).evaluateAll((els) => els.map((el) => ({
    subject: el.querySelector('h2').textContent.trim(),
    text: el.querySelector('.mail-body').innerText,
    links: Array.from(el.querySelectorAll('.mail-body a'), (a) => a.getAttribute('href')),
  })));
}

/**
 * Polls the development mailbox until a mail to `to` with a link under `pathPrefix` shows up, and
 * returns that link (the newest such mail's).
 */
export async function linkFromMailbox(page, to, pathPrefix) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.goto('/dev/mailbox');
    const mail = page.locator('article.mail').filter({ hasText: to });
    if (await mail.count()) {
      const link = mail.first().locator(`a[href*="${pathPrefix}"]`);
      if (await link.count()) return link.first();
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with a ${pathPrefix} link in the mailbox`);
    await sleep(300);
  }
}

/** Polls the development mailbox until `count` mails to `to` are there; returns them, newest first. */
export async function waitForMails(page, to, count) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mails = await mailsTo(page, to);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`${mails.length} of ${count} mails to ${to} arrived`);
    await sleep(300);
  }
}

/** A unique address for one journey's user. */
export function newEmail(prefix) {
  return `e2e-${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.jp`;
}

/** The main form's primary button (value=submit), whatever the page's language. */
export function submitButton(page) {
  return page.locator('main button[type=submit][value=submit]');
}

/**
 * Top page → New Registration → Agree → email twice → Register → the link from the mailbox, in
 * the page's language; each screen is recorded with `shot` (which checks it with axe).
 */
export async function startRegistration(page, shot, email) {
  await page.goto('/');
  const t = await pageTexts(page);
  const newRegistration = page.getByRole('link', { name: t('top-register-link') });
  assert.equal(await newRegistration.count(), 1);
  await shot('top');
  await newRegistration.click();

  await page.waitForURL('**/register');
  await page.getByRole('heading', { level: 2, name: t('terms-title') }).waitFor();
  await shot('terms');
  await page.getByRole('button', { name: t('button-agree') }).click();

  await page.waitForURL('**/register/email');
  await (await field(page, 'email')).fill(email);
  await (await field(page, 'email_confirm')).fill(email);
  await shot('email-entered');
  await submitButton(page).click();

  await page.waitForURL('**/register/sent');
  await shot('email-sent');

  const link = await linkFromMailbox(page, email, '/register/');
  await shot('mailbox');
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith(`${server.base}/register/`), `registration link points at this server: ${href}`);
  await link.click();
  await page.waitForURL((u) => u.pathname.startsWith('/register/') && u.pathname.split('/').length === 3);
  assert.match(await page.locator('main').innerText(), new RegExp(email.replace(/[.+]/g, '\\$&')));
  return href;
}

/** A new foreign national registered all the way to the User ID, without screenshots of each step. */
export async function registerUser(page, { email, name, telephone = '090-1234-5678' }) {
  const noShot = async () => {};
  await startRegistration(page, noShot, email);
  const t = await pageTexts(page);
  await page.locator('input[name=user_type][value=foreign_national]').check();
  await (await field(page, 'name')).fill(name);
  await (await field(page, 'telephone')).fill(telephone);
  await (await field(page, 'password')).fill(PASSWORD);
  await (await field(page, 'password_confirm')).fill(PASSWORD);
  await page.getByRole('button', { name: t('button-proceed-confirm') }).click();
  await page.waitForURL('**/confirm');
  await submitButton(page).click();
  await page.getByRole('heading', { level: 1, name: t('register-complete-title') }).waitFor();
  const loginId = (await page.locator('.highlight-value').innerText()).trim();
  assert.match(loginId, /^[A-Z0-9]{6,32}$/, `a User ID is shown: ${loginId}`);
  return loginId;
}

/** User Login with the User ID; lands on My Page. */
export async function login(page, loginId, password = PASSWORD) {
  await page.goto('/login');
  const t = await pageTexts(page);
  await (await field(page, 'login_id')).fill(loginId);
  await (await field(page, 'password')).fill(password);
  await page.getByRole('main').getByRole('button', { name: t('button-login'), exact: true }).click();
  await page.waitForURL('**/mypage');
}

/** Registers a new user and logs in; returns { loginId, email }. */
export async function registerAndLogin(page, prefix, name = 'ANNA LEE') {
  const email = newEmail(prefix);
  const loginId = await registerUser(page, { email, name });
  await login(page, loginId);
  return { loginId, email };
}

// Browser journeys of user registration (SPEC §3) and login/logout (SPEC §4.1–4.3), driven in
// Debian's headless Chromium through playwright-core — no browser is downloaded.
//
// One zairyu server (the release binary) runs for this file on a free port with its own temporary
// data folder, so mail goes to the development mailbox at /dev/mailbox, where the journeys pick up
// the registration link like a new user would.
//
// Run: (cd tests/e2e && npm ci && npm test), after `cargo build --release`.
// Env: ZAIRYU_BIN (default ../../target/release/zairyu, from this folder),
//      CHROMIUM (default /usr/bin/chromium). Screenshots: <repo>/target/e2e/<journey>/<nn>-<name>.png

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const bin = process.env.ZAIRYU_BIN
  ? path.resolve(process.env.ZAIRYU_BIN)
  : path.resolve(here, '../../target/release/zairyu');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shotsRoot = path.join(repo, 'target', 'e2e');
const PASSWORD = 'Zairyu-Test-2026';

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

let server; // { proc, base, dataDir, log }
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer() {
  assert.ok(fs.existsSync(bin), `zairyu binary not found at ${bin}: run cargo build --release or set ZAIRYU_BIN`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zairyu-e2e-'));
  const base = `http://127.0.0.1:${port}`;
  fs.mkdirSync(shotsRoot, { recursive: true });
  const logPath = path.join(shotsRoot, 'server.log');
  const log = fs.openSync(logPath, 'w');
  const env = { ...process.env, ZAIRYU_POSTAL_AUTOLOAD: 'false', ZAIRYU_LOG: 'info,sqlx=warn' };
  // Whatever the caller's shell holds, this server uses SQLite in its temp folder and the file mailbox.
  for (const k of ['ZAIRYU_CONFIG', 'ZAIRYU_DATABASE_URL', 'ZAIRYU_SMTP_URL', 'ZAIRYU_BASE_URL', 'ZAIRYU_ADDR', 'ZAIRYU_DATA_DIR']) {
    delete env[k];
  }
  const proc = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--data-dir', dataDir], {
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

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close().catch(() => {});
  await stopServer(server);
});

/** A fresh browser context at one viewport, with a screenshot helper and a console-error trap. */
async function journey(name, device) {
  const dir = path.join(shotsRoot, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ ...VIEWPORTS[device], locale: 'en-US', baseURL: server.base });
  context.setDefaultTimeout(15_000);
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
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  let n = 0;
  const shot = async (label) => {
    n += 1;
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  return { page, shot, context, problems };
}

/** Runs a journey; on failure the screen as it was is kept as `<nn>-failed.png`. */
async function withJourney(name, device, body) {
  const j = await journey(name, device);
  try {
    await body(j);
  } catch (e) {
    await j.shot('failed').catch(() => {});
    await j.context.close().catch(() => {});
    throw e;
  }
  await j.context.close();
  assert.deepEqual(j.problems, [], 'no script errors, failed requests or CSP violations');
}

const JOURNEY_TIMEOUT = { timeout: 120_000 };

/** The input for a form field, after checking that a visible <label for> names it. */
async function field(page, name) {
  const label = page.locator(`label[for="f-${name}"]`);
  assert.equal(await label.count(), 1, `one label for #f-${name}`);
  assert.ok((await label.innerText()).trim().length > 0, `label for #f-${name} has text`);
  return page.locator(`#f-${name}`);
}

async function h1(page) {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

/** Polls the development mailbox until a mail to `to` with a link under `pathPrefix` shows up. */
async function linkFromMailbox(page, to, pathPrefix) {
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

/** Top page → New Registration → Agree → email twice → Register → the link from the mailbox. */
async function startRegistration(page, shot, email) {
  await page.goto('/');
  assert.equal(await page.getByRole('link', { name: 'New Registration' }).count(), 1);
  await shot('top');
  await page.getByRole('link', { name: 'New Registration' }).click();

  await page.waitForURL('**/register');
  await page.getByRole('heading', { level: 2, name: /terms/i }).waitFor();
  await shot('terms');
  await page.getByRole('button', { name: 'Agree' }).click();

  await page.waitForURL('**/register/email');
  await (await field(page, 'email')).fill(email);
  await (await field(page, 'email_confirm')).fill(email);
  await shot('email-entered');
  await page.locator('button[type=submit][value=submit]').click();

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

for (const device of ['desktop', 'phone']) {
  test(`registration, login and logout at the ${device} viewport`, JOURNEY_TIMEOUT, () =>
    withJourney(`registration-${device}`, device, async ({ page, shot }) => {
      const email = `e2e-${device}-${Date.now()}@example.jp`;
      const name = device === 'desktop' ? 'TANAKA HANAKO' : 'NGUYEN VAN AN';
      const registerUrl = await startRegistration(page, shot, email);

      // UserRegister
      await shot('user-register');
      await page.locator('input[name=user_type][value=foreign_national]').check();
      await (await field(page, 'name')).fill(name);
      await (await field(page, 'telephone')).fill('090-1234-5678');
      await (await field(page, 'password')).fill(PASSWORD);
      await (await field(page, 'password_confirm')).fill(PASSWORD);
      await shot('user-register-filled');
      await page.getByRole('button', { name: 'Proceed to Confirmation' }).click();

      // UserRegister confirmation: what was typed, never the password.
      await page.waitForURL('**/confirm');
      const summary = await page.locator('dl.summary-list').innerText();
      for (const v of [name, '09012345678', email, '外国人本人']) {
        assert.ok(summary.includes(v), `confirmation shows ${v}`);
      }
      assert.ok(!summary.includes(PASSWORD), 'confirmation never shows the password');
      await shot('confirm');
      await page.locator('button[type=submit][value=submit]').click();

      // UserRegisterCompleted: the User ID.
      await page.getByRole('heading', { level: 1, name: 'UserRegisterCompleted' }).waitFor();
      const loginId = (await page.locator('.highlight-value').innerText()).trim();
      assert.match(loginId, /^[A-Z0-9]{6,32}$/, `a User ID is shown: ${loginId}`);
      await shot('completed');

      // The link is used up now.
      const again = await page.request.get(registerUrl);
      assert.equal(again.status(), 410, 'a used registration link answers 410 Gone');

      await page.getByRole('link', { name: 'Return to Login' }).click();
      await page.waitForURL('**/login');
      await (await field(page, 'login_id')).fill(loginId);
      await (await field(page, 'password')).fill(PASSWORD);
      await shot('login');
      await page.getByRole('button', { name: 'Login', exact: true }).click();

      // My Page
      await page.waitForURL('**/mypage');
      assert.equal(await h1(page), 'My Page');
      assert.ok((await page.locator('header').innerText()).includes(name), 'the header names the signed-in user');
      await shot('mypage');

      // Logout → User Logout Confirmation → Logout
      await page.getByRole('navigation').getByRole('link', { name: 'Logout' }).click();
      await page.waitForURL('**/logout');
      assert.equal(await h1(page), 'User Logout Confirmation');
      await shot('logout-confirm');
      await page.getByRole('main').getByRole('button', { name: 'Logout' }).click();
      await page.waitForURL('**/logged-out');
      await shot('logged-out');

      // Signed out for real: My Page sends back to the login screen.
      await page.goto('/mypage');
      await page.waitForURL('**/login?**');
      assert.equal(await h1(page), 'User Login');
    }));
}

test('UserRegister submitted empty shows the error summary and loses nothing typed', JOURNEY_TIMEOUT, () =>
  withJourney('user-register-errors', 'phone', async ({ page, shot }) => {
    const email = `e2e-errors-${Date.now()}@example.jp`;
    await startRegistration(page, shot, email);
    const formUrl = page.url();

    // Everything empty: one summary at the top, each entry linking to its field.
    await page.locator('button[type=submit][value=submit]').click();
    const summaryBox = page.locator('#error-summary');
    await summaryBox.waitFor();
    assert.equal(page.url(), formUrl, 'the same page answers');
    assert.match(await page.title(), /^Error: /, 'the title says there is an error');
    const links = summaryBox.locator('a');
    const count = await links.count();
    assert.ok(count >= 5, `every required field is listed (${count})`);
    for (let i = 0; i < count; i += 1) {
      const target = (await links.nth(i).getAttribute('href')).slice(1);
      assert.equal(await page.locator(`[id="${target}"]`).count(), 1, `summary link #${target} points at a field`);
    }
    assert.ok(await page.locator('.field.has-error').count() >= 5, 'each field is marked');
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'error-summary',
      'the summary has the focus, so a screen reader reads it first',
    );
    await shot('all-empty');

    // Some right, some wrong: the right ones stay, the wrong ones are marked, passwords are asked again.
    await page.locator('input[name=user_type][value=foreign_national]').check();
    await (await field(page, 'name')).fill('Silva Maria');
    await (await field(page, 'telephone')).fill('12-ab');
    await (await field(page, 'password')).fill(PASSWORD);
    await (await field(page, 'password_confirm')).fill('something-else-2026');
    await page.locator('button[type=submit][value=submit]').click();
    await summaryBox.waitFor();
    assert.equal(await page.locator('input[name=user_type][value=foreign_national]').isChecked(), true, 'user type kept');
    assert.equal(await (await field(page, 'name')).inputValue(), 'Silva Maria', 'name kept as typed');
    assert.equal(await (await field(page, 'telephone')).inputValue(), '12-ab', 'the wrong telephone kept for correcting');
    const marked = await page.locator('.field.has-error input').evaluateAll((els) => els.map((e) => e.name));
    assert.ok(marked.includes('telephone'), `telephone is marked (${marked})`);
    assert.ok(marked.includes('password_confirm'), `password confirmation is marked (${marked})`);
    assert.ok(!marked.includes('name'), 'name is not marked');
    await shot('some-wrong');

    // Corrected, it goes through to the confirmation screen.
    await (await field(page, 'telephone')).fill('0312345678');
    await (await field(page, 'password')).fill(PASSWORD);
    await (await field(page, 'password_confirm')).fill(PASSWORD);
    await page.getByRole('button', { name: 'Proceed to Confirmation' }).click();
    await page.waitForURL('**/confirm');
    assert.ok((await page.locator('dl.summary-list').innerText()).includes('SILVA MARIA'), 'name in capitals on confirmation');
    await shot('corrected-confirm');
  }));

// Browser journeys of user registration (SPEC §3) and login/logout (SPEC §4.1–4.3), driven in
// Debian's headless Chromium through playwright-core — no browser is downloaded.
//
// One zairyu server (the release binary) runs for this file on a free port with its own temporary
// data folder, so mail goes to the development mailbox at /dev/mailbox, where the journeys pick up
// the registration link like a new user would. The helpers are in lib.js.
//
// Run: (cd tests/e2e && npm ci && npm test), after `cargo build --release`.
// Env: ZAIRYU_BIN (default ../../target/release/zairyu, from this folder),
//      CHROMIUM (default /usr/bin/chromium). Screenshots: <repo>/target/e2e/<journey>/<nn>-<name>.png

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JOURNEY_TIMEOUT, PASSWORD, field, h1, journeyRuns, runName, startRegistration, submitButton, useServer,
  withJourney,
} from './lib.js';

useServer('registration');

// The four runs of journeyRuns() (both languages, desktop and phone, each colour scheme once); the
// Standard run switches to Blue with the footer's Change Color Scheme on the way.
const NAMES = ['TANAKA HANAKO', 'NGUYEN VAN AN', 'SANTOS MARIA', 'KIM MINJUN'];

for (const [i, r] of journeyRuns().entries()) {
  const run = { ...r, name: NAMES[i % NAMES.length] };
  test(`registration, login and logout (${run.lang}, ${run.device}, ${run.scheme})`, JOURNEY_TIMEOUT, () =>
    withJourney(`registration-${runName(run)}`, run.device, async ({ page, shot, t }) => {
      const email = `e2e-${runName(run)}-${Date.now()}@example.jp`;
      const registerUrl = await startRegistration(page, shot, email);
      assert.equal(await page.evaluate(() => document.documentElement.lang), run.lang, 'the page speaks the browser\'s language');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.scheme), run.scheme);

      // UserRegister
      await shot('user-register');
      await page.locator('input[name=user_type][value=foreign_national]').check();
      await (await field(page, 'name')).fill(run.name);
      await (await field(page, 'telephone')).fill('090-1234-5678');
      await (await field(page, 'password')).fill(PASSWORD);
      await (await field(page, 'password_confirm')).fill(PASSWORD);
      await shot('user-register-filled');
      await page.getByRole('button', { name: t('button-proceed-confirm') }).click();

      // UserRegister confirmation: what was typed, never the password.
      await page.waitForURL('**/confirm');
      const summary = await page.locator('dl.summary-list').innerText();
      for (const v of [run.name, '09012345678', email, '外国人本人']) {
        assert.ok(summary.includes(v), `confirmation shows ${v}`);
      }
      assert.ok(!summary.includes(PASSWORD), 'confirmation never shows the password');
      await shot('confirm');
      await submitButton(page).click();

      // UserRegisterCompleted: the User ID.
      await page.getByRole('heading', { level: 1, name: t('register-complete-title') }).waitFor();
      const loginId = (await page.locator('.highlight-value').innerText()).trim();
      assert.match(loginId, /^[A-Z0-9]{6,32}$/, `a User ID is shown: ${loginId}`);
      await shot('completed');

      // The link is used up now.
      const again = await page.request.get(registerUrl);
      assert.equal(again.status(), 410, 'a used registration link answers 410 Gone');

      await page.getByRole('link', { name: t('button-return-to-login') }).click();
      await page.waitForURL('**/login');
      await (await field(page, 'login_id')).fill(loginId);
      await (await field(page, 'password')).fill(PASSWORD);
      await shot('login');
      await page.getByRole('main').getByRole('button', { name: t('button-login'), exact: true }).click();

      // My Page
      await page.waitForURL('**/mypage');
      assert.equal(await h1(page), t('mypage-title'));
      assert.ok((await page.locator('header').innerText()).includes(run.name), 'the header names the signed-in user');
      await shot('mypage');

      if (run.scheme === 'standard') {
        // Change Color Scheme in the footer: the same page comes back in Blue, and stays Blue.
        await page.getByRole('button', { name: t('scheme-blue') }).click();
        await page.waitForURL('**/mypage');
        assert.equal(await page.evaluate(() => document.documentElement.dataset.scheme), 'blue');
        assert.equal(await page.getByRole('button', { name: t('scheme-blue') }).getAttribute('aria-pressed'), 'true');
        await page.goto('/procedures');
        assert.equal(await page.evaluate(() => document.documentElement.dataset.scheme), 'blue', 'remembered');
        await shot('scheme-blue');
      }

      // Logout → User Logout Confirmation → Logout
      await page.getByRole('navigation').getByRole('link', { name: t('nav-logout') }).click();
      await page.waitForURL('**/logout');
      assert.equal(await h1(page), t('logout-title'));
      await shot('logout-confirm');
      await page.getByRole('main').getByRole('button', { name: t('button-logout') }).click();
      await page.waitForURL('**/logged-out');
      await shot('logged-out');

      // Signed out for real: My Page sends back to the login screen.
      await page.goto('/mypage');
      await page.waitForURL('**/login?**');
      assert.equal(await h1(page), t('login-title'));

      // The notices, and a page that does not exist.
      await page.goto('/notices');
      await shot('notices');
      const notice = page.locator('main a[href^="/notices/"]');
      if (await notice.count()) {
        await notice.first().click();
        await page.waitForURL('**/notices/*');
        await shot('notice');
      }
      const missing = await page.goto('/no-such-page');
      assert.equal(missing.status(), 404);
      await shot('not-found');
    }, { lang: run.lang, scheme: run.scheme }));
}

test('UserRegister submitted empty shows the error summary and loses nothing typed', JOURNEY_TIMEOUT, () =>
  withJourney('user-register-errors', 'phone', async ({ page, shot, t }) => {
    const email = `e2e-errors-${Date.now()}@example.jp`;
    await startRegistration(page, shot, email);
    const formUrl = page.url();

    // Everything empty: one summary at the top, each entry linking to its field.
    await submitButton(page).click();
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
    await submitButton(page).click();
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
    await page.getByRole('button', { name: t('button-proceed-confirm') }).click();
    await page.waitForURL('**/confirm');
    assert.ok((await page.locator('dl.summary-list').innerText()).includes('SILVA MARIA'), 'name in capitals on confirmation');
    await shot('corrected-confirm');
  }, { scheme: 'yellow' }));

// Browser journeys of the account's safety nets (SPEC §4.2, §4.4): five wrong passwords lock the
// account, "forgot password" sends a link, a new password unlocks it at once; "forgot user ID" mails
// the User ID. In the four runs of journeyRuns(), with axe on every screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JOURNEY_TIMEOUT, PASSWORD, field, h1, journeyRuns, linkFromMailbox, newEmail, registerUser, runName,
  submitButton, useServer, waitForMails, withJourney,
} from './lib.js';

useServer('recovery');

const NEW_PASSWORD = 'Renewed-Pass-2026!';

for (const run of journeyRuns()) {
  test(`lockout, password reset and forgot user ID (${run.lang}, ${run.device}, ${run.scheme})`, JOURNEY_TIMEOUT, () =>
    withJourney(`recovery-${runName(run)}`, run.device, async ({ page, shot, t }) => {
      const email = newEmail(`recovery-${run.lang}`);
      const name = 'SILVA MARIA';
      const loginId = await registerUser(page, { email, name });

      // Five wrong passwords in a row: the fifth locks the account.
      const attempt = async (password) => {
        await (await field(page, 'login_id')).fill(loginId);
        await (await field(page, 'password')).fill(password);
        await page.getByRole('main').getByRole('button', { name: t('button-login'), exact: true }).click();
        await page.locator('main .alert').waitFor();
        return (await page.locator('main .alert').innerText()).trim();
      };
      await page.goto('/login');
      await shot('login');
      assert.equal(await attempt('Wrong-Password-1'), t('login-invalid'));
      assert.equal(await (await field(page, 'login_id')).inputValue(), loginId, 'the User ID stays typed');
      await shot('login-wrong-password');
      for (let i = 2; i <= 4; i += 1) assert.equal(await attempt(`Wrong-Password-${i}`), t('login-invalid'));
      assert.equal(await attempt('Wrong-Password-5'), t('login-locked'));
      assert.equal(await attempt(PASSWORD), t('login-locked'), 'the right password does not open a locked account');
      await shot('login-locked');

      // Forgot password: errors first, then the User ID and address → the mail's link.
      await page.getByRole('link', { name: t('login-forgot-password') }).click();
      await page.waitForURL('**/forgot-password');
      assert.equal(await h1(page), t('forgot-password-title'));
      await submitButton(page).click();
      await page.locator('#error-summary').waitFor();
      await shot('forgot-password-errors');
      await (await field(page, 'login_id')).fill(loginId);
      await (await field(page, 'email')).fill(email);
      await submitButton(page).click();
      await page.waitForURL('**/forgot-password/sent');
      await shot('forgot-password-sent');
      const link = await linkFromMailbox(page, email, '/password-reset/');
      await link.click();
      await page.waitForURL('**/password-reset/**');
      assert.equal(await h1(page), t('reset-title'));
      await shot('password-reset');
      await (await field(page, 'password')).fill(NEW_PASSWORD);
      await (await field(page, 'password_confirm')).fill(NEW_PASSWORD);
      await submitButton(page).click();
      await page.waitForURL('**/password-reset-done');
      await shot('password-reset-done');

      // Unlocked at once: the new password logs in; the old one no longer does.
      await page.goto('/login');
      assert.equal(await attempt(PASSWORD), t('login-invalid'), 'the old password is gone');
      await (await field(page, 'password')).fill(NEW_PASSWORD);
      await page.getByRole('main').getByRole('button', { name: t('button-login'), exact: true }).click();
      await page.waitForURL('**/mypage');
      await page.context().clearCookies();

      // Forgot user ID: the address and the name → a mail with the User ID.
      await page.goto('/login');
      await page.getByRole('link', { name: t('login-forgot-id') }).click();
      await page.waitForURL('**/forgot-user-id');
      await shot('forgot-user-id');
      await (await field(page, 'email')).fill(email);
      await (await field(page, 'name')).fill(name);
      await submitButton(page).click();
      await page.waitForURL('**/forgot-user-id/sent');
      await shot('forgot-user-id-sent');
      const mails = await waitForMails(page, email, 5);
      assert.ok(mails[0].text.includes(loginId), 'the newest mail carries the User ID');
    }, { lang: run.lang, scheme: run.scheme }));
}

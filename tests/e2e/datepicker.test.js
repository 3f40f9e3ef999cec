// The calendar date picker (SPEC §6.2, §9.1; templates/datepicker.html, app.js §6) on the
// application list's date range: its keys (WAI-ARIA APG date picker dialog), the mouse, month names
// in the page's language, axe on the open dialog, and the text box alone without JavaScript. Also
// proves that the axe harness (a11y.js) does fail on a violation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeChecker } from './a11y.js';
import {
  JOURNEY_TIMEOUT, base, journeyRuns, registerAndLogin, runName, shotsRoot, useServer, withJourney,
} from './lib.js';

useServer('datepicker');

const focusedDate = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-date'));
const heading = (page) => page.locator('#datepicker-month').innerText();

for (const run of journeyRuns()) {
  test(`calendar by keyboard and mouse (${run.lang}, ${run.device}, ${run.scheme})`, JOURNEY_TIMEOUT, () =>
    withJourney(`datepicker-${runName(run)}`, run.device, async ({ page, shot, t }) => {
      await registerAndLogin(page, `cal-${run.lang}`);
      await page.goto('/applications');
      const from = page.locator('#f-from');
      const button = page.locator('#f-from ~ button.datepicker-open');
      assert.equal(await button.innerText(), t('datepicker-open'));
      assert.equal(await button.getAttribute('aria-describedby'), 'f-from-label', 'described by the field\'s label');

      // A date typed first is where the calendar opens: 29 February 2024, selected.
      await from.fill('20240229');
      await button.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: t('datepicker-title') });
      await dialog.waitFor();
      assert.equal(await focusedDate(page), '20240229');
      assert.equal(await page.locator('td[data-date="20240229"]').getAttribute('aria-selected'), 'true');
      const month = new Intl.DateTimeFormat(run.lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 1, 1));
      assert.equal(await heading(page), month, 'the month in the page\'s language');
      assert.equal(await page.locator('.datepicker-grid th').first().getAttribute('abbr'),
        new Intl.DateTimeFormat(run.lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4)), 'weeks start on Sunday');
      await shot('open');

      // Keys: day, week, week's ends, month, year.
      const steps = [
        ['ArrowRight', '20240301'], ['ArrowLeft', '20240229'], ['ArrowUp', '20240222'], ['ArrowDown', '20240229'],
        ['Home', '20240225'], ['End', '20240302'], ['PageUp', '20240202'], ['PageDown', '20240302'],
        ['Shift+PageDown', '20250302'], ['Shift+PageUp', '20240302'],
      ];
      for (const [key, expected] of steps) {
        await page.keyboard.press(key);
        assert.equal(await focusedDate(page), expected, `${key} → ${expected}`);
      }
      // 31 January + 1 month is the last day of February.
      await page.keyboard.press('PageUp'); // 2024-02-02
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('PageUp'); // 2023-11-02
      await page.keyboard.press('End'); // Saturday 2023-11-04
      assert.equal(await focusedDate(page), '20231104');

      // Escape closes without choosing; the focus is back on the button.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await from.inputValue(), '20240229', 'nothing chosen');
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains('datepicker-open')), true);

      // Space chooses.
      await page.keyboard.press('Space');
      await dialog.waitFor();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Space');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await from.inputValue(), '20240228');

      // The mouse: next month, then a day; next year and OK (the focused day); Cancel.
      await button.click();
      await dialog.getByRole('button', { name: t('datepicker-next-month') }).click();
      assert.equal(await heading(page), new Intl.DateTimeFormat(run.lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 2, 1)));
      await page.locator('td[data-date="20240315"]').click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await from.inputValue(), '20240315');
      await button.click();
      await dialog.getByRole('button', { name: t('datepicker-next-year') }).click();
      await dialog.getByRole('button', { name: t('datepicker-prev-month') }).click();
      await dialog.getByRole('button', { name: t('datepicker-prev-year') }).click();
      assert.equal(await heading(page), new Intl.DateTimeFormat(run.lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 1, 1)));
      await dialog.getByRole('button', { name: t('button-ok') }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await from.inputValue(), '20240215', 'OK chooses the focused day (15th, one month back)');
      await button.click();
      await dialog.getByRole('button', { name: t('button-cancel') }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await from.inputValue(), '20240215');

      // Nothing in the box (or something that is no date): the calendar opens on today.
      await from.fill('2024-99');
      await button.click();
      const now = new Date();
      const today = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
      assert.equal(await focusedDate(page), today);
      assert.equal(await page.locator(`td[data-date="${today}"]`).getAttribute('aria-current'), 'date');
      await page.keyboard.press('Escape');

      // The chosen range searches.
      await from.fill('20240215');
      await page.getByRole('main').getByRole('button', { name: t('button-search') }).click();
      // The page may already carry a query: wait for the one with this date, fully loaded.
      await page.waitForURL((u) => u.pathname === '/applications' && u.searchParams.get('from') === '20240215');
      await page.waitForLoadState('load');
      assert.equal(await from.inputValue(), '20240215');
      await shot('searched');
    }, { lang: run.lang, scheme: run.scheme }));
}

test('without JavaScript the date boxes are plain text boxes', JOURNEY_TIMEOUT, () =>
  withJourney('datepicker-nojs', 'phone', async ({ page, shot }) => {
    await registerAndLogin(page, 'calnojs');
    await page.goto('/applications');
    assert.equal(await page.locator('.datepicker-open').count(), 0, 'no calendar button');
    assert.equal(await page.locator('#datepicker').isVisible(), false);
    await page.locator('#f-from').fill('20240101');
    await page.locator('main button[type=submit]').click();
    await page.waitForURL('**/applications?**');
    assert.equal(await page.locator('#f-from').inputValue(), '20240101');
    await shot('searched');
  }, { javaScriptEnabled: false }));

test('the axe harness fails on a violation, in the scheme that has it', JOURNEY_TIMEOUT, () =>
  withJourney('axe-self-test', 'desktop', async ({ page }) => {
    // The server's stylesheet, and one paragraph whose colours pass in Standard but not in Black.
    const html = (extra) => `<!doctype html><html lang="en" data-scheme="standard"><head><meta charset="utf-8">
<title>axe self-test</title><link rel="stylesheet" href="/static/app.css"></head><body><main id="main">
<h1>Self-test</h1><p class="probe">Some text</p>${extra}</main></body></html>`;
    await page.route(`${base()}/__e2e/axe/**`, (route) => {
      const { pathname } = new URL(route.request().url());
      const extra = pathname.endsWith('/label') ? '<input type="text" name="x">' : '';
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html(extra) });
    });
    const check = axeChecker('axe-self-test', shotsRoot);
    await page.goto('/__e2e/axe/clean');
    await check(page, 'clean');
    await page.goto('/__e2e/axe/label');
    await assert.rejects(check(page, 'unlabelled'), /label/, 'a text box without a label fails');
    await page.goto('/__e2e/axe/clean');
    await page.addStyleTag({ content: '[data-scheme="black"] .probe { color: #222; }' });
    await assert.rejects(check(page, 'low-contrast'), /in the black scheme:[\s\S]*color-contrast/, 'contrast is checked per scheme');
  }, { axe: false, bypassCSP: true }));

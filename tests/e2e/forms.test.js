// Browser journeys of the entry form and the page scripts (static/app.js): conditional fields mirrored
// in the browser (issue 3 item 4), the Favorites confirmation dialogs (SPEC §5.3) and the idle-timeout
// dialog (SPEC §2.5). Run like registration.test.js: (cd tests/e2e && npm test); helpers in lib.js.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JOURNEY_TIMEOUT, base, field, h1, registerAndLogin, useServer, withJourney,
} from './lib.js';

useServer('forms');

const focusedId = (page) => page.evaluate(() => document.activeElement?.id || '');
const focusInside = (page, selector) =>
  page.evaluate((s) => !!document.activeElement?.closest(s), selector);
const dialogOpen = (page, id) => page.evaluate((i) => document.getElementById(i)?.open === true, id);

// ---------------------------------------------------------------------------------------------
// (a) The Request For Use entry with the script on: nothing asks to "Update the form", and the
// journey goes through to the reference number.

test('ENS Request For Use with JavaScript: no "Update the form", Proceed → Apply → reference number', JOURNEY_TIMEOUT, () =>
  withJourney('forms-ens-entry', 'desktop', async ({ page, shot }) => {
    await registerAndLogin(page, 'ens');
    await page.goto('/procedures/ens-request-for-use');
    await page.getByRole('link', { name: 'Agree' }).click();
    await page.waitForURL('**/procedures/ens-request-for-use/entry');
    await shot('entry');

    // The buttons for pages without script are hidden by it (the ENS form has none today: its
    // definition has no `show_if` and no `changes_following`, so this holds trivially for it, and
    // the conditions themselves are exercised on the page of the next test).
    assert.equal(await page.getByRole('button', { name: 'Update the form' }).count(), 0, 'no visible Update the form');
    for (const b of await page.locator('.js-refresh').all()) {
      assert.equal(await b.isVisible(), false, 'a .js-refresh button is hidden by the script');
    }
    const conditioned = await page.locator('form.entry-form [data-show-if]').count();
    assert.equal(conditioned, 0, 'the ENS form defines no conditions (update this test when it does)');

    // Date of birth "all unknown": no condition hides the date box, so it stays as it is.
    await page.locator('input[name="date_of_birth.unknown"][value="all"]').check();
    const dob = await field(page, 'date_of_birth');
    assert.equal(await dob.isVisible(), true);
    assert.equal(await dob.isEnabled(), true);

    assert.equal(await (await field(page, 'name_en')).inputValue(), 'ANNA LEE', 'filled in from the registration');
    await page.locator('input[name=sex][value=female]').check();
    await (await field(page, 'nationality')).selectOption('PHL');
    await (await field(page, 'residence_card_number')).fill('ab12345678cd');
    await shot('filled');
    await page.getByRole('button', { name: 'Proceed to Confirmation' }).click();

    await page.waitForURL('**/procedures/ens-request-for-use/confirm');
    const summary = await page.locator('main').innerText();
    for (const v of ['ANNA LEE', 'AB12345678CD']) {
      assert.ok(summary.includes(v), `confirmation shows ${v}`);
    }
    assert.match(summary, /Date of birth\s+Unknown/, 'the date of birth as unknown');
    await shot('confirm');
    await page.getByRole('button', { name: 'Apply' }).click();

    await page.waitForURL('**/procedures/ens-request-for-use/completed/**');
    const reference = (await page.locator('.highlight-value').first().innerText()).trim();
    assert.ok(reference.length >= 6, `a reference number is shown: ${reference}`);
    await shot('completed');
  }));

// ---------------------------------------------------------------------------------------------
// (a, continued) No procedure defines `show_if` yet, so the conditions are checked on a page served
// here with the markup entry.html renders (data-field, data-show-if, hidden, disabled — the server
// side of it is tested in form_view.rs) and the real /static/app.js and app.css of the server, under
// the server's CSP. The page comes in the state the server would judge for "Student".

const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&#34;').replace(/</g, '&lt;');
const cond = (c) => ` data-show-if="${esc(JSON.stringify(c))}"`;
const dis = (d) => (d ? ' disabled' : '');
const text = (name, label, { c, hidden = false, disabled = hidden } = {}) => {
  const id = `f-${name.replace(/[^A-Za-z0-9_]/g, '-').replace(/-+/g, '-').replace(/-$/, '')}`;
  return `<div class="field" data-field="${name}"${c ? cond(c) : ''}${hidden ? ' hidden' : ''}>
  <label class="label" for="${id}">${label}</label>
  <input type="text" name="${name}" id="${id}" value=""${dis(disabled)}></div>`;
};
const row = (i, groupHidden) => `<div class="group-row"><p class="group-row-title">Family ${i + 1}</p>
  <div class="field" data-field="family[${i}].relationship"><label class="label" for="f-family-${i}-relationship">Relationship</label>
  <select name="family[${i}].relationship" id="f-family-${i}-relationship"${dis(groupHidden)}><option value="">Choose</option><option value="child">Child</option><option value="other">Others</option></select></div>
  ${text(`family[${i}].relationship_other`, 'Relationship (others)', {
    c: { all: [{ field: `family[${i}].relationship`, equals: 'other' }, { field: 'status', filled: true }] },
    hidden: true,
  })}
</div>`;

const CONDITIONS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="csrf-token" content="test-token">
<title>Conditions</title>
<link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
<body><main id="main" tabindex="-1"><h1>Conditions</h1>
<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" id="error-summary">
  <h2 id="error-summary-title">There is a problem with your entries</h2>
  <ul><li><a href="#f-school">School is a required field.</a></li></ul>
</div>
<form method="post" action="/__e2e/submit" novalidate class="main-form entry-form" data-conditions>
<input type="hidden" name="csrf" value="test-token">
<section class="form-section" id="s-first"><h2>First</h2>
  <div class="field" data-field="status"><fieldset><legend class="label">Status</legend>
    <div class="radio"><input type="radio" name="status" id="f-status" value="student" checked><label for="f-status">Student</label></div>
    <div class="radio"><input type="radio" name="status" id="f-status-2" value="worker"><label for="f-status-2">Worker</label></div>
  </fieldset>
  <p class="changes-following">This item will cause the below entry items to change. <button type="submit" name="action" value="refresh" class="button-small js-refresh">Update the form</button></p></div>
  ${text('school', 'School', { c: { field: 'status', equals: 'student' } })}
  ${text('school_year', 'School year', { c: { field: 'school', filled: true }, hidden: true })}
  <div class="field" data-field="occupation"><fieldset><legend class="label">Occupation</legend>
    <div class="radio"><input type="checkbox" name="occupation" id="f-occupation" value="employee"><label for="f-occupation">Employee</label></div>
    <div class="radio"><input type="checkbox" name="occupation" id="f-occupation-2" value="other"><label for="f-occupation-2">Others</label></div>
  </fieldset></div>
  ${text('occupation_other', 'Other occupation', { c: { field: 'occupation', in: ['other', 'nothing'] }, hidden: true })}
  <div class="field" data-field="birth"><label class="label" for="f-birth">Date of birth</label>
    <fieldset class="date-unknown"><legend class="visually-hidden">Date of birth</legend>
      <div class="radio"><input type="radio" name="birth.unknown" id="f-birth-unknown-1" value="none" checked><label for="f-birth-unknown-1">No unknown part</label></div>
      <div class="radio"><input type="radio" name="birth.unknown" id="f-birth-unknown-2" value="all"><label for="f-birth-unknown-2">Year, month and day unknown</label></div>
    </fieldset>
    <input type="text" name="birth" id="f-birth" value="" inputmode="numeric" maxlength="10" placeholder="YYYYMMDD"></div>
  ${text('birth_note', 'Why the date is unknown', { c: { not: { field: 'birth', filled: true } } })}
  <fieldset class="group" id="f-family" data-field="family"${cond({ any: [{ field: 'status', equals: 'worker' }, { field: 'has_family', filled: true }] })} hidden>
    <legend class="label">Family</legend>
    ${row(0, true)}
    ${row(1, true)}
    <p><button type="submit" name="action" value="refresh" class="button-small" disabled>Add another</button></p>
  </fieldset>
  <div class="field" data-field="has_family"><div class="checkbox"><input type="checkbox" name="has_family" id="f-has_family" value="on"><label for="f-has_family">I have family in Japan</label></div></div>
  ${text('family_note', 'About your family', { c: { field: 'family', filled: true }, hidden: true })}
</section>
<section class="form-section" id="s-work"${cond({ field: 'status', equals: 'worker' })} hidden><h2>Work</h2>
  ${text('employer', 'Employer', { disabled: true })}
</section>
<div class="button-row"><button type="submit" name="action" value="submit">Proceed to Confirmation</button></div>
</form></main></body></html>`;

test('conditions are mirrored in the browser: equals, in, filled, all, any, not, rows, cascades', JOURNEY_TIMEOUT, () =>
  withJourney('forms-conditions', 'phone', async ({ page, shot }) => {
    let posted = null;
    await page.route(`${base()}/__e2e/conditions`, (route) => route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" },
      body: CONDITIONS_PAGE,
    }));
    await page.route(`${base()}/__e2e/submit`, (route) => {
      posted = new URLSearchParams(route.request().postData() || '');
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>sent</title><h1>Sent</h1>' });
    });
    await page.goto('/__e2e/conditions');
    await page.waitForFunction(() => document.readyState === 'complete');

    const visible = async (name) => page.locator(`[data-field="${name}"]`).isVisible();
    const enabled = async (id) => page.locator(`#${id}`).isEnabled();

    // As the server judged: the script changes nothing on arrival, but hides "Update the form".
    assert.equal(await page.getByRole('button', { name: 'Update the form' }).count(), 0, 'Update the form is hidden');
    assert.equal(await visible('school'), true);
    assert.equal(await visible('school_year'), false);
    assert.equal(await page.locator('#s-work').isVisible(), false);
    assert.equal(await enabled('f-employer'), false, 'inputs of a hidden section are disabled');
    assert.equal(await visible('family'), false);
    assert.equal(await visible('birth_note'), true);
    assert.equal(await focusedId(page), 'error-summary', 'the summary still takes the focus');
    await shot('arrival');

    // filled: typing the school shows the school year.
    await page.locator('#f-school').fill('Tokyo University');
    assert.equal(await visible('school_year'), true);
    assert.equal(await enabled('f-school_year'), true);
    await page.locator('#f-school_year').fill('2');

    // in, on checkboxes.
    await page.locator('#f-occupation-2').check();
    assert.equal(await visible('occupation_other'), true);
    await page.locator('#f-occupation-2').uncheck();
    assert.equal(await visible('occupation_other'), false);

    // not + the date's "all unknown" counting as filled.
    await page.locator('#f-birth-unknown-2').check();
    assert.equal(await visible('birth_note'), false, 'all unknown counts as filled');
    await page.locator('#f-birth-unknown-1').check();
    assert.equal(await visible('birth_note'), true);
    await page.locator('#f-birth').fill('19900415');
    assert.equal(await visible('birth_note'), false);
    await shot('student');

    // equals on a radio, chosen with the keyboard: the section appears, the school goes, and the
    // school year with it although the school still holds text (a hidden field counts as unanswered).
    await page.locator('#f-status').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#f-status-2').isChecked(), true);
    assert.equal(await page.locator('#s-work').isVisible(), true);
    assert.equal(await enabled('f-employer'), true);
    assert.equal(await visible('school'), false);
    assert.equal(await enabled('f-school'), false);
    assert.equal(await visible('school_year'), false, 'hiding cascades');
    // The error summary links to shown fields only.
    assert.equal(await page.locator('#error-summary').isVisible(), false, 'its only link pointed at a hidden field');

    // A hidden field cannot be focused, by script or by Tab.
    await page.locator('#f-school').evaluate((el) => el.focus());
    assert.notEqual(await focusedId(page), 'f-school');
    await page.locator('#f-status-2').focus();
    const tabbed = [];
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      tabbed.push(await focusedId(page));
    }
    assert.ok(!tabbed.includes('f-school') && !tabbed.includes('f-school_year'), `Tab skips hidden fields: ${tabbed}`);

    // any: the group appears (status is worker); row scope: each row reads its own relationship.
    assert.equal(await visible('family'), true);
    assert.equal(await visible('family[0].relationship_other'), false);
    assert.equal(await visible('family_note'), false, 'the group has no answered row yet');
    await page.locator('#f-family-1-relationship').selectOption('other');
    assert.equal(await visible('family[1].relationship_other'), true, 'row 2 reads row 2');
    assert.equal(await visible('family[0].relationship_other'), false, 'row 1 is untouched');
    assert.equal(await visible('family_note'), true, 'a row with an answer fills the group');
    await page.locator('#f-family-1-relationship_other').fill('Cousin');
    await page.locator('#f-employer').fill('ACME');
    assert.equal(await page.getByRole('button', { name: 'Add another' }).isEnabled(), true);
    await shot('worker');

    // What is sent: the shown fields, never the hidden ones (the school typed earlier stays behind).
    await page.getByRole('button', { name: 'Proceed to Confirmation' }).click();
    await page.waitForURL('**/__e2e/submit');
    assert.ok(posted, 'the form was sent');
    assert.equal(posted.get('status'), 'worker');
    assert.equal(posted.get('employer'), 'ACME');
    assert.equal(posted.get('family[1].relationship_other'), 'Cousin');
    for (const hidden of ['school', 'school_year', 'occupation_other', 'birth_note', 'family[0].relationship_other']) {
      assert.equal(posted.has(hidden), false, `${hidden} is not sent`);
    }
    assert.equal(posted.get('action'), 'submit');
    }, { axe: false })); // a page made here, not the server's: axe checks the real entry forms

// ---------------------------------------------------------------------------------------------
// (b) Favorites: a dialog with the script, a page of its own without.

test('Add to and Remove from Favorites through the dialog, by mouse and by keyboard', JOURNEY_TIMEOUT, () =>
  withJourney('forms-favorites-dialog', 'desktop', async ({ page, shot }) => {
    await registerAndLogin(page, 'fav');
    await page.goto('/procedures/ens-notification');
    const add = page.getByRole('link', { name: 'Add to Favorites' });
    await add.click();
    const dialog = page.getByRole('dialog', { name: 'Add to Favorites' });
    await dialog.waitFor();
    assert.equal(await dialogOpen(page, 'favorite-dialog'), true);
    assert.ok((await dialog.innerText()).includes('to your favorite procedures?'), 'the question from the server');
    assert.equal(await focusInside(page, '#favorite-dialog'), true, 'the focus moves into the dialog');
    assert.match(page.url(), /\/procedures\/ens-notification$/, 'no page of its own');
    await shot('add-dialog');

    await dialog.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL('**/procedures/ens-notification?added=1');
    await page.getByRole('link', { name: 'Remove from Favorites' }).waitFor();
    assert.ok((await page.locator('main').innerText()).includes('Added to favorites.'));
    await shot('added');

    // Keyboard only from here: Enter opens, Escape closes and gives the focus back to the link.
    const remove = page.getByRole('link', { name: 'Remove from Favorites' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const removeDialog = page.getByRole('dialog', { name: 'Remove from Favorites' });
    await removeDialog.waitFor();
    assert.equal(await focusInside(page, '#favorite-dialog'), true, 'the focus is in the dialog');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Back', 'on its first button');
    await shot('remove-dialog');
    await page.keyboard.press('Escape');
    await removeDialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '/procedures/ens-notification/unfavorite', 'focus back on the link');

    // Back closes too.
    await page.keyboard.press('Enter');
    await removeDialog.waitFor();
    await page.keyboard.press('Enter');
    await removeDialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '/procedures/ens-notification/unfavorite');

    // Enter, Tab to Delete, Enter: removed.
    await page.keyboard.press('Enter');
    await removeDialog.waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Delete');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/procedures/ens-notification?removed=1');
    await page.getByRole('link', { name: 'Add to Favorites' }).waitFor();
    assert.ok((await page.locator('main').innerText()).includes('Removed from favorites.'));
    await page.goto('/mypage/favorites');
    assert.equal(await page.locator('.procedure-name').count(), 0, 'nothing left in Favorite Procedures');
    await shot('removed');

    // The confirmation as a page of its own, which browsers without JavaScript are shown.
    await page.goto('/procedures/ens-notification/favorite');
    await shot('add-page');
  }));

test('Add to Favorites without JavaScript is a page of its own', JOURNEY_TIMEOUT, () =>
  withJourney('forms-favorites-nojs', 'phone', async ({ page, shot }) => {
    await registerAndLogin(page, 'favnojs');
    await page.goto('/procedures/ens-notification');
    await page.getByRole('link', { name: 'Add to Favorites' }).click();
    await page.waitForURL('**/procedures/ens-notification/favorite');
    assert.equal(await h1(page), 'Add to Favorites');
    await shot('confirm-page');
    await page.getByRole('main').getByRole('button', { name: 'Register' }).click();
    await page.waitForURL('**/procedures/ens-notification?added=1');
    await page.getByRole('link', { name: 'Remove from Favorites' }).waitFor();
    await shot('added');
  }, { javaScriptEnabled: false }));

// ---------------------------------------------------------------------------------------------
// (c) The idle-timeout dialog. Only the page's clock is faked: the server's deadline runs in real
// time, so the session is still alive when OK asks for three more hours.

test('idle timeout: the dialog 10 minutes before, OK extends, Cancel logs out at the time shown', JOURNEY_TIMEOUT, () =>
  withJourney('forms-idle-timeout', 'desktop', async ({ page, shot, context }) => {
    await page.clock.install();
    await registerAndLogin(page, 'idle');
    await page.goto('/procedures');
    const dialog = page.locator('#timeout-dialog');
    assert.equal(await dialogOpen(page, 'timeout-dialog'), false);

    // 2 h 50 min 30 s later: the warning.
    await page.clock.fastForward('02:50:30');
    await page.getByRole('dialog', { name: 'You will be logged out soon' }).waitFor();
    assert.match(await page.locator('#timeout-at').innerText(), /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/, 'the time is shown');
    assert.equal(await focusInside(page, '#timeout-dialog'), true, 'the focus is in the dialog');
    await shot('warning');

    // OK: three more hours, asked of the server.
    const extended = page.waitForResponse((r) => new URL(r.url()).pathname === '/session/extend' && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'OK' }).click();
    const r = await extended;
    assert.equal(r.status(), 200);
    const j = await r.json();
    assert.ok(j.expires_at > Date.now() + 2.9 * 3600 * 1000, `the server moved the deadline: ${JSON.stringify(j)}`);
    await page.waitForFunction(() => !document.getElementById('timeout-dialog').open);
    // It stays closed: the new deadline is measured on the page's own clock (which is ahead of the
    // server's by the time fast-forwarded), not compared with it.
    await page.clock.runFor(2000);
    assert.equal(await dialogOpen(page, 'timeout-dialog'), false, 'not shown again right away');
    await shot('extended');

    // Another 2 h 50 min 30 s: the warning again; Cancel.
    await page.clock.fastForward('02:50:30');
    await page.getByRole('dialog', { name: 'You will be logged out soon' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => !document.getElementById('timeout-dialog').open);
    assert.match(page.url(), /\/procedures$/, 'Cancel keeps the page until the time shown');

    // By the time shown, the server has ended the session (three real hours later; here the
    // session cookie is dropped to stand for that), and the page goes to the login screen.
    const session = (await context.cookies()).find((c) => c.name.endsWith('zairyu_session'));
    assert.ok(session, 'a session cookie');
    await context.clearCookies({ name: session.name });
    const toLogin = page.waitForRequest((q) => {
      const u = new URL(q.url());
      return q.isNavigationRequest() && u.pathname === '/login' && u.searchParams.get('expired') === '1';
    });
    await page.clock.fastForward('00:10:30');
    const q = await toLogin;
    assert.equal(new URL(q.url()).searchParams.get('next'), '/procedures', 'and comes back here after login');
    await page.waitForURL('**/login?expired=1**');
    assert.equal(await h1(page), 'User Login');
    assert.ok((await page.locator('main').innerText()).includes('no activity for 3 hours'), 'says why');
    await shot('logged-out');
  }));

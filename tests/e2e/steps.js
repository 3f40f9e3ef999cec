// The applicant's steps through the Electronic Notification System, each a function over one journey
// (`j` from lib.js: page, shot, t), so that a journey is a list of calls and the back office's steps
// (an officer accepting a filing and registering it complete, when that lands) are one more call
// between Apply and the applicant's list. Every screen is recorded with `shot`, which checks it with
// axe in the four colour schemes. Fields are found by id (f-<field>) and buttons by the name the
// user reads, in the journey's language.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { field, h1, mailsTo, serverLog, sleep, submitButton, waitForMails } from './lib.js';

/** The three buttons under an entry form: Save Data, Load Data, Auto-Fill (in this order). */
export function entryTools(page) {
  const tools = page.locator('.entry-tools');
  return {
    save: tools.locator('button[value=save]'),
    load: tools.locator('a').nth(0),
    autofill: tools.locator('a').nth(1),
  };
}

/** YYYYMMDD of the day `days` before today in Japan. */
export function daysAgo(days) {
  const d = new Date(Date.now() + 9 * 3600 * 1000 - days * 86_400_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The reference number on ProcedureCompleted. */
async function completedReference(page, t) {
  assert.equal(await h1(page), t('entry-completed-title'));
  const reference = (await page.locator('.highlight-value').first().innerText()).trim();
  assert.ok(reference.length >= 6, `a reference number is shown: ${reference}`);
  return reference;
}

/**
 * Procedure Search → the notification → its explanation → Agree, which (without a request for use)
 * leads to "A request for use is needed first" → Go to the request for use → Agree → the entry:
 * submitted empty (the errors), then filled, the date of birth chosen from the calendar with the
 * mouse → confirmation → Apply → ProcedureCompleted and its mail. Returns the reference number.
 */
export async function requestForUse(j, email) {
  const { page, shot, t } = j;
  await page.goto('/procedures');
  await (await field(page, 'q')).fill(t.lang === 'ja' ? '届出' : 'notification');
  await page.getByRole('main').getByRole('button', { name: t('button-search') }).click();
  await page.waitForURL('**/procedures?**');
  await shot('procedure-search');
  await page.locator('a.procedure-name[href="/procedures/ens-notification"]').click();
  await page.waitForURL('**/procedures/ens-notification');
  assert.equal(await h1(page), t('procedure-explanation-title'));
  await shot('notification-explanation');
  await page.getByRole('link', { name: t('button-agree') }).click();

  await page.waitForURL('**/procedures/ens-notification/entry');
  assert.equal(await h1(page), t('entry-needs-request-title'));
  await shot('needs-request-for-use');
  await page.getByRole('link', { name: t('entry-go-to-request') }).click();

  await page.waitForURL('**/procedures/ens-request-for-use');
  await shot('request-explanation');
  await page.getByRole('link', { name: t('button-agree') }).click();
  await page.waitForURL('**/procedures/ens-request-for-use/entry**');
  await shot('request-entry');

  // Errors shown: nothing chosen yet; the summary takes the focus and links to each field.
  await (await field(page, 'residence_card_number')).fill('12345');
  await page.getByRole('button', { name: t('button-proceed-confirm') }).click();
  await page.locator('#error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
  assert.equal(await (await field(page, 'residence_card_number')).inputValue(), '12345', 'what was typed stays');
  await shot('request-errors');

  await page.locator('input[name="date_of_birth.unknown"][value=none]').check();
  await pickDateWithMouse(j, 'date_of_birth', { year: 1990, month: 4, day: 15 });
  await page.locator('input[name=sex][value=female]').check();
  await (await field(page, 'nationality')).selectOption('PHL');
  await (await field(page, 'residence_card_number')).fill('ab12345678cd');
  await shot('request-filled');
  await page.getByRole('button', { name: t('button-proceed-confirm') }).click();

  await page.waitForURL('**/procedures/ens-request-for-use/confirm**');
  const summary = await page.locator('main').innerText();
  for (const v of ['AB12345678CD', '1990']) assert.ok(summary.includes(v), `confirmation shows ${v}`);
  await shot('request-confirm');
  await page.getByRole('button', { name: t('button-apply') }).click();
  await page.waitForURL('**/procedures/ens-request-for-use/completed/**');
  const reference = await completedReference(page, t);
  await shot('request-completed');
  const mails = await waitForMails(page, email, 3);
  assert.ok(mails.some((m) => m.text.includes(reference)), 'a mail carries the reference number');
  return reference;
}

/**
 * Opens the calendar beside `name`'s box with the mouse, goes to the month with the previous /
 * next month and year buttons, and clicks the day; checks the dialog with axe while it is open.
 */
export async function pickDateWithMouse(j, name, { year, month, day }) {
  const { page, shot } = j;
  const box = page.locator(`#f-${name}`);
  const opener = box.locator('xpath=following-sibling::button[1]');
  await opener.click();
  const dialog = page.locator('#datepicker');
  await dialog.waitFor();
  const target = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const shown = async () => (await dialog.locator('td[data-date]').first().getAttribute('data-date')).slice(0, 6);
  await shot(`calendar-${name}`);
  for (let i = 0; i < 400 && (await shown()) !== target.slice(0, 6); i += 1) {
    const [y, m] = [Number((await shown()).slice(0, 4)), Number((await shown()).slice(4, 6))];
    const months = (year - y) * 12 + (month - m);
    const move = Math.abs(months) >= 12 ? Math.sign(months) * 12 : Math.sign(months);
    await dialog.locator(`button[data-move="${move}"]`).click();
  }
  await dialog.locator(`td[data-date="${target}"]`).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await box.inputValue(), target, 'the chosen day is written as YYYYMMDD');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('datepicker-open')), true, 'focus back on the button');
}

/** The notification's answers for a student who left their school `days` days ago. */
export function leavingAnswers(days) {
  return {
    status: 'student',
    content_activity: 'leaving',
    leaving_date: daysAgo(days),
    org_name: 'Tokyo Language School',
    org_postal_code: '1000013',
    org_address: '東京都千代田区霞が関１－１－１',
  };
}

/** Fills the notification's fields with the mouse (selects first: they show the rest). */
async function fillNotification(page, answers) {
  await page.locator('#f-status').selectOption(answers.status);
  await page.locator('#f-content_activity').selectOption(answers.content_activity);
  for (const k of ['leaving_date', 'org_name', 'org_postal_code', 'org_address']) {
    await (await field(page, k)).fill(answers[k]);
  }
}

/**
 * The notification with the entry screen's tools: the form filled, Save Data (a file downloaded),
 * a field changed, Load Data (the file uploaded: the saved entries come back), confirmation with the
 * 14-day deadline, Apply. Returns the reference number.
 */
export async function notificationWithSaveAndLoad(j, email, saveDir) {
  const { page, shot, t } = j;
  await page.goto('/procedures/ens-notification');
  await page.getByRole('link', { name: t('button-agree') }).click();
  await page.waitForURL('**/procedures/ens-notification/entry');
  assert.equal(await page.locator('#s-activity_org').isVisible(), false, 'no content section before a status');
  await shot('notification-entry');

  // Errors shown: Proceed with nothing chosen.
  await page.getByRole('button', { name: t('button-proceed-confirm') }).click();
  await page.locator('#error-summary').waitFor();
  await shot('notification-errors');

  // The other conditional sections, each checked while shown: a contract, a spouse.
  await page.locator('#f-status').selectOption('engineer_humanities');
  await page.locator('#f-content_contract').selectOption('new_contract');
  assert.equal(await page.locator('#s-contract_org').isVisible(), true);
  assert.equal(await page.locator('[data-field="contract_date"]').isVisible(), true);
  await shot('notification-contract');
  await page.locator('#f-status').selectOption('spouse_japanese');
  await page.locator('#f-content_spouse').selectOption('divorce');
  assert.equal(await page.locator('#s-spouse').isVisible(), true);
  assert.equal(await page.locator('#s-contract_org').isVisible(), false);
  assert.equal(await page.locator('[data-field="spouse_date_of_birth"]').isVisible(), true);
  await shot('notification-spouse');

  const answers = leavingAnswers(3);
  await fillNotification(page, answers);
  assert.equal(await page.locator('#s-activity_org').isVisible(), true, 'the status shows its section');
  assert.equal(await page.locator('[data-field="leaving_date"]').isVisible(), true, 'the content shows its date');
  assert.equal(await page.locator('[data-field="transfer_date"]').isVisible(), false);
  await shot('notification-filled');

  // Save Data: the entries as a file.
  const download = page.waitForEvent('download');
  await entryTools(page).save.click();
  const file = `${saveDir}/${(await download).suggestedFilename()}`;
  await (await download).saveAs(file);
  assert.match(file, /ens-notification-\d+\.xml$/);

  // Changed on the screen, then Load Data brings the saved entries back.
  await (await field(page, 'org_name')).fill('Something Else');
  await entryTools(page).load.click();
  await page.waitForURL('**/procedures/ens-notification/load**');
  await shot('load-data');
  await page.getByRole('button', { name: t('load-upload') }).click();
  await page.locator('#error-summary').waitFor();
  await shot('load-data-no-file');
  await page.locator('#f-file').setInputFiles(file);
  await page.getByRole('button', { name: t('load-upload') }).click();
  await page.waitForURL('**/procedures/ens-notification/entry**');
  assert.ok((await page.locator('main').innerText()).includes(t('load-done')), 'Load Data says it loaded');
  assert.equal(await (await field(page, 'org_name')).inputValue(), answers.org_name, 'the saved entry is back');
  assert.equal(await (await field(page, 'leaving_date')).inputValue(), answers.leaving_date);
  await shot('loaded');

  await page.getByRole('button', { name: t('button-proceed-confirm') }).click();
  await page.waitForURL('**/procedures/ens-notification/confirm**');
  assert.ok((await page.locator('main').innerText()).includes(answers.org_name));
  await shot('notification-confirm');
  await page.getByRole('button', { name: t('button-apply') }).click();
  await page.waitForURL('**/procedures/ens-notification/completed/**');
  const reference = await completedReference(page, t);
  await shot('notification-completed');
  const mails = await waitForMails(page, email, 5);
  assert.ok(mails.some((m) => m.text.includes(reference)), 'the receipt mail carries the reference number');
  return reference;
}

/**
 * The notification again, filled by Auto-Fill from the earlier one: the past procedure list,
 * Select, the entries back, a new date, Apply.
 */
export async function notificationWithAutoFill(j, earlierReference) {
  const { page, shot, t } = j;
  await page.goto('/procedures/ens-notification/entry');
  await entryTools(page).autofill.click();
  await page.waitForURL('**/procedures/ens-notification/past**');
  await shot('past-list');
  assert.ok((await page.locator('main').innerText()).includes(earlierReference), 'the earlier filing is listed');
  await page.locator('table.data-table').getByRole('button', { name: t('past-select') }).first().click();
  await page.waitForURL('**/procedures/ens-notification/entry**');
  assert.ok((await page.locator('main').innerText()).includes(t('autofill-done')), 'Auto-Fill says so');
  assert.equal(await page.locator('#f-status').inputValue(), 'student');
  assert.equal(await (await field(page, 'org_name')).inputValue(), 'Tokyo Language School');
  await shot('auto-filled');
  await (await field(page, 'leaving_date')).fill(daysAgo(1));
  await page.getByRole('button', { name: t('button-proceed-confirm') }).click();
  await page.waitForURL('**/procedures/ens-notification/confirm**');
  await page.getByRole('button', { name: t('button-apply') }).click();
  await page.waitForURL('**/procedures/ens-notification/completed/**');
  return completedReference(page, t);
}

/**
 * Application situation confirmation: every filing listed; searched by reference and by a date
 * range chosen from the calendar; Details of one with its history.
 */
export async function applicationList(j, references) {
  const { page, shot, t } = j;
  await page.getByRole('navigation').getByRole('link', { name: t('nav-application-status') }).click();
  await page.waitForURL('**/applications');
  const list = await page.locator('main').innerText();
  for (const r of references) assert.ok(list.includes(r), `the list shows ${r}`);
  await shot('application-list');

  const today = daysAgo(0);
  const [y, m, d] = [Number(today.slice(0, 4)), Number(today.slice(4, 6)), Number(today.slice(6))];
  await pickDateWithMouse(j, 'from', { year: y, month: m, day: d });
  await (await field(page, 'related')).fill(references[0]);
  await page.getByRole('main').getByRole('button', { name: t('button-search') }).click();
  await page.waitForURL('**/applications?**');
  assert.equal(await page.locator('table.data-table tbody tr').count(), 1, 'one filing matches');
  await shot('application-search');

  await page.locator('table.data-table tbody a').click();
  await page.waitForURL('**/applications/*');
  assert.equal(await h1(page), t('application-title'));
  assert.ok((await page.locator('main').innerText()).includes(references[0]));
  await shot('application-details');
}

/** Saved entries (drafts), favorites and the user information pages of My Page, each checked. */
export async function myPageTour(j) {
  const { page, shot, t } = j;
  await page.getByRole('navigation').getByRole('link', { name: t('nav-mypage') }).click();
  await page.waitForURL('**/mypage');
  await shot('mypage');
  for (const [path, label] of [
    ['/mypage/drafts', 'drafts'],
    ['/mypage/favorites', 'favorites'],
    ['/mypage/user', 'user-info'],
    ['/mypage/user/edit', 'user-edit'],
    ['/mypage/user/email', 'user-email'],
    ['/mypage/user/password', 'user-password'],
  ]) {
    await page.goto(path);
    await shot(label);
  }
  // An error shown on a user information page: the password change submitted empty.
  await submitButton(page).click();
  await page.locator('#error-summary').waitFor();
  await shot('user-password-errors');
}

// --- The back office: an officer receives a notification and registers it complete ---

/** RFC 4648 base32 (the key the enrolment page shows) to bytes. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 (SHA-1, 30-second steps, six digits) at a time step. */
function totpAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = crypto.createHmac('sha1', secret).update(counter).digest();
  const o = mac[mac.length - 1] & 0x0f;
  const n = ((mac[o] & 0x7f) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

// The demonstration officer of this server, enrolled by the first journey that logs in.
const demoOfficer = { secret: null, lastStep: -1 };

async function demoPassword() {
  for (let i = 0; i < 50; i += 1) {
    const m = serverLog().match(/initial_password["=:\s]+"?([A-Za-z0-9_-]{10,})/);
    if (m) return m[1];
    await sleep(100);
  }
  throw new Error('no demonstration officer password in the server log');
}

/** Logs the demonstration administrator in: password, then the one-time code (enrolling once). */
export async function officerLogin(j) {
  const { page, shot } = j;
  await page.goto('/officer/login');
  await shot('officer-login');
  await (await field(page, 'login_id')).fill('demo-admin');
  await (await field(page, 'password')).fill(await demoPassword());
  await page.locator('main button[type=submit]').first().click();
  await page.waitForURL('**/officer/second-factor');
  if (await page.locator('.qr-figure code.secret').count()) {
    demoOfficer.secret = base32((await page.locator('.qr-figure code.secret').innerText()).trim());
    await shot('officer-enrol');
  } else {
    await shot('officer-code');
  }
  // A code is accepted once: wait for the next time step if this one was used.
  let step = Math.floor(Date.now() / 30_000);
  while (step <= demoOfficer.lastStep) {
    await sleep(1000);
    step = Math.floor(Date.now() / 30_000);
  }
  demoOfficer.lastStep = step;
  await (await field(page, 'code')).fill(totpAt(demoOfficer.secret, step));
  await page.locator('main button[type=submit]').first().click();
  await page.waitForURL((u) => u.pathname === '/officer');
}

/**
 * An officer finds the applicant's notification in the queue, receives it (the notification receipt
 * number) and registers it complete; the applicant gets both mails and sees Completed in the list.
 */
export async function officerReceivesAndRegisters(j, email, reference) {
  const { page, shot, t } = j;
  const before = (await mailsTo(page, email)).length;
  await officerLogin(j);
  await shot('officer-queue');
  await (await field(page, 'related')).fill(reference);
  await page.locator('form.search-form button[type=submit]').click();
  await page.waitForURL('**/officer?**');
  const open = page.locator('table.data-table tbody a');
  assert.equal(await open.count(), 1, 'the queue search finds the filing');
  // The link is the first column, so it is in view on a phone too (the table scrolls inside its
  // box): a tap, like a desktop click.
  await open.click();
  await page.waitForURL('**/officer/applications/*');
  await shot('officer-filing');
  await page.locator('button[name=action][value=accept]').click();
  await page.waitForURL('**done=application_completed');
  await shot('officer-received');
  await page.locator('button[name=action][value=complete]').click();
  await page.waitForURL('**done=completed');
  await shot('officer-registered');
  await page.locator('form[action="/officer/logout"] button').click();
  await page.waitForURL('**/officer/logout');
  const mails = await waitForMails(page, email, before + 2);
  const number = mails.map((m) => m.text.match(/[本東札仙名大広高福]届\d{10}/)).find(Boolean);
  assert.ok(number, 'a mail gives the notification receipt number');
  await page.goto('/applications');
  const list = await page.locator('main').innerText();
  assert.ok(list.includes(number[0]), 'the list shows the receipt number');
  assert.ok(list.includes(t('status-completed')), 'the list shows Completed');
  await shot('applicant-sees-completed');
}

// Browser journey of the RASENS request for use with the My Number Card (SPEC §7.2): two tabs, as a
// person has them — the PC, signed in, showing "About the reading" and the QR codes, and a phone
// (a phone-sized context of its own, without the PC's cookies) where the development phone page
// plays the Mynaportal app with a test card made by `zairyu card new` in the server's data folder.
// The PC moves on by itself (its waiting screen polls); a wrong PIN on the phone is said there while
// the PC keeps waiting. Then the application screen with the four items "Basic 4 Info Read" (not
// editable), the user's own entries with Postal Code Address Search, confirmation, Apply, the
// completed screen and the mail. Once in English on a desktop, once in Japanese on a phone, each in
// its own colour scheme, with axe on every screen of both tabs (a11y.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  dataDir, field, h1, journey, login, newEmail, registerUser, sleep, useServer, waitForMails,
  withJourney, zairyu,
} from './lib.js';

// The development server checks the test cards against the revocation lists its development CA
// writes at start (X.509 CRLs, as in production); nothing is skipped.
useServer('identity');

const RFU = '/procedures/rasens-request-for-use';
const RUNS = [
  { lang: 'en', device: 'desktop', scheme: 'standard', card: 'e2e-en', name: 'LEE ANNA' },
  { lang: 'ja', device: 'phone', scheme: 'black', card: 'e2e-ja', name: 'NGUYEN MAI' },
];

// Made once, by the first journey (a file's own `before` hook may run before the server's).
let prepared = null;
const prepare = () => { prepared ??= makeCardsAndPostalCodes(); return prepared; };

async function makeCardsAndPostalCodes() {
  // One test card per run (PIN 1234, signature password ABC123), from the development CA the server
  // trusts, and the post code the journey searches.
  for (const run of RUNS) {
    await zairyu([
      'card', 'new', '--id', run.card, '--name', run.name, '--address', '東京都千代田区霞が関一丁目１番１号',
      '--date-of-birth', '19900415', '--sex', 'female',
    ]);
  }
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zairyu-e2e-postal-')), 'postal.csv');
  fs.writeFileSync(csv, 'postal_code,prefecture,city,town,prefecture_kana,city_kana,town_kana\n'
    + '1000013,東京都,千代田区,霞が関,トウキョウト,チヨダク,カスミガセキ\n');
  await zairyu(['postal', 'import', csv]);
  assert.ok(fs.existsSync(path.join(dataDir(), 'jpki-dev', 'cards', 'e2e-en.json')));
}

/** The phone: its own phone-sized context (no cookies of the PC), same language and scheme. */
async function phoneTab(run) {
  return journey(`identity-${run.lang}-phone-app`, 'phone', { lang: run.lang, scheme: run.scheme });
}

/** Closes the phone tab and fails on any script error or failed request it saw. */
async function closePhone(phone) {
  await phone.context.close();
  const problems = phone.problems.map((p) => (typeof p === 'function' ? p() : p)).filter(Boolean);
  assert.deepEqual(problems, [], 'no script errors or failed requests on the phone');
}

/** The development phone page of the code the PC shows: its link under the QR code. */
async function openOnPhone(pc, phone) {
  const href = await pc.page.locator('.dev-note a[href^="/dev/card/"]').getAttribute('href');
  assert.ok(href, 'the PC offers the development phone');
  await phone.page.goto(href);
  assert.equal(await h1(phone.page), phone.t('identity-dev-phone-title'));
  return href;
}

/** On the phone page: choose the card and enter the secret. */
async function answerOnPhone(phone, run, secret) {
  await phone.page.locator(`input[name=card][value="${run.card}"]`).check();
  await phone.page.locator('#secret').fill(secret);
  await phone.page.getByRole('button', { name: phone.t('identity-dev-next') }).click();
}

for (const run of RUNS) {
  test(`RASENS request for use with the My Number Card, PC and phone (${run.lang}, ${run.device}, ${run.scheme})`,
    { timeout: 240_000 }, () =>
      withJourney(`identity-${run.lang}-${run.device}`, run.device, async (pc) => {
        const { page, shot, t } = pc;
        await prepare();
        const email = newEmail(`identity-${run.lang}`);
        const loginId = await registerUser(page, { email, name: run.name });
        await login(page, loginId);

        // Explanation → Agree → the entry needs the card: "About the reading".
        await page.goto(RFU);
        await shot('explanation');
        await page.getByRole('link', { name: t('button-agree') }).click();
        await page.waitForURL(`**${RFU}/identity`);
        assert.equal(await h1(page), t('identity-about-title'));
        await shot('about-the-reading');
        await page.getByRole('button', { name: t('identity-proceed') }).click();

        // The first QR code: the user-authentication certificate.
        await page.waitForURL(`**${RFU}/identity/read`);
        assert.equal(await h1(page), t('identity-qr-auth-title'));
        assert.equal(await page.locator('figure.qr-code svg').count(), 1, 'a QR code');
        assert.ok((await page.locator('.waiting').innerText()).includes(t('identity-waiting-auth')));
        await shot('qr-user-authentication');

        const phone = await phoneTab(run);
        try {
          await openOnPhone(pc, phone);
          await phone.shot('pin');
          // A wrong PIN: said on the phone; the PC keeps waiting.
          await answerOnPhone(phone, run, '0000');
          const alert = phone.page.getByRole('alert');
          await alert.waitFor();
          assert.ok((await alert.innerText()).includes(t('identity-dev-wrong-pin').split('{')[0].trim()),
            `the wrong-PIN message: ${await alert.innerText()}`);
          assert.match(await alert.innerText(), /2/, 'the tries left are counted');
          await phone.shot('pin-wrong');
          await sleep(4500); // two polls of the waiting screen
          assert.equal(await h1(page), t('identity-qr-auth-title'), 'the PC still waits for the first reading');
          assert.ok(page.url().endsWith(`${RFU}/identity/read`));

          // The right PIN: "Login completed" on the phone; the PC shows the second code by itself.
          await answerOnPhone(phone, run, '1234');
          await phone.page.getByRole('status').filter({ hasText: t('identity-dev-login-completed') }).waitFor();
          await phone.shot('login-completed');
          await page.getByRole('heading', { level: 1, name: t('identity-qr-sign-title') }).waitFor({ timeout: 20_000 });
          assert.ok((await page.getByRole('alert').innerText()).includes(t('identity-auth-done')));
          assert.ok((await page.locator('.waiting').innerText()).includes(t('identity-waiting-sign')));
          await shot('qr-basic-4-information');

          // The signature reading on the phone; the PC moves on to the application screen.
          await openOnPhone(pc, phone);
          await phone.shot('signature-password');
          await answerOnPhone(phone, run, 'ABC123');
          await phone.page.getByRole('status').filter({ hasText: t('identity-dev-signature-completed') }).waitFor();
          await phone.shot('signature-completed');
        } finally {
          await closePhone(phone);
        }
        await page.waitForURL(`**${RFU}/entry`, { timeout: 20_000 });

        // The four items read from the card: marked, shown as text, no inputs.
        const marks = page.locator('.card-read-mark');
        assert.equal(await marks.count(), 4, 'four items marked "Basic 4 Info Read"');
        for (const m of await marks.allInnerTexts()) assert.equal(m.trim(), t('identity-basic4-read'));
        for (const name of ['name_en', 'sex', 'date_of_birth', 'card_address']) {
          assert.equal(await page.locator(`[name="${name}"]`).count(), 0, `${name} is not editable`);
        }
        const read = await page.locator('.card-read-value').allInnerTexts();
        assert.ok(read.some((v) => v.includes(run.name.split(' ')[0])), `the name from the card: ${read}`);
        assert.ok(read.some((v) => v.includes('東京都千代田区霞が関一丁目１番１号')), 'the address from the card');
        await shot('entry-basic-4-read');

        // The user's entries; the address from Postal Code Address Search.
        await (await field(page, 'residence_card_number')).fill('AB12345678CD');
        await (await field(page, 'telephone')).fill('0312345678');
        await (await field(page, 'postal_code')).fill('1000013');
        await page.getByRole('button', { name: t('postal-search') }).click();
        await page.waitForFunction(() => document.getElementById('f-address').value !== '');
        assert.equal(await (await field(page, 'address')).inputValue(), '東京都千代田区霞が関');
        await (await field(page, 'address')).fill('東京都千代田区霞が関１－１－１');
        await shot('entry-filled');
        await page.getByRole('button', { name: t('button-proceed-confirm') }).click();

        await page.waitForURL(`**${RFU}/confirm**`);
        const summary = await page.locator('main').innerText();
        for (const v of ['AB12345678CD', '0312345678', run.name.split(' ')[0]]) {
          assert.ok(summary.includes(v), `confirmation shows ${v}`);
        }
        await shot('confirm');
        await page.getByRole('button', { name: t('button-apply') }).click();
        await page.waitForURL(`**${RFU}/completed/**`);
        assert.equal(await h1(page), t('entry-completed-title'));
        assert.ok((await page.locator('main').innerText()).includes(t('identity-rasens-granted')));
        const reference = (await page.locator('.highlight-value').first().innerText()).trim();
        await shot('completed');

        // The mail (after the two of registration) carries the reference number.
        const mails = await waitForMails(page, email, 3);
        assert.ok(mails.some((m) => m.text.includes(reference)), 'a mail carries the reference number');
        await shot('mailbox');

        // My Page's user information: sex and date of birth in words, in this language.
        await page.goto('/mypage/user');
        const details = await page.locator('main').innerText();
        assert.ok(details.includes(t('user-sex-female')), 'sex in words');
        assert.ok(details.includes(run.lang === 'ja' ? '1990年4月15日' : '15 April 1990'), `date of birth as a date: ${details}`);
        await shot('user-information');
      }, { lang: run.lang, scheme: run.scheme }));
}

// Browser journeys of attachments (SPEC §9.3, §10.6, §10.7) on the demonstration procedure: the
// file inputs, Attach and Remove are buttons of the entry form, so the journey is the same with and
// without JavaScript. Files are made here: a PDF written out by hand, a 4:3 JPEG drawn by Chromium.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JOURNEY_TIMEOUT, field, h1, registerAndLogin, useServer, withJourney } from './lib.js';

useServer('attachments');

const ENTRY = '/procedures/demo-attachments/entry';

/** A one-page PDF 1.4 with a correct cross-reference table. */
function tinyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A JPEG of this size, drawn by the page's own canvas. */
async function jpeg(page, width, height) {
  const url = await page.evaluate(([w, h]) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const g = c.getContext('2d');
    g.fillStyle = '#8899aa';
    g.fillRect(0, 0, w, h);
    return c.toDataURL('image/jpeg', 0.8);
  }, [width, height]);
  return Buffer.from(url.split(',')[1], 'base64');
}

const slot = (page, legend) => page.locator('fieldset.file-slot').filter({ has: page.locator('legend', { hasText: legend }) });

test('attachments with JavaScript: attach, a refused file with its message, remove, confirm, apply, download', JOURNEY_TIMEOUT, () =>
  withJourney('attachments-desktop', 'desktop', async ({ page, shot }) => {
    await registerAndLogin(page, 'attach');
    await page.goto(ENTRY);
    assert.match(await h1(page), /\[Demo\]/, 'the demonstration says so');
    await (await field(page, 'name_en')).fill('ANNA LEE');
    const photo = await jpeg(page, 300, 400);

    // A JPEG into the documents slot: refused by its content, the name typed is kept.
    await page.locator('#f-documents').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: photo });
    await slot(page, 'Documents').getByRole('button', { name: 'Attach' }).click();
    await page.locator('#error-summary').waitFor();
    assert.match(await page.locator('#error-summary').innerText(), /scan\.pdf.*is a JPEG image, not a PDF file/s);
    assert.equal(await (await field(page, 'name_en')).inputValue(), 'ANNA LEE', 'nothing typed is lost');
    await shot('refused');

    // The photo and a document.
    await page.locator('#f-photo').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: photo });
    await slot(page, 'Facial photo').getByRole('button', { name: 'Attach' }).click();
    await page.waitForURL('**/entry?attached=1**');
    await page.locator('#f-documents').setInputFiles([
      { name: 'passport.pdf', mimeType: 'application/pdf', buffer: tinyPdf() },
      { name: 'extra.pdf', mimeType: 'application/pdf', buffer: tinyPdf() },
    ]);
    await slot(page, 'Documents').getByRole('button', { name: 'Attach' }).click();
    await page.waitForURL('**/entry?attached=1**');
    const docs = slot(page, 'Documents');
    assert.equal(await docs.locator('.file-list li').count(), 2);
    assert.equal(await page.locator('input[name="file:photo"]').count(), 0, 'the photo slot is full: no file input');
    await shot('attached');

    // Remove one, by its button's accessible name.
    await page.getByRole('button', { name: 'Remove extra.pdf' }).click();
    await page.waitForURL('**/entry?removed=1**');
    assert.equal(await docs.locator('.file-list li').count(), 1);
    assert.equal(await (await field(page, 'name_en')).inputValue(), 'ANNA LEE');

    await page.getByRole('button', { name: 'Proceed to Confirmation' }).click();
    await page.waitForURL('**/demo-attachments/confirm');
    const summary = await page.locator('main').innerText();
    assert.ok(summary.includes('me.jpg') && summary.includes('passport.pdf'), 'the confirmation lists the files');
    await shot('confirm');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL('**/demo-attachments/completed/**');

    await page.goto('/applications');
    await page.getByRole('link', { name: /Details/ }).first().click();
    const link = page.getByRole('link', { name: 'passport.pdf' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const r = await page.request.get(href);
    assert.equal(r.status(), 200);
    assert.equal(r.headers()['content-type'], 'application/pdf');
    assert.match(r.headers()['content-disposition'], /^attachment; filename="passport\.pdf"/);
    await shot('details');
  }));

test('attachments without JavaScript, on a phone: attach and remove post the form and keep it', JOURNEY_TIMEOUT, () =>
  withJourney('attachments-nojs', 'phone', async ({ page, shot }) => {
    await registerAndLogin(page, 'attach-nojs');
    await page.goto(ENTRY);
    await (await field(page, 'note')).fill('Kept across uploads');
    await page.locator('#f-documents').setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await slot(page, 'Documents').getByRole('button', { name: 'Attach' }).click();
    await page.waitForURL('**/entry?attached=1**');
    assert.equal(await (await field(page, 'note')).inputValue(), 'Kept across uploads');
    assert.ok((await slot(page, 'Documents').innerText()).includes('a.pdf'));
    await shot('attached');
    await page.getByRole('button', { name: 'Remove a.pdf' }).click();
    await page.waitForURL('**/entry?removed=1**');
    assert.equal(await slot(page, 'Documents').locator('.file-list li').count(), 0);
    assert.equal(await (await field(page, 'note')).inputValue(), 'Kept across uploads');
    await shot('removed');
  }, { javaScriptEnabled: false }));

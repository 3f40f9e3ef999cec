// Browser journeys of the back office's administration (issue 5, items 6 and 9): the demonstration
// administrator logs in with the initial password from the server log and a TOTP code computed here
// from the key the enrolment page shows, then the dashboard's server-drawn SVG charts are checked in
// the four colour schemes (bar and label contrast on their panel, no script errors or CSP
// violations), and a notice without English is refused with an error summary that keeps the text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { JOURNEY_TIMEOUT, field, h1, serverLog, sleep, useServer, withJourney } from './lib.js';

useServer('back-office');

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    assert.ok(v >= 0, `base32 character ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 with SHA-1, 30-second steps, six digits. */
function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = crypto.createHmac('sha1', secret).update(counter).digest();
  const o = mac[mac.length - 1] & 0x0f;
  const n = ((mac[o] & 0x7f) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

async function demoPassword() {
  for (let i = 0; i < 50; i += 1) {
    const m = serverLog().match(/initial_password["=:\s]+"?([A-Za-z0-9_-]{10,})/);
    if (m) return m[1];
    await sleep(100);
  }
  throw new Error('no demonstration officer password in the server log');
}

/** Relative luminance contrast of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (rgb) => {
    const [r, g, bl] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

test('the dashboard charts keep their contrast in all four colour schemes; a notice without English keeps what was typed', JOURNEY_TIMEOUT, () =>
  withJourney('back-office-admin', 'desktop', async ({ page, shot }) => {
    const password = await demoPassword();
    await page.goto('/officer/login');
    await (await field(page, 'login_id')).fill('demo-admin');
    await (await field(page, 'password')).fill(password);
    await page.locator('main button[type=submit]').first().click();
    await page.waitForURL('**/officer/second-factor');
    await shot('enrol');
    const secret = (await page.locator('.qr-figure code.secret').innerText()).trim();
    await (await field(page, 'code')).fill(totp(base32(secret)));
    await page.locator('main button[type=submit]').first().click();
    await page.waitForURL((u) => u.pathname === '/officer');

    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await page.waitForURL('**/officer/dashboard');
    assert.equal(await h1(page), 'Dashboard');
    const charts = page.locator('svg.chart[role=img]');
    assert.equal(await charts.count(), 2, 'per day and by status (no procedure chart without filings)');
    // The URL stays the same, so each change is awaited by the scheme the new page carries.
    const useScheme = async (scheme) => {
      await page.locator('.scheme-form').getByRole('button', { name: scheme }).click();
      await page.locator(`html[data-scheme="${scheme.toLowerCase()}"]`).waitFor({ state: 'attached' });
      await page.waitForLoadState('load');
    };
    for (const scheme of ['Blue', 'Yellow', 'Black', 'Standard']) {
      await useScheme(scheme);
      await shot(`dashboard-${scheme.toLowerCase()}`);
      const colours = await page.evaluate(() => {
        const panel = getComputedStyle(document.querySelector('#status-title').closest('.panel')).backgroundColor;
        const bar = getComputedStyle(document.querySelector('#chart-status-title').closest('svg').querySelector('.chart-bar')).fill;
        const label = getComputedStyle(document.querySelector('.chart-label')).fill;
        return { panel, bar, label };
      });
      assert.ok(contrast(colours.bar, colours.panel) >= 3, `${scheme}: bars ${colours.bar} on ${colours.panel}`);
      assert.ok(contrast(colours.label, colours.panel) >= 4.5, `${scheme}: labels ${colours.label} on ${colours.panel}`);
    }

    // A notice with Japanese only: the error summary names the English fields, the text stays.
    await page.goto('/officer/admin/notices/new');
    await (await field(page, 'title_ja')).fill('お知らせの件名');
    await (await field(page, 'body_ja')).fill('お知らせの本文');
    await page.locator('#f-publish-now').check();
    await page.getByRole('button', { name: 'Save the notice' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await shot('notice-refused');
    assert.equal(await summary.locator('a[href="#f-title_en"]').count(), 1);
    assert.equal(await page.locator('#f-title_ja').inputValue(), 'お知らせの件名');
    assert.equal(await page.locator('#f-body_ja').inputValue(), 'お知らせの本文');
  }));

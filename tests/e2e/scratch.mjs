import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;
const port = 18931;
const dataDir = fs.mkdtempSync('/tmp/zscratch-');
const proc = spawn('/work/target-a11y/debug/zairyu', ['serve', '--addr', `127.0.0.1:${port}`, '--data-dir', dataDir], { stdio: 'ignore', env: { ...process.env, ZAIRYU_POSTAL_AUTOLOAD: 'false' } });
const base = `http://127.0.0.1:${port}`;
for (;;) { try { const r = await fetch(base + '/healthz'); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const lang = process.argv[2] || 'en-US';
const ctx = await browser.newContext({ baseURL: base, locale: lang, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
const page = await ctx.newPage();
const tagsets = process.argv[3] === 'bp' ? ['best-practice'] : ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const seen = {};
async function axe(label) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  for (const s of ['standard', 'blue', 'yellow', 'black']) {
    await page.evaluate((s) => document.documentElement.setAttribute('data-scheme', s), s);
    const r = await page.evaluate((t) => window.axe.run(document, { runOnly: { type: 'tag', values: t } }), tagsets);
    if (label === "/" && s === "black") console.log("passes", r.passes.length, r.passes.map(p=>p.id).join(" "), "incomplete", r.incomplete.map(p=>p.id+":"+p.nodes.length).join(" "));
    for (const v of r.violations) {
      for (const n of v.nodes) {
        const k = `${v.id} ${n.target.join(' ')}`;
        (seen[k] ||= { help: v.help, where: new Set(), sum: n.failureSummary.split('\n').slice(0, 3).join(' | ') }).where.add(`${label}/${s}`);
      }
    }
  }
}
const pages = ['/', '/notices', '/register', '/register/email', '/login', '/forgot-user-id', '/forgot-password', '/procedures', '/procedures/ens-notification', '/procedures/ens-request-for-use', '/applications', '/dev/mailbox', '/nope'];
for (const p of pages) { await page.goto(p); await axe(p); }
// register + login
await page.goto('/register'); await page.locator('main button[type=submit]').last().click();
await page.waitForURL('**/register/email');
const email = `s${Date.now()}@example.jp`;
await page.fill('#f-email', email); await page.fill('#f-email_confirm', email);
await page.locator('button[value=submit]').click(); await page.waitForURL('**/sent');
let href; for (let i = 0; i < 60 && !href; i++) { await page.goto('/dev/mailbox'); const l = page.locator(`article.mail a[href*="/register/"]`); if (await l.count()) href = await l.first().getAttribute('href'); else await new Promise(r => setTimeout(r, 300)); }
await page.goto(href); console.log('HREF', href, page.url()); await page.screenshot({path:'/tmp/rd.png'}); await axe('register-details');
await page.locator('button[value=submit]').click(); await axe('register-details-errors');
await page.check('input[name=user_type][value=foreign_national]');
await page.fill('#f-name', 'ANNA LEE'); await page.fill('#f-telephone', '0312345678'); await page.fill('#f-password', 'Zairyu-Test-2026'); await page.fill('#f-password_confirm', 'Zairyu-Test-2026');
await page.locator('button[value=submit]').click(); await page.waitForURL('**/confirm'); await axe('register-confirm');
await page.locator('button[value=submit]').click(); await page.waitForSelector('.highlight-value'); await axe('register-done');
const id = (await page.locator('.highlight-value').innerText()).trim();
await page.goto('/login'); await page.fill('#f-login_id', id); await page.fill('#f-password', 'Zairyu-Test-2026'); await page.locator('main button[type=submit]').click(); await page.waitForURL('**/mypage');
for (const p of ['/mypage', '/mypage/user', '/mypage/user/email', '/mypage/user/password', '/mypage/user/edit', '/mypage/drafts', '/mypage/favorites', '/procedures/ens-request-for-use/entry', '/procedures/ens-notification', '/procedures/ens-notification/favorite', '/applications', '/logout']) { await page.goto(p); await axe(p); }
await page.goto('/procedures/ens-request-for-use/entry'); await page.locator('button[value=submit]').first().click(); await page.waitForLoadState(); await axe('rfu-errors');
for (const [k, v] of Object.entries(seen)) console.log(`${k}\n   ${v.help}\n   ${v.sum}\n   ${[...v.where].slice(0, 8).join(', ')}${v.where.size > 8 ? ` (+${v.where.size - 8})` : ''}`);
await browser.close(); proc.kill();

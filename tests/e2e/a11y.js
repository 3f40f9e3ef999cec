// axe-core in the journeys' pages: the WCAG 2.0, 2.1 and 2.2 A and AA rules (and axe's best
// practices), zero violations, in each of the four colour schemes.
//
// axe is read from node_modules (never fetched at run time) and evaluated through the DevTools
// protocol, which the page's Content-Security-Policy does not govern — a <script> tag would be
// refused by it, and the CSP stays as strict as in production for the rest of the page.
//
// One full run per screen in the scheme the journey uses; the three other schemes only change
// colours (app.css sets custom properties under [data-scheme]), so in those the colour rules run
// again after the page's <html data-scheme> is switched the way the server would render it, without
// a round trip. Every check is written to <repo>/target/e2e/axe/<journey>.json, with axe's
// "incomplete" (needs a person to review) results kept there for reading, not failing.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;

export const SCHEMES = ['standard', 'blue', 'yellow', 'black'];

// axe's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA. (axe has no rule tagged "wcag22a": the A
// criteria new in 2.2, 3.2.6 Consistent Help and 3.3.7 Redundant Entry, are not machine-checkable.)
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe's best practices too (one main landmark, all content in landmarks, one h1, headings in
// order, unique landmark names, …): not WCAG criteria by themselves, but what lets a screen-reader
// user find their way, and the pages meet them, so a regression fails here as well.
const TAGS = [...WCAG_TAGS, 'best-practice'];

// The rules whose outcome depends on colour alone: run again in every scheme.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// Deliberate exclusions: none. Should one ever be needed, name the rule here with the reason, and
// say it in docs/TESTING.md.
const EXCLUDED_RULES = [];

function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 6)
        .map((n) => `      ${n.target.join(' ')}\n        ${(n.failureSummary || '').replace(/\n/g, '\n        ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'})\n${nodes}`;
    })
    .join('\n');
}

async function ensureAxe(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object');
  if (!present) {
    await page.evaluate(axeSource);
  }
}

async function runAxe(page, ruleIds) {
  await ensureAxe(page);
  return page.evaluate(
    async ({ tags, ruleIds: ids, excluded }) => {
      const options = ids
        ? { runOnly: { type: 'rule', values: ids } }
        : { runOnly: { type: 'tag', values: tags } };
      options.resultTypes = ['violations', 'incomplete'];
      if (excluded.length) {
        options.rules = Object.fromEntries(excluded.map((id) => [id, { enabled: false }]));
      }
      const r = await window.axe.run(document, options);
      const slim = (list) => list.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300), failureSummary: n.failureSummary })),
      }));
      return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
    },
    { tags: TAGS, ruleIds: ruleIds || null, excluded: EXCLUDED_RULES },
  );
}

/**
 * A checker for one journey: `check(page, label)` runs axe on the page as it is now (an open dialog
 * included) in every scheme, records the outcome, and fails with the violations listed.
 */
export function axeChecker(journeyName, shotsRoot) {
  const dir = path.join(shotsRoot, 'axe');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${journeyName}.json`);
  const log = [];
  const save = () => fs.writeFileSync(file, JSON.stringify(log, null, 1));
  save();

  return async function check(page, label) {
    const started = Date.now();
    const original = await page.evaluate(() => document.documentElement.getAttribute('data-scheme'));
    const url = new URL(page.url()).pathname;
    const failures = [];
    const full = await runAxe(page, null);
    log.push({ label, url, scheme: original, rules: 'all', ...full });
    if (full.violations.length) failures.push(`in the ${original} scheme:\n${describe(full.violations)}`);
    if (original) {
      for (const scheme of SCHEMES.filter((s) => s !== original)) {
        await page.evaluate((s) => document.documentElement.setAttribute('data-scheme', s), scheme);
        const r = await runAxe(page, COLOUR_RULES);
        log.push({ label, url, scheme, rules: 'colour', ...r });
        if (r.violations.length) failures.push(`in the ${scheme} scheme:\n${describe(r.violations)}`);
      }
      await page.evaluate((s) => document.documentElement.setAttribute('data-scheme', s), original);
    }
    log[log.length - 1].ms = Date.now() - started;
    save();
    assert.equal(failures.length, 0, `axe found WCAG A/AA violations on "${label}" (${url}):\n${failures.join('\n')}`);
  };
}

// Reads the axe records the journeys left in <repo>/target/e2e/axe/ (a11y.js) and prints how many
// screens were checked, in which schemes and languages, and every violation; exits 1 when there is
// a violation or no record at all. .ci/run calls it after `npm test`.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const dir = path.join(repo, 'target', 'e2e', 'axe');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let checks = 0;
let screens = 0;
const schemes = new Set();
const pages = new Set();
const violations = [];
for (const f of files) {
  // The self-test's records hold violations on purpose (it proves the checker fails).
  if (f === 'axe-self-test.json') continue;
  for (const r of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) {
    checks += 1;
    if (r.rules === 'all') screens += 1;
    schemes.add(r.scheme);
    pages.add(r.url.replace(/\/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$|\/(register|password-reset)\/[^/]+$/, '/…'));
    for (const v of r.violations) violations.push(`${f} "${r.label}" ${r.url} [${r.scheme}] ${v.id}: ${v.help}`);
  }
}
console.log(`axe: ${files.length} journeys, ${screens} screens (${pages.size} distinct pages) checked in full, ${checks} runs in the schemes ${[...schemes].sort().join(', ')}`);
if (violations.length) {
  console.log(violations.join('\n'));
  console.log(`axe: ${violations.length} violations`);
  process.exit(1);
}
if (!screens) {
  console.log('no axe records: the journeys checked nothing');
  process.exit(1);
}
console.log('axe: no violations');

// The UI texts of locales/<lang>/*.ftl, so a journey finds a button by the name a user reads in
// either language ("Agree" / "同意する") instead of by markup alone. Only what the journeys need of
// Fluent is read: `key = value` with its indented continuation lines; attributes (`.attr`) and
// comments are skipped. A message with placeables ({ $x }) is returned as written.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');
const cache = new Map();

function load(lang) {
  const dir = path.join(localesDir, lang);
  const messages = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ftl')).sort()) {
    let current = null;
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const m = /^([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s?(.*)$/.exec(line);
      if (m) {
        current = m[1];
        messages.set(current, m[2].trim());
      } else if (current && /^\s+\S/.test(line) && !/^\s+\./.test(line)) {
        const prev = messages.get(current);
        messages.set(current, prev ? `${prev}\n${line.trim()}` : line.trim());
      } else if (!/^\s/.test(line)) {
        current = null;
      }
    }
  }
  return messages;
}

/** `t(key)` for one language ('en', 'ja', …); an unknown key is an error, never a guess. */
export function texts(lang) {
  if (!cache.has(lang)) cache.set(lang, load(lang));
  const messages = cache.get(lang);
  const t = (key) => {
    if (!messages.has(key)) throw new Error(`no message ${key} in locales/${lang}`);
    return messages.get(key);
  };
  t.lang = lang;
  return t;
}

/** The texts of the language the page is shown in (its <html lang>). */
export async function pageTexts(page) {
  return texts(await page.evaluate(() => document.documentElement.lang || 'en'));
}

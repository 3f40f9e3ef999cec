// Browser journeys of the Electronic Notification System (SPEC §5–§9): the request for use, the
// notification relating to the institution or spouse with Save Data / Load Data and Auto-Fill, the
// application list and details, and My Page — once in English on a desktop and once in Japanese on
// a phone, each in a different colour scheme, with axe on every screen in all four (a11y.js).
// The steps are in steps.js; the helpers in lib.js.

import { test } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerUser, login, newEmail, useServer, withJourney } from './lib.js';
import {
  applicationList, myPageTour, notificationWithAutoFill, notificationWithSaveAndLoad, requestForUse,
} from './steps.js';

useServer('ens');

const RUNS = [
  { lang: 'en', device: 'desktop', scheme: 'standard' },
  { lang: 'ja', device: 'phone', scheme: 'yellow' },
];

for (const run of RUNS) {
  test(`ENS: request for use, notification with Save/Load and Auto-Fill, list (${run.lang}, ${run.device}, ${run.scheme})`,
    { timeout: 240_000 }, () =>
      withJourney(`ens-${run.lang}-${run.device}`, run.device, async (j) => {
        const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zairyu-e2e-save-'));
        try {
          const email = newEmail(`ens-${run.lang}`);
          const loginId = await registerUser(j.page, { email, name: 'ANNA LEE' });
          await login(j.page, loginId);
          const request = await requestForUse(j, email);
          const first = await notificationWithSaveAndLoad(j, email, saveDir);
          const second = await notificationWithAutoFill(j, first);
          // The back office's part goes here when it lands: an officer accepts `first` and
          // registers it complete, then the list below expects Completed and its mail.
          await applicationList(j, [first, second, request]);
          await myPageTour(j);
        } finally {
          fs.rmSync(saveDir, { recursive: true, force: true });
        }
      }, { lang: run.lang, scheme: run.scheme }));
}


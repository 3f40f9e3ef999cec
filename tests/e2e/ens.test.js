// Browser journeys of the Electronic Notification System (SPEC §5–§9): the request for use, the
// notification relating to the institution or spouse with Save Data / Load Data and Auto-Fill, the
// application list and details, and My Page — in the four runs of journeyRuns() (both languages,
// desktop and phone, each colour scheme once), with axe on every screen in all four (a11y.js).
// The steps are in steps.js; the helpers in lib.js.

import { test } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  journeyRuns, login, newEmail, registerUser, runName, useServer, withJourney,
} from './lib.js';
import {
  applicationList, myPageTour, officerReceivesAndRegisters, notificationWithAutoFill, notificationWithSaveAndLoad, requestForUse,
} from './steps.js';

useServer('ens');

for (const run of journeyRuns()) {
  test(`ENS: request for use, notification with Save/Load and Auto-Fill, list (${run.lang}, ${run.device}, ${run.scheme})`,
    { timeout: 240_000 }, () =>
      withJourney(`ens-${runName(run)}`, run.device, async (j) => {
        const saveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zairyu-e2e-save-'));
        try {
          const email = newEmail(`ens-${run.lang}`);
          const loginId = await registerUser(j.page, { email, name: 'ANNA LEE' });
          await login(j.page, loginId);
          const request = await requestForUse(j, email);
          const first = await notificationWithSaveAndLoad(j, email, saveDir);
          const second = await notificationWithAutoFill(j, first);
          // The back office: an officer receives `first` and registers it complete; the applicant
          // gets both mails and sees Completed.
          await officerReceivesAndRegisters(j, email, first);
          await applicationList(j, [first, second, request]);
          await myPageTour(j);
        } finally {
          fs.rmSync(saveDir, { recursive: true, force: true });
        }
      }, { lang: run.lang, scheme: run.scheme }));
}


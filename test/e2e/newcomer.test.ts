import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { totpCode, totpStep } from '../../src/platform/auth/totp.js';
import { CheckedContext, launchBrowser, startServer, type RunningServer } from './support.js';
import { runTeamSteps } from './team-steps.js';

const databases: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const PASSWORD = 'een lange zin als wachtwoord';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const database of databases) {
  describe(`a newcomer gets from a fresh installation to a team of two (${database})`, () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer(database);
    });
    after(async () => {
      await server?.stop();
    });

    test('the administrator claims the installation, a second person registers and verifies through the outbox, they form a team', async () => {
      const admin = await CheckedContext.create(browser);
      const anna = await CheckedContext.create(browser);
      try {
        const a = admin.page;
        const setupCode = /Installatiecode voor de eerste beheerder: (\S+)/.exec(server.output())?.[1];
        assert.ok(setupCode, 'the server printed a setup code');

        // The administrator claims the installation with the printed code.
        await a.goto(`${server.baseUrl}/`);
        await admin.axe();
        await a.goto(`${server.baseUrl}/installatie`);
        await admin.axe();
        await a.getByRole('button', { name: 'Beheerder maken' }).click();
        await a.getByRole('heading', { name: /Er gaat iets mis/ }).waitFor();
        await admin.axe();
        await a.getByLabel('Installatiecode').fill(setupCode);
        await a.getByLabel('Je naam').fill('Bram Beheer');
        await a.getByLabel('E-mailadres').fill('bram@example.org');
        await a.getByLabel('Wachtwoord').fill(PASSWORD);
        await a.getByRole('button', { name: 'Beheerder maken' }).click();

        // Two-factor authentication is required before anything else.
        await a.getByRole('heading', { name: 'Tweestapsverificatie' }).waitFor();
        await admin.axe();
        await a.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
        await a.getByRole('img', { name: /QR-code/ }).waitFor();
        await admin.axe();
        const secret = (await a.getByTestId('totp-secret').textContent())?.trim() ?? '';
        await a.getByLabel('Code uit je app').fill(totpCode(secret, totpStep(new Date())));
        await a.getByRole('button', { name: 'Aanzetten' }).click();
        await a.getByRole('heading', { name: 'Bewaar je herstelcodes' }).waitFor();
        assert.equal(await a.getByTestId('recovery-codes').locator('li').count(), 10);
        await admin.axe();

        // A second person registers.
        const b = anna.page;
        await b.goto(`${server.baseUrl}/account/registreren`);
        await anna.axe();
        await b.getByLabel('Je naam').fill('Anna Jansen');
        await b.getByRole('radio', { name: 'Professional' }).check();
        await b.getByLabel(/Je beroep/).selectOption({ label: 'Jobcoach' });
        await b.getByLabel(/Je regio/).selectOption({ label: 'Zeeland' });
        await b.getByLabel('E-mailadres').fill('anna@example.org');
        await b.getByLabel('Wachtwoord').fill('wachtwoord123');
        await b.getByRole('button', { name: 'Account maken' }).click();
        // A weak password comes back at its field, with everything else kept.
        await b.getByText('Dit wachtwoord wordt heel vaak gebruikt', { exact: false }).first().waitFor();
        assert.equal(await b.getByLabel('Je naam').inputValue(), 'Anna Jansen');
        await anna.axe();
        await b.getByLabel('Wachtwoord').fill(PASSWORD);
        await b.getByRole('button', { name: 'Account maken' }).click();
        await b.getByRole('heading', { name: 'Kijk in je mailbox' }).waitFor();
        await anna.axe();

        // Without SMTP the mail waits in the outbox; the administrator reads it there.
        await a.goto(`${server.baseUrl}/beheer/postvak`);
        await admin.axe();
        await a.getByRole('link', { name: /Bevestig je e-mailadres/ }).first().click();
        await admin.axe();
        const verifyLink = await a.getByRole('link', { name: /\/account\/bevestigen\?token=/ }).getAttribute('href');
        assert.ok(verifyLink);

        await b.goto(verifyLink);
        await anna.axe();
        await b.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
        await b.getByText('Je e-mailadres is bevestigd').waitFor();
        await anna.axe();
        await b.getByLabel('E-mailadres').fill('anna@example.org');
        await b.getByLabel('Wachtwoord').fill(PASSWORD);
        await b.getByRole('button', { name: 'Inloggen' }).click();
        await b.getByText('Ingelogd als Anna Jansen').waitFor();
        await anna.axe();

        await runTeamSteps(server, admin, anna);

        await anna.screenshot(`team-${database}`);
        assert.deepEqual(admin.problems, []);
        assert.deepEqual(anna.problems, []);
      } finally {
        await admin.close();
        await anna.close();
      }
    });

    test('keyboard only: the skip link comes first and leads to the content', async () => {
      const visitor = await CheckedContext.create(browser);
      try {
        const p = visitor.page;
        await p.goto(`${server.baseUrl}/regios`);
        await p.keyboard.press('Tab');
        const focused = await p.evaluate(() => document.activeElement?.textContent ?? '');
        assert.equal(focused.trim(), 'Ga direct naar de inhoud');
        await p.keyboard.press('Enter');
        assert.equal(await p.evaluate(() => document.activeElement?.id), 'inhoud');
        await visitor.axe();
        await p.goto(`${server.baseUrl}/toegankelijkheid`);
        await visitor.axe();
        await p.getByRole('button', { name: 'English' }).click();
        await p.getByRole('heading', { name: 'Accessibility' }).waitFor();
        await visitor.axe();
        await p.goto(`${server.baseUrl}/bestaat-niet`);
        await p.getByRole('heading', { name: 'Page not found' }).waitFor();
        await visitor.axe();
        assert.deepEqual(visitor.problems, []);
      } finally {
        await visitor.close();
      }
    });
  });
}

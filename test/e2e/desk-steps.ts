import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { totpCode, totpStep } from '../../src/platform/auth/totp.js';
import type { RunningServer } from './support.js';
import { PASSWORD, type Tab } from './workbook-steps.js';

// Steps of the regional desk's browser test that are not about the desk itself: claiming the installation,
// two-factor authentication, and the small social map the coordinator pastes in.

export const main = (page: Page): Locator => page.getByRole('main');

/** The desk's own navigation (Overzicht, Sociale kaart, …). */
export const deskNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Onderdelen van het loket' });

/** Switches two-factor authentication on from the account page, with a code computed from the secret shown. */
export async function switchOnTwoFactor(server: RunningServer, tab: Tab): Promise<void> {
  const p = tab.page;
  await tab.goto(`${server.baseUrl}/account/tweestapsverificatie`, 'Tweestapsverificatie');
  await tab.click(p.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }), 'Tweestapsverificatie');
  const secret = (await p.getByTestId('totp-secret').innerText()).trim();
  assert.ok(secret, 'the secret is shown');
  await p.getByRole('textbox', { name: 'Code uit je app', exact: true }).fill(totpCode(secret, totpStep(new Date())));
  await tab.click(p.getByRole('button', { name: 'Aanzetten', exact: true }), 'Bewaar je herstelcodes');
}

/** The first administrator claims the fresh installation with the code the server printed, then switches on 2FA. */
export async function claimInstallation(server: RunningServer, tab: Tab, admin: { name: string; email: string }): Promise<void> {
  const setupCode = /Installatiecode voor de eerste beheerder: (\S+)/.exec(server.output())?.[1];
  assert.ok(setupCode, 'the server printed a setup code');
  const p = tab.page;
  await tab.goto(`${server.baseUrl}/installatie`, 'De Werkplaats installeren');
  await p.getByLabel('Installatiecode').fill(setupCode);
  await p.getByLabel('Je naam').fill(admin.name);
  await p.getByLabel('E-mailadres').fill(admin.email);
  await p.getByLabel('Wachtwoord').fill(PASSWORD);
  await tab.click(p.getByRole('button', { name: 'Beheerder maken' }), 'Tweestapsverificatie');
  await switchOnTwoFactor(server, tab);
}

export const WERKPLEIN = { id: 'e2e-werkplein-zeeland', name: 'Werkplein Zeeland', service: 'Werkfit', serviceId: 'e2e-werkplein-werkfit' } as const;
export const GGZ = { id: 'e2e-ggz-zeeland-test', name: 'GGZ Zeeland test', service: 'Herstelwerkplaats', serviceId: 'e2e-ggz-herstelwerkplaats' } as const;

/** A small, clearly fictional social map in Open Referral HSDS 3.0, as a coordinator would paste it. */
export function smallSocialMap(): string {
  const document = {
    organizations: [
      {
        id: WERKPLEIN.id,
        name: WERKPLEIN.name,
        description: 'Testorganisatie: de gemeenten in Zeeland helpen samen bij werk en inkomen.',
        email: 'info@werkplein-zeeland.example',
        website: 'https://werkplein-zeeland.example',
        x_organisation_kind: 'gemeente',
        phones: [{ id: 'e2e-werkplein-tel', number: '0118 000 111' }],
        locations: [
          {
            id: 'e2e-werkplein-goes',
            location_type: 'physical',
            name: 'Werkplein Goes',
            addresses: [{ id: 'e2e-werkplein-adres', address_1: 'Voorbeeldstraat 1', city: 'Goes', postal_code: '4461 AA', country: 'NL', address_type: 'physical' }],
            schedules: [{ id: 'e2e-werkplein-open', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '16:00' }],
          },
        ],
        services: [
          {
            id: WERKPLEIN.serviceId,
            name: WERKPLEIN.service,
            description: 'Een coach helpt je stap voor stap weer aan het werk, in je eigen tempo.',
            eligibility_description: 'Inwoners van Zeeland die willen werken.',
            application_process: 'Bel of loop binnen op het Werkplein.',
            fees_description: 'Gratis',
            status: 'active',
            service_at_locations: [{ id: 'e2e-werkplein-werkfit-goes', location_id: 'e2e-werkplein-goes' }],
          },
        ],
      },
      {
        id: GGZ.id,
        name: GGZ.name,
        description: 'Testorganisatie: zorg en steun bij psychische klachten, ook als het om werk gaat.',
        x_organisation_kind: 'ggz',
        services: [
          {
            id: GGZ.serviceId,
            name: GGZ.service,
            description: 'Samen met anderen oefenen met werken, met begeleiding.',
            status: 'active',
          },
        ],
      },
    ],
  };
  return JSON.stringify(document, null, 2);
}

import assert from 'node:assert/strict';
import type { CheckedContext, RunningServer } from './support.js';

/** Anna (logged in) creates a team and invites the administrator by e-mail; he reads the mail in the outbox and joins. */
export async function runTeamSteps(server: RunningServer, admin: CheckedContext, anna: CheckedContext): Promise<void> {
  const b = anna.page;
  await b.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Teams' }).click();
  await b.getByRole('heading', { name: 'Teams', exact: true }).waitFor();
  await anna.axe();
  await b.getByRole('link', { name: 'Nieuw team maken' }).click();
  await anna.axe();
  await b.getByLabel('Naam van het team').fill('Netwerk Werk en Herstel Zeeland');
  await b.getByLabel('Regio').selectOption({ label: 'Zeeland' });
  await b.getByLabel('Doel van het team').fill('Samen zorgen dat meer mensen met een psychische kwetsbaarheid in Zeeland betaald werk vinden en houden.');
  await b.getByRole('button', { name: 'Team maken' }).click();
  await b.getByRole('heading', { name: 'Netwerk Werk en Herstel Zeeland' }).waitFor();
  await anna.axe();

  await b.getByRole('textbox', { name: 'E-mailadres' }).fill('bram@example.org');
  await b.getByRole('group', { name: 'Als wat doet deze persoon mee?' }).getByRole('radio', { name: 'Lid' }).check();
  await b.getByRole('button', { name: 'Stuur uitnodiging' }).click();
  await b.getByText('De uitnodiging is verstuurd.').waitFor();
  await anna.axe();

  const a = admin.page;
  await a.goto(`${server.baseUrl}/beheer/postvak`);
  await a.getByRole('link', { name: /Uitnodiging voor het team/ }).first().click();
  const invitation = await a.getByRole('link', { name: /\/teams\/uitnodiging\// }).getAttribute('href');
  assert.ok(invitation);
  await a.goto(invitation);
  await admin.axe();
  await a.getByRole('button', { name: 'Ja, ik doe mee' }).click();
  await a.getByRole('heading', { name: 'Netwerk Werk en Herstel Zeeland' }).waitFor();
  await admin.axe();

  // Both see the team with both members, their profile type and profession.
  for (const page of [a, b]) {
    await page.goto(page.url().includes('/teams/') ? page.url() : `${server.baseUrl}/teams`);
    const members = page.getByRole('table', { name: 'Leden van dit team' });
    await members.waitFor();
    const rows = members.getByRole('row');
    assert.equal(await rows.count(), 3, 'a header row and two members');
    const text = await members.innerText();
    assert.match(text, /Anna Jansen/);
    assert.match(text, /Bram Beheer/);
    assert.match(text, /Jobcoach/);
    assert.match(text, /Begeleider/);
  }
  await anna.axe();
}

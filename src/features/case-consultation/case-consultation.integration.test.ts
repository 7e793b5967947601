import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertValidHtml } from '../../testing/html-validation.js';
import { enableTwoFactor, registeredPerson, type Person } from '../../testing/scenario.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';

const CASE = {
  title: 'Man van 50, wil als ervaringsdeskundige werken',
  age: '50 jaar',
  gender: 'man',
  nationality: 'Nederlands',
  livingSituation: 'zelfstandig met ambulante begeleiding',
  income: 'WIA',
  diagnosis: 'niet-aangeboren hersenletsel',
  workHistory: 'Fabrieken, binnenvaart, leerwerkbedrijven.',
  distanceToLabourMarket: 'Groot.',
  organisations: 'Ambulante begeleiding',
  treatment: 'EMDR, PMT',
  particulars: 'Wil graag zelfstandig werken.',
  question: 'Welke mogelijkheden zijn er voor betaald werk?',
};

async function teamWithMembers(t: TestApp): Promise<{ teamId: string; facilitator: Person; member: Person; outsider: Person }> {
  const facilitator = await registeredPerson(t, { name: 'Fleur Voorzitter', professionSlug: 'arbeidsdeskundige' });
  const member = await registeredPerson(t, { name: 'Mo Lid', profileType: 'ervaringsdeskundige' });
  const outsider = await registeredPerson(t, { name: 'Otto Buiten' });
  const created = await facilitator.client.post('/teams/nieuw', { name: 'Expertteam Zeeland', regionSlug: 'zeeland', purpose: 'GGZ en arbeid in Zeeland' });
  assert.equal(created.status, 303, created.body.slice(0, 500));
  const teamId = /^\/teams\/([^/]+)$/.exec(created.location ?? '')?.[1];
  assert.ok(teamId);
  await t.deps.db.kysely.insertInto('team_members').values({ team_id: teamId, user_id: member.id, role: 'member', joined_at: new Date().toISOString() }).execute();
  return { teamId, facilitator, member, outsider };
}

for (const kind of testDatabaseKinds()) {
  describe(`case consultation (${kind.name})`, () => {
    test('switching on needs the facilitator with two-factor authentication; members without it are told why', async (ctx) => {
      const t = await testApp(ctx, kind);
      const { teamId, facilitator, member, outsider } = await teamWithMembers(t);
      const home = `/casusoverleg/teams/${teamId}`;
      const before = await facilitator.client.get(home);
      assert.equal(before.status, 200);
      assert.match(before.body, /Zet eerst tweestapsverificatie aan/);
      await assertValidHtml(before.body);
      const refused = await facilitator.client.post(`${home}/aanzetten`, { theme: 'GGZ en arbeid' });
      assert.equal(refused.status, 303);
      assert.equal(refused.location, home);
      assert.equal(await t.deps.db.kysely.selectFrom('case_consultations').select('team_id').executeTakeFirst(), undefined);

      await enableTwoFactor(t, facilitator);
      const form = await facilitator.client.get(home);
      assert.match(form.body, /Casusoverleg aanzetten/);
      assert.match(form.body, /value="GGZ en arbeid in Zeeland"/);
      await assertValidHtml(form.body);
      const empty = await facilitator.client.post(`${home}/aanzetten`, { theme: '  ' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /Schrijf het thema of doel op\./);
      const on = await facilitator.client.post(`${home}/aanzetten`, { theme: 'GGZ en arbeid in Zeeland' });
      assert.equal(on.status, 303);

      // A member without two-factor authentication sees neither case titles nor the intake form.
      const memberHome = await member.client.get(home);
      assert.match(memberHome.body, /Zet eerst tweestapsverificatie aan/);
      const intake = await member.client.get(`${home}/casussen/nieuw`);
      assert.equal(intake.status, 303);
      assert.equal(intake.location, home);

      assert.equal((await outsider.client.get(home)).status, 403);
      assert.equal((await outsider.client.get(`${home}/casussen/nieuw`)).status, 403);
      await enableTwoFactor(t, outsider);
      assert.equal((await outsider.client.get(`${home}/casussen/nieuw`)).status, 403);
      assert.equal((await t.client().get(`${home}/casussen/nieuw`)).status, 303);
    });

    test('intake warns about identifying data until the bringer edits or confirms; every opening is logged for the facilitator', async (ctx) => {
      const t = await testApp(ctx, kind);
      const { teamId, facilitator, member } = await teamWithMembers(t);
      const home = `/casusoverleg/teams/${teamId}`;
      await enableTwoFactor(t, facilitator);
      await facilitator.client.post(`${home}/aanzetten`, { theme: 'GGZ en arbeid in Zeeland' });
      await enableTwoFactor(t, member);

      const missing = await member.client.post(`${home}/casussen`, { ...CASE, title: '', question: '' });
      assert.equal(missing.status, 422);
      assert.match(missing.body, /Geef de casus een titel\./);
      assert.match(missing.body, /Schrijf de vraag aan het team op\./);
      assert.match(missing.body, /Fabrieken, binnenvaart, leerwerkbedrijven\./);
      const tooLong = await member.client.post(`${home}/casussen`, { ...CASE, particulars: 'x'.repeat(4001) });
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.body, /Gebruik hoogstens 4\.000 tekens\./);

      const identifying = { ...CASE, particulars: 'Naam: Jan de Vries, BSN 111222333, bereikbaar op 06-12345678.' };
      const warned = await member.client.post(`${home}/casussen`, identifying);
      assert.equal(warned.status, 422);
      assert.match(warned.body, /Controleer of de persoon herkenbaar is/);
      assert.match(warned.body, /een burgerservicenummer/);
      assert.match(warned.body, /een telefoonnummer/);
      assert.match(warned.body, /een naam/);
      assert.match(warned.body, /Naam: Jan de Vries, BSN 111222333/);
      await assertValidHtml(warned.body);
      const stillUnconfirmed = await member.client.post(`${home}/casussen`, { ...identifying, warned: 'ja' });
      assert.equal(stillUnconfirmed.status, 422);
      assert.match(stillUnconfirmed.body, /vink aan dat je hem hebt nagekeken/);
      assert.equal(await t.deps.db.kysely.selectFrom('cases').select('id').executeTakeFirst(), undefined);

      // Edited to a placeholder, the same text passes without confirmation.
      const saved = await member.client.post(`${home}/casussen`, { ...CASE, particulars: 'Naam: X. Wil graag zelfstandig werken.' });
      assert.equal(saved.status, 303, saved.body.slice(0, 2000));
      const casePath = saved.location ?? '';
      const page = await member.client.get(casePath);
      assert.equal(page.status, 200);
      assert.match(page.body, /Casus 1: Man van 50/);
      assert.match(page.body, /Ingebracht door Mo Lid/);
      await assertValidHtml(page.body);

      const confirmed = await member.client.post(`${home}/casussen`, { ...identifying, title: 'Tweede casus', warned: 'ja', confirmIdentifying: 'ja' });
      assert.equal(confirmed.status, 303);
      const second = await t.deps.db.kysely.selectFrom('cases').selectAll().where('number', '=', 2).executeTakeFirstOrThrow();
      assert.ok(second.identifying_confirmed_at);

      // Only the facilitator reads the access log; it names who opened which case and how.
      assert.equal((await member.client.get(`${home}/toegangslog`)).status, 403);
      await facilitator.client.get(casePath);
      const log = await facilitator.client.get(`${home}/toegangslog`);
      assert.equal(log.status, 200);
      await assertValidHtml(log.body);
      assert.match(log.body, /Fleur Voorzitter<\/td><td>Casus 1: Man van 50, wil als ervaringsdeskundige werken<\/td><td>bekeken/);
      assert.match(log.body, /Mo Lid<\/td><td>Casus 1: Man van 50, wil als ervaringsdeskundige werken<\/td><td>bekeken/);
      const rows = await t.deps.db.kysely.selectFrom('case_access_log').select(['user_id', 'action']).execute();
      assert.ok(rows.filter((r) => r.action === 'bekeken').length >= 2);
    });

    test('editing keeps the other person’s change: a stale form gets a conflict with the typed text; removal ends access at once', async (ctx) => {
      const t = await testApp(ctx, kind);
      const { teamId, facilitator, member } = await teamWithMembers(t);
      const home = `/casusoverleg/teams/${teamId}`;
      await enableTwoFactor(t, facilitator);
      await facilitator.client.post(`${home}/aanzetten`, { theme: 'GGZ en arbeid' });
      await enableTwoFactor(t, member);
      const saved = await member.client.post(`${home}/casussen`, CASE);
      const casePath = saved.location ?? '';
      const edit = await member.client.get(`${casePath}/bewerken`);
      assert.equal(edit.status, 200);
      await assertValidHtml(edit.body);
      assert.match(edit.body, /name="version" value="1"/);

      const first = await facilitator.client.post(casePath, { ...CASE, version: '1', question: 'Wat is nodig om werk te houden?' });
      assert.equal(first.status, 303);
      const stale = await member.client.post(casePath, { ...CASE, version: '1', particulars: 'Mijn aanvulling' });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /Iemand anders heeft deze casus aangepast/);
      assert.match(stale.body, /Mijn aanvulling/);
      assert.match(stale.body, /name="version" value="2"/);
      const stored = await t.deps.db.kysely.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
      assert.equal(stored.question, 'Wat is nodig om werk te houden?');
      const retried = await member.client.post(casePath, { ...CASE, version: '2', question: stored.question, particulars: 'Mijn aanvulling' });
      assert.equal(retried.status, 303);

      await t.deps.db.kysely.deleteFrom('team_members').where('user_id', '=', member.id).execute();
      assert.equal((await member.client.get(casePath)).status, 403);

      const confirm = await facilitator.client.get(`${casePath}/verwijderen`);
      assert.match(confirm.body, /Casus 1 verwijderen\?/);
      const removed = await facilitator.client.post(`${casePath}/verwijderen`);
      assert.equal(removed.status, 303);
      assert.equal((await facilitator.client.get(casePath)).status, 404);
      const log = await t.deps.db.kysely.selectFrom('case_access_log').select(['action', 'case_label']).where('action', '=', 'verwijderd').execute();
      assert.equal(log.length, 1);
      assert.match(log[0]?.case_label ?? '', /^Casus 1: /);
    });
  });
}

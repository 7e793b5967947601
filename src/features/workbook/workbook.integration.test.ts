import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { registeredPerson, type Person } from '../../testing/scenario.js';
import type { Response } from '../../testing/test-client.js';
import { assertValidHtml as validHtml } from '../../testing/html-validation.js';

async function assertValidHtml(res: Response): Promise<void> {
  await validHtml(res.body);
}

async function createWorkspace(person: Person, fields: Record<string, string>): Promise<string> {
  await person.client.get('/werkboek/nieuw');
  const res = await person.client.post('/werkboek/nieuw', fields);
  assert.equal(res.status, 303, res.body.slice(0, 2000));
  const id = /^\/werkboek\/([0-9a-f-]{36})\/stap\/verdiepen$/.exec(res.location ?? '')?.[1];
  assert.ok(id, `unexpected location ${res.location}`);
  return id;
}

/** A together workspace of a professional with a person who accepted the invitation. */
async function togetherWorkspace(t: TestApp): Promise<{ id: string; professional: Person; person: Person }> {
  const professional = await registeredPerson(t, { name: 'Pien Professional', professionSlug: 'jobcoach' });
  const person = await registeredPerson(t, { name: 'Eva Ervaring', profileType: 'ervaringsdeskundige' });
  const id = await createWorkspace(professional, { kind: 'together', name: 'Samen naar werk' });
  await professional.client.get(`/werkboek/${id}`);
  const invited = await professional.client.post(`/werkboek/${id}/uitnodigen`, { email: person.email.toUpperCase() });
  assert.equal(invited.status, 303, invited.body.slice(0, 1000));
  const dashboard = await person.client.get('/werkboek');
  assert.match(dashboard.body, /Pien Professional nodigt je uit voor &quot;Samen naar werk&quot;|Pien Professional nodigt je uit voor "Samen naar werk"/);
  const invitation = await t.deps.db.kysely.selectFrom('workspace_invitations').select('id').where('workspace_id', '=', id).executeTakeFirstOrThrow();
  const accepted = await person.client.post(`/werkboek/uitnodigingen/${invitation.id}`, { antwoord: 'ja' });
  assert.equal(accepted.location, `/werkboek/${id}`);
  return { id, professional, person };
}

for (const kind of testDatabaseKinds()) {
  describe(`workbook (${kind.name})`, () => {
    test('a personal workbook: create, answer the questions of a step, see who changed what and its history', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { name: 'Anna Arbeidsdeskundige', professionSlug: 'arbeidsdeskundige' });
      const empty = await anna.client.post('/werkboek/nieuw', { kind: 'personal', name: '   ' });
      assert.equal(empty.status, 422);
      const bad = await anna.client.post('/werkboek/nieuw', { kind: 'team', name: 'Met het team', teamId: '' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /Kies het team waarmee je werkt\./);
      assert.match(bad.body, /value="Met het team"/);

      const id = await createWorkspace(anna, { kind: 'personal', name: 'Mijn veranderagenda' });
      const step = await anna.client.get(`/werkboek/${id}/stap/verdiepen`);
      assert.equal(step.status, 200);
      await assertValidHtml(step);
      assert.match(step.body, /Wat gebeurde er precies\?/);
      assert.match(step.body, /href="\/boek\/werkboek\/instructie-1-1"/);
      assert.match(step.body, /Verhaal 1:/);

      const saved = await anna.client.post(`/werkboek/${id}/stap/verdiepen`, {
        'antwoord_1_1_1': 'Een gesprek met een werkgever in Goes.\r\n',
        'versie_1_1_1': '0',
        'antwoord_verdiepen_verhalen': ['3', '12', '99'],
        'versie_verdiepen_verhalen': '0',
      });
      assert.equal(saved.status, 303);
      const after = await anna.client.follow(saved);
      assert.match(after.body, /Je antwoorden zijn opgeslagen\./);
      assert.match(after.body, /Een gesprek met een werkgever in Goes\.<\/textarea>/);
      assert.match(after.body, /Laatst gewijzigd door Anna Arbeidsdeskundige/);
      const rows = await t.deps.db.kysely.selectFrom('workbook_answers').selectAll().where('workspace_id', '=', id).orderBy('field_key').execute();
      assert.deepEqual(
        rows.map((r) => [r.field_key, r.value, Number(r.version)]),
        [
          ['1.1.1', 'Een gesprek met een werkgever in Goes.', 1],
          ['verdiepen.verhalen', '3,12', 1],
        ],
      );

      // Saving the same text again is no new version.
      const again = await anna.client.post(`/werkboek/${id}/stap/verdiepen`, { 'antwoord_1_1_1': 'Een gesprek met een werkgever in Goes.', 'versie_1_1_1': '1' });
      assert.match((await anna.client.follow(again)).body, /Er was niets veranderd\./);
      await anna.client.post(`/werkboek/${id}/stap/verdiepen`, { 'antwoord_1_1_1': 'Een gesprek in Middelburg.', 'versie_1_1_1': '1' });
      const history = await anna.client.get(`/werkboek/${id}/stap/verdiepen/geschiedenis/1.1.1`);
      assert.equal(history.status, 200);
      await assertValidHtml(history);
      assert.match(history.body, /Een gesprek in Middelburg\./);
      assert.match(history.body, /Een gesprek met een werkgever in Goes\./);
      assert.equal((await anna.client.get(`/werkboek/${id}/stap/verdiepen/geschiedenis/geen.veld`)).status, 404);

      const overview = await anna.client.get(`/werkboek/${id}`);
      await assertValidHtml(overview);
      assert.match(overview.body, /href="\/boek\/verhalen\/dirk-jan"/);
      assert.doesNotMatch(overview.body, /Samen aan de slag/);
      assert.equal((await anna.client.get(`/werkboek/${id}/stap/rollen`)).status, 404);
      const dashboard = await anna.client.get('/werkboek');
      await assertValidHtml(dashboard);
      assert.match(dashboard.body, /Mijn veranderagenda/);
      assert.match(dashboard.body, /1 van 4 stappen begonnen/);
    });

    test('bad input keeps everything typed and stores nothing', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const id = await createWorkspace(anna, { kind: 'personal', name: 'Lang verhaal' });
      const long = 'verhaal '.repeat(12_500);
      const res = await anna.client.post(`/werkboek/${id}/stap/verbeelden`, {
        'antwoord_2_verhaal': long,
        'versie_2_verhaal': '0',
        'antwoord_2_1': 'Ik doe dit graag.',
        'versie_2_1': '0',
      });
      assert.equal(res.status, 422);
      assert.match(res.body, /Hoogstens 20\.000 tekens\. Je tekst is 100\.000 tekens/);
      assert.ok(res.body.includes(long.trimEnd()), 'the long text comes back');
      assert.match(res.body, /Ik doe dit graag\./);
      const count = await t.deps.db.kysely.selectFrom('workbook_answers').select('field_key').where('workspace_id', '=', id).execute();
      assert.deepEqual(count, []);
    });

    test('two people editing the same answer: nothing is overwritten silently', async (ctx) => {
      const t = await testApp(ctx, kind);
      const { id, professional, person } = await togetherWorkspace(t);
      await professional.client.get(`/werkboek/${id}/stap/verbeelden`);
      await person.client.get(`/werkboek/${id}/stap/verbeelden`);
      const first = await professional.client.post(`/werkboek/${id}/stap/verbeelden`, { 'antwoord_2_4': 'Trots op de eerste werkdag.', 'versie_2_4': '0', 'antwoord_2_5': '', 'versie_2_5': '0' });
      assert.equal(first.status, 303);
      // The person's form still shows version 0: a changed text is a conflict, an untouched one is not.
      const second = await person.client.post(`/werkboek/${id}/stap/verbeelden`, {
        'antwoord_2_4': 'Trots dat ik het zelf vroeg.',
        'versie_2_4': '0',
        'antwoord_2_5': 'Mijn kracht is doorzetten.',
        'versie_2_5': '0',
      });
      assert.equal(second.status, 409);
      await assertValidHtml(second);
      assert.match(second.body, /Trots op de eerste werkdag\./);
      assert.match(second.body, /Trots dat ik het zelf vroeg\./);
      assert.match(second.body, /Pien Professional/);
      const stored = async (key: string) =>
        (await t.deps.db.kysely.selectFrom('workbook_answers').select(['value', 'version']).where('workspace_id', '=', id).where('field_key', '=', key).executeTakeFirst()) ?? null;
      assert.equal((await stored('2.4'))?.value, 'Trots op de eerste werkdag.');
      assert.equal((await stored('2.5'))?.value, 'Mijn kracht is doorzetten.', 'the answer without a conflict was saved');
      // Saving from the conflict page carries the newer version and wins.
      const resolved = await person.client.post(`/werkboek/${id}/stap/verbeelden`, { 'antwoord_2_4': 'Trots op de eerste werkdag, die ik zelf vroeg.', 'versie_2_4': '1' });
      assert.equal(resolved.status, 303);
      assert.equal(Number((await stored('2.4'))?.version), 2);

      // An unchanged field from an old form keeps the newer text.
      const stale = await professional.client.post(`/werkboek/${id}/stap/verbeelden`, { 'antwoord_2_4': 'Trots op de eerste werkdag.', 'versie_2_4': '1' });
      assert.equal(stale.status, 303);
      assert.equal((await stored('2.4'))?.value, 'Trots op de eerste werkdag, die ik zelf vroeg.');

      // Autosave asks for JSON and gets the same rules.
      const auto = await person.client.post(
        `/werkboek/${id}/stap/verbeelden`,
        { 'antwoord_2_6': 'Voor mijn kinderen.', 'versie_2_6': '0' },
        { headers: { accept: 'application/json' } },
      );
      assert.equal(auto.status, 200);
      const json = JSON.parse(auto.body) as { saved: { key: string; version: number }[]; conflicts: string[] };
      assert.deepEqual(json.saved.map((s) => [s.key, s.version]), [['2.6', 1]]);
      assert.deepEqual(json.conflicts, []);
      const autoConflict = await professional.client.post(`/werkboek/${id}/stap/verbeelden`, { 'antwoord_2_6': 'Voor de buurt.', 'versie_2_6': '0' }, { headers: { accept: 'application/json' } });
      assert.deepEqual((JSON.parse(autoConflict.body) as { conflicts: string[] }).conflicts, ['2.6']);
    });

    test('a together workbook: equal rights, and removing someone ends their access at once', async (ctx) => {
      const t = await testApp(ctx, kind);
      const { id, professional, person } = await togetherWorkspace(t);
      const stranger = await registeredPerson(t, { name: 'Sam Buiten' });
      assert.equal((await stranger.client.get(`/werkboek/${id}`)).status, 403);
      assert.equal((await stranger.client.get(`/werkboek/${id}/stap/verdiepen`)).status, 403);
      assert.equal((await stranger.client.post(`/werkboek/${id}/stap/verdiepen`, { 'antwoord_1_1_1': 'x', 'versie_1_1_1': '0' })).status, 403);
      assert.equal((await t.client().get(`/werkboek/${id}`)).status, 303);

      const overview = await person.client.get(`/werkboek/${id}`);
      await assertValidHtml(overview);
      assert.match(overview.body, /Pien Professional \(Jobcoach\)/);
      // The person may invite and remove as well: equal rights.
      assert.equal((await person.client.post(`/werkboek/${id}/uitnodigen`, { email: 'niet-geldig' })).status, 422);
      const removed = await person.client.post(`/werkboek/${id}/leden/${professional.id}/verwijderen`);
      assert.equal(removed.status, 303);
      assert.equal((await professional.client.get(`/werkboek/${id}`)).status, 403);
      // The last one cannot leave; deleting needs a confirmation.
      const leave = await person.client.post(`/werkboek/${id}/leden/${person.id}/verwijderen`);
      assert.equal(leave.status, 422);
      assert.match(leave.body, /Je bent de enige in dit werkboek/);
      const unconfirmed = await person.client.post(`/werkboek/${id}/verwijderen`, {});
      assert.equal(unconfirmed.status, 422);
      assert.match(unconfirmed.body, /Vink aan dat je het werkboek echt wilt verwijderen\./);
      assert.equal((await person.client.post(`/werkboek/${id}/verwijderen`, { bevestigen: 'ja' })).status, 303);
      assert.equal(await t.deps.db.kysely.selectFrom('workspaces').select('id').where('id', '=', id).executeTakeFirst(), undefined);

      // An invitation for another address cannot be used.
      const other = await createWorkspace(professional, { kind: 'together', name: 'Tweede werkboek' });
      await professional.client.post(`/werkboek/${other}/uitnodigen`, { email: 'iemand-anders@example.org' });
      const invitation = await t.deps.db.kysely.selectFrom('workspace_invitations').select('id').where('workspace_id', '=', other).executeTakeFirstOrThrow();
      const stolen = await stranger.client.post(`/werkboek/uitnodigingen/${invitation.id}`, { antwoord: 'ja' });
      assert.match((await stranger.client.follow(stolen)).body, /Deze uitnodiging is er niet meer of was niet voor jou\./);
      assert.equal((await stranger.client.get(`/werkboek/${other}`)).status, 403);
    });

    test('a team workbook: the team takes part, with the five steps of working together', async (ctx) => {
      const t = await testApp(ctx, kind);
      const facilitator = await registeredPerson(t, { name: 'Fien Bedrijfsarts', professionSlug: 'bedrijfsarts' });
      const member = await registeredPerson(t, { name: 'Mo Psycholoog', professionSlug: 'psycholoog' });
      const created = await facilitator.client.post('/teams/nieuw', { name: 'Team Zeeland', regionSlug: 'zeeland', purpose: 'Samen werken aan werk.' });
      const teamId = /\/teams\/([^/?]+)/.exec(created.location ?? '')?.[1] ?? '';
      const link = await facilitator.client.post(`/teams/${teamId}/uitnodigingslink`, { linkRole: 'member' });
      const token = /\/teams\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(link.body)?.[1] ?? '';
      assert.equal((await member.client.post(`/teams/uitnodiging/${token}`)).status, 303);

      const outsider = await registeredPerson(t);
      const notMine = await outsider.client.post('/werkboek/nieuw', { kind: 'team', name: 'Niet van mij', teamId });
      assert.equal(notMine.status, 422);
      assert.match(notMine.body, /Kies een team waar je zelf in zit\./);

      const id = await createWorkspace(facilitator, { kind: 'team', name: 'Agenda Team Zeeland', teamId });
      const overview = await member.client.get(`/werkboek/${id}`);
      assert.equal(overview.status, 200);
      assert.match(overview.body, /Samen aan de slag/);

      // Roles: choose a life phase, then see which professions the chain still expects.
      const roles = await member.client.get(`/werkboek/${id}/stap/rollen`);
      await assertValidHtml(roles);
      assert.match(roles.body, /Fien Bedrijfsarts: Bedrijfsarts/);
      assert.match(roles.body, /Kies hierboven een levensfase/);
      await member.client.post(`/werkboek/${id}/stap/rollen`, { 'antwoord_7_2_levensfase': 'eerste-uitval', 'versie_7_2_levensfase': '0' });
      const coverage = await member.client.get(`/werkboek/${id}/stap/rollen`);
      assert.match(coverage.body, /Levensfase: Eerste uitval uit werk/);
      const missing = /Deze beroepen verwacht de keten nog<\/h4>([\s\S]*?)<\/ul>/.exec(coverage.body)?.[1] ?? '';
      assert.match(missing, /Arbeidsdeskundige/);
      assert.doesNotMatch(missing, /Bedrijfsarts|Psycholoog/);
      assert.match(coverage.body, new RegExp(`Rol en kwaliteiten van Mo Psycholoog`));
      const badPhase = await member.client.post(`/werkboek/${id}/stap/rollen`, { 'antwoord_7_2_levensfase': 'maan', 'versie_7_2_levensfase': '1' });
      assert.equal(badPhase.status, 422);
      assert.match(badPhase.body, /Kies een van de mogelijkheden\./);

      // The stimulating context: organisations first, then a status per item and organisation.
      await member.client.post(`/werkboek/${id}/stap/context`, { 'antwoord_9_2_organisaties': 'UWV\nGemeente Goes\nUWV', 'versie_9_2_organisaties': '0' });
      const context = await member.client.get(`/werkboek/${id}/stap/context`);
      await assertValidHtml(context);
      assert.match(context.body, /name="antwoord_9_2_1a_gemeente-goes"/);
      assert.equal((context.body.match(/name="antwoord_9_2_1d_uwv"/g) ?? []).length, 1);
      await member.client.post(`/werkboek/${id}/stap/context`, { 'antwoord_9_2_1d_uwv': 'deels', 'versie_9_2_1d_uwv': '0' });
      assert.match((await member.client.get(`/werkboek/${id}/stap/context`)).body, /<option value="deels" selected>Deels geregeld/);

      for (const slug of ['visie', 'doelen', 'communicatie']) {
        const page = await facilitator.client.get(`/werkboek/${id}/stap/${slug}`);
        assert.equal(page.status, 200, slug);
        await assertValidHtml(page);
      }
      assert.match((await facilitator.client.get(`/werkboek/${id}/stap/doelen`)).body, /Commitment van Mo Psycholoog/);
      assert.match((await facilitator.client.get(`/werkboek/${id}/stap/communicatie`)).body, /Praat in de 'ik'-vorm|Praat in de &#39;ik&#39;-vorm/);

      // Only a facilitator deletes a team workbook; leaving the team ends access.
      assert.equal((await member.client.post(`/werkboek/${id}/verwijderen`, { bevestigen: 'ja' })).status, 403);
      await facilitator.client.get(`/teams/${teamId}`);
      assert.equal((await facilitator.client.post(`/teams/${teamId}/leden/${member.id}/verwijderen`)).status, 303);
      assert.equal((await member.client.get(`/werkboek/${id}`)).status, 403);
      assert.doesNotMatch((await member.client.get('/werkboek')).body, /Agenda Team Zeeland/);
    });
  });
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { inTransaction } from '../../../platform/db/transaction.js';
import { testApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { registeredPerson, type Person } from '../../../testing/scenario.js';
import type { Response } from '../../../testing/test-client.js';
import { theBook } from '../../book/book.content.js';
import {
  answerInvitation,
  createWorkspace,
  getWorkspace,
  inviteToWorkspace,
  listInvitationsFor,
  loadAnswers,
  removeWorkspaceMember,
  saveAnswers,
} from '../workbook.service.js';
import { ADOPTED_DREAM_KEY } from '../workbook.steps.js';
import { addDays } from './agenda.schemas.js';
import { agendaSummaries, DREAM_STATEMENT_KEY, DREAM_STORY_KEY, myActions, todayOf } from './agenda.service.js';

// The same rules as the project's .htmlvalidate.json, which the browser tests apply to every page.
const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': ['error', { style: 'selfclose' }], 'no-trailing-whitespace': 'off', 'attribute-empty-style': 'off' },
});

async function assertValidHtml(res: Response, what: string): Promise<void> {
  const report = await htmlValidate.validateString(res.body);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
  assert.deepEqual(messages, [], `${what} is not valid HTML`);
}

async function personalWorkspace(t: TestApp, person: Person, name = 'Mijn werkboek'): Promise<string> {
  const result = await inTransaction(t.deps, (tx) => createWorkspace(tx, t.deps, person.id, { kind: 'personal', name, teamId: '' }));
  assert.ok(result.ok);
  return result.workspaceId;
}

/** A together workspace of two people, made through the workbook's own invitation flow. */
async function togetherWorkspace(t: TestApp, first: Person, second: Person, name = 'Samen naar werk'): Promise<string> {
  const result = await inTransaction(t.deps, (tx) => createWorkspace(tx, t.deps, first.id, { kind: 'together', name, teamId: '' }));
  assert.ok(result.ok);
  const workspace = await getWorkspace(t.deps.db.kysely, result.workspaceId);
  assert.ok(workspace);
  await inTransaction(t.deps, (tx) => inviteToWorkspace(tx, t.deps, workspace, first.id, second.email, null));
  const invitation = (await listInvitationsFor(t.deps.db.kysely, second.email)).find((i) => i.workspaceId === workspace.id);
  assert.ok(invitation);
  const answered = await inTransaction(t.deps, (tx) => answerInvitation(tx, t.deps, invitation.id, { userId: second.id, email: second.email }, true, null));
  assert.ok(answered.ok);
  return workspace.id;
}

function idFrom(location: string | undefined, kind: 'mijlpalen' | 'acties'): string {
  const id = new RegExp(`/${kind}/([0-9a-f-]{36})$`).exec(location ?? '')?.[1];
  assert.ok(id, `unexpected location ${location}`);
  return id;
}

function today(t: TestApp): string {
  return todayOf(t.deps);
}

async function createMilestone(t: TestApp, person: Person, ws: string, fields: Record<string, string> = {}): Promise<string> {
  await person.client.get(`/werkboek/${ws}/mijlpalen/nieuw`);
  const res = await person.client.post(`/werkboek/${ws}/mijlpalen/nieuw`, {
    title: 'Drie werkgevers in de regio nemen iemand aan',
    description: 'Werkgevers zien de kwaliteiten.',
    domain: 'werk',
    timeframeKind: 'datum',
    dueDate: addDays(today(t), 60),
    horizon: '',
    celebrationPlan: 'Taart!',
    ...fields,
  });
  assert.equal(res.status, 303, res.body.slice(0, 2000));
  return idFrom(res.location, 'mijlpalen');
}

async function createAction(t: TestApp, person: Person, ws: string, milestoneId: string, fields: Record<string, string> = {}): Promise<string> {
  await person.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}/acties/nieuw`);
  const res = await person.client.post(`/werkboek/${ws}/mijlpalen/${milestoneId}/acties/nieuw`, {
    title: 'Werkgeversontbijt organiseren',
    description: '',
    ownerId: person.id,
    dueDate: addDays(today(t), 10),
    status: 'gepland',
    support: 'De wethouder doet mee.',
    headwind: 'Weinig tijd.',
    ...fields,
  });
  assert.equal(res.status, 303, res.body.slice(0, 2000));
  const location = res.location ?? '';
  assert.equal(location, `/werkboek/${ws}/mijlpalen/${milestoneId}`);
  const row = await t.deps.db.kysely
    .selectFrom('agenda_actions')
    .select('id')
    .where('milestone_id', '=', milestoneId)
    .orderBy('created_at', 'desc')
    .orderBy('position', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function actionRow(t: TestApp, id: string) {
  return t.deps.db.kysely.selectFrom('agenda_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

function versionOn(body: string): string {
  const version = /name="version" value="(\d+)"/.exec(body)?.[1];
  assert.ok(version, 'no version on the page');
  return version;
}

function actionFields(body: string): Record<string, string> {
  const value = (name: string) => new RegExp(`id="veld-${name}" name="${name}" type="[a-z]+" value="([^"]*)"`).exec(body)?.[1] ?? '';
  const text = (name: string) => new RegExp(`id="veld-${name}" name="${name}"[^>]*>([^<]*)</textarea>`).exec(body)?.[1] ?? '';
  const selected = (name: string) => new RegExp(`id="veld-${name}" name="${name}"[^>]*>[\\s\\S]*?<option value="([^"]*)" selected`).exec(body)?.[1] ?? '';
  return {
    version: versionOn(body),
    title: value('title'),
    dueDate: value('dueDate'),
    description: text('description'),
    support: text('support'),
    headwind: text('headwind'),
    ownerId: selected('ownerId'),
    status: selected('status'),
    milestoneId: selected('milestoneId'),
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`agenda (${kind.name})`, () => {
    test('create and change a milestone and an action; history and last change are shown', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { name: 'Anna de Vries' });
      const ws = await personalWorkspace(t, anna);

      const empty = await anna.client.get(`/werkboek/${ws}/agenda`);
      assert.equal(empty.status, 200);
      assert.match(empty.body, /<h1 class="utrecht-heading-1">Veranderagenda en routekaart<\/h1>/);
      assert.match(empty.body, /Er zijn nog geen mijlpalen/);
      await assertValidHtml(empty, 'the empty agenda');

      const form = await anna.client.get(`/werkboek/${ws}/mijlpalen/nieuw`);
      assert.equal(form.status, 200);
      assert.match(form.body, /Datum of termijn/);
      await assertValidHtml(form, 'the new milestone form');

      const due = addDays(today(t), 60);
      const milestoneId = await createMilestone(t, anna, ws, { dueDate: due });
      const page = await anna.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /De mijlpaal is opgeslagen/);
      assert.match(page.body, /Laatst gewijzigd door Anna de Vries op \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}/);
      assert.match(page.body, /Taart!/);
      await assertValidHtml(page, 'the milestone page');

      const newAction = await anna.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}/acties/nieuw`);
      assert.match(newAction.body, /<option value selected>Nog niemand<\/option>/);
      await assertValidHtml(newAction, 'the new action form');
      const actionId = await createAction(t, anna, ws, milestoneId);
      const stored = await actionRow(t, actionId);
      assert.equal(stored?.status, 'gepland');
      assert.equal(stored?.owner_id, anna.id);
      assert.equal(stored?.version, 1);

      const actionPage = await anna.client.get(`/werkboek/${ws}/acties/${actionId}`);
      assert.equal(actionPage.status, 200);
      assert.match(actionPage.body, /Werkgeversontbijt organiseren/);
      assert.match(actionPage.body, /De wethouder doet mee/);
      await assertValidHtml(actionPage, 'the action page');

      const fields = actionFields(actionPage.body);
      assert.equal(fields.version, '1');
      const saved = await anna.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...fields, status: 'bezig' });
      assert.equal(saved.status, 303, saved.body.slice(0, 2000));
      const after = await actionRow(t, actionId);
      assert.equal(after?.status, 'bezig');
      assert.equal(after?.version, 2);
      const revisions = await t.deps.db.kysely.selectFrom('agenda_revisions').select(['version', 'snapshot']).where('subject_id', '=', actionId).orderBy('version').execute();
      assert.deepEqual(
        revisions.map((r) => Number(r.version)),
        [1, 2],
      );
      assert.equal(JSON.parse(revisions[1]!.snapshot).status, 'bezig');
      const history = await anna.client.get(`/werkboek/${ws}/acties/${actionId}`);
      assert.match(history.body, /<details class="mmm-history">/);
      assert.match(history.body, /Status: Gepland → Bezig/);

      // Saving without a change makes no new version.
      const same = await anna.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...actionFields(history.body) });
      assert.equal(same.status, 303);
      assert.equal((await actionRow(t, actionId))?.version, 2);

      // The milestone's timeframe becomes a horizon instead of a date.
      const milestonePage = await anna.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}`);
      const edit = await anna.client.post(`/werkboek/${ws}/mijlpalen/${milestoneId}`, {
        version: versionOn(milestonePage.body),
        title: 'Vijf werkgevers in de regio nemen iemand aan',
        description: 'Werkgevers zien de kwaliteiten.',
        domain: 'werk',
        timeframeKind: 'termijn',
        dueDate: due,
        horizon: '5-jaar',
        celebrationPlan: 'Taart!',
      });
      assert.equal(edit.status, 303, edit.body.slice(0, 2000));
      const milestone = await t.deps.db.kysely.selectFrom('agenda_milestones').selectAll().where('id', '=', milestoneId).executeTakeFirstOrThrow();
      assert.equal(milestone.title, 'Vijf werkgevers in de regio nemen iemand aan');
      assert.equal(milestone.horizon, '5-jaar');
      assert.equal(milestone.due_date, null);
      assert.equal(milestone.version, 2);
      const changed = await anna.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}`);
      assert.match(changed.body, /Titel: Drie werkgevers in de regio nemen iemand aan → Vijf werkgevers in de regio nemen iemand aan/);
      assert.match(changed.body, /Termijn: \d{1,2} [a-z]+ \d{4} → Binnen 5 jaar/);

      const agenda = await anna.client.get(`/werkboek/${ws}/agenda`);
      assert.equal(agenda.status, 200);
      assert.match(agenda.body, /<svg/);
      assert.match(agenda.body, /Mijlpalen per domein/);
      assert.match(agenda.body, new RegExp(`href="/werkboek/${ws}/acties/${actionId}">Werkgeversontbijt organiseren</a>`));
      await assertValidHtml(agenda, 'the agenda');
      const filtered = await anna.client.get(`/werkboek/${ws}/agenda?eigenaar=${anna.id}&status=gedaan`);
      assert.equal(filtered.status, 200);
      assert.match(filtered.body, /Geen mijlpalen in dit domein bij dit filter/);
      assert.match(filtered.body, /<option value="gedaan" selected>/);
      await assertValidHtml(filtered, 'the filtered agenda');
      const nonsense = await anna.client.get(`/werkboek/${ws}/agenda?eigenaar=iemand&status=klaar`);
      assert.equal(nonsense.status, 200, 'an unknown filter is no filter');
    });

    test('bad input comes back at the field with everything typed kept', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const bob = await registeredPerson(t, { name: 'Bob' });
      const ws = await personalWorkspace(t, anna);
      await anna.client.get(`/werkboek/${ws}/mijlpalen/nieuw`);
      const long = 'x'.repeat(100_000);
      const base = { title: 'Mijlpaal', description: 'Beschrijving', domain: 'zorg', timeframeKind: 'termijn', dueDate: '', horizon: '1-jaar', celebrationPlan: '' };
      const cases: Array<[Record<string, string>, string, RegExp]> = [
        [{ ...base, title: '   ' }, 'title', /Vul een titel in/],
        [{ ...base, description: long }, 'description', /Hoogstens 20\.000 tekens/],
        [{ ...base, timeframeKind: 'datum', dueDate: '2027-02-30' }, 'dueDate', /Vul een bestaande datum in, bijvoorbeeld 31-12-2027/],
        [{ ...base, timeframeKind: 'datum', dueDate: addDays(today(t), -1) }, 'dueDate', /Deze datum is al voorbij\. Kies een datum vanaf vandaag\./],
        [{ ...base, timeframeKind: 'termijn', horizon: '' }, 'horizon', /Kies een termijn/],
        [{ ...base, domain: '' }, 'domain', /Kies een domein/],
      ];
      for (const [fields, field, message] of cases) {
        const res = await anna.client.post(`/werkboek/${ws}/mijlpalen/nieuw`, fields);
        assert.equal(res.status, 422, `${field}: ${res.status}`);
        assert.match(res.body, new RegExp(`id="veld-${field}-fout"`), field);
        assert.match(res.body, new RegExp(`href="#veld-${field}"`), `${field} in the error summary`);
        assert.match(res.body, message, field);
        if (fields.description === long) assert.ok(res.body.includes(`>${long}</textarea>`), 'the long text is kept');
        if (fields.title === 'Mijlpaal') assert.match(res.body, /id="veld-title" name="title" type="text" value="Mijlpaal"/);
        await assertValidHtml(res, `the form with a bad ${field}`);
      }
      assert.equal((await t.deps.db.kysely.selectFrom('agenda_milestones').select('id').execute()).length, 0);

      const milestoneId = await createMilestone(t, anna, ws);
      await anna.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}/acties/nieuw`);
      const actionBase = { title: 'Bellen', description: '', ownerId: '', dueDate: '', status: 'idee', support: '', headwind: '' };
      const actionCases: Array<[Record<string, string>, string, RegExp]> = [
        [{ ...actionBase, ownerId: bob.id }, 'ownerId', /Kies iemand die meedoet in dit werkboek/],
        [{ ...actionBase, dueDate: '31-02-2027' }, 'dueDate', /Vul een bestaande datum in/],
        [{ ...actionBase, dueDate: 'volgende week' }, 'dueDate', /Vul een bestaande datum in/],
        [{ ...actionBase, dueDate: addDays(today(t), -3) }, 'dueDate', /Deze datum is al voorbij/],
        [{ ...actionBase, title: '' }, 'title', /Vul een titel in/],
        [{ ...actionBase, support: long }, 'support', /Hoogstens 5\.000 tekens/],
      ];
      for (const [fields, field, message] of actionCases) {
        const res = await anna.client.post(`/werkboek/${ws}/mijlpalen/${milestoneId}/acties/nieuw`, fields);
        assert.equal(res.status, 422, `${field}: ${res.status}`);
        assert.match(res.body, new RegExp(`id="veld-${field}-fout"`), field);
        assert.match(res.body, message, field);
        if (fields.title === 'Bellen') assert.match(res.body, /value="Bellen"/);
        await assertValidHtml(res, `the action form with a bad ${field}`);
      }
      assert.equal((await t.deps.db.kysely.selectFrom('agenda_actions').select('id').execute()).length, 0);

      // A date typed the Dutch way is understood.
      const dutch = addDays(today(t), 20).split('-').reverse().join('-');
      const actionId = await createAction(t, anna, ws, milestoneId, { dueDate: dutch });
      assert.equal((await actionRow(t, actionId))?.due_date, addDays(today(t), 20));

      // A stored date that has passed since may stay when the action is edited; another past date may not.
      const pastDay = addDays(today(t), -5);
      await t.deps.db.kysely.updateTable('agenda_actions').set({ due_date: pastDay }).where('id', '=', actionId).execute();
      const page = await anna.client.get(`/werkboek/${ws}/acties/${actionId}`);
      const fields = actionFields(page.body);
      assert.equal(fields.dueDate, pastDay);
      const keep = await anna.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...fields, title: 'Bellen met de werkgever' });
      assert.equal(keep.status, 303, keep.body.slice(0, 2000));
      const again = await anna.client.get(`/werkboek/${ws}/acties/${actionId}`);
      const moved = await anna.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...actionFields(again.body), dueDate: addDays(today(t), -6) });
      assert.equal(moved.status, 422);
      assert.match(moved.body, /Deze datum is al voorbij/);
      const huge = await anna.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...actionFields(again.body), description: long });
      assert.equal(huge.status, 422);
      assert.match(huge.body, /Hoogstens 20\.000 tekens/);
      assert.ok(huge.body.includes(`>${long}</textarea>`));
      await assertValidHtml(huge, 'the action page with a too long description');
    });

    test('two people save the same action from the same version: the second sees both texts, the first is kept', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { name: 'Anna' });
      const bob = await registeredPerson(t, { name: 'Bob', profileType: 'ervaringsdeskundige' });
      const ws = await togetherWorkspace(t, anna, bob);
      const milestoneId = await createMilestone(t, anna, ws);
      const actionId = await createAction(t, anna, ws, milestoneId);

      const annaPage = await anna.client.get(`/werkboek/${ws}/acties/${actionId}`);
      const bobPage = await bob.client.get(`/werkboek/${ws}/acties/${actionId}`);
      const annaFields = actionFields(annaPage.body);
      const bobFields = actionFields(bobPage.body);
      assert.equal(annaFields.version, bobFields.version);

      const first = await anna.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...annaFields, description: 'Tekst van Anna', status: 'bezig' });
      assert.equal(first.status, 303);
      const second = await bob.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...bobFields, description: 'Tekst van Bob', ownerId: bob.id });
      assert.equal(second.status, 409, second.body.slice(0, 2000));
      assert.match(second.body, /Tekst van Anna/);
      assert.match(second.body, /Tekst van Bob/);
      assert.match(second.body, /Jouw versie/);
      assert.match(second.body, /De opgeslagen versie \(door Anna, om \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}\)/);
      assert.match(second.body, new RegExp(`href="/werkboek/${ws}/acties/${actionId}">Houd de opgeslagen versie`));
      // The form to save again carries the new version, Bob's text, and Anna's status (only she changed it).
      const again = actionFields(second.body);
      assert.equal(again.version, '2');
      assert.equal(again.description, 'Tekst van Bob');
      assert.equal(again.status, 'bezig');
      assert.equal(again.ownerId, bob.id);
      await assertValidHtml(second, 'the conflict page');

      const row = await actionRow(t, actionId);
      assert.equal(row?.description, 'Tekst van Anna');
      assert.equal(row?.version, 2);

      const resaved = await bob.client.post(`/werkboek/${ws}/acties/${actionId}`, again);
      assert.equal(resaved.status, 303, resaved.body.slice(0, 2000));
      const final = await actionRow(t, actionId);
      assert.equal(final?.description, 'Tekst van Bob');
      assert.equal(final?.status, 'bezig');
      assert.equal(final?.version, 3);

      // The same for a milestone.
      const mA = await anna.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}`);
      const mB = await bob.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}`);
      const milestoneForm = (version: string, title: string) => ({
        version,
        title,
        description: 'Werkgevers zien de kwaliteiten.',
        domain: 'werk',
        timeframeKind: 'termijn',
        dueDate: '',
        horizon: '1-jaar',
        celebrationPlan: 'Taart!',
      });
      assert.equal((await anna.client.post(`/werkboek/${ws}/mijlpalen/${milestoneId}`, milestoneForm(versionOn(mA.body), 'Titel van Anna'))).status, 303);
      const conflict = await bob.client.post(`/werkboek/${ws}/mijlpalen/${milestoneId}`, milestoneForm(versionOn(mB.body), 'Titel van Bob'));
      assert.equal(conflict.status, 409);
      assert.match(conflict.body, /Titel van Anna/);
      assert.match(conflict.body, /Titel van Bob/);
      await assertValidHtml(conflict, 'the milestone conflict page');
      const milestone = await t.deps.db.kysely.selectFrom('agenda_milestones').select(['title']).where('id', '=', milestoneId).executeTakeFirstOrThrow();
      assert.equal(milestone.title, 'Titel van Anna');

      // Two saves at the same moment from the same version: exactly one wins, the other is told.
      const [pageA, pageB] = [await anna.client.get(`/werkboek/${ws}/acties/${actionId}`), await bob.client.get(`/werkboek/${ws}/acties/${actionId}`)];
      const results = await Promise.all([
        anna.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...actionFields(pageA.body), title: 'Gelijktijdig van Anna' }),
        bob.client.post(`/werkboek/${ws}/acties/${actionId}`, { ...actionFields(pageB.body), title: 'Gelijktijdig van Bob' }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
      const winner = results[0]!.status === 303 ? 'Gelijktijdig van Anna' : 'Gelijktijdig van Bob';
      const raced = await actionRow(t, actionId);
      assert.equal(raced?.title, winner);
      assert.equal(raced?.version, 4);
      const versions = await t.deps.db.kysely.selectFrom('agenda_revisions').select('version').where('subject_id', '=', actionId).execute();
      assert.deepEqual(versions.map((v) => Number(v.version)).sort((a, b) => a - b), [1, 2, 3, 4]);
    });

    test('an action for a milestone that was just deleted: no error, no orphan, the text is kept', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const ws = await personalWorkspace(t, anna);
      const doomed = await createMilestone(t, anna, ws, { title: 'Gaat weg' });
      const other = await createMilestone(t, anna, ws, { title: 'Blijft staan', domain: 'zorg' });
      const actionId = await createAction(t, anna, ws, doomed);
      await anna.client.post(`/werkboek/${ws}/mijlpalen/${doomed}/reacties`, { body: 'Reactie op de actie' });
      await t.deps.db.kysely.selectFrom('agenda_comments').select('id').executeTakeFirstOrThrow();
      await anna.client.post(`/werkboek/${ws}/acties/${actionId}/reacties`, { body: 'Nog een reactie' });

      const form = await anna.client.get(`/werkboek/${ws}/mijlpalen/${doomed}/acties/nieuw`);
      const milestonePage = await anna.client.get(`/werkboek/${ws}/mijlpalen/${doomed}`);
      assert.equal(form.status, 200);

      const refused = await anna.client.post(`/werkboek/${ws}/mijlpalen/${doomed}/verwijderen`, {});
      assert.equal(refused.status, 422, 'deleting needs the confirmation');
      assert.match(refused.body, /Zet een vinkje/);
      const deleted = await anna.client.post(`/werkboek/${ws}/mijlpalen/${doomed}/verwijderen`, { confirm: 'ja' });
      assert.equal(deleted.status, 303);
      const db = t.deps.db.kysely;
      assert.equal((await db.selectFrom('agenda_actions').select('id').where('milestone_id', '=', doomed).execute()).length, 0);
      assert.equal((await db.selectFrom('agenda_comments').select('id').execute()).length, 0, 'comments of the milestone and its actions are gone');
      assert.equal((await db.selectFrom('agenda_revisions').select('id').where('subject_id', 'in', [doomed, actionId]).execute()).length, 0);

      const late = await anna.client.post(`/werkboek/${ws}/mijlpalen/${doomed}/acties/nieuw`, {
        title: 'Mijn mooie actie',
        description: 'Een lange uitleg die niet verloren mag gaan.',
        ownerId: '',
        dueDate: '',
        status: 'idee',
        support: '',
        headwind: '',
      });
      assert.ok(late.status === 409 || late.status === 404, String(late.status));
      assert.match(late.body, /Deze mijlpaal bestaat niet meer\. Je tekst staat hieronder, zodat je hem kunt bewaren of bij een andere mijlpaal kunt zetten\./);
      assert.match(late.body, /value="Mijn mooie actie"/);
      assert.match(late.body, /Een lange uitleg die niet verloren mag gaan\./);
      assert.match(late.body, new RegExp(`<option value="${other}">Blijft staan</option>`));
      await assertValidHtml(late, 'the page for a deleted milestone');
      assert.equal((await db.selectFrom('agenda_actions').select('id').execute()).length, 0, 'no orphan action');

      // Put it with the other milestone from that page.
      const rescued = await anna.client.post(`/werkboek/${ws}/acties/nieuw`, {
        milestoneId: other,
        title: 'Mijn mooie actie',
        description: 'Een lange uitleg die niet verloren mag gaan.',
        ownerId: '',
        dueDate: '',
        status: 'idee',
        support: '',
        headwind: '',
      });
      assert.equal(rescued.status, 303, rescued.body.slice(0, 2000));
      assert.equal(rescued.location, `/werkboek/${ws}/mijlpalen/${other}`);
      const noChoice = await anna.client.post(`/werkboek/${ws}/acties/nieuw`, { milestoneId: '', title: 'Zonder mijlpaal', status: 'idee' });
      assert.equal(noChoice.status, 422);
      assert.match(noChoice.body, /Kies een mijlpaal/);
      await assertValidHtml(noChoice, 'choosing a milestone');

      // Editing the deleted milestone keeps the text too.
      const stale = await anna.client.post(`/werkboek/${ws}/mijlpalen/${doomed}`, {
        version: versionOn(milestonePage.body),
        title: 'Mijn nieuwe titel',
        description: '',
        domain: 'werk',
        timeframeKind: 'termijn',
        horizon: 'nu',
        celebrationPlan: '',
      });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /Deze mijlpaal bestaat niet meer/);
      assert.match(stale.body, /value="Mijn nieuwe titel"/);
      await assertValidHtml(stale, 'the page for an edited deleted milestone');

      const gone = await anna.client.get(`/werkboek/${ws}/mijlpalen/${doomed}`);
      assert.equal(gone.status, 404);

      // Deleting while others add an action and comments at the same moment: never an error, never an orphan.
      for (let round = 0; round < 3; round++) {
        const target = await createMilestone(t, anna, ws, { title: `Ronde ${round}` });
        const existing = await createAction(t, anna, ws, target, { title: `Bestaande ${round}` });
        const results = await Promise.all([
          anna.client.post(`/werkboek/${ws}/mijlpalen/${target}/acties/nieuw`, { title: 'Tegelijk', status: 'idee' }),
          anna.client.post(`/werkboek/${ws}/acties/${existing}/reacties`, { body: 'Tegelijk gezegd' }),
          anna.client.post(`/werkboek/${ws}/mijlpalen/${target}/reacties`, { body: 'Ook tegelijk' }),
          anna.client.post(`/werkboek/${ws}/mijlpalen/${target}/verwijderen`, { confirm: 'ja' }),
        ]);
        for (const r of results) assert.ok([303, 409].includes(r.status), `status ${r.status}: ${r.body.slice(0, 300)}`);
        assert.equal((await db.selectFrom('agenda_actions').select('id').where('milestone_id', '=', target).execute()).length, 0);
        const ids = (await db.selectFrom('agenda_actions').select('id').execute()).map((r) => r.id);
        const milestoneIds = (await db.selectFrom('agenda_milestones').select('id').execute()).map((r) => r.id);
        const subjects = [...ids, ...milestoneIds];
        for (const table of ['agenda_comments', 'agenda_revisions'] as const) {
          const rows = await db.selectFrom(table).select('subject_id').execute();
          assert.deepEqual(rows.filter((r) => !subjects.includes(r.subject_id)), [], `no orphan in ${table}`);
        }
      }
    });

    test('only members reach the agenda; ids from another workspace are not found', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const carol = await registeredPerson(t);
      const ws = await personalWorkspace(t, anna);
      const carolWs = await personalWorkspace(t, carol, 'Van Carol');
      const milestoneId = await createMilestone(t, anna, ws);
      const actionId = await createAction(t, anna, ws, milestoneId);
      await anna.client.post(`/werkboek/${ws}/acties/${actionId}/reacties`, { body: 'Een reactie' });
      const commentId = (await t.deps.db.kysely.selectFrom('agenda_comments').select('id').executeTakeFirstOrThrow()).id;

      const gets = [
        `/werkboek/${ws}/agenda`,
        `/werkboek/${ws}/droom-kiezen`,
        `/werkboek/${ws}/mijlpalen/nieuw`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}/acties/nieuw`,
        `/werkboek/${ws}/acties/${actionId}`,
      ];
      const posts = [
        `/werkboek/${ws}/droom-kiezen`,
        `/werkboek/${ws}/mijlpalen/nieuw`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}/verwijderen`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}/bereikt`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}/niet-bereikt`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}/omhoog`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}/omlaag`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}/reacties`,
        `/werkboek/${ws}/mijlpalen/${milestoneId}/acties/nieuw`,
        `/werkboek/${ws}/acties/nieuw`,
        `/werkboek/${ws}/acties/${actionId}`,
        `/werkboek/${ws}/acties/${actionId}/verwijderen`,
        `/werkboek/${ws}/acties/${actionId}/reacties`,
        `/werkboek/${ws}/reacties/${commentId}/verwijderen`,
      ];
      for (const path of gets) assert.equal((await carol.client.get(path)).status, 403, `GET ${path}`);
      for (const path of posts) {
        assert.equal((await carol.client.post(path, { title: 'x', confirm: 'ja', body: 'x', celebrationNote: 'x', dream: '1', domain: 'werk' })).status, 403, `POST ${path}`);
      }
      const anonymous = await t.client().get(`/werkboek/${ws}/agenda`);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.location ?? '', /^\/account\/inloggen/);
      assert.equal((await t.client().get('/werkboek/mijn-acties')).status, 303);

      // Carol in her own workspace with Anna's ids.
      for (const path of [`/werkboek/${carolWs}/mijlpalen/${milestoneId}`, `/werkboek/${carolWs}/acties/${actionId}`, `/werkboek/${carolWs}/mijlpalen/${milestoneId}/acties/nieuw`]) {
        assert.equal((await carol.client.get(path)).status, 404, `GET ${path}`);
      }
      assert.equal((await carol.client.post(`/werkboek/${carolWs}/mijlpalen/${milestoneId}/verwijderen`, { confirm: 'ja' })).status, 404);
      assert.equal((await carol.client.post(`/werkboek/${carolWs}/acties/${actionId}/verwijderen`)).status, 404);
      assert.equal((await carol.client.post(`/werkboek/${carolWs}/mijlpalen/${milestoneId}/bereikt`, { celebrationNote: 'Feest' })).status, 404);
      assert.equal((await carol.client.post(`/werkboek/${carolWs}/reacties/${commentId}/verwijderen`)).status, 404);
      const moved = await carol.client.post(`/werkboek/${carolWs}/mijlpalen/${milestoneId}/acties/nieuw`, { title: 'Stiekem', status: 'idee' });
      assert.notEqual(moved.status, 303);
      assert.equal((await t.deps.db.kysely.selectFrom('agenda_actions').select('id').where('workspace_id', '=', carolWs).execute()).length, 0);
      assert.equal((await t.deps.db.kysely.selectFrom('agenda_milestones').select('id').where('id', '=', milestoneId).execute()).length, 1, 'still there');
    });

    test('adopting a dream from the book adds its milestones and actions and fills empty answers', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const ws = await personalWorkspace(t, anna);
      const list = await anna.client.get(`/werkboek/${ws}/droom-kiezen`);
      assert.equal(list.status, 200);
      assert.equal((list.body.match(/<li class="mmm-card"/g) ?? []).length, 13);
      assert.match(list.body, /href="\/boek\/dromen\/droom-1-de-boomgaard"/);
      assert.match(list.body, /<option value="werk" selected>/, 'a Werk dream defaults to werk');
      await assertValidHtml(list, 'the dream list');

      const dream = theBook().pack.dreams.find((d) => d.number === 1)!;
      const actionCount = dream.milestones.reduce((n, m) => n + m.actions.length, 0);
      const adopted = await anna.client.post(`/werkboek/${ws}/droom-kiezen`, { dream: '1', domain: 'mensen' });
      assert.equal(adopted.status, 303, adopted.body.slice(0, 2000));
      assert.equal(adopted.location, `/werkboek/${ws}/agenda`);
      const db = t.deps.db.kysely;
      const milestones = await db.selectFrom('agenda_milestones').selectAll().where('workspace_id', '=', ws).orderBy('position').execute();
      assert.equal(milestones.length, dream.milestones.length);
      assert.ok(milestones.every((m) => Number(m.source_dream) === 1 && m.domain === 'mensen' && m.horizon === 'nu' && m.due_date === null));
      const actions = await db.selectFrom('agenda_actions').selectAll().where('workspace_id', '=', ws).execute();
      assert.equal(actions.length, actionCount);
      assert.ok(actions.every((a) => a.status === 'idee' && a.owner_id === null && a.due_date === null));
      assert.ok(milestones.every((m) => m.title.length <= 200) && actions.every((a) => a.title.length <= 200));

      const answers = await loadAnswers(db, ws);
      assert.equal(answers.get(ADOPTED_DREAM_KEY)?.value, '1');
      assert.equal(answers.get(DREAM_STORY_KEY)?.value, theBook().plainTextOf('droom:1', dream.summary));
      assert.equal(answers.has(DREAM_STATEMENT_KEY), dream.statements.length > 0);

      const page = await anna.client.get(`/werkboek/${ws}/mijlpalen/${milestones[0]!.id}`);
      assert.match(page.body, /href="\/boek\/dromen\/droom-1-de-boomgaard"/);
      const again = await anna.client.get(`/werkboek/${ws}/droom-kiezen`);
      assert.match(again.body, /Jullie hebben al \d+ mijlpalen/);

      // A second dream adds to what is there; the story typed by now stays.
      await inTransaction(t.deps, (tx) =>
        saveAnswers(tx, t.deps, ws, anna.id, [{ key: DREAM_STORY_KEY, value: 'Ons eigen verhaal', baseVersion: answers.get(DREAM_STORY_KEY)!.version }]),
      );
      const dream3 = theBook().pack.dreams.find((d) => d.number === 3)!;
      assert.equal((await anna.client.post(`/werkboek/${ws}/droom-kiezen`, { dream: '3', domain: 'zorg' })).status, 303);
      const all = await db.selectFrom('agenda_milestones').select('id').where('workspace_id', '=', ws).execute();
      assert.equal(all.length, dream.milestones.length + dream3.milestones.length);
      const after = await loadAnswers(db, ws);
      assert.equal(after.get(ADOPTED_DREAM_KEY)?.value, '3');
      assert.equal(after.get(DREAM_STORY_KEY)?.value, 'Ons eigen verhaal');
      if (dream3.statements.length > 0 && dream.statements.length === 0) {
        assert.equal(after.get(DREAM_STATEMENT_KEY)?.value, theBook().plainTextOf('droom:3', dream3.statements[0]!));
      }

      const bad = await anna.client.post(`/werkboek/${ws}/droom-kiezen`, { dream: '99', domain: 'zorg' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /Kies een van de dromen uit de lijst/);
      await assertValidHtml(bad, 'the dream list with a problem');

      const agenda = await anna.client.get(`/werkboek/${ws}/agenda`);
      assert.equal(agenda.status, 200);
      await assertValidHtml(agenda, 'an agenda full of dream milestones');
    });

    test('reach a milestone with a celebration, undo it, and change the order', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const ws = await personalWorkspace(t, anna);
      const first = await createMilestone(t, anna, ws, { title: 'Eerste' });
      const second = await createMilestone(t, anna, ws, { title: 'Tweede' });
      await anna.client.get(`/werkboek/${ws}/mijlpalen/${first}`);
      const empty = await anna.client.post(`/werkboek/${ws}/mijlpalen/${first}/bereikt`, { celebrationNote: ' ' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /Vertel hoe jullie het gevierd hebben/);
      await assertValidHtml(empty, 'the reach form without a note');

      const reached = await anna.client.post(`/werkboek/${ws}/mijlpalen/${first}/bereikt`, { celebrationNote: 'Samen gegeten bij de Chinees' });
      assert.equal(reached.status, 303);
      const db = t.deps.db.kysely;
      const row = await db.selectFrom('agenda_milestones').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
      assert.ok(row.reached_at);
      assert.equal(row.celebration_note, 'Samen gegeten bij de Chinees');
      assert.equal(row.version, 2);
      const page = await anna.client.get(`/werkboek/${ws}/mijlpalen/${first}`);
      assert.match(page.body, /Gefeliciteerd!/);
      assert.match(page.body, /Samen gegeten bij de Chinees/);
      assert.match(page.body, /Toch nog niet bereikt/);
      await assertValidHtml(page, 'a reached milestone');

      assert.equal((await anna.client.post(`/werkboek/${ws}/mijlpalen/${first}/niet-bereikt`)).status, 303);
      const undone = await db.selectFrom('agenda_milestones').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
      assert.equal(undone.reached_at, null);
      assert.equal(undone.version, 3);

      const positions = async () =>
        (await db.selectFrom('agenda_milestones').select(['id']).where('workspace_id', '=', ws).orderBy('position').execute()).map((r) => r.id);
      assert.deepEqual(await positions(), [first, second]);
      assert.equal((await anna.client.post(`/werkboek/${ws}/mijlpalen/${second}/omhoog`)).status, 303);
      assert.deepEqual(await positions(), [second, first]);
      assert.equal((await anna.client.post(`/werkboek/${ws}/mijlpalen/${second}/omlaag`)).status, 303);
      assert.deepEqual(await positions(), [first, second]);
      const revisions = await db.selectFrom('agenda_revisions').select('version').where('subject_id', '=', second).execute();
      assert.equal(revisions.length, 3, 'each move is a version');
    });

    test('comments: members write them, only the author deletes one', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { name: 'Anna' });
      const bob = await registeredPerson(t, { name: 'Bob' });
      const ws = await togetherWorkspace(t, anna, bob);
      const milestoneId = await createMilestone(t, anna, ws);
      const actionId = await createAction(t, anna, ws, milestoneId);
      await anna.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}`);
      const empty = await anna.client.post(`/werkboek/${ws}/mijlpalen/${milestoneId}/reacties`, { body: '' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /Schrijf eerst je reactie/);
      const tooLong = await anna.client.post(`/werkboek/${ws}/acties/${actionId}/reacties`, { body: 'y'.repeat(5001) });
      assert.equal(tooLong.status, 422);
      assert.ok(tooLong.body.includes(`>${'y'.repeat(5001)}</textarea>`));

      assert.equal((await anna.client.post(`/werkboek/${ws}/mijlpalen/${milestoneId}/reacties`, { body: 'Eerste reactie' })).status, 303);
      t.advance(60_000);
      assert.equal((await bob.client.post(`/werkboek/${ws}/mijlpalen/${milestoneId}/reacties`, { body: 'Tweede reactie' })).status, 303);
      const page = await bob.client.get(`/werkboek/${ws}/mijlpalen/${milestoneId}`);
      assert.ok(page.body.indexOf('Eerste reactie') < page.body.indexOf('Tweede reactie'), 'newest last');
      assert.match(page.body, /<strong>Anna<\/strong>/);
      await assertValidHtml(page, 'a milestone with comments');
      const comments = await t.deps.db.kysely.selectFrom('agenda_comments').selectAll().orderBy('created_at').execute();
      const annas = comments[0]!;
      assert.equal(annas.author_id, anna.id);
      assert.equal((await bob.client.post(`/werkboek/${ws}/reacties/${annas.id}/verwijderen`)).status, 403);
      const removed = await anna.client.post(`/werkboek/${ws}/reacties/${annas.id}/verwijderen`);
      assert.equal(removed.status, 303);
      assert.equal(removed.location, `/werkboek/${ws}/mijlpalen/${milestoneId}#reacties`);
      assert.equal((await t.deps.db.kysely.selectFrom('agenda_comments').select('id').execute()).length, 1);

      assert.equal((await bob.client.post(`/werkboek/${ws}/acties/${actionId}/reacties`, { body: 'Over de actie' })).status, 303);
      const actionPage = await anna.client.get(`/werkboek/${ws}/acties/${actionId}`);
      assert.match(actionPage.body, /Over de actie/);
    });

    test('my actions across workspaces, and gone once the person left a workspace', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { name: 'Anna' });
      const bob = await registeredPerson(t, { name: 'Bob' });
      const own = await personalWorkspace(t, bob, 'Werkboek van Bob');
      const together = await togetherWorkspace(t, anna, bob, 'Samen met Anna');
      const m1 = await createMilestone(t, bob, own, { title: 'Eigen mijlpaal' });
      const m2 = await createMilestone(t, anna, together, { title: 'Gedeelde mijlpaal' });
      const day = today(t);
      await createAction(t, bob, own, m1, { title: 'Deze week klaar', dueDate: addDays(day, 3) });
      await createAction(t, bob, own, m1, { title: 'Later klaar', dueDate: addDays(day, 30) });
      await createAction(t, bob, own, m1, { title: 'Al gedaan', dueDate: addDays(day, 2), status: 'gedaan' });
      const late = await createAction(t, anna, together, m2, { title: 'Te laat actie', ownerId: bob.id, dueDate: addDays(day, 1) });
      await createAction(t, anna, together, m2, { title: 'Zonder datum actie', ownerId: bob.id, dueDate: '' });
      await createAction(t, anna, together, m2, { title: 'Van Anna zelf', ownerId: anna.id, dueDate: '' });
      // Make one overdue: the date passed since it was set.
      await t.deps.db.kysely.updateTable('agenda_actions').set({ due_date: addDays(day, -2) }).where('id', '=', late).execute();

      const page = await bob.client.get('/werkboek/mijn-acties');
      assert.equal(page.status, 200);
      const section = (heading: string) => new RegExp(`<h2 class="utrecht-heading-2">${heading}</h2>([\\s\\S]*?)(?=<h2|</main>)`).exec(page.body)?.[1] ?? '';
      assert.match(section('Te laat'), /Te laat actie/);
      assert.match(section('Te laat'), /Samen met Anna/);
      assert.match(section('Te laat'), /Gedeelde mijlpaal/);
      assert.match(section('Deze week'), /Deze week klaar/);
      assert.match(section('Later'), /Later klaar/);
      assert.match(section('Zonder datum'), /Zonder datum actie/);
      assert.doesNotMatch(page.body, /Al gedaan/);
      assert.doesNotMatch(page.body, /Van Anna zelf/);
      await assertValidHtml(page, 'my actions');

      const summaries = await agendaSummaries(t.deps.db.kysely, [own, together, 'geen-werkboek'], bob.id, day);
      assert.deepEqual(summaries.get(own), { milestones: 1, reached: 0, actions: 3, done: 1, myOverdue: 0, myDueThisWeek: 1 });
      assert.deepEqual(summaries.get(together), { milestones: 1, reached: 0, actions: 3, done: 0, myOverdue: 1, myDueThisWeek: 0 });
      assert.deepEqual(summaries.get('geen-werkboek'), { milestones: 0, reached: 0, actions: 0, done: 0, myOverdue: 0, myDueThisWeek: 0 });

      const workspace = await getWorkspace(t.deps.db.kysely, together);
      assert.ok(workspace);
      const removed = await inTransaction(t.deps, (tx) => removeWorkspaceMember(tx, t.deps, workspace, anna.id, bob.id, null));
      assert.ok(removed.ok);
      const after = await bob.client.get('/werkboek/mijn-acties');
      assert.doesNotMatch(after.body, /Te laat actie/);
      assert.doesNotMatch(after.body, /Zonder datum actie/);
      assert.match(after.body, /Deze week klaar/);
      const groups = await myActions(t.deps.db.kysely, bob.id, day);
      assert.equal(groups.overdue.length + groups.thisWeek.length + groups.later.length + groups.noDate.length, 2);

      // Bob stays the owner for Anna to see, and an edit that keeps him is accepted.
      const annaPage = await anna.client.get(`/werkboek/${together}/acties/${late}`);
      assert.match(annaPage.body, /Bob \(doet niet meer mee\)/);
      await assertValidHtml(annaPage, 'an action owned by someone who left');
      const fields = actionFields(annaPage.body);
      assert.equal(fields.ownerId, bob.id);
      assert.equal((await anna.client.post(`/werkboek/${together}/acties/${late}`, { ...fields, status: 'bezig' })).status, 303);
      const other = await createAction(t, anna, together, m2, { title: 'Nog een', ownerId: '' });
      const otherPage = await anna.client.get(`/werkboek/${together}/acties/${other}`);
      const refused = await anna.client.post(`/werkboek/${together}/acties/${other}`, { ...actionFields(otherPage.body), ownerId: bob.id });
      assert.equal(refused.status, 422);
      assert.match(refused.body, /Kies iemand die meedoet in dit werkboek/);
    });
  });
}

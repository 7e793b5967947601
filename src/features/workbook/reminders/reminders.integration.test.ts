import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import type { AppDeps } from '../../../platform/app-deps.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { MailMessage } from '../../../platform/mail/mailer.js';
import { testApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { registeredPerson, type Person } from '../../../testing/scenario.js';
import { isReminderTime, runDailyReminders, startReminderSchedule } from './reminders.service.js';

// A Tuesday morning; "within 7 days" runs up to and including 17 March.
const NOW = new Date('2026-03-10T08:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': ['error', { style: 'selfclose' }], 'no-trailing-whitespace': 'off', 'attribute-empty-style': 'off' },
});

async function insertWorkspace(t: TestApp, kind: 'personal' | 'together' | 'team', name: string, members: readonly Person[], teamId: string | null = null): Promise<string> {
  const db = t.deps.db.kysely;
  const at = NOW.toISOString();
  const id = newId();
  await db.insertInto('workspaces').values({ id, kind, name, team_id: teamId, created_by: members[0]?.id ?? null, created_at: at, updated_at: at }).execute();
  if (kind !== 'team') for (const m of members) await db.insertInto('workspace_members').values({ workspace_id: id, user_id: m.id, joined_at: at }).execute();
  return id;
}

async function insertTeam(t: TestApp, members: readonly Person[]): Promise<string> {
  const db = t.deps.db.kysely;
  const at = NOW.toISOString();
  const id = newId();
  await db.insertInto('teams').values({ id, name: 'Team Zeeland', region_slug: null, purpose: 'Samen', created_by: members[0]!.id, created_at: at, updated_at: at }).execute();
  for (const m of members) await db.insertInto('team_members').values({ team_id: id, user_id: m.id, role: 'member', joined_at: at }).execute();
  return id;
}

async function insertMilestone(t: TestApp, workspaceId: string, title: string): Promise<string> {
  const at = NOW.toISOString();
  const id = newId();
  await t.deps.db.kysely
    .insertInto('agenda_milestones')
    .values({
      id,
      workspace_id: workspaceId,
      title,
      description: '',
      domain: 'werk',
      due_date: null,
      horizon: 'nu',
      position: 0,
      celebration_plan: '',
      reached_at: null,
      celebration_note: null,
      source_dream: null,
      version: 1,
      created_by: null,
      created_at: at,
      updated_by: null,
      updated_at: at,
    })
    .execute();
  return id;
}

async function insertAction(t: TestApp, workspaceId: string, milestoneId: string, owner: Person | null, title: string, dueDate: string | null, status = 'gepland'): Promise<string> {
  const at = NOW.toISOString();
  const id = newId();
  await t.deps.db.kysely
    .insertInto('agenda_actions')
    .values({
      id,
      workspace_id: workspaceId,
      milestone_id: milestoneId,
      title,
      description: '',
      owner_id: owner?.id ?? null,
      due_date: dueDate,
      status,
      support: '',
      headwind: '',
      position: 0,
      version: 1,
      created_by: null,
      created_at: at,
      updated_by: null,
      updated_at: at,
    })
    .execute();
  return id;
}

function reminders(t: TestApp): MailMessage[] {
  return t.mail.sent.filter((m) => m.subject.startsWith('Herinnering'));
}

function mailsTo(t: TestApp, person: Person): MailMessage[] {
  return reminders(t).filter((m) => m.to === person.email);
}

/** The test app's deps with its warnings collected, and optionally another mailer. */
function depsWith(t: TestApp, warnings: string[], send?: (message: MailMessage) => Promise<void>): AppDeps {
  return {
    ...t.deps,
    mailer: send ? { send } : t.deps.mailer,
    log: { info: () => {}, warn: (m) => void warnings.push(m) },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`agenda reminders (${kind.name})`, () => {
    test('one e-mail per person with overdue and this week’s open actions, once a day', async (ctx) => {
      const t = await testApp(ctx, kind, { BASE_URL: 'https://werkplaats.example' });
      const anna = await registeredPerson(t, { name: 'Anna' });
      const bo = await registeredPerson(t, { name: 'Bo' });
      const nobody = await registeredPerson(t, { name: 'Niemand' });
      const together = await insertWorkspace(t, 'together', 'Samen naar werk', [anna, bo, nobody]);
      const teamId = await insertTeam(t, [anna]);
      const teamSpace = await insertWorkspace(t, 'team', 'Werkboek van het team', [], teamId);
      const m1 = await insertMilestone(t, together, 'Werkgevers kennen IPS');
      const m2 = await insertMilestone(t, teamSpace, 'Een loket in de regio');

      const overdue = await insertAction(t, together, m1, anna, 'Werkgevers bellen', '2026-03-01', 'bezig');
      await insertAction(t, together, m1, anna, 'Vandaag te doen', '2026-03-10', 'idee');
      await insertAction(t, together, m1, anna, 'Laatste dag van de week', '2026-03-17');
      await insertAction(t, teamSpace, m2, anna, 'Loket openen', '2026-03-12');
      await insertAction(t, together, m1, anna, 'Volgende week', '2026-03-18');
      await insertAction(t, together, m1, anna, 'Al gedaan', '2026-03-05', 'gedaan');
      await insertAction(t, together, m1, anna, 'Gestopt', '2026-03-05', 'gestopt');
      await insertAction(t, together, m1, anna, 'Zonder datum', null);
      await insertAction(t, together, m1, anna, 'Kapotte datum', '2026-02-30');
      await insertAction(t, together, m1, null, 'Van niemand', '2026-03-09');
      await insertAction(t, together, m1, bo, 'Bo belt de wethouder', '2026-03-11');

      const warnings: string[] = [];
      const first = await runDailyReminders(depsWith(t, warnings), NOW);
      assert.deepEqual(first, { users: 2, actions: 5, failed: 0 });
      assert.deepEqual(warnings, []);
      assert.equal(reminders(t).length, 2);
      assert.equal(mailsTo(t, nobody).length, 0);

      const [mail] = mailsTo(t, anna);
      assert.ok(mail);
      assert.equal(mail.subject, 'Herinnering: 4 acties in je veranderagenda');
      for (const title of ['Werkgevers bellen', 'Vandaag te doen', 'Laatste dag van de week', 'Loket openen']) assert.ok(mail.text.includes(`- ${title}\n`), title);
      for (const title of ['Volgende week', 'Al gedaan', 'Gestopt', 'Zonder datum', 'Kapotte datum', 'Van niemand', 'Bo belt']) assert.ok(!mail.text.includes(title), title);
      assert.ok(mail.text.startsWith('Hallo Anna,\n'));
      assert.ok(mail.text.indexOf('Datum voorbij:') < mail.text.indexOf('- Werkgevers bellen'));
      assert.ok(mail.text.indexOf('In de komende 7 dagen:') < mail.text.indexOf('- Vandaag te doen'));
      assert.ok(mail.text.includes('Datum: 1 maart 2026 (9 dagen geleden)'));
      assert.ok(mail.text.includes('Datum: 10 maart 2026 (vandaag)'));
      assert.ok(mail.text.includes('Datum: 17 maart 2026 (over 7 dagen)'));
      assert.ok(mail.text.includes('Werkboek: Werkboek van het team'));
      assert.ok(mail.text.includes('Mijlpaal: Werkgevers kennen IPS'));
      assert.ok(mail.text.includes(`https://werkplaats.example/werkboek/${together}/acties/${overdue}`));
      assert.ok(mail.text.includes('Zet herinneringen uit op https://werkplaats.example/werkboek/herinneringen'));
      assert.equal(mailsTo(t, bo)[0]?.subject, 'Herinnering: 1 actie in je veranderagenda');
      assert.ok(mailsTo(t, bo)[0]?.text.includes('(morgen)'));

      const sent = await t.deps.db.kysely.selectFrom('agenda_reminders_sent').selectAll().orderBy('action_count').execute();
      assert.deepEqual(
        sent.map((r) => [r.user_id, r.sent_on, Number(r.action_count)]),
        [
          [bo.id, '2026-03-10', 1],
          [anna.id, '2026-03-10', 4],
        ],
      );

      // Later the same day, also from another process: nothing new.
      assert.deepEqual(await runDailyReminders(t.deps, new Date(NOW.getTime() + 10 * 60 * 60 * 1000)), { users: 0, actions: 0, failed: 0 });
      assert.equal(reminders(t).length, 2);

      // The next day is a new day.
      const next = await runDailyReminders(t.deps, new Date(NOW.getTime() + DAY));
      assert.deepEqual(next, { users: 2, actions: 6, failed: 0 }, 'on the 11th "Volgende week" (18th) is within 7 days');
      assert.ok(mailsTo(t, anna)[1]?.text.includes('Volgende week'));
    });

    test('no reminders after opting out, for disabled or unverified accounts, or about a workspace one left', async (ctx) => {
      const t = await testApp(ctx, kind);
      const fien = await registeredPerson(t, { name: 'Fien' });
      const dirk = await registeredPerson(t, { name: 'Dirk' });
      const eva = await registeredPerson(t, { name: 'Eva' });
      const cas = await registeredPerson(t, { name: 'Cas' });
      const gijs = await registeredPerson(t, { name: 'Gijs' });
      const anna = await registeredPerson(t, { name: 'Anna' });
      const together = await insertWorkspace(t, 'together', 'Samen', [fien, dirk, eva, cas, anna]);
      const teamId = await insertTeam(t, [gijs, anna]);
      const teamSpace = await insertWorkspace(t, 'team', 'Team', [], teamId);
      const m = await insertMilestone(t, together, 'Mijlpaal');
      const tm = await insertMilestone(t, teamSpace, 'Teammijlpaal');
      for (const person of [fien, dirk, eva, cas, anna]) await insertAction(t, together, m, person, `Actie van ${person.name}`, '2026-03-09');
      await insertAction(t, teamSpace, tm, gijs, 'Actie van Gijs in het team', '2026-03-09');

      // Fien switches reminders off on the settings page; on by default.
      const page = await fien.client.get('/werkboek/herinneringen');
      assert.equal(page.status, 200);
      assert.match(page.body, /<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="veld-herinneringen" name="herinneringen" value="aan" checked/);
      assert.match(page.body, /Stuur mij een e-mail als een actie van mij bijna moet gebeuren of te laat is/);
      const report = await htmlValidate.validateString(page.body);
      assert.deepEqual(report.results.flatMap((r) => r.messages.map((x) => `${x.ruleId}: ${x.message}`)), []);
      const off = await fien.client.post('/werkboek/herinneringen', {});
      assert.equal(off.status, 303);
      assert.equal(off.location, '/werkboek/herinneringen');
      const after = await fien.client.get('/werkboek/herinneringen');
      assert.match(after.body, /Je keuze voor herinneringen is opgeslagen/);
      assert.doesNotMatch(after.body, /value="aan" checked/);
      assert.equal((await t.client().get('/werkboek/herinneringen')).status, 303, 'only for people who are logged in');

      await t.deps.db.kysely.updateTable('users').set({ disabled_at: NOW.toISOString() }).where('id', '=', dirk.id).execute();
      await t.deps.db.kysely.updateTable('users').set({ email_verified_at: null }).where('id', '=', eva.id).execute();
      await t.deps.db.kysely.deleteFrom('workspace_members').where('workspace_id', '=', together).where('user_id', '=', cas.id).execute();
      await t.deps.db.kysely.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', gijs.id).execute();

      const result = await runDailyReminders(t.deps, NOW);
      assert.deepEqual(result, { users: 1, actions: 1, failed: 0 });
      assert.deepEqual(
        reminders(t).map((m) => m.to),
        [anna.email],
      );

      // Switching back on works the same way, and then the mail comes (the next day).
      const on = await fien.client.post('/werkboek/herinneringen', { herinneringen: 'aan' });
      assert.equal(on.status, 303);
      assert.match((await fien.client.get('/werkboek/herinneringen')).body, /value="aan" checked/);
      await runDailyReminders(t.deps, new Date(NOW.getTime() + DAY));
      assert.equal(mailsTo(t, fien).length, 1);
    });

    test('a failing mail for one person does not stop the others and is tried again later', async (ctx) => {
      const t = await testApp(ctx, kind);
      const people = [await registeredPerson(t, { name: 'Anna' }), await registeredPerson(t, { name: 'Bo' }), await registeredPerson(t, { name: 'Cas' })];
      const [anna, bo, cas] = people as [Person, Person, Person];
      const ws = await insertWorkspace(t, 'together', 'Samen', people);
      const m = await insertMilestone(t, ws, 'Mijlpaal');
      for (const person of people) await insertAction(t, ws, m, person, `Actie van ${person.name}`, '2026-03-12');

      const warnings: string[] = [];
      const result = await runDailyReminders(
        depsWith(t, warnings, async (message) => {
          if (message.to === bo.email) throw new Error('mailserver weigert');
          await t.mail.send(message);
        }),
        NOW,
      );
      assert.deepEqual(result, { users: 2, actions: 2, failed: 1 });
      assert.deepEqual(reminders(t).map((m) => m.to).sort(), [anna.email, cas.email].sort());
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /mailserver weigert/);
      assert.ok(!warnings[0]!.includes(bo.email), 'no e-mail address in the log');
      const rows = await t.deps.db.kysely.selectFrom('agenda_reminders_sent').select('user_id').execute();
      assert.deepEqual(rows.map((r) => r.user_id).sort(), [anna.id, cas.id].sort(), 'the failed one is not marked as sent');

      const retry = await runDailyReminders(t.deps, new Date(NOW.getTime() + 60 * 60 * 1000));
      assert.deepEqual(retry, { users: 1, actions: 1, failed: 0 });
      assert.equal(mailsTo(t, bo).length, 1);
      assert.equal(mailsTo(t, anna).length, 1);
    });

    test('the hourly schedule runs once a day, after seven o’clock UTC', async (ctx) => {
      const t = await testApp(ctx, kind);
      assert.equal(isReminderTime(new Date('2026-03-10T06:59:59Z'), null), false);
      assert.equal(isReminderTime(new Date('2026-03-10T07:00:00Z'), null), true);
      assert.equal(isReminderTime(new Date('2026-03-10T23:00:00Z'), '2026-03-10'), false);
      assert.equal(isReminderTime(new Date('2026-03-11T07:30:00Z'), '2026-03-10'), true);

      const anna = await registeredPerson(t, { name: 'Anna' });
      const ws = await insertWorkspace(t, 'personal', 'Mijn werkboek', [anna]);
      await insertAction(t, ws, await insertMilestone(t, ws, 'Mijlpaal'), anna, 'Bellen', '2026-03-10');
      const count = () => mailsTo(t, anna).length;

      let now = new Date('2026-03-10T06:00:00Z');
      const stop = startReminderSchedule({ ...t.deps, clock: () => now }, { intervalMs: 5, firstCheckMs: 0 });
      try {
        await delay(60);
        assert.equal(count(), 0, 'too early');
        now = new Date('2026-03-10T07:05:00Z');
        await delay(300);
        assert.equal(count(), 1);
        now = new Date('2026-03-10T09:00:00Z');
        await delay(60);
        assert.equal(count(), 1, 'once a day');
      } finally {
        stop();
      }
      now = new Date('2026-03-11T08:00:00Z');
      await delay(40);
      assert.equal(count(), 1, 'stopped');
    });
  });
}

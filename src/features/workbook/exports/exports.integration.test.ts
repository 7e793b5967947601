import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { newId } from '../../../platform/auth/tokens.js';
import { testApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { registeredPerson, type Person } from '../../../testing/scenario.js';
import { workbookStep } from '../workbook.steps.js';

const BOM = '\uFEFF';

const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': ['error', { style: 'selfclose' }], 'no-trailing-whitespace': 'off', 'attribute-empty-style': 'off' },
});

async function assertValidHtml(body: string, what: string): Promise<void> {
  const report = await htmlValidate.validateString(body);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
  assert.deepEqual(messages, [], `${what} is not valid HTML`);
}

interface Scenario {
  readonly t: TestApp;
  readonly anna: Person;
  readonly bo: Person;
  readonly workspaceId: string;
  readonly milestoneId: string;
  readonly horizonMilestoneId: string;
  readonly openActionId: string;
  readonly doneActionId: string;
  readonly answerKey: string;
  readonly answerLabel: string;
}

/** A together workspace of Anna and Bo with answers, two milestones, actions and a comment, inserted directly. */
async function scenario(t: TestApp): Promise<Scenario> {
  const anna = await registeredPerson(t, { name: 'Anna de Vries', professionSlug: 'jobcoach' });
  const bo = await registeredPerson(t, { name: 'Bo Bakker', profileType: 'ervaringsdeskundige', professionSlug: '' });
  const db = t.deps.db.kysely;
  const now = t.deps.clock().toISOString();
  const workspaceId = newId();
  await db
    .insertInto('workspaces')
    .values({ id: workspaceId, kind: 'together', name: 'Samen naar werk – Zeeland', team_id: null, created_by: anna.id, created_at: now, updated_at: now })
    .execute();
  for (const person of [anna, bo]) await db.insertInto('workspace_members').values({ workspace_id: workspaceId, user_id: person.id, joined_at: now }).execute();

  const field = workbookStep('verdiepen', { members: [], organisationsText: '' }).sections[0]!.fields[0]!;
  await db
    .insertInto('workbook_answers')
    .values([
      { workspace_id: workspaceId, field_key: field.key, value: 'Een krachtig moment.\n\nMet een tweede alinea.', version: 1, updated_by: bo.id, updated_at: now },
      { workspace_id: workspaceId, field_key: 'oud.veld', value: 'Antwoord op een vraag die niet meer bestaat', version: 1, updated_by: anna.id, updated_at: now },
    ])
    .execute();

  const milestone = (id: string, over: Record<string, unknown>) =>
    db
      .insertInto('agenda_milestones')
      .values({
        id,
        workspace_id: workspaceId,
        title: 'Mijlpaal',
        description: '',
        domain: 'werk',
        due_date: null,
        horizon: null,
        position: 0,
        celebration_plan: '',
        reached_at: null,
        celebration_note: null,
        source_dream: null,
        version: 1,
        created_by: anna.id,
        created_at: now,
        updated_by: anna.id,
        updated_at: now,
        ...over,
      })
      .execute();
  const milestoneId = newId();
  const horizonMilestoneId = newId();
  await milestone(milestoneId, { title: 'Werkgevers kennen de IPS-aanpak', due_date: '2027-03-12', celebration_plan: 'Taart in het buurthuis', description: 'Tien werkgevers doen mee.' });
  await milestone(horizonMilestoneId, { title: 'Iedereen kan meedoen', domain: 'zorg', horizon: '5-jaar', position: 1 });

  const action = (id: string, milestoneId: string, over: Record<string, unknown>) =>
    db
      .insertInto('agenda_actions')
      .values({
        id,
        workspace_id: workspaceId,
        milestone_id: milestoneId,
        title: 'Actie',
        description: '',
        owner_id: anna.id,
        due_date: null,
        status: 'gepland',
        support: '',
        headwind: '',
        position: 0,
        version: 1,
        created_by: anna.id,
        created_at: now,
        updated_by: anna.id,
        updated_at: '2026-05-04T12:30:00.000Z',
        ...over,
      })
      .execute();
  const openActionId = newId();
  const doneActionId = newId();
  await action(openActionId, milestoneId, {
    title: 'Werkgevers bellen; "warm" maken',
    description: 'Regel 1\nRegel 2',
    due_date: '2027-02-01',
    status: 'bezig',
    support: 'De wethouder',
    headwind: '=Weinig tijd',
  });
  await action(doneActionId, milestoneId, { title: 'Lijst maken', due_date: '2026-01-10', status: 'gedaan', owner_id: bo.id, position: 1 });
  await action(newId(), milestoneId, { title: 'Gestopt idee', due_date: '2027-01-10', status: 'gestopt', position: 2 });
  await action(newId(), horizonMilestoneId, { title: 'Zonder datum', owner_id: null, status: 'idee' });
  await db
    .insertInto('agenda_comments')
    .values({ id: newId(), workspace_id: workspaceId, subject_kind: 'action', subject_id: openActionId, author_id: bo.id, body: 'Ik help mee!', created_at: now })
    .execute();
  return { t, anna, bo, workspaceId, milestoneId, horizonMilestoneId, openActionId, doneActionId, answerKey: field.key, answerLabel: field.label };
}

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

for (const kind of testDatabaseKinds()) {
  describe(`agenda exports (${kind.name})`, () => {
    test('CSV: one row per action with a header, escaped for spreadsheets', async (ctx) => {
      const t = await testApp(ctx, kind);
      const s = await scenario(t);
      const res = await s.anna.client.get(`/werkboek/${s.workspaceId}/export/acties.csv`);
      assert.equal(res.status, 200, res.body.slice(0, 500));
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="samen-naar-werk-zeeland-acties.csv"');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.ok(res.body.startsWith(BOM));
      const lines = res.body.slice(1).split('\r\n');
      assert.equal(lines[0], 'Mijlpaal;Domein;Actie;Omschrijving;Eigenaar;Deadline;Status;Draagvlak;Tegenwind;Laatst gewijzigd');
      assert.equal(
        lines[1],
        `Werkgevers kennen de IPS-aanpak;Werk;"Werkgevers bellen; ""warm"" maken";"Regel 1\nRegel 2";Anna de Vries;2027-02-01;Bezig;De wethouder;'=Weinig tijd;2026-05-04 14:30`,
      );
      // The description's line break stays inside its quoted cell, so split on CRLF only.
      assert.match(lines[2]!, /^Werkgevers kennen de IPS-aanpak;Werk;Lijst maken;;Bo Bakker;2026-01-10;Gedaan;/);
      assert.match(lines[3]!, /;Gestopt idee;;Anna de Vries;2027-01-10;Gestopt;/);
      assert.match(lines[4]!, /^Iedereen kan meedoen;Zorg;Zonder datum;;;;Idee;/);
      assert.equal(lines[5], '', 'ends with CRLF');
      assert.equal(lines.length, 6);
      assert.doesNotMatch(res.body, /@example\.org/);
    });

    test('iCalendar: due dates of open actions and dated milestones, valid lines', async (ctx) => {
      const t = await testApp(ctx, kind, { BASE_URL: 'https://werkplaats.example' });
      const s = await scenario(t);
      const res = await s.bo.client.get(`/werkboek/${s.workspaceId}/export/agenda.ics`);
      assert.equal(res.status, 200, res.body.slice(0, 500));
      assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="samen-naar-werk-zeeland-agenda.ics"');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.ok(res.body.endsWith('\r\n'));
      const physical = res.body.slice(0, -2).split('\r\n');
      for (const line of physical) {
        assert.ok(!/[\r\n]/.test(line), 'no bare line breaks');
        assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line too long: ${line}`);
      }
      const lines = unfold(res.body);
      assert.equal(lines[0], 'BEGIN:VCALENDAR');
      assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2, 'the open action and the dated milestone');
      assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 2);
      assert.ok(lines.includes(`UID:action-${s.openActionId}@werkplaats-mmm`));
      assert.ok(lines.includes('DTSTART;VALUE=DATE:20270201'));
      assert.ok(lines.includes(`URL:https://werkplaats.example/werkboek/${s.workspaceId}/acties/${s.openActionId}`));
      assert.ok(lines.includes(`UID:milestone-${s.milestoneId}@werkplaats-mmm`));
      assert.ok(lines.includes('DTSTART;VALUE=DATE:20270312'));
      assert.ok(lines.includes(`URL:https://werkplaats.example/werkboek/${s.workspaceId}/mijlpalen/${s.milestoneId}`));
      assert.ok(lines.includes('SUMMARY:Actie: Werkgevers bellen\\; "warm" maken'));
      assert.ok(lines.includes('SUMMARY:Mijlpaal: Werkgevers kennen de IPS-aanpak'));
      assert.ok(!lines.some((l) => l.includes('20260110') || l.includes('20270110')), 'done and stopped actions are left out');
      assert.ok(!res.body.includes(s.doneActionId));
      assert.equal(lines.filter((l) => l.startsWith('X-WR-CALNAME:')).length, 1);
    });

    test('JSON: everything of the workspace, names but no e-mail addresses', async (ctx) => {
      const t = await testApp(ctx, kind);
      const s = await scenario(t);
      const res = await s.anna.client.get(`/werkboek/${s.workspaceId}/export/werkboek.json`);
      assert.equal(res.status, 200, res.body.slice(0, 500));
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(res.headers['content-disposition'], 'attachment; filename="samen-naar-werk-zeeland-werkboek.json"');
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.ok(!res.body.includes(s.anna.email) && !res.body.includes(s.bo.email), 'no e-mail addresses');
      assert.ok(!res.body.includes(s.anna.id) && !res.body.includes(s.bo.id), 'owners and authors by name, not by account id');
      const doc = JSON.parse(res.body);
      assert.equal(doc.format, 'mmm-werkboek/1');
      assert.ok(!Number.isNaN(Date.parse(doc.exportedAt)));
      assert.equal(doc.workspace.name, 'Samen naar werk – Zeeland');
      assert.equal(doc.workspace.kind, 'together');
      assert.deepEqual(
        doc.members.map((m: { name: string; profession: string | null }) => [m.name, m.profession]).sort(),
        [
          ['Anna de Vries', 'Jobcoach'],
          ['Bo Bakker', null],
        ],
      );
      assert.deepEqual(doc.answers[0], {
        key: s.answerKey,
        label: s.answerLabel,
        value: 'Een krachtig moment.\n\nMet een tweede alinea.',
        updatedBy: 'Bo Bakker',
        updatedAt: doc.answers[0].updatedAt,
      });
      assert.deepEqual(
        doc.answers.find((a: { key: string }) => a.key === 'oud.veld'),
        { key: 'oud.veld', label: null, value: 'Antwoord op een vraag die niet meer bestaat', updatedBy: 'Anna de Vries', updatedAt: doc.answers[1].updatedAt },
      );
      assert.equal(doc.milestones.length, 2);
      const [first, second] = doc.milestones;
      assert.equal(first.title, 'Werkgevers kennen de IPS-aanpak');
      assert.equal(first.dueDate, '2027-03-12');
      assert.equal(first.celebrationPlan, 'Taart in het buurthuis');
      assert.equal(first.actions.length, 3);
      assert.equal(first.actions[0].owner, 'Anna de Vries');
      assert.equal(first.actions[0].headwind, '=Weinig tijd', 'JSON keeps the text exactly');
      assert.deepEqual(
        first.actions[0].comments.map((c: { author: string; body: string }) => [c.author, c.body]),
        [['Bo Bakker', 'Ik help mee!']],
      );
      assert.equal(first.actions[1].owner, 'Bo Bakker');
      assert.equal(second.horizon, '5-jaar');
      assert.equal(second.actions[0].owner, null);
    });

    test('print page: the whole agenda as valid HTML with print hints', async (ctx) => {
      const t = await testApp(ctx, kind);
      const s = await scenario(t);
      const res = await s.anna.client.get(`/werkboek/${s.workspaceId}/afdrukken`);
      assert.equal(res.status, 200, res.body.slice(0, 500));
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(res.body, /<h1 class="utrecht-heading-1">Veranderagenda: Samen naar werk – Zeeland<\/h1>/);
      assert.match(res.body, /Ctrl\+P/);
      assert.match(res.body, /class="mmm-screen-only"/);
      assert.match(res.body, /<li class="utrecht-unordered-list__item">Anna de Vries \(Jobcoach\)<\/li>/);
      assert.match(res.body, /<li class="utrecht-unordered-list__item">Bo Bakker<\/li>/);
      assert.ok(res.body.includes('Stap 1: Verdiepen'));
      assert.ok(res.body.includes(`<dt>${s.answerLabel.replaceAll('"', '&quot;')}</dt>`) || res.body.includes(`<dt>${s.answerLabel}</dt>`), 'question label');
      assert.match(res.body, /<p class="utrecht-paragraph">Een krachtig moment.<\/p><p class="utrecht-paragraph">Met een tweede alinea.<\/p>/);
      assert.match(res.body, /Overige antwoorden/);
      assert.match(res.body, /<caption[^>]*>Mijlpalen per domein<\/caption>/);
      assert.match(res.body, /<svg[^>]*class="mmm-roadmap__svg"/);
      assert.ok(res.body.includes(`href="/werkboek/${s.workspaceId}/mijlpalen/${s.milestoneId}"`));
      assert.match(res.body, /Werkgevers bellen; &quot;warm&quot; maken|Werkgevers bellen; "warm" maken/);
      assert.match(res.body, /1 februari 2027/);
      assert.match(res.body, /Taart in het buurthuis/);
      assert.match(res.body, /Nog niemand/, 'an action without owner');
      assert.doesNotMatch(res.body, /@example\.org/);
      await assertValidHtml(res.body, 'the print page');

      // An empty workspace prints too.
      const now = t.deps.clock().toISOString();
      const emptyId = newId();
      await t.deps.db.kysely
        .insertInto('workspaces')
        .values({ id: emptyId, kind: 'personal', name: 'Leeg', team_id: null, created_by: s.anna.id, created_at: now, updated_at: now })
        .execute();
      await t.deps.db.kysely.insertInto('workspace_members').values({ workspace_id: emptyId, user_id: s.anna.id, joined_at: now }).execute();
      const empty = await s.anna.client.get(`/werkboek/${emptyId}/afdrukken`);
      assert.equal(empty.status, 200);
      assert.match(empty.body, /Er zijn nog geen antwoorden ingevuld/);
      assert.match(empty.body, /Er zijn nog geen mijlpalen/);
      await assertValidHtml(empty.body, 'the empty print page');
      const emptyCsv = await s.anna.client.get(`/werkboek/${emptyId}/export/acties.csv`);
      assert.equal(emptyCsv.body.split('\r\n').length, 2, 'only the header');
    });

    test('only members may export; every export is in the audit log', async (ctx) => {
      const t = await testApp(ctx, kind);
      const s = await scenario(t);
      const cas = await registeredPerson(t, { name: 'Cas' });
      const paths = ['export/acties.csv', 'export/agenda.ics', 'export/werkboek.json', 'afdrukken'].map((p) => `/werkboek/${s.workspaceId}/${p}`);
      for (const path of paths) {
        const denied = await cas.client.get(path);
        assert.equal(denied.status, 403, path);
        assert.doesNotMatch(denied.body, /Werkgevers/);
        const anonymous = await t.client().get(path);
        assert.equal(anonymous.status, 303, path);
        assert.match(anonymous.location ?? '', /^\/account\/inloggen\?terug=/);
      }
      const unknown = await s.anna.client.get(`/werkboek/${newId()}/export/acties.csv`);
      assert.equal(unknown.status, 403, 'a workspace that does not exist reveals nothing');
      const none = await t.deps.db.kysely.selectFrom('audit_log').select('id').where('event', '=', 'workbook.exported').execute();
      assert.equal(none.length, 0, 'refused requests export nothing');

      for (const path of paths) assert.equal((await s.bo.client.get(path)).status, 200, path);
      const audit = await t.deps.db.kysely
        .selectFrom('audit_log')
        .select(['actor_id', 'target', 'detail'])
        .where('event', '=', 'workbook.exported')
        .orderBy('occurred_at')
        .execute();
      assert.equal(audit.length, 4);
      for (const entry of audit) {
        assert.equal(entry.actor_id, s.bo.id);
        assert.equal(entry.target, `workspace:${s.workspaceId}`);
      }
      assert.deepEqual(audit.map((a) => JSON.parse(a.detail ?? '{}').format).sort(), ['csv', 'ics', 'json', 'print']);

      // Someone who left the workspace loses access at once.
      await t.deps.db.kysely.deleteFrom('workspace_members').where('workspace_id', '=', s.workspaceId).where('user_id', '=', s.bo.id).execute();
      assert.equal((await s.bo.client.get(paths[0]!)).status, 403);
    });
  });
}

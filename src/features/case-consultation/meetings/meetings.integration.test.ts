import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, test } from 'node:test';
import { buildApp } from '../../../app.js';
import { sessionCookieName } from '../../../platform/auth/sessions.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { PgLiveHub, LocalLiveHub } from '../../../platform/live/live-hub.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { enableTwoFactor, registeredPerson, type Person } from '../../../testing/scenario.js';
import { createTestApp, testApp, MemoryMailer, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds, type TestDatabaseKind } from '../../../testing/test-databases.js';
import type { Response } from '../../../testing/test-client.js';
import { acceptInvitation, createInviteLink, createTeam, removeMember } from '../../teams/teams.service.js';
import { createCase, enableConsultation } from '../case-consultation.service.js';
import { liveTiming, openLiveStreams } from './meetings.routes.js';

const CASE = {
  title: 'Vrouw van 34, wil weer aan het werk',
  age: '34 jaar',
  gender: 'vrouw',
  nationality: 'Nederlands',
  livingSituation: 'woont zelfstandig met twee kinderen',
  income: 'bijstand',
  diagnosis: 'depressie',
  workHistory: 'Tien jaar in de zorg gewerkt.',
  distanceToLabourMarket: 'Groot.',
  organisations: 'Sociale dienst, wijkteam',
  treatment: 'Cognitieve gedragstherapie',
  particulars: 'Wil graag parttime werken.',
  question: 'Welke mogelijkheden zijn er om stap voor stap weer betaald werk te doen?',
};

interface Scene {
  readonly t: TestApp;
  readonly teamId: string;
  readonly facilitator: Person;
  readonly member: Person;
  readonly caseIds: readonly string[];
  readonly base: string;
}

/** A team with case consultation on, a facilitator and a member (both with two-factor authentication) and two cases. */
async function scene(t: TestApp): Promise<Scene> {
  const facilitator = await registeredPerson(t, { name: 'Fenna Begeleider' });
  const member = await registeredPerson(t, { name: 'Mo Deelnemer', profileType: 'ervaringsdeskundige' });
  await enableTwoFactor(t, facilitator);
  await enableTwoFactor(t, member);
  const created = await inTransaction(t.deps, (tx) =>
    createTeam(tx, t.deps, facilitator.id, { name: 'Expertteam', regionSlug: null, purpose: 'Casussen bespreken' }, null),
  );
  assert.ok(created.ok);
  const teamId = created.teamId;
  await inTransaction(t.deps, (tx) => enableConsultation(tx, t.deps, teamId, facilitator.id, 'GGZ en arbeid in de regio'));
  const link = await inTransaction(t.deps, (tx) => createInviteLink(tx, t.deps, teamId, facilitator.id, 'member', null));
  assert.ok(link);
  const token = link.url.split('/').pop()!;
  const accepted = await inTransaction(t.deps, (tx) => acceptInvitation(tx, t.deps, token, member.id, null));
  assert.ok(accepted.ok);
  const first = await inTransaction(t.deps, (tx) => createCase(tx, t.deps, teamId, facilitator.id, CASE, true));
  const second = await inTransaction(t.deps, (tx) => createCase(tx, t.deps, teamId, member.id, { ...CASE, title: 'Man van 50, zoekt vrijwilligerswerk' }, true));
  return { t, teamId, facilitator, member, caseIds: [first.id, second.id], base: `/casusoverleg/teams/${teamId}/bijeenkomsten` };
}

function meetingIdFrom(res: Response): string {
  const id = /\/bijeenkomsten\/([0-9a-f-]{36})$/.exec(res.location ?? '')?.[1];
  assert.ok(id, `unexpected location ${res.location}`);
  return id;
}

async function plan(s: Scene, caseIndex = 0): Promise<string> {
  await s.facilitator.client.get(`${s.base}/nieuw`);
  const res = await s.facilitator.client.post(s.base, { caseId: s.caseIds[caseIndex]!, plannedOn: '2027-03-12' });
  assert.equal(res.status, 303, res.body.slice(0, 1500));
  return meetingIdFrom(res);
}

function versionOn(body: string): string {
  const version = /name="versie" value="(\d+)"/.exec(body)?.[1];
  assert.ok(version, 'no command version on the page');
  return version;
}

/** A facilitator's command through the page, as a browser sends it. */
async function command(s: Scene, meetingId: string, slug: string, version?: string): Promise<Response> {
  const page = await s.facilitator.client.get(`${s.base}/${meetingId}`);
  const res = await s.facilitator.client.post(`${s.base}/${meetingId}/${slug}`, { versie: version ?? versionOn(page.body) });
  assert.equal(res.status, 303, res.body.slice(0, 1500));
  return res;
}

async function meetingRow(t: TestApp, id: string) {
  return t.deps.db.kysely.selectFrom('case_meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function flashAfter(person: Person, res: Response): Promise<string> {
  const page = await person.client.follow(res);
  return page.body;
}

// Event streams over a real socket (inject() waits for a response that never ends).

interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | undefined;
  readonly at: number;
}

class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  ended = false;
  private request: http.ClientRequest | undefined;
  private waiters: Array<() => void> = [];

  static async open(port: number, path: string, cookie: string): Promise<SseClient> {
    const client = new SseClient();
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
        client.status = res.statusCode ?? 0;
        client.headers = res.headers;
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            client.parse(block);
          }
        });
        res.on('end', () => client.finish());
        res.on('close', () => client.finish());
        resolve();
      });
      req.on('error', (error) => (client.status ? client.finish() : reject(error)));
      client.request = req;
    });
    return client;
  }

  private parse(block: string): void {
    let event = 'message';
    const data: string[] = [];
    let id: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
      else if (line.startsWith('id: ')) id = line.slice(4);
    }
    if (data.length > 0) this.events.push({ event, data: data.join('\n'), id, at: Date.now() });
    this.wake();
  }

  private finish(): void {
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits until an event matches (counting from index `from`), or fails after a while. */
  async waitFor(predicate: (e: SseEvent) => boolean, from = 0, timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(predicate);
      if (found) return found;
      if (this.ended) throw new Error(`stream ended without the event; got ${JSON.stringify(this.events.map((e) => e.event))}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitForEnd(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('stream did not end');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.request?.destroy();
  }
}

function cookieOf(t: TestApp, person: Person): string {
  return `${sessionCookieName(t.deps.config.secure)}=${person.client.cookie(sessionCookieName(t.deps.config.secure))}`;
}

async function listen(t: TestApp): Promise<number> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  assert.ok(address && typeof address === 'object');
  return address.port;
}

async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** On PostgreSQL the app gets DATABASE_URL too, so its hub uses LISTEN/NOTIFY (scoped to the test's schema). */
function envFor(kind: TestDatabaseKind): Record<string, string> {
  return kind.name === 'postgres' && process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : {};
}

for (const kind of testDatabaseKinds()) {
  describe(`case consultation meetings (${kind.name})`, () => {
    test('the facilitator plans a meeting; bad input comes back with what was typed; members only see the list', async (ctx) => {
      const t = await testApp(ctx, kind, envFor(kind));
      const s = await scene(t);
      const list = await s.member.client.get(s.base);
      assert.equal(list.status, 200);
      assert.match(list.body, /Er is nog geen bijeenkomst gepland\./);
      assert.doesNotMatch(list.body, /Bijeenkomst plannen/);
      await assertValidHtml(list.body);
      assert.equal((await s.member.client.get(`${s.base}/nieuw`)).status, 403);
      assert.equal((await s.member.client.post(s.base, { caseId: s.caseIds[0]!, plannedOn: '' })).status, 403);

      const form = await s.facilitator.client.get(`${s.base}/nieuw`);
      assert.equal(form.status, 200);
      assert.match(form.body, /Casus 1: Vrouw van 34/);
      await assertValidHtml(form.body);
      const empty = await s.facilitator.client.post(s.base, { caseId: '', plannedOn: '2027-02-31' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /Kies een casus\./);
      assert.match(empty.body, /Vul een echte datum in/);
      assert.match(empty.body, /value="2027-02-31"/);
      await assertValidHtml(empty.body);
      const foreign = await s.facilitator.client.post(s.base, { caseId: '00000000-0000-4000-8000-000000000000', plannedOn: '' });
      assert.equal(foreign.status, 422);

      const first = await plan(s);
      const second = await plan(s, 1);
      const rows = await t.deps.db.kysely.selectFrom('case_meetings').select(['id', 'number', 'status', 'planned_on']).orderBy('number').execute();
      assert.deepEqual(
        rows.map((r) => [r.id, Number(r.number), r.status, r.planned_on]),
        [
          [first, 1, 'planned', '2027-03-12'],
          [second, 2, 'planned', '2027-03-12'],
        ],
      );
      const withMeetings = await s.facilitator.client.get(s.base);
      assert.match(withMeetings.body, /Bijeenkomst 2/);
      assert.match(withMeetings.body, /12 maart 2027/);
      assert.match(withMeetings.body, /Bijeenkomst plannen/);
      await assertValidHtml(withMeetings.body);
    });

    test('the meeting runs through its agenda; a stale command is ignored with a clear message; the timer follows the clock', async (ctx) => {
      const t = await testApp(ctx, kind, envFor(kind));
      const s = await scene(t);
      const id = await plan(s);
      const planned = await s.member.client.get(`${s.base}/${id}`);
      assert.equal(planned.status, 200);
      assert.match(planned.body, /De bijeenkomst is nog niet begonnen/);
      assert.match(planned.body, /Welke mogelijkheden zijn er om stap voor stap/);
      assert.match(planned.body, /<section class="mmm-meeting"[^>]* data-live-meeting /);
      assert.match(planned.body, new RegExp(`data-live-url="/casusoverleg/teams/${s.teamId}/bijeenkomsten/${id}/live"`));
      assert.doesNotMatch(planned.body, /name="versie"/, 'members get no facilitator buttons');
      await assertValidHtml(planned.body);
      // Members cannot steer.
      assert.equal((await s.member.client.post(`${s.base}/${id}/start`, { versie: '1' })).status, 403);
      // A command before the start is refused with a message.
      const early = await s.facilitator.client.post(`${s.base}/${id}/volgende`, { versie: '1' });
      assert.match(await flashAfter(s.facilitator, early), /Dat kan pas als de bijeenkomst begonnen is\./);

      await command(s, id, 'start');
      let row = await meetingRow(t, id);
      assert.equal(row.status, 'running');
      assert.equal(Number(row.current_step), 0);
      const review = await s.facilitator.client.get(`${s.base}/${id}`);
      assert.match(review.body, /Terugblik: de aanbevelingen van de vorige bijeenkomst/);
      assert.match(review.body, /Dit is de eerste bijeenkomst van het team/);
      await assertValidHtml(review.body);

      const expected = [
        [1, 5, 'Toelichting van de casus en de vraag door inbrenger'],
        [2, 10, 'Informatieve vragenronde'],
        [3, 5, 'Verplaatsing in de situatie'],
        [4, 10, 'Kernprobleem/problemen formuleren'],
        [5, 10, 'Associatieve'],
        [6, 15, 'Aanbevelingen/adviezen'],
        [7, 5, 'Relatie tot het thema/doel'],
        [8, 10, 'Afsluiting, evaluatie en te nemen concrete stappen'],
      ] as const;
      for (const [step, minutes, title] of expected) {
        const res = await command(s, id, 'volgende');
        assert.match(await flashAfter(s.facilitator, res), /Jullie zijn bij de volgende stap\./);
        const page = await s.member.client.get(`${s.base}/${id}`);
        assert.match(page.body, new RegExp(`Stap ${step} van 8: ${title.replace(/[/]/g, '\\/')}`));
        assert.match(page.body, new RegExp(`Tijd voor deze stap: ${minutes} minuten\\.`));
        assert.match(page.body, new RegExp(`Resterende tijd</span> <span class="mmm-meeting-timer__clock" data-live-clock>${minutes}:00<`));
        await assertValidHtml(page.body);
      }

      // A double click: the second click carries the version the first one already used.
      const page = await s.facilitator.client.get(`${s.base}/${id}`);
      const shown = versionOn(page.body);
      await s.facilitator.client.post(`${s.base}/${id}/vorige`, { versie: shown });
      const again = await s.facilitator.client.post(`${s.base}/${id}/vorige`, { versie: shown });
      assert.equal(again.status, 303);
      assert.match(await flashAfter(s.facilitator, again), /Dat is niet uitgevoerd: de bijeenkomst was intussen al veranderd/);
      row = await meetingRow(t, id);
      assert.equal(Number(row.current_step), 7, 'one click moved one step');

      // Five minutes more, then time runs out and over.
      await command(s, id, 'verlengen');
      row = await meetingRow(t, id);
      assert.equal(Number(row.step_extra_minutes), 5);
      t.advance(11 * 60_000 + 30_000);
      const over = await s.member.client.get(`${s.base}/${id}`);
      assert.match(over.body, /Tijd voor deze stap: 10 minuten \(waarvan 5 minuten erbij\)\./);
      assert.match(over.body, /mmm-meeting-timer--over/);
      assert.match(over.body, /Over de tijd<\/span> <span class="mmm-meeting-timer__clock" data-live-clock>1:30</);
      assert.match(over.body, /Het thema van jullie team: GGZ en arbeid in de regio/);

      await command(s, id, 'volgende');
      const last = await s.facilitator.client.post(`${s.base}/${id}/volgende`, { versie: String((await meetingRow(t, id)).version) });
      assert.match(await flashAfter(s.facilitator, last), /Dit is de laatste stap\./);
      await command(s, id, 'afsluiten');
      row = await meetingRow(t, id);
      assert.equal(row.status, 'finished');
      assert.ok(row.finished_at);
      const finished = await s.member.client.get(`${s.base}/${id}`);
      assert.match(finished.body, /De bijeenkomst is afgesloten/);
      assert.doesNotMatch(finished.body, /id="bijdrage-formulier"/);
      await assertValidHtml(finished.body);
      const afterwards = await s.facilitator.client.post(`${s.base}/${id}/vorige`, { versie: String(row.version) });
      assert.match(await flashAfter(s.facilitator, afterwards), /De bijeenkomst is al afgesloten\./);

      // Every page with the persona was logged; a missing version is a bad request, not a crash.
      const logged = await t.deps.db.kysely.selectFrom('case_access_log').select(['action', 'user_name']).where('action', '=', 'bijeenkomst').execute();
      assert.ok(logged.some((l) => l.user_name === 'Mo Deelnemer'));
      assert.equal((await s.facilitator.client.post(`${s.base}/${id}/volgende`, { versie: 'abc' })).status, 400);
    });

    test('commands sent at the same moment with the same version: exactly one is carried out', async (ctx) => {
      const t = await testApp(ctx, kind, envFor(kind));
      const s = await scene(t);
      const id = await plan(s);
      await command(s, id, 'start');
      const shown = versionOn((await s.facilitator.client.get(`${s.base}/${id}`)).body);
      const results = await Promise.all(
        ['volgende', 'volgende', 'verlengen', 'volgende', 'afsluiten'].map((slug) => s.facilitator.client.post(`${s.base}/${id}/${slug}`, { versie: shown })),
      );
      assert.deepEqual(results.map((r) => r.status), [303, 303, 303, 303, 303]);
      const row = await meetingRow(t, id);
      assert.equal(Number(row.version), Number(shown) + 1, 'one command won');
      const changes = [Number(row.current_step) === 1, Number(row.step_extra_minutes) === 5, row.status === 'finished'].filter(Boolean);
      assert.equal(changes.length, 1);
    });

    test('participants contribute per step; bad input comes back kept; a contribution written before the facilitator moved on stays with its step', async (ctx) => {
      const t = await testApp(ctx, kind, envFor(kind));
      const s = await scene(t);
      const id = await plan(s);
      const post = (person: Person, fields: Record<string, string>) => person.client.post(`${s.base}/${id}/bijdragen`, fields);
      // Before the start nothing is taken, and the text comes back.
      const early = await post(s.member, { stap: '2', tekst: 'Hoe ziet een goede dag eruit?' });
      assert.equal(early.status, 409);
      assert.match(early.body, /nog niet begonnen/);
      assert.match(early.body, /Hoe ziet een goede dag eruit\?/);
      await assertValidHtml(early.body);

      await command(s, id, 'start');
      await command(s, id, 'volgende');
      await command(s, id, 'volgende');
      const step2 = await s.member.client.get(`${s.base}/${id}`);
      assert.match(step2.body, /name="stap" value="2"/);
      assert.match(step2.body, /Jouw vraag/);

      const empty = await post(s.member, { stap: '2', tekst: '   ' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /Schrijf iets op voordat je het toevoegt\./);
      await assertValidHtml(empty.body);
      const long = 'Een hele lange vraag. '.repeat(100);
      const tooLong = await post(s.member, { stap: '2', tekst: long });
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.body, /Gebruik hoogstens 2\.000 tekens\./);
      assert.ok(tooLong.body.includes(long.trim()), 'the typed text is kept');
      assert.equal((await post(s.member, { stap: '9', tekst: 'x' })).status, 400);
      assert.equal((await post(s.member, { stap: '6', tekst: 'x' })).status, 400);
      assert.equal((await post(s.member, { tekst: 'x' })).status, 400);

      const ok = await post(s.member, { stap: '2', tekst: 'Wat gaf vroeger energie in het werk?' });
      assert.equal(ok.status, 303);
      assert.match(await flashAfter(s.member, ok), /Je bijdrage is toegevoegd\./);

      // The facilitator moves on while someone still types a question for step 2.
      await command(s, id, 'volgende');
      const late = await post(s.member, { stap: '2', tekst: 'Wie staat er om haar heen?' });
      assert.match(await flashAfter(s.member, late), /bij de stap waarvoor je hem schreef/);
      await post(s.facilitator, { stap: '3', tekst: 'Ik zou me zorgen maken over geld.' });

      // Step 4: core problems and the consensus mark.
      await command(s, id, 'volgende');
      await post(s.member, { stap: '4', tekst: 'Geen passend werk in de buurt' });
      const rows = await t.deps.db.kysely.selectFrom('case_contributions').selectAll().where('meeting_id', '=', id).orderBy('created_at').execute();
      assert.deepEqual(
        rows.map((r) => [Number(r.step), r.kind]),
        [
          [2, 'question'],
          [2, 'question'],
          [3, 'perspective'],
          [4, 'coreProblem'],
        ],
      );
      const core = rows.find((r) => r.kind === 'coreProblem')!;
      assert.equal((await s.member.client.post(`${s.base}/${id}/bijdragen/${core.id}/consensus`, { consensus: '1' })).status, 403);
      await s.facilitator.client.get(`${s.base}/${id}`);
      const marked = await s.facilitator.client.post(`${s.base}/${id}/bijdragen/${core.id}/consensus`, { consensus: '1' });
      assert.match(await flashAfter(s.facilitator, marked), /het team is het erover eens/);
      assert.equal(Number((await t.deps.db.kysely.selectFrom('case_contributions').select('consensus').where('id', '=', core.id).executeTakeFirstOrThrow()).consensus), 1);
      const question = rows[0]!;
      assert.equal((await s.facilitator.client.post(`${s.base}/${id}/bijdragen/${question.id}/consensus`, { consensus: '1' })).status, 400);
      assert.equal((await s.facilitator.client.post(`${s.base}/${id}/bijdragen/${core.id}/consensus`, { consensus: 'ja' })).status, 400);

      // Step 5: ideas need an addressee.
      await command(s, id, 'volgende');
      const noAddressee = await post(s.member, { stap: '5', tekst: 'Proefplaatsing bij een zorgorganisatie', geadresseerde: '' });
      assert.equal(noAddressee.status, 422);
      assert.match(noAddressee.body, /Kies voor wie het idee is\./);
      assert.match(noAddressee.body, /Proefplaatsing bij een zorgorganisatie/);
      await post(s.member, { stap: '5', tekst: 'Proefplaatsing bij een zorgorganisatie', geadresseerde: 'uitvoeringsinstantie' });

      // Step 6: recommendations per addressee, through the case consultation's recommendations.
      await command(s, id, 'volgende');
      const step6 = await s.member.client.get(`${s.base}/${id}`);
      assert.match(step6.body, /Aanbeveling toevoegen/);
      await assertValidHtml(step6.body);
      const badRec = await s.member.client.post(`${s.base}/${id}/aanbevelingen`, { addressee: 'iedereen', text: 'Start met twee ochtenden per week.' });
      assert.equal(badRec.status, 422);
      assert.match(badRec.body, /Start met twee ochtenden per week\./);
      await assertValidHtml(badRec.body);
      const rec = await s.member.client.post(`${s.base}/${id}/aanbevelingen`, { addressee: 'persoon', text: 'Start met twee ochtenden per week.' });
      assert.match(await flashAfter(s.member, rec), /De aanbeveling is toegevoegd\./);
      const recs = await t.deps.db.kysely.selectFrom('case_recommendations').selectAll().where('meeting_id', '=', id).execute();
      assert.equal(recs.length, 1);
      assert.equal(recs[0]!.case_id, s.caseIds[0]);

      // Steps 7 and 8.
      await command(s, id, 'volgende');
      await post(s.member, { stap: '7', tekst: 'Laat zien hoe werk en herstel samengaan.' });
      await command(s, id, 'volgende');
      const noOwner = await post(s.member, { stap: '8', soort: 'nextStep', tekst: 'Gesprek met de werkgever plannen', eigenaar: '' });
      assert.equal(noOwner.status, 422);
      assert.match(noOwner.body, /Schrijf op wie de stap oppakt\./);
      await assertValidHtml(noOwner.body);
      const noKind = await post(s.member, { stap: '8', tekst: 'Goed gesprek' });
      assert.equal(noKind.status, 422);
      await post(s.member, { stap: '8', soort: 'nextStep', tekst: 'Gesprek met de werkgever plannen', eigenaar: 'de jobcoach' });
      await post(s.facilitator, { stap: '8', soort: 'evaluation', tekst: 'Fijne, open bespreking.' });

      const overview = await s.member.client.get(`${s.base}/${id}`);
      for (const text of ['Wat gaf vroeger energie', 'Wie staat er om haar heen?', 'Ik zou me zorgen maken over geld.', 'Het team is het eens', 'Voor: Uitvoeringsinstantie', 'Start met twee ochtenden per week.', 'Wie: de jobcoach', 'Fijne, open bespreking.']) {
        assert.ok(overview.body.includes(text), `the overview shows ${text}`);
      }
      await assertValidHtml(overview.body);

      // Deleting: the author may, another member may not, the facilitator may.
      const own = (await t.deps.db.kysely.selectFrom('case_contributions').selectAll().where('author_id', '=', s.member.id).where('step', '=', 8).executeTakeFirstOrThrow()).id;
      const theirs = (await t.deps.db.kysely.selectFrom('case_contributions').selectAll().where('author_id', '=', s.facilitator.id).where('step', '=', 8).executeTakeFirstOrThrow()).id;
      assert.equal((await s.member.client.post(`${s.base}/${id}/bijdragen/${theirs}/verwijderen`)).status, 403);
      assert.equal((await s.member.client.post(`${s.base}/${id}/bijdragen/${own}/verwijderen`)).status, 303);
      assert.equal((await s.facilitator.client.post(`${s.base}/${id}/bijdragen/${question.id}/verwijderen`)).status, 303);
      assert.equal((await s.member.client.post(`${s.base}/${id}/bijdragen/${own}/verwijderen`)).status, 404);

      // A finished meeting is a record: nothing is added, the text comes back with a message.
      await command(s, id, 'afsluiten');
      const closed = await post(s.member, { stap: '8', soort: 'evaluation', tekst: 'Nog één gedachte' });
      assert.equal(closed.status, 409);
      assert.match(closed.body, /Deze bijeenkomst is afgesloten/);
      assert.match(closed.body, /Nog één gedachte/);
      await assertValidHtml(closed.body);
      const closedRec = await s.member.client.post(`${s.base}/${id}/aanbevelingen`, { addressee: 'persoon', text: 'Nog een aanbeveling' });
      assert.equal(closedRec.status, 409);
      const closedDelete = await s.facilitator.client.post(`${s.base}/${id}/bijdragen/${theirs}/verwijderen`);
      assert.match(await flashAfter(s.facilitator, closedDelete), /Er kan niets meer veranderen\./);
    });

    test('step 0 reviews the previous meeting: add to, sharpen or change with history; a stale version keeps the text', async (ctx) => {
      const t = await testApp(ctx, kind, envFor(kind));
      const s = await scene(t);
      const first = await plan(s);
      await command(s, first, 'start');
      for (let i = 0; i < 6; i++) await command(s, first, 'volgende');
      await s.member.client.post(`${s.base}/${first}/aanbevelingen`, { addressee: 'persoon', text: 'Kies werk dat past bij de zorgervaring.' });
      await command(s, first, 'afsluiten');
      const recommendation = await t.deps.db.kysely.selectFrom('case_recommendations').selectAll().where('meeting_id', '=', first).executeTakeFirstOrThrow();

      const second = await plan(s, 1);
      const path = `${s.base}/${second}/terugblik/${recommendation.id}`;
      // Not before the meeting has started.
      const early = await s.member.client.post(path, { version: '1', changeKind: 'aangescherpt', addressee: 'persoon', text: 'Iets' });
      assert.equal(early.status, 409);
      await command(s, second, 'start');
      const page = await s.member.client.get(`${s.base}/${second}`);
      assert.match(page.body, /Aanbevelingen van bijeenkomst 1 over Casus 1: Vrouw van 34/);
      assert.match(page.body, /Kies werk dat past bij de zorgervaring\./);
      assert.ok(page.body.includes(`/casusoverleg/teams/${s.teamId}/aanbevelingen/${recommendation.id}/geschiedenis`));
      await assertValidHtml(page.body);

      const noKind = await s.member.client.post(path, { version: '1', changeKind: '', addressee: 'persoon', text: 'Kies werk dat past bij de zorgervaring, eerst als vrijwilliger.' });
      assert.equal(noKind.status, 422);
      assert.match(noKind.body, /Kies of je de aanbeveling aanvult, aanscherpt of wijzigt\./);
      assert.match(noKind.body, /eerst als vrijwilliger/);
      assert.match(noKind.body, new RegExp(`href="#veld-herzien-${recommendation.id}-changeKind"`));
      await assertValidHtml(noKind.body);

      const saved = await s.member.client.post(path, { version: '1', changeKind: 'aangescherpt', addressee: 'persoon', text: 'Kies werk dat past bij de zorgervaring, eerst als vrijwilliger.' });
      assert.match(await flashAfter(s.member, saved), /De aanbeveling is aangepast\./);
      const revisions = await t.deps.db.kysely.selectFrom('case_recommendation_revisions').selectAll().where('recommendation_id', '=', recommendation.id).orderBy('version').execute();
      assert.deepEqual(
        revisions.map((r) => [Number(r.version), r.change_kind, r.reviewed_in]),
        [
          [1, 'opgesteld', null],
          [2, 'aangescherpt', second],
        ],
      );

      // The facilitator still had the form with version 1: a conflict, the typed text stays.
      const stale = await s.facilitator.client.post(path, { version: '1', changeKind: 'gewijzigd', addressee: 'omgeving', text: 'Het wijkteam zoekt mee naar werk.' });
      assert.equal(stale.status, 422);
      assert.match(stale.body, /Iemand anders heeft deze aanbeveling aangepast/);
      assert.match(stale.body, /Het wijkteam zoekt mee naar werk\./);
      assert.match(stale.body, /eerst als vrijwilliger/);
      assert.match(stale.body, /name="version" value="2"/);
      await assertValidHtml(stale.body);

      const added = await s.member.client.post(`${s.base}/${second}/terugblik`, { addressee: 'overkoepelend', text: 'Maak afspraken over proefplaatsingen in de regio.' });
      assert.match(await flashAfter(s.member, added), /toegevoegd aan de vorige casus/);
      const addedRow = await t.deps.db.kysely.selectFrom('case_recommendations').selectAll().where('meeting_id', '=', second).executeTakeFirstOrThrow();
      assert.equal(addedRow.case_id, s.caseIds[0], 'added to the previous case');
      const emptyAdd = await s.member.client.post(`${s.base}/${second}/terugblik`, { addressee: 'overkoepelend', text: '' });
      assert.equal(emptyAdd.status, 422);
      await assertValidHtml(emptyAdd.body);

      const records = await s.member.client.get(`${s.base}/${second}`);
      assert.match(records.body, /Aanbeveling aangescherpt/);
      assert.match(records.body, /Nieuwe aanbeveling voor de vorige casus/);
      assert.match(records.body, /Maak afspraken over proefplaatsingen in de regio\./);

      // A recommendation that is not under review here, or of nobody's, is not found.
      assert.equal((await s.member.client.post(`${s.base}/${second}/terugblik/${addedRow.id}x`, { version: '1', changeKind: 'gewijzigd', addressee: 'persoon', text: 'x' })).status, 404);
      assert.equal((await s.member.client.post(`${s.base}/${first}/terugblik/${recommendation.id}`, { version: '2', changeKind: 'gewijzigd', addressee: 'persoon', text: 'x' })).status, 404);
    });

    test('sub-resources of another team are not found; outsiders and people without two-factor authentication get nothing', async (ctx) => {
      const t = await testApp(ctx, kind, envFor(kind));
      const s = await scene(t);
      const id = await plan(s);
      await command(s, id, 'start');
      // A second team whose facilitator is our member.
      const other = await inTransaction(t.deps, (tx) => createTeam(tx, t.deps, s.member.id, { name: 'Ander team', regionSlug: null, purpose: 'Iets anders' }, null));
      assert.ok(other.ok);
      await inTransaction(t.deps, (tx) => enableConsultation(tx, t.deps, other.teamId, s.member.id, 'Ander thema'));
      const otherBase = `/casusoverleg/teams/${other.teamId}/bijeenkomsten`;
      assert.equal((await s.member.client.get(`${otherBase}/${id}`)).status, 404);
      assert.equal((await s.member.client.get(`${otherBase}/${id}/stand`)).status, 404);
      assert.equal((await s.member.client.get(`${otherBase}/${id}/live`)).status, 404);
      assert.equal((await s.member.client.post(`${otherBase}/${id}/volgende`, { versie: '2' })).status, 404);
      assert.equal((await s.member.client.post(`${otherBase}/${id}/bijdragen`, { stap: '1', tekst: 'x' })).status, 404);
      assert.equal((await s.member.client.post(`${otherBase}/${id}/aanbevelingen`, { addressee: 'persoon', text: 'x' })).status, 404);
      assert.equal((await s.member.client.post(`${otherBase}/${id}/terugblik`, { addressee: 'persoon', text: 'x' })).status, 404);
      assert.equal((await meetingRow(t, id)).version, 2);

      const outsider = await registeredPerson(t, { name: 'Otto Buiten' });
      await enableTwoFactor(t, outsider);
      assert.equal((await outsider.client.get(`${s.base}/${id}`)).status, 403);
      assert.equal((await outsider.client.get(`${s.base}/${id}/live`)).status, 403);
      assert.equal((await t.client().get(`${s.base}/${id}`)).status, 303);
      // A member without two-factor authentication is sent to the team page that explains it.
      const plain = await registeredPerson(t, { name: 'Pim Zonder' });
      const link = await inTransaction(t.deps, (tx) => createInviteLink(tx, t.deps, s.teamId, s.facilitator.id, 'member', null));
      await inTransaction(t.deps, (tx) => acceptInvitation(tx, t.deps, link!.url.split('/').pop()!, plain.id, null));
      const refused = await plain.client.get(`${s.base}/${id}`);
      assert.equal(refused.status, 303);
      assert.equal(refused.location, `/casusoverleg/teams/${s.teamId}`);
    });

    test('the live stream: current state first, then every change; contributions announced; a removed member is cut off at once', async (ctx) => {
      const t = await testApp(ctx, kind, envFor(kind));
      const s = await scene(t);
      const id = await plan(s);
      const port = await listen(t);
      const livePath = `${s.base}/${id}/live`;
      const member = await SseClient.open(port, livePath, cookieOf(t, s.member));
      assert.equal(member.status, 200);
      assert.match(String(member.headers['content-type']), /^text\/event-stream/);
      assert.equal(member.headers['cache-control'], 'no-store');
      assert.equal(member.headers['x-accel-buffering'], 'no');
      assert.equal(member.headers['x-content-type-options'], 'nosniff');
      const first = await member.waitFor((e) => e.event === 'state');
      assert.equal(JSON.parse(first.data).status, 'planned');
      const head = await t.app.inject({ method: 'HEAD', url: livePath, headers: { cookie: cookieOf(t, s.member) } });
      assert.equal(head.statusCode, 200);
      assert.match(String(head.headers['content-type']), /^text\/event-stream/);
      assert.equal(first.id, '1');

      await command(s, id, 'start');
      const started = await member.waitFor((e) => e.event === 'state' && JSON.parse(e.data).status === 'running');
      const state = JSON.parse(started.data) as { step: number; heading: string; endsAt: string; remainingSeconds: number; serverNow: string; version: number };
      assert.equal(state.step, 0);
      assert.equal(state.version, 2);
      assert.match(state.heading, /Terugblik/);
      assert.equal(state.remainingSeconds, 600);
      const left = Date.parse(state.endsAt) - Date.parse(state.serverNow);
      assert.ok(left > 590_000 && left <= 600_000, `ten minutes for the review, got ${left} ms`);

      await command(s, id, 'volgende');
      const step1 = await member.waitFor((e) => e.event === 'state' && JSON.parse(e.data).step === 1);
      assert.match(JSON.parse(step1.data).heading, /Stap 1 van 8: Toelichting/);

      // A late joiner gets the current state as its first event.
      const late = await SseClient.open(port, livePath, cookieOf(t, s.facilitator));
      const lateFirst = await late.waitFor((e) => e.event === 'state');
      assert.equal(JSON.parse(lateFirst.data).step, 1);

      const count = member.events.length;
      await s.facilitator.client.post(`${s.base}/${id}/bijdragen`, { stap: '1', tekst: 'Aantekening' });
      await member.waitFor((e) => e.event === 'contributions', count);
      await late.waitFor((e) => e.event === 'contributions');

      // The fragment for the script: the live parts, without the persona and without logging.
      const logged = async () => Number((await t.deps.db.kysely.selectFrom('case_access_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await logged();
      const stand = await s.member.client.get(`${s.base}/${id}/stand`);
      assert.equal(stand.status, 200);
      assert.match(stand.body, /^<div data-live-fragment data-version="3" data-step="1" data-status="running">/);
      assert.match(stand.body, /data-live-part="records"/);
      assert.match(stand.body, /Aantekening/);
      assert.doesNotMatch(stand.body, /Cognitieve gedragstherapie/);
      assert.equal(await logged(), before);

      // The member leaves the team mid-meeting: the next event closes the stream, a reconnect is refused.
      await inTransaction(t.deps, (tx) => removeMember(tx, t.deps, s.teamId, s.facilitator.id, s.member.id, null));
      await command(s, id, 'volgende');
      await member.waitForEnd();
      assert.ok(!member.events.some((e) => e.event === 'state' && JSON.parse(e.data).step === 2), 'no state after the removal');
      await late.waitFor((e) => e.event === 'state' && JSON.parse(e.data).step === 2);
      const again = await SseClient.open(port, livePath, cookieOf(t, s.member));
      assert.equal(again.status, 403);
      again.close();
      late.close();
      await eventually(() => openLiveStreams.get(t.deps)?.() === 0, 'streams to close');
    });

    test('the heartbeat keeps the stream open, re-checks the session and ends the stream after logging out; closing the app ends open streams', async () => {
      const t = await createTestApp(kind, envFor(kind));
      const saved = liveTiming.heartbeatMs;
      liveTiming.heartbeatMs = 100;
      try {
        const s = await scene(t);
        const id = await plan(s);
        const port = await listen(t);
        const member = await SseClient.open(port, `${s.base}/${id}/live`, cookieOf(t, s.member));
        const facilitator = await SseClient.open(port, `${s.base}/${id}/live`, cookieOf(t, s.facilitator));
        await member.waitFor((e) => e.event === 'state');
        await eventually(() => member.comments.includes('ping'), 'a heartbeat');
        // A change that reached nobody (no event sent) is still picked up by the next heartbeat.
        await t.deps.db.kysely.updateTable('case_meetings').set({ version: 5, status: 'running', current_step: 0, step_started_at: new Date().toISOString() }).where('id', '=', id).execute();
        await member.waitFor((e) => e.event === 'state' && e.id === '5');
        await s.member.client.get('/');
        await s.member.client.post('/account/uitloggen');
        await member.waitForEnd();
        assert.equal(facilitator.ended, false);
        // app.close() does not wait for the open stream: it is ended.
        const closing = t.app.close();
        await facilitator.waitForEnd();
        await closing;
      } finally {
        liveTiming.heartbeatMs = saved;
        await t.close();
      }
    });

    if (kind.name === 'postgres') {
      test('two app instances on one database share live events through LISTEN/NOTIFY', async () => {
        const t = await createTestApp(kind, envFor(kind));
        const mail = new MemoryMailer();
        const second = await buildApp(t.deps.config, { db: t.deps.db, mailer: mail, logger: false });
        try {
          assert.ok(t.deps.live instanceof PgLiveHub, 'the app listens on PostgreSQL');
          assert.ok(second.deps.live instanceof PgLiveHub);
          assert.equal((t.deps.live as PgLiveHub).notificationChannel, (second.deps.live as PgLiveHub).notificationChannel);
          const s = await scene(t);
          const id = await plan(s);
          await second.app.listen({ host: '127.0.0.1', port: 0 });
          const address = second.app.server.address();
          assert.ok(address && typeof address === 'object');
          // The member follows on instance two; the facilitator steers on instance one.
          const member = await SseClient.open(address.port, `${s.base}/${id}/live`, cookieOf(t, s.member));
          await member.waitFor((e) => e.event === 'state');
          await command(s, id, 'start');
          await member.waitFor((e) => e.event === 'state' && JSON.parse(e.data).status === 'running');
          await command(s, id, 'volgende');
          await member.waitFor((e) => e.event === 'state' && JSON.parse(e.data).step === 1);
          member.close();
        } finally {
          await second.app.close();
          await t.close();
        }
      });
    } else {
      test('without PostgreSQL the hub is in-process', async (ctx) => {
        const t = await testApp(ctx, kind);
        assert.ok(t.deps.live instanceof LocalLiveHub);
      });
    }
  });
}

import assert from 'node:assert/strict';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { after, before, describe, test } from 'node:test';
import { newId } from '../../../platform/auth/tokens.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { firstAdministrator, registeredPerson, type Person } from '../../../testing/scenario.js';
import { appointCoordinator } from '../../../testing/desk-scenario.js';
import { deskChangeCounter } from '../shared/changes.repo.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { hide, restore } from '../shared/publication.js';
import { handleReport, moderate } from './queue.service.js';

const DAY = 24 * 60 * 60 * 1000;

/** Rows straight into the desk's tables, as the other parts of the desk would write them. */
function seeder(t: TestApp) {
  const db = t.deps.db.kysely;
  const stamp = () => t.deps.clock().toISOString();
  const edited = () => ({ created_by: null, created_at: stamp(), updated_by: null, updated_at: stamp(), version: 1 });
  return {
    async organisation(region: string, name: string, status: 'pending' | 'published' | 'hidden') {
      const id = newId();
      await db
        .insertInto('desk_organisations')
        .values({ id, region_slug: region, name, alternate_name: null, description: `Over ${name}.`, email: null, website: null, kind: 'gemeente', status, ...edited() })
        .execute();
      return id;
    },
    async employer(region: string, name: string, status: 'pending' | 'verified') {
      const id = newId();
      await db
        .insertInto('desk_employers')
        .values({
          id,
          region_slug: region,
          name,
          description: 'Wij staan open.',
          offers_adjustments: 'Ja',
          offers_guidance: 'Ja',
          offers_trial_placements: 'Ja',
          contact_name: 'Bram',
          contact_email: 'bram@example.org',
          contact_phone: null,
          website: null,
          city: 'Middelburg',
          status,
          pledged_at: stamp(),
          verified_by: null,
          verified_at: null,
          rejection_reason: null,
          withdrawn_at: null,
          ...edited(),
        })
        .execute();
      return id;
    },
    async vacancy(region: string, employerId: string, title: string) {
      const id = newId();
      await db
        .insertInto('desk_vacancies')
        .values({
          id,
          region_slug: region,
          employer_id: employerId,
          title,
          what_you_do: 'Je werkt in de winkel.',
          hours: '16 uur',
          hours_per_week: 16,
          place: 'Middelburg',
          help_available: 'Een maatje',
          what_we_ask: 'Vriendelijkheid',
          contact: 'Mail Bram',
          contact_email: null,
          contact_phone: null,
          expires_on: dutchToday(new Date(t.deps.clock().getTime() + 20 * DAY)),
          status: 'published',
          reviewed_by: null,
          reviewed_at: null,
          ...edited(),
        })
        .execute();
      return id;
    },
    async group(region: string, name: string, status: 'pending' | 'published') {
      const id = newId();
      await db
        .insertInto('desk_groups')
        .values({ id, region_slug: region, organisation_id: null, name, description: 'Samen.', for_whom: 'Iedereen', contact_email: 'g@example.org', status, ...edited() })
        .execute();
      return id;
    },
    async faq(region: string, question: string) {
      const id = newId();
      await db.insertInto('desk_faqs').values({ id, region_slug: region, question_id: null, question, answer: 'Ja.', answered_by: 'Het loket', status: 'published', ...edited() }).execute();
      return id;
    },
    async question(region: string, body: string, crisis = false) {
      const id = newId();
      await db
        .insertInto('desk_questions')
        .values({
          id,
          region_slug: region,
          body,
          asker_email: null,
          access_token_hash: newId(),
          consent_to_publish: 0,
          looked_like_crisis: crisis ? 1 : 0,
          status: 'new',
          organisation_id: null,
          routed_by: null,
          routed_at: null,
          routing_note: null,
          email_deleted_at: null,
          created_at: stamp(),
        })
        .execute();
      return id;
    },
    async report(region: string, kind: string, itemId: string, title: string) {
      const id = newId();
      await db
        .insertInto('desk_reports')
        .values({ id, region_slug: region, item_kind: kind, item_id: itemId, item_title: title, reason: 'verouderd', details: '', status: 'open', created_at: stamp(), handled_by: null, handled_at: null, outcome: null })
        .execute();
      return id;
    },
  };
}

async function auditCount(t: TestApp, event: string, target: string): Promise<number> {
  const rows = await t.deps.db.kysely.selectFrom('audit_log').select('id').where('event', '=', event).where('target', '=', target).execute();
  return rows.length;
}

for (const kind of testDatabaseKinds()) {
  describe(`desk moderation queue and reports (${kind.name})`, () => {
    let t: TestApp;
    let seed: ReturnType<typeof seeder>;
    let admin: Person;
    let cor: Person;
    let corrie: Person;
    let gerda: Person;
    let member: Person;
    const ids: Record<string, string> = {};
    const status = async (table: 'desk_organisations' | 'desk_groups' | 'desk_vacancies' | 'desk_faqs', id: string) =>
      (await t.deps.db.kysely.selectFrom(table).select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow()) as { status: string; version: number };

    before(async () => {
      t = await createTestApp(kind);
      seed = seeder(t);
      admin = await firstAdministrator(t);
      cor = await appointCoordinator(t, admin, 'zeeland', 'Cor');
      corrie = await appointCoordinator(t, admin, 'zeeland', 'Corrie');
      gerda = await appointCoordinator(t, admin, 'groningen', 'Gerda');
      member = await registeredPerson(t, { name: 'Mira' });

      ids.pendingOrg = await seed.organisation('zeeland', 'Buurtteam Walcheren', 'pending');
      ids.pendingOrg2 = await seed.organisation('zeeland', 'Werkpunt Vlissingen', 'pending');
      ids.publishedOrg = await seed.organisation('zeeland', 'Gemeente Goes', 'published');
      ids.hiddenOrg = await seed.organisation('zeeland', 'Verborgen Stichting', 'hidden');
      ids.pendingEmployer = await seed.employer('zeeland', 'Bakkerij Zeeuws Meisje', 'pending');
      ids.employer = await seed.employer('zeeland', 'Winkel De Schelde', 'verified');
      ids.vacancy = await seed.vacancy('zeeland', ids.employer, 'Winkelhulp');
      ids.vacancy2 = await seed.vacancy('zeeland', ids.employer, 'Vakkenvuller');
      ids.question = await seed.question('zeeland', 'Hoe vertel ik mijn werkgever over mijn depressie?');
      ids.crisisQuestion = await seed.question('zeeland', 'Ik zie het echt niet meer zitten.', true);
      ids.pendingGroup = await seed.group('zeeland', 'Lotgenoten Goes', 'pending');
      ids.pendingGroup2 = await seed.group('zeeland', 'Lotgenoten Zierikzee', 'pending');
      ids.faq = await seed.faq('zeeland', 'Wat doet een jobcoach?');
      ids.report = await seed.report('zeeland', 'faq', ids.faq, 'Wat doet een jobcoach?');
      // Groningen's queue must never show in Zeeland's.
      ids.otherOrg = await seed.organisation('groningen', 'Groninger Werkpunt', 'pending');
      ids.otherPublished = await seed.organisation('groningen', 'Gemeente Groningen', 'published');
      ids.otherReport = await seed.report('groningen', 'organisation', ids.otherPublished, 'Gemeente Groningen');
    });
    after(async () => t.close());

    test('the queue shows each section with its count, only for this region', async () => {
      const page = await cor.client.get('/loket/zeeland/beheer');
      assert.equal(page.status, 200, page.body.slice(0, 300));
      await assertValidHtml(page.body);
      for (const heading of [
        'Organisaties die wachten (2)',
        'Werkgevers die wachten op controle (1)',
        'Vacatures die nog niemand bekeek (2)',
        'Nieuwe vragen (2)',
        'Lotgenotengroepen die wachten (2)',
        'Open meldingen (1)',
      ]) {
        assert.ok(page.body.includes(heading), heading);
      }
      assert.ok(page.body.includes(`href="/loket/zeeland/beheer/werkgevers/${ids.pendingEmployer}"`), 'employer link');
      assert.ok(page.body.includes(`href="/loket/zeeland/beheer/vragen/${ids.question}"`), 'question link');
      assert.ok(page.body.includes(`href="/loket/zeeland/beheer/meldingen/${ids.report}"`), 'report link');
      assert.match(page.body, /Lijkt op een crisis/);
      for (const other of [ids.otherOrg, ids.otherReport, ids.publishedOrg, ids.hiddenOrg]) assert.ok(!page.body.includes(other!), `${other} not in the queue`);
      const tools = await cor.client.get('/loket/zeeland/beheer/hulpmiddelen');
      assert.equal(tools.status, 200);
      await assertValidHtml(tools.body);
      for (const link of ['/beheer/sociale-kaart', '/beheer/sociale-kaart/importeren', '/regelingen', '/woordenlijst', '/beheer/vragen']) {
        assert.ok(tools.body.includes(`href="/loket/zeeland${link}"`), link);
      }
    });

    test('only coordinators of this region get in', async () => {
      const anonymous = await t.client().get('/loket/zeeland/beheer');
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.location ?? '', /^\/account\/inloggen/);
      assert.equal((await member.client.get('/loket/zeeland/beheer')).status, 403);
      assert.equal((await admin.client.get('/loket/zeeland/beheer')).status, 403, 'an administrator is not a coordinator');
      for (const path of ['/loket/zeeland/beheer', '/loket/zeeland/beheer/hulpmiddelen', `/loket/zeeland/beheer/meldingen/${ids.report}`]) {
        assert.equal((await gerda.client.get(path)).status, 403, path);
      }
      await gerda.client.get('/loket/groningen/beheer');
      for (const path of [
        `/loket/zeeland/beheer/wachtrij/organisaties/${ids.pendingOrg}/publiceren`,
        `/loket/zeeland/beheer/wachtrij/organisaties/${ids.pendingOrg}/verbergen`,
        `/loket/zeeland/beheer/wachtrij/vacatures/${ids.vacancy}/bekeken`,
        `/loket/zeeland/beheer/wachtrij/vacatures/${ids.vacancy}/verbergen`,
        `/loket/zeeland/beheer/wachtrij/lotgenoten/${ids.pendingGroup}/publiceren`,
        `/loket/zeeland/beheer/wachtrij/lotgenoten/${ids.pendingGroup}/verbergen`,
        `/loket/zeeland/beheer/meldingen/${ids.report}`,
      ]) {
        assert.equal((await gerda.client.post(path, { outcome: 'Gedaan' })).status, 403, path);
      }
      // Her own region's address with Zeeland's item: not found, and nothing changed.
      assert.equal((await gerda.client.post(`/loket/groningen/beheer/wachtrij/organisaties/${ids.pendingOrg}/publiceren`)).status, 404);
      assert.equal((await gerda.client.get(`/loket/groningen/beheer/meldingen/${ids.report}`)).status, 404);
      assert.equal((await status('desk_organisations', ids.pendingOrg!)).status, 'pending');
      const own = await gerda.client.get('/loket/groningen/beheer');
      assert.equal(own.status, 200);
      assert.ok(own.body.includes('Groninger Werkpunt') && !own.body.includes('Buurtteam Walcheren'), 'her own queue only');
    });

    test('publishing and hiding organisations: audited, the desk marked changed, a second click is stale', async () => {
      const before = await deskChangeCounter(t.deps.db.kysely, 'zeeland');
      await cor.client.get('/loket/zeeland/beheer');
      const published = await cor.client.post(`/loket/zeeland/beheer/wachtrij/organisaties/${ids.pendingOrg}/publiceren`);
      assert.equal(published.status, 303);
      assert.equal(published.location, '/loket/zeeland/beheer');
      assert.match((await cor.client.follow(published)).body, /Gepubliceerd\./);
      assert.deepEqual(await status('desk_organisations', ids.pendingOrg!), { status: 'published', version: 2 });
      assert.equal(await deskChangeCounter(t.deps.db.kysely, 'zeeland'), before + 1);
      assert.equal(await auditCount(t, 'desk.item_moderated', `organisation:${ids.pendingOrg}`), 1);

      // Corrie still had the old queue open.
      await corrie.client.get('/loket/zeeland/beheer');
      const stale = await corrie.client.post(`/loket/zeeland/beheer/wachtrij/organisaties/${ids.pendingOrg}/verbergen`);
      assert.equal(stale.status, 409);
      assert.match(stale.body, /Dit is al afgehandeld, misschien door een andere coördinator/);
      await assertValidHtml(stale.body);
      assert.equal((await status('desk_organisations', ids.pendingOrg!)).status, 'published');

      const hidden = await corrie.client.post(`/loket/zeeland/beheer/wachtrij/organisaties/${ids.pendingOrg2}/verbergen`);
      assert.equal(hidden.status, 303);
      assert.equal((await status('desk_organisations', ids.pendingOrg2!)).status, 'hidden');
      assert.equal((await cor.client.post(`/loket/zeeland/beheer/wachtrij/organisaties/${newId()}/publiceren`)).status, 404);
      const queue = await cor.client.get('/loket/zeeland/beheer');
      assert.ok(queue.body.includes('Organisaties die wachten (0)'), 'nothing waits');
    });

    test('vacancies: marked as looked at or hidden', async () => {
      const before = await deskChangeCounter(t.deps.db.kysely, 'zeeland');
      const reviewed = await cor.client.post(`/loket/zeeland/beheer/wachtrij/vacatures/${ids.vacancy}/bekeken`);
      assert.equal(reviewed.status, 303);
      const row = await t.deps.db.kysely.selectFrom('desk_vacancies').select(['status', 'reviewed_by', 'reviewed_at']).where('id', '=', ids.vacancy!).executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      assert.equal(row.reviewed_by, cor.id);
      assert.ok(row.reviewed_at, 'reviewed_at set');
      assert.equal(await deskChangeCounter(t.deps.db.kysely, 'zeeland'), before, 'nothing public changed');
      assert.equal((await cor.client.post(`/loket/zeeland/beheer/wachtrij/vacatures/${ids.vacancy}/bekeken`)).status, 409);

      const hidden = await cor.client.post(`/loket/zeeland/beheer/wachtrij/vacatures/${ids.vacancy2}/verbergen`);
      assert.equal(hidden.status, 303);
      assert.equal((await status('desk_vacancies', ids.vacancy2!)).status, 'hidden');
      assert.equal(await deskChangeCounter(t.deps.db.kysely, 'zeeland'), before + 1);
      assert.equal(await auditCount(t, 'desk.item_moderated', `vacancy:${ids.vacancy2}`), 1);
      assert.ok((await cor.client.get('/loket/zeeland/beheer')).body.includes('Vacatures die nog niemand bekeek (0)'), 'none left');
    });

    test('peer-support groups: published or hidden', async () => {
      assert.equal((await cor.client.post(`/loket/zeeland/beheer/wachtrij/lotgenoten/${ids.pendingGroup}/publiceren`)).status, 303);
      assert.equal((await cor.client.post(`/loket/zeeland/beheer/wachtrij/lotgenoten/${ids.pendingGroup2}/verbergen`)).status, 303);
      assert.equal((await status('desk_groups', ids.pendingGroup!)).status, 'published');
      assert.equal((await status('desk_groups', ids.pendingGroup2!)).status, 'hidden');
      assert.equal((await cor.client.post(`/loket/zeeland/beheer/wachtrij/lotgenoten/${ids.pendingGroup}/verbergen`)).status, 409);
    });

    test('the report form names the item; unknown items and other regions get a Dutch 404', async () => {
      const form = await t.client().get(`/loket/zeeland/melden?soort=organisation&id=${ids.publishedOrg}`);
      assert.equal(form.status, 200);
      await assertValidHtml(form.body);
      assert.match(form.body, /Gemeente Goes/);
      assert.match(form.body, /class="mmm-honeypot"/);
      for (const reason of ['Onjuiste informatie', 'Verouderd', 'Ongepast of kwetsend', 'Spam', 'Anders']) assert.ok(form.body.includes(reason), reason);
      for (const query of [
        `soort=organisation&id=${newId()}`,
        `soort=organisation&id=${ids.otherPublished}`,
        `soort=organisation&id=${ids.hiddenOrg}`,
        `soort=employer&id=${ids.pendingEmployer}`,
        `soort=bestaat-niet&id=${ids.publishedOrg}`,
        'soort=organisation',
        `soort=organisation&id=${encodeURIComponent("'; DROP TABLE x; --")}`,
      ]) {
        const missing = await t.client().get(`/loket/zeeland/melden?${query}`);
        assert.equal(missing.status, 404, query);
        assert.match(missing.body, /Dit onderdeel vinden we niet/);
      }
      const notFoundPage = await t.client().get(`/loket/zeeland/melden?soort=faq&id=${newId()}`);
      await assertValidHtml(notFoundPage.body);
      assert.equal((await t.client().get(`/loket/atlantis/melden?soort=organisation&id=${ids.publishedOrg}`)).status, 404);
      for (const [kind, id] of [
        ['employer', ids.employer],
        ['vacancy', ids.vacancy],
        ['faq', ids.faq],
        ['group', ids.pendingGroup],
      ] as const) {
        assert.equal((await t.client().get(`/loket/zeeland/melden?soort=${kind}&id=${id}`)).status, 200, kind);
      }
    });

    test('reports: stored when valid, errors at the field, silently dropped when a robot fills the hidden field', async () => {
      const visitor = t.client();
      await visitor.get(`/loket/zeeland/melden?soort=organisation&id=${ids.publishedOrg}`);
      const count = async () => (await t.deps.db.kysely.selectFrom('desk_reports').select('id').where('region_slug', '=', 'zeeland').execute()).length;
      const before = await count();

      const missing = await visitor.post('/loket/zeeland/melden', { soort: 'organisation', id: ids.publishedOrg!, reason: '', details: 'Het adres klopt niet.' });
      assert.equal(missing.status, 422);
      assert.match(missing.body, /Kies wat er aan de hand is\./);
      assert.match(missing.body, /Het adres klopt niet\./);
      await assertValidHtml(missing.body);

      const long = await visitor.post('/loket/zeeland/melden', { soort: 'organisation', id: ids.publishedOrg!, reason: 'anders', details: 'x'.repeat(2001) });
      assert.equal(long.status, 422);
      assert.match(long.body, /Je toelichting is te lang/);

      const robot = await visitor.post('/loket/zeeland/melden', { soort: 'organisation', id: ids.publishedOrg!, reason: 'spam', details: 'Koop nu', website: 'https://spam.example' });
      assert.equal(robot.status, 303);
      assert.equal(await count(), before, 'nothing stored for a robot');

      const sent = await visitor.post('/loket/zeeland/melden', { soort: 'organisation', id: ids.publishedOrg!, reason: 'verouderd', details: 'Het telefoonnummer is oud.', website: '' });
      assert.equal(sent.status, 303);
      assert.equal(sent.location, '/loket/zeeland/melden/bedankt');
      const thanks = await visitor.follow(sent);
      assert.match(thanks.body, /Bedankt voor je melding/);
      await assertValidHtml(thanks.body);
      const row = await t.deps.db.kysely
        .selectFrom('desk_reports')
        .selectAll()
        .where('item_id', '=', ids.publishedOrg!)
        .where('region_slug', '=', 'zeeland')
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'open');
      assert.equal(row.item_kind, 'organisation');
      assert.equal(row.item_title, 'Gemeente Goes');
      assert.equal(row.reason, 'verouderd');
      assert.equal(row.details, 'Het telefoonnummer is oud.');
      ids.orgReport = row.id;

      const otherRegion = await visitor.post('/loket/zeeland/melden', { soort: 'organisation', id: ids.otherPublished!, reason: 'spam', details: '' });
      assert.equal(otherRegion.status, 404);
      assert.equal(await count(), before + 1);
    });

    test('handling a report: a note is needed; the item can be hidden at once; a second coordinator finds it done', async () => {
      const page = await cor.client.get(`/loket/zeeland/beheer/meldingen/${ids.orgReport}`);
      assert.equal(page.status, 200);
      await assertValidHtml(page.body);
      assert.match(page.body, /Het telefoonnummer is oud\./);
      assert.ok(page.body.includes(`href="/loket/zeeland/organisaties/${ids.publishedOrg}"`), 'item link');
      assert.match(page.body, /name="hideItem"/);

      const empty = await cor.client.post(`/loket/zeeland/beheer/meldingen/${ids.orgReport}`, { outcome: '  ', hideItem: 'ja' });
      assert.equal(empty.status, 422);
      assert.match(empty.body, /Schrijf kort op wat je gedaan hebt\./);
      assert.match(empty.body, /name="hideItem" value="ja" checked/);
      await assertValidHtml(empty.body);

      const before = await deskChangeCounter(t.deps.db.kysely, 'zeeland');
      await corrie.client.get(`/loket/zeeland/beheer/meldingen/${ids.orgReport}`);
      const handled = await cor.client.post(`/loket/zeeland/beheer/meldingen/${ids.orgReport}`, { outcome: 'Organisatie bestaat niet meer, verborgen.', hideItem: 'ja' });
      assert.equal(handled.status, 303);
      assert.match((await cor.client.follow(handled)).body, /Melding afgehandeld\./);
      const report = await t.deps.db.kysely.selectFrom('desk_reports').selectAll().where('id', '=', ids.orgReport!).executeTakeFirstOrThrow();
      assert.equal(report.status, 'handled');
      assert.equal(report.handled_by, cor.id);
      assert.equal(report.outcome, 'Organisatie bestaat niet meer, verborgen.');
      assert.equal((await status('desk_organisations', ids.publishedOrg!)).status, 'hidden');
      assert.equal(await deskChangeCounter(t.deps.db.kysely, 'zeeland'), before + 1);
      assert.equal(await auditCount(t, 'desk.report_handled', `report:${ids.orgReport}`), 1);

      const late = await corrie.client.post(`/loket/zeeland/beheer/meldingen/${ids.orgReport}`, { outcome: 'Ik kijk ernaar.' });
      assert.equal(late.status, 409);
      assert.match(late.body, /Dit is al afgehandeld/);
      assert.match(late.body, /Organisatie bestaat niet meer, verborgen\./);
      await assertValidHtml(late.body);

      // Without hiding: the FAQ stays published.
      const kept = await cor.client.post(`/loket/zeeland/beheer/meldingen/${ids.report}`, { outcome: 'Klopt wel, niets aan gedaan.' });
      assert.equal(kept.status, 303);
      assert.equal((await status('desk_faqs', ids.faq!)).status, 'published');
      assert.equal((await cor.client.get(`/loket/zeeland/beheer/meldingen/${newId()}`)).status, 404);
      assert.ok((await cor.client.get('/loket/zeeland/beheer')).body.includes('Open meldingen (0)'), 'no open reports');
    });
  });

  describe(`desk publication audits every item the same way (${kind.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind);
    });
    after(async () => t.close());

    test('publishing, hiding, reviewing and restoring each write one row with target kind:id', async () => {
      const seed = seeder(t);
      const db = t.deps.db.kysely;
      const actorId = (await registeredPerson(t, { name: 'Cora' })).id;
      const organisation = await seed.organisation('zeeland', 'Gemeente Vlissingen', 'pending');
      const group = await seed.group('zeeland', 'Lotgenoten Goes', 'published');
      const faq = await seed.faq('zeeland', 'Mag ik parttime werken?');
      const vacancy = await seed.vacancy('zeeland', await seed.employer('zeeland', 'Bakkerij Bram', 'verified'), 'Verkoper');
      const report = await seed.report('zeeland', 'faq', faq, 'Mag ik parttime werken?');
      await inTransaction(t.deps, async (tx) => {
        assert.equal(await moderate(tx, t.deps, 'zeeland', organisation, { kind: 'organisation', action: 'publish' }, actorId, null), 'ok');
        assert.equal(await moderate(tx, t.deps, 'zeeland', vacancy, { kind: 'vacancy', action: 'reviewed' }, actorId, null), 'ok');
        assert.equal(await handleReport(tx, t.deps, 'zeeland', report, { outcome: 'Klopt niet meer.', hideItem: true }, actorId, null), 'ok');
        const now = t.deps.clock();
        assert.equal(await hide(tx.db, { regionSlug: 'zeeland', kind: 'group', id: group, actorId }, now), 'ok');
        assert.equal(await restore(tx.db, { regionSlug: 'zeeland', kind: 'group', id: group, actorId }, now), 'ok');
        assert.equal(await hide(tx.db, { regionSlug: 'zeeland', kind: 'vacancy', id: vacancy, actorId }, now), 'ok');
        assert.equal(await restore(tx.db, { regionSlug: 'zeeland', kind: 'vacancy', id: vacancy, actorId }, now), 'ok');
        // Hiding again what is hidden already changes nothing and writes nothing.
        assert.equal(await hide(tx.db, { regionSlug: 'zeeland', kind: 'faq', id: faq, actorId }, now), 'stale');
        assert.equal(await hide(tx.db, { regionSlug: 'rijnmond', kind: 'faq', id: faq, actorId }, now), 'notFound');
      });
      const rows = await db.selectFrom('audit_log').select(['target', 'detail']).where('event', '=', 'desk.item_moderated').orderBy('occurred_at').orderBy('id').execute();
      const seen = rows.map((r) => `${r.target} ${(JSON.parse(r.detail ?? '{}') as { action?: string }).action}`).sort();
      assert.deepEqual(
        seen,
        [
          `faq:${faq} hide`,
          `group:${group} hide`,
          `group:${group} restore`,
          `organisation:${organisation} publish`,
          `vacancy:${vacancy} hide`,
          `vacancy:${vacancy} restore`,
          `vacancy:${vacancy} review`,
        ].sort(),
      );
      for (const id of [organisation, group, faq, vacancy]) {
        assert.equal((await db.selectFrom('audit_log').select('id').where('target', '=', id).execute()).length, 0, 'no bare id as target');
      }
    });
  });

  describe(`desk reports are rate limited (${kind.name})`, () => {
    let t: TestApp;
    let organisationId: string;
    before(async () => {
      t = await createTestApp(kind);
      organisationId = await seeder(t).organisation('zeeland', 'Gemeente Middelburg', 'published');
    });
    after(async () => t.close());

    test('the sixth report within ten minutes gets 429', async () => {
      const visitor = t.client();
      await visitor.get(`/loket/zeeland/melden?soort=organisation&id=${organisationId}`);
      for (let i = 0; i < 5; i++) {
        const res = await visitor.post('/loket/zeeland/melden', { soort: 'organisation', id: organisationId, reason: 'onjuist', details: `Melding ${i}` });
        assert.equal(res.status, 303, `report ${i}`);
      }
      const blocked = await visitor.post('/loket/zeeland/melden', { soort: 'organisation', id: organisationId, reason: 'onjuist', details: 'Nog een' });
      assert.equal(blocked.status, 429);
    });
  });
}

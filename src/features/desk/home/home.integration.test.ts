import assert from 'node:assert/strict';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { after, before, describe, test } from 'node:test';
import { newId } from '../../../platform/auth/tokens.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { firstAdministrator, registeredPerson, type Person } from '../../../testing/scenario.js';
import { appointCoordinator } from '../../../testing/desk-scenario.js';
import { touchDesk } from '../shared/changes.js';
import * as publication from '../shared/publication.js';
import { deskSource, indexDeskNow } from './desk-search.js';

const DAY = 24 * 60 * 60 * 1000;

/** Rows straight into the desk's tables, as the other parts of the desk would write them. */
function seeder(t: TestApp) {
  const db = t.deps.db.kysely;
  const stamp = () => t.deps.clock().toISOString();
  const edited = () => ({ created_by: null, created_at: stamp(), updated_by: null, updated_at: stamp(), version: 1 });
  const day = (offsetDays: number) => dutchToday(new Date(t.deps.clock().getTime() + offsetDays * DAY));
  return {
    day,
    // Rows written straight to the tables: the region's documents are written again as a whole.
    touch: (region: string) => touchDesk(db, region, t.deps.clock(), [{ kind: 'all' }]),
    async organisation(region: string, name: string, description: string, status: 'pending' | 'published' | 'hidden' = 'published') {
      const id = newId();
      await db
        .insertInto('desk_organisations')
        .values({ id, region_slug: region, name, alternate_name: null, description, email: null, website: null, kind: 'ggz', status, ...edited() })
        .execute();
      return id;
    },
    async service(organisationId: string, name: string, description: string, status: 'active' | 'inactive' = 'active') {
      const id = newId();
      await db
        .insertInto('desk_services')
        .values({ id, organisation_id: organisationId, name, description, for_whom: 'Iedereen', how_to_apply: 'Bel ons', cost: 'Gratis', email: null, website: null, status, ...edited() })
        .execute();
      return id;
    },
    async employer(region: string, name: string, status: 'pending' | 'verified' | 'rejected' | 'withdrawn' = 'verified', description = 'Een open werkgever.') {
      const id = newId();
      await db
        .insertInto('desk_employers')
        .values({
          id,
          region_slug: region,
          name,
          description,
          offers_adjustments: 'Aangepaste uren',
          offers_guidance: 'Een vaste collega',
          offers_trial_placements: 'Proefplaatsing',
          contact_name: 'Anna',
          contact_email: 'anna@example.org',
          contact_phone: null,
          website: null,
          city: 'Goes',
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
    async vacancy(region: string, employerId: string, title: string, options: { expiresOn?: string; status?: 'published' | 'hidden'; text?: string } = {}) {
      const id = newId();
      await db
        .insertInto('desk_vacancies')
        .values({
          id,
          region_slug: region,
          employer_id: employerId,
          title,
          what_you_do: options.text ?? 'Je helpt in de kas.',
          hours: '20 uur per week',
          hours_per_week: 20,
          place: 'Goes',
          help_available: 'Een jobcoach',
          what_we_ask: 'Zin in werk',
          contact: 'Bel Anna',
          contact_email: null,
          contact_phone: null,
          expires_on: options.expiresOn ?? day(30),
          status: options.status ?? 'published',
          reviewed_by: null,
          reviewed_at: null,
          ...edited(),
        })
        .execute();
      return id;
    },
    async faq(region: string, question: string, answer: string, status: 'published' | 'hidden' = 'published') {
      const id = newId();
      await db.insertInto('desk_faqs').values({ id, region_slug: region, question_id: null, question, answer, answered_by: 'Het loket', status, ...edited() }).execute();
      return id;
    },
    async group(region: string, name: string, status: 'pending' | 'published' | 'hidden' = 'published') {
      const id = newId();
      await db
        .insertInto('desk_groups')
        .values({ id, region_slug: region, organisation_id: null, name, description: 'Samen praten over werk.', for_whom: 'Iedereen', contact_email: 'groep@example.org', status, ...edited() })
        .execute();
      return id;
    },
    async meeting(groupId: string, startsAt: Date) {
      const id = newId();
      await db
        .insertInto('desk_group_meetings')
        .values({
          id,
          group_id: groupId,
          starts_at: startsAt.toISOString(),
          ends_at: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
          place: 'Bibliotheek Goes',
          online_url: null,
          description: 'Koffie en verhalen.',
          created_by: null,
          created_at: stamp(),
          updated_at: stamp(),
          sequence: 0,
        })
        .execute();
      return id;
    },
    async page(region: string | null, slug: string, title: string, body: string) {
      const id = newId();
      await db.insertInto('desk_pages').values({ id, region_slug: region, slug, title, summary: `Over ${title}.`, body, sort_order: 1, ...edited() }).execute();
      return id;
    },
    async term(region: string | null, slug: string, term: string, explanation: string) {
      const id = newId();
      await db.insertInto('desk_glossary').values({ id, region_slug: region, slug, term, variants: '', explanation, ...edited() }).execute();
      return id;
    },
  };
}

const urls = (body: string) => [...body.matchAll(/<h3 class="utrecht-heading-3 mmm-result__title"><a class="utrecht-link" href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

for (const kind of testDatabaseKinds()) {
  describe(`desk home, region overview and search (${kind.name})`, () => {
    let t: TestApp;
    let seed: ReturnType<typeof seeder>;
    let coordinator: Person;
    const ids: Record<string, string> = {};

    before(async () => {
      t = await createTestApp(kind);
      seed = seeder(t);
      const admin = await firstAdministrator(t);
      coordinator = await appointCoordinator(t, admin, 'zeeland', 'Cor Coördinator');

      ids.org = await seed.organisation('zeeland', 'Tulpenhuis Goes', 'Het Tulpenhuis helpt mensen met psychische problemen aan werk in de tulpenkwekerij.');
      ids.pendingOrg = await seed.organisation('zeeland', 'Wachtend Tulpenhuis', 'Een tulpenkwekerij die nog wacht op de coördinator.', 'pending');
      ids.hiddenOrg = await seed.organisation('zeeland', 'Verborgen Tulpenhuis', 'Een verborgen tulpenkwekerij.', 'hidden');
      ids.service = await seed.service(ids.org, 'Tulpenbegeleiding', 'Begeleiding op de tulpenkwekerij.');
      ids.inactiveService = await seed.service(ids.org, 'Oude tulpencursus', 'Een tulpenkwekerij cursus die niet meer bestaat.', 'inactive');
      ids.employer = await seed.employer('zeeland', 'Kwekerij De Bloei', 'verified', 'Wij kweken tulpen en staan open.');
      ids.pendingEmployer = await seed.employer('zeeland', 'Kwekerij Nog Niet', 'pending', 'Wij kweken ook tulpen.');
      ids.vacancy = await seed.vacancy('zeeland', ids.employer, 'Medewerker tulpenkas', { text: 'Je verzorgt tulpen in de kas.' });
      ids.expiring = await seed.vacancy('zeeland', ids.employer, 'Vandaag nog tulpen plukken', { expiresOn: seed.day(0), text: 'Tulpen plukken, alleen vandaag.' });
      ids.expired = await seed.vacancy('zeeland', ids.employer, 'Verlopen tulpenbaan', { expiresOn: seed.day(-1), text: 'Tulpen van gisteren.' });
      ids.hiddenVacancy = await seed.vacancy('zeeland', ids.employer, 'Verborgen tulpenbaan', { status: 'hidden', text: 'Verborgen tulpen.' });
      ids.pendingVacancy = await seed.vacancy('zeeland', ids.pendingEmployer, 'Tulpenbaan bij wachtende werkgever', { text: 'Tulpen bij een werkgever die nog wacht.' });
      ids.faq = await seed.faq('zeeland', 'Mag ik parttime werken met een WIA-uitkering?', 'Ja, dat kan. Tulpen of niet, overleg met het UWV.');
      ids.hiddenFaq = await seed.faq('zeeland', 'Verborgen tulpenvraag?', 'Verborgen tulpenantwoord.', 'hidden');
      ids.group = await seed.group('zeeland', 'Tulpenkring lotgenoten');
      ids.pendingGroup = await seed.group('zeeland', 'Wachtende tulpenkring', 'pending');
      await seed.meeting(ids.group, new Date(t.deps.clock().getTime() + 3 * DAY));
      await seed.meeting(ids.group, new Date(t.deps.clock().getTime() - 3 * DAY));
      // Regional versions of (possibly existing) national texts: the region's own wins.
      await seed.page('zeeland', 'wia', 'WIA in Zeeland', '# WIA\n\nIn Zeeland helpt het tulpenloket je met de **WIA**.');
      await seed.term('zeeland', 'uwv', 'UWV', 'Het UWV voert de tulpenregelingen uit.');
      // Another region's items with the same words must never appear in Zeeland.
      ids.otherOrg = await seed.organisation('groningen', 'Tulpenhuis Groningen', 'Een tulpenkwekerij in Groningen.');
      ids.otherEmployer = await seed.employer('groningen', 'Groninger Tulpen', 'verified', 'Tulpen uit Groningen.');
      await seed.touch('zeeland');
      await seed.touch('groningen');
    });
    after(async () => t.close());

    test('/loket lists the 35 regions A–Z with their numbers and a finder without JavaScript', async () => {
      const page = await t.client().get('/loket');
      assert.equal(page.status, 200);
      await assertValidHtml(page.body);
      const names = [...page.body.matchAll(/<h3 class="utrecht-heading-3"><a class="utrecht-link" href="\/loket\/([a-z0-9-]+)">/g)].map((m) => m[1]);
      assert.equal(names.length, 35);
      assert.equal(names[0], 'achterhoek');
      assert.equal(names.at(-1), 'zuidoost-brabant');
      // Zeeland: one published organisation; one verified employer; two live vacancies (not the expired, hidden or unverified ones).
      assert.match(page.body, /href="\/loket\/zeeland">Zeeland<\/a><\/h3><p class="utrecht-paragraph mmm-muted">Organisaties: 1 · Open werkgevers: 1 · Vacatures: 2</);
      assert.match(page.body, /<form method="get" action="\/loket\/kies"/);
      assert.doesNotMatch(page.body, /Jouw regio<\/h2>/);
    });

    test('a signed-in person sees their own region first', async () => {
      const person = await registeredPerson(t, { homeRegionSlug: 'groningen' });
      const page = await person.client.get('/loket');
      assert.equal(page.status, 200);
      const yours = /id="jouw-regio">Jouw regio<\/h2>([\s\S]*?)<\/section>/.exec(page.body)?.[1] ?? '';
      assert.match(yours, /href="\/loket\/groningen">Groningen</);
      assert.ok(page.body.indexOf('id="jouw-regio"') < page.body.indexOf('id="alle-regios"'), 'own region first');
    });

    test('the finder redirects to the chosen desk; an unknown region comes back with a message', async () => {
      const chosen = await t.client().get('/loket/kies?regio=zeeland');
      assert.equal(chosen.status, 303);
      assert.equal(chosen.location, '/loket/zeeland');
      for (const bad of ['atlantis', '', '%27%3B--']) {
        const back = await t.client().get(`/loket/kies?regio=${bad}`);
        assert.equal(back.status, 422, bad);
        assert.match(back.body, /Deze regio kennen we niet/);
        await assertValidHtml(back.body);
      }
    });

    test('the desk home shows what is public and current, calmly', async () => {
      const page = await t.client().get('/loket/zeeland');
      assert.equal(page.status, 200);
      await assertValidHtml(page.body);
      assert.match(page.body, /Hier vind je hulp/);
      for (const entry of ['Waar kan ik terecht?', 'Welke werkgevers staan open?', 'Vacatures', 'Stel je vraag']) assert.ok(page.body.includes(entry), entry);
      assert.ok(page.body.includes(`/loket/zeeland/vacatures/${ids.vacancy}`), 'latest vacancy');
      assert.ok(page.body.includes(`/loket/zeeland/vacatures/${ids.expiring}`), 'open up to and including its last day');
      for (const hidden of [ids.expired, ids.hiddenVacancy, ids.pendingVacancy]) assert.ok(!page.body.includes(hidden!), 'not public');
      assert.match(page.body, /Mag ik parttime werken met een WIA-uitkering\?/);
      assert.doesNotMatch(page.body, /Verborgen tulpenvraag/);
      assert.equal((page.body.match(/Tulpenkring lotgenoten:/g) ?? []).length, 1, 'only the upcoming meeting');
      assert.match(page.body, /WIA in Zeeland/);
      assert.equal((page.body.match(/href="\/loket\/zeeland\/regelingen\/wia"/g) ?? []).length, 1, 'one WIA page');
      assert.match(page.body, /href="\/loket\/zeeland\/woordenlijst"/);
      assert.match(page.body, /Cor Coördinator/);
      assert.doesNotMatch(page.body, /wachtrij/i);
      assert.doesNotMatch(page.body, /mijn-vragen/);
      assert.equal((await t.client().get('/loket/atlantis')).status, 404);
    });

    test('a coordinator of the region sees how much waits in the queue; a representative finds their questions', async () => {
      const page = await coordinator.client.get('/loket/zeeland');
      // Waiting: one organisation, one employer, three unreviewed live vacancies, one group.
      assert.match(page.body, /Er wachten 6 onderdelen in de wachtrij/);
      assert.match(page.body, /href="\/loket\/zeeland\/beheer"/);
      await assertValidHtml(page.body);
      assert.doesNotMatch((await coordinator.client.get('/loket/groningen')).body, /wachtrij/i);

      const representative = await registeredPerson(t);
      await t.deps.db.kysely
        .insertInto('desk_organisation_representatives')
        .values({ organisation_id: ids.org!, user_id: representative.id, appointed_by: coordinator.id, appointed_at: t.deps.clock().toISOString() })
        .execute();
      const own = await representative.client.get('/loket/zeeland');
      assert.match(own.body, /href="\/loket\/zeeland\/mijn-vragen"/);
      assert.doesNotMatch((await representative.client.get('/loket/groningen')).body, /mijn-vragen/);
    });

    test('search covers the desk and the book, never hidden, pending or expired items, nor another region', async () => {
      const page = await t.client().get('/loket/zeeland/zoeken?q=tulpen');
      assert.equal(page.status, 200);
      await assertValidHtml(page.body);
      const found = urls(page.body);
      for (const id of [ids.org, ids.employer, ids.vacancy, ids.expiring, ids.faq, ids.group]) assert.ok(found.some((u) => u.includes(id!)), `${id} missing in ${found.join(', ')}`);
      assert.ok(found.includes(`/loket/zeeland/diensten/${ids.service}`), 'service');
      assert.ok(found.includes(`/loket/zeeland/organisaties/${ids.org}`), 'organisation');
      assert.ok(found.includes(`/loket/zeeland/vragen/${ids.faq}`), 'faq');
      assert.ok(found.includes('/loket/zeeland/regelingen/wia'), 'scheme page');
      assert.ok(found.includes('/loket/zeeland/woordenlijst/uwv'), 'glossary term');
      for (const id of [ids.pendingOrg, ids.hiddenOrg, ids.inactiveService, ids.pendingEmployer, ids.expired, ids.hiddenVacancy, ids.pendingVacancy, ids.hiddenFaq, ids.pendingGroup, ids.otherOrg, ids.otherEmployer]) {
        assert.ok(!page.body.includes(id!), `${id} must not be found`);
      }
      assert.equal(found.filter((u) => u === '/loket/zeeland/regelingen/wia').length, 1, 'the regional page only');
      assert.match(page.body, /<mark>[Tt]ulpen/);
      // The book is searched too.
      const book = urls((await t.client().get('/loket/zeeland/zoeken?q=jobcoach')).body);
      assert.ok(book.some((u) => u.startsWith('/boek/')), book.join(', '));
    });

    test('type filters narrow the results and show counts; "boek" is the whole book', async () => {
      const page = await t.client().get('/loket/zeeland/zoeken?q=tulpen&soort=vacature');
      const found = urls(page.body);
      assert.ok(found.length === 2 && found.every((u) => u.includes('/vacatures/')), found.join(', '));
      assert.match(page.body, /name="soort" value="vacature" checked/);
      assert.match(page.body, /Organisaties<span class="mmm-muted"> \(1\)/);
      const book = urls((await t.client().get('/loket/zeeland/zoeken?q=jobcoach&soort=boek')).body);
      assert.ok(book.length > 0 && book.every((u) => u.startsWith('/boek/')), book.join(', '));
      const odd = await t.client().get(`/loket/zeeland/zoeken?q=${encodeURIComponent("'; DROP TABLE x; --")}&soort=onbekend&pagina=-3`);
      assert.equal(odd.status, 200);
      assert.equal((await t.client().get('/loket/atlantis/zoeken?q=tulpen')).status, 404);
    });

    test('nothing found offers to ask the question', async () => {
      const page = await t.client().get('/loket/zeeland/zoeken?q=xyzzyplugh');
      assert.match(page.body, /Niets gevonden/);
      assert.match(page.body, /href="\/loket\/zeeland\/vraag"/);
      await assertValidHtml(page.body);
      const empty = await t.client().get('/loket/zeeland/zoeken');
      assert.equal(empty.status, 200);
      await assertValidHtml(empty.body);
    });

    test('the results follow changes to the desk', async () => {
      const before = urls((await t.client().get('/loket/zeeland/zoeken?q=narcissen')).body);
      assert.deepEqual(before, []);
      const id = await seed.organisation('zeeland', 'Narcissenhof', 'Werk tussen de narcissen.');
      await seed.touch('zeeland');
      assert.ok(urls((await t.client().get('/loket/zeeland/zoeken?q=narcissen')).body).some((u) => u.includes(id)), 'found after the change');
      await t.deps.db.kysely.updateTable('desk_organisations').set({ status: 'hidden' }).where('id', '=', id).execute();
      await seed.touch('zeeland');
      assert.deepEqual(urls((await t.client().get('/loket/zeeland/zoeken?q=narcissen')).body), []);
    });

    test('hiding and publishing one organisation rewrites only its own documents, in the same transaction', async () => {
      const id = await seed.organisation('zeeland', 'Krokusweide', 'Werk tussen de krokussen.');
      await seed.touch('zeeland');
      await t.client().get('/loket/zeeland/zoeken?q=krokussen');
      const documents = () =>
        t.deps.db.kysely.selectFrom('search_documents').select(['id', 'doc']).where('source', '=', deskSource('zeeland')).orderBy('id').execute();
      const indexedAt = () => t.deps.db.kysely.selectFrom('search_sources').select('indexed_at').where('source', '=', deskSource('zeeland')).executeTakeFirstOrThrow();
      const before = await documents();
      const builtAt = await indexedAt();
      t.advance(60_000);
      const request = { regionSlug: 'zeeland', kind: 'organisation' as const, id, actorId: null };
      await t.deps.db.kysely.transaction().execute((trx) => publication.hide(trx, request, t.deps.clock()));
      assert.deepEqual(urls((await t.client().get('/loket/zeeland/zoeken?q=krokussen')).body), [], 'hidden at once');
      const afterHide = await documents();
      assert.deepEqual(
        afterHide,
        before.filter((d) => d.id !== `${deskSource('zeeland')}:organisatie:${id}`),
        'every other document is the same row as before',
      );
      await t.deps.db.kysely.transaction().execute((trx) => publication.restore(trx, request, t.deps.clock()));
      assert.ok(urls((await t.client().get('/loket/zeeland/zoeken?q=krokussen')).body).some((u) => u.includes(id)), 'found again at once');
      assert.deepEqual(await indexedAt(), builtAt, 'the region was not built again');
      const rolledBack = await t.deps.db.kysely
        .transaction()
        .execute(async (trx) => {
          await publication.hide(trx, request, t.deps.clock());
          throw new Error('afgebroken');
        })
        .catch((error: Error) => error.message);
      assert.equal(rolledBack, 'afgebroken');
      assert.ok(urls((await t.client().get('/loket/zeeland/zoeken?q=krokussen')).body).some((u) => u.includes(id)), 'a change that rolls back leaves the index as it was');
    });

    test('the site-wide search stays with the book', async () => {
      const page = await t.client().get('/zoeken?q=tulpen');
      assert.equal(page.status, 200);
      assert.ok(!urls(page.body).some((u) => u.startsWith('/loket/')), 'no desk in the site-wide search');
    });

    test('two searches rebuilding the index at the same moment both succeed', async () => {
      await seed.organisation('zeeland', 'Hyacintenhuis', 'Werk tussen de hyacinten.');
      await seed.touch('zeeland');
      await Promise.all([indexDeskNow(t.deps, 'zeeland'), indexDeskNow(t.deps, 'zeeland'), indexDeskNow(t.deps, 'zeeland')]);
      const pages = await Promise.all([1, 2, 3].map(() => t.client().get('/loket/zeeland/zoeken?q=hyacinten')));
      for (const p of pages) assert.equal(urls(p.body).length, 1);
      const documents = await t.deps.db.kysely.selectFrom('search_documents').select('id').where('source', '=', deskSource('zeeland')).execute();
      assert.equal(new Set(documents.map((d) => d.id)).size, documents.length);
    });

    test('a vacancy drops out of search the day after its last day', async () => {
      assert.ok(urls((await t.client().get('/loket/zeeland/zoeken?q=plukken')).body).some((u) => u.includes(ids.expiring!)), 'open on its last day');
      t.advance(DAY);
      assert.ok(!urls((await t.client().get('/loket/zeeland/zoeken?q=plukken')).body).some((u) => u.includes(ids.expiring!)), 'gone the next day');
      assert.ok(!(await t.client().get('/loket/zeeland')).body.includes(ids.expiring!), 'gone from the home');
    });

    test('the desk search has a limit per address', async () => {
      let status = 200;
      for (let i = 0; i < 130 && status === 200; i++) status = (await t.client().get('/loket/zeeland/zoeken')).status;
      assert.equal(status, 429);
    });
  });
}

import assert from 'node:assert/strict';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { describe, test, type TestContext } from 'node:test';
import { inTransaction } from '../../../platform/db/transaction.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { firstAdministrator, registeredPerson, type Person } from '../../../testing/scenario.js';
import { appointCoordinator } from '../../../testing/desk-scenario.js';
import { testApp } from '../../../testing/test-app.js';
import { testDatabaseKinds, type TestDatabaseKind } from '../../../testing/test-databases.js';
import { addMonths } from './vacancies.schemas.js';
import { hide, restore, review } from '../shared/publication.js';
import { listUnreviewedVacancies } from './vacancies.service.js';

const DAY = 24 * 60 * 60 * 1000;
const EMPLOYERS = '/loket/zeeland/werkgevers';
const VACANCIES = '/loket/zeeland/vacatures';

function dateIn(days: number): string {
  return dutchToday(new Date(Date.now() + days * DAY));
}

const VACANCY = {
  title: 'Medewerker <keuken>',
  whatYouDo: 'Je helpt in de keuken. Je snijdt groenten en je maakt de tafels schoon.',
  hours: '20 uur per week, overdag',
  hoursPerWeek: '20',
  place: 'Middelburg',
  helpAvailable: 'Een vaste collega helpt je. Je mag rustig beginnen.',
  whatWeAsk: '',
  contact: 'Bel of app Fien.',
  contactEmail: 'fien@bakkerij.example.org',
  contactPhone: '0118 123 456',
};

/** Registers an employer through the form; verified by the coordinator unless told otherwise. */
async function employerOf(member: Person, coordinator: Person | null, name: string): Promise<string> {
  const res = await member.client.post(`${EMPLOYERS}/aanmelden`, {
    name,
    city: 'Middelburg',
    description: 'Een restaurant aan de haven.',
    offersAdjustments: 'Rustig beginnen met een paar uur.',
    offersGuidance: '',
    offersTrialPlacements: '',
    contactName: 'Fien',
    contactEmail: 'fien@restaurant.example.org',
    contactPhone: '',
    website: '',
    pledge: 'ja',
  });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  const id = (res.location ?? '').split('/').pop() ?? '';
  if (coordinator) {
    await coordinator.client.get(`/loket/zeeland/beheer/werkgevers/${id}`);
    assert.equal((await coordinator.client.post(`/loket/zeeland/beheer/werkgevers/${id}/verifieren`)).status, 303);
  }
  return id;
}

async function postVacancy(person: Person, employerId: string, fields: Record<string, string> = {}): Promise<string> {
  await person.client.get(`${EMPLOYERS}/${employerId}/vacatures/nieuw`);
  const res = await person.client.post(`${EMPLOYERS}/${employerId}/vacatures/nieuw`, { ...VACANCY, expiresOn: dateIn(30), ...fields });
  assert.equal(res.status, 303, res.body.slice(0, 3000));
  const id = new RegExp(`^${VACANCIES}/([0-9a-f-]{36})$`).exec(res.location ?? '')?.[1];
  assert.ok(id, `unexpected location ${res.location}`);
  return id;
}

function jsonLdOf(body: string): Record<string, unknown> {
  const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)?.[1];
  assert.ok(raw, 'no JSON-LD on the page');
  return JSON.parse(raw) as Record<string, unknown>;
}

async function world(ctx: TestContext, kind: TestDatabaseKind) {
  const t = await testApp(ctx, kind);
  const admin = await firstAdministrator(t);
  const coordinator = await appointCoordinator(t, admin, 'zeeland');
  const member = await registeredPerson(t, { name: 'Fien' });
  const employerId = await employerOf(member, coordinator, 'Restaurant De Haven');
  return { t, admin, coordinator, member, employerId };
}

for (const kind of testDatabaseKinds()) {
  describe(`desk: vacancies (${kind.name})`, () => {
    test('the required facts each get a clear message at their field; nothing is saved', async (ctx) => {
      const { t, member, employerId } = await world(ctx, kind);
      const form = await member.client.get(`${EMPLOYERS}/${employerId}/vacatures/nieuw`);
      assert.equal(form.status, 200);
      await assertValidHtml(form.body);
      const empty = await member.client.post(`${EMPLOYERS}/${employerId}/vacatures/nieuw`, {});
      assert.equal(empty.status, 422);
      for (const [field, message] of [
        ['title', 'Geef de baan een naam'],
        ['whatYouDo', 'Vertel wat iemand in deze baan gaat doen'],
        ['hours', 'Vul in hoeveel uur het werk is'],
        ['place', 'Vul de plaats in waar het werk is'],
        ['helpAvailable', 'Vertel welke hulp er is'],
        ['contact', 'Vertel wie mensen kunnen bellen of mailen'],
        ['expiresOn', 'Kies tot wanneer mensen kunnen reageren'],
      ] as const) {
        assert.match(empty.body, new RegExp(`id="veld-${field}-fout"[^>]*>${message}`), field);
      }
      assert.doesNotMatch(empty.body, /id="veld-whatWeAsk-fout"/, 'what we ask may be empty');
      await assertValidHtml(empty.body);

      const past = await member.client.post(`${EMPLOYERS}/${employerId}/vacatures/nieuw`, { ...VACANCY, expiresOn: dateIn(0), hoursPerWeek: 'twintig' });
      assert.equal(past.status, 422);
      assert.match(past.body, /id="veld-expiresOn-fout"[^>]*>Kies een datum na vandaag/);
      assert.match(past.body, /id="veld-hoursPerWeek-fout"[^>]*>Vul een heel getal in/);
      assert.match(past.body, /value="Medewerker &lt;keuken>"/, 'the typed text comes back');
      assert.match(past.body, /Een vaste collega helpt je. Je mag rustig beginnen.<\/textarea>/);
      const tooFar = await member.client.post(`${EMPLOYERS}/${employerId}/vacatures/nieuw`, { ...VACANCY, expiresOn: addMonths(dateIn(1), 6) });
      assert.match(tooFar.body, /id="veld-expiresOn-fout"[^>]*>Kies een datum binnen zes maanden/);
      const wrong = await member.client.post(`${EMPLOYERS}/${employerId}/vacatures/nieuw`, { ...VACANCY, expiresOn: '2026-02-30' });
      assert.match(wrong.body, /id="veld-expiresOn-fout"[^>]*>Vul een bestaande datum in/);
      assert.equal(await t.deps.db.kysely.selectFrom('desk_vacancies').select('id').executeTakeFirst(), undefined);
      // Six months ahead exactly is allowed.
      await postVacancy(member, employerId, { expiresOn: addMonths(dateIn(0), 6) });
    });

    test('a published vacancy: list with filters, page with the facts and a parseable JobPosting', async (ctx) => {
      const { t, member, employerId } = await world(ctx, kind);
      const vacancyId = await postVacancy(member, employerId);
      await postVacancy(member, employerId, { title: 'Schoonmaker', place: 'Vlissingen', hoursPerWeek: '36', hours: '36 uur per week' });
      await postVacancy(member, employerId, { title: 'Afwasser', hoursPerWeek: '', hours: 'In overleg' });
      const anon = t.client();
      const list = await anon.get(VACANCIES);
      assert.equal(list.status, 200);
      assert.match(list.body, new RegExp(`href="${VACANCIES}/${vacancyId}">Medewerker &lt;keuken></a>`));
      assert.match(list.body, /Aantal vacatures: 3/);
      await assertValidHtml(list.body);
      assert.match((await anon.get(`${VACANCIES}?q=MEDEWERKER`)).body, /Aantal vacatures: 1/);
      assert.match((await anon.get(`${VACANCIES}?q=keuken`)).body, /Aantal vacatures: 3/);
      assert.match((await anon.get(`${VACANCIES}?plaats=vlissingen`)).body, /Aantal vacatures: 1/);
      const hours = await anon.get(`${VACANCIES}?uren=16-32`);
      assert.match(hours.body, /Aantal vacatures: 1/);
      assert.match(hours.body, /Medewerker &lt;keuken>/);
      assert.match((await anon.get(`${VACANCIES}?uren=32-plus`)).body, /Schoonmaker/);
      assert.match((await anon.get(`${VACANCIES}?q=garage`)).body, /Geen vacatures gevonden/);
      assert.equal((await anon.get('/loket/atlantis/vacatures')).status, 404);

      const page = await anon.get(`${VACANCIES}/${vacancyId}`);
      assert.equal(page.status, 200);
      for (const heading of ['Wat ga je doen?', 'Welke hulp is er?', 'Contact', 'De werkgever']) assert.match(page.body, new RegExp(`<h2 class="utrecht-heading-2">${heading.replace('?', '\\?')}</h2>`));
      assert.doesNotMatch(page.body, /Wat vragen we\?/, 'an empty section is left out');
      assert.match(page.body, new RegExp(`href="${EMPLOYERS}/${employerId}"`));
      assert.match(page.body, /Klopt hier iets niet\? Meld het/);
      await assertValidHtml(page.body);
      const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)?.[1] ?? '';
      assert.doesNotMatch(raw, /</, '"<" is escaped inside the script');
      assert.match(raw, /Medewerker \\u003ckeuken\\u003e/);
      const data = jsonLdOf(page.body);
      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data['@type'], 'JobPosting');
      assert.equal(data.title, 'Medewerker <keuken>');
      assert.match(String(data.description), /Je snijdt groenten/);
      assert.equal(data.datePosted, new Date().toISOString().slice(0, 10));
      assert.equal(data.validThrough, dateIn(30));
      assert.equal(data.employmentType, 'PART_TIME');
      assert.deepEqual(data.hiringOrganization, { '@type': 'Organization', name: 'Restaurant De Haven' });
      assert.deepEqual(data.jobLocation, { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Middelburg', addressCountry: 'NL' } });
      assert.equal(data.directApply, false);

      const afwasserId = /href="\/loket\/zeeland\/vacatures\/([0-9a-f-]{36})">Afwasser/.exec(list.body)?.[1] ?? '';
      assert.equal(jsonLdOf((await anon.get(`${VACANCIES}/${afwasserId}`)).body).employmentType, undefined, 'no hours number, no employment type');
      const employerPage = await anon.get(`${EMPLOYERS}/${employerId}`);
      assert.match(employerPage.body, /Medewerker &lt;keuken>/);
      assert.equal((await anon.get(`/loket/west-brabant/vacatures/${vacancyId}`)).status, 404, 'another region in the address');
    });

    test('jargon and long sentences are shown per field; the text is saved after editing or ticking the check', async (ctx) => {
      const { t, member, employerId } = await world(ctx, kind);
      const jargon = {
        ...VACANCY,
        expiresOn: dateIn(30),
        whatYouDo: 'Wij zoeken per direct een proactieve en stressbestendige kandidaat met affiniteit met horeca.',
        whatWeAsk:
          'Je bent flexibel inzetbaar en je vindt het geen probleem om in de weekenden en op feestdagen te werken wanneer het in het restaurant erg druk is met gasten.',
      };
      await member.client.get(`${EMPLOYERS}/${employerId}/vacatures/nieuw`);
      const warned = await member.client.post(`${EMPLOYERS}/${employerId}/vacatures/nieuw`, jargon);
      assert.equal(warned.status, 422);
      assert.match(warned.body, /Kan het nog makkelijker\?/);
      assert.match(warned.body, /<a class="utrecht-link" href="#veld-whatYouDo">Wat ga je doen\?<\/a>/);
      assert.match(warned.body, /“per direct”: schrijf liever “zo snel mogelijk”/);
      assert.match(warned.body, /“proactief”: schrijf liever “je ziet zelf wat er moet gebeuren”/);
      assert.match(warned.body, /“affiniteit met”: schrijf liever “zin in; je vindt het leuk”/);
      assert.match(warned.body, /<a class="utrecht-link" href="#veld-whatYouDo">/);
      assert.match(warned.body, /Lange zin \(29 woorden\): “Je bent flexibel inzetbaar en je vindt het …”/);
      assert.match(warned.body, /Gemiddeld \d+(,\d)? woorden per zin/);
      assert.match(warned.body, /name="warned" value="ja"/);
      assert.match(warned.body, /<label[^>]*for="veld-textChecked">Ik heb de tekst nagekeken<\/label>/);
      assert.doesNotMatch(warned.body, /id="veld-textChecked-fout"/, 'the first time it is a warning, not an error');
      assert.match(warned.body, /Wij zoeken per direct een proactieve/, 'everything typed is kept');
      await assertValidHtml(warned.body);
      assert.equal(await t.deps.db.kysely.selectFrom('desk_vacancies').select('id').executeTakeFirst(), undefined);

      const unticked = await member.client.post(`${EMPLOYERS}/${employerId}/vacatures/nieuw`, { ...jargon, warned: 'ja' });
      assert.equal(unticked.status, 422);
      assert.match(unticked.body, /id="veld-textChecked-fout"[^>]*>Pas de tekst aan, of vink aan/);
      await assertValidHtml(unticked.body);

      const saved = await member.client.post(`${EMPLOYERS}/${employerId}/vacatures/nieuw`, { ...jargon, warned: 'ja', textChecked: 'ja' });
      assert.equal(saved.status, 303);
      const row = await t.deps.db.kysely.selectFrom('desk_vacancies').select(['what_you_do', 'id']).executeTakeFirstOrThrow();
      assert.equal(row.what_you_do, jargon.whatYouDo);

      // Plain text saves at once, without the check.
      await postVacancy(member, employerId);
    });

    test('an expired vacancy leaves the list and its page says it is closed (410)', async (ctx) => {
      const { t, member, employerId } = await world(ctx, kind);
      const vacancyId = await postVacancy(member, employerId, { expiresOn: dateIn(1) });
      const anon = t.client();
      assert.equal((await anon.get(`${VACANCIES}/${vacancyId}`)).status, 200);
      t.advance(1 * DAY);
      assert.equal((await anon.get(`${VACANCIES}/${vacancyId}`)).status, 200, 'open through its closing day');
      t.advance(1 * DAY);
      const closed = await anon.get(`${VACANCIES}/${vacancyId}`);
      assert.equal(closed.status, 410);
      assert.match(closed.body, /Deze vacature is niet meer open/);
      assert.doesNotMatch(closed.body, /application\/ld\+json/);
      assert.doesNotMatch(closed.body, /Wat ga je doen\?/);
      await assertValidHtml(closed.body);
      const list = await anon.get(VACANCIES);
      assert.doesNotMatch(list.body, /Medewerker &lt;keuken>/);
      assert.match(list.body, /Er zijn nu geen open vacatures/);
      assert.doesNotMatch((await anon.get(`${EMPLOYERS}/${employerId}`)).body, /Medewerker &lt;keuken>/);
    });

    test('who writes: members of a verified employer and the coordinator; not members of another employer', async (ctx) => {
      const { t, coordinator, member, employerId } = await world(ctx, kind);
      const other = await registeredPerson(t, { name: 'Piet' });
      const otherEmployer = await employerOf(other, coordinator, 'Garage Piet');
      const theirs = await postVacancy(other, otherEmployer, { title: 'Monteur' });
      await member.client.get('/');
      assert.equal((await member.client.get(`${EMPLOYERS}/${otherEmployer}/vacatures/nieuw`)).status, 403);
      assert.equal((await member.client.post(`${EMPLOYERS}/${otherEmployer}/vacatures/nieuw`, { ...VACANCY, expiresOn: dateIn(30) })).status, 403);
      assert.equal((await member.client.get(`${VACANCIES}/${theirs}/bewerken`)).status, 403);
      assert.equal((await member.client.post(`${VACANCIES}/${theirs}/bewerken`, { ...VACANCY, expiresOn: dateIn(30), version: '1' })).status, 403);
      assert.equal((await member.client.post(`${VACANCIES}/${theirs}/verwijderen`, { confirm: 'ja' })).status, 403);
      assert.equal((await t.client().get(`${VACANCIES}/${theirs}/bewerken`)).status, 303, 'anonymous: log in first');
      const theirPage = await member.client.get(`${VACANCIES}/${theirs}`);
      assert.doesNotMatch(theirPage.body, /Vacature aanpassen/);

      // A pending employer: an explanation (403) for its member; the coordinator may write for it.
      const pendingMember = await registeredPerson(t, { name: 'Nog niet' });
      const pending = await employerOf(pendingMember, null, 'Winkel Nog Niet');
      const explained = await pendingMember.client.get(`${EMPLOYERS}/${pending}/vacatures/nieuw`);
      assert.equal(explained.status, 403);
      assert.match(explained.body, /Vacatures plaatsen kan zodra Loket Zeeland de aanmelding van Winkel Nog Niet heeft goedgekeurd/);
      await assertValidHtml(explained.body);
      assert.equal((await pendingMember.client.post(`${EMPLOYERS}/${pending}/vacatures/nieuw`, { ...VACANCY, expiresOn: dateIn(30) })).status, 403);
      const byCoordinator = await postVacancy(coordinator, pending, { title: 'Verkoper' });
      assert.equal((await t.client().get(`${VACANCIES}/${byCoordinator}`)).status, 404, 'not public while the employer is not verified');
      const seen = await coordinator.client.get(`${VACANCIES}/${byCoordinator}`);
      assert.equal(seen.status, 200);
      assert.match(seen.body, /Deze vacature is niet openbaar/);
      await assertValidHtml(seen.body);
      // The pending employer's member sees it but may not edit it (the permission needs a verified employer).
      assert.equal((await pendingMember.client.get(`${VACANCIES}/${byCoordinator}`)).status, 200);
      assert.equal((await pendingMember.client.get(`${VACANCIES}/${byCoordinator}/bewerken`)).status, 403);

      // The coordinator's own vacancy counts as reviewed; members' vacancies wait in the queue.
      const queue = await listUnreviewedVacancies(t.deps.db.kysely, 'zeeland');
      assert.deepEqual(queue.map((v) => v.id), [theirs]);
      assert.deepEqual(await listUnreviewedVacancies(t.deps.db.kysely, 'west-brabant'), []);
      assert.ok(employerId);
    });

    test('editing with a version check, removing after confirmation', async (ctx) => {
      const { t, member, employerId } = await world(ctx, kind);
      const vacancyId = await postVacancy(member, employerId);
      const edit = await member.client.get(`${VACANCIES}/${vacancyId}/bewerken`);
      assert.equal(edit.status, 200);
      assert.match(edit.body, /value="Medewerker &lt;keuken>"/);
      await assertValidHtml(edit.body);
      const version = /name="version" value="(\d+)"/.exec(edit.body)?.[1] ?? '';
      const saved = await member.client.post(`${VACANCIES}/${vacancyId}/bewerken`, { ...VACANCY, title: 'Kok', expiresOn: dateIn(40), version });
      assert.equal(saved.status, 303);
      const stale = await member.client.post(`${VACANCIES}/${vacancyId}/bewerken`, { ...VACANCY, title: 'Hulpkok', expiresOn: dateIn(40), version });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /Iemand anders heeft deze vacature net ook aangepast/);
      assert.match(stale.body, /value="Hulpkok"/);
      assert.match(stale.body, new RegExp(`name="version" value="${Number(version) + 1}"`));
      await assertValidHtml(stale.body);
      const row = await t.deps.db.kysely.selectFrom('desk_vacancies').select(['title', 'expires_on']).where('id', '=', vacancyId).executeTakeFirstOrThrow();
      assert.deepEqual(row, { title: 'Kok', expires_on: dateIn(40) });

      const confirm = await member.client.get(`${VACANCIES}/${vacancyId}/verwijderen`);
      assert.equal(confirm.status, 200);
      await assertValidHtml(confirm.body);
      assert.equal((await member.client.post(`${VACANCIES}/${vacancyId}/verwijderen`)).status, 422, 'only the confirmation form removes');
      const removed = await member.client.post(`${VACANCIES}/${vacancyId}/verwijderen`, { confirm: 'ja' });
      assert.equal(removed.status, 303);
      assert.equal(removed.location, `${EMPLOYERS}/${employerId}`);
      assert.equal((await t.client().get(`${VACANCIES}/${vacancyId}`)).status, 404);
    });

    test('moderation: review, hide and publish again', async (ctx) => {
      const { t, coordinator, member, employerId } = await world(ctx, kind);
      const vacancyId = await postVacancy(member, employerId);
      const db = t.deps.db.kysely;
      assert.deepEqual((await listUnreviewedVacancies(db, 'zeeland')).map((v) => v.id), [vacancyId]);
      const args = { regionSlug: 'zeeland', kind: 'vacancy', id: vacancyId, actorId: coordinator.id } as const;
      const ok = (result: string) => result === 'ok';
      assert.equal(await inTransaction(t.deps, async (tx) => ok(await review(tx.db, { ...args, regionSlug: 'west-brabant' }, t.deps.clock()))), false, 'another region');
      assert.equal(await inTransaction(t.deps, async (tx) => ok(await review(tx.db, args, t.deps.clock()))), true);
      assert.deepEqual(await listUnreviewedVacancies(db, 'zeeland'), []);

      assert.equal(await inTransaction(t.deps, async (tx) => ok(await hide(tx.db, args, t.deps.clock()))), true);
      assert.equal((await t.client().get(`${VACANCIES}/${vacancyId}`)).status, 404);
      assert.doesNotMatch((await t.client().get(VACANCIES)).body, /Medewerker/);
      const own = await member.client.get(`${VACANCIES}/${vacancyId}`);
      assert.equal(own.status, 200);
      assert.match(own.body, /Het loket heeft deze vacature verborgen/);
      assert.equal(await inTransaction(t.deps, async (tx) => ok(await restore(tx.db, args, t.deps.clock()))), true);
      assert.equal((await t.client().get(`${VACANCIES}/${vacancyId}`)).status, 200);
      const audit = await db.selectFrom('audit_log').select('detail').where('event', '=', 'desk.item_moderated').where('target', '=', `vacancy:${vacancyId}`).execute();
      assert.equal(audit.length, 3);
      const changes = await db.selectFrom('desk_changes').select('counter').where('region_slug', '=', 'zeeland').executeTakeFirstOrThrow();
      assert.ok(Number(changes.counter) >= 5, 'every write marks the desk as changed');
    });
  });
}

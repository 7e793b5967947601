import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { enableTwoFactor, firstAdministrator, registeredPerson, type Person } from '../../../testing/scenario.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import type { Response } from '../../../testing/test-client.js';
import { importSocialMap } from './social-map.service.js';

const ORGANISATION = {
  name: 'Stichting Werkkracht Zeeland',
  alternateName: 'Werkkracht',
  description: 'Wij helpen mensen met een psychische kwetsbaarheid aan betaald werk.',
  kind: 'jobcoach',
  email: 'info@werkkracht.example',
  website: 'https://www.werkkracht.example',
};

function decode(html: string): string {
  return html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

async function page(person: { client: Person['client'] } | { get: Person['client']['get'] }, url: string, status = 200): Promise<Response> {
  const res = 'client' in person ? await person.client.get(url) : await person.get(url);
  assert.equal(res.status, status, `${url}: ${res.body.slice(0, 500)}`);
  if (status === 200) await assertValidHtml(res.body);
  return res;
}

async function propose(person: Person, fields: Record<string, string> = {}): Promise<string> {
  await person.client.get('/loket/zeeland/organisaties/aanmelden');
  const res = await person.client.post('/loket/zeeland/organisaties/aanmelden', { ...ORGANISATION, ...fields });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  const id = /^\/loket\/zeeland\/organisaties\/([0-9a-f-]{36})$/.exec(res.location ?? '')?.[1];
  assert.ok(id, `unexpected location ${res.location}`);
  return id;
}

function versionOf(body: string): string {
  const version = /name="version" value="(\d+)"/.exec(body)?.[1];
  assert.ok(version, 'no version field');
  return version;
}

for (const kind of testDatabaseKinds()) {
  describe(`social map (${kind.name})`, () => {
    let t: TestApp;
    let cor: Person;
    let repA: Person;
    let repB: Person;
    let otherCor: Person;
    let orgA: string;
    let orgB: string;
    let serviceA: string;

    before(async () => {
      t = await createTestApp(kind);
      const admin = await firstAdministrator(t);
      cor = await registeredPerson(t, { name: 'Cor' });
      otherCor = await registeredPerson(t, { name: 'Olga' });
      repA = await registeredPerson(t, { name: 'Ayla' });
      repB = await registeredPerson(t, { name: 'Bram' });
      for (const [slug, person] of [
        ['zeeland', cor],
        ['rijnmond', otherCor],
      ] as const) {
        const res = await admin.client.post(`/beheer/regios/${slug}/coordinatoren`, { email: person.email });
        assert.equal(res.status, 303, res.body.slice(0, 500));
        await enableTwoFactor(t, person);
      }
    });
    after(() => t.close());

    test('the list works for everyone; an unknown region is 404', async () => {
      const res = await page(t.client(), '/loket/zeeland/sociale-kaart');
      assert.match(res.body, /0 organisaties gevonden/);
      await page(t.client(), '/loket/nergens/sociale-kaart', 404);
    });

    test('proposing: errors at the field with the typed text kept, then pending and invisible to the public', async () => {
      await page(repA, '/loket/zeeland/organisaties/aanmelden');
      const bad = await repA.client.post('/loket/zeeland/organisaties/aanmelden', { ...ORGANISATION, name: '  ', website: 'werkkracht' });
      assert.equal(bad.status, 422);
      await assertValidHtml(bad.body);
      assert.match(bad.body, /id="veld-name-fout"/);
      assert.match(bad.body, /Vul een volledig webadres in/);
      assert.match(bad.body, /Wij helpen mensen met een psychische kwetsbaarheid/);

      orgA = await propose(repA);
      const own = await page(repA, `/loket/zeeland/organisaties/${orgA}`);
      assert.match(own.body, /wacht op de coördinator/);
      await page(t.client(), `/loket/zeeland/organisaties/${orgA}`, 404);
      await page(repB, `/loket/zeeland/organisaties/${orgA}`, 404);
      const list = await page(t.client(), '/loket/zeeland/sociale-kaart');
      assert.doesNotMatch(list.body, /Werkkracht/);
      const row = await t.deps.db.kysely.selectFrom('desk_organisations').select('status').where('id', '=', orgA).executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending');

      orgB = await propose(repB, { name: 'Herstelhuis Goes', kind: 'ggz', description: 'Een huis voor herstel en werk.' });
    });

    test('the coordinator sees pending organisations, publishes them, and creates one published at once', async () => {
      const manage = await page(cor, '/loket/zeeland/beheer/sociale-kaart');
      assert.match(manage.body, /Wacht op de coördinator/);
      const seen = await page(cor, `/loket/zeeland/organisaties/${orgA}`);
      assert.match(seen.body, /Openbaar maken/);
      for (const id of [orgA, orgB]) {
        const res = await cor.client.post(`/loket/zeeland/organisaties/${id}/publiceren`);
        assert.equal(res.status, 303, res.body.slice(0, 500));
      }
      const publicPage = await page(t.client(), `/loket/zeeland/organisaties/${orgA}`);
      assert.match(publicPage.body, /Stichting Werkkracht Zeeland/);
      assert.match(publicPage.body, /Klopt hier iets niet\? Meld het/);
      assert.doesNotMatch(publicPage.body, /Gegevens bijhouden/);

      await page(cor, '/loket/zeeland/organisaties/aanmelden');
      const created = await cor.client.post('/loket/zeeland/organisaties/aanmelden', { ...ORGANISATION, name: 'Werkplein Walcheren', kind: 'gemeente' });
      assert.equal(created.status, 303);
      const publicCreated = await t.client().get(created.location ?? '');
      assert.equal(publicCreated.status, 200);
    });

    test('a representative of A cannot edit B; a coordinator of another region cannot edit either (403)', async () => {
      await page(repA, `/loket/zeeland/organisaties/${orgB}/bewerken`, 403);
      const post = await repA.client.post(`/loket/zeeland/organisaties/${orgB}/bewerken`, { ...ORGANISATION, version: '2' });
      assert.equal(post.status, 403);
      assert.equal((await repA.client.post(`/loket/zeeland/organisaties/${orgB}/diensten/nieuw`, { name: 'X', description: 'Y' })).status, 403);
      await page(otherCor, `/loket/zeeland/organisaties/${orgA}/bewerken`, 403);
      await page(otherCor, `/loket/rijnmond/organisaties/${orgA}/bewerken`, 403);
      assert.equal((await otherCor.client.post(`/loket/zeeland/organisaties/${orgA}/verbergen`)).status, 403);
      assert.equal((await otherCor.client.post(`/loket/zeeland/organisaties/${orgA}/vertegenwoordigers`, { email: repB.email })).status, 403);
      await page(otherCor, '/loket/zeeland/beheer/sociale-kaart/importeren', 403);
      // Not signed in: to the login page.
      const anonymous = await t.client().get(`/loket/zeeland/organisaties/${orgA}/bewerken`);
      assert.equal(anonymous.status, 303);
    });

    test('editing with a version check: a conflict keeps the typed text and shows what is saved', async () => {
      const first = await page(repA, `/loket/zeeland/organisaties/${orgA}/bewerken`);
      const version = versionOf(first.body);
      const saved = await repA.client.post(`/loket/zeeland/organisaties/${orgA}/bewerken`, {
        ...ORGANISATION,
        description: 'Versie van Ayla.',
        version,
        phone1: '0118 - 123 456',
        phoneLabel1: 'Werkdagen',
      });
      assert.equal(saved.status, 303, saved.body.slice(0, 1000));

      await cor.client.get(`/loket/zeeland/organisaties/${orgA}/bewerken`);
      const corFields = { ...ORGANISATION, description: 'Versie van Cor.', phone1: '0118 - 123 456' };
      const stale = await cor.client.post(`/loket/zeeland/organisaties/${orgA}/bewerken`, { ...corFields, version });
      assert.equal(stale.status, 409);
      await assertValidHtml(stale.body);
      assert.match(stale.body, /Iemand anders heeft dit intussen ook gewijzigd/);
      assert.match(stale.body, />Versie van Cor\.<\/textarea>/);
      assert.match(stale.body, /Versie van Ayla\./);
      const again = await cor.client.post(`/loket/zeeland/organisaties/${orgA}/bewerken`, { ...corFields, version: versionOf(stale.body) });
      assert.equal(again.status, 303);
      const shown = await page(t.client(), `/loket/zeeland/organisaties/${orgA}`);
      assert.match(shown.body, /Versie van Cor\./);
      assert.match(shown.body, /href="tel:0118123456"/);
    });

    test('locations with opening hours, services with where and when, contacts with phone numbers', async () => {
      await page(repA, `/loket/zeeland/organisaties/${orgA}/locaties/nieuw`);
      const badLocation = await repA.client.post(`/loket/zeeland/organisaties/${orgA}/locaties/nieuw`, {
        locationType: 'physical',
        address: 'Lange Delft 10',
        postalCode: '4331',
        city: 'Middelburg',
        day1: 'MO',
        opens1: '17:00',
        closes1: '09:00',
      });
      assert.equal(badLocation.status, 422);
      await assertValidHtml(badLocation.body);
      assert.match(badLocation.body, /Vul een postcode in zoals 4331 AB/);
      assert.match(badLocation.body, /id="veld-closes1-fout"/);
      assert.match(badLocation.body, /value="Lange Delft 10"/);
      const location = await repA.client.post(`/loket/zeeland/organisaties/${orgA}/locaties/nieuw`, {
        locationType: 'physical',
        name: 'Kantoor Middelburg',
        address: 'Lange Delft 10',
        postalCode: '4331ab',
        city: 'Middelburg',
        day1: 'MO,TU,WE,TH,FR',
        opens1: '9:00',
        closes1: '17:00',
        day2: 'SA',
        opens2: '10:00',
        closes2: '12:00',
        hoursNote: 'Alleen op afspraak',
      });
      assert.equal(location.status, 303, location.body.slice(0, 1000));
      const locationId = (await t.deps.db.kysely.selectFrom('desk_locations').select('id').where('organisation_id', '=', orgA).executeTakeFirstOrThrow()).id;

      const form = await page(repA, `/loket/zeeland/organisaties/${orgA}/diensten/nieuw`);
      assert.match(form.body, /Kantoor Middelburg/);
      const created = await repA.client.post(`/loket/zeeland/organisaties/${orgA}/diensten/nieuw`, {
        name: 'Jobcoaching op de werkplek',
        description: 'Een jobcoach helpt je bij het inwerken.',
        forWhom: 'Mensen met een psychische kwetsbaarheid die werken of gaan werken.',
        howToApply: 'Bel ons of stuur een e-mail.',
        cost: 'Vergoed door UWV of de gemeente.',
        status: 'active',
        where1: locationId,
        day1: 'WE',
        opens1: '13:00',
        closes1: '16:00',
      });
      assert.equal(created.status, 303, created.body.slice(0, 1000));
      serviceA = (await t.deps.db.kysely.selectFrom('desk_services').select('id').where('organisation_id', '=', orgA).executeTakeFirstOrThrow()).id;

      const contact = await repA.client.post(`/loket/zeeland/organisaties/${orgA}/contacten/nieuw`, {
        name: 'Fatima de Vries',
        title: 'Jobcoach',
        email: 'fatima@werkkracht.example',
        serviceId: serviceA,
        phone1: '06 1234 5678',
      });
      assert.equal(contact.status, 303, contact.body.slice(0, 1000));

      const orgPage = await page(t.client(), `/loket/zeeland/organisaties/${orgA}`);
      assert.match(orgPage.body, /maandag tot en met vrijdag: 09:00 tot 17:00 uur/);
      assert.match(orgPage.body, /Alleen op afspraak/);
      assert.match(orgPage.body, /4331 AB Middelburg/);
      assert.match(orgPage.body, /href="tel:0612345678"/);
      assert.match(orgPage.body, /Voor wie/);

      const servicePage = await page(t.client(), `/loket/zeeland/diensten/${serviceA}`);
      assert.match(servicePage.body, /<h1 class="utrecht-heading-1">Jobcoaching op de werkplek<\/h1>/);
      assert.match(servicePage.body, /Hoe meld je je aan\?/);
      assert.match(servicePage.body, /Vergoed door UWV of de gemeente/);
      assert.match(servicePage.body, /Kantoor Middelburg/);
      assert.match(servicePage.body, /woensdag: 13:00 tot 16:00 uur/);
      assert.match(servicePage.body, /Fatima de Vries/);
      assert.match(servicePage.body, /soort=service/);

      // The edit forms come back filled in and valid.
      await page(repA, `/loket/zeeland/organisaties/${orgA}/locaties/${locationId}/bewerken`);
      const editService = await page(repA, `/loket/zeeland/organisaties/${orgA}/diensten/${serviceA}/bewerken`);
      assert.match(editService.body, /checked/);
      const contactId = (await t.deps.db.kysely.selectFrom('desk_contacts').select('id').where('organisation_id', '=', orgA).executeTakeFirstOrThrow()).id;
      await page(repA, `/loket/zeeland/organisaties/${orgA}/contacten/${contactId}/bewerken`);
    });

    test('a service edit conflict keeps the typed text; services can be deleted', async () => {
      const form = await page(repA, `/loket/zeeland/organisaties/${orgA}/diensten/${serviceA}/bewerken`);
      const version = versionOf(form.body);
      const fields = { name: 'Jobcoaching op de werkplek', description: 'Nieuwe tekst van Ayla.', status: 'active', version };
      assert.equal((await repA.client.post(`/loket/zeeland/organisaties/${orgA}/diensten/${serviceA}/bewerken`, fields)).status, 303);
      await cor.client.get(`/loket/zeeland/organisaties/${orgA}/diensten/${serviceA}/bewerken`);
      const stale = await cor.client.post(`/loket/zeeland/organisaties/${orgA}/diensten/${serviceA}/bewerken`, { ...fields, description: 'Tekst van Cor.' });
      assert.equal(stale.status, 409);
      await assertValidHtml(stale.body);
      assert.match(stale.body, />Tekst van Cor\.<\/textarea>/);

      const other = await repA.client.post(`/loket/zeeland/organisaties/${orgA}/diensten/nieuw`, { name: 'Tijdelijke dienst', description: 'Weg ermee.', status: 'active' });
      assert.equal(other.status, 303);
      const otherId = (await t.deps.db.kysely.selectFrom('desk_services').select('id').where('name', '=', 'Tijdelijke dienst').executeTakeFirstOrThrow()).id;
      assert.equal((await repB.client.post(`/loket/zeeland/organisaties/${orgA}/diensten/${otherId}/verwijderen`)).status, 403);
      assert.equal((await repA.client.post(`/loket/zeeland/organisaties/${orgA}/diensten/${otherId}/verwijderen`)).status, 303);
      await page(t.client(), `/loket/zeeland/diensten/${otherId}`, 404);
      // A service is not found through another organisation's address.
      assert.equal((await repB.client.get(`/loket/zeeland/organisaties/${orgB}/diensten/${serviceA}/bewerken`)).status, 404);
    });

    test('the coordinator appoints and removes representatives by e-mail address, audited', async () => {
      const newcomer = await registeredPerson(t, { name: 'Noor' });
      await page(newcomer, `/loket/zeeland/organisaties/${orgA}/bewerken`, 403);
      const repsPage = await page(cor, `/loket/zeeland/organisaties/${orgA}/vertegenwoordigers`);
      assert.match(repsPage.body, /Ayla/);
      const unknown = await cor.client.post(`/loket/zeeland/organisaties/${orgA}/vertegenwoordigers`, { email: 'niemand@example.org' });
      assert.equal(unknown.status, 422);
      await assertValidHtml(unknown.body);
      assert.match(unknown.body, /Er is geen account met dit e-mailadres/);
      const added = await cor.client.post(`/loket/zeeland/organisaties/${orgA}/vertegenwoordigers`, { email: newcomer.email.toUpperCase() });
      assert.equal(added.status, 303, added.body.slice(0, 500));
      assert.match(t.mail.lastTo(newcomer.email).subject, /vertegenwoordiger van Stichting Werkkracht Zeeland/);
      await page(newcomer, `/loket/zeeland/organisaties/${orgA}/bewerken`);
      assert.equal((await repA.client.post(`/loket/zeeland/organisaties/${orgA}/vertegenwoordigers`, { email: repB.email })).status, 403);

      const removed = await cor.client.post(`/loket/zeeland/organisaties/${orgA}/vertegenwoordigers/${newcomer.id}/verwijderen`);
      assert.equal(removed.status, 303);
      await page(newcomer, `/loket/zeeland/organisaties/${orgA}/bewerken`, 403);
      const events = await t.deps.db.kysely.selectFrom('audit_log').select(['event', 'actor_id']).where('target', '=', orgA).orderBy('occurred_at').execute();
      assert.deepEqual(
        events.map((e) => [e.event, e.actor_id]),
        [
          ['desk.representative_appointed', cor.id],
          ['desk.representative_removed', cor.id],
        ],
      );
    });

    test('filter by word and kind, and pages of twenty', async () => {
      const organizations = Array.from({ length: 25 }, (_, i) => ({
        id: `bulk-${String(i).padStart(2, '0')}`,
        name: `Buurtteam ${String(i).padStart(2, '0')}`,
        description: 'Hulp in de wijk.',
        x_organisation_kind: 'gemeente',
      }));
      const outcome = await importSocialMap(t.deps.db.kysely, 'zeeland', JSON.stringify({ organizations }), cor.id, new Date());
      assert.ok(outcome.ok);
      const first = await page(t.client(), '/loket/zeeland/sociale-kaart?soort=gemeente');
      assert.match(first.body, /26 organisaties gevonden/);
      assert.match(first.body, /Pagina 1 van 2/);
      assert.match(decode(first.body), /href="\/loket\/zeeland\/sociale-kaart\?soort=gemeente&pagina=2"/);
      const second = await page(t.client(), '/loket/zeeland/sociale-kaart?soort=gemeente&pagina=2');
      assert.equal((second.body.match(/class="mmm-card"/g) ?? []).length, 6);
      const word = await page(t.client(), '/loket/zeeland/sociale-kaart?q=jobcoach');
      assert.match(word.body, /1 organisatie gevonden/);
      assert.match(word.body, /Stichting Werkkracht Zeeland/);
      const nothing = await page(t.client(), '/loket/zeeland/sociale-kaart?q=100%25_geen');
      assert.match(nothing.body, /We vonden geen organisaties/);
      await page(t.client(), '/loket/zeeland/sociale-kaart?soort=onzin&pagina=-3');
    });

    test('hiding takes an organisation off the public map; its pages are 404 for the public', async () => {
      assert.equal((await repA.client.post(`/loket/zeeland/organisaties/${orgA}/verbergen`)).status, 403);
      assert.equal((await cor.client.post(`/loket/zeeland/organisaties/${orgA}/verbergen`)).status, 303);
      await page(t.client(), `/loket/zeeland/organisaties/${orgA}`, 404);
      await page(t.client(), `/loket/zeeland/diensten/${serviceA}`, 404);
      const own = await page(repA, `/loket/zeeland/organisaties/${orgA}`);
      assert.match(own.body, /Deze organisatie is verborgen/);
      // Hiding from the organisation's own page is audited like hiding from the queue.
      const audit = await t.deps.db.kysely
        .selectFrom('audit_log')
        .select(['actor_id', 'detail'])
        .where('event', '=', 'desk.item_moderated')
        .where('target', '=', `organisation:${orgA}`)
        .orderBy('occurred_at')
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.actor_id, (JSON.parse(a.detail ?? '{}') as { action?: string }).action]),
        [
          [cor.id, 'publish'],
          [cor.id, 'hide'],
        ],
      );
      // An organisation of Zeeland is not shown under another region.
      await page(cor, `/loket/rijnmond/organisaties/${orgB}`, 404);
    });
  });
}

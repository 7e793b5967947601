import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sessionCookieName } from '../../../platform/auth/sessions.js';
import { csrfCookieName } from '../../../platform/http/platform.js';
import { fromRoot } from '../../../platform/paths.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { enableTwoFactor, firstAdministrator, registeredPerson, type Person } from '../../../testing/scenario.js';
import { createTestApp, testApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { findMissingRequired, HSDS_PAGE_FIELDS } from './hsds.js';
import { exportSocialMap, importSocialMap } from './social-map.service.js';

// A realistic social map of Zeeland: five organisations with services, locations, opening hours,
// contacts and phone numbers, in HSDS 3.0 as a region would upload it.
function zeelandMap() {
  const schedule = (id: string, byday: string | null, opens: string | null, closes: string | null, description: string | null = null) => ({
    id,
    byday,
    opens_at: opens,
    closes_at: closes,
    description,
  });
  const address = (street: string, postal: string, city: string) => ({
    address_1: street,
    city,
    postal_code: postal,
    state_province: 'Zeeland',
    country: 'NL',
    address_type: 'physical',
  });
  return {
    organizations: [
      {
        id: '6d1c6a52-0001-4f00-9000-000000000001',
        name: 'UWV Zeeland',
        alternate_name: 'UWV WERKbedrijf Middelburg',
        description: 'UWV helpt mensen met een WW- of WIA-uitkering aan werk dat past.',
        email: 'zeeland@uwv.example',
        website: 'https://www.uwv.example/zeeland',
        x_organisation_kind: 'uwv',
        phones: [{ id: 'ph-uwv-1', number: '088 898 9294', description: 'Werkdagen 8 tot 17 uur' }],
        contacts: [{ id: 'co-uwv-1', name: 'Arbeidsdeskundige Zeeland', title: 'Team Werkfit', email: 'werkfit@uwv.example', phones: [{ id: 'ph-uwv-2', number: '0118 123 456' }] }],
        locations: [
          {
            id: 'lo-uwv-1',
            location_type: 'physical',
            name: 'UWV Middelburg',
            description: 'Ingang aan de Kanaalweg, met de lift bereikbaar.',
            latitude: 51.4988,
            longitude: 3.6109,
            addresses: [address('Kanaalweg 1', '4337 PA', 'Middelburg')],
            schedules: [schedule('sc-uwv-1', 'MO,TU,WE,TH,FR', '08:30', '17:00'), schedule('sc-uwv-2', null, null, null, 'Alleen op afspraak')],
          },
        ],
        services: [
          {
            id: 'sv-uwv-1',
            name: 'Werkfit maken',
            description: 'Een traject om weer aan het werk te gaan, met een coach.',
            eligibility_description: 'Mensen met een WIA- of Ziektewet-uitkering.',
            application_process: 'Vraag het aan bij je arbeidsdeskundige.',
            fees_description: 'Gratis',
            status: 'active',
            service_at_locations: [{ id: 'sal-uwv-1', location_id: 'lo-uwv-1', description: 'Intake op locatie' }],
          },
          {
            id: 'sv-uwv-2',
            name: 'Jobcoach via UWV',
            description: 'Begeleiding op de werkplek.',
            eligibility_description: 'Werkenden met een Wajong- of WIA-uitkering.',
            application_process: 'Je werkgever of jijzelf vraagt het aan.',
            fees_description: 'Vergoed door UWV',
            email: 'jobcoach@uwv.example',
            url: 'https://www.uwv.example/jobcoach',
            status: 'active',
            schedules: [schedule('sc-uwv-3', 'TU,TH', '09:00', '12:00')],
          },
        ],
      },
      {
        id: '6d1c6a52-0002-4f00-9000-000000000002',
        name: 'Werkplein Walcheren',
        description: 'De gemeenten Middelburg, Vlissingen en Veere helpen samen bij werk en inkomen.',
        email: 'werkplein@walcheren.example',
        website: 'https://www.werkpleinwalcheren.example',
        x_organisation_kind: 'gemeente',
        locations: [
          {
            id: 'lo-wp-1',
            location_type: 'physical',
            name: 'Werkplein Vlissingen',
            addresses: [address('Paul Krugerstraat 185', '4382 GS', 'Vlissingen')],
            phones: [{ id: 'ph-wp-1', number: '0118 487 000' }],
            schedules: [schedule('sc-wp-1', 'MO', '09:00', '12:30'), schedule('sc-wp-2', 'WE', '13:00', '16:30')],
          },
          { id: 'lo-wp-2', location_type: 'virtual', name: 'Online spreekuur', url: 'https://www.werkpleinwalcheren.example/spreekuur' },
        ],
        services: [
          {
            id: 'sv-wp-1',
            name: 'Hulp bij werk (Participatiewet)',
            description: 'Een werkcoach zoekt met je naar werk of een opleiding.',
            eligibility_description: 'Inwoners van Walcheren met bijstand.',
            application_process: 'Bel of loop binnen op het Werkplein.',
            fees_description: 'Gratis',
            status: 'active',
            contacts: [{ id: 'co-wp-1', name: 'Werkcoach Walcheren', email: 'werkcoach@walcheren.example', phones: [{ id: 'ph-wp-2', number: '+31 118 487 100', description: 'Direct nummer' }] }],
            service_at_locations: [
              { id: 'sal-wp-1', location_id: 'lo-wp-1', schedules: [schedule('sc-wp-3', 'TH', '09:00', '12:00')] },
              { id: 'sal-wp-2', location_id: 'lo-wp-2' },
            ],
          },
          {
            id: 'sv-wp-2',
            name: 'Schuldhulp',
            description: 'Samen je geldzaken op orde brengen.',
            status: 'temporarily closed',
          },
        ],
      },
      {
        id: '6d1c6a52-0003-4f00-9000-000000000003',
        name: 'Emergis IPS',
        description: 'Individuele plaatsing en steun: werk vinden en houden met begeleiding vanuit de ggz.',
        x_organisation_kind: 'ips',
        phones: [{ id: 'ph-em-1', number: '0113 267 000' }],
        locations: [
          {
            id: 'lo-em-1',
            location_type: 'physical',
            name: 'Emergis Goes',
            addresses: [address('Stationspark 30', '4462 DZ', 'Goes')],
            schedules: [schedule('sc-em-1', 'MO,TU,WE,TH,FR', '09:00', '17:00')],
          },
          { id: 'lo-em-2', location_type: 'postal', addresses: [address('Postbus 1000', '4460 HA', 'Goes')] },
        ],
        services: [
          {
            id: 'sv-em-1',
            name: 'IPS-trajectbegeleiding',
            description: 'Een IPS-trajectbegeleider helpt je betaald werk te vinden dat bij je past.',
            eligibility_description: 'Mensen die zorg krijgen van Emergis en willen werken.',
            application_process: 'Vraag je behandelaar.',
            fees_description: 'Gratis',
            status: 'active',
            service_at_locations: [{ id: 'sal-em-1', location_id: 'lo-em-1' }],
          },
          {
            id: 'sv-em-2',
            name: 'Herstelgroep Werk',
            description: 'Een groep van ervaringsdeskundigen over werk en herstel.',
            status: 'inactive',
            schedules: [schedule('sc-em-2', 'WE', '19:00', '21:00', 'Even weken')],
          },
        ],
      },
      {
        id: '6d1c6a52-0004-4f00-9000-000000000004',
        name: 'Jobcoach Zeeland',
        description: 'Jobcoaches voor mensen met een psychische kwetsbaarheid en hun werkgevers.',
        website: 'https://www.jobcoachzeeland.example',
        x_organisation_kind: 'jobcoach',
        contacts: [{ id: 'co-jz-1', title: 'Aanmelding', email: 'aanmelden@jobcoachzeeland.example' }],
        locations: [{ id: 'lo-jz-1', location_type: 'virtual', url: 'https://www.jobcoachzeeland.example/video' }],
        services: [
          {
            id: 'sv-jz-1',
            name: 'Jobcoaching op de werkplek',
            description: 'Begeleiding bij het inwerken en houden van je baan.',
            eligibility_description: 'Werkenden in Zeeland.',
            application_process: 'Vul het formulier op de website in.',
            fees_description: 'Meestal vergoed door UWV of de gemeente',
            status: 'active',
            phones: [{ id: 'ph-jz-1', number: '06 12345678' }],
          },
        ],
      },
      {
        id: '6d1c6a52-0005-4f00-9000-000000000005',
        name: 'Ervaringswerk Zeeland',
        description: 'Ervaringsdeskundigen die meedenken over werk en herstel.',
        services: [
          {
            id: 'sv-ew-1',
            name: 'Maatje naar werk',
            description: 'Een ervaringsdeskundige loopt een tijd met je mee.',
            status: 'active',
          },
        ],
      },
    ],
  };
}

/** Makes two HSDS documents comparable: drops empty values and back-references, fills HSDS defaults, sorts lists by id. */
function normalise(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v, key));
    return items.every((i) => i && typeof i === 'object' && 'id' in i) ? [...items].sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id))) : items;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      if (['organization_id', 'contact_id', 'service_at_location_id'].includes(k)) continue;
      if (k === 'service_id' && key !== '') continue;
      if (k === 'location_id' && key !== 'service_at_locations') continue;
      out[k] = normalise(v, k);
    }
    if (key === 'addresses') return { address_1: out.address_1, city: out.city, postal_code: out.postal_code };
    if (key === 'organizations' && out.x_organisation_kind === undefined) out.x_organisation_kind = 'overig';
    if (key === 'services' && out.status === undefined) out.status = 'active';
    return out;
  }
  return value;
}

interface Upload {
  readonly file?: string;
  readonly text?: string;
  readonly csrf?: string | null;
}

/** Posts the import form as a browser does: multipart/form-data with the CSRF token of the page. */
async function upload(t: TestApp, person: Person, slug: string, parts: Upload) {
  const page = await person.client.get(`/loket/${slug}/beheer/sociale-kaart/importeren`);
  const token = parts.csrf === undefined ? /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] : parts.csrf;
  const boundary = `----mmm${Math.random().toString(36).slice(2)}`;
  const chunks: string[] = [];
  const field = (name: string, value: string, filename?: string) =>
    chunks.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: application/json` : ''}\r\n\r\n${value}\r\n`,
    );
  if (token) field('_csrf', token);
  field('bestand', parts.file ?? '', 'sociale-kaart.json');
  field('tekst', parts.text ?? '');
  chunks.push(`--${boundary}--\r\n`);
  const cookies = [sessionCookieName(false), csrfCookieName(false)].flatMap((name) => {
    const value = person.client.cookie(name);
    return value ? [`${name}=${value}`] : [];
  });
  return t.app.inject({
    method: 'POST',
    url: `/loket/${slug}/beheer/sociale-kaart/importeren`,
    payload: Buffer.from(chunks.join(''), 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: cookies.join('; ') },
  });
}

function decode(html: string): string {
  return html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

async function countOrganisations(t: TestApp): Promise<number> {
  const row = await t.deps.db.kysely
    .selectFrom('desk_organisations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const kind of testDatabaseKinds()) {
  describe(`HSDS import, export and API (${kind.name})`, () => {
    let t: TestApp;
    let cor: Person;

    before(async () => {
      t = await createTestApp(kind);
      const admin = await firstAdministrator(t);
      cor = await registeredPerson(t, { name: 'Cor' });
      const appointed = await admin.client.post('/beheer/regios/zeeland/coordinatoren', { email: cor.email });
      assert.equal(appointed.status, 303, appointed.body.slice(0, 500));
      await enableTwoFactor(t, cor);
    });
    after(() => t.close());

    test('a file with problems is refused with Dutch messages and line numbers; nothing is stored and the pasted text stays', async () => {
      const doc = zeelandMap();
      const broken = structuredClone(doc);
      delete (broken.organizations[2] as { name?: string }).name;
      (broken.organizations[1]!.services[0] as { url?: string }).url = 'geen-link';
      const text = JSON.stringify(broken, null, 2);
      const lines = text.split('\n');
      const startOf = (id: string) => lines.findIndex((l) => l.includes(`"id": "${id}"`));

      const res = await upload(t, cor, 'zeeland', { text });
      assert.equal(res.statusCode, 422, res.body.slice(0, 500));
      const body = decode(res.body);
      assert.ok(body.includes(`Organisatie 3 (regel ${startOf(doc.organizations[2]!.id)}): 'name' ontbreekt`), body.slice(0, 3000));
      assert.match(body, new RegExp(`Organisatie 2 \\(regel ${startOf(doc.organizations[1]!.id)}\\), services\\[0\\] \\(regel ${startOf('sv-wp-1')}\\): 'url' is geen volledig webadres`));
      assert.ok(body.includes('"name": "Werkplein Walcheren"'), 'the pasted text is kept in the textarea');
      await assertValidHtml(res.body);
      assert.equal(await countOrganisations(t), 0);
    });

    test('the upload needs the CSRF token', async () => {
      const res = await upload(t, cor, 'zeeland', { text: JSON.stringify(zeelandMap()), csrf: null });
      assert.equal(res.statusCode, 403);
      assert.equal(await countOrganisations(t), 0);
    });

    test('an empty form says what to do', async () => {
      const res = await upload(t, cor, 'zeeland', {});
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Kies een bestand of plak de tekst/);
    });

    test('import of a file, a summary, and the export gives the same data back', async () => {
      const doc = zeelandMap();
      const res = await upload(t, cor, 'zeeland', { file: JSON.stringify(doc, null, 2) });
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const page = await cor.client.get('/loket/zeeland/beheer/sociale-kaart/importeren');
      assert.equal(page.status, 200);
      await assertValidHtml(page.body);
      assert.match(page.body, /5 nieuwe organisaties/);
      assert.match(page.body, /8 diensten/);
      assert.match(page.body, /6 locaties/);
      assert.match(page.body, /3 contactpersonen/);
      assert.match(page.body, /6 telefoonnummers/);
      assert.match(page.body, /8 openingstijden/);

      const exported = await t.client().get('/loket/zeeland/sociale-kaart.json');
      assert.equal(exported.status, 200);
      assert.match(String(exported.headers['content-type']), /^application\/json/);
      assert.equal(exported.headers['access-control-allow-origin'], '*');
      const json = JSON.parse(exported.body) as ReturnType<typeof zeelandMap>;
      assert.deepEqual(normalise(json.organizations, 'organizations'), normalise(doc.organizations, 'organizations'));
      assert.deepEqual(findMissingRequired(json.organizations, 'organization'), []);

      const list = await t.client().get('/loket/zeeland/sociale-kaart');
      assert.match(list.body, /Werkplein Walcheren/);
    });

    test('importing the same file again updates the same records', async () => {
      const doc = zeelandMap();
      doc.organizations[0]!.name = 'UWV Zeeland (vernieuwd)';
      doc.organizations[1]!.services.pop();
      const res = await upload(t, cor, 'zeeland', { text: JSON.stringify(doc) });
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      assert.equal(await countOrganisations(t), 5);
      const db = t.deps.db.kysely;
      const uwv = await db.selectFrom('desk_organisations').selectAll().where('id', '=', doc.organizations[0]!.id).executeTakeFirstOrThrow();
      assert.equal(uwv.name, 'UWV Zeeland (vernieuwd)');
      assert.equal(Number(uwv.version), 2);
      assert.equal(await db.selectFrom('desk_services').select('id').where('id', '=', 'sv-wp-2').executeTakeFirst(), undefined);
      const services = await db.selectFrom('desk_services').select('id').execute();
      assert.equal(services.length, 7);
      const page = await cor.client.get('/loket/zeeland/beheer/sociale-kaart/importeren');
      assert.match(page.body, /5 bijgewerkte organisaties/);
    });

    test('an id that belongs to another region is a problem for its record', async () => {
      const other = await registeredPerson(t, { name: 'Rina' });
      await t.deps.db.kysely.insertInto('region_coordinators').values({ region_slug: 'rijnmond', user_id: other.id, appointed_by: null, appointed_at: new Date().toISOString() }).execute();
      await enableTwoFactor(t, other);
      const doc = zeelandMap();
      const res = await upload(t, other, 'rijnmond', { text: JSON.stringify(doc, null, 2) });
      assert.equal(res.statusCode, 422);
      assert.match(decode(res.body), /Organisatie 1 \(regel \d+\): 'id' 6d1c6a52-0001-4f00-9000-000000000001 hoort bij een andere regio/);
      assert.match(decode(res.body), /services\[0\] \(regel \d+\): 'id' sv-uwv-1 hoort bij een andere regio/);
      const rijnmond = await t.deps.db.kysely.selectFrom('desk_organisations').select('id').where('region_slug', '=', 'rijnmond').execute();
      assert.equal(rijnmond.length, 0);
    });

    test('the API follows HSDS 3.0: envelope, paging, search, required fields, 404 in Dutch, CORS', async () => {
      const client = t.client();
      const all = await client.get('/loket/zeeland/api/services?per_page=3');
      assert.equal(all.status, 200);
      assert.match(String(all.headers['content-type']), /^application\/json/);
      assert.equal(all.headers['access-control-allow-origin'], '*');
      const page1 = JSON.parse(all.body) as Record<string, unknown> & { contents: { id: string; name: string }[] };
      assert.deepEqual(Object.keys(page1).sort(), [...HSDS_PAGE_FIELDS].sort());
      assert.deepEqual(
        { total_items: page1.total_items, total_pages: page1.total_pages, page_number: page1.page_number, size: page1.size, first_page: page1.first_page, last_page: page1.last_page, empty: page1.empty },
        { total_items: 7, total_pages: 3, page_number: 1, size: 3, first_page: true, last_page: false, empty: false },
      );
      assert.deepEqual(findMissingRequired(page1, 'page', 'service'), []);
      const page3 = JSON.parse((await client.get('/loket/zeeland/api/services?per_page=3&page=3')).body) as typeof page1;
      assert.equal(page3.size, 1);
      assert.equal(page3.last_page, true);
      const seen = new Set([...page1.contents, ...page3.contents].map((s) => s.id));
      assert.equal(seen.size, 4);
      const capped = JSON.parse((await client.get('/loket/zeeland/api/services?per_page=1000')).body) as typeof page1;
      assert.equal(capped.total_pages, 1);

      const found = JSON.parse((await client.get('/loket/zeeland/api/services?search=trajectbegeleiding')).body) as typeof page1;
      assert.deepEqual(
        found.contents.map((s) => s.id),
        ['sv-em-1'],
      );

      const one = await client.get('/loket/zeeland/api/services/sv-wp-1');
      assert.equal(one.status, 200);
      const service = JSON.parse(one.body) as { organization: { name: string }; service_at_locations: { location: { id: string } }[] };
      assert.equal(service.organization.name, 'Werkplein Walcheren');
      assert.deepEqual(
        service.service_at_locations.map((s) => s.location.id),
        ['lo-wp-1', 'lo-wp-2'],
      );
      assert.deepEqual(findMissingRequired(service, 'service'), []);

      const orgs = JSON.parse((await client.get('/loket/zeeland/api/organizations?search=walcheren')).body) as typeof page1;
      assert.equal(orgs.total_items, 1);
      assert.deepEqual(findMissingRequired(orgs, 'page', 'organization'), []);
      const org = await client.get(`/loket/zeeland/api/organizations/${orgs.contents[0]!.id}`);
      assert.deepEqual(findMissingRequired(JSON.parse(org.body), 'organization'), []);

      for (const url of ['/loket/zeeland/api/services/bestaat-niet', '/loket/zeeland/api/organizations/bestaat-niet', '/loket/nergens/api/services']) {
        const missing = await client.get(url);
        assert.equal(missing.status, 404, url);
        assert.match(String(missing.headers['content-type']), /^application\/json/);
        assert.match((JSON.parse(missing.body) as { error: string }).error, /bestaat niet/);
      }
      // A service of Zeeland is not found through another region's address.
      assert.equal((await client.get('/loket/rijnmond/api/services/sv-wp-1')).status, 404);
    });

    test('export → import into a fresh database → export gives exactly the same document', async (ctx) => {
      const first = await exportSocialMap(t.deps.db.kysely, 'zeeland');
      const fresh = await testApp(ctx, kind);
      const outcome = await importSocialMap(fresh.deps.db.kysely, 'zeeland', JSON.stringify(first), null, new Date());
      assert.ok(outcome.ok, JSON.stringify(outcome));
      const second = await exportSocialMap(fresh.deps.db.kysely, 'zeeland');
      assert.deepEqual(second, first);
    });

    test('the API is rate limited with a JSON answer', async () => {
      const client = t.client();
      let last = 0;
      for (let i = 0; i < 305 && last !== 429; i++) last = (await client.get('/loket/zeeland/api/organizations?per_page=1')).status;
      assert.equal(last, 429);
      const limited = await client.get('/loket/zeeland/api/organizations');
      assert.match(String(limited.headers['content-type']), /^application\/json/);
      assert.equal(limited.headers['access-control-allow-origin'], '*');
    });
  });
}

describe('the command line import', () => {
  test('imports a file, and exits non-zero with the problems of a broken one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mmm-import-'));
    try {
      const env = { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`, DATA_DIR: dir, NODE_ENV: 'test', SESSION_SECRET: 'test-secret-that-is-long-enough-for-cookies' };
      const good = path.join(dir, 'goed.json');
      writeFileSync(good, JSON.stringify(zeelandMap(), null, 2));
      const run = promisify(execFile);
      const script = fromRoot('scripts/desk-import.ts');
      const ok = await run(process.execPath, ['--import', 'tsx', script, 'zeeland', good], { env, cwd: fromRoot('.') });
      assert.match(ok.stdout, /5 organisaties/);
      const broken = structuredClone(zeelandMap());
      delete (broken.organizations[2] as { name?: string }).name;
      const bad = path.join(dir, 'fout.json');
      writeFileSync(bad, JSON.stringify(broken, null, 2));
      await assert.rejects(run(process.execPath, ['--import', 'tsx', script, 'zeeland', bad], { env, cwd: fromRoot('.') }), (error: { code?: number; stderr?: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr ?? '', /Organisatie 3 \(regel \d+\): 'name' ontbreekt/);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

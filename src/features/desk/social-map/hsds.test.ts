// The texts, installed as the app does, because these tests read its Dutch messages.
import '../../../messages.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { translator } from '../../../platform/i18n/i18n.js';
import {
  findMissingRequired,
  formatImportProblem,
  HSDS_REQUIRED_FIELDS,
  hsdsPage,
  jsonStartLines,
  parseHsdsImport,
  telHref,
  toHsdsDocument,
  type ImportProblem,
  type SocialMapRows,
} from './hsds.js';

const nl = translator('nl');
const messages = (problems: readonly ImportProblem[]) => problems.map((p) => formatImportProblem(nl, p));

function problemsOf(text: string): string[] {
  const result = parseHsdsImport(text);
  assert.equal(result.ok, false, 'expected problems');
  return result.ok ? [] : messages(result.problems);
}

const org = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Organisatie ${id}`, description: 'Helpt mensen aan werk.', ...extra });

describe('HSDS 3.0 required fields', () => {
  test('the constant lists what the specification requires', () => {
    assert.deepEqual(HSDS_REQUIRED_FIELDS.organization, ['id', 'name', 'description']);
    assert.deepEqual(HSDS_REQUIRED_FIELDS.service, ['id', 'name', 'status']);
    assert.deepEqual(HSDS_REQUIRED_FIELDS.location, ['id', 'location_type']);
    assert.deepEqual(HSDS_REQUIRED_FIELDS.phone, ['id', 'number']);
  });

  test('findMissingRequired names the path and the field', () => {
    assert.deepEqual(findMissingRequired({ id: 'a', name: 'A', description: 'x', services: [{ id: 's', name: 'S' }] }, 'organization'), ['organization.services[0]: status']);
    assert.deepEqual(findMissingRequired(hsdsPage([], 0, 1, 10), 'page', 'service'), []);
  });
});

describe('line numbers of records', () => {
  test('every element of the organizations list has the line it starts on', () => {
    const text = '{\n  "organizations": [\n    { "id": "a",\n      "services": [ {"id": "s1"},\n {"id": "s2"} ] },\n\n    {"id": "b"}, 7\n  ]\n}';
    const lines = jsonStartLines(text);
    assert.equal(lines.get('organizations/0'), 3);
    assert.equal(lines.get('organizations/0/services/0'), 4);
    assert.equal(lines.get('organizations/0/services/1'), 5);
    assert.equal(lines.get('organizations/1'), 7);
    assert.equal(lines.get('organizations/2'), 7);
  });

  test('strings with brackets, escaped quotes and keys do not confuse the scan', () => {
    const text = '[\n {"id": "a", "name": "x [ { \\" } ]"},\n {"id": "b"}\n]';
    const lines = jsonStartLines(text);
    assert.equal(lines.get('0'), 2);
    assert.equal(lines.get('1'), 3);
  });
});

describe('validation of an import', () => {
  test('a missing name is reported for the organisation with its line, in Dutch', () => {
    const doc = { organizations: [org('a'), org('b'), { id: 'c', description: 'Zonder naam' }] };
    const text = JSON.stringify(doc, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"id": "c"'));
    // The object starts on the line before its first field.
    assert.deepEqual(problemsOf(text), [`Organisatie 3 (regel ${line}): 'name' ontbreekt`]);
  });

  test('problems in nested objects name the part and its line', () => {
    const doc = [org('a', { services: [{ id: 's1', name: 'Werk', status: 'open' }, { id: 's2', email: 'geen-adres' }] })];
    const found = problemsOf(JSON.stringify(doc, null, 1));
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(found[0]!, /^Organisatie 1 \(regel 2\), services\[0\] \(regel \d+\): 'status' heeft een onbekende waarde; kies uit: active, inactive, defunct, temporarily closed$/);
    assert.ok(found.some((f) => /services\[1\] \(regel \d+\): 'name' ontbreekt$/.test(f)), found.join('\n'));
    assert.ok(found.some((f) => /services\[1\] \(regel \d+\): 'email' is geen geldig e-mailadres$/.test(f)), found.join('\n'));
  });

  test('invalid JSON is reported with the line of the mistake', () => {
    const found = problemsOf('{\n "organizations": [\n  {"id": "a",}\n ]\n}');
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^Regel 3: Dit is geen geldige JSON/);
  });

  test('wrong shapes, empty files and empty lists are refused', () => {
    assert.match(problemsOf('')[0]!, /leeg/);
    assert.match(problemsOf('{"foo": 1}')[0]!, /organizations/);
    assert.match(problemsOf('[]')[0]!, /geen organisaties/);
    assert.match(problemsOf('[3]')[0]!, /^Organisatie 1 \(regel 1\): 'organization' moet een object zijn$/);
  });

  test('duplicate ids, unknown locations and links to another parent are problems', () => {
    const doc = [
      org('a', {
        locations: [{ id: 'l1', location_type: 'physical' }],
        services: [{ id: 's1', name: 'S', organization_id: 'b', service_at_locations: [{ id: 'x1', location_id: 'l9' }] }],
      }),
      org('a'),
    ];
    const found = problemsOf(JSON.stringify(doc, null, 2));
    assert.ok(found.some((f) => f.includes("'organization_id' moet a zijn")), found.join('\n'));
    assert.ok(found.some((f) => f.includes("'location_id' l9 is geen locatie van deze organisatie")), found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('Organisatie 2') && f.includes("'id' a komt al voor bij organisatie 1")), found.join('\n'));
  });

  test('kind comes from the extension and defaults to overig; times and days are normalised', () => {
    const doc = [
      org('a', {
        x_organisation_kind: 'ggz',
        locations: [{ id: 'l1', location_type: 'physical', schedules: [{ id: 'sc1', byday: 'mo, tu', opens_at: '09:00:00Z', closes_at: '17:30' }] }],
      }),
      org('b'),
    ];
    const result = parseHsdsImport(JSON.stringify(doc));
    assert.ok(result.ok);
    assert.deepEqual(
      result.rows.organisations.map((o) => o.kind),
      ['ggz', 'overig'],
    );
    assert.deepEqual(result.rows.schedules[0], {
      id: 'sc1',
      organisation_id: 'a',
      owner_kind: 'location',
      owner_id: 'l1',
      byday: 'MO,TU',
      opens_at: '09:00',
      closes_at: '17:30',
      description: null,
    });
  });

  test('an unknown kind and a javascript: link are refused', () => {
    const found = problemsOf(JSON.stringify([org('a', { x_organisation_kind: 'kliniek', website: 'javascript:alert(1)' })]));
    assert.equal(found.length, 2, found.join('\n'));
    assert.ok(found.some((f) => f.includes("'x_organisation_kind' heeft een onbekende waarde")));
    assert.ok(found.some((f) => f.includes("'website' is geen volledig webadres")));
  });
});

test('tel: links keep only digits and a leading plus', () => {
  assert.equal(telHref('0118 - 123 456'), 'tel:0118123456');
  assert.equal(telHref('+31 (0)113 555 000'), 'tel:+310113555000');
});

// Property: any set of rows survives export and import unchanged.

const word = fc.constantFrom('Werk', 'Zeeland', 'coach', 'Middelburg', 'hulp', 'mensen', 'IPS', 'Goes', 'samen', 'stap');
const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const rowsArbitrary: fc.Arbitrary<SocialMapRows> = fc
  .array(
    fc.record({
      org: fc.record({
        name: phrase,
        alternate_name: optional(phrase),
        description: phrase,
        email: optional(fc.constantFrom('info@example.nl', 'werk@zeeland.example')),
        website: optional(fc.constantFrom('https://example.nl/', 'https://www.zeeland.example/werk')),
        kind: fc.constantFrom('uwv', 'gemeente', 'ggz', 'overig'),
      }),
      services: fc.array(
        fc.record({
          name: phrase,
          description: fc.oneof(phrase, fc.constant('')),
          for_whom: fc.oneof(phrase, fc.constant('')),
          how_to_apply: fc.oneof(phrase, fc.constant('')),
          cost: fc.oneof(phrase, fc.constant('')),
          email: optional(fc.constant('dienst@example.nl')),
          website: optional(fc.constant('https://example.nl/dienst')),
          status: fc.constantFrom('active', 'inactive', 'defunct', 'temporarily closed'),
          atFirstLocation: fc.boolean(),
          hours: fc.array(fc.record({ byday: optional(fc.constantFrom('MO', 'TU,WE', 'MO,TU,WE,TH,FR')), opens: fc.constantFrom('09:00', '13:30'), note: optional(phrase) }), { maxLength: 2 }),
        }),
        { maxLength: 3 },
      ),
      locations: fc.array(
        fc.record({
          location_type: fc.constantFrom('physical', 'postal', 'virtual'),
          name: optional(phrase),
          address: optional(fc.constant('Kanaalweg 1')),
          postal_code: optional(fc.constant('4331 AB')),
          city: optional(fc.constant('Middelburg')),
          latitude: optional(fc.integer({ min: -90000, max: 90000 }).map((n) => n / 1000 || 1)),
          phones: fc.array(fc.constantFrom('0118 123 456', '+31 113 555 000'), { maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
      contacts: fc.array(fc.record({ name: phrase, email: optional(fc.constant('persoon@example.nl')), forService: fc.boolean() }), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((orgs) => {
    let n = 0;
    const id = (prefix: string) => `${prefix}-${++n}`;
    const rows = { organisations: [], services: [], locations: [], contacts: [], phones: [], schedules: [], serviceAtLocations: [] } as {
      -readonly [K in keyof SocialMapRows]: SocialMapRows[K][number][];
    };
    for (const o of orgs) {
      const orgId = id('org');
      rows.organisations.push({ id: orgId, ...o.org, kind: o.org.kind as 'overig' });
      const locationIds = o.locations.map((l) => {
        const locationId = id('loc');
        rows.locations.push({ id: locationId, organisation_id: orgId, url: null, description: null, longitude: null, ...l, location_type: l.location_type as 'physical' });
        delete (rows.locations[rows.locations.length - 1] as { phones?: unknown }).phones;
        for (const number of l.phones) rows.phones.push({ id: id('tel'), organisation_id: orgId, owner_kind: 'location', owner_id: locationId, number, description: null });
        return locationId;
      });
      const serviceIds = o.services.map((s) => {
        const serviceId = id('svc');
        const { atFirstLocation, hours, ...data } = s;
        rows.services.push({ id: serviceId, organisation_id: orgId, ...data, status: data.status as 'active' });
        if (atFirstLocation && locationIds[0]) rows.serviceAtLocations.push({ id: id('sal'), service_id: serviceId, location_id: locationIds[0], description: null });
        for (const h of hours) {
          rows.schedules.push({ id: id('sch'), organisation_id: orgId, owner_kind: 'service', owner_id: serviceId, byday: h.byday, opens_at: h.opens, closes_at: '17:00', description: h.note });
        }
        return serviceId;
      });
      for (const c of o.contacts) {
        rows.contacts.push({ id: id('con'), organisation_id: orgId, service_id: c.forService ? (serviceIds[0] ?? null) : null, name: c.name, title: null, email: c.email });
      }
    }
    return rows;
  });

const sortById = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
function normalisedRows(rows: SocialMapRows) {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, sortById(v as { id: string }[])]));
}

test('property: rows → HSDS export → import gives the same rows, and every exported object has HSDS required fields', () => {
  fc.assert(
    fc.property(rowsArbitrary, (rows) => {
      const document = toHsdsDocument(rows);
      assert.deepEqual(findMissingRequired(document.organizations, 'organization'), []);
      const parsed = parseHsdsImport(JSON.stringify(document, null, 2));
      if (!parsed.ok) assert.fail(messages(parsed.problems).join('\n'));
      assert.deepEqual(normalisedRows(parsed.rows), normalisedRows(rows));
    }),
    { numRuns: 150 },
  );
});

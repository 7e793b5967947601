import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { replaceSource, search, type SearchResults } from '../../platform/search/search-engine.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import { migrations } from '../../../migrations/index.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { testDatabaseKinds, type TestDatabase } from '../../testing/test-databases.js';
import { searchEverything } from './search.service.js';
import { searchQuerySchema } from './search.schemas.js';

/** Dutch queries over the book and what a reader expects among the first results. */
const QUALITY: readonly { q: string; expect: string; within: number; soort?: string[] }[] = [
  { q: 'jobcoach', expect: '/boek/beroepen/jobcoach', within: 1 },
  { q: 'verzekeringsarts', expect: '/boek/beroepen/verzekeringsarts', within: 1 },
  { q: 'psychiater', expect: '/boek/beroepen/psychiater', within: 1 },
  { q: 'bedrijfsartsen', expect: '/boek/beroepen/bedrijfsarts', within: 3 },
  { q: 'loopbaanprofessionals', expect: '/boek/beroepen/loopbaanprofessional', within: 3 },
  { q: 'droom 3', expect: '/boek/dromen/droom-3-zorg-en-ondersteuning', within: 1 },
  { q: 'Droom 13 Rotterdam', expect: '/boek/dromen/droom-13-burgers-van-rotterdam', within: 1 },
  { q: 'de boomgaard', expect: '/boek/dromen/droom-1-de-boomgaard', within: 3 },
  { q: 'verhaal jamy', expect: '/boek/verhalen/jamy', within: 1 },
  { q: 'Mariëlle code rood', expect: '/boek/verhalen/marielle', within: 1 },
  { q: 'marielle', expect: '/boek/verhalen/marielle', within: 1 },
  { q: 'reshoring', expect: '/boek/verhalen/ferro-fix', within: 1 },
  { q: 'instructie 1.1', expect: '/boek/werkboek/instructie-1-1', within: 1 },
  { q: 'werkboek instructie 7.2', expect: '/boek/werkboek/instructie-7-2', within: 1 },
  { q: 'interview vragenlijst ervaringsdeskundige', expect: '/boek/werkboek/interview-vragenlijst', within: 1 },
  { q: 'stappenplan persona-bespreking', expect: '/boek/zeeland/stappenplan', within: 1 },
  { q: 'top 10 aanbevelingen', expect: '/boek/zeeland/top-10', within: 3 },
  { q: 'casus 4', expect: '/boek/zeeland/casussen/casus-4-burn-out', within: 1 },
  { q: 'werk-pgb', expect: '/boek/zeeland/aanbevelingen/3', within: 3 },
  { q: 'het vocabulaire', expect: '/boek/vocabulaire', within: 3 },
  { q: 'werkproces in keten', expect: '/boek/werkproces-in-keten', within: 3 },
  { q: 'feedbackregels', expect: '/boek/feedbackregels', within: 3 },
  { q: 'routekaart 2024', expect: '/boek/routekaart', within: 3 },
  { q: 'collaborative care', expect: '/boek/hoofdstukken/verdiepen#paragraaf-2-6-1', within: 3 },
  { q: 'projectplan', expect: '/boek/documenten/projectplan-mmm', within: 2 },
  { q: 'op avontuur met twintig beroepsgroepen', expect: '/boek/documenten/op-avontuur-met-twintig-beroepsgroepen', within: 1 },
  { q: 'verantwoording', expect: '/boek/verantwoording', within: 3 },
  { q: 'gedeelde visie', expect: '/boek/hoofdstukken/gedeelde-visie#paragraaf-7-1', within: 5 },
  { q: 'werkgevers', expect: '/boek/verhalen/ferro-fix', within: 20, soort: ['verhaal'] },
  { q: 'expertteam zeeland werkwijze', expect: '/boek/zeeland/werkwijze', within: 3 },
  // What people type: a typing error, plain words for jargon, compounds written apart, English.
  { q: 'jobcoch', expect: '/boek/beroepen/jobcoach', within: 1 },
  { q: 'bedrijfsdokter', expect: '/boek/beroepen/bedrijfsarts', within: 3 },
  { q: 'keuringsarts', expect: '/boek/beroepen/verzekeringsarts', within: 3 },
  { q: 'arbeids deskundige', expect: '/boek/beroepen/arbeidsdeskundige', within: 3 },
  { q: 'loopbaan coach', expect: '/boek/beroepen/loopbaanprofessional', within: 3 },
  { q: 'supported employment', expect: '/boek/hoofdstukken/gedeelde-visie#paragraaf-7-3-2', within: 3 },
  { q: 'Hoe vertel ik op mijn werk dat ik psychische klachten heb?', expect: '/boek/hoofdstukken/verdiepen#paragraaf-2-6-3', within: 20 },
];

const rank = (results: SearchResults, url: string) => results.hits.findIndex((h) => h.url === url) + 1;

const bookResults = new Map<string, Map<string, string[]>>();

for (const kind of testDatabaseKinds()) {
  describe(`search engine (${kind.name})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await kind.create();
      await migrateToLatest(database.db, migrations);
      const documents = [
        { key: '1', type: 'story', url: '/1', title: 'Een werkgever vertelt', body: 'De werkgever nam twee mensen in dienst.' },
        { key: '2', type: 'story', url: '/2', title: 'De cliënt', body: 'Cliënten en hun naasten praten mee.' },
        { key: '3', type: 'profession', url: '/3', title: 'Begeleiding', body: 'Een jobcoach en een loopbaancoach werken samen.' },
        { key: '4', type: 'dream', url: '/4', title: 'Kwetsbaarheid', body: 'Mogelijkheden van mensen met een psychische kwetsbaarheid.' },
      ];
      await database.db.kysely.transaction().execute((trx) => replaceSource(trx, database.db.dialect, 'test', 'v1', documents, new Date()));
    });
    after(async () => database.dispose());

    test('Dutch stemming: a plural finds the singular', async () => {
      const results = await search(database.db, { text: 'werkgevers' });
      assert.deepEqual(results.hits.map((h) => h.url), ['/1']);
    });

    test('diacritics fold: "client" finds "cliënt" and "cliënten"', async () => {
      const results = await search(database.db, { text: 'client' });
      assert.deepEqual(results.hits.map((h) => h.url), ['/2']);
      assert.ok(results.hits[0]!.snippet.some((p) => p.highlight && p.text === 'Cliënten'));
    });

    test('parts of compound words are found: "coach" finds jobcoach and loopbaancoach', async () => {
      const results = await search(database.db, { text: 'coach' });
      assert.deepEqual(results.hits.map((h) => h.url), ['/3']);
      const marked = results.hits[0]!.snippet.filter((p) => p.highlight).map((p) => p.text);
      assert.deepEqual(marked, ['jobcoach', 'loopbaancoach']);
    });

    test('a type filter keeps only that type and still counts the others', async () => {
      const results = await search(database.db, { text: 'mensen', types: ['dream'] });
      assert.deepEqual(results.hits.map((h) => h.url), ['/4']);
      assert.equal(results.countsByType.get('story'), 1);
    });

    test('a word the index does not know is corrected to a close one, and said so', async () => {
      const results = await search(database.db, { text: 'werkgver' });
      assert.deepEqual(results.hits.map((h) => h.url), ['/1']);
      assert.deepEqual(results.corrections, [{ typed: 'werkgver', corrected: 'werkgever' }]);
      const exact = await search(database.db, { text: 'werkgver', exact: true });
      assert.equal(exact.total, 0, 'searched exactly as typed');
      assert.ok(exact.suggestions.includes('werkgever'), JSON.stringify(exact.suggestions));
    });

    test('engine syntax is only text: quotes, operators and parentheses give a normal answer', async () => {
      for (const text of ['"unterminated', 'werkgever NEAR mensen', 'werk*', '^werkgever', '-werkgever', 'werkgever OR cliënt', '(werkgever', 'a:b', "'", '!!', '& | !', '{title}: x', 'werkgever AND', 'NOT werkgever']) {
        const results = await search(database.db, { text });
        assert.ok(results.total >= 0, text);
      }
      assert.deepEqual((await search(database.db, { text: '"werkgever" OR (cliënt' })).hits.map((h) => h.url).sort(), ['/1', '/2']);
    });

    test('odd input gives an empty answer, not an error', async () => {
      for (const text of ['', '   ', "'; DROP TABLE search_terms; --", '%_%', '\\', 'x'.repeat(10_000), '😀 ∑ ©', 'de het een']) {
        const results = await search(database.db, { text });
        assert.equal(results.hits.length, 0, text.slice(0, 20));
      }
      assert.equal((await search(database.db, { text: 'werkgever' })).hits.length, 1, 'the index survived');
    });

    test('replacing a source removes its old documents and unused terms', async () => {
      await database.db.kysely.transaction().execute((trx) =>
        replaceSource(trx, database.db.dialect, 'test', 'v2', [{ key: '9', type: 'story', url: '/9', title: 'Nieuw', body: 'Alleen dit.' }], new Date()),
      );
      assert.equal((await search(database.db, { text: 'werkgever' })).total, 0);
      assert.equal((await search(database.db, { text: 'alleen' })).total, 1);
      const terms = await database.db.kysely.selectFrom('search_terms').select('term').execute();
      assert.ok(!terms.some((t) => t.term === 'werkgever'));
    });
  });

  describe(`search over the book (${kind.name})`, () => {
    let t: TestApp;
    const topUrls = new Map<string, string[]>();
    before(async () => {
      t = await createTestApp(kind);
    });
    after(async () => {
      bookResults.set(kind.name, topUrls);
      await t.close();
    });

    for (const { q, expect, within, soort } of QUALITY) {
      test(`"${q}" finds ${expect} among the first ${within}`, async () => {
        const results = await searchEverything(t.deps, searchQuerySchema.parse({ q, soort }));
        topUrls.set(q, results.hits.map((h) => h.url));
        const at = rank(results, expect);
        assert.ok(at > 0 && at <= within, `found at ${at || 'nowhere'}; top 5: ${results.hits.slice(0, 5).map((h) => h.url).join(', ')}`);
      });
    }

    test('the search page answers a plain GET form, highlights matches and keeps filters', async () => {
      const page = await t.client().get('/zoeken?q=werkgevers&soort=verhaal');
      assert.equal(page.status, 200);
      assert.match(page.body, /<mark>werkgever/i);
      assert.match(page.body, /name="soort" value="verhaal" checked/);
    });

    test('bad input returns a normal page', async () => {
      for (const q of ['', 'x'.repeat(10_000), "'; DROP TABLE users; --", '<script>alert(1)</script>', '%', '&&&', 'a'.repeat(300)]) {
        const page = await t.client().get(`/zoeken?q=${encodeURIComponent(q)}&soort=onbekend&pagina=-4`);
        assert.equal(page.status, 200, q.slice(0, 20));
        assert.doesNotMatch(page.body, /<script>alert/);
      }
    });

    test('a typing error is corrected on the page, with a link to search as typed', async () => {
      const page = await t.client().get('/zoeken?q=werkgver');
      assert.match(page.body, /\d+ resultaten/);
      assert.match(page.body, /zochten daarom op <strong>werkgevers?<\/strong>/);
      const asTyped = /Zoek in plaats daarvan op <a [^>]*href="(\/zoeken\?q=werkgver[^"]*precies=1)"/.exec(page.body);
      assert.ok(asTyped, 'no link to search as typed');
      const followed = await t.client().get(asTyped[1]!.replace(/&amp;/g, '&'));
      assert.match(followed.body, /Niets gevonden/);
      assert.match(followed.body, /Bedoelde je/);
    });

    test('a query longer than the cap is cut, and the page says so', async () => {
      const page = await t.client().get(`/zoeken?q=${encodeURIComponent(`jobcoach ${'werk '.repeat(100)}`)}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /langer dan 200 tekens/);
    });
  });
}

test('SQLite and PostgreSQL agree on most of the top 5', { skip: testDatabaseKinds().length < 2 }, (t) => {
  const sqlite = bookResults.get('sqlite');
  const postgres = bookResults.get('postgres');
  assert.ok(sqlite && postgres);
  let shared = 0;
  let possible = 0;
  for (const [q, urls] of sqlite) {
    const top = new Set(urls.slice(0, 5));
    const other = (postgres.get(q) ?? []).slice(0, 5);
    shared += other.filter((u) => top.has(u)).length;
    possible += Math.min(5, top.size);
  }
  // Ranking differs in detail (bm25 against ts_rank); both pass the quality list above.
  t.diagnostic(`top-5 agreement over ${sqlite.size} queries: ${shared} of ${possible} (${Math.round((100 * shared) / Math.max(1, possible))}%)`);
  assert.ok(shared >= possible * 0.6, `only ${shared} of ${possible} of the top 5 agree`);
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { theBook } from './book.content.js';

// The pages do not use the database, so one database kind is enough here.
const kind = testDatabaseKinds()[0]!;

describe('reading the book', () => {
  let t: TestApp;
  const pages = new Map<string, string>();
  before(async () => {
    t = await createTestApp(kind);
    const client = t.client();
    for (const ref of theBook().order) {
      const url = theBook().item(ref)!.url;
      const response = await client.get(url);
      assert.equal(response.status, 200, url);
      pages.set(url, response.body);
    }
    pages.set('/boek/afdrukken', (await client.get('/boek/afdrukken')).body);
  });
  after(async () => t.close());

  test('every page of the book opens without an account', () => {
    assert.equal(pages.size, theBook().items.size + 1);
  });

  test('every internal link on every page leads to a page, and every #anchor exists there', async () => {
    const broken: string[] = [];
    for (const [from, html] of pages) {
      for (const [, href] of html.matchAll(/href="(\/boek[^"]*)"/g)) {
        const [path, anchor] = href!.replace(/&amp;/g, '&').split('#') as [string, string | undefined];
        const target = pages.get(path.split('?')[0]!);
        if (!target) {
          const response = await t.client().get(path);
          if (response.status !== 200) broken.push(`${from} → ${href} (${response.status})`);
          continue;
        }
        if (anchor && !target.includes(`id="${anchor}"`)) broken.push(`${from} → ${href} (no anchor)`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test('an item shows where it is mentioned, its breadcrumbs, provenance and neighbours', () => {
    const dream = pages.get('/boek/dromen/droom-3-zorg-en-ondersteuning')!;
    assert.match(dream, /<h2[^>]*id="genoemd-in"[^>]*>Genoemd in<\/h2>/);
    assert.match(dream, /href="\/boek\/hoofdstukken\/verbeelden">Hoofdstuk 3: Verbeelden<\/a>/);
    assert.match(dream, /class="utrecht-breadcrumb-nav__link" href="\/boek\/dromen">Dromen</);
    assert.match(dream, /Herkomst:/);
    assert.match(dream, /rel="prev"/);
    assert.match(dream, /rel="next"/);
  });

  test('mentions in text are links: a dream number, an instruction and a profession', () => {
    const chapter = pages.get('/boek/hoofdstukken/verdiepen')!;
    assert.match(chapter, /<a class="utrecht-link" href="\/boek\/werkboek\/instructie-1-1">Werkboek Instructie 1\.1<\/a>/);
    const nine = pages.get('/boek/hoofdstukken/rollen-en-kwaliteiten')!;
    assert.match(nine, /href="\/boek\/beroepen\/jobcoach"/);
  });

  test('lists filter by region, teller, domain and addressee', async () => {
    const client = t.client();
    const stories = await client.get('/boek/verhalen?regio=Noord&soort=werkgever');
    assert.match(stories.body, /2 van de 16 getoond/);
    const dreams = await client.get('/boek/dromen?domein=Zorg');
    assert.match(dreams.body, /href="\/boek\/dromen\/droom-3-zorg-en-ondersteuning"/);
    assert.doesNotMatch(dreams.body, /href="\/boek\/dromen\/droom-4-zingeving-voor-allen"/);
    const recommendations = await client.get('/boek/zeeland/aanbevelingen?voor=persoon');
    assert.match(recommendations.body, /Aanbeveling 1</);
    assert.doesNotMatch(recommendations.body, /Aanbeveling 50</);
    const odd = await client.get('/boek/verhalen?regio=%3Cscript%3E&soort[]=x');
    assert.equal(odd.status, 200);
    assert.match(odd.body, /0 van de 16 getoond/);
  });

  test('an unknown item gives the Dutch 404 page with a search box', async () => {
    for (const url of ['/boek/verhalen/bestaat-niet', '/boek/bronnen/999', '/boek/zeeland/onbekend']) {
      const response = await t.client().get(url);
      assert.equal(response.status, 404, url);
      assert.match(response.body, /action="\/zoeken"/);
      assert.match(response.body, /Zoek wat je zocht in het boek/);
    }
  });

  test('the print view holds every chapter, each on a new sheet', () => {
    const print = pages.get('/boek/afdrukken')!;
    assert.equal(print.match(/class="mmm-print-chapter"/g)?.length, 12 + 4);
  });
});

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
    // The book names no domain for dream 7: it is in no domain's list, only in the whole list.
    for (const domain of ['Zorg', 'Werk', 'Algemeen']) {
      const list = await client.get(`/boek/dromen?domein=${domain}`);
      assert.doesNotMatch(list.body, /href="\/boek\/dromen\/droom-7-lef-bij-werkgever"/, domain);
    }
    const work = await client.get('/boek/dromen?domein=Werk');
    assert.match(work.body, /href="\/boek\/dromen\/droom-4-zingeving-voor-allen"/);
    assert.match(work.body, /8 van de 13 getoond/);
    assert.match((await client.get('/boek/dromen')).body, /href="\/boek\/dromen\/droom-7-lef-bij-werkgever"/);
    const recommendations = await client.get('/boek/zeeland/aanbevelingen?voor=persoon');
    assert.match(recommendations.body, /Aanbeveling 1</);
    assert.doesNotMatch(recommendations.body, /Aanbeveling 50</);
    const odd = await client.get('/boek/verhalen?regio=%3Cscript%3E&soort[]=x');
    assert.equal(odd.status, 200);
    assert.match(odd.body, /0 van de 16 getoond/);
  });

  test('dream 7 is shown without a domain, as the book gives none', () => {
    const seven = pages.get('/boek/dromen/droom-7-lef-bij-werkgever')!;
    assert.match(seven, /Regio Oost · Het boek noemt bij deze droom geen domein\./);
    assert.doesNotMatch(seven, /Domein Werk/);
    const list = pages.get('/boek/dromen')!;
    assert.match(list, /Droom 7: Lef bij werkgever[\s\S]*?<p class="utrecht-paragraph mmm-muted">Regio Oost<\/p>/);
    assert.match(pages.get('/boek/dromen/droom-4-zingeving-voor-allen')!, /Regio Noord · Domein Werk/);
  });

  test('the top 10 is the report’s set in its order, not a ranking, and each recommendation names its cases', () => {
    const top = pages.get('/boek/zeeland/top-10')!;
    assert.match(top, /in de volgorde van het rapport \(geen rangorde\)/);
    assert.doesNotMatch(top, /<ol class="utrecht-ordered-list mmm-top10"/);
    const all = pages.get('/boek/zeeland/aanbevelingen')!;
    assert.doesNotMatch(all, /plaats \d/);
    assert.equal(all.match(/<span class="mmm-badge">in de top 10<\/span>/g)?.length, 10);
    const one = pages.get('/boek/zeeland/aanbevelingen/44')!;
    assert.match(one, /href="\/boek\/zeeland\/casussen\/[^"]+">Casus 3: /);
    assert.match(one, /Hoe we dit koppelden/);
    const case1 = pages.get('/boek/zeeland/casussen/casus-1-nah')!;
    assert.match(case1, /\(staat in <a class="utrecht-link" href="\/boek\/zeeland\/aanbevelingen\/47">aanbeveling 47<\/a>\)/);
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

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { enableTwoFactor, firstAdministrator, registeredPerson, type Person } from '../../../testing/scenario.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import type { Response } from '../../../testing/test-client.js';
import { ensureDeskContent, loadNationalContent } from './schemes.service.js';

async function page(person: { client: Person['client'] }, url: string, status = 200): Promise<Response> {
  const res = await person.client.get(url);
  assert.equal(res.status, status, `${url}: ${res.body.slice(0, 800)}`);
  await assertValidHtml(res.body);
  return res;
}

const hidden = (body: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';

async function counter(t: TestApp, region: string): Promise<number> {
  const row = await t.deps.db.kysely.selectFrom('desk_changes').select('counter').where('region_slug', '=', region).executeTakeFirst();
  return row ? Number(row.counter) : 0;
}

/** The parts of a page that are not links or headings must hold every glossary link; each term links once. */
function assertTermLinksWellPlaced(body: string, label: string): void {
  for (const [, , inner] of body.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)) assert.doesNotMatch(inner!, /mmm-term/, `${label}: glossary link in a heading`);
  assert.doesNotMatch(body, /<a\b(?:(?!<\/a>)[\s\S])*<a class="mmm-term"/, `${label}: glossary link inside a link`);
  const hrefs = [...body.matchAll(/<a class="mmm-term" href="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(hrefs).size, hrefs.length, `${label}: a term linked twice`);
}

for (const kind of testDatabaseKinds()) {
  describe(`scheme pages and glossary (${kind.name})`, () => {
    let t: TestApp;
    let cor: Person;
    let other: Person;
    let otherRegion: string;

    before(async () => {
      t = await createTestApp(kind);
      const admin = await firstAdministrator(t);
      cor = await registeredPerson(t, { name: 'Cor' });
      other = await registeredPerson(t, { name: 'Oda' });
      const row = await t.deps.db.kysely.selectFrom('regions').select('slug').where('slug', '!=', 'zeeland').orderBy('slug').executeTakeFirstOrThrow();
      otherRegion = row.slug;
      assert.equal((await admin.client.post('/beheer/regios/zeeland/coordinatoren', { email: cor.email })).status, 303);
      assert.equal((await admin.client.post(`/beheer/regios/${otherRegion}/coordinatoren`, { email: other.email })).status, 303);
      await enableTwoFactor(t, cor);
      await enableTwoFactor(t, other);
    });

    after(async () => {
      await t.close();
    });

    test('the national content is loaded once, also when started twice at the same time', async () => {
      const db = t.deps.db.kysely;
      const count = async (table: 'desk_pages' | 'desk_glossary') =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('region_slug', 'is', null).executeTakeFirstOrThrow()).n);
      const { pages, terms } = loadNationalContent();
      assert.ok(pages.length >= 12 && terms.length >= 40);
      for (const p of pages) {
        assert.match(p.body, /## Waar kun je terecht\?/, p.slug);
        assert.match(p.body, /\{loket\}\/sociale-kaart/, p.slug);
        assert.match(p.body, /\{loket\}\/vraag/, p.slug);
        assert.match(p.body, /Deze uitleg is algemeen\. Je eigen situatie kan anders zijn\./, p.slug);
        assert.match(p.body, /Laatst nagekeken: 23 november 2026/, p.slug);
      }
      assert.equal(await count('desk_pages'), pages.length);
      assert.equal(await count('desk_glossary'), terms.length);

      // A national text an administrator changed in the database stays; a removed one comes back, once.
      await db.updateTable('desk_pages').set({ title: 'Eigen landelijke titel' }).where('slug', '=', 'wmo').where('region_slug', 'is', null).execute();
      await db.deleteFrom('desk_glossary').where('slug', '=', 'dagloon').where('region_slug', 'is', null).execute();
      const runs = await Promise.all([ensureDeskContent(t.deps), ensureDeskContent(t.deps)]);
      assert.equal(runs.reduce((sum, r) => sum + r.terms, 0), 1);
      assert.equal(runs.reduce((sum, r) => sum + r.pages, 0), 0);
      assert.equal(await count('desk_pages'), pages.length);
      assert.equal(await count('desk_glossary'), terms.length);
      const wmo = await db.selectFrom('desk_pages').select('title').where('slug', '=', 'wmo').where('region_slug', 'is', null).executeTakeFirstOrThrow();
      assert.equal(wmo.title, 'Eigen landelijke titel');
      assert.deepEqual(await ensureDeskContent(t.deps), { pages: 0, terms: 0 });
    });

    test('public scheme pages: list, page with linked terms, report link and date', async () => {
      const anonymous = { client: t.client() };
      const list = await page(anonymous, '/loket/zeeland/regelingen');
      assert.match(list.body, /href="\/loket\/zeeland\/regelingen\/wia"/);
      assert.match(list.body, /href="\/loket\/zeeland\/regelingen\/werk-pgb"/);
      assert.doesNotMatch(list.body, /Nieuwe pagina maken/);

      const wia = await page(anonymous, '/loket/zeeland/regelingen/wia');
      assert.match(wia.body, /<h1 class="utrecht-heading-1">WIA: uitkering na twee jaar ziekte<\/h1>/);
      assert.match(wia.body, /<a class="mmm-term" href="\/loket\/zeeland\/woordenlijst\/uwv">UWV<\/a>/);
      assert.match(wia.body, /<a class="mmm-term" href="\/loket\/zeeland\/woordenlijst\/verzekeringsarts">/);
      assert.match(wia.body, /href="\/loket\/zeeland\/sociale-kaart"/);
      assert.doesNotMatch(wia.body, /\{loket\}/);
      assert.match(wia.body, /href="\/loket\/zeeland\/melden\?soort=page&amp;id=landelijk-pagina-wia"/);
      assert.match(wia.body, /Laatst gewijzigd: <time datetime="[^"]+">/);
      assert.match(wia.body, /Deze uitleg is algemeen\. Je eigen situatie kan anders zijn\./);
      assertTermLinksWellPlaced(wia.body, 'WIA page');

      await page(anonymous, '/loket/nergens/regelingen', 404);
      await page(anonymous, '/loket/zeeland/regelingen/bestaat-niet', 404);
      await page(anonymous, '/loket/zeeland/regelingen/NIET%20GELDIG', 404);
    });

    test('the glossary A to Z, a term page with "Staat in", and the national glossary', async () => {
      const anonymous = { client: t.client() };
      const list = await page(anonymous, '/loket/zeeland/woordenlijst');
      assert.match(list.body, /<a class="utrecht-link mmm-letter-nav__link" href="#letter-u">U<\/a>/);
      assert.match(list.body, /<span class="mmm-letter-nav__empty"[^>]*>Q<\/span>/);
      assert.doesNotMatch(list.body, /href="#letter-q"/);
      assert.match(list.body, /<h2 class="utrecht-heading-2" id="letter-u">U<\/h2>/);
      assert.match(list.body, /id="woord-uwv"/);
      assert.match(list.body, /href="\/loket\/zeeland\/woordenlijst\/uwv">UWV<\/a>/);

      const uwv = await page(anonymous, '/loket/zeeland/woordenlijst/uwv');
      assert.match(uwv.body, /<h1 class="utrecht-heading-1">UWV<\/h1>/);
      assert.doesNotMatch(uwv.body, /class="mmm-term" href="\/loket\/zeeland\/woordenlijst\/uwv"/);
      assert.match(uwv.body, /class="mmm-term" href="\/loket\/zeeland\/woordenlijst\/ww|class="mmm-term" href="\/loket\/zeeland\/woordenlijst\/(wia|ziektewet|wajong|jobcoach)"/);
      const staatIn = /id="staat-in"[\s\S]*?<\/section>/.exec(uwv.body)?.[0] ?? '';
      assert.match(staatIn, /href="\/loket\/zeeland\/regelingen\/wia"/);
      assert.match(uwv.body, /soort=term&amp;id=landelijk-woord-uwv/);
      await page(anonymous, '/loket/zeeland/woordenlijst/bestaat-niet', 404);

      const national = await page(anonymous, '/loket/woordenlijst');
      assert.match(national.body, /href="\/loket\/woordenlijst\/jobcoach">jobcoach<\/a>/);
      const jobcoach = await page(anonymous, '/loket/woordenlijst/jobcoach');
      assert.match(jobcoach.body, /Bron: Inspiratieboek MMM \(2014\), 9\.5 Beroepenindex: <a class="utrecht-link" href="\/boek\/beroepen\/jobcoach">/);
      await page(anonymous, '/loket/woordenlijst/bestaat-niet', 404);
    });

    test('book pages link glossary terms to the national glossary, only in body text and once per term', async () => {
      const chapter = await page({ client: t.client() }, '/boek/hoofdstukken/verdiepen');
      assert.match(chapter.body, /<a class="mmm-term" href="\/loket\/woordenlijst\/[a-z0-9-]+">/);
      assertTermLinksWellPlaced(chapter.body, 'chapter');
      const ips = await page({ client: t.client() }, '/boek/hoofdstukken/gedeelde-visie');
      assert.match(ips.body, /<a class="mmm-term" href="\/loket\/woordenlijst\/ips">/);
      assertTermLinksWellPlaced(ips.body, 'chapter 7');
    });

    test('a coordinator edits a national page for the region, previews, meets a conflict and goes back', async () => {
      const db = t.deps.db.kysely;
      const form = await page(cor, '/loket/zeeland/regelingen/wia/bewerken');
      assert.match(form.body, /Dit is de landelijke tekst/);
      assert.equal(hidden(form.body, 'basis'), 'landelijk-pagina-wia');
      const fields = {
        title: 'WIA in Zeeland',
        summary: 'Zo werkt de WIA, met tips uit Zeeland.',
        body: '## Over de WIA\n\nHet UWV helpt. <script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1)) [mail](mailto:loket@example.org)',
        sortOrder: '1',
        basis: hidden(form.body, 'basis'),
        version: hidden(form.body, 'version'),
      };

      // Preview: rendered on the server, nothing saved, the typed text still in the form.
      const before = await counter(t, 'zeeland');
      const preview = await cor.client.post('/loket/zeeland/regelingen/wia/bewerken', { ...fields, voorbeeld: '1' });
      assert.equal(preview.status, 200, preview.body.slice(0, 800));
      await assertValidHtml(preview.body);
      assert.match(preview.body, /id="voorbeeld-titel"/);
      assert.match(preview.body, /<h2 class="utrecht-heading-2">Over de WIA<\/h2>/);
      assert.match(preview.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(preview.body, /<script>alert|<img src=x|href="javascript:/i);
      assert.match(preview.body, /<textarea[^>]*name="body"[^>]*>## Over de WIA/);
      assert.equal((await db.selectFrom('desk_pages').select('id').where('region_slug', '=', 'zeeland').execute()).length, 0);
      assert.equal(await counter(t, 'zeeland'), before);

      // Bad input comes back at the field with what was typed.
      const bad = await cor.client.post('/loket/zeeland/regelingen/wia/bewerken', { ...fields, title: '', sortOrder: 'veel' });
      assert.equal(bad.status, 422);
      await assertValidHtml(bad.body);
      assert.match(bad.body, /id="veld-sortOrder-fout"/);
      assert.match(bad.body, /id="veld-title-fout"/);
      assert.match(bad.body, /Over de WIA/);

      // Saving makes the region's own copy; the national text stays for other regions.
      const saved = await cor.client.post('/loket/zeeland/regelingen/wia/bewerken', fields);
      assert.equal(saved.status, 303, saved.body.slice(0, 800));
      assert.equal(saved.location, '/loket/zeeland/regelingen/wia');
      assert.equal(await counter(t, 'zeeland'), before + 1);
      const own = await page(cor, '/loket/zeeland/regelingen/wia');
      assert.match(own.body, /<h1 class="utrecht-heading-1">WIA in Zeeland<\/h1>/);
      assert.match(own.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(own.body, /<script>alert|<img src=x|href="javascript:/i);
      assert.match(own.body, /href="mailto:loket@example\.org"/);
      assert.match(own.body, /<a class="mmm-term" href="\/loket\/zeeland\/woordenlijst\/uwv">UWV<\/a>/);
      assert.match(own.body, /Tekst van loket Zeeland/);
      assert.match(own.body, /Terug naar de landelijke tekst/);
      const elsewhere = await page({ client: t.client() }, `/loket/${otherRegion}/regelingen/wia`);
      assert.match(elsewhere.body, /WIA: uitkering na twee jaar ziekte/);
      const national = await db.selectFrom('desk_pages').select('title').where('id', '=', 'landelijk-pagina-wia').executeTakeFirstOrThrow();
      assert.equal(national.title, 'WIA: uitkering na twee jaar ziekte');

      // Two editors start from the same version: the second gets a conflict and keeps the typed text.
      const edit = await page(cor, '/loket/zeeland/regelingen/wia/bewerken');
      const start = { ...fields, basis: hidden(edit.body, 'basis'), version: hidden(edit.body, 'version') };
      assert.notEqual(start.basis, 'landelijk-pagina-wia');
      assert.equal((await cor.client.post('/loket/zeeland/regelingen/wia/bewerken', { ...start, title: 'Eerste versie' })).status, 303);
      const conflict = await cor.client.post('/loket/zeeland/regelingen/wia/bewerken', { ...start, title: 'Tweede versie', body: 'Mijn eigen getypte tekst' });
      assert.equal(conflict.status, 409);
      await assertValidHtml(conflict.body);
      assert.match(conflict.body, /Iemand anders heeft dit intussen gewijzigd/);
      assert.match(conflict.body, /value="Tweede versie"/);
      assert.match(conflict.body, />Mijn eigen getypte tekst<\/textarea>/);
      assert.equal(hidden(conflict.body, 'version'), String(Number(start.version) + 1));
      const stored = await db.selectFrom('desk_pages').select(['title', 'version']).where('region_slug', '=', 'zeeland').where('slug', '=', 'wia').executeTakeFirstOrThrow();
      assert.deepEqual({ ...stored, version: Number(stored.version) }, { title: 'Eerste versie', version: 2 });

      // Back to the national text, after a confirmation.
      const confirm = await page(cor, '/loket/zeeland/regelingen/wia/verwijderen');
      assert.match(confirm.body, /Terug naar de landelijke tekst\?/);
      const reverted = await cor.client.post('/loket/zeeland/regelingen/wia/verwijderen');
      assert.equal(reverted.status, 303);
      const back = await page(cor, '/loket/zeeland/regelingen/wia');
      assert.match(back.body, /Op deze pagina staat weer de landelijke tekst/);
      assert.match(back.body, /<h1 class="utrecht-heading-1">WIA: uitkering na twee jaar ziekte<\/h1>/);
      await page(cor, '/loket/zeeland/regelingen/wia/verwijderen', 404);
    });

    test('a coordinator adds a regional page that only this region shows', async () => {
      await page(cor, '/loket/zeeland/regelingen/nieuw');
      const fields = { pageSlug: 'vervoer-naar-werk', title: 'Vervoer naar werk', summary: 'Hulp bij reizen naar je werk.', body: 'Vraag het UWV of de gemeente.', sortOrder: '50' };
      const taken = await cor.client.post('/loket/zeeland/regelingen/nieuw', { ...fields, pageSlug: 'wia' });
      assert.equal(taken.status, 422);
      assert.match(taken.body, /Er is al een pagina met dit adres/);
      const invalid = await cor.client.post('/loket/zeeland/regelingen/nieuw', { ...fields, pageSlug: 'Niet Goed!' });
      assert.equal(invalid.status, 422);
      await assertValidHtml(invalid.body);
      assert.match(invalid.body, /value="Niet Goed!"/);
      const created = await cor.client.post('/loket/zeeland/regelingen/nieuw', fields);
      assert.equal(created.status, 303);
      assert.equal(created.location, '/loket/zeeland/regelingen/vervoer-naar-werk');
      const list = await page({ client: t.client() }, '/loket/zeeland/regelingen');
      assert.match(list.body, /Vervoer naar werk/);
      await page({ client: t.client() }, `/loket/${otherRegion}/regelingen/vervoer-naar-werk`, 404);
      const uwv = await page({ client: t.client() }, '/loket/zeeland/woordenlijst/uwv');
      assert.match(/id="staat-in"[\s\S]*?<\/section>/.exec(uwv.body)?.[0] ?? '', /regelingen\/vervoer-naar-werk/);
      // A page of the region alone is deleted rather than reverted.
      const confirm = await page(cor, '/loket/zeeland/regelingen/vervoer-naar-werk/verwijderen');
      assert.match(confirm.body, /Pagina verwijderen\?/);
      assert.equal((await cor.client.post('/loket/zeeland/regelingen/vervoer-naar-werk/verwijderen')).status, 303);
      await page({ client: t.client() }, '/loket/zeeland/regelingen/vervoer-naar-werk', 404);
    });

    test('glossary terms: add, override a national one, preview, revert, delete', async () => {
      const before = await counter(t, 'zeeland');
      await page(cor, '/loket/zeeland/woordenlijst/nieuw');
      const empty = await cor.client.post('/loket/zeeland/woordenlijst/nieuw', { term: '', variants: 'x', explanation: 'Uitleg' });
      assert.equal(empty.status, 422);
      await assertValidHtml(empty.body);
      assert.match(empty.body, /id="veld-term-fout"/);
      const taken = await cor.client.post('/loket/zeeland/woordenlijst/nieuw', { term: 'UWV', variants: '', explanation: 'Dubbel' });
      assert.equal(taken.status, 422);
      assert.match(taken.body, /Dit woord staat al in de woordenlijst/);
      const preview = await cor.client.post('/loket/zeeland/woordenlijst/nieuw', { term: 'Werkfit', variants: 'werkfitte', explanation: 'Klaar voor werk, bij het UWV. <b>x</b>', voorbeeld: '1' });
      assert.equal(preview.status, 200);
      await assertValidHtml(preview.body);
      assert.match(preview.body, /class="mmm-term" href="\/loket\/zeeland\/woordenlijst\/uwv"/);
      assert.doesNotMatch(preview.body, /<b>x<\/b>/);
      const created = await cor.client.post('/loket/zeeland/woordenlijst/nieuw', { term: 'Werkfit', variants: 'werkfitte\nwerk-fit', explanation: 'Klaar om te werken.' });
      assert.equal(created.status, 303);
      assert.equal(created.location, '/loket/zeeland/woordenlijst/werkfit');
      const list = await page({ client: t.client() }, '/loket/zeeland/woordenlijst');
      assert.match(list.body, /id="woord-werkfit"/);
      await page({ client: t.client() }, `/loket/${otherRegion}/woordenlijst/werkfit`, 404);
      await page({ client: t.client() }, '/loket/woordenlijst/werkfit', 404);

      // Override the national UWV explanation for this region only.
      const edit = await page(cor, '/loket/zeeland/woordenlijst/uwv/bewerken');
      assert.match(edit.body, /Dit is de landelijke uitleg/);
      const saved = await cor.client.post('/loket/zeeland/woordenlijst/uwv/bewerken', {
        term: 'UWV',
        variants: 'Uitvoeringsinstituut Werknemersverzekeringen',
        explanation: 'Het UWV-kantoor voor Zeeland is in Middelburg.',
        basis: hidden(edit.body, 'basis'),
        version: hidden(edit.body, 'version'),
      });
      assert.equal(saved.status, 303);
      assert.match((await page({ client: t.client() }, '/loket/zeeland/woordenlijst/uwv')).body, /kantoor voor Zeeland/);
      assert.doesNotMatch((await page({ client: t.client() }, `/loket/${otherRegion}/woordenlijst/uwv`)).body, /kantoor voor Zeeland/);
      assert.doesNotMatch((await page({ client: t.client() }, '/loket/woordenlijst/uwv')).body, /kantoor voor Zeeland/);

      const stale = await cor.client.post('/loket/zeeland/woordenlijst/uwv/bewerken', {
        term: 'UWV',
        variants: '',
        explanation: 'Oude basis',
        basis: hidden(edit.body, 'basis'),
        version: hidden(edit.body, 'version'),
      });
      assert.equal(stale.status, 409);
      await assertValidHtml(stale.body);
      assert.match(stale.body, />Oude basis<\/textarea>/);

      await page(cor, '/loket/zeeland/woordenlijst/uwv/verwijderen');
      assert.equal((await cor.client.post('/loket/zeeland/woordenlijst/uwv/verwijderen')).status, 303);
      assert.doesNotMatch((await page({ client: t.client() }, '/loket/zeeland/woordenlijst/uwv')).body, /kantoor voor Zeeland/);
      await page(cor, '/loket/zeeland/woordenlijst/jobcoach/verwijderen', 404);

      assert.equal((await cor.client.post('/loket/zeeland/woordenlijst/werkfit/verwijderen')).status, 303);
      await page({ client: t.client() }, '/loket/zeeland/woordenlijst/werkfit', 404);
      assert.equal(await counter(t, 'zeeland'), before + 4);
    });

    test('only a coordinator of the region itself may edit', async () => {
      for (const url of ['/loket/zeeland/regelingen/wia/bewerken', '/loket/zeeland/regelingen/nieuw', '/loket/zeeland/woordenlijst/uwv/bewerken', '/loket/zeeland/woordenlijst/nieuw']) {
        const res = await other.client.get(url);
        assert.equal(res.status, 403, url);
      }
      await other.client.get(`/loket/${otherRegion}/regelingen`);
      const post = await other.client.post('/loket/zeeland/regelingen/wia/bewerken', { title: 'x', summary: 'x', body: 'x', sortOrder: '1', basis: 'landelijk-pagina-wia', version: '1' });
      assert.equal(post.status, 403);
      const term = await other.client.post('/loket/zeeland/woordenlijst/nieuw', { term: 'Inbreker', explanation: 'x' });
      assert.equal(term.status, 403);
      const anonymous = await t.client().get('/loket/zeeland/regelingen/wia/bewerken');
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.location ?? '', /^\/account\/inloggen/);
      // The coordinator of the other region edits there without touching Zeeland.
      assert.equal((await other.client.get(`/loket/${otherRegion}/regelingen/wia/bewerken`)).status, 200);
      const zeeland = await page({ client: t.client() }, '/loket/zeeland/regelingen');
      assert.doesNotMatch(zeeland.body, /Inbreker/);
    });
  });
}

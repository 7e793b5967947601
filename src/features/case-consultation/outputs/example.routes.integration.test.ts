import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';

const BASE = '/casusoverleg/voorbeeld';

for (const kind of testDatabaseKinds()) {
  describe(`the example case consultation (${kind.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(kind);
    });
    after(async () => t.close());

    test('the overview opens without an account and links to the cases and every output', async () => {
      const response = await t.client().get(BASE);
      assert.equal(response.status, 200);
      await assertValidHtml(response.body);
      for (const href of ['/poster', '/poster.pdf', '/verslag', '/verslag.pdf', '/aanbevelingen.csv', '/casussen/1', '/casussen/6']) {
        assert.ok(response.body.includes(`href="${BASE}${href}"`), href);
      }
      assert.ok(response.body.includes('href="/boek/zeeland"'), 'the report in the book');
      assert.match(response.body, /Expertteam GGZ en arbeid Zeeland \(2020\)/);
      // The top 10 and all fifty recommendations are on the page.
      assert.equal(response.body.match(/class="mmm-case-top__item"/g)?.length, 10);
      assert.equal(response.body.match(/<li value="\d+">/g)?.length, 50);
      // The report's top 10 is a set in the report's order, not a ranking: no places, and it says so.
      assert.match(response.body, /De 10 belangrijkste aanbevelingen, in de volgorde van het rapport \(geen rangorde\)/);
      assert.match(response.body, /<ul class="mmm-case-top mmm-case-top--unranked">/);
      assert.doesNotMatch(response.body, /<ol class="mmm-case-top"/);
      assert.doesNotMatch(response.body, /Top 10, plaats/);
      assert.equal(response.body.match(/<span class="mmm-badge">In de top 10<\/span>/g)?.length, 10);
      // Every one of the fifty names the case(s) it came from.
      assert.equal(response.body.match(/class="mmm-case-recommendations__cases mmm-muted"/g)?.length, 50);
    });

    test('every case has a page with its persona, question and recommendations', async () => {
      const client = t.client();
      for (let n = 1; n <= 6; n++) {
        const response = await client.get(`${BASE}/casussen/${n}`);
        assert.equal(response.status, 200, `casus ${n}`);
        await assertValidHtml(response.body);
        assert.match(response.body, new RegExp(`<h1 class="utrecht-heading-1">Casus ${n}: Bijeenkomst ${n}</h1>`));
        assert.match(response.body, /<dt>Leeftijd<\/dt>/);
        assert.match(response.body, /<dt>Afstand tot de arbeidsmarkt<\/dt>/);
        assert.match(response.body, /id="casus-aanbevelingen"/);
      }
      const first = await client.get(`${BASE}/casussen/1`);
      assert.match(first.body, /<dd>50 jaar\.<\/dd>/);
      assert.match(first.body, /href="\/boek\/zeeland\/casussen\/casus-1-nah"/);
    });

    test('an unknown case is not found', async () => {
      for (const n of ['0', '7', '01', 'abc', '1.5', '99999']) {
        const response = await t.client().get(`${BASE}/casussen/${n}`);
        assert.equal(response.status, 404, n);
      }
    });

    test('the poster and the report print pages are valid HTML with the download link', async () => {
      const client = t.client();
      const poster = await client.get(`${BASE}/poster`);
      assert.equal(poster.status, 200);
      await assertValidHtml(poster.body);
      assert.match(poster.body, /class="mmm-case-poster"/);
      assert.ok(poster.body.includes(`href="${BASE}/poster.pdf"`));
      assert.match(poster.body, /Download als PDF/);
      assert.equal(poster.body.match(/class="mmm-case-poster__case"/g)?.length, 6);
      const report = await client.get(`${BASE}/verslag`);
      assert.equal(report.status, 200);
      await assertValidHtml(report.body);
      assert.ok(report.body.includes(`href="${BASE}/verslag.pdf"`));
      assert.match(report.body, /Stappenplan: 8 stappen in 70 minuten/);
      assert.equal(report.body.match(/class="mmm-case-report__case"/g)?.length, 6);
      for (const page of [poster.body, report.body]) {
        assert.match(page, /in de volgorde van het rapport \(geen rangorde\)/);
        assert.doesNotMatch(page, /Top 10, plaats|<ol class="mmm-case-top"/);
      }
    });

    test('the PDFs are downloads of the right kind', async () => {
      for (const [path, file] of [
        ['poster.pdf', 'casusoverleg-voorbeeld-zeeland-poster.pdf'],
        ['verslag.pdf', 'casusoverleg-voorbeeld-zeeland-verslag.pdf'],
      ] as const) {
        const response = await t.app.inject({ method: 'GET', url: `${BASE}/${path}` });
        assert.equal(response.statusCode, 200, path);
        assert.equal(response.headers['content-type'], 'application/pdf');
        assert.equal(response.headers['content-disposition'], `attachment; filename="${file}"`);
        assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
        // Asked again, the same file comes back.
        const again = await t.app.inject({ method: 'GET', url: `${BASE}/${path}` });
        assert.ok(again.rawPayload.equals(response.rawPayload));
      }
    });

    test('the CSV holds all fifty recommendations', async () => {
      const response = await t.client().get(`${BASE}/aanbevelingen.csv`);
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(response.headers['content-disposition'], 'attachment; filename="casusoverleg-voorbeeld-zeeland-aanbevelingen.csv"');
      assert.ok(response.body.startsWith('\uFEFFnummer;geadresseerde;aanbeveling;casussen;in-top-10;oorspronkelijke formuleringen\r\n'));
      // One line per recommendation, each starting with its number; the original wordings add lines within quotes.
      assert.equal(response.body.match(/\r\n\d{1,2};/g)?.length, 50);
      assert.match(response.body, /\r\n1;Persoon zelf;[^\r]*;1, 2, 6;ja;"Casus 1: Zoek contact met anderen mensen/);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { CheckedContext, launchBrowser, startServer, type RunningServer } from './support.js';

const databases: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The same browser, but every context it makes has JavaScript switched off (the checks of CheckedContext stay). */
function withoutJavaScript(real: Browser): Browser {
  return new Proxy(real, {
    get(target, property, receiver) {
      if (property === 'newContext') {
        return (options: Parameters<Browser['newContext']>[0] = {}) => target.newContext({ ...options, javaScriptEnabled: false });
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Runs an action that loads a new page in the main frame and returns that page's response. */
async function navigation(page: Page, action: () => Promise<unknown>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && r.request().resourceType() === 'document'),
    action(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** Clicks a link or button, expects a normal page and checks it with axe-core (html-validate runs on every response). */
async function follow(checked: CheckedContext, target: Locator, heading?: string | RegExp): Promise<void> {
  const response = await navigation(checked.page, () => target.click());
  assert.equal(response.status(), 200, `status of ${response.url()}`);
  if (heading !== undefined) await checked.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await checked.axe();
}

const main = (page: Page) => page.getByRole('main');
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const exactLink = (scope: Page | Locator, name: string) => scope.getByRole('link', { name, exact: true });

/** Every kind of page of the book; the reading test must have checked at least one of each. */
const PAGE_KINDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['book home', /^\/boek$/],
  ['table of contents', /^\/boek\/inhoud$/],
  ['chapter', /^\/boek\/hoofdstukken\/[^/]+$/],
  ['stories list', /^\/boek\/verhalen$/],
  ['story', /^\/boek\/verhalen\/[^/]+$/],
  ['dreams list', /^\/boek\/dromen$/],
  ['dream', /^\/boek\/dromen\/[^/]+$/],
  ['workbook', /^\/boek\/werkboek$/],
  ['instruction', /^\/boek\/werkboek\/instructie-[^/]+$/],
  ['questionnaire', /^\/boek\/werkboek\/(?!instructie-)[^/]+$/],
  ['sources list', /^\/boek\/bronnen$/],
  ['source', /^\/boek\/bronnen\/\d+$/],
  ['professions list', /^\/boek\/beroepen$/],
  ['profession', /^\/boek\/beroepen\/[^/]+$/],
  ['good practices', /^\/boek\/praktijkvoorbeelden$/],
  ['learning moments', /^\/boek\/leermomenten$/],
  ['chain of work', /^\/boek\/werkproces-in-keten$/],
  ['vocabulary', /^\/boek\/vocabulaire$/],
  ['feedback rules', /^\/boek\/feedbackregels$/],
  ['roadmap', /^\/boek\/routekaart$/],
  ['roadmap actions', /^\/boek\/routekaart-acties$/],
  ['report home', /^\/boek\/zeeland$/],
  ['report section', /^\/boek\/zeeland\/(?!casussen$|aanbevelingen$|top-10$|stappenplan$)[^/]+$/],
  ['cases list', /^\/boek\/zeeland\/casussen$/],
  ['case', /^\/boek\/zeeland\/casussen\/[^/]+$/],
  ['recommendations list', /^\/boek\/zeeland\/aanbevelingen$/],
  ['recommendation', /^\/boek\/zeeland\/aanbevelingen\/\d+$/],
  ['top 10', /^\/boek\/zeeland\/top-10$/],
  ['step plan', /^\/boek\/zeeland\/stappenplan$/],
  ['documents list', /^\/boek\/documenten$/],
  ['document', /^\/boek\/documenten\/[^/]+$/],
  ['attribution', /^\/boek\/verantwoording$/],
  ['print version', /^\/boek\/afdrukken$/],
];

/** The search flow of an anonymous visitor, the same with and without JavaScript. */
async function searchTheBook(checked: CheckedContext, baseUrl: string): Promise<void> {
  const p = checked.page;
  await p.goto(`${baseUrl}/boek`);
  await checked.axe();

  // The header search box finds "werkgevers" and marks the word in the snippets.
  await p.getByLabel('Zoek in het boek').fill('werkgevers');
  await follow(checked, p.getByRole('button', { name: 'Zoek', exact: true }), 'Zoeken');
  assert.equal(new URL(p.url()).pathname, '/zoeken');
  const resultsHeading = p.getByRole('heading', { level: 2, name: /^\d+ resultaten$/ });
  await resultsHeading.waitFor();
  const total = Number((await resultsHeading.textContent())!.match(/\d+/)![0]);
  assert.ok(total > 1, `more than one result for werkgevers (${total})`);
  const results = main(p).getByRole('listitem').filter({ has: p.getByRole('heading', { level: 3 }) });
  assert.ok((await results.filter({ has: p.locator('mark') }).count()) > 0, 'a snippet marks the search word');
  assert.match((await results.locator('mark').first().textContent()) ?? '', /werkgever/i);
  assert.equal(await p.getByLabel('Waar zoek je naar?').inputValue(), 'werkgevers');

  // Only stories.
  await p.getByRole('checkbox', { name: /^Verhaal\b/ }).check();
  await follow(checked, p.getByRole('button', { name: 'Zoeken', exact: true }), 'Zoeken');
  assert.deepEqual(new URL(p.url()).searchParams.getAll('soort'), ['verhaal']);
  assert.ok(await p.getByRole('checkbox', { name: /^Verhaal\b/ }).isChecked(), 'the chosen type stays ticked');
  const storyTotal = Number((await resultsHeading.textContent())!.match(/\d+/)![0]);
  assert.ok(storyTotal > 0 && storyTotal < total, `fewer story results (${storyTotal}) than results overall (${total})`);
  const storyResults = main(p).locator('li').filter({ has: p.getByRole('heading', { level: 3 }) });
  for (const type of await storyResults.locator('p').first().allTextContents()) assert.equal(type.trim(), 'Verhaal');
  const firstResult = storyResults.first().getByRole('heading', { level: 3 }).getByRole('link');
  const resultTitle = ((await firstResult.textContent()) ?? '').trim();
  await follow(checked, firstResult);
  assert.match(new URL(p.url()).pathname, /^\/boek\/verhalen\/[^/]+$/);
  assert.equal(await p.title().then((t) => t.startsWith(resultTitle)), true, `the story "${resultTitle}" opened`);

  // A misspelling finds nothing but suggests the word that was meant.
  await p.getByLabel('Zoek in het boek').fill('werkgver');
  await follow(checked, p.getByRole('button', { name: 'Zoek', exact: true }), 'Zoeken');
  await p.getByRole('heading', { level: 2, name: 'Niets gevonden' }).waitFor();
  const suggestion = main(p).getByRole('paragraph').filter({ hasText: /^Bedoelde je/ }).getByRole('link').first();
  const suggested = ((await suggestion.textContent()) ?? '').trim();
  assert.match(suggested, /^werkgever/i);
  await follow(checked, suggestion, 'Zoeken');
  assert.equal(new URL(p.url()).searchParams.get('q'), suggested);
  await p.getByRole('heading', { level: 2, name: /^\d+ resultaten$/ }).waitFor();

  // Odd input gives an ordinary page.
  await p.getByLabel('Zoek in het boek').fill('');
  await follow(checked, p.getByRole('button', { name: 'Zoek', exact: true }), 'Zoeken');
  await main(p).getByText('Typ een of meer woorden en kies Zoeken.').waitFor();

  await p.getByLabel('Zoek in het boek').fill(`'; DROP TABLE users; --`);
  await follow(checked, p.getByRole('button', { name: 'Zoek', exact: true }), 'Zoeken');
  assert.equal(new URL(p.url()).searchParams.get('q'), `'; DROP TABLE users; --`);
  assert.equal(await p.getByLabel('Waar zoek je naar?').inputValue(), `'; DROP TABLE users; --`);

  // The search box stops at 200 characters; a longer query can still arrive through the address.
  const long = 'werkgevers '.repeat(1000).slice(0, 10_000);
  const response = await p.goto(`${baseUrl}/zoeken?q=${encodeURIComponent(long)}`);
  assert.equal(response?.status(), 200);
  await p.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
  await checked.axe();

  // The tables are still there after the SQL-looking query.
  await p.getByLabel('Zoek in het boek').fill('jobcoach');
  await follow(checked, p.getByRole('button', { name: 'Zoek', exact: true }), 'Zoeken');
  await p.getByRole('heading', { level: 2, name: /^\d+ resultaten$/ }).waitFor();
}

for (const database of databases) {
  describe(`an anonymous visitor reads and searches the book (${database})`, () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer(database);
    });
    after(async () => {
      await server?.stop();
    });

    test('a visitor reaches every kind of page of the book by clicking, and every page is accessible and valid', async () => {
      const visitor = await CheckedContext.create(browser);
      try {
        const p = visitor.page;
        const home = async () => follow(visitor, exactLink(mainNav(p), 'Inspiratieboek'), 'Inspiratieboek');
        const response = await p.goto(`${server.baseUrl}/`);
        assert.equal(response?.status(), 200);
        await home();

        // A chapter, an in-text cross-link to a dream, and back through "Genoemd in".
        await follow(visitor, exactLink(main(p), 'Hoofdstuk 3: Verbeelden'), 'Hoofdstuk 3: Verbeelden');
        const chapterUrl = p.url();
        await p.getByRole('navigation', { name: 'Paragrafen van dit hoofdstuk' }).waitFor();
        await follow(visitor, exactLink(p.getByRole('article'), 'Droom 3'), /^Droom 3: /);
        const mentionedIn = p.getByRole('region', { name: 'Genoemd in' });
        await follow(visitor, exactLink(mentionedIn, 'Hoofdstuk 3: Verbeelden'), 'Hoofdstuk 3: Verbeelden');
        assert.equal(p.url(), chapterUrl);

        // A workbook instruction from the chapter text, then through the reading order.
        await follow(visitor, exactLink(p.getByRole('article'), 'Werkboek Instructie 2'), /^Werkboek Instructie 2: /);
        const instructionUrl = p.url();
        const readingOrder = p.getByRole('navigation', { name: 'Leesvolgorde' });
        const next = readingOrder.getByRole('link', { name: /^Volgende:/ });
        assert.equal(await next.getAttribute('rel'), 'next');
        const nextTitle = ((await next.textContent()) ?? '').replace(/^Volgende:\s*/, '').trim();
        await follow(visitor, next, nextTitle);
        const previous = readingOrder.getByRole('link', { name: /^Vorige:/ });
        assert.equal(await previous.getAttribute('rel'), 'prev');
        await follow(visitor, previous, /^Werkboek Instructie 2: /);
        assert.equal(p.url(), instructionUrl);
        // Breadcrumbs lead up to the workbook and its questionnaire.
        await follow(visitor, exactLink(p.getByRole('navigation', { name: 'Kruimelpad' }), 'Werkboekinstructies'), 'Werkboekinstructies');
        await follow(visitor, exactLink(main(p), 'Vragenlijst en opzet interview ervaringsdeskundige'), 'Vragenlijst en opzet interview ervaringsdeskundige');

        // The table of contents.
        await home();
        await follow(visitor, exactLink(main(p), 'Inhoudsopgave met alle paragrafen'), 'Inhoudsopgave');

        // Stories, filtered by region.
        await home();
        await follow(visitor, exactLink(main(p), 'Verhalen'), 'Verhalen');
        const allStories = ((await main(p).getByRole('status').textContent()) ?? '').trim();
        await p.getByLabel('Regio').selectOption('Zuid');
        await follow(visitor, p.getByRole('button', { name: 'Toon' }), 'Verhalen');
        assert.equal(new URL(p.url()).searchParams.get('regio'), 'Zuid');
        assert.equal(await p.getByLabel('Regio').inputValue(), 'Zuid');
        const someStories = ((await main(p).getByRole('status').textContent()) ?? '').trim();
        assert.notEqual(someStories, allStories);
        for (const line of await main(p).getByRole('listitem').getByText(/· Regio /).allTextContents()) assert.match(line, /Regio Zuid$/);
        await follow(visitor, main(p).getByRole('listitem').getByRole('heading').getByRole('link').first());
        assert.match(new URL(p.url()).pathname, /^\/boek\/verhalen\/[^/]+$/);
        await main(p).getByText(/· Regio Zuid$/).first().waitFor();

        // Dreams, filtered by domain.
        await home();
        await follow(visitor, exactLink(main(p), 'Dromen'), 'Dromen');
        await p.getByLabel('Domein').selectOption('Werk');
        await follow(visitor, p.getByRole('button', { name: 'Toon' }), 'Dromen');
        assert.equal(new URL(p.url()).searchParams.get('domein'), 'Werk');
        const domains = await main(p).getByRole('listitem').getByText(/· Domein /).allTextContents();
        assert.ok(domains.length > 0, 'some dreams are about work');
        for (const line of domains) assert.match(line, /Domein .*Werk/);
        await follow(visitor, main(p).getByRole('listitem').getByRole('heading').getByRole('link').first(), /^Droom \d+: /);

        // A source and a profession.
        await home();
        await follow(visitor, exactLink(main(p), 'Bronnen'), 'Bronnen');
        await follow(visitor, exactLink(main(p), 'Bron 1'), 'Bron 1');
        await home();
        await follow(visitor, exactLink(main(p), 'Beroepenindex'), 'Beroepenindex');
        await follow(visitor, exactLink(main(p), 'Jobcoach'), 'Jobcoach');

        // The tables.
        for (const title of ['Good practices uit de regio', 'Leermomenten', 'Werkproces in keten', 'Het vocabulaire', 'Feedbackregels', 'Routekaart 2024', 'Routekaart acties']) {
          await home();
          await follow(visitor, exactLink(main(p), title), title);
          if (title !== 'Feedbackregels' && title !== 'Good practices uit de regio' && title !== 'Leermomenten') {
            assert.ok((await main(p).getByRole('table').count()) > 0, `${title} has a table`);
          }
        }

        // The Zeeland report: a section, a case, a recommendation, the filtered list, the top 10 and the step plan.
        await home();
        const report = 'Rapport Expertteam GGZ en arbeid Zeeland';
        await follow(visitor, exactLink(main(p), report));
        await follow(visitor, exactLink(main(p), 'Samenvatting'), 'Samenvatting');
        await follow(visitor, exactLink(p.getByRole('navigation', { name: 'Kruimelpad' }), report));
        await follow(visitor, exactLink(main(p), 'De 6 casussen'), 'Casussen');
        await follow(visitor, main(p).getByRole('link', { name: /^Casus 1: / }), /^Casus 1: /);
        await follow(visitor, main(p).getByRole('link', { name: /^Aanbeveling \d+$/ }).first(), /^Aanbeveling \d+$/);
        await follow(visitor, exactLink(p.getByRole('navigation', { name: 'Kruimelpad' }), 'Aanbevelingen'), 'Aanbevelingen');
        await p.getByLabel('Voor wie').selectOption({ label: 'Sociale dienst en UWV' });
        await follow(visitor, p.getByRole('button', { name: 'Toon' }), 'Aanbevelingen');
        assert.equal(new URL(p.url()).searchParams.get('voor'), 'uitvoeringsinstantie');
        assert.deepEqual(await main(p).getByRole('heading', { level: 2 }).allTextContents(), ['Sociale dienst en UWV']);
        await follow(visitor, main(p).getByRole('link', { name: /^Aanbeveling \d+$/ }).first(), /^Aanbeveling \d+$/);
        await main(p).getByText('Voor wie: Sociale dienst en UWV').waitFor();
        await follow(visitor, exactLink(p.getByRole('navigation', { name: 'Kruimelpad' }), report));
        await follow(visitor, exactLink(main(p), 'Top 10 van de aanbevelingen'), 'Top 10 aanbevelingen');
        await follow(visitor, exactLink(p.getByRole('navigation', { name: 'Kruimelpad' }), report));
        await follow(visitor, exactLink(main(p), 'Stappenplan persona-bespreking'), 'Stappenplan persona-bespreking');

        // Other documents and the attribution.
        await home();
        await follow(visitor, exactLink(main(p), 'Andere documenten'), 'Andere documenten');
        await follow(visitor, exactLink(main(p), 'Op avontuur met twintig beroepsgroepen'), 'Op avontuur met twintig beroepsgroepen');
        // Where a text comes from links to the attribution page.
        await follow(visitor, main(p).getByRole('paragraph').filter({ hasText: /^Herkomst:/ }).getByRole('link'), 'Verantwoording');

        // The whole book for printing.
        await home();
        await follow(visitor, exactLink(main(p), 'Het hele boek om af te drukken'), 'Inspiratieboek');

        const visited = new Set(visitor.checkedUrls.map((u) => new URL(u).pathname));
        const missing = PAGE_KINDS.filter(([, pattern]) => ![...visited].some((path) => pattern.test(path))).map(([kind]) => kind);
        assert.deepEqual(missing, [], 'every kind of book page was visited and checked');
        assert.deepEqual(visitor.problems, []);
      } finally {
        await visitor.close();
      }
    });

    test('without JavaScript, the header search finds, filters, suggests a spelling and takes any input', async () => {
      const visitor = await CheckedContext.create(withoutJavaScript(browser));
      try {
        assert.equal(await visitor.page.evaluate(() => 1 + 1).catch(() => 'no evaluate'), 2);
        await visitor.page.goto(`${server.baseUrl}/boek`);
        // JavaScript is really off for the page itself.
        await visitor.page.setContent('<p id="x">off</p><script>document.getElementById("x").textContent = "on"</script>');
        assert.equal(await visitor.page.locator('#x').textContent(), 'off');
        await searchTheBook(visitor, server.baseUrl);
        assert.deepEqual(visitor.problems, []);
      } finally {
        await visitor.close();
      }
    });

    test('with JavaScript on, the same search works', async () => {
      const visitor = await CheckedContext.create(browser);
      try {
        await searchTheBook(visitor, server.baseUrl);
        assert.deepEqual(visitor.problems, []);
      } finally {
        await visitor.close();
      }
    });

    test('in print, a chapter shows its heading without the menus, and every chapter of the print version starts on a new page', async () => {
      const visitor = await CheckedContext.create(browser);
      try {
        const p = visitor.page;
        await p.goto(`${server.baseUrl}/boek/hoofdstukken/verbeelden`);
        await visitor.axe();
        const heading = p.getByRole('heading', { level: 1, name: 'Hoofdstuk 3: Verbeelden' });
        const menu = p.getByRole('navigation', { name: 'Hoofdmenu', includeHidden: true });
        const readingOrder = p.getByRole('navigation', { name: 'Leesvolgorde', includeHidden: true });
        const search = p.getByRole('search', { includeHidden: true }).first();
        assert.ok(await heading.isVisible());
        assert.ok(await menu.isVisible());
        assert.ok(await readingOrder.isVisible());

        await p.emulateMedia({ media: 'print' });
        assert.ok(await heading.isVisible(), 'the chapter heading is printed');
        assert.equal(await menu.count(), 1);
        assert.equal(await menu.isVisible(), false, 'the main menu is not printed');
        assert.equal(await readingOrder.count(), 1);
        assert.equal(await readingOrder.isVisible(), false, 'previous/next is not printed');
        assert.equal(await search.isVisible(), false, 'the search box is not printed');
        assert.ok(await p.getByRole('article').getByRole('heading', { level: 2 }).first().isVisible(), 'the sections are printed');

        await p.emulateMedia({ media: 'screen' });
        await p.goto(`${server.baseUrl}/boek/afdrukken`);
        await visitor.axe();
        await p.emulateMedia({ media: 'print' });
        const chapters = p.getByRole('region', { name: /^Hoofdstuk \d+: / });
        const count = await chapters.count();
        assert.ok(count >= 12, `all chapters are in the print version (${count})`);
        const breaks = await chapters.evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
        assert.deepEqual(breaks, Array(count).fill('page'));
        for (const appendix of ['Verhalen', 'Dromen', 'Werkboekinstructies', 'Bronnen']) {
          const region = p.getByRole('region', { name: appendix, exact: true });
          assert.equal(await region.evaluate((s) => getComputedStyle(s).breakBefore), 'page', `${appendix} starts on a new page`);
        }
        assert.deepEqual(visitor.problems, []);
      } finally {
        await visitor.close();
      }
    });

    test('an unknown story gives a Dutch "not found" page with a search box', async () => {
      const visitor = await CheckedContext.create(browser);
      try {
        const p = visitor.page;
        const response = await p.goto(`${server.baseUrl}/boek/verhalen/bestaat-niet`);
        assert.equal(response?.status(), 404);
        await p.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
        assert.equal(await p.locator('html').getAttribute('lang'), 'nl');
        await visitor.axe();
        const box = p.getByLabel('Zoek wat je zocht in het boek');
        await box.fill('droom');
        await follow(visitor, main(p).getByRole('button', { name: 'Zoek', exact: true }), 'Zoeken');
        await p.getByRole('heading', { level: 2, name: /^\d+ resultaten$/ }).waitFor();
        assert.deepEqual(visitor.problems, []);
      } finally {
        await visitor.close();
      }
    });
  });
}

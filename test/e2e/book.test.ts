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

/**
 * A visitor's browser tab with its checks: html-validate runs on every page the server sends (CheckedContext),
 * and axe-core runs once per address. axe-core needs timers, which do not run in a page without JavaScript,
 * so for such a tab the same address is checked with axe-core in a second tab that has JavaScript on.
 */
interface Visitor {
  readonly checked: CheckedContext;
  readonly page: Page;
  readonly problems: readonly string[];
  check(): Promise<void>;
  checkedPaths(): string[];
}

function visitor(checked: CheckedContext, axeTwin?: CheckedContext): Visitor {
  const axeContext = axeTwin ?? checked;
  return {
    checked,
    page: checked.page,
    get problems() {
      return unique([...checked.problems, ...(axeTwin?.problems ?? [])]);
    },
    async check() {
      const url = checked.page.url();
      if (axeContext.checkedUrls.includes(url)) return;
      if (axeTwin) {
        const response = await axeTwin.page.goto(url);
        assert.equal(response?.status(), 200, `status of ${url} in the tab with JavaScript`);
      }
      await axeContext.axe();
    },
    checkedPaths: () => axeContext.checkedUrls.map((u) => new URL(u).pathname),
  };
}

/** Clicks a link or button, expects a normal page (status 200, the given heading) and checks it. */
async function follow(v: Visitor, target: Locator, heading?: string | RegExp): Promise<void> {
  const response = await navigation(v.page, () => target.click());
  assert.equal(response.status(), 200, `status of ${response.url()}`);
  if (heading !== undefined) await v.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await v.check();
}

/** A page visited twice (or an element repeated) reports the same problem more than once; once is enough to read. */
const unique = (problems: readonly string[]) => [...new Set(problems)];
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
async function searchTheBook(v: Visitor, baseUrl: string): Promise<void> {
  const p = v.page;
  const headerSearch = async (text: string) => {
    await p.getByLabel('Zoek in het boek').fill(text);
    await follow(v, p.getByRole('button', { name: 'Zoek', exact: true }), 'Zoeken');
    assert.equal(new URL(p.url()).pathname, '/zoeken');
    assert.equal(new URL(p.url()).searchParams.get('q'), text);
  };
  const resultCount = async () => {
    const heading = main(p).getByRole('heading', { level: 2, name: /^\d+ resultaten$/ });
    await heading.waitFor();
    return Number(/\d+/.exec((await heading.textContent()) ?? '')![0]);
  };
  const results = main(p).getByRole('listitem').filter({ has: p.getByRole('heading', { level: 3 }) });

  const response = await p.goto(`${baseUrl}/boek`);
  assert.equal(response?.status(), 200);
  await v.check();

  // The header search box finds "werkgevers" and marks the word in the snippets.
  await headerSearch('werkgevers');
  const total = await resultCount();
  assert.ok(total > 1, `more than one result for werkgevers (${total})`);
  const marked = results.locator('mark');
  assert.ok((await marked.count()) > 0, 'a snippet marks the search word');
  assert.match((await marked.first().textContent()) ?? '', /werkgever/i);
  assert.equal(await p.getByLabel('Waar zoek je naar?').inputValue(), 'werkgevers');

  // Only stories.
  await p.getByRole('checkbox', { name: /^Verhaal\b/ }).check();
  await follow(v, p.getByRole('button', { name: 'Zoeken', exact: true }), 'Zoeken');
  assert.deepEqual(new URL(p.url()).searchParams.getAll('soort'), ['verhaal']);
  assert.ok(await p.getByRole('checkbox', { name: /^Verhaal\b/ }).isChecked(), 'the chosen type stays ticked');
  const storyTotal = await resultCount();
  assert.ok(storyTotal > 0 && storyTotal < total, `fewer story results (${storyTotal}) than results overall (${total})`);
  const firstResult = results.first().getByRole('heading', { level: 3 }).getByRole('link');
  const resultTitle = ((await firstResult.textContent()) ?? '').trim();
  await follow(v, firstResult, /./);
  assert.match(new URL(p.url()).pathname, /^\/boek\/verhalen\/[^/]+$/);
  assert.ok((await p.title()).startsWith(resultTitle), `the story "${resultTitle}" opened (${await p.title()})`);

  // A misspelling is searched as the word that was meant, and the page says so.
  await headerSearch('werkgver');
  await main(p).getByText(/We vonden dit woord niet en zochten daarom op werkgevers?\./).waitFor();
  assert.ok((await resultCount()) > 0, 'the corrected word finds something');
  // Searched exactly as typed, it finds nothing but suggests the word that was meant.
  await follow(v, main(p).getByRole('link', { name: 'werkgver', exact: true }), 'Zoeken');
  assert.equal(new URL(p.url()).searchParams.get('precies'), '1');
  await main(p).getByRole('heading', { level: 2, name: 'Niets gevonden' }).waitFor();
  const suggestion = main(p).getByRole('paragraph').filter({ hasText: /^Bedoelde je/ }).getByRole('link').first();
  const suggested = ((await suggestion.textContent()) ?? '').trim();
  assert.match(suggested, /^werkgever/i);
  await follow(v, suggestion, 'Zoeken');
  assert.equal(new URL(p.url()).searchParams.get('q'), suggested);
  assert.ok((await resultCount()) > 0, 'the suggestion finds something');

  // Odd input gives an ordinary page.
  await headerSearch('');
  await main(p).getByText('Typ een of meer woorden en kies Zoeken.').waitFor();
  await headerSearch(`'; DROP TABLE users; --`);
  assert.equal(await p.getByLabel('Waar zoek je naar?').inputValue(), `'; DROP TABLE users; --`);
  // The search box takes 200 characters; a longer query can still come in through the address.
  const long = 'werkgevers '.repeat(1000).slice(0, 10_000);
  const longResponse = await p.goto(`${baseUrl}/zoeken?q=${encodeURIComponent(long)}`);
  assert.equal(longResponse?.status(), 200);
  await p.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
  await v.check();
  // Nothing was dropped by the SQL-looking query.
  await headerSearch('werkgevers');
  assert.equal(await resultCount(), total);
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
      const checked = await CheckedContext.create(browser);
      try {
        const v = visitor(checked);
        const p = v.page;
        const crumbs = p.getByRole('navigation', { name: 'Kruimelpad' });
        const home = async () => follow(v, exactLink(mainNav(p), 'Inspiratieboek'), 'Inspiratieboek');
        const response = await p.goto(`${server.baseUrl}/`);
        assert.equal(response?.status(), 200);
        await home();

        // A chapter, an in-text cross-link to a dream, and back through "Genoemd in".
        await follow(v, exactLink(main(p), 'Hoofdstuk 3: Verbeelden'), 'Hoofdstuk 3: Verbeelden');
        const chapterUrl = p.url();
        await p.getByRole('navigation', { name: 'Paragrafen van dit hoofdstuk' }).waitFor();
        await follow(v, exactLink(p.getByRole('article'), 'Droom 3'), /^Droom 3: /);
        await follow(v, exactLink(p.getByRole('region', { name: 'Genoemd in' }), 'Hoofdstuk 3: Verbeelden'), 'Hoofdstuk 3: Verbeelden');
        assert.equal(p.url(), chapterUrl);

        // A workbook instruction from the chapter text, on through the reading order and back.
        await follow(v, exactLink(p.getByRole('article'), 'Werkboek Instructie 2'), /^Werkboek Instructie 2: /);
        const instructionUrl = p.url();
        const readingOrder = p.getByRole('navigation', { name: 'Leesvolgorde' });
        const next = readingOrder.getByRole('link', { name: /^Volgende:/ });
        assert.equal(await next.getAttribute('rel'), 'next');
        const nextTitle = ((await next.textContent()) ?? '').replace(/^Volgende:\s*/, '').trim();
        await follow(v, next, nextTitle);
        const previous = readingOrder.getByRole('link', { name: /^Vorige:/ });
        assert.equal(await previous.getAttribute('rel'), 'prev');
        await follow(v, previous, /^Werkboek Instructie 2: /);
        assert.equal(p.url(), instructionUrl);
        // The breadcrumbs lead up to the workbook, which lists the questionnaire.
        await follow(v, exactLink(crumbs, 'Werkboekinstructies'), 'Werkboekinstructies');
        const questionnaire = 'Vragenlijst en opzet interview ervaringsdeskundige';
        await follow(v, exactLink(main(p), questionnaire), questionnaire);

        // The table of contents.
        await home();
        await follow(v, exactLink(main(p), 'Inhoudsopgave met alle paragrafen'), 'Inhoudsopgave');

        // Stories, filtered by region.
        await home();
        await follow(v, exactLink(main(p), 'Verhalen'), 'Verhalen');
        const shown = main(p).getByRole('status');
        const allStories = ((await shown.textContent()) ?? '').trim();
        await p.getByLabel('Regio').selectOption('Zuid');
        await follow(v, p.getByRole('button', { name: 'Toon' }), 'Verhalen');
        assert.equal(new URL(p.url()).searchParams.get('regio'), 'Zuid');
        assert.equal(await p.getByLabel('Regio').inputValue(), 'Zuid');
        assert.notEqual(((await shown.textContent()) ?? '').trim(), allStories);
        const storyRegions = await main(p).getByRole('listitem').getByText(/· Regio /).allTextContents();
        assert.ok(storyRegions.length > 0, 'some stories are from Zuid');
        for (const line of storyRegions) assert.match(line, /Regio Zuid$/);
        await follow(v, main(p).getByRole('listitem').getByRole('heading').getByRole('link').first());
        assert.match(new URL(p.url()).pathname, /^\/boek\/verhalen\/[^/]+$/);
        await main(p).getByText(/· Regio Zuid$/).first().waitFor();

        // Dreams, filtered by domain.
        await home();
        await follow(v, exactLink(main(p), 'Dromen'), 'Dromen');
        await p.getByLabel('Domein').selectOption('Werk');
        await follow(v, p.getByRole('button', { name: 'Toon' }), 'Dromen');
        assert.equal(new URL(p.url()).searchParams.get('domein'), 'Werk');
        const domains = await main(p).getByRole('listitem').getByText(/· Domein /).allTextContents();
        assert.ok(domains.length > 0, 'some dreams are about work');
        for (const line of domains) assert.match(line, /Domein .*Werk/);
        await follow(v, main(p).getByRole('listitem').getByRole('heading').getByRole('link').first(), /^Droom \d+: /);

        // A source and a profession.
        await home();
        await follow(v, exactLink(main(p), 'Bronnen'), 'Bronnen');
        await follow(v, exactLink(main(p), 'Bron 1'), 'Bron 1');
        await home();
        await follow(v, exactLink(main(p), 'Beroepenindex'), 'Beroepenindex');
        await follow(v, exactLink(main(p), 'Jobcoach'), 'Jobcoach');

        // The pages with tables and lists.
        for (const [title, hasTable] of [
          ['Good practices uit de regio', false],
          ['Leermomenten', false],
          ['Werkproces in keten', true],
          ['Het vocabulaire', true],
          ['Feedbackregels', false],
          ['Routekaart 2024', true],
          ['Routekaart acties', true],
        ] as const) {
          await home();
          await follow(v, exactLink(main(p), title), title);
          if (hasTable) assert.ok((await main(p).getByRole('table').count()) > 0, `${title} has a table`);
        }

        // The Zeeland report: a section, a case, the recommendations filtered by addressee, one recommendation, the top 10, the step plan.
        await home();
        const report = 'Rapport Expertteam GGZ en arbeid Zeeland';
        await follow(v, exactLink(main(p), report));
        await follow(v, exactLink(main(p), 'Samenvatting'), 'Samenvatting');
        await follow(v, exactLink(crumbs, report));
        await follow(v, exactLink(main(p), 'De 6 casussen'), 'Casussen');
        await follow(v, main(p).getByRole('link', { name: /^Casus 1: / }), /^Casus 1: /);
        await follow(v, exactLink(crumbs, report));
        await follow(v, main(p).getByRole('link', { name: /^Alle \d+ aanbevelingen$/ }), 'Aanbevelingen');
        await p.getByLabel('Voor wie').selectOption({ label: 'Sociale dienst en UWV' });
        await follow(v, p.getByRole('button', { name: 'Toon' }), 'Aanbevelingen');
        assert.equal(new URL(p.url()).searchParams.get('voor'), 'uitvoeringsinstantie');
        assert.deepEqual(await main(p).getByRole('heading', { level: 2 }).allTextContents(), ['Sociale dienst en UWV', 'Uit welke casus komt een aanbeveling?']);
        await follow(v, main(p).getByRole('link', { name: /^Aanbeveling \d+$/ }).first(), /^Aanbeveling \d+$/);
        await main(p).getByText('Voor wie: Sociale dienst en UWV').waitFor();
        await follow(v, exactLink(crumbs, report));
        await follow(v, exactLink(main(p), 'Top 10 van de aanbevelingen'), 'Top 10 aanbevelingen');
        await follow(v, exactLink(crumbs, report));
        await follow(v, exactLink(main(p), 'Stappenplan persona-bespreking'), 'Stappenplan persona-bespreking');

        // Other documents, and from a document where it comes from: the attribution.
        await home();
        await follow(v, exactLink(main(p), 'Andere documenten'), 'Andere documenten');
        await follow(v, exactLink(main(p), 'Op avontuur met twintig beroepsgroepen'), 'Op avontuur met twintig beroepsgroepen');
        await follow(v, main(p).getByRole('paragraph').filter({ hasText: /^Herkomst:/ }).getByRole('link'), 'Verantwoording');

        // The whole book for printing.
        await home();
        await follow(v, exactLink(main(p), 'Het hele boek om af te drukken'), 'Inspiratieboek');

        const visited = v.checkedPaths();
        const missing = PAGE_KINDS.filter(([, pattern]) => !visited.some((path) => pattern.test(path))).map(([kind]) => kind);
        assert.deepEqual(missing, [], 'every kind of book page was visited and checked');
        assert.deepEqual(v.problems, []);
      } finally {
        await checked.close();
      }
    });

    test('without JavaScript, the header search finds, filters, suggests a spelling and takes any input', async () => {
      const checked = await CheckedContext.create(withoutJavaScript(browser));
      const axeTwin = await CheckedContext.create(browser);
      try {
        // JavaScript is really off in this tab.
        await checked.page.setContent('<p id="x">uit</p><script>document.getElementById("x").textContent = "aan"</script>');
        assert.equal(await checked.page.locator('#x').textContent(), 'uit');
        const v = visitor(checked, axeTwin);
        await searchTheBook(v, server.baseUrl);
        assert.deepEqual(v.problems, []);
      } finally {
        await checked.close();
        await axeTwin.close();
      }
    });

    test('with JavaScript on, the same search works', async () => {
      const checked = await CheckedContext.create(browser);
      try {
        const v = visitor(checked);
        await searchTheBook(v, server.baseUrl);
        assert.deepEqual(v.problems, []);
      } finally {
        await checked.close();
      }
    });

    test('in print, a chapter shows its heading without the menus, and every chapter of the print version starts on a new page', async () => {
      const checked = await CheckedContext.create(browser);
      try {
        const p = checked.page;
        await p.goto(`${server.baseUrl}/boek/hoofdstukken/verbeelden`);
        await checked.axe();
        const heading = p.getByRole('heading', { level: 1, name: 'Hoofdstuk 3: Verbeelden' });
        const menu = p.getByRole('navigation', { name: 'Hoofdmenu', includeHidden: true });
        const readingOrder = p.getByRole('navigation', { name: 'Leesvolgorde', includeHidden: true });
        const siteSearch = p.getByRole('search', { includeHidden: true });
        for (const shown of [heading, menu, readingOrder, siteSearch]) assert.ok(await shown.isVisible(), 'on screen everything shows');

        await p.emulateMedia({ media: 'print' });
        assert.ok(await heading.isVisible(), 'the chapter heading is printed');
        assert.ok(await p.getByRole('article').getByRole('heading', { level: 2 }).first().isVisible(), 'the sections are printed');
        assert.equal(await menu.count(), 1);
        assert.equal(await menu.isVisible(), false, 'the main menu is not printed');
        assert.equal(await readingOrder.count(), 1);
        assert.equal(await readingOrder.isVisible(), false, 'previous/next is not printed');
        assert.equal(await siteSearch.isVisible(), false, 'the search box is not printed');

        await p.emulateMedia({ media: 'screen' });
        await p.goto(`${server.baseUrl}/boek/afdrukken`);
        await checked.axe();
        await p.emulateMedia({ media: 'print' });
        const chapters = p.getByRole('region', { name: /^Hoofdstuk \d+: / });
        const count = await chapters.count();
        assert.ok(count >= 12, `all chapters are in the print version (${count})`);
        const breaks = await chapters.evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
        assert.deepEqual(breaks, Array<string>(count).fill('page'));
        for (const appendix of ['Verhalen', 'Dromen', 'Werkboekinstructies', 'Bronnen']) {
          const region = p.getByRole('region', { name: appendix, exact: true });
          assert.equal(await region.evaluate((s) => getComputedStyle(s).breakBefore), 'page', `${appendix} starts on a new page`);
        }
        assert.deepEqual(unique(checked.problems), []);
      } finally {
        await checked.close();
      }
    });

    test('an unknown story gives a Dutch "not found" page with a search box', async () => {
      const checked = await CheckedContext.create(browser);
      try {
        const p = checked.page;
        const response = await p.goto(`${server.baseUrl}/boek/verhalen/bestaat-niet`);
        assert.equal(response?.status(), 404);
        await p.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
        assert.equal(await p.locator('html').getAttribute('lang'), 'nl');
        await checked.axe();
        await p.getByLabel('Zoek wat je zocht in het boek').fill('droom');
        await follow(visitor(checked), main(p).getByRole('button', { name: 'Zoek', exact: true }), 'Zoeken');
        await main(p).getByRole('heading', { level: 2, name: /^\d+ resultaten$/ }).waitFor();
        assert.deepEqual(unique(checked.problems), []);
      } finally {
        await checked.close();
      }
    });
  });
}

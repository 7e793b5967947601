import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { totpCode, totpStep } from '../../src/platform/auth/totp.js';
import { launchBrowser, startServer, type RunningServer } from './support.js';
import { registerAndLogIn, Tab, type Person } from './workbook-steps.js';

const databases: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const main = (page: Page) => page.getByRole('main');
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const textbox = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });
/** The part of the meeting page that the script swaps in by itself. */
const records = (page: Page) => page.locator('[data-live-part="records"]');
/** The step heading of the meeting page (inside the live region). */
const stepHeading = (page: Page, name: string | RegExp) => page.locator('#huidige-stap').filter({ hasText: name });

const LIVE_TIMEOUT = 10_000;

async function switchOnTwoFactor(server: RunningServer, tab: Tab): Promise<void> {
  const p = tab.page;
  await tab.goto(`${server.baseUrl}/account/tweestapsverificatie`, 'Tweestapsverificatie');
  await tab.click(p.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }), 'Tweestapsverificatie');
  const secret = (await p.getByTestId('totp-secret').innerText()).trim();
  assert.ok(secret, 'the secret is shown');
  await textbox(p, 'Code uit je app').fill(totpCode(secret, totpStep(new Date())));
  await tab.click(p.getByRole('button', { name: 'Aanzetten', exact: true }), 'Bewaar je herstelcodes');
}

/** A mark in the page's window: it is gone after a reload, so it proves that a change came in by itself. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { notReloaded?: boolean }).notReloaded = true));
}
async function assertNotReloaded(page: Page, what: string): Promise<void> {
  assert.equal(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded === true), true, `${what}: no reload`);
}

/** Waits until the text shows up in the contributions part of a page that was not reloaded. */
async function seesLive(page: Page, text: string, who: string): Promise<void> {
  await records(page).getByText(text).first().waitFor({ timeout: LIVE_TIMEOUT });
  await assertNotReloaded(page, `${who} sees "${text.slice(0, 30)}"`);
}

for (const database of databases) {
  describe(`case consultation in the browser (${database})`, () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer(database);
    });
    after(async () => {
      await server?.stop();
    });

    test('a team brings in a case, holds a live meeting, ranks its recommendations and prints the poster', { timeout: 240_000 }, async () => {
      const anna = await Tab.open(browser);
      const bram = await Tab.open(browser);
      const chris = await Tab.open(browser);
      let chrisPlain: Tab | undefined;
      try {
        const people: Record<'anna' | 'bram' | 'chris', Person> = {
          anna: { name: 'Anna Begeleider', email: 'anna.casus@example.org', profile: 'professional', profession: 'Jobcoach' },
          bram: { name: 'Bram de Bedrijfsarts', email: 'bram.casus@example.org', profile: 'professional', profession: 'Bedrijfsarts' },
          chris: { name: 'Chris Ervaring', email: 'chris.casus@example.org', profile: 'ervaringsdeskundige' },
        };
        await registerAndLogIn(server, anna, people.anna);
        await registerAndLogIn(server, bram, people.bram);
        await registerAndLogIn(server, chris, people.chris);
        const a = anna.page;
        const b = bram.page;
        const c = chris.page;

        // 1. Anna makes a team and shares an invitation link; Bram and Chris join with it.
        const teamName = 'Expertteam Werk Zeeland';
        await anna.goto(`${server.baseUrl}/teams/nieuw`, 'Nieuw team maken');
        await a.getByLabel('Naam van het team').fill(teamName);
        await a.getByLabel(/^Regio/).selectOption({ label: 'Zeeland' });
        await a.getByLabel('Doel van het team').fill('Samen zorgen dat mensen met een psychische kwetsbaarheid in Zeeland werk vinden en houden.');
        await anna.click(a.getByRole('button', { name: 'Team maken' }), teamName);
        await a.getByRole('group', { name: 'Als wat doen mensen met deze link mee?' }).getByRole('radio', { name: 'Lid' }).check();
        await anna.click(a.getByRole('button', { name: 'Maak een link' }), 'Je link om te delen');
        const inviteLink = await a.getByTestId('invite-link').inputValue();
        assert.match(new URL(inviteLink).pathname, /^\/teams\/uitnodiging\//);
        for (const tab of [bram, chris]) {
          await tab.goto(inviteLink, 'Uitnodiging voor een team');
          await tab.click(tab.page.getByRole('button', { name: 'Ja, ik doe mee' }), teamName);
        }
        for (const tab of [anna, bram, chris]) await switchOnTwoFactor(server, tab);

        // 2. Anna switches case consultation on with a theme, from the main menu.
        await anna.click(mainNav(a).getByRole('link', { name: 'Casusoverleg', exact: true }), 'Casusoverleg');
        await anna.click(main(a).getByRole('link', { name: `Open het casusoverleg van ${teamName}` }), `Casusoverleg: ${teamName}`);
        const theme = 'GGZ en arbeid in Zeeland';
        await textbox(a, 'Thema of doel van het team').fill(theme);
        await anna.click(a.getByRole('button', { name: 'Casusoverleg aanzetten' }), `Casusoverleg: ${teamName}`);
        await anna.flash('Het casusoverleg staat aan.');
        const home = a.url().replace(/[?#].*$/, '');
        assert.match(new URL(home).pathname, /^\/casusoverleg\/teams\/[^/]+$/);

        // Bram brings in a case; a phone number in "Bijzonderheden" brings the warning, he removes it and saves.
        const caseTitle = 'Vrouw van 45, wil terug naar de zorg';
        const caseLabel = `Casus 1: ${caseTitle}`;
        await bram.goto(home, `Casusoverleg: ${teamName}`);
        await bram.click(main(b).getByRole('link', { name: 'Casus inbrengen' }), 'Casus inbrengen');
        await textbox(b, 'Titel van de casus').fill(caseTitle);
        await textbox(b, 'De vraag aan het team').fill('Welke mogelijkheden zijn er om weer betaald werk in de zorg te vinden en te houden?');
        await textbox(b, 'Bijzonderheden').fill('Je kunt haar bellen op 06-12345678 als er vragen zijn.');
        await bram.click(b.getByRole('button', { name: 'Casus opslaan' }), 'Casus inbrengen', 422);
        await main(b).getByRole('heading', { level: 2, name: 'Controleer of de persoon herkenbaar is' }).waitFor();
        await textbox(b, 'Bijzonderheden').fill('Werkt graag met mensen; heeft een hond die mee mag naar het werk.');
        await bram.click(b.getByRole('button', { name: 'Casus opslaan' }), caseLabel);
        await bram.flash('De casus is opgeslagen.');
        assert.equal(await main(b).getByText('06-12345678').count(), 0, 'the phone number is gone');

        // 3. Anna plans meeting 1 for the case; all three open it.
        await anna.goto(home, `Casusoverleg: ${teamName}`);
        await anna.click(main(a).getByRole('link', { name: 'Bijeenkomsten', exact: true }), 'Bijeenkomsten');
        await anna.click(main(a).getByRole('link', { name: 'Bijeenkomst plannen' }), 'Bijeenkomst plannen');
        await a.getByLabel('Welke casus bespreken jullie?').selectOption({ label: caseLabel });
        const meetingTitle = `Bijeenkomst 1: ${caseLabel}`;
        await anna.click(a.getByRole('button', { name: 'Bijeenkomst plannen' }), meetingTitle);
        await anna.flash('De bijeenkomst is gepland.');
        const meetingUrl = a.url().replace(/[?#].*$/, '');
        for (const tab of [bram, chris]) {
          await tab.goto(meetingUrl, meetingTitle);
          await stepHeading(tab.page, 'De bijeenkomst is nog niet begonnen').waitFor();
          await markPage(tab.page);
        }

        /** Anna presses a control; the other two see the new step heading without reloading. */
        const control = async (button: string, heading: string | RegExp, flash: string) => {
          await anna.click(a.getByRole('group', { name: 'Knoppen voor de begeleider' }).getByRole('button', { name: button, exact: true }), meetingTitle);
          await anna.flash(flash);
          await stepHeading(a, heading).waitFor();
          await markPage(a);
          for (const [tab, who] of [
            [bram, 'Bram'],
            [chris, 'Chris'],
          ] as const) {
            await stepHeading(tab.page, heading).waitFor({ timeout: LIVE_TIMEOUT });
            await assertNotReloaded(tab.page, `${who} follows "${String(heading)}"`);
          }
        };

        // Step 0: nothing to look back on in the first meeting.
        await control('Bijeenkomst starten', 'Terugblik: de aanbevelingen van de vorige bijeenkomst', 'De bijeenkomst is begonnen.');
        for (const page of [b, c]) {
          await main(page).getByText('Dit is de eerste bijeenkomst van het team. Er zijn nog geen aanbevelingen om op terug te kijken.').waitFor({ timeout: LIVE_TIMEOUT });
        }
        const next = (step: number) => control('Volgende stap', new RegExp(`^Stap ${step} van 8: `), 'Jullie zijn bij de volgende stap.');

        /** Someone adds a contribution with the form of the current step; the page comes back with the message. */
        const contribute = async (tab: Tab, fill: () => Promise<void>, submit = 'Toevoegen', flash = 'Je bijdrage is toegevoegd.') => {
          await fill();
          await tab.click(tab.page.getByRole('button', { name: submit, exact: true }), meetingTitle);
          await tab.flash(flash);
          await markPage(tab.page);
        };

        /**
         * The form of the current step should come in by itself on a page that was not reloaded. If it does not,
         * this is noted as a problem (the test fails at the end) and the person reloads with "Bijwerken" to go on.
         */
        const formFollows = async (tab: Tab, field: string) => {
          const p = tab.page;
          const came = await p.getByLabel(field, { exact: true }).waitFor({ timeout: LIVE_TIMEOUT }).then(() => true, () => false);
          if (came) return;
          const stale = await p.locator('[data-live-part="form"] [data-live-step-field]').getAttribute('value').catch(() => null);
          const heading = await p.locator('#huidige-stap').innerText();
          tab.note(
            `the form of the new step ("${field}") did not come in live under "${heading}"; the page still shows the form of step ${stale} ` +
              '(client/live-meeting.ts isDirty() treats an untouched <select> whose empty option has no selected attribute as typed in)',
          );
          await tab.click(p.getByRole('link', { name: 'Bijwerken' }), meetingTitle);
          await p.getByLabel(field, { exact: true }).waitFor();
        };

        await next(1);
        await next(2);
        const question = 'Wat heeft ze de vorige keer dat ze werkte als steunend ervaren?';
        await contribute(bram, () => textbox(b, 'Jouw vraag').fill(question));
        await seesLive(c, question, 'Chris');
        await seesLive(a, question, 'Anna');

        await next(3);
        await next(4);
        const coreProblem = 'Ze durft haar werkgever niet te vertellen wat ze nodig heeft.';
        await contribute(chris, () => textbox(c, 'Kernprobleem').fill(coreProblem));
        await seesLive(b, coreProblem, 'Bram');
        await records(a).getByText(coreProblem).waitFor({ timeout: LIVE_TIMEOUT });
        await anna.click(records(a).getByRole('button', { name: new RegExp(`^Het team is het eens: ${coreProblem.slice(0, 40)}`) }), meetingTitle);
        await anna.flash('Het kernprobleem is gemarkeerd: het team is het erover eens.');
        await markPage(a);
        for (const page of [b, c]) {
          await records(page).locator('.mmm-contribution--consensus').filter({ hasText: coreProblem }).waitFor({ timeout: LIVE_TIMEOUT });
        }

        await next(5);
        const idea = 'Een proefplaatsing van drie maanden met een vaste maatje op de afdeling.';
        await contribute(bram, async () => {
          await textbox(b, 'Idee').fill(idea);
          await b.getByLabel('Voor wie is dit idee?').selectOption({ label: 'Persoon zelf' });
        });
        await seesLive(c, idea, 'Chris');

        await next(6);
        const recommendations = [
          { tab: bram, addressee: 'Persoon zelf', text: 'Schrijf samen met de jobcoach op wat je op het werk nodig hebt.' },
          { tab: chris, addressee: 'Uitvoeringsinstantie (UWV, sociale dienst)', text: 'Bied een proefplaatsing aan zonder dat de uitkering meteen stopt.' },
          { tab: anna, addressee: 'Overkoepelend', text: 'Maak ervaringsdeskundigheid een vast onderdeel van elk re-integratietraject.' },
        ];
        for (const r of recommendations) {
          const p = r.tab.page;
          await formFollows(r.tab, 'Voor wie is de aanbeveling?');
          await contribute(
            r.tab,
            async () => {
              await p.getByLabel('Voor wie is de aanbeveling?').selectOption({ label: r.addressee });
              await textbox(p, 'Aanbeveling').fill(r.text);
            },
            'Aanbeveling toevoegen',
            'De aanbeveling is toegevoegd.',
          );
        }
        await seesLive(b, recommendations[1]!.text, 'Bram');
        await seesLive(c, recommendations[2]!.text, 'Chris');

        await next(7);
        // Chris without JavaScript: the same session in a tab without scripts, which works by reloading.
        chrisPlain = await Tab.open(browser, { javaScript: false });
        await chrisPlain.takeCookiesOf(chris);
        const cp = chrisPlain.page;
        await chrisPlain.goto(meetingUrl, meetingTitle);
        await stepHeading(cp, /^Stap 7 van 8: /).waitFor();
        /**
         * "Bijwerken" ends in #huidige-stap; Tab.check of a tab without JavaScript wants the address without it,
         * so the page (already checked above at the same address) is only html-validated here.
         */
        const refreshPlain = async () => {
          const link = cp.getByRole('link', { name: 'Bijwerken' });
          assert.match((await link.getAttribute('href')) ?? '', /\?bijgewerkt=\d+#huidige-stap$/);
          await Promise.all([cp.waitForEvent('load'), link.click()]);
          await chrisPlain!.heading(meetingTitle);
        };
        const themeLink = 'Zonder een werkgever die meedenkt, lukt terugkeer in de zorg in Zeeland zelden.';
        await textbox(cp, 'Verband met het thema').fill(themeLink);
        await chrisPlain.click(cp.getByRole('button', { name: 'Toevoegen', exact: true }), meetingTitle);
        await chrisPlain.flash('Je bijdrage is toegevoegd.');
        await records(cp).getByText(themeLink).waitFor();
        await seesLive(b, themeLink, 'Bram');
        await refreshPlain();
        await stepHeading(cp, /^Stap 7 van 8: /).waitFor();

        await next(8);
        // Without JavaScript, Chris sees the new step only after "Bijwerken".
        assert.equal(await stepHeading(cp, /^Stap 7 van 8: /).count(), 1, 'a page without scripts does not change by itself');
        await refreshPlain();
        await stepHeading(cp, /^Stap 8 van 8: /).waitFor();

        const nextStep = { text: 'Gesprek met de leidinggevende over een proefplaatsing.', owner: 'de jobcoach' };
        await formFollows(bram, 'Wie pakt de stap op?');
        await contribute(bram, async () => {
          await b.getByRole('group', { name: 'Wat schrijf je op?' }).getByRole('radio', { name: 'Concrete stap: wat gaat er nu gebeuren?' }).check();
          await textbox(b, 'Tekst').fill(nextStep.text);
          await textbox(b, 'Wie pakt de stap op?').fill(nextStep.owner);
        });
        await seesLive(c, nextStep.text, 'Chris');
        await records(c).getByText(`Wie: ${nextStep.owner}`).waitFor({ timeout: LIVE_TIMEOUT });

        await control('Bijeenkomst afsluiten', 'De bijeenkomst is afgesloten', 'De bijeenkomst is afgesloten.');
        for (const page of [b, c]) {
          for (const text of [question, coreProblem, idea, themeLink, nextStep.text]) await records(page).getByText(text).first().waitFor();
        }
        // The live pages, as they are now, pass axe too.
        await bram.check();
        await chris.check();

        // 5. Ranking: Anna opens a round with a top 2; each of the three ranks.
        await anna.goto(home, `Casusoverleg: ${teamName}`);
        await anna.click(main(a).getByRole('link', { name: 'Rangorde en top 10' }), 'Rangorde en top 10');
        await textbox(a, 'Hoeveel aanbevelingen komen in de top?').fill('2');
        await anna.click(a.getByRole('button', { name: 'Ronde openen' }), 'Rangorde invullen');
        await anna.flash('De ronde is geopend. Alle leden kunnen nu hun rangorde invullen.');
        const roundUrl = a.url().replace(/[?#].*$/, '');
        const itemTexts = async (page: Page) =>
          (await main(page).locator('#rangorde-formulier [data-ranking-item] .mmm-ranking__text').allInnerTexts()).map((t) => t.trim());
        const order = await itemTexts(a);
        assert.deepEqual([...order].sort(), recommendations.map((r) => r.text).sort(), 'the round has the three recommendations');

        // Anna (with JavaScript) moves the last one up with the Omhoog button: [1, 3, 2].
        const last = order[2]!;
        await main(a).getByRole('button', { name: new RegExp(`^Omhoog: ${last.slice(0, 20)}`) }).click();
        assert.deepEqual(await itemTexts(a), [order[0], order[2], order[1]], 'the list follows the buttons');
        await anna.click(a.getByRole('button', { name: 'Rangorde opslaan' }), 'Rangorde invullen');
        await anna.flash('Je rangorde is opgeslagen.');

        // Bram keeps the order as it is shown: [1, 2, 3].
        await bram.goto(roundUrl, 'Rangorde invullen');
        await bram.click(b.getByRole('button', { name: 'Rangorde opslaan' }), 'Rangorde invullen');
        await bram.flash('Je rangorde is opgeslagen.');

        // Chris (without JavaScript) types the places: [1, 2, 3].
        await chrisPlain.goto(roundUrl, 'Rangorde invullen');
        const places = main(cp).locator('input[data-ranking-input]');
        assert.equal(await places.count(), 3);
        for (let i = 0; i < 3; i++) await places.nth(i).fill(String(i + 1));
        await chrisPlain.click(cp.getByRole('button', { name: 'Rangorde opslaan' }), 'Rangorde invullen');
        await chrisPlain.flash('Je rangorde is opgeslagen.');

        // Anna closes the round, sees the results and approves the computed top: item 1 (average 1), item 2 (average 2⅓).
        await anna.goto(roundUrl, 'Rangorde invullen');
        await main(a).getByText('Iedereen heeft een rangorde ingevuld. Sluit de ronde om de uitslag te zien.').waitFor();
        await anna.click(a.getByRole('button', { name: 'Ronde sluiten' }), 'Uitslag van de rangorde');
        await anna.flash('De ronde is gesloten. Hieronder staat de uitslag.');
        await anna.click(a.getByRole('button', { name: 'Top vaststellen' }), 'Uitslag van de rangorde');
        await anna.flash('De top is vastgesteld.');
        const approved = main(a).getByRole('region', { name: 'Vastgestelde top 2' });
        const top = (await approved.locator('.mmm-ranking__text').allInnerTexts()).map((t) => t.trim());
        assert.deepEqual(top, [order[0], order[1]], 'the approved top');

        // The poster shows the approved top and the case; its PDF is a PDF.
        const posterUrl = `${home}/poster`;
        await anna.goto(posterUrl, /.+/);
        const poster = await main(a).innerText();
        for (const text of top) assert.ok(poster.includes(text), `the poster shows "${text}"`);
        assert.ok(poster.includes(caseTitle), 'the poster shows the case');
        const pdf = await a.request.get(`${posterUrl}.pdf`);
        assert.equal(pdf.status(), 200);
        assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
        assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');

        const problems = [anna, bram, chris, chrisPlain].flatMap((tab) => tab.problems);
        assert.deepEqual(problems, [], 'no problems with html-validate, axe or the console');
      } finally {
        for (const tab of [anna, bram, chris, chrisPlain]) await tab?.close();
      }
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkPlainLanguage, hasWarnings } from '../../src/features/desk/employers/plain-language.js';
import { PLAIN_LANGUAGE_FIELDS } from '../../src/features/desk/employers/vacancies.schemas.js';
import { CheckedContext, launchBrowser, startServer, type RunningServer } from './support.js';
import { claimInstallation, deskNav, GGZ, main, smallSocialMap, switchOnTwoFactor, WERKPLEIN } from './desk-steps.js';
import { daysFromToday, linkIn, newestMailTo, registerAndLogIn, Tab, type Person } from './workbook-steps.js';

// The regional desk (/loket/zeeland) in a real browser: the coordinator sets up the social map, a worried
// visitor without an account and without JavaScript asks a question and reads the answer, an employer signs
// the pledge and publishes a vacancy, and the question form works with the keyboard. Every page is checked
// with axe-core and html-validate.

const databases: Array<'sqlite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** The machine running the tests may be busy; each scenario gets plenty of time. */
const TIMEOUT = 240_000;

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const people: Record<'cor' | 'rita' | 'eva', Person> = {
  cor: { name: 'Cor Coördinator', email: 'cor.loket@example.org', profile: 'professional', profession: 'Jobcoach' },
  rita: { name: 'Rita Werkplein', email: 'rita.loket@example.org', profile: 'professional', profession: 'Jobcoach' },
  eva: { name: 'Eva Bakker', email: 'eva.loket@example.org', profile: 'ervaringsdeskundige' },
};
const ADMIN = { name: 'Bram Beheer', email: 'bram.loket@example.org' };
const VISITOR_EMAIL = 'bezorgde.bezoeker@example.org';

function assertNoProblems(tabs: ReadonlyArray<Tab | undefined>, step: string): void {
  const problems = [...new Set(tabs.flatMap((tab) => tab?.problems ?? []))];
  assert.deepEqual(problems, [], `${step}: no problems with html-validate, axe or the console`);
}

for (const database of databases) {
  describe(`the regional desk in the browser (${database})`, () => {
    let server: RunningServer;
    let base: string;
    let admin: Tab;
    let cor: Tab;
    let rita: Tab;
    let visitor: Tab | undefined;
    let eva: Tab | undefined;
    /** Filled in by the set-up; later scenarios need the organisation. */
    let werkpleinUrl = '';

    before(async () => {
      server = await startServer(database);
      base = `${server.baseUrl}/loket/zeeland`;
      admin = await Tab.open(browser);
      cor = await Tab.open(browser);
      rita = await Tab.open(browser);
    });
    after(async () => {
      for (const tab of [admin, cor, rita, visitor, eva]) await tab?.close();
      await server?.stop();
    });

    test('set-up: the administrator appoints a coordinator, who pastes a social map and appoints a representative', { timeout: TIMEOUT }, async () => {
      await claimInstallation(server, admin, ADMIN);
      await registerAndLogIn(server, cor, people.cor);
      await registerAndLogIn(server, rita, people.rita);

      // The administrator appoints Cor as coordinator of Zeeland.
      const a = admin.page;
      await admin.goto(`${server.baseUrl}/beheer/regios/zeeland`, 'Zeeland');
      await a.getByLabel('E-mailadres van de nieuwe coördinator').fill(people.cor.email);
      await admin.click(a.getByRole('button', { name: 'Aanstellen als coördinator van Zeeland' }), 'Zeeland');
      await admin.flash('De coördinator is aangesteld.');
      await main(a).getByRole('cell', { name: people.cor.name, exact: true }).waitFor();

      // Coordinators must use two-factor authentication: the desk's management sends Cor to set it up first.
      const c = cor.page;
      const response = await c.goto(`${base}/beheer`);
      assert.equal(new URL(c.url()).pathname, '/account/tweestapsverificatie', 'a coordinator without 2FA is sent to set it up');
      assert.equal(response?.status(), 200);
      await switchOnTwoFactor(server, cor);

      // Cor pastes a small HSDS file with two organisations.
      await cor.goto(`${base}/beheer/sociale-kaart/importeren`, 'Sociale kaart inlezen');
      await c.getByLabel('Of plak de JSON-tekst hier').fill(smallSocialMap());
      await cor.click(c.getByRole('button', { name: 'Inlezen' }), 'Sociale kaart inlezen');
      await cor.flash('De sociale kaart is ingelezen.');
      const summary = await c.getByTestId('import-summary').innerText();
      assert.match(summary, /2 nieuwe organisaties/);
      assert.match(summary, /2 diensten/);

      // Both are on the public map; Cor opens the first one and appoints Rita as its representative.
      await cor.click(deskNav(c).getByRole('link', { name: 'Sociale kaart' }), 'Sociale kaart');
      await main(c).getByRole('link', { name: GGZ.name }).waitFor();
      await cor.click(main(c).getByRole('link', { name: WERKPLEIN.name }), WERKPLEIN.name);
      werkpleinUrl = c.url().replace(/[?#].*$/, '');
      assert.equal(new URL(werkpleinUrl).pathname, `/loket/zeeland/organisaties/${WERKPLEIN.id}`, 'the import keeps the HSDS id');
      await cor.click(main(c).getByRole('link', { name: 'Vertegenwoordigers', exact: true }), `Vertegenwoordigers van ${WERKPLEIN.name}`);
      await c.getByLabel('E-mailadres van het account').fill(people.rita.email);
      await cor.click(main(c).getByRole('button', { name: 'Toevoegen', exact: true }), `Vertegenwoordigers van ${WERKPLEIN.name}`);
      await cor.flash('De vertegenwoordiger is toegevoegd.');
      await main(c).getByRole('table').getByText(people.rita.name).waitFor();
      const repMail = await newestMailTo(server, people.rita.email, new RegExp(`^Je bent vertegenwoordiger van ${WERKPLEIN.name}$`));
      assert.equal(linkIn(repMail, /^\/loket\/zeeland\/organisaties\//), werkpleinUrl);

      assertNoProblems([admin, cor, rita], 'set-up');
    });

    test('a worried visitor without an account and without JavaScript finds help, asks a question and reads the answer', { timeout: TIMEOUT }, async () => {
      assert.ok(werkpleinUrl, 'the set-up ran');
      visitor = await Tab.open(browser, { javaScript: false });
      const v = visitor.page;

      // From the list of desks to Zeeland, with the region finder (a GET form).
      await visitor.goto(`${server.baseUrl}/loket`, 'Het loket in jouw regio');
      await v.getByLabel('Jouw regio').selectOption({ label: 'Zeeland' });
      await visitor.click(v.getByRole('button', { name: 'Ga naar het loket' }), 'Welkom bij het loket Zeeland');
      assert.equal(new URL(v.url()).pathname, '/loket/zeeland');

      // The social map: searching for the service finds only the organisation that offers it.
      await visitor.click(deskNav(v).getByRole('link', { name: 'Sociale kaart' }), 'Sociale kaart');
      await main(v).getByRole('heading', { level: 2, name: '2 organisaties gevonden' }).waitFor();
      await v.getByLabel('Zoek op een woord').fill(WERKPLEIN.service);
      await visitor.click(v.getByRole('search', { name: 'Zoeken en kiezen' }).getByRole('button', { name: 'Zoek' }), 'Sociale kaart');
      await main(v).getByRole('heading', { level: 2, name: '1 organisatie gevonden' }).waitFor();
      assert.equal(await main(v).getByRole('link', { name: GGZ.name }).count(), 0, 'the other organisation is not found');
      await visitor.click(main(v).getByRole('link', { name: WERKPLEIN.name }), WERKPLEIN.name);
      await main(v).getByRole('heading', { level: 3, name: WERKPLEIN.service }).waitFor();
      await main(v).getByText('Een coach helpt je stap voor stap weer aan het werk').waitFor();

      // "Stel je vraag": the crisis help comes first, then the form.
      await visitor.click(deskNav(v).getByRole('link', { name: 'Stel je vraag' }), 'Stel je vraag');
      const crisis = main(v).getByRole('complementary', { name: 'Heb je nu meteen hulp nodig?' });
      assert.equal(await crisis.getByRole('link', { name: '113', exact: true }).getAttribute('href'), 'tel:113');
      assert.equal(await crisis.getByRole('link', { name: '112', exact: true }).getAttribute('href'), 'tel:112');
      await crisis.getByText('huisartsenpost').waitFor();
      const question = 'Ik werk sinds een half jaar niet meer door somberheid. Mijn uitkering stopt binnenkort. Wie in Zeeland kan mij helpen om weer rustig aan het werk te gaan?';
      await v.getByLabel('Wat is je vraag?').fill(question);
      await v.getByLabel('Je e-mailadres (niet verplicht)').fill(VISITOR_EMAIL);
      await v.getByRole('checkbox', { name: /^Mijn vraag en het antwoord mogen zonder mijn gegevens op de site/ }).check();
      await visitor.click(main(v).getByRole('button', { name: 'Verstuur mijn vraag' }), 'Je vraag is verstuurd');

      // The thanks page shows the private link once; the mail holds the same link.
      const privateLink = await v.getByLabel('Je persoonlijke link').inputValue();
      assert.match(new URL(privateLink).pathname, /^\/loket\/zeeland\/vraag\/bekijken\/[A-Za-z0-9_-]{43}$/);
      const receipt = await newestMailTo(server, VISITOR_EMAIL, /^Je vraag aan het loket Zeeland$/);
      assert.equal(linkIn(receipt, /^\/loket\/zeeland\/vraag\/bekijken\//), privateLink);
      await visitor.goto(`${base}/vraag/verstuurd`, 'Je vraag is verstuurd');
      assert.equal(await v.getByLabel('Je persoonlijke link').count(), 0, 'the private link is shown only once');

      await visitor.goto(privateLink, 'Je vraag aan het loket Zeeland');
      await main(v).getByText('Ontvangen. De coördinator van het loket leest je vraag').waitFor();
      await main(v).getByText('Het antwoord sturen we ook naar het e-mailadres dat je gaf.').waitFor();

      // The coordinator routes the question to Werkplein Zeeland.
      const c = cor.page;
      await cor.goto(`${base}/beheer/vragen`, 'Vragen beheren');
      await cor.click(main(c).getByRole('link', { name: /^Ik werk sinds een half jaar niet meer/ }), /^Vraag van /);
      const questionUrl = c.url().replace(/[?#].*$/, '');
      await main(c).getByText('E-mailadres bekend: ja').waitFor();
      await c.getByLabel('Naar welke organisatie?').selectOption({ label: WERKPLEIN.name });
      await cor.click(main(c).getByRole('button', { name: 'Doorsturen', exact: true }), /^Vraag van /);
      await cor.flash('De vraag is doorgestuurd.');
      await main(c).getByText(`Status: Doorgestuurd naar ${WERKPLEIN.name}`).waitFor();
      await newestMailTo(server, people.rita.email, new RegExp(`^Een vraag voor ${WERKPLEIN.name} via het loket Zeeland$`));

      // The representative answers from "Vragen voor jouw organisatie".
      const r = rita.page;
      await rita.goto(`${base}/mijn-vragen`, 'Vragen voor jouw organisatie');
      await rita.click(main(r).getByRole('link', { name: /^Ik werk sinds een half jaar niet meer/ }), 'Vraag beantwoorden');
      await main(r).getByText('E-mailadres bekend: ja.').waitFor();
      const answer = 'Wat goed dat je dit vraagt. Bij Werkfit van het Werkplein helpt een coach je in je eigen tempo. Bel ons op 0118 000 111, dan maken we een afspraak.';
      await r.getByLabel('Je antwoord').fill(answer);
      await rita.click(main(r).getByRole('button', { name: 'Verstuur het antwoord' }), 'Vraag beantwoorden');
      await rita.flash('Je antwoord is opgeslagen en naar de vrager gemaild. Het e-mailadres is nu gewist.');

      // The answer is in the visitor's mail, with the private link.
      const answerMail = await newestMailTo(server, VISITOR_EMAIL, /^Antwoord op je vraag aan het loket Zeeland$/);
      assert.ok(answerMail.text.includes(answer), 'the mail holds the answer');
      assert.equal(linkIn(answerMail, /^\/loket\/zeeland\/vraag\/bekijken\//), privateLink);

      // The visitor reads the answer on the private page; the address is gone.
      await visitor.goto(privateLink, 'Je vraag aan het loket Zeeland');
      await main(v).getByText('Beantwoord. Het antwoord staat hieronder.').waitFor();
      await main(v).getByText(answer).waitFor();
      await main(v).getByText(`Van ${WERKPLEIN.name}, op`).waitFor();
      await main(v).getByText('Je e-mailadres is gewist.').waitFor();
      assert.equal(await main(v).getByText('Het antwoord sturen we ook naar het e-mailadres').count(), 0);

      // The coordinator sees the same: the address was deleted after the answer was sent.
      await cor.goto(questionUrl, /^Vraag van /);
      await main(c).getByText(/^E-mailadres bekend: nee \(gewist op .+\)$/).waitFor();
      await main(c).getByText(/^Per e-mail naar de vrager gestuurd op /).waitFor();

      assertNoProblems([visitor, cor, rita], 'visitor asks a question');
    });

    test('an employer signs the pledge, is verified, shows the badge and publishes a vacancy in plain language', { timeout: TIMEOUT }, async () => {
      eva = await Tab.open(browser);
      await registerAndLogIn(server, eva, people.eva);
      const e = eva.page;
      const employer = 'Bakkerij De Zeeuwse Bolus (test)';

      await eva.goto(`${base}/werkgevers/aanmelden`, 'Meld je organisatie aan als open werkgever');
      await e.getByLabel('Naam van de organisatie').fill(employer);
      await e.getByLabel('Plaats', { exact: true }).fill('Goes');
      await e.getByLabel('Over de organisatie').fill('Een kleine bakkerij in Goes. We bakken brood en banket voor de buurt.');
      await e.getByLabel('Aanpassingen in het werk').fill('Beginnen met een paar uur per week en rustige werktijden in de ochtend.');
      await e.getByLabel('Begeleiding op het werk').fill('Een vaste collega als maatje.');
      await e.getByLabel('Naam contactpersoon').fill(people.eva.name);
      await e.getByLabel('E-mailadres', { exact: true }).fill('werk@bolus.example');
      await e.getByRole('checkbox', { name: 'Wij staan open voor het in dienst nemen van mensen met psychische problemen' }).check();
      // The pledge is the one long checkbox label: look at it on a phone too.
      await e.setViewportSize({ width: 360, height: 740 });
      await eva.checked.screenshot(`desk-pledge-360-${database}`);
      await e.setViewportSize({ width: 1024, height: 900 });
      await eva.click(main(e).getByRole('button', { name: 'Aanmelden', exact: true }), employer);
      await eva.flash('Bedankt voor je aanmelding.');
      const employerUrl = e.url().replace(/[?#].*$/, '');
      const employerPath = new URL(employerUrl).pathname;
      assert.match(employerPath, /^\/loket\/zeeland\/werkgevers\/[^/]+$/);
      await main(e).getByText('Het loket kijkt je aanmelding na.').waitFor();

      // Not in the public register yet: the check page says so.
      const check = await e.request.get(`${employerUrl}/controle`);
      assert.equal(check.status(), 404, 'a pledge that is not verified is not genuine yet');

      // The coordinator verifies it from the queue.
      const c = cor.page;
      await cor.goto(`${base}/beheer`, 'Wachtrij van het loket Zeeland');
      await main(c).getByRole('heading', { level: 2, name: 'Werkgevers die wachten op controle (1)' }).waitFor();
      await cor.click(main(c).getByRole('link', { name: `Controleer ${employer}` }), `Aanmelding van ${employer} nakijken`);
      await cor.click(main(c).getByRole('button', { name: 'Goedkeuren en in het register zetten' }), `Aanmelding van ${employer} nakijken`);
      await cor.flash('De werkgever staat nu in het register.');
      const verifiedMail = await newestMailTo(server, people.eva.email, new RegExp(`^${employer.replace(/[()]/g, '\\$&')} staat in het register van open werkgevers$`));
      assert.equal(linkIn(verifiedMail, /^\/loket\/zeeland\/werkgevers\//), employerUrl);

      // The employer's page shows the badge and the code to embed it.
      await eva.goto(employerUrl, employer);
      const badge = main(e).getByRole('img', { name: `Wij staan open – geverifieerd door Loket Zeeland: ${employer}` });
      assert.equal(await badge.getAttribute('src'), `${employerPath}/badge.svg`, 'the page shows the badge');
      const embed = await e.getByLabel('Code voor het bordje (plak dit in jullie website)').inputValue();
      assert.ok(embed.includes(`${employerUrl}/badge.svg`), `the embed code shows the badge: ${embed}`);
      assert.ok(embed.includes(`${employerUrl}/controle`), `the embed code links to the check page: ${embed}`);
      const svg = await e.request.get(`${employerUrl}/badge.svg`);
      assert.equal(svg.status(), 200);
      assert.match(svg.headers()['content-type'] ?? '', /^image\/svg\+xml/);
      assert.ok((await svg.text()).includes('<svg'), 'the badge is an SVG');

      // The check page behind the badge confirms it is genuine.
      await eva.click(main(e).getByRole('link', { name: `${employerUrl}/controle` }), 'Is dit bordje echt?');
      await main(e).getByText(`Ja. ${employer} staat in het register van open werkgevers van Loket Zeeland.`).waitFor();

      // A vacancy: a jargon-heavy text first brings the plain-language warning with the words to reconsider.
      await eva.goto(employerUrl, employer);
      await eva.click(main(e).getByRole('link', { name: 'Nieuwe vacature plaatsen' }), `Nieuwe vacature van ${employer}`);
      const title = 'Medewerker bakkerij';
      const jargon = 'Als proactieve teamplayer met affiniteit met brood ben je flexibel inzetbaar. Je bent stressbestendig in onze dynamische bakkerij.';
      await e.getByLabel('Naam van de baan').fill(title);
      await e.getByLabel('Wat ga je doen?').fill(jargon);
      await e.getByLabel('Uren', { exact: true }).fill('16 tot 24 uur per week, in de ochtend');
      await e.getByLabel('Aantal uur per week (een getal) (niet verplicht)').fill('20');
      await e.getByLabel('Plaats', { exact: true }).fill('Goes');
      await e.getByLabel('Welke hulp is er?').fill('Een vaste collega helpt je bij het inwerken. Je begint met een paar uur.');
      await e.getByLabel('Contact', { exact: true }).fill('Bel Eva, liefst in de middag.');
      const expiresOn = daysFromToday(30);
      await e.getByLabel('Reageren kan tot en met').fill(expiresOn);
      await eva.click(main(e).getByRole('button', { name: 'Vacature plaatsen' }), `Nieuwe vacature van ${employer}`, 422);
      const warning = main(e).getByRole('region', { name: 'Kan het nog makkelijker?' });
      await warning.waitFor();
      const warned = await warning.innerText();
      for (const term of ['proactief', 'teamplayer', 'affiniteit met', 'flexibel inzetbaar', 'stressbestendig', 'dynamisch']) {
        assert.ok(warned.includes(`“${term}”: schrijf liever`), `the warning names "${term}":\n${warned}`);
      }
      assert.equal(await e.getByLabel('Wat ga je doen?').inputValue(), jargon, 'the typed text came back');
      assert.equal(await e.getByLabel('Reageren kan tot en met').inputValue(), expiresOn);

      // Plain words instead; the same check the server runs has nothing left to say.
      const plain = 'Je bakt brood en koek. Je ruimt de winkel op. Je helpt klanten aan de toonbank.';
      const typed = {
        title,
        whatYouDo: plain,
        hours: await e.getByLabel('Uren', { exact: true }).inputValue(),
        helpAvailable: await e.getByLabel('Welke hulp is er?').inputValue(),
        whatWeAsk: '',
      };
      for (const field of PLAIN_LANGUAGE_FIELDS) assert.equal(hasWarnings(checkPlainLanguage(typed[field])), false, `no warning left for ${field}`);
      await e.getByLabel('Wat ga je doen?').fill(plain);
      await eva.click(main(e).getByRole('button', { name: 'Vacature plaatsen' }), title);
      await eva.flash('De vacature staat op de site.');
      const vacancyUrl = e.url().replace(/[?#].*$/, '');

      // Its page holds JSON-LD of a schema.org JobPosting.
      const scripts = await e.locator('script[type="application/ld+json"]').allTextContents();
      assert.equal(scripts.length, 1, 'one JSON-LD block');
      const posting = JSON.parse(scripts[0]!) as Record<string, unknown>;
      assert.equal(posting['@context'], 'https://schema.org');
      assert.equal(posting['@type'], 'JobPosting');
      assert.equal(posting.title, title);
      assert.equal(posting.validThrough, expiresOn);
      assert.equal(posting.url, vacancyUrl);
      assert.equal((posting.hiringOrganization as { name?: string }).name, employer);
      assert.ok(String(posting.description).includes(plain));

      // Anyone sees it in the list of vacancies.
      const v = visitor ?? eva;
      await v.goto(`${base}/vacatures`, 'Vacatures in Zeeland');
      await v.click(main(v.page).getByRole('link', { name: title }), title);
      assert.equal(v.page.url().replace(/[?#].*$/, ''), vacancyUrl);

      assertNoProblems([eva, cor, visitor], 'employer and vacancy');
    });

    test('keyboard only: on the question form the skip link comes first, then the crisis help and the question field', { timeout: TIMEOUT }, async () => {
      const keyboard = await CheckedContext.create(browser);
      try {
        const p = keyboard.page;
        await p.goto(`${base}/vraag`);
        await keyboard.axe();
        await p.keyboard.press('Tab');
        assert.equal((await p.evaluate(() => document.activeElement?.textContent ?? '')).trim(), 'Ga direct naar de inhoud', 'the skip link comes first');
        await p.keyboard.press('Enter');
        assert.equal(await p.evaluate(() => document.activeElement?.id), 'inhoud', 'the skip link leads to the content');

        /** Tabs on until the question field has focus; returns what got focus on the way. */
        const visited: string[] = [];
        for (let i = 0; i < 60; i++) {
          await p.keyboard.press('Tab');
          const focused = await p.evaluate(() => {
            const el = document.activeElement;
            if (!el) return '';
            return `${el.tagName.toLowerCase()}#${el.id}|${el.getAttribute('href') ?? ''}`;
          });
          visited.push(focused);
          if (focused.startsWith('textarea#veld-vraag')) break;
        }
        assert.ok(visited.at(-1)?.startsWith('textarea#veld-vraag'), `the question field is reached by keyboard: ${visited.join(', ')}`);
        for (const href of ['tel:113', 'tel:08000113', 'https://www.113.nl', 'tel:112']) {
          assert.ok(visited.some((f) => f.endsWith(`|${href}`)), `the crisis help link ${href} is focusable before the form: ${visited.join(', ')}`);
        }
        await p.keyboard.type('Mag ik mijn werkgever vragen om andere werktijden?');
        assert.equal(await p.locator('#veld-vraag').inputValue(), 'Mag ik mijn werkgever vragen om andere werktijden?', 'typing goes into the question field');
        // The next stops: the e-mail field and the consent box; the hidden honeypot is skipped.
        await p.keyboard.press('Tab');
        assert.equal(await p.evaluate(() => document.activeElement?.id), 'veld-email');
        await p.keyboard.press('Tab');
        assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('type')), 'checkbox');
        await p.keyboard.press('Tab');
        assert.notEqual(await p.evaluate(() => document.activeElement?.id), 'veld-website', 'the honeypot is not in the tab order');
        await keyboard.axe();
        assert.deepEqual(keyboard.problems, [], 'keyboard: no problems with html-validate, axe or the console');
      } finally {
        await keyboard.close();
      }
    });

    test('the other public desk pages pass axe-core and html-validate', { timeout: TIMEOUT }, async () => {
      const tab = visitor ?? (await Tab.open(browser, { javaScript: false }));
      try {
        await tab.goto(`${base}`, 'Welkom bij het loket Zeeland');
        await tab.goto(`${base}/zoeken?q=werk`, 'Zoeken in het loket Zeeland');
        await tab.goto(`${base}/regelingen`, 'Regelingen');
        await tab.goto(`${base}/regelingen/wia`, 'WIA: uitkering na twee jaar ziekte');
        await tab.goto(`${base}/woordenlijst`, /^Woordenlijst/);
        await tab.goto(`${base}/lotgenoten`, 'Lotgenoten in Zeeland');
        await tab.goto(`${base}/werkgevers`, 'Open werkgevers in Zeeland');
        await tab.goto(`${base}/vragen`, 'Veelgestelde vragen');
        await tab.goto(`${base}/diensten/${GGZ.serviceId}`, GGZ.service);
        await tab.goto(`${base}/organisaties/${GGZ.id}`, GGZ.name);
        await tab.click(main(tab.page).getByRole('link', { name: 'Klopt hier iets niet? Meld het' }), 'Meld wat er niet klopt');
        assert.equal(new URL(tab.page.url()).search, `?soort=organisation&id=${GGZ.id}`);
        await tab.goto(`${base}/sociale-kaart?soort=ggz`, 'Sociale kaart');
        await main(tab.page).getByRole('link', { name: GGZ.name }).waitFor();
        assertNoProblems([tab], 'other public pages');
      } finally {
        if (tab !== visitor) await tab.close();
      }
    });
  });
}

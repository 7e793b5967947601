import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './support.js';
import { daysFromToday, linkIn, newestMailTo, registerAndLogIn, Tab, workspaceIdOf, type Person } from './workbook-steps.js';

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
const crumbs = (page: Page) => page.getByRole('navigation', { name: 'Kruimelpad' });
const saved = /Je antwoorden zijn opgeslagen\.|Er was niets veranderd\./;

/** Fills the fields of a new action and saves it; the milestone page comes back. */
async function addAction(tab: Tab, milestoneTitle: string, action: { title: string; owner: string; due?: string; status?: string }): Promise<void> {
  const p = tab.page;
  await tab.click(main(p).getByRole('link', { name: 'Actie toevoegen' }), 'Nieuwe actie');
  await p.getByLabel('Wat gaan jullie doen?').fill(action.title);
  await p.getByLabel('Wie pakt het op?').selectOption({ label: action.owner });
  if (action.due) await p.getByLabel(/^Wanneer is het klaar\?/).fill(action.due);
  if (action.status) await p.getByLabel('Status', { exact: true }).selectOption({ label: action.status });
  await tab.click(p.getByRole('button', { name: 'Actie opslaan' }), milestoneTitle);
  await tab.flash('De actie is opgeslagen.');
  const row = p.getByRole('table', { name: `Acties bij: ${milestoneTitle}` }).getByRole('row').filter({ hasText: action.title });
  assert.match(await row.innerText(), new RegExp(action.owner));
}

/** Marks the milestone on the page as reached, with how it was celebrated. */
async function markReached(tab: Tab, milestoneTitle: string, celebration: string): Promise<void> {
  const p = tab.page;
  await p.getByLabel('Hoe hebben jullie het gevierd?').fill(celebration);
  await tab.click(p.getByRole('button', { name: 'Mijlpaal is bereikt' }), milestoneTitle);
  await tab.flash('Gefeliciteerd! De mijlpaal is bereikt.');
  await main(p).getByRole('heading', { level: 3, name: 'Zo hebben jullie het gevierd' }).waitFor();
  await main(p).getByText(celebration).waitFor();
}

/** Creates a workbook from the dashboard and returns its id; the first step (Verdiepen) is shown. */
async function createWorkbook(tab: Tab, kind: RegExp, name: string, team?: string): Promise<string> {
  const p = tab.page;
  await tab.click(mainNav(p).getByRole('link', { name: 'Werkboek', exact: true }), 'Werkboek');
  await tab.click(main(p).getByRole('link', { name: 'Nieuw werkboek beginnen' }), 'Nieuw werkboek beginnen');
  await p.getByRole('group', { name: 'Met wie werk je?' }).getByRole('radio', { name: kind }).check();
  await p.getByLabel('Naam van het werkboek').fill(name);
  if (team) await p.getByLabel('Team', { exact: true }).selectOption({ label: team });
  await tab.click(p.getByRole('button', { name: 'Werkboek beginnen' }), 'Verdiepen');
  await tab.flash('Het werkboek is klaar.');
  return workspaceIdOf(p.url());
}

/** Adopts a dream from the book from the Verbeelden step; returns the dream's title as the page names it. */
async function adoptDream(tab: Tab, number: number): Promise<string> {
  const p = tab.page;
  await tab.click(main(p).getByRole('link', { name: 'Kies een van de 13 dromen uit het boek' }), 'Kies een droom uit het boek');
  const heading = p.getByRole('heading', { level: 2, name: new RegExp(`^Droom ${number}: `) });
  const title = (await main(p).locator(heading).innerText()).replace(/^Droom \d+: /, '').trim();
  assert.ok(title, 'the dream has a title');
  const button = main(p).getByRole('listitem').filter({ has: heading }).getByRole('button', { name: /droom/i });
  await tab.click(button, 'Veranderagenda en routekaart');
  await tab.flash('De mijlpalen en acties van de droom staan nu in jullie veranderagenda.');
  return title;
}

function textarea(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('textbox', { name: label, exact: true });
}

for (const database of databases) {
  describe(`the workbook and the change agenda in the browser (${database})`, () => {
    let server: RunningServer;
    before(async () => {
      server = await startServer(database);
    });
    after(async () => {
      await server?.stop();
    });

    test('three people go from a powerful moment to a celebrated milestone and export their agenda', { timeout: 120_000 }, async () => {
      const anna = await Tab.open(browser);
      const bram = await Tab.open(browser);
      const chris = await Tab.open(browser);
      try {
        const people: Record<'anna' | 'bram' | 'chris', Person> = {
          anna: { name: 'Anna Jansen', email: 'anna.werkboek@example.org', profile: 'professional', profession: 'Jobcoach' },
          bram: { name: 'Bram de Bedrijfsarts', email: 'bram.werkboek@example.org', profile: 'professional', profession: 'Bedrijfsarts' },
          chris: { name: 'Chris Ervaring', email: 'chris.werkboek@example.org', profile: 'ervaringsdeskundige' },
        };
        await registerAndLogIn(server, anna, people.anna);
        await registerAndLogIn(server, bram, people.bram);
        await registerAndLogIn(server, chris, people.chris);
        const a = anna.page;
        const b = bram.page;
        const c = chris.page;

        // Anna makes a team and invites the other two by e-mail; they join with the link from the outbox.
        const teamName = 'Werkplaats Walcheren';
        await anna.click(mainNav(a).getByRole('link', { name: 'Teams', exact: true }), 'Teams');
        await anna.click(main(a).getByRole('link', { name: 'Nieuw team maken' }), 'Nieuw team maken');
        await a.getByLabel('Naam van het team').fill(teamName);
        await a.getByLabel(/^Regio/).selectOption({ label: 'Zeeland' });
        await a.getByLabel('Doel van het team').fill('Samen zorgen dat mensen met een psychische kwetsbaarheid op Walcheren werk vinden en houden.');
        await anna.click(a.getByRole('button', { name: 'Team maken' }), teamName);
        for (const person of [people.bram, people.chris]) {
          await a.getByRole('textbox', { name: 'E-mailadres' }).fill(person.email);
          await a.getByRole('group', { name: 'Als wat doet deze persoon mee?' }).getByRole('radio', { name: 'Lid' }).check();
          await anna.click(a.getByRole('button', { name: 'Stuur uitnodiging' }), teamName);
          await anna.flash('De uitnodiging is verstuurd.');
        }
        for (const [tab, person] of [
          [bram, people.bram],
          [chris, people.chris],
        ] as const) {
          const mail = await newestMailTo(server, person.email, /^Uitnodiging voor het team/);
          await tab.goto(linkIn(mail, /^\/teams\/uitnodiging\//), 'Uitnodiging voor een team');
          await tab.click(tab.page.getByRole('button', { name: 'Ja, ik doe mee' }), teamName);
        }

        // Anna starts a team workbook.
        const workbookName = 'Veranderagenda Walcheren 2027';
        const workspaceId = await createWorkbook(anna, /^Met mijn team/, workbookName, teamName);
        const base = `${server.baseUrl}/werkboek/${workspaceId}`;

        // Verdiepen: a powerful moment (instruction 1.1), its summary and a story from the book as inspiration.
        const moment = {
          'Wat gebeurde er precies? Wanneer, waar vond dit plaats?': 'In maart op de bouwplaats in Middelburg: Chris begon na een lange ziekteperiode weer, twee ochtenden per week.',
          'Waarin zat het krachtige moment?': 'De uitvoerder vroeg Chris zelf hoe de eerste weken eruit moesten zien, in plaats van het voor te schrijven.',
          'Waarom vond je (of vind je het nu) een krachtige ervaring?': 'Omdat Chris de regie hield en wij als professionals volgden.',
          'Vat aan het eind samen: wat is de essentie van deze ervaring? Wat leren wij samen van het krachtige moment?':
            'Vragen in plaats van invullen: de mens zelf weet het best wat werkt.',
        };
        for (const [label, text] of Object.entries(moment)) await textarea(a, label).fill(text);
        const stories = a.getByRole('group', { name: 'Welke verhalen uit het boek inspireren je?' });
        const story = stories.getByRole('checkbox').first();
        await story.check();
        const storyLabel = (await stories.locator('label').first().innerText()).trim();
        const storyTitle = storyLabel.replace(/^Verhaal \d+: /, '');
        await anna.click(a.getByRole('button', { name: 'Opslaan', exact: true }), 'Verdiepen');
        await anna.flash(saved);
        for (const [label, text] of Object.entries(moment)) assert.equal(await textarea(a, label).inputValue(), text, `${label} is kept`);
        assert.ok(await stories.getByRole('checkbox', { name: storyLabel }).isChecked(), 'the story stays ticked');
        // The overview lists the story as an inspiration.
        await anna.click(crumbs(a).getByRole('link', { name: workbookName }), workbookName);
        await main(a).getByRole('heading', { level: 3, name: 'Verhalen die je inspireren' }).waitFor();
        await main(a).getByRole('link', { name: storyTitle }).waitFor();

        // Verbeelden: adopt a dream from the book.
        await anna.click(main(a).getByRole('link', { name: 'Verbeelden', exact: true }), 'Verbeelden');
        const dreamTitle = await adoptDream(anna, 2);
        await anna.click(crumbs(a).getByRole('link', { name: workbookName }), workbookName);
        const dreamOnOverview = main(a).getByRole('paragraph').filter({ hasText: 'Jullie droom komt uit het boek:' });
        assert.ok((await dreamOnOverview.getByRole('link').innerText()).includes(dreamTitle.slice(0, 30)), 'the overview links to the adopted dream');
        await anna.click(main(a).getByRole('link', { name: 'Verbeelden', exact: true }), 'Verbeelden');
        const adopted = main(a).getByRole('paragraph').filter({ hasText: 'Jullie kozen deze droom uit het boek:' });
        if ((await adopted.count()) === 0) anna.note('Verbeelden does not say which dream from the book was adopted ("Jullie kozen deze droom uit het boek:" is missing)');
        else assert.ok((await adopted.getByRole('link').innerText()).includes(dreamTitle.slice(0, 30)), 'Verbeelden links to the adopted dream');

        // Vormgeven: from the step to the agenda, a milestone of their own.
        await anna.click(main(a).getByRole('link', { name: 'Volgende stap: Vormgeven' }), 'Vormgeven');
        await anna.click(main(a).getByRole('link', { name: 'Mijlpalen toevoegen en bekijken' }), 'Veranderagenda en routekaart');
        await anna.click(main(a).getByRole('link', { name: 'Nieuwe mijlpaal' }), 'Nieuwe mijlpaal');
        const milestone = 'Drie werkgevers op Walcheren bieden een werkplek met begeleiding';
        await a.getByLabel('Titel van de mijlpaal').fill(milestone);
        await a.getByLabel('Domein', { exact: true }).selectOption({ label: 'Werk' });
        await a.getByRole('group', { name: 'Datum of termijn' }).getByRole('radio', { name: 'Een termijn' }).check();
        await a.getByLabel('Termijn', { exact: true }).selectOption({ label: 'Binnen 1 jaar' });
        await a.getByLabel(/^Hoe vieren jullie het als deze mijlpaal bereikt is\?/).fill('Met koffie en taart bij de eerste werkgever.');
        await anna.click(a.getByRole('button', { name: 'Mijlpaal opslaan' }), milestone);
        await anna.flash('De mijlpaal is opgeslagen.');
        const milestoneUrl = a.url();

        // Actions with owners: one for Chris with a date ahead, one that Bram adds for himself.
        const chrisAction = { title: 'Gesprek met de uitvoerder over een vaste werkplek', owner: people.chris.name, due: daysFromToday(30), status: 'Gepland' };
        await addAction(anna, milestone, chrisAction);
        await bram.click(mainNav(b).getByRole('link', { name: 'Werkboek', exact: true }), 'Werkboek');
        await bram.click(main(b).getByRole('link', { name: workbookName }), workbookName);
        await bram.click(main(b).getByRole('link', { name: 'Naar de veranderagenda met mijlpalen en acties' }), 'Veranderagenda en routekaart');
        await bram.click(main(b).getByRole('heading', { level: 3, name: milestone }).getByRole('link'), milestone);
        const bramAction = { title: 'Bedrijfsarts schuift aan bij het eerste gesprek', owner: people.bram.name };
        await addAction(bram, milestone, bramAction);

        // Chris sees the action on "mijn acties" and comments on the milestone.
        await chris.click(mainNav(c).getByRole('link', { name: 'Werkboek', exact: true }), 'Werkboek');
        await chris.click(main(c).getByRole('link', { name: 'Mijn acties in alle werkboeken' }), 'Mijn acties');
        const later = main(c).getByRole('table', { name: 'Acties voor later' });
        const mine = later.getByRole('row').filter({ hasText: chrisAction.title });
        assert.match(await mine.innerText(), new RegExp(workbookName));
        assert.equal(await main(c).getByRole('link', { name: bramAction.title }).count(), 0, 'only her own actions');
        await chris.click(mine.getByRole('link', { name: milestone }), milestone);
        const comment = 'Ik neem mijn jobcoach mee naar het gesprek, dat geeft rust.';
        await c.getByLabel('Jouw reactie').fill(comment);
        await chris.click(c.getByRole('button', { name: 'Reactie plaatsen' }), milestone);
        await chris.flash('Je reactie is geplaatst.');
        const comments = main(c).getByRole('region', { name: 'Reacties' });
        assert.match(await comments.innerText(), new RegExp(`${people.chris.name}[\\s\\S]*${comment.slice(0, 30)}`));

        // Bram marks the milestone reached and says how it was celebrated; he sees Chris's comment.
        await bram.goto(milestoneUrl, milestone);
        await main(b).getByRole('region', { name: 'Reacties' }).getByText(comment).waitFor();
        const celebration = 'We hebben het gevierd met taart op de bouwplaats, met de hele ploeg erbij.';
        await markReached(bram, milestone, celebration);

        // The agenda shows it reached; the print version and the CSV export contain the milestone and the actions.
        await anna.goto(`${base}/agenda`, 'Veranderagenda en routekaart');
        const card = main(a).getByRole('listitem').filter({ has: a.getByRole('heading', { level: 3, name: milestone }) });
        assert.match(await card.innerText(), /Bereikt/);
        await anna.click(crumbs(a).getByRole('link', { name: workbookName }), workbookName);
        await anna.click(main(a).getByRole('link', { name: 'Afdrukken of als pdf bewaren' }), `Veranderagenda: ${workbookName}`);
        const printed = await main(a).innerText();
        for (const expected of [milestone, chrisAction.title, bramAction.title, people.chris.name, celebration, moment['Waarin zat het krachtige moment?']]) {
          assert.ok(printed.includes(expected), `the print version shows "${expected}"`);
        }
        const csv = await a.request.get(`${base}/export/acties.csv`);
        assert.equal(csv.status(), 200);
        assert.match(csv.headers()['content-type'] ?? '', /^text\/csv/);
        const body = await csv.text();
        for (const expected of [milestone, chrisAction.title, bramAction.title, people.chris.name, chrisAction.due]) {
          assert.ok(body.includes(expected), `the CSV contains "${expected}"`);
        }

        await anna.checked.screenshot(`workbook-agenda-${database}`);
        assert.deepEqual([...new Set([...anna.problems, ...bram.problems, ...chris.problems])], []);
      } finally {
        await anna.close();
        await bram.close();
        await chris.close();
      }
    });

    test('two members editing the same answer get the conflict page, nothing is lost', { timeout: 90_000 }, async () => {
      // Without JavaScript there is no autosave: each save happens exactly when the button is pressed.
      const dirk = await Tab.open(browser, { javaScript: false });
      const eva = await Tab.open(browser, { javaScript: false });
      try {
        const people: Record<'dirk' | 'eva', Person> = {
          dirk: { name: 'Dirk Klantmanager', email: 'dirk.samen@example.org', profile: 'professional', profession: 'Klantmanager' },
          eva: { name: 'Eva Ervaring', email: 'eva.samen@example.org', profile: 'ervaringsdeskundige' },
        };
        await registerAndLogIn(server, dirk, people.dirk);
        await registerAndLogIn(server, eva, people.eva);
        const d = dirk.page;
        const e = eva.page;

        // Dirk starts a workbook together with Eva and invites her; she joins from her own overview.
        const workbookName = 'Samen naar werk';
        const workspaceId = await createWorkbook(dirk, /^Samen met een mens/, workbookName);
        await dirk.click(crumbs(d).getByRole('link', { name: workbookName }), workbookName);
        await d.getByLabel('E-mailadres van de persoon').fill(people.eva.email);
        await dirk.click(d.getByRole('button', { name: 'Uitnodiging sturen' }), workbookName);
        await dirk.flash('De uitnodiging is verstuurd.');
        const mail = await newestMailTo(server, people.eva.email, /^Uitnodiging om samen te werken/);
        await eva.goto(linkIn(mail, /^\/werkboek$/), 'Werkboek');
        const invitations = main(e).getByRole('region', { name: 'Uitnodigingen voor jou' });
        assert.match(await invitations.innerText(), new RegExp(`${people.dirk.name} nodigt je uit voor "${workbookName}"`));
        await eva.click(invitations.getByRole('button', { name: /^Meedoen/ }), workbookName);
        await eva.flash('Welkom in het werkboek.');
        assert.equal(workspaceIdOf(e.url()), workspaceId);

        // Both open Verdiepen and write an answer to the same question.
        const question = 'Wat waren de omstandigheden?';
        await eva.click(main(e).getByRole('link', { name: 'Verdiepen', exact: true }), 'Verdiepen');
        await dirk.goto(`${server.baseUrl}/werkboek/${workspaceId}/stap/verdiepen`, 'Verdiepen');
        const dirkText = 'Een rustige werkplek bij de gemeente, met een vaste collega als maatje.';
        const evaText = 'Ik mocht zelf mijn uren kiezen en begon met twee ochtenden.';
        await textarea(d, question).fill(dirkText);
        await textarea(e, question).fill(evaText);

        // Dirk saves first; Eva's save meets his and shows both texts.
        await dirk.click(d.getByRole('button', { name: 'Opslaan', exact: true }), 'Verdiepen');
        await dirk.flash('Je antwoorden zijn opgeslagen.');
        await eva.click(e.getByRole('button', { name: 'Opslaan', exact: true }), 'Iemand anders heeft dit ook veranderd', 409);
        await main(e).getByRole('heading', { level: 2, name: question }).waitFor();
        await main(e).getByRole('heading', { level: 3, name: new RegExp(`^De opgeslagen versie van ${people.dirk.name}`) }).waitFor();
        await main(e).getByText(dirkText, { exact: true }).waitFor();
        assert.equal(await textarea(e, 'Jouw versie').inputValue(), evaText);

        // Eva makes one text of both and saves it; the step shows it, for both of them.
        const combined = `${dirkText}\n${evaText}`;
        await textarea(e, 'Jouw versie').fill(combined);
        await eva.click(e.getByRole('button', { name: 'Deze tekst opslaan' }), 'Verdiepen');
        await eva.flash('Je antwoorden zijn opgeslagen.');
        assert.equal(await textarea(e, question).inputValue(), combined);
        await dirk.goto(d.url(), 'Verdiepen');
        assert.equal(await textarea(d, question).inputValue(), combined);
        await main(d).getByText(new RegExp(`Laatst gewijzigd door ${people.eva.name}`)).waitFor();

        // The history keeps Dirk's version and the combined one.
        await dirk.click(main(d).getByRole('link', { name: /^Geschiedenis\s*:\s*(1\.1\.2|Wat waren de omstandigheden\?)$/ }), 'Geschiedenis van een antwoord');
        const history = await main(d).getByRole('table', { name: 'Alle versies, de nieuwste eerst' }).innerText();
        assert.ok(history.includes(dirkText) && history.includes(evaText), 'both texts are in the history');

        assert.deepEqual([...new Set([...dirk.problems, ...eva.problems])], []);
      } finally {
        await dirk.close();
        await eva.close();
      }
    });

    test('the same flow works with JavaScript disabled', { timeout: 90_000 }, async () => {
      const femke = await Tab.open(browser, { javaScript: false });
      try {
        const person: Person = { name: 'Femke Arbeidsdeskundige', email: 'femke.zonderjs@example.org', profile: 'professional', profession: 'Arbeidsdeskundige' };
        await registerAndLogIn(server, femke, person);
        const p = femke.page;

        const workbookName = 'Mijn veranderagenda zonder JavaScript';
        await createWorkbook(femke, /^Alleen/, workbookName);
        const answer = 'Een werknemer vertelde zelf wat hij nodig had, en de leidinggevende luisterde.';
        await textarea(p, 'Wat gebeurde er precies? Wanneer, waar vond dit plaats?').fill(answer);
        await femke.click(p.getByRole('button', { name: 'Opslaan', exact: true }), 'Verdiepen');
        await femke.flash('Je antwoorden zijn opgeslagen.');
        assert.equal(await textarea(p, 'Wat gebeurde er precies? Wanneer, waar vond dit plaats?').inputValue(), answer);

        // A dream from the book brings milestones and actions into the agenda.
        await femke.click(main(p).getByRole('link', { name: 'Volgende stap: Verbeelden' }), 'Verbeelden');
        await adoptDream(femke, 1);
        const firstMilestone = main(p).getByRole('listitem').getByRole('heading', { level: 3 }).getByRole('link').first();
        const milestone = ((await firstMilestone.textContent()) ?? '').trim();
        assert.ok(milestone, 'the dream brought a milestone');
        await femke.click(firstMilestone, milestone);

        // An action with an owner, then the milestone reached.
        const action = { title: 'Afspraak maken met de leidinggevende', owner: person.name, due: daysFromToday(14), status: 'Bezig' };
        await addAction(femke, milestone, action);
        const celebration = 'Met een etentje met het hele team.';
        await markReached(femke, milestone, celebration);

        // The agenda page shows the milestone reached, with the action and its owner.
        await femke.click(crumbs(p).getByRole('link', { name: 'Veranderagenda', exact: true }), 'Veranderagenda en routekaart');
        const card = main(p).getByRole('listitem').filter({ has: p.getByRole('heading', { level: 3, name: milestone }) });
        const cardText = await card.innerText();
        assert.match(cardText, /Bereikt/);
        const row = card.getByRole('row').filter({ hasText: action.title });
        assert.match(await row.innerText(), new RegExp(`${person.name}[\\s\\S]*Bezig`));
        // And the filter works by plain GET.
        await p.getByLabel('Acties van').selectOption({ label: person.name });
        await femke.click(p.getByRole('button', { name: 'Filter toepassen' }), 'Veranderagenda en routekaart');
        await main(p).getByRole('link', { name: action.title }).waitFor();

        assert.deepEqual(femke.problems, []);
      } finally {
        await femke.close();
      }
    });

    test('autosave keeps an answer without pressing Save', { timeout: 60_000 }, async () => {
      const gijs = await Tab.open(browser);
      try {
        const person: Person = { name: 'Gijs Autosave', email: 'gijs.autosave@example.org', profile: 'professional', profession: 'Casemanager' };
        await registerAndLogIn(server, gijs, person);
        const p = gijs.page;
        await createWorkbook(gijs, /^Alleen/, 'Automatisch bewaard');
        const question = 'Welke bijdrage leverden anderen eraan?';
        const text = 'Mijn collega nam de telefoon over toen het even te veel werd.';
        await textarea(p, question).pressSequentially(text, { delay: 5 });
        await main(p).getByText(/^Automatisch opgeslagen om \d{1,2}:\d{2}\.$/).waitFor({ timeout: 15_000 });
        await gijs.goto(p.url(), 'Verdiepen');
        assert.equal(await textarea(p, question).inputValue(), text);
        await main(p).getByText(new RegExp(`Laatst gewijzigd door ${person.name}`)).waitFor();
        assert.deepEqual(gijs.problems, []);
      } finally {
        await gijs.close();
      }
    });
  });
}

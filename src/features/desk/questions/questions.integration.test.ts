import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashToken } from '../../../platform/auth/tokens.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { firstAdministrator, registeredPerson } from '../../../testing/scenario.js';
import { appointCoordinator, appointRepresentative, insertOrganisation } from '../../../testing/desk-scenario.js';
import { testApp, type TestApp } from '../../../testing/test-app.js';
import type { Response } from '../../../testing/test-client.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { retryUnsentAnswers } from './questions.service.js';

const ASK = '/loket/zeeland/vraag';
const SENT = '/loket/zeeland/vraag/verstuurd';
const PRIVATE_LINK = /https?:\/\/[^/\s"]+(\/loket\/zeeland\/vraag\/bekijken\/[A-Za-z0-9_-]{43})/;

let ipCounter = 0;
/** Each anonymous asker comes from its own address, so only the rate-limit test meets the limit. */
function nextIp(): string {
  ipCounter += 1;
  return `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

async function ask(t: TestApp, fields: Record<string, string>, ip = nextIp()): Promise<{ res: Response; client: ReturnType<TestApp['client']> }> {
  const client = t.client();
  const form = await client.get(ASK);
  assert.equal(form.status, 200);
  const res = await client.post(ASK, fields, { headers: { 'x-forwarded-for': ip } });
  return { res, client };
}

/** Asks a question and returns the private link's path as the thanks page shows it. */
async function askAndKeepLink(t: TestApp, fields: Record<string, string>): Promise<string> {
  const { res, client } = await ask(t, fields);
  assert.equal(res.status, 303, res.body.slice(0, 2000));
  assert.equal(res.location, SENT);
  const thanks = await client.get(SENT);
  assert.equal(thanks.status, 200);
  const path = PRIVATE_LINK.exec(thanks.body)?.[1];
  assert.ok(path, 'no private link on the thanks page');
  return path;
}

async function questionCount(t: TestApp): Promise<number> {
  const row = await t.deps.db.kysely.selectFrom('desk_questions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function questionByLink(t: TestApp, path: string) {
  const token = path.split('/').at(-1) ?? '';
  return t.deps.db.kysely.selectFrom('desk_questions').selectAll().where('access_token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
}

/** The audit rows about a question, whose target is 'question:<id>'. */
async function auditEvents(t: TestApp, questionId: string): Promise<{ event: string; detail: string | null }[]> {
  return t.deps.db.kysely.selectFrom('audit_log').select(['event', 'detail']).where('target', '=', `question:${questionId}`).orderBy('occurred_at').execute();
}

async function page(client: { get(url: string): Promise<Response> }, url: string, status = 200): Promise<Response> {
  const res = await client.get(url);
  assert.equal(res.status, status, `${url}: ${res.body.slice(0, 1500)}`);
  if (res.headers['content-type']?.toString().startsWith('text/html')) await assertValidHtml(res.body);
  return res;
}

function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const QUESTION_ONE =
  'Mijn naam is Jan Jansen en ik werk bij een bank. Door mijn burn-out kan ik minder uren werken. Heb ik recht op een aanvulling op mijn uitkering? Bel me gerust op 06-12345678.';
const QUESTION_TWO = 'Wat is het verschil tussen de WIA en de Wajong? Ik zoek werk dat bij mij past.';

for (const kind of testDatabaseKinds()) {
  describe(`Stel je vraag (${kind.name})`, () => {
    test('vragen, doorsturen, beantwoorden, mailen, wissen en publiceren', async (ctx) => {
      const t = await testApp(ctx, kind, { TRUST_PROXY: 'true' });
      const db = t.deps.db.kysely;
      const admin = await firstAdministrator(t);
      const cor = await appointCoordinator(t, admin, 'zeeland', 'Cor');
      const otherRegion = await db.selectFrom('regions').select('slug').where('slug', '<>', 'zeeland').orderBy('slug').executeTakeFirstOrThrow();
      const otherCoordinator = await appointCoordinator(t, admin, otherRegion.slug, 'Olga');
      const orgA = await insertOrganisation(t, 'zeeland', 'Werkpunt Zeeland');
      const orgB = await insertOrganisation(t, 'zeeland', 'Jobcoach Walcheren');
      const orgElsewhere = await insertOrganisation(t, otherRegion.slug, 'Ergens Anders');
      const repA = await registeredPerson(t, { name: 'Anna' });
      const repB = await registeredPerson(t, { name: 'Bram' });
      const nobody = await registeredPerson(t, { name: 'Nina' });
      await appointRepresentative(t, orgA, repA);
      await appointRepresentative(t, orgB, repB);

      // The form: safe and simple, with crisis help above it and the honeypot out of sight.
      const form = await page(t.client(), ASK);
      assert.match(form.body, /Je hebt geen account nodig/);
      assert.match(form.body, /alleen om je het antwoord te sturen\. Daarna wissen we het/);
      assert.match(form.body, /Alleen de coördinator en de mensen van die organisatie lezen je vraag/);
      assert.match(form.body, /Mijn vraag en het antwoord mogen zonder mijn gegevens op de site/);
      assert.ok(form.body.indexOf('mmm-crisis-help') < form.body.indexOf('id="vraagformulier"'), 'crisis help above the form');
      assert.match(form.body, /<div class="mmm-honeypot" aria-hidden="true">/);
      assert.match(form.body, /name="website" value tabindex="-1" autocomplete="off"/);
      await page(t.client(), '/loket/atlantis/vraag', 404);

      // Asking with an e-mail address and consent: the link is shown once and mailed.
      const askerEmail = 'vrager@example.org';
      const { res: asked, client: asker } = await ask(t, { vraag: QUESTION_ONE, email: 'Vrager@Example.org', toestemming: '1' });
      assert.equal(asked.status, 303, asked.body.slice(0, 1000));
      assert.equal(asked.location, SENT);
      const thanks = await page(asker, SENT);
      assert.equal(thanks.headers['cache-control'], 'no-store');
      assert.equal(thanks.headers['referrer-policy'], 'no-referrer');
      const linkOne = PRIVATE_LINK.exec(thanks.body)?.[1];
      assert.ok(linkOne);
      assert.match(thanks.body, /Bewaar deze link/);
      const again = await page(asker, SENT);
      assert.doesNotMatch(again.body, PRIVATE_LINK, 'the link is shown only once');
      assert.equal(t.mail.linkTo(askerEmail), linkOne);
      const rowOne = await questionByLink(t, linkOne);
      assert.equal(rowOne.asker_email, askerEmail);
      assert.equal(rowOne.consent_to_publish, 1);
      assert.equal(rowOne.status, 'new');
      assert.notEqual(rowOne.access_token_hash, linkOne.split('/').at(-1), 'only the hash is stored');

      // Asking without e-mail and without consent.
      const linkTwo = await askAndKeepLink(t, { vraag: QUESTION_TWO });
      const rowTwo = await questionByLink(t, linkTwo);
      assert.equal(rowTwo.asker_email, null);
      assert.equal(rowTwo.consent_to_publish, 0);

      // The private page: private headers, plain status; an unknown link gets a Dutch explanation.
      const own = await page(t.client(), linkOne);
      assert.equal(own.headers['cache-control'], 'no-store');
      assert.equal(own.headers['referrer-policy'], 'no-referrer');
      assert.equal(own.headers['x-robots-tag'], 'noindex');
      assert.match(own.body, /Ontvangen\./);
      const unknown = await page(t.client(), `/loket/zeeland/vraag/bekijken/${'A'.repeat(43)}`, 404);
      assert.match(unknown.body, /We vinden deze vraag niet/);
      assert.equal(unknown.headers['x-robots-tag'], 'noindex');
      await page(t.client(), `/loket/${otherRegion.slug}${linkOne.slice('/loket/zeeland'.length)}`, 404);

      // The coordinator sees the question without the address; others do not get in.
      const queue = await page(cor.client, '/loket/zeeland/beheer/vragen');
      assert.match(queue.body, /Mijn naam is Jan Jansen/);
      const detailPath = `/loket/zeeland/beheer/vragen/${rowOne.id}`;
      const detail = await page(cor.client, detailPath);
      assert.match(detail.body, /E-mailadres bekend: ja/);
      assert.doesNotMatch(detail.body, /vrager@example\.org/i);
      assert.equal((await otherCoordinator.client.get('/loket/zeeland/beheer/vragen')).status, 403);
      assert.equal((await otherCoordinator.client.get(detailPath)).status, 403);
      assert.equal((await otherCoordinator.client.post(`${detailPath}/doorsturen`, { organisationId: orgA })).status, 403);
      assert.equal((await t.client().get('/loket/zeeland/beheer/vragen')).status, 303, 'anonymous: to the login page');
      assert.equal((await repA.client.get('/loket/zeeland/beheer/vragen')).status, 403);
      // A question of Zeeland under another region's address does not exist there.
      assert.equal((await otherCoordinator.client.get(`/loket/${otherRegion.slug}/beheer/vragen/${rowOne.id}`)).status, 404);

      // Routing: only to a published organisation of the region; the representatives get a link, not the question.
      const wrongOrg = await cor.client.post(`${detailPath}/doorsturen`, { organisationId: orgElsewhere, note: 'Graag snel' });
      assert.equal(wrongOrg.status, 422);
      await assertValidHtml(wrongOrg.body);
      assert.match(wrongOrg.body, /Kies een organisatie van deze regio/);
      assert.match(wrongOrg.body, /Graag snel/);
      const routed = await cor.client.post(`${detailPath}/doorsturen`, { organisationId: orgA, note: 'Over uren en uitkering' });
      assert.equal(routed.status, 303, routed.body.slice(0, 1000));
      const routingMail = t.mail.lastTo(repA.email);
      assert.equal(t.mail.linkTo(repA.email), `/loket/zeeland/vragen/${rowOne.id}/beantwoorden`);
      assert.doesNotMatch(routingMail.text, /burn-out|Jan Jansen/);
      assert.ok((await auditEvents(t, rowOne.id)).some((e) => e.event === 'desk.question_routed'));
      assert.match((await page(t.client(), linkOne)).body, /Doorgestuurd naar Werkpunt Zeeland/);

      // Representatives: the right one sees and answers it; the other organisation's gets 403.
      const answerPath = `/loket/zeeland/vragen/${rowOne.id}/beantwoorden`;
      assert.equal((await repB.client.get(answerPath)).status, 403);
      assert.equal((await repB.client.post(answerPath, { antwoord: 'Niet mijn vraag' })).status, 403);
      assert.equal((await otherCoordinator.client.get(answerPath)).status, 403);
      const mineA = await page(repA.client, '/loket/zeeland/mijn-vragen');
      assert.match(mineA.body, new RegExp(answerPath));
      const mineB = await page(repB.client, '/loket/zeeland/mijn-vragen');
      assert.doesNotMatch(mineB.body, new RegExp(rowOne.id));
      assert.match(mineB.body, /Er wachten geen vragen op antwoord/);
      assert.match((await page(nobody.client, '/loket/zeeland/mijn-vragen')).body, /Je bent geen vertegenwoordiger/);
      assert.equal((await t.client().get('/loket/zeeland/mijn-vragen')).status, 303);

      const answerPage = await page(repA.client, answerPath);
      assert.match(answerPage.body, /E-mailadres bekend: ja/);
      assert.doesNotMatch(answerPage.body, /vrager@example\.org/i);
      const emptyAnswer = await repA.client.post(answerPath, { antwoord: '  ' });
      assert.equal(emptyAnswer.status, 422);
      await assertValidHtml(emptyAnswer.body);
      assert.match(emptyAnswer.body, /Schrijf het antwoord op\./);
      const longAnswer = `Begin-van-het-antwoord ${'x'.repeat(8000)}`;
      const tooLong = await repA.client.post(answerPath, { antwoord: longAnswer });
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.body, /hoogstens 8000 tekens/);
      assert.match(tooLong.body, /Begin-van-het-antwoord/);

      const ANSWER = 'Ja, dat kan. Neem contact op met het Werkpunt via 0118 123 456 of kijk op https://www.uwv.nl/wia. Groeten, Anna de Wit';
      const answered = await repA.client.post(answerPath, { antwoord: ANSWER });
      assert.equal(answered.status, 303, answered.body.slice(0, 1000));
      const answerMail = t.mail.lastTo(askerEmail);
      assert.match(answerMail.subject, /Antwoord op je vraag/);
      assert.equal(t.mail.linkTo(askerEmail), linkOne, 'the answer mail carries the private link');
      assert.match(answerMail.text, /Ja, dat kan\./);
      const afterAnswer = await questionByLink(t, linkOne);
      assert.equal(afterAnswer.asker_email, null);
      assert.ok(afterAnswer.email_deleted_at);
      assert.equal(afterAnswer.status, 'answered');
      const storedAnswer = await db.selectFrom('desk_answers').selectAll().where('question_id', '=', rowOne.id).executeTakeFirstOrThrow();
      assert.equal(storedAnswer.organisation_name, 'Werkpunt Zeeland');
      assert.ok(storedAnswer.sent_at);
      const events = await auditEvents(t, rowOne.id);
      for (const event of ['desk.question_answered', 'desk.asker_email_used', 'desk.asker_email_deleted']) {
        assert.ok(
          events.some((e) => e.event === event),
          event,
        );
      }
      assert.ok(events.every((e) => !(e.detail ?? '').includes('vrager@')), 'no address in the audit log');
      const ownAnswered = await page(t.client(), linkOne);
      assert.match(ownAnswered.body, /Beantwoord\./);
      assert.match(ownAnswered.body, /Ja, dat kan\./);
      assert.match(ownAnswered.body, /Van Werkpunt Zeeland/);
      assert.match((await page(repA.client, answerPath)).body, /Deze vraag is al beantwoord/);
      const twice = await repA.client.post(answerPath, { antwoord: 'Nog een keer' });
      assert.equal(twice.status, 409);

      // Consent: the coordinator gets an anonymised draft, edits it and publishes it.
      const publishable = await page(cor.client, detailPath);
      assert.match(publishable.body, /Publiceren als veelgestelde vraag/);
      const draftQuestion = decode(/name="faqVraag"[^>]*>([^<]*)<\/textarea>/.exec(publishable.body)?.[1] ?? '');
      const draftAnswer = decode(/name="faqAntwoord"[^>]*>([^<]*)<\/textarea>/.exec(publishable.body)?.[1] ?? '');
      assert.match(draftQuestion, /^Mijn naam is \[…\] en ik werk bij een bank/);
      assert.match(draftQuestion, /Bel me gerust op \[…\]\.$/);
      assert.match(draftAnswer, /via \[…\] of kijk op https:\/\/www\.uwv\.nl\/wia\. Groeten, \[…\]$/);
      const emptyFaq = await cor.client.post(`${detailPath}/publiceren`, { faqVraag: '', faqAntwoord: 'Ja.' });
      assert.equal(emptyFaq.status, 422);
      await assertValidHtml(emptyFaq.body);
      const published = await cor.client.post(`${detailPath}/publiceren`, {
        faqVraag: 'Ik kan door een burn-out minder uren werken. Heb ik recht op een aanvulling op mijn uitkering?',
        faqAntwoord: 'Ja, dat kan. Kijk op https://www.uwv.nl/wia.',
      });
      assert.equal(published.status, 303, published.body.slice(0, 1000));
      const faq = await db.selectFrom('desk_faqs').selectAll().where('question_id', '=', rowOne.id).executeTakeFirstOrThrow();
      assert.equal(faq.status, 'published');
      assert.equal(faq.answered_by, 'Werkpunt Zeeland');
      const changes = await db.selectFrom('desk_changes').select('counter').where('region_slug', '=', 'zeeland').executeTakeFirst();
      assert.ok(changes && Number(changes.counter) >= 1, 'touchDesk');
      const faqList = await page(t.client(), '/loket/zeeland/vragen');
      assert.match(faqList.body, /minder uren werken/);
      assert.match((await page(t.client(), '/loket/zeeland/vragen?q=UITKERING')).body, new RegExp(faq.id));
      assert.match((await page(t.client(), '/loket/zeeland/vragen?q=xyzzy')).body, /Geen vragen gevonden/);
      const faqPage = await page(t.client(), `/loket/zeeland/vragen/${faq.id}`);
      assert.match(faqPage.body, /soort=faq&amp;id=/);
      assert.match((await page(t.client(), ASK)).body, new RegExp(`/loket/zeeland/vragen/${faq.id}`), 'the form shows the FAQ');
      await page(t.client(), `/loket/${otherRegion.slug}/vragen/${faq.id}`, 404);
      // Once published the asker can no longer change the consent.
      assert.match((await page(t.client(), linkOne)).body, /Dat kun je niet meer veranderen/);
      const lateConsent = await t.client().post(`${linkOne}/toestemming`, { toestemming: '0' });
      assert.equal(lateConsent.status, 409);

      // No consent: the coordinator answers directly, and no FAQ can be made.
      const detailTwo = `/loket/zeeland/beheer/vragen/${rowTwo.id}`;
      const selfAnswer = await cor.client.post(`/loket/zeeland/vragen/${rowTwo.id}/beantwoorden`, { antwoord: 'De WIA is voor wie ziek werd; de Wajong voor wie jong al weinig kon werken.' });
      assert.equal(selfAnswer.status, 303, selfAnswer.body.slice(0, 1000));
      const answerTwo = await db.selectFrom('desk_answers').selectAll().where('question_id', '=', rowTwo.id).executeTakeFirstOrThrow();
      assert.equal(answerTwo.organisation_name, 'Loket Zeeland');
      assert.doesNotMatch((await page(cor.client, detailTwo)).body, /name="faqVraag"/);
      const refused = await cor.client.post(`${detailTwo}/publiceren`, { faqVraag: 'Vraag', faqAntwoord: 'Antwoord' });
      assert.equal(refused.status, 422);
      assert.match(refused.body, /de vrager gaf geen toestemming/);
      assert.equal(await db.selectFrom('desk_faqs').select('id').where('question_id', '=', rowTwo.id).executeTakeFirst(), undefined);

      // The asker changes the consent, then deletes the question entirely.
      const consentGiven = await t.client().post(`${linkTwo}/toestemming`, { toestemming: '1' });
      assert.equal(consentGiven.status, 303);
      assert.equal((await questionByLink(t, linkTwo)).consent_to_publish, 1);
      const asker2 = t.client();
      await asker2.get(linkTwo);
      const unconfirmed = await asker2.post(`${linkTwo}/verwijderen`, {});
      assert.equal(unconfirmed.status, 422);
      await assertValidHtml(unconfirmed.body);
      assert.match(unconfirmed.body, /Vink aan dat je je vraag echt wilt verwijderen/);
      const deleted = await asker2.post(`${linkTwo}/verwijderen`, { bevestigen: 'ja' });
      assert.equal(deleted.status, 303);
      assert.equal(await db.selectFrom('desk_questions').select('id').where('id', '=', rowTwo.id).executeTakeFirst(), undefined);
      assert.equal(await db.selectFrom('desk_answers').select('id').where('question_id', '=', rowTwo.id).executeTakeFirst(), undefined);
      await page(t.client(), linkTwo, 404);

      // A mail that fails keeps the address; the retry sends it and only then wipes the address.
      const linkThree = await askAndKeepLink(t, { vraag: 'Kan een jobcoach mij helpen bij het zoeken naar werk?', email: 'derde@example.org' });
      const rowThree = await questionByLink(t, linkThree);
      assert.equal((await cor.client.post(`/loket/zeeland/beheer/vragen/${rowThree.id}/doorsturen`, { organisationId: orgA })).status, 303);
      const send = t.mail.send.bind(t.mail);
      t.mail.send = async () => {
        throw new Error('SMTP is even weg');
      };
      const failed = await repA.client.post(`/loket/zeeland/vragen/${rowThree.id}/beantwoorden`, { antwoord: 'Ja, een jobcoach kan helpen.' });
      assert.equal(failed.status, 303);
      assert.match((await repA.client.get(failed.location ?? '')).body, /kon nu niet worden verstuurd/);
      assert.equal((await questionByLink(t, linkThree)).asker_email, 'derde@example.org');
      t.mail.send = send;
      assert.equal(await retryUnsentAnswers(t.deps), 1);
      assert.equal(t.mail.linkTo('derde@example.org'), linkThree);
      const afterRetry = await questionByLink(t, linkThree);
      assert.equal(afterRetry.asker_email, null);
      assert.ok(afterRetry.email_deleted_at);
      assert.equal(await retryUnsentAnswers(t.deps), 0);

      // Hiding a question (spam) and an FAQ.
      const linkSpam = await askAndKeepLink(t, { vraag: 'Koop nu goedkope horloges' });
      const rowSpam = await questionByLink(t, linkSpam);
      assert.equal((await cor.client.post(`/loket/zeeland/beheer/vragen/${rowSpam.id}/verbergen`)).status, 303);
      assert.equal((await questionByLink(t, linkSpam)).status, 'hidden');
      assert.ok((await auditEvents(t, rowSpam.id)).some((e) => e.event === 'desk.question_hidden'));
      assert.doesNotMatch((await page(cor.client, '/loket/zeeland/beheer/vragen')).body, /horloges/);
      assert.equal((await cor.client.get(`/loket/zeeland/vragen/${rowSpam.id}/beantwoorden`)).status, 404);
      assert.equal((await otherCoordinator.client.post(`/loket/zeeland/beheer/veelgestelde-vragen/${faq.id}/verbergen`)).status, 403);
      assert.equal((await cor.client.post(`/loket/zeeland/beheer/veelgestelde-vragen/${faq.id}/verbergen`)).status, 303);
      await page(t.client(), `/loket/zeeland/vragen/${faq.id}`, 404);
      assert.match((await page(t.client(), '/loket/zeeland/vragen')).body, /Er staan nog geen veelgestelde vragen/);
    });

    test('honeypot, crisis, foute invoer en de grens per IP-adres', async (ctx) => {
      const t = await testApp(ctx, kind, { TRUST_PROXY: 'true' });
      const db = t.deps.db.kysely;

      // Honeypot: it looks like success, nothing is stored and no link is shown.
      const { res: trapped, client: bot } = await ask(t, { vraag: 'Goedkope pillen online', website: 'https://spam.example' });
      assert.equal(trapped.status, 303);
      assert.equal(trapped.location, SENT);
      assert.equal(await questionCount(t), 0);
      const botThanks = await page(bot, SENT);
      assert.doesNotMatch(botThanks.body, PRIVATE_LINK);
      assert.equal(t.mail.sent.length, 0);

      // Crisis: first the help, with what was typed; sending anyway stores it, marked.
      const crisisText = 'Ik kan niet meer. Sinds de reorganisatie wil ik niet meer leven.';
      const ip = nextIp();
      const { res: first, client: person } = await ask(t, { vraag: crisisText, email: 'hulp@example.org' }, ip);
      assert.equal(first.status, 200);
      await assertValidHtml(first.body);
      assert.match(first.body, /Je vraag klinkt alsof het nu erg zwaar is/);
      assert.match(first.body, /href="tel:113"/);
      assert.match(first.body, /Verstuur mijn vraag toch/);
      assert.match(first.body, /name="crisisGezien" value="1"/);
      assert.ok(first.body.includes(crisisText));
      assert.match(first.body, /value="hulp@example.org"/);
      assert.equal(await questionCount(t), 0);
      const second = await person.post(ASK, { vraag: crisisText, email: 'hulp@example.org', crisisGezien: '1' }, { headers: { 'x-forwarded-for': ip } });
      assert.equal(second.status, 303);
      const stored = await db.selectFrom('desk_questions').selectAll().executeTakeFirstOrThrow();
      assert.equal(stored.looked_like_crisis, 1);
      // An ordinary question is not held up.
      const { res: calm } = await ask(t, { vraag: 'Ik kan niet meer werken door de reorganisatie. Wat nu?' });
      assert.equal(calm.status, 303);
      const calmRow = await db.selectFrom('desk_questions').select('looked_like_crisis').where('id', '<>', stored.id).executeTakeFirstOrThrow();
      assert.equal(calmRow.looked_like_crisis, 0);

      // Bad input: a Dutch message at the field, and the text is kept.
      const { res: empty } = await ask(t, { vraag: '   ' });
      assert.equal(empty.status, 422);
      await assertValidHtml(empty.body);
      assert.match(empty.body, /id="veld-vraag-fout">Schrijf je vraag op\./);
      const long = `Mijn-lange-vraag ${'a'.repeat(4000)}`;
      const { res: tooLong } = await ask(t, { vraag: long });
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.body, /id="veld-vraag-fout">Dit is te lang: hoogstens 4000 tekens/);
      assert.ok(tooLong.body.includes(long));
      const { res: badEmail } = await ask(t, { vraag: 'Mag ik een proefplaatsing doen?', email: 'geen-adres', toestemming: '1' });
      assert.equal(badEmail.status, 422);
      await assertValidHtml(badEmail.body);
      assert.match(badEmail.body, /id="veld-email-fout">Vul een geldig e-mailadres in/);
      assert.match(badEmail.body, /Mag ik een proefplaatsing doen\?/);
      assert.match(badEmail.body, /value="geen-adres"/);
      assert.match(badEmail.body, /name="toestemming" value="1" checked/);
      // Line breaks count once, as in the browser: 4000 characters with CR LF are accepted.
      const lines = `${'b'.repeat(1999)}\r\n${'c'.repeat(2000)}`;
      const { res: withBreaks } = await ask(t, { vraag: lines });
      assert.equal(withBreaks.status, 303, withBreaks.body.slice(0, 500));
      const before = await questionCount(t);

      // The limit: five questions per ten minutes from one address; the sixth gets a Dutch 429 page.
      const limited = nextIp();
      for (let i = 1; i <= 5; i++) {
        const { res } = await ask(t, { vraag: `Vraag nummer ${i} over werk en inkomen.` }, limited);
        assert.equal(res.status, 303, `vraag ${i}`);
      }
      const { res: sixth } = await ask(t, { vraag: 'Vraag nummer 6 over werk en inkomen.' }, limited);
      assert.equal(sixth.status, 429);
      await assertValidHtml(sixth.body);
      assert.match(sixth.body, /Even geduld/);
      assert.match(sixth.body, /Wacht een paar minuten/);
      assert.equal(await questionCount(t), before + 5);
      // Another address can still ask.
      const { res: other } = await ask(t, { vraag: 'Een vraag van iemand anders.' });
      assert.equal(other.status, 303);
    });
  });
}

import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { firstAdministrator, registeredPerson, type Person } from '../../../testing/scenario.js';
import { appointCoordinator } from '../../../testing/desk-scenario.js';
import { testApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds, type TestDatabaseKind } from '../../../testing/test-databases.js';
import { BADGE_COLOURS, contrastRatio } from './badge.js';
import { listPendingEmployers } from './employers.service.js';

const BASE = '/loket/zeeland/werkgevers';

const EMPLOYER = {
  name: 'Bakkerij Çelik & Zonen',
  city: 'Goes',
  description: 'Wij bakken brood en taart voor heel Zeeland.',
  offersAdjustments: 'Je kunt beginnen met een paar uur per week.',
  offersGuidance: 'Een vaste collega is je maatje.',
  offersTrialPlacements: '',
  contactName: 'Fien de Bakker',
  contactEmail: 'fien@bakkerij.example.org',
  contactPhone: '0113 123 456',
  website: 'https://www.bakkerij.example.org',
};

async function register(person: Person, fields: Record<string, string> = {}): Promise<string> {
  const res = await person.client.post(`${BASE}/aanmelden`, { ...EMPLOYER, pledge: 'ja', ...fields });
  assert.equal(res.status, 303, res.body.slice(0, 2000));
  const id = new RegExp(`^${BASE}/([0-9a-f-]{36})$`).exec(res.location ?? '')?.[1];
  assert.ok(id, `unexpected location ${res.location}`);
  return id;
}

async function verify(coordinator: Person, employerId: string): Promise<void> {
  await coordinator.client.get(`/loket/zeeland/beheer/werkgevers/${employerId}`);
  const res = await coordinator.client.post(`/loket/zeeland/beheer/werkgevers/${employerId}/verifieren`);
  assert.equal(res.status, 303, res.body.slice(0, 1000));
}

async function statusOf(t: TestApp, employerId: string): Promise<string | undefined> {
  const row = await t.deps.db.kysely.selectFrom('desk_employers').select('status').where('id', '=', employerId).executeTakeFirst();
  return row?.status;
}

async function world(ctx: TestContext, kind: TestDatabaseKind) {
  const t = await testApp(ctx, kind);
  const admin = await firstAdministrator(t);
  const coordinator = await appointCoordinator(t, admin, 'zeeland', 'Cor Coördinator');
  const member = await registeredPerson(t, { name: 'Fien de Bakker' });
  return { t, admin, coordinator, member };
}

for (const kind of testDatabaseKinds()) {
  describe(`desk: open employers (${kind.name})`, () => {
    test('pledge → pending → the coordinator verifies → listed, badge and verification page', async (ctx) => {
      const { t, coordinator, member } = await world(ctx, kind);
      const anon = t.client();
      const empty = await anon.get(BASE);
      assert.equal(empty.status, 200);
      assert.match(empty.body, /Er staan nog geen werkgevers in het register/);
      await assertValidHtml(empty.body);
      assert.equal((await anon.get(`${BASE}/aanmelden`)).status, 303, 'signing in first');

      const form = await member.client.get(`${BASE}/aanmelden`);
      assert.equal(form.status, 200);
      assert.match(form.body, /Wij staan open voor het in dienst nemen van mensen met psychische problemen/);
      await assertValidHtml(form.body);

      // No pledge, no offer, a bad website: every message at its field, everything typed kept.
      const bad = await member.client.post(`${BASE}/aanmelden`, { ...EMPLOYER, offersAdjustments: '', offersGuidance: '', website: 'geen adres' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="veld-pledge-fout"[^>]*>Vink de belofte aan/);
      assert.match(bad.body, /id="veld-offersAdjustments-fout"[^>]*>Vertel wat jullie bieden/);
      assert.match(bad.body, /id="veld-website-fout"[^>]*>Vul het hele adres/);
      assert.match(bad.body, /value="Bakkerij Çelik &amp; Zonen"/);
      assert.match(bad.body, /Wij bakken brood en taart voor heel Zeeland.<\/textarea>/);
      await assertValidHtml(bad.body);
      assert.equal(await t.deps.db.kysely.selectFrom('desk_employers').select('id').executeTakeFirst(), undefined, 'nothing saved');

      const employerId = await register(member);
      assert.equal(await statusOf(t, employerId), 'pending');
      const members = await t.deps.db.kysely.selectFrom('desk_employer_members').select('user_id').where('employer_id', '=', employerId).execute();
      assert.deepEqual(members.map((m) => m.user_id), [member.id]);
      assert.deepEqual((await listPendingEmployers(t.deps.db.kysely, 'zeeland')).map((e) => e.id), [employerId]);
      assert.deepEqual(await listPendingEmployers(t.deps.db.kysely, 'west-brabant'), []);

      // Pending: not public; the member sees it with a notice, without the badge code.
      assert.equal((await anon.get(`${BASE}/${employerId}`)).status, 404);
      const own = await member.client.get(`${BASE}/${employerId}`);
      assert.equal(own.status, 200);
      assert.match(own.body, /Het loket kijkt je aanmelding na/);
      assert.doesNotMatch(own.body, /veld-badge-afbeelding/);
      await assertValidHtml(own.body);
      const pendingBadge = await anon.get(`${BASE}/${employerId}/badge.svg`);
      assert.equal(pendingBadge.status, 404);
      assert.match(pendingBadge.body, /Niet \(meer\) geverifieerd/);
      const pendingCheck = await anon.get(`${BASE}/${employerId}/controle`);
      assert.equal(pendingCheck.status, 404);
      assert.match(pendingCheck.body, /staat niet \(meer\) in het register/);
      assert.doesNotMatch(pendingCheck.body, /Çelik/, 'a pledge never verified is not named');
      await assertValidHtml(pendingCheck.body);

      // The coordinator reviews and verifies.
      const review = await coordinator.client.get(`/loket/zeeland/beheer/werkgevers/${employerId}`);
      assert.equal(review.status, 200);
      assert.match(review.body, /Goedkeuren en in het register zetten/);
      assert.match(review.body, new RegExp(member.email.replace(/[.]/g, '\\.')));
      await assertValidHtml(review.body);
      await verify(coordinator, employerId);
      assert.equal(await statusOf(t, employerId), 'verified');
      const mail = t.mail.lastTo(member.email);
      assert.match(mail.subject, /Bakkerij Çelik & Zonen staat in het register/);
      assert.match(mail.text, new RegExp(`/loket/zeeland/werkgevers/${employerId}`));
      const audit = await t.deps.db.kysely.selectFrom('audit_log').select(['actor_id', 'target']).where('event', '=', 'desk.employer_verified').execute();
      assert.deepEqual(audit, [{ actor_id: coordinator.id, target: `employer:${employerId}` }]);
      const again = await coordinator.client.post(`/loket/zeeland/beheer/werkgevers/${employerId}/verifieren`);
      assert.equal(again.status, 409, 'verifying twice is explained, not repeated');

      // Listed, with the text filter (no case or diacritics needed).
      const list = await anon.get(BASE);
      assert.match(list.body, new RegExp(`href="${BASE}/${employerId}">Bakkerij Çelik &amp; Zonen</a>`));
      assert.match(list.body, /Biedt: aanpassingen, begeleiding/);
      assert.match(list.body, /Contact: Fien de Bakker, <a class="utrecht-link" href="mailto:fien@bakkerij.example.org">/);
      await assertValidHtml(list.body);
      assert.match((await anon.get(`${BASE}?q=celik`)).body, /Bakkerij Çelik/);
      assert.match((await anon.get(`${BASE}?q=MAATJE`)).body, /Bakkerij Çelik/);
      const none = await anon.get(`${BASE}?q=garage`);
      assert.doesNotMatch(none.body, /Bakkerij Çelik/);
      assert.match(none.body, /Geen werkgevers gevonden/);

      const page = await anon.get(`${BASE}/${employerId}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<h1 class="utrecht-heading-1">Bakkerij Çelik &amp; Zonen<\/h1>/);
      assert.match(page.body, /href="mailto:fien@bakkerij.example.org"/);
      assert.match(page.body, /href="tel:0113123456"/);
      assert.match(page.body, /Klopt hier iets niet\? Meld het/);
      assert.doesNotMatch(page.body, /veld-badge-afbeelding/, 'the embed code is for the members');
      await assertValidHtml(page.body);

      // The members get the embed code: an <img> snippet and a link snippet.
      const memberPage = await member.client.get(`${BASE}/${employerId}`);
      assert.match(memberPage.body, /<textarea[^>]*id="veld-badge-afbeelding"[^>]*readonly/);
      assert.match(memberPage.body, new RegExp(`&lt;img src=&quot;http://[^&]+${BASE}/${employerId}/badge\\.svg&quot;`));
      assert.match(memberPage.body, new RegExp(`&lt;a href=&quot;http://[^&]+${BASE}/${employerId}/controle&quot;>Wij staan open – geverifieerd door Loket Zeeland&lt;/a>`));
      assert.match(memberPage.body, /Bakkerij Çelik &amp;amp; Zonen/, 'the name is escaped inside the snippet');
      await assertValidHtml(memberPage.body);

      const badge = await anon.get(`${BASE}/${employerId}/badge.svg`);
      assert.equal(badge.status, 200);
      assert.match(String(badge.headers['content-type']), /^image\/svg\+xml/);
      assert.match(String(badge.headers['cache-control']), /max-age=3600/);
      assert.equal(badge.headers['cross-origin-resource-policy'], 'cross-origin');
      assert.match(badge.body, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img"/);
      assert.match(badge.body, /<title id="badge-titel">Wij staan open – geverifieerd door Loket Zeeland<\/title>/);
      assert.match(badge.body, /Bakkerij Çelik &amp; Zonen/);
      assert.match(badge.body, new RegExp(`sinds ${new Date().getFullYear()}`));
      assert.doesNotMatch(badge.body, /<script|@import|url\(|href=/i, 'no scripts, fonts or links');

      const check = await anon.get(`${BASE}/${employerId}/controle`);
      assert.equal(check.status, 200);
      assert.match(check.body, /Ja. Bakkerij Çelik &amp; Zonen staat in het register van open werkgevers van Loket Zeeland/);
      assert.match(check.body, /Geverifieerd door<\/dt><dd>Loket Zeeland/);
      await assertValidHtml(check.body);
    });

    test('badge colours meet WCAG contrast', () => {
      assert.ok(contrastRatio(BADGE_COLOURS.text, BADGE_COLOURS.background) >= 7);
      assert.ok(contrastRatio(BADGE_COLOURS.neutralText, BADGE_COLOURS.neutralBackground) >= 7);
      assert.ok(contrastRatio(BADGE_COLOURS.neutralBorder, BADGE_COLOURS.neutralBackground) >= 3, 'the border as a non-text element');
    });

    test('only the coordinator of the region verifies or rejects; a rejection carries a reason', async (ctx) => {
      const { t, admin, coordinator, member } = await world(ctx, kind);
      const other = await appointCoordinator(t, admin, 'west-brabant', 'Bram Brabant');
      const employerId = await register(member);
      await other.client.get('/');
      assert.equal((await other.client.get(`/loket/zeeland/beheer/werkgevers/${employerId}`)).status, 403);
      assert.equal((await other.client.post(`/loket/zeeland/beheer/werkgevers/${employerId}/verifieren`)).status, 403);
      assert.equal((await other.client.post(`/loket/zeeland/beheer/werkgevers/${employerId}/afwijzen`, { reason: 'Nee' })).status, 403);
      // With their own region in the address, another region's employer does not exist.
      assert.equal((await other.client.post(`/loket/west-brabant/beheer/werkgevers/${employerId}/verifieren`)).status, 404);
      assert.equal((await admin.client.post(`/loket/zeeland/beheer/werkgevers/${employerId}/verifieren`)).status, 403, 'an administrator is not a coordinator');
      assert.equal((await member.client.post(`/loket/zeeland/beheer/werkgevers/${employerId}/verifieren`)).status, 403);
      assert.equal(await statusOf(t, employerId), 'pending');

      await coordinator.client.get(`/loket/zeeland/beheer/werkgevers/${employerId}`);
      const noReason = await coordinator.client.post(`/loket/zeeland/beheer/werkgevers/${employerId}/afwijzen`, { reason: '  ' });
      assert.equal(noReason.status, 422);
      assert.match(noReason.body, /id="veld-reason-fout"[^>]*>Schrijf waarom/);
      await assertValidHtml(noReason.body);
      const rejected = await coordinator.client.post(`/loket/zeeland/beheer/werkgevers/${employerId}/afwijzen`, { reason: 'We konden je nog niet bereiken.' });
      assert.equal(rejected.status, 303);
      assert.equal(await statusOf(t, employerId), 'rejected');
      assert.match(t.mail.lastTo(member.email).text, /We konden je nog niet bereiken./);
      assert.equal((await t.deps.db.kysely.selectFrom('audit_log').select('id').where('event', '=', 'desk.employer_rejected').execute()).length, 1);
      const own = await member.client.get(`${BASE}/${employerId}`);
      assert.match(own.body, /niet goedgekeurd/);
      assert.match(own.body, /We konden je nog niet bereiken./);
      assert.equal((await t.client().get(`${BASE}/${employerId}`)).status, 404);

      // Pledging again after a rejection: back to pending.
      const repledge = await member.client.get(`${BASE}/${employerId}/opnieuw-aanmelden`);
      assert.equal(repledge.status, 200);
      await assertValidHtml(repledge.body);
      assert.equal((await member.client.post(`${BASE}/${employerId}/opnieuw-aanmelden`, { pledge: 'ja' })).status, 303);
      assert.equal(await statusOf(t, employerId), 'pending');
    });

    test('a member of one employer cannot edit another; editing checks the version and keeps the typed text', async (ctx) => {
      const { t, coordinator, member } = await world(ctx, kind);
      const otherMember = await registeredPerson(t, { name: 'Piet Garage' });
      const a = await register(member);
      const b = await register(otherMember, { name: 'Garage Piet', contactEmail: 'piet@garage.example.org' });
      await verify(coordinator, a);
      await verify(coordinator, b);
      assert.equal((await member.client.get(`${BASE}/${b}/bewerken`)).status, 403);
      assert.equal((await member.client.post(`${BASE}/${b}/bewerken`, { ...EMPLOYER, version: '2' })).status, 403);
      assert.equal((await member.client.post(`${BASE}/${b}/intrekken`, { confirm: 'ja' })).status, 403);
      assert.equal((await member.client.get(`${BASE}/${b}/vacatures/nieuw`)).status, 403);
      assert.equal(await statusOf(t, b), 'verified');
      // Another region in the address: not this employer.
      assert.equal((await member.client.get(`/loket/west-brabant/werkgevers/${a}`)).status, 404);
      assert.equal((await member.client.get(`/loket/west-brabant/werkgevers/${a}/bewerken`)).status, 403);

      const edit = await member.client.get(`${BASE}/${a}/bewerken`);
      assert.equal(edit.status, 200);
      const version = /name="version" value="(\d+)"/.exec(edit.body)?.[1];
      assert.ok(version);
      await assertValidHtml(edit.body);
      const saved = await member.client.post(`${BASE}/${a}/bewerken`, { ...EMPLOYER, city: 'Middelburg', version });
      assert.equal(saved.status, 303);
      const stale = await member.client.post(`${BASE}/${a}/bewerken`, { ...EMPLOYER, city: 'Vlissingen', version });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /Iemand anders heeft deze gegevens net ook aangepast/);
      assert.match(stale.body, /value="Vlissingen"/);
      await assertValidHtml(stale.body);
      const row = await t.deps.db.kysely.selectFrom('desk_employers').select(['city', 'version']).where('id', '=', a).executeTakeFirstOrThrow();
      assert.deepEqual({ city: row.city, version: Number(row.version) }, { city: 'Middelburg', version: Number(version) + 1 });
      const invalid = await member.client.post(`${BASE}/${a}/bewerken`, { ...EMPLOYER, contactPhone: 'bel maar', version: String(row.version) });
      assert.equal(invalid.status, 422);
      assert.match(invalid.body, /id="veld-contactPhone-fout"/);
    });

    test('withdrawing: badge 404, verification page says so, vacancies hidden; pledging again', async (ctx) => {
      const { t, coordinator, member } = await world(ctx, kind);
      const employerId = await register(member);
      await verify(coordinator, employerId);
      const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await member.client.get(`${BASE}/${employerId}/vacatures/nieuw`);
      const created = await member.client.post(`${BASE}/${employerId}/vacatures/nieuw`, {
        title: 'Hulp in de bakkerij',
        whatYouDo: 'Je helpt met brood bakken.',
        hours: '16 uur per week',
        hoursPerWeek: '16',
        place: 'Goes',
        helpAvailable: 'Een vaste collega helpt je.',
        whatWeAsk: '',
        contact: 'Bel Fien.',
        contactEmail: '',
        contactPhone: '',
        expiresOn: inAMonth,
      });
      assert.equal(created.status, 303, created.body.slice(0, 2000));
      const vacancyPath = created.location ?? '';
      const anon = t.client();
      assert.equal((await anon.get(vacancyPath)).status, 200);
      assert.match((await anon.get('/loket/zeeland/vacatures')).body, /Hulp in de bakkerij/);

      const confirm = await member.client.get(`${BASE}/${employerId}/intrekken`);
      assert.equal(confirm.status, 200);
      assert.match(confirm.body, /Ja, trek de belofte in/);
      await assertValidHtml(confirm.body);
      assert.equal((await member.client.post(`${BASE}/${employerId}/intrekken`)).status, 422, 'only the confirmation form withdraws');
      assert.equal(await statusOf(t, employerId), 'verified');
      const withdrawn = await member.client.post(`${BASE}/${employerId}/intrekken`, { confirm: 'ja' });
      assert.equal(withdrawn.status, 303);
      assert.equal(await statusOf(t, employerId), 'withdrawn');
      const audit = await t.deps.db.kysely.selectFrom('audit_log').select(['actor_id', 'target']).where('event', '=', 'desk.employer_withdrawn').execute();
      assert.deepEqual(audit, [{ actor_id: member.id, target: `employer:${employerId}` }]);

      const badge = await anon.get(`${BASE}/${employerId}/badge.svg`);
      assert.equal(badge.status, 404);
      assert.match(String(badge.headers['content-type']), /^image\/svg\+xml/);
      assert.match(badge.body, /Niet \(meer\) geverifieerd/);
      assert.doesNotMatch(badge.body, /Çelik/);
      const check = await anon.get(`${BASE}/${employerId}/controle`);
      assert.equal(check.status, 404);
      assert.match(check.body, /Bakkerij Çelik &amp; Zonen staat niet meer in het register/);
      await assertValidHtml(check.body);
      assert.equal((await anon.get(`${BASE}/${employerId}`)).status, 404);
      assert.doesNotMatch((await anon.get(BASE)).body, /Bakkerij Çelik/);
      assert.equal((await anon.get(vacancyPath)).status, 404);
      assert.doesNotMatch((await anon.get('/loket/zeeland/vacatures')).body, /Hulp in de bakkerij/);
      const own = await member.client.get(`${BASE}/${employerId}`);
      assert.match(own.body, /Je hebt de belofte op .+ ingetrokken/);
      assert.match(own.body, /Opnieuw aanmelden/);
      await assertValidHtml(own.body);
      // A withdrawn employer's member no longer writes vacancies.
      const newVacancy = await member.client.get(`${BASE}/${employerId}/vacatures/nieuw`);
      assert.equal(newVacancy.status, 403);
      assert.match(newVacancy.body, /Eerst goedkeuring van het loket/);
      await assertValidHtml(newVacancy.body);

      const noPledge = await member.client.post(`${BASE}/${employerId}/opnieuw-aanmelden`, {});
      assert.equal(noPledge.status, 422);
      assert.match(noPledge.body, /Vink de belofte aan/);
      const back = await member.client.post(`${BASE}/${employerId}/opnieuw-aanmelden`, { pledge: 'ja' });
      assert.equal(back.status, 303);
      const row = await t.deps.db.kysely.selectFrom('desk_employers').select(['status', 'withdrawn_at', 'verified_at']).where('id', '=', employerId).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'pending', withdrawn_at: null, verified_at: null });
      assert.equal((await anon.get(`${BASE}/${employerId}/badge.svg`)).status, 404);
    });

    test('unknown regions and employers answer 404, never 500', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anon = t.client();
      assert.equal((await anon.get('/loket/atlantis/werkgevers')).status, 404);
      assert.equal((await anon.get(`${BASE}/bestaat-niet`)).status, 404);
      const badge = await anon.get('/loket/atlantis/werkgevers/bestaat-niet/badge.svg');
      assert.equal(badge.status, 404);
      assert.match(badge.body, /Niet \(meer\) geverifieerd/);
      const check = await anon.get(`${BASE}/bestaat-niet/controle`);
      assert.equal(check.status, 404);
      assert.match(check.body, /Deze werkgever staat niet \(meer\) in het register/);
      assert.equal((await anon.get('/loket/atlantis/werkgevers/bestaat-niet/controle')).status, 404);
    });
  });
}

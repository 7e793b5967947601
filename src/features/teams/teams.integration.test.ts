import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { testApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { registeredPerson, type Person } from '../../testing/scenario.js';
import type { Response } from '../../testing/test-client.js';

const DAY = 24 * 60 * 60 * 1000;
const PURPOSE = 'Samen zoeken we werk dat past bij ieders mogelijkheden.';

async function createTeam(person: Person, fields: Record<string, string> = {}): Promise<string> {
  const res = await person.client.post('/teams/nieuw', { name: 'Team Zeeland', regionSlug: 'zeeland', purpose: PURPOSE, ...fields });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  const id = /^\/teams\/([0-9a-f-]{36})$/.exec(res.location ?? '')?.[1];
  assert.ok(id, `unexpected location ${res.location}`);
  return id;
}

/** Sends an e-mail invitation and returns the path of the link in the mail. */
async function inviteByEmail(t: TestApp, facilitator: Person, teamId: string, email: string, role = 'member'): Promise<string> {
  await facilitator.client.get(`/teams/${teamId}`);
  const res = await facilitator.client.post(`/teams/${teamId}/uitnodigingen`, { email, role });
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  const link = t.mail.linkTo(email.toLowerCase());
  assert.match(link, /^\/teams\/uitnodiging\/[A-Za-z0-9_-]{32}$/);
  return link;
}

/** Creates a shareable link and returns its path (it is shown only in this response). */
async function createLink(facilitator: Person, teamId: string, linkRole = 'member'): Promise<string> {
  await facilitator.client.get(`/teams/${teamId}`);
  const res = await facilitator.client.post(`/teams/${teamId}/uitnodigingslink`, { linkRole });
  assert.equal(res.status, 200, res.body.slice(0, 1000));
  const found = /value="https?:\/\/[^/"]+(\/teams\/uitnodiging\/[A-Za-z0-9_-]{32})"/.exec(res.body)?.[1];
  assert.ok(found, 'no link on the page');
  assert.match(res.body, /De link werkt tot/);
  return found;
}

async function accept(person: Person, link: string): Promise<Response> {
  const page = await person.client.get(link);
  assert.equal(page.status, 200, page.body.slice(0, 1000));
  return person.client.post(link);
}

async function join(person: Person, link: string, teamId: string): Promise<void> {
  const res = await accept(person, link);
  assert.equal(res.status, 303, res.body.slice(0, 1000));
  assert.equal(res.location, `/teams/${teamId}`);
}

/** After moving the clock by days the session has ended; log in again as the person would. */
async function logInAgain(person: Person): Promise<void> {
  const res = await person.client.post('/account/inloggen', { email: person.email, password: TEST_PASSWORD });
  assert.equal(res.status, 303);
}

async function roleOf(t: TestApp, teamId: string, userId: string): Promise<string | undefined> {
  const row = await t.deps.db.kysely.selectFrom('team_members').select('role').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
  return row?.role;
}

function membersTable(body: string): string {
  return /<caption[^>]*>Leden van dit team<\/caption>([\s\S]*?)<\/table>/.exec(body)?.[1] ?? '';
}

// The same rules as the project's .htmlvalidate.json, which the browser tests apply to every page.
const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': ['error', { style: 'selfclose' }], 'no-trailing-whitespace': 'off', 'attribute-empty-style': 'off' },
});

async function assertValidHtml(body: string, what: string): Promise<void> {
  const report = await htmlValidate.validateString(body);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
  assert.deepEqual(messages, [], `${what} is not valid HTML`);
}

for (const kind of testDatabaseKinds()) {
  describe(`teams (${kind.name})`, () => {
    test('create a team: the creator becomes facilitator and sees it in the list', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anon = await t.client().get('/teams');
      assert.equal(anon.status, 303);
      assert.match(anon.location ?? '', /^\/account\/inloggen\?terug=%2Fteams/);

      const anna = await registeredPerson(t, { name: 'Anna de Vries' });
      const empty = await anna.client.get('/teams');
      assert.equal(empty.status, 200);
      assert.match(empty.body, /Je zit nog niet in een team/);
      assert.match(empty.body, /href="\/teams\/nieuw"/);
      const form = await anna.client.get('/teams/nieuw');
      assert.equal(form.status, 200);
      assert.equal((form.body.match(/<option value="[^"]+"/g) ?? []).length, 35, 'all 35 regions to choose from');

      const teamId = await createTeam(anna, { name: 'Werk in Zeeland', purpose: 'Eerste alinea.\n\nTweede alinea.' });
      assert.equal(await roleOf(t, teamId, anna.id), 'facilitator');
      const page = await anna.client.get(`/teams/${teamId}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<h1 class="utrecht-heading-1">Werk in Zeeland<\/h1>/);
      assert.match(page.body, /Regio: Zeeland/);
      assert.match(page.body, /<p class="utrecht-paragraph">Eerste alinea.<\/p><p class="utrecht-paragraph">Tweede alinea.<\/p>/);
      assert.match(page.body, /Het team is gemaakt/);
      assert.equal(page.headers['cache-control'], 'no-store');

      const noRegion = await createTeam(anna, { name: 'Zonder regio', regionSlug: '' });
      const list = await anna.client.get('/teams');
      assert.match(list.body, new RegExp(`href="/teams/${teamId}">Werk in Zeeland</a></th><td>Zeeland</td><td>Begeleider</td><td>1</td>`));
      assert.match(list.body, new RegExp(`href="/teams/${noRegion}">Zonder regio</a></th><td>Geen regio</td>`));

      const audit = await t.deps.db.kysely.selectFrom('audit_log').select(['actor_id', 'target']).where('event', '=', 'team.created').execute();
      assert.deepEqual(
        audit.map((a) => a.target).sort(),
        [teamId, noRegion].sort(),
      );
    });

    test('bad input comes back at the field with everything typed kept', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      await anna.client.get('/teams/nieuw');
      const cases: Array<[Record<string, string>, string, RegExp]> = [
        [{ name: '', regionSlug: 'zeeland', purpose: PURPOSE }, 'name', /Vul dit veld in/],
        [{ name: 'x'.repeat(10_000), regionSlug: 'zeeland', purpose: PURPOSE }, 'name', /hoogstens 120 tekens/],
        [{ name: 'Team', regionSlug: 'atlantis', purpose: PURPOSE }, 'regionSlug', /Kies een regio uit de lijst/],
        [{ name: 'Team', regionSlug: 'zeeland', purpose: '   ' }, 'purpose', /Vul dit veld in/],
        [{ name: 'Team', regionSlug: 'zeeland', purpose: 'p'.repeat(2001) }, 'purpose', /hoogstens 2000 tekens/],
      ];
      for (const [fields, field, message] of cases) {
        const res = await anna.client.post('/teams/nieuw', fields);
        assert.equal(res.status, 422, `${field}: ${res.status}`);
        assert.match(res.body, new RegExp(`id="veld-${field}-fout"[^>]*>`), field);
        assert.match(res.body, new RegExp(`href="#veld-${field}"`), `${field} in the error summary`);
        assert.match(res.body, message);
        if (fields.name === 'Team') assert.match(res.body, /id="veld-name" name="name" type="text" value="Team"/);
        if (fields.purpose === PURPOSE) assert.match(res.body, new RegExp(`>${PURPOSE}</textarea>`));
        if (fields.regionSlug === 'zeeland') assert.match(res.body, /<option value="zeeland" selected>/);
      }
      const long = await anna.client.post('/teams/nieuw', { name: 'x'.repeat(10_000), purpose: PURPOSE });
      assert.ok(long.body.includes(`value="${'x'.repeat(10_000)}"`), 'the long name is kept so it can be shortened');
      const teams = await t.deps.db.kysely.selectFrom('teams').select('id').execute();
      assert.equal(teams.length, 0);
    });

    test('the team page shows the members with profile type, profession and role', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { name: 'Anna Jobcoach', profileType: 'professional', professionSlug: 'jobcoach' });
      const bo = await registeredPerson(t, { name: 'Bo Bakker', profileType: 'ervaringsdeskundige', professionSlug: '' });
      const teamId = await createTeam(anna);
      await join(bo, await inviteByEmail(t, anna, teamId, bo.email), teamId);

      const page = await bo.client.get(`/teams/${teamId}`);
      assert.equal(page.status, 200);
      const table = membersTable(page.body);
      assert.match(table, /<th scope="col">Naam<\/th>/);
      assert.match(table, /<th scope="row">Anna Jobcoach<\/th><td>Professional<\/td><td>Jobcoach<\/td><td>Begeleider<\/td>/);
      assert.match(table, /<th scope="row">Bo Bakker \(jij\)<\/th><td>Ervaringsdeskundige of mens met een psychische kwetsbaarheid<\/td><td>–<\/td><td>Lid<\/td>/);
      // A member sees no management forms, only the way out.
      assert.doesNotMatch(page.body, /\/uitnodigingen"|\/uitnodigingslink"|\/rol"|\/verwijderen"/);
      assert.match(page.body, new RegExp(`action="/teams/${teamId}/verlaten"`));
      assert.match(page.body, /Vraag het aan een begeleider/);

      const facilitatorView = await anna.client.get(`/teams/${teamId}`);
      assert.match(facilitatorView.body, new RegExp(`action="/teams/${teamId}/leden/${bo.id}/verwijderen"`));
      assert.match(facilitatorView.body, /aria-label="Uit team halen: Bo Bakker"/);
      assert.match(facilitatorView.body, /aria-label="Maak begeleider: Bo Bakker"/);
      assert.match(facilitatorView.body, /aria-label="Maak lid: Anna Jobcoach"/);
      assert.doesNotMatch(facilitatorView.body, /aria-label="Uit team halen: Anna Jobcoach"/, 'no remove button for yourself: leaving is the way');
      assert.match(facilitatorView.body, /<legend class="utrecht-form-fieldset__legend">Als wat doet deze persoon mee\?<\/legend>/);

      const english = await bo.client.post('/taal', { taal: 'en', terug: `/teams/${teamId}` });
      assert.equal(english.status, 303);
      const en = await bo.client.get(`/teams/${teamId}`);
      assert.match(en.body, /<td>Professional<\/td><td>Jobcoach<\/td><td>Facilitator<\/td>/);
      assert.match(en.body, /Leave this team/);
    });

    test('invite by e-mail: the second person accepts and both are listed; the link works once', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { name: 'Anna' });
      const bo = await registeredPerson(t, { name: 'Bo', email: 'bo@example.org' });
      const cas = await registeredPerson(t, { name: 'Cas' });
      const teamId = await createTeam(anna, { name: 'Team Oost' });
      const link = await inviteByEmail(t, anna, teamId, 'Bo@Example.org');
      const mail = t.mail.lastTo('bo@example.org');
      assert.match(mail.subject, /Team Oost/);
      assert.match(mail.text, /Anna nodigt je uit om als lid mee te doen/);
      assert.match(mail.text, /14 dagen geldig/);
      assert.match(mail.text, new RegExp(`${t.deps.config.baseUrl}/teams/uitnodiging/`));

      const token = link.split('/').pop()!;
      const stored = await t.deps.db.kysely.selectFrom('team_invitations').selectAll().executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token, 'only the hash of the token is stored');
      assert.equal(stored.email, 'bo@example.org');
      const expiresIn = Date.parse(stored.expires_at) - Date.parse(stored.created_at);
      assert.equal(expiresIn, 14 * DAY);

      const invitations = await anna.client.get(`/teams/${teamId}`);
      assert.match(invitations.body, /<th scope="row">bo@example.org<\/th><td>Lid<\/td>/);
      assert.match(invitations.body, /aria-label="Intrekken: uitnodiging aan bo@example.org"/);

      // Anonymous visitors see what the invitation is for and are asked to log in first, with a way back.
      const anon = await t.client().get(link);
      assert.equal(anon.status, 200);
      assert.match(anon.body, /Team Oost/);
      assert.match(anon.body, new RegExp(`href="/account/inloggen\\?terug=${encodeURIComponent(link)}"`));
      assert.doesNotMatch(anon.body, new RegExp(`action="${link}"`));
      const anonPost = await t.client().post(link);
      assert.equal(anonPost.status, 403);

      // Opening the link changes nothing; pressing the button does.
      const preview = await bo.client.get(link);
      assert.match(preview.body, new RegExp(`action="${link}"`));
      assert.equal(await roleOf(t, teamId, bo.id), undefined);
      const accepted = await bo.client.post(link);
      assert.equal(accepted.status, 303);
      assert.equal(accepted.location, `/teams/${teamId}`);
      const welcome = await bo.client.get(`/teams/${teamId}`);
      assert.match(welcome.body, /Welkom in het team!/);
      const table = membersTable(welcome.body);
      assert.match(table, />Anna<\/th>/);
      assert.match(table, />Bo \(jij\)<\/th>/);
      assert.equal(await roleOf(t, teamId, bo.id), 'member');

      const used = await t.deps.db.kysely.selectFrom('team_invitations').selectAll().executeTakeFirstOrThrow();
      assert.equal(used.accepted_by, bo.id);
      assert.ok(used.accepted_at);
      const afterAccept = await anna.client.get(`/teams/${teamId}`);
      assert.match(afterAccept.body, /Er zijn geen open uitnodigingen/);

      // Opening or pressing again as a member just leads to the team; someone else cannot reuse the link.
      const reopened = await bo.client.get(link);
      assert.equal(reopened.status, 200);
      assert.match(reopened.body, /Je zit al in dit team/);
      assert.match(reopened.body, new RegExp(`href="/teams/${teamId}"`));
      assert.equal((await bo.client.post(link)).location, `/teams/${teamId}`);
      const reuse = await cas.client.get(link);
      assert.equal(reuse.status, 400);
      assert.match(reuse.body, /werkt niet \(meer\)/);
      const reusePost = await cas.client.post(link);
      assert.equal(reusePost.status, 400);
      assert.equal(await roleOf(t, teamId, cas.id), undefined);

      const events = await t.deps.db.kysely.selectFrom('audit_log').select(['event', 'actor_id']).where('event', 'like', 'team.invitation%').execute();
      assert.deepEqual(events.map((e) => e.event).sort(), ['team.invitation_accepted', 'team.invitation_created']);
    });

    test("e-mail invitation: bad address at the field, a member's own address, a new invitation replaces the old one, expiry after 14 days", async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { email: 'anna@example.org' });
      const bo = await registeredPerson(t);
      const teamId = await createTeam(anna);
      await anna.client.get(`/teams/${teamId}`);
      const bad = await anna.client.post(`/teams/${teamId}/uitnodigingen`, { email: 'geen-adres', role: 'facilitator' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="veld-email-fout"[^>]*>Vul een geldig e-mailadres in/);
      assert.match(bad.body, /href="#veld-email"/);
      assert.match(bad.body, /value="geen-adres"/);
      assert.match(bad.body, /id="veld-role-facilitator" name="role" value="facilitator" checked/);
      const noRole = await anna.client.post(`/teams/${teamId}/uitnodigingen`, { email: 'x@example.org', role: 'baas' });
      assert.equal(noRole.status, 422);
      assert.match(noRole.body, /id="veld-role-fout"/);
      assert.equal(t.mail.sent.filter((m) => m.subject.includes('Uitnodiging')).length, 0);
      // Whether an address belongs to a member is not revealed; the member who accepts is led to the team.
      const ownLink = await inviteByEmail(t, anna, teamId, 'ANNA@example.org');
      assert.equal((await anna.client.post(ownLink)).location, `/teams/${teamId}`);

      const first = await inviteByEmail(t, anna, teamId, bo.email);
      const second = await inviteByEmail(t, anna, teamId, bo.email, 'facilitator');
      assert.notEqual(first, second);
      assert.equal((await bo.client.get(first)).status, 400, 'the older invitation to the same address stops working');
      t.advance(15 * DAY);
      await logInAgain(bo);
      const late = await bo.client.get(second);
      assert.equal(late.status, 400);
      assert.match(late.body, /verlopen/);
      assert.equal((await bo.client.post(second)).status, 400);
      assert.equal(await roleOf(t, teamId, bo.id), undefined);
    });

    test('a shareable link is shown once, accepted by two people, with the role it was made for', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const bo = await registeredPerson(t);
      const cas = await registeredPerson(t);
      const teamId = await createTeam(anna);
      const link = await createLink(anna, teamId, 'facilitator');
      const stored = await t.deps.db.kysely.selectFrom('team_invitations').selectAll().executeTakeFirstOrThrow();
      assert.equal(stored.email, null);
      assert.equal(Date.parse(stored.expires_at) - Date.parse(stored.created_at), 7 * DAY);
      const teamPage = await anna.client.get(`/teams/${teamId}`);
      assert.doesNotMatch(teamPage.body, new RegExp(link), 'the link itself is not shown again');
      assert.match(teamPage.body, /<th scope="row">Iedereen met de link<\/th><td>Begeleider<\/td>/);

      await join(bo, link, teamId);
      await join(cas, link, teamId);
      assert.equal(await roleOf(t, teamId, bo.id), 'facilitator');
      assert.equal(await roleOf(t, teamId, cas.id), 'facilitator');
      const list = await anna.client.get('/teams');
      assert.match(list.body, /<td>Begeleider<\/td><td>3<\/td>/);
      const again = await anna.client.get(`/teams/${teamId}`);
      assert.match(again.body, /<th scope="row">Iedereen met de link/, 'the link stays open for others');

      const bad = await anna.client.post(`/teams/${teamId}/uitnodigingslink`, { linkRole: 'eigenaar' });
      assert.equal(bad.status, 422);
      assert.match(bad.body, /id="veld-linkRole-fout"/);
    });

    test('an expired or revoked link is refused with a clear message', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const bo = await registeredPerson(t);
      const teamId = await createTeam(anna);

      const expiring = await createLink(anna, teamId);
      t.advance(6 * DAY);
      assert.equal((await bo.client.get(expiring)).status, 200, 'still valid on day 6');
      t.advance(DAY + 60_000);
      await logInAgain(bo);
      await logInAgain(anna);
      const expired = await bo.client.get(expiring);
      assert.equal(expired.status, 400);
      assert.match(expired.body, /Deze uitnodiging is verlopen/);
      const expiredPost = await bo.client.post(expiring);
      assert.equal(expiredPost.status, 400);
      assert.match(expiredPost.body, /verlopen/);
      assert.doesNotMatch((await anna.client.get(`/teams/${teamId}`)).body, /<th scope="row">Iedereen met de link/, 'expired links leave the list');

      const revoked = await createLink(anna, teamId);
      const page = await anna.client.get(`/teams/${teamId}`);
      const invitationId = new RegExp(`/teams/${teamId}/uitnodigingen/([0-9a-f-]{36})/intrekken`).exec(page.body)?.[1];
      assert.ok(invitationId);
      assert.match(page.body, /aria-label="Intrekken: link die geldig is tot [^"]+"/);
      const revoke = await anna.client.post(`/teams/${teamId}/uitnodigingen/${invitationId}/intrekken`);
      assert.equal(revoke.status, 303);
      const afterRevoke = await anna.client.get(`/teams/${teamId}`);
      assert.match(afterRevoke.body, /De uitnodiging is ingetrokken/);
      assert.match(afterRevoke.body, /Er zijn geen open uitnodigingen/);
      const refused = await bo.client.get(revoked);
      assert.equal(refused.status, 400);
      assert.match(refused.body, /werkt niet \(meer\)/);
      assert.equal((await bo.client.post(revoked)).status, 400);
      assert.equal(await roleOf(t, teamId, bo.id), undefined);

      const unknown = await anna.client.post(`/teams/${teamId}/uitnodigingen/00000000-0000-0000-0000-000000000000/intrekken`);
      assert.equal(unknown.status, 404);
      const otherTeam = await createTeam(bo);
      const foreign = await bo.client.post(`/teams/${otherTeam}/uitnodigingen/${invitationId}/intrekken`);
      assert.equal(foreign.status, 404, "another team's invitation cannot be reached through your own team");
      for (const token of ['kort', 'x'.repeat(99), 'A'.repeat(32), 'ongeldig%20teken%3Cscript%3E-123']) {
        const res = await bo.client.get(`/teams/uitnodiging/${token}`);
        assert.equal(res.status, 400, token);
      }
    });

    test('non-members get 403 on the team page and every team action; members get 403 on facilitator actions', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const bo = await registeredPerson(t);
      const outsider = await registeredPerson(t);
      const teamId = await createTeam(anna);
      await join(bo, await inviteByEmail(t, anna, teamId, bo.email), teamId);
      await createLink(anna, teamId);
      const page = await anna.client.get(`/teams/${teamId}`);
      const invitationId = /\/uitnodigingen\/([0-9a-f-]{36})\/intrekken/.exec(page.body)?.[1] ?? '';
      assert.ok(invitationId);

      const facilitatorActions: Array<[string, Record<string, string>]> = [
        [`/teams/${teamId}/leden/${bo.id}/verwijderen`, {}],
        [`/teams/${teamId}/leden/${anna.id}/verwijderen`, {}],
        [`/teams/${teamId}/leden/${bo.id}/rol`, { role: 'facilitator' }],
        [`/teams/${teamId}/leden/${anna.id}/rol`, { role: 'member' }],
        [`/teams/${teamId}/uitnodigingen`, { email: 'nieuw@example.org', role: 'member' }],
        [`/teams/${teamId}/uitnodigingslink`, { linkRole: 'facilitator' }],
        [`/teams/${teamId}/uitnodigingen/${invitationId}/intrekken`, {}],
      ];

      await outsider.client.get('/teams');
      assert.equal((await outsider.client.get(`/teams/${teamId}`)).status, 403);
      assert.equal((await outsider.client.get('/teams/00000000-0000-0000-0000-000000000000')).status, 403);
      for (const [url, fields] of [...facilitatorActions, [`/teams/${teamId}/verlaten`, {}] as [string, Record<string, string>]]) {
        const res = await outsider.client.post(url, fields);
        assert.equal(res.status, 403, `outsider: ${url}`);
      }
      await bo.client.get(`/teams/${teamId}`);
      for (const [url, fields] of facilitatorActions) {
        const res = await bo.client.post(url, fields);
        assert.equal(res.status, 403, `member: ${url}`);
      }

      // Nothing changed.
      assert.equal(await roleOf(t, teamId, anna.id), 'facilitator');
      assert.equal(await roleOf(t, teamId, bo.id), 'member');
      assert.equal(await roleOf(t, teamId, outsider.id), undefined);
      assert.equal(t.mail.sent.filter((m) => m.to === 'nieuw@example.org').length, 0);
      const open = await t.deps.db.kysely.selectFrom('team_invitations').select('id').where('revoked_at', 'is', null).where('email', 'is', null).execute();
      assert.equal(open.length, 1);
      const denied = await t.deps.db.kysely.selectFrom('audit_log').select('id').where('event', '=', 'access.denied').execute();
      assert.ok(denied.length >= facilitatorActions.length * 2);

      // A facilitator acting on someone who is not in the team gets a 404.
      await anna.client.get(`/teams/${teamId}`);
      assert.equal((await anna.client.post(`/teams/${teamId}/leden/${outsider.id}/verwijderen`)).status, 404);
      assert.equal((await anna.client.post(`/teams/${teamId}/leden/${outsider.id}/rol`, { role: 'facilitator' })).status, 404);
      assert.equal((await anna.client.post(`/teams/${teamId}/leden/onbekend/rol`, { role: 'member' })).status, 404);
    });

    test('the last facilitator cannot leave or step down; with a second facilitator it is possible', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t, { name: 'Anna' });
      const bo = await registeredPerson(t, { name: 'Bo' });
      const teamId = await createTeam(anna);
      await anna.client.get(`/teams/${teamId}`);

      const leave = await anna.client.post(`/teams/${teamId}/verlaten`);
      assert.equal(leave.status, 422);
      assert.match(leave.body, /Je bent de enige begeleider van dit team/);
      assert.match(leave.body, /role="alert"/);
      const stepDown = await anna.client.post(`/teams/${teamId}/leden/${anna.id}/rol`, { role: 'member' });
      assert.equal(stepDown.status, 422);
      assert.match(stepDown.body, /Een team heeft altijd minstens één begeleider/);
      const removeSelf = await anna.client.post(`/teams/${teamId}/leden/${anna.id}/verwijderen`);
      assert.equal(removeSelf.status, 422);
      assert.equal(await roleOf(t, teamId, anna.id), 'facilitator');

      await join(bo, await inviteByEmail(t, anna, teamId, bo.email), teamId);
      const stillAlone = await anna.client.post(`/teams/${teamId}/verlaten`);
      assert.equal(stillAlone.status, 422, 'a plain member does not count as facilitator');

      const promote = await anna.client.post(`/teams/${teamId}/leden/${bo.id}/rol`, { role: 'facilitator' });
      assert.equal(promote.status, 303);
      assert.equal(await roleOf(t, teamId, bo.id), 'facilitator');
      const down = await anna.client.post(`/teams/${teamId}/leden/${anna.id}/rol`, { role: 'member' });
      assert.equal(down.status, 303);
      assert.equal(await roleOf(t, teamId, anna.id), 'member');
      const noLonger = await anna.client.post(`/teams/${teamId}/leden/${bo.id}/rol`, { role: 'member' });
      assert.equal(noLonger.status, 403, 'a member who stepped down has no facilitator rights left');

      const boDown = await bo.client.post(`/teams/${teamId}/leden/${bo.id}/rol`, { role: 'member' });
      assert.equal(boDown.status, 422);
      const annaLeaves = await anna.client.post(`/teams/${teamId}/verlaten`);
      assert.equal(annaLeaves.status, 303);
      assert.equal(annaLeaves.location, '/teams');
      assert.match((await anna.client.get('/teams')).body, /Je hebt het team verlaten/);
      assert.equal((await anna.client.get(`/teams/${teamId}`)).status, 403);

      const events = await t.deps.db.kysely.selectFrom('audit_log').select('event').where('event', 'in', ['team.role_changed', 'team.member_left']).execute();
      assert.deepEqual(events.map((e) => e.event).sort(), ['team.member_left', 'team.role_changed', 'team.role_changed']);
    });

    test('at the same moment: two facilitators stepping each other down, two people using one e-mail invitation', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const bo = await registeredPerson(t);
      const cas = await registeredPerson(t);
      const dirk = await registeredPerson(t);
      const teamId = await createTeam(anna);
      await join(bo, await createLink(anna, teamId, 'facilitator'), teamId);
      await bo.client.get(`/teams/${teamId}`);
      const results = await Promise.all([
        anna.client.post(`/teams/${teamId}/leden/${bo.id}/rol`, { role: 'member' }),
        bo.client.post(`/teams/${teamId}/leden/${anna.id}/rol`, { role: 'member' }),
      ]);
      // One wins; the other is refused, by the permission check (403) or by the rule itself (422), depending on timing.
      const statuses = results.map((r) => r.status).sort();
      assert.equal(statuses[0], 303);
      assert.ok(statuses[1] === 403 || statuses[1] === 422, String(statuses[1]));
      const roles = [await roleOf(t, teamId, anna.id), await roleOf(t, teamId, bo.id)].sort();
      assert.deepEqual(roles, ['facilitator', 'member']);

      const facilitator = (await roleOf(t, teamId, anna.id)) === 'facilitator' ? anna : bo;
      const link = await inviteByEmail(t, facilitator, teamId, 'gedeeld@example.org');
      await cas.client.get(link);
      await dirk.client.get(link);
      const accepted = await Promise.all([cas.client.post(link), dirk.client.post(link)]);
      assert.deepEqual(accepted.map((r) => r.status).sort(), [303, 400]);
      const joined = [await roleOf(t, teamId, cas.id), await roleOf(t, teamId, dirk.id)].filter(Boolean);
      assert.deepEqual(joined, ['member']);
    });

    test('removing a member ends their access at once', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const bo = await registeredPerson(t, { name: 'Bo' });
      const teamId = await createTeam(anna);
      const link = await createLink(anna, teamId, 'facilitator');
      await join(bo, link, teamId);
      assert.equal((await bo.client.get(`/teams/${teamId}`)).status, 200);

      const removed = await anna.client.post(`/teams/${teamId}/leden/${bo.id}/verwijderen`);
      assert.equal(removed.status, 303);
      assert.equal(removed.location, `/teams/${teamId}`);
      const after = await anna.client.get(`/teams/${teamId}`);
      assert.match(after.body, /De persoon zit niet meer in het team/);
      assert.doesNotMatch(membersTable(after.body), />Bo</);

      assert.equal((await bo.client.get(`/teams/${teamId}`)).status, 403);
      assert.equal((await bo.client.post(`/teams/${teamId}/uitnodigingslink`, { linkRole: 'member' })).status, 403);
      assert.doesNotMatch((await bo.client.get('/teams')).body, new RegExp(teamId));
      const event = await t.deps.db.kysely.selectFrom('audit_log').select(['actor_id', 'target', 'detail']).where('event', '=', 'team.member_removed').executeTakeFirstOrThrow();
      assert.equal(event.actor_id, anna.id);
      assert.equal(event.target, teamId);
      assert.match(event.detail ?? '', new RegExp(bo.id));
    });

    test('HTML in a team name or purpose is shown as text, never as markup', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const bo = await registeredPerson(t);
      const name = '<script>alert(1)</script><b>Team</b>';
      const teamId = await createTeam(anna, { name, purpose: '<img src=x onerror=alert(1)>' });
      const link = await createLink(anna, teamId);
      const pages = [
        await anna.client.get(`/teams/${teamId}`),
        await anna.client.get('/teams'),
        await bo.client.get(link),
        await t.client().get(link),
      ];
      for (const page of pages) {
        assert.equal(page.status, 200);
        assert.doesNotMatch(page.body, /<script>alert|<b>Team|<img src=x/);
        assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>&lt;b>Team&lt;\/b>/);
      }
      assert.match(pages[0]!.body, /&lt;img src=x onerror=alert\(1\)>/);
    });

    test('the team pages are valid HTML', async (ctx) => {
      const t = await testApp(ctx, kind);
      const anna = await registeredPerson(t);
      const bo = await registeredPerson(t);
      await assertValidHtml((await anna.client.get('/teams')).body, 'empty team list');
      await assertValidHtml((await anna.client.get('/teams/nieuw')).body, 'new team form');
      await assertValidHtml((await anna.client.post('/teams/nieuw', { name: '', purpose: '' })).body, 'new team form with errors');
      const teamId = await createTeam(anna, { purpose: 'Regel een\nregel twee\n\nAlinea twee' });
      await inviteByEmail(t, anna, teamId, 'iemand@example.org');
      await anna.client.get(`/teams/${teamId}`);
      await assertValidHtml((await anna.client.post(`/teams/${teamId}/uitnodigingslink`, { linkRole: 'member' })).body, 'link page');
      const link = await createLink(anna, teamId);
      await assertValidHtml((await t.client().get(link)).body, 'invitation for an anonymous visitor');
      await assertValidHtml((await bo.client.get(link)).body, 'invitation for a logged-in person');
      await join(bo, link, teamId);
      await assertValidHtml((await bo.client.get(link)).body, 'invitation for a member');
      await assertValidHtml((await anna.client.get(`/teams/${teamId}`)).body, 'team page for a facilitator');
      await assertValidHtml((await bo.client.get(`/teams/${teamId}`)).body, 'team page for a member');
      await assertValidHtml((await anna.client.get('/teams')).body, 'team list');
      await assertValidHtml((await anna.client.post(`/teams/${teamId}/uitnodigingen`, { email: 'x', role: '' })).body, 'team page with errors');
      await assertValidHtml((await bo.client.get('/teams/uitnodiging/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).body, 'invalid invitation');
    });
  });
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { totpCode, totpStep } from '../../platform/auth/totp.js';
import { testApp, TEST_PASSWORD } from '../../testing/test-app.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { enableTwoFactor, firstAdministrator, registeredPerson } from '../../testing/scenario.js';

for (const kind of testDatabaseKinds()) {
  describe(`accounts (${kind.name})`, () => {
    test('register, verify by e-mail link, log in, see own account, log out', async (ctx) => {
      const t = await testApp(ctx, kind);
      const person = await registeredPerson(t, { name: 'Anna de Vries', email: 'anna@example.org' });
      const account = await person.client.get('/account');
      assert.equal(account.status, 200);
      assert.match(account.body, /Anna de Vries/);
      assert.equal(account.headers['cache-control'], 'no-store');
      const out = await person.client.post('/account/uitloggen');
      assert.equal(out.status, 303);
      const after = await person.client.get('/account');
      assert.equal(after.status, 303);
      assert.match(after.location ?? '', /^\/account\/inloggen\?terug=%2Faccount/);
    });

    test('login before verification is refused and sends a new link', async (ctx) => {
      const t = await testApp(ctx, kind);
      const c = t.client();
      await c.post('/account/registreren', { name: 'Bo', email: 'bo@example.org', password: TEST_PASSWORD, profileType: 'naaste' });
      const sentBefore = t.mail.sent.length;
      const res = await c.post('/account/inloggen', { email: 'bo@example.org', password: TEST_PASSWORD });
      assert.equal(res.status, 422);
      assert.match(res.body, /nog niet bevestigd/);
      assert.equal(t.mail.sent.length, sentBefore + 1);
    });

    test('bad registration input comes back at the field with everything typed kept', async (ctx) => {
      const t = await testApp(ctx, kind);
      const c = t.client();
      const cases: Array<[Record<string, string>, string, RegExp]> = [
        [{ name: '', email: 'a@example.org', password: TEST_PASSWORD, profileType: 'anders' }, 'name', /Vul dit veld in/],
        [{ name: 'x'.repeat(10_000), email: 'a@example.org', password: TEST_PASSWORD, profileType: 'anders' }, 'name', /hoogstens 100 tekens/],
        [{ name: '<script>alert(1)</script>', email: 'a@example.org', password: TEST_PASSWORD, profileType: 'anders' }, 'name', /geen &lt; of > bevatten/],
        [{ name: 'Ali', email: 'geen-adres', password: TEST_PASSWORD, profileType: 'anders' }, 'email', /geldig e-mailadres/],
        [{ name: 'Ali', email: 'a@example.org', password: 'kort', profileType: 'anders' }, 'password', /minstens 10 tekens/],
        [{ name: 'Ali', email: 'a@example.org', password: 'wachtwoord123', profileType: 'anders' }, 'password', /heel vaak gebruikt/],
        [{ name: 'Ali', email: 'a@example.org', password: TEST_PASSWORD, profileType: 'professional' }, 'professionSlug', /Kies je beroep/],
      ];
      for (const [fields, field, message] of cases) {
        const res = await c.post('/account/registreren', fields);
        assert.equal(res.status, 422, `${field}: ${res.status}`);
        assert.match(res.body, new RegExp(`id="veld-${field}-fout"[^>]*>[^<]*`));
        assert.match(res.body, message);
        assert.doesNotMatch(res.body, /<script>alert/);
        if (fields.email === 'a@example.org') assert.match(res.body, /value="a@example.org"/);
        assert.doesNotMatch(res.body, new RegExp(`value="${TEST_PASSWORD}"`));
      }
      await registeredPerson(t, { email: 'dubbel@example.org' });
      const dup = await c.post('/account/registreren', { name: 'Ali', email: 'Dubbel@Example.org', password: TEST_PASSWORD, profileType: 'anders' });
      assert.equal(dup.status, 422);
      assert.match(dup.body, /id="veld-email-fout"/);
      const count = await t.deps.db.kysely.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    test('wrong password and unknown address get the same answer; repeated failures slow the account down', async (ctx) => {
      const t = await testApp(ctx, kind);
      await registeredPerson(t, { email: 'cas@example.org' });
      const c = t.client();
      const unknown = await c.post('/account/inloggen', { email: 'niemand@example.org', password: 'wat dan ook 123' });
      const wrong = await c.post('/account/inloggen', { email: 'cas@example.org', password: 'verkeerd wachtwoord' });
      assert.equal(unknown.status, 422);
      assert.equal(wrong.status, 422);
      const message = (body: string) => /class="utrecht-alert__content">([^<]+)</.exec(body)?.[1];
      assert.equal(message(unknown.body), message(wrong.body));
      for (let i = 0; i < 5; i++) await c.post('/account/inloggen', { email: 'cas@example.org', password: 'verkeerd wachtwoord' });
      const locked = await c.post('/account/inloggen', { email: 'cas@example.org', password: TEST_PASSWORD });
      assert.match(locked.body, /te vaak een verkeerd wachtwoord/);
      t.advance(31_000);
      const again = await c.post('/account/inloggen', { email: 'cas@example.org', password: TEST_PASSWORD });
      assert.equal(again.status, 303);
    });

    test('session cookie is rotated at login and is an opaque HttpOnly cookie', async (ctx) => {
      const t = await testApp(ctx, kind);
      const person = await registeredPerson(t);
      const before = person.client.cookie('mmm-sessie');
      assert.ok(before && before.length >= 22);
      await person.client.post('/account/inloggen', { email: person.email, password: TEST_PASSWORD });
      const after = person.client.cookie('mmm-sessie');
      assert.notEqual(after, before);
      const res = await t.client().post('/account/inloggen', { email: person.email, password: TEST_PASSWORD });
      const setCookie = String(res.headers['set-cookie']);
      assert.match(setCookie, /mmm-sessie=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    });

    test('password reset: single-use link with expiry, ends sessions, never bypasses two-factor', async (ctx) => {
      const t = await testApp(ctx, kind);
      const person = await registeredPerson(t, { email: 'dirk@example.org' });
      const secret = await enableTwoFactor(t, person);
      const anon = t.client();
      const requested = await anon.post('/account/wachtwoord-vergeten', { email: 'dirk@example.org' });
      assert.equal(requested.status, 303);
      const unknown = await anon.post('/account/wachtwoord-vergeten', { email: 'onbekend@example.org' });
      assert.equal(unknown.location, requested.location);
      const link = t.mail.linkTo('dirk@example.org');
      const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
      assert.equal((await anon.get(link)).status, 200);
      const reset = await anon.post('/account/wachtwoord-herstellen', { token, password: 'een heel nieuw wachtwoord' });
      assert.equal(reset.status, 303);
      const reuse = await anon.post('/account/wachtwoord-herstellen', { token, password: 'nog een ander wachtwoord' });
      assert.equal(reuse.status, 400);
      assert.match(reuse.body, /werkt niet \(meer\)/);
      assert.equal((await person.client.get('/account')).status, 303, 'old session ended');
      const login = await anon.post('/account/inloggen', { email: 'dirk@example.org', password: 'een heel nieuw wachtwoord' });
      assert.match(login.location ?? '', /^\/account\/inloggen\/code/);
      assert.equal((await anon.get('/account')).status, 303, 'no access before the second factor');
      const wrongCode = await anon.post('/account/inloggen/code', { code: '000000' });
      assert.equal(wrongCode.status, 422);
      const code = await anon.post('/account/inloggen/code', { code: totpCode(secret, totpStep(t.deps.clock()) + 1) });
      assert.equal(code.status, 303);
      assert.equal((await anon.get('/account')).status, 200);

      await anon.post('/account/wachtwoord-vergeten', { email: 'dirk@example.org' });
      const late = new URL(t.mail.linkTo('dirk@example.org'), 'http://x').searchParams.get('token') ?? '';
      t.advance(61 * 60 * 1000);
      const expired = await t.client().post('/account/wachtwoord-herstellen', { token: late, password: 'weer een nieuw wachtwoord' });
      assert.equal(expired.status, 400);
      assert.match(expired.body, /verlopen/);
    });

    test('first administrator: only with the setup token, only once, and two-factor is required', async (ctx) => {
      const t = await testApp(ctx, kind);
      const wrong = await t.client().post('/installatie', { token: 'fout', name: 'X', email: 'x@example.org', password: TEST_PASSWORD });
      assert.equal(wrong.status, 422);
      const c = t.client();
      await c.post('/installatie', { token: 'setup-token-for-tests-only', name: 'Beheer', email: 'b@example.org', password: TEST_PASSWORD });
      const forced = await c.get('/account');
      assert.equal(forced.status, 303);
      assert.equal(forced.location, '/account/tweestapsverificatie?verplicht=1');
      await enableTwoFactor(t, { client: c });
      assert.equal((await c.get('/account')).status, 200);
      assert.equal((await t.client().get('/installatie')).status, 404);
      const again = await t.client().post('/installatie', { token: 'setup-token-for-tests-only', name: 'Y', email: 'y@example.org', password: TEST_PASSWORD });
      assert.equal(again.status, 404);
    });

    test('deleting your own account: password and tick needed, never leaves a team without facilitator', async (ctx) => {
      const t = await testApp(ctx, kind);
      const fien = await registeredPerson(t, { email: 'fien@example.org' });
      const mo = await registeredPerson(t, { email: 'mo@example.org' });
      const created = await fien.client.post('/teams/nieuw', { name: 'Samen', regionSlug: '', purpose: 'Werk vinden' });
      const teamId = /\/teams\/([^/?]+)/.exec(created.location ?? '')?.[1] ?? '';
      const link = await fien.client.post(`/teams/${teamId}/uitnodigingslink`, { linkRole: 'member' });
      const token = /\/teams\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(link.body)?.[1] ?? '';
      await mo.client.post(`/teams/uitnodiging/${token}`);

      const noTick = await fien.client.post('/account/verwijderen', { currentPassword: TEST_PASSWORD });
      assert.equal(noTick.status, 422);
      assert.match(noTick.body, /id="veld-confirm-fout"/);
      const wrong = await fien.client.post('/account/verwijderen', { currentPassword: 'fout wachtwoord', confirm: 'ja' });
      assert.equal(wrong.status, 422);
      assert.match(wrong.body, /Dit wachtwoord klopt niet/);
      const sole = await fien.client.post('/account/verwijderen', { currentPassword: TEST_PASSWORD, confirm: 'ja' });
      assert.equal(sole.status, 422);
      assert.match(sole.body, /enige begeleider/);

      // Mo is in the team as a member only; his account can go, and the team keeps its facilitator.
      const gone = await mo.client.post('/account/verwijderen', { currentPassword: TEST_PASSWORD, confirm: 'ja' });
      assert.equal(gone.status, 303);
      assert.equal((await mo.client.get('/account')).status, 303);
      const login = await t.client().post('/account/inloggen', { email: 'mo@example.org', password: TEST_PASSWORD });
      assert.equal(login.status, 422);
      // Now Fien is the only member: her account and the team go together.
      assert.equal((await fien.client.post('/account/verwijderen', { currentPassword: TEST_PASSWORD, confirm: 'ja' })).status, 303);
      const teams = await t.deps.db.kysely.selectFrom('teams').select('id').execute();
      assert.equal(teams.length, 0);
      const audit = await t.deps.db.kysely.selectFrom('audit_log').select('event').where('event', '=', 'account.deleted').execute();
      assert.equal(audit.length, 2);
    });

    test('recovery codes work once each', async (ctx) => {
      const t = await testApp(ctx, kind);
      const admin = await firstAdministrator(t);
      await admin.client.post('/account/uitloggen');
      const codesPage = await admin.client.post('/account/inloggen', { email: admin.email, password: TEST_PASSWORD });
      assert.equal(codesPage.status, 303);
      const regenerate = t.client();
      await regenerate.post('/account/inloggen', { email: admin.email, password: TEST_PASSWORD });
      // An authenticator code works once, so each step waits for the next code.
      t.advance(30_000);
      const loggedIn = await regenerate.post('/account/inloggen/code', { code: totpCode(admin.secret, totpStep(t.deps.clock())) });
      assert.equal(loggedIn.status, 303);
      const reusedCode = await t.client().post('/account/inloggen', { email: admin.email, password: TEST_PASSWORD });
      assert.equal(reusedCode.status, 303);
      t.advance(30_000);
      const page = await regenerate.post('/account/tweestapsverificatie/herstelcodes', { code: totpCode(admin.secret, totpStep(t.deps.clock())) });
      const codes = [...page.body.matchAll(/<li>([a-z0-9]{5}-[a-z0-9]{5})<\/li>/g)].map((m) => m[1]!);
      assert.equal(codes.length, 10);
      const first = await admin.client.post('/account/inloggen/code', { code: codes[0]! });
      assert.equal(first.status, 303);
      await admin.client.post('/account/uitloggen');
      await admin.client.post('/account/inloggen', { email: admin.email, password: TEST_PASSWORD });
      const reused = await admin.client.post('/account/inloggen/code', { code: codes[0]! });
      assert.equal(reused.status, 422);
    });
  });
}

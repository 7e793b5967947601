import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTestApp, testApp } from '../../testing/test-app.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { registeredPerson } from '../../testing/scenario.js';

const kind = testDatabaseKinds()[0]!;

describe('platform security', () => {
  test('every page carries a strict Content-Security-Policy and the other security headers', async (ctx) => {
    const t = await testApp(ctx, kind);
    const res = await t.client().get('/');
    const csp = String(res.headers['content-security-policy']);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'", "style-src 'self'"]) {
      assert.ok(csp.includes(directive), directive);
    }
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'same-origin');
    assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS on plain http');
    // Only the one enhancement script from our own origin, never script in the page itself.
    const scripts = res.body.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    assert.deepEqual(scripts, ['<script type="module" src="/static/app.js"></script>'], 'no inline script anywhere');
    const script = await t.client().get('/static/app.js');
    assert.equal(script.status, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.match(script.body, /data-autosave/, 'the bundled enhancement script');
    assert.doesNotMatch(res.body, / style="/i, 'no inline styles');
  });

  test('HSTS and __Host- cookies when the base URL is https', async (ctx) => {
    const t = await testApp(ctx, kind, { BASE_URL: 'https://werkplaats.example.org' });
    const res = await t.client().get('/account/inloggen');
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
    assert.match(String(res.headers['set-cookie']), /__Host-mmm-csrf=[^;]+;[^,]*Secure/);
  });

  test('a state-changing request without a valid CSRF token is refused and changes nothing', async (ctx) => {
    const t = await testApp(ctx, kind);
    const c = t.client();
    await c.get('/account/registreren');
    const res = await c.post('/account/registreren', { name: 'Eva', email: 'eva@example.org', password: 'een lange zin als wachtwoord', profileType: 'anders' }, { csrf: 'vervalst' });
    assert.equal(res.status, 403);
    assert.match(res.body, /formulier was verlopen/);
    const none = await c.post('/account/registreren', { name: 'Eva', email: 'eva@example.org', password: 'een lange zin als wachtwoord', profileType: 'anders' }, { csrf: null });
    assert.equal(none.status, 403);
    const users = await t.deps.db.kysely.selectFrom('users').select('id').execute();
    assert.equal(users.length, 0);
  });

  test('oversized bodies get a 413 page, unknown pages a 404 page in the chosen language', async (ctx) => {
    const t = await testApp(ctx, kind);
    const c = t.client();
    const big = await c.post('/account/registreren', { name: 'x'.repeat(70_000) });
    assert.equal(big.status, 413);
    assert.match(big.body, /Te veel tekst/);
    const missing = await c.get('/bestaat-niet');
    assert.equal(missing.status, 404);
    assert.match(missing.body, /Pagina niet gevonden/);
    await c.post('/taal', { taal: 'en', terug: '/bestaat-niet' });
    const english = await c.get('/bestaat-niet');
    assert.match(english.body, /Page not found/);
    assert.match(english.body, /<html lang="en"/);
  });

  test('an internal error shows a reference but never the message or stack', async () => {
    const t = await createTestApp(kind, {}, (app) => {
      app.get('/kapot', { config: { permission: 'public' } }, async () => {
        throw new Error('geheime interne details');
      });
    });
    try {
      const res = await t.client().get('/kapot');
      assert.equal(res.status, 500);
      assert.match(res.body, /Er ging iets mis/);
      assert.match(res.body, /class="mmm-reference">[A-Za-z0-9_-]{8}</);
      assert.doesNotMatch(res.body, /geheime interne details|at .*\.ts:\d+/);
    } finally {
      await t.close();
    }
  });

  test('a route without a declared permission cannot be registered', async () => {
    await assert.rejects(
      createTestApp(kind, {}, (app) => {
        app.get('/zonder-permissie', async () => 'x');
      }),
      /declareert geen permissie/,
    );
  });

  test('a route naming an unknown permission is denied', async () => {
    const t = await createTestApp(kind, {}, (app) => {
      app.get('/onbekend', { config: { permission: 'bestaat.niet' } }, async () => 'x');
    });
    try {
      assert.equal((await t.client().get('/onbekend')).status, 403);
    } finally {
      await t.close();
    }
  });

  test('logged-in pages are not cacheable; sessions expire when idle', async (ctx) => {
    const t = await testApp(ctx, kind);
    const person = await registeredPerson(t);
    const page = await person.client.get('/');
    assert.equal(page.headers['cache-control'], 'no-store');
    t.advance(61 * 60 * 1000);
    const later = await person.client.get('/account');
    assert.equal(later.status, 303, 'idle session ended');
  });

  test('the language switch only returns to paths on this site', async (ctx) => {
    const t = await testApp(ctx, kind);
    const res = await t.client().post('/taal', { taal: 'en', terug: '//evil.example/' });
    assert.equal(res.location, '/');
  });
});

describe('route catalogue', () => {
  test('every registered route declares a permission that the policy knows', async (ctx) => {
    const t = await testApp(ctx, kind);
    const routes = t.app.routeCatalogue;
    assert.ok(routes.length > 30, `only ${routes.length} routes`);
    const unknown = routes.filter((r) => !t.deps.policy.has(r.permission));
    assert.deepEqual(unknown, []);
    const stateChangingGets = routes.filter((r) => r.method === 'GET' && /(uitloggen|beeindigen|uitschakelen|inschakelen|verlaten)$/.test(r.url));
    assert.deepEqual(stateChangingGets, [], 'no state change on GET');
    // A GET on a "verwijderen" or "intrekken" address may only be the confirmation page of a POST to the same address.
    const deletePages = routes.filter((r) => r.method === 'GET' && /(verwijderen|intrekken)$/.test(r.url));
    for (const page of deletePages) assert.ok(routes.some((r) => r.method === 'POST' && r.url === page.url), page.url);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { recordAudit, type AuditEvent } from '../../platform/audit/audit.js';
import { TEST_PASSWORD, type TestApp } from '../../testing/test-app.js';
import { testApp } from '../../testing/test-app.js';
import type { Response } from '../../testing/test-client.js';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { firstAdministrator, registeredPerson } from '../../testing/scenario.js';

const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': ['error', { style: 'selfclose' }], 'no-trailing-whitespace': 'off', 'attribute-empty-style': 'off' },
});

async function assertValidHtml(res: Response, what: string): Promise<void> {
  const report = await htmlValidate.validateString(res.body);
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
  assert.deepEqual(problems, [], `${what} is geen geldige HTML`);
}

/** The rows of the (first) table on a page, without its header and the select options elsewhere. */
function tableBody(body: string): string {
  return /<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
}

function alertText(body: string): string | undefined {
  return /class="utrecht-alert__content">([^<]+)</.exec(body)?.[1];
}

async function auditCount(t: TestApp, event?: string): Promise<number> {
  let q = t.deps.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n'));
  if (event) q = q.where('event', '=', event);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

for (const kind of testDatabaseKinds()) {
  describe(`admin (${kind.name})`, () => {
    test('search finds a person by name or address; the detail page shows who they are', async (ctx) => {
      const t = await testApp(ctx, kind);
      const admin = await firstAdministrator(t);
      const person = await registeredPerson(t, { name: 'Fatima Yilmaz', email: 'fatima@example.org' });
      await registeredPerson(t, { name: 'Joost Bakker', email: 'joost@example.org' });

      const home = await admin.client.get('/beheer');
      assert.equal(home.status, 200);
      for (const href of ['/beheer/gebruikers', '/beheer/regios', '/beheer/auditlog', '/beheer/postvak']) assert.match(home.body, new RegExp(`href="${href}"`));
      await assertValidHtml(home, '/beheer');

      const found = await admin.client.get('/beheer/gebruikers?q=yilm');
      assert.equal(found.status, 200);
      assert.match(found.body, /value="yilm"/);
      const rows = tableBody(found.body);
      assert.match(rows, /Fatima Yilmaz/);
      assert.match(rows, /fatima@example.org/);
      assert.match(rows, /<td>Professional<\/td>/);
      assert.doesNotMatch(rows, /Joost/);
      assert.match(rows, new RegExp(`href="/beheer/gebruikers/${person.id}"`));
      await assertValidHtml(found, 'zoekresultaten');

      const byAddress = await admin.client.get('/beheer/gebruikers?q=JOOST%40');
      assert.match(tableBody(byAddress.body), /Joost Bakker/);
      assert.doesNotMatch(tableBody(byAddress.body), /Fatima/);
      const everyone = await admin.client.get('/beheer/gebruikers');
      assert.equal((tableBody(everyone.body).match(/<tr>/g) ?? []).length, 3);
      const nobody = await admin.client.get('/beheer/gebruikers?q=%25');
      assert.equal(nobody.status, 200);
      assert.match(nobody.body, /Geen accounts gevonden/);

      const detail = await admin.client.get(`/beheer/gebruikers/${person.id}`);
      assert.equal(detail.status, 200);
      assert.match(detail.body, /<h1 class="utrecht-heading-1">Fatima Yilmaz<\/h1>/);
      assert.match(detail.body, /geen regiocoördinator/);
      assert.match(detail.body, /aria-label="Account uitschakelen: Fatima Yilmaz"/);
      assert.match(detail.body, /aria-label="Beheerder maken: Fatima Yilmaz"/);
      await assertValidHtml(detail, 'persoonspagina');

      assert.equal((await admin.client.get('/beheer/gebruikers/bestaat-niet')).status, 404);
    });

    test('switching an account off ends its sessions at once and blocks login; switching on restores it', async (ctx) => {
      const t = await testApp(ctx, kind);
      const admin = await firstAdministrator(t);
      const person = await registeredPerson(t, { name: 'Sanne', email: 'sanne@example.org' });
      assert.equal((await person.client.get('/account')).status, 200);

      const off = await admin.client.post(`/beheer/gebruikers/${person.id}/uitschakelen`);
      assert.equal(off.status, 303);
      assert.equal(off.location, `/beheer/gebruikers/${person.id}`);
      const page = await admin.client.follow(off);
      assert.match(page.body, /Het account is uitgeschakeld/);
      assert.match(page.body, /aria-label="Account weer inschakelen: Sanne"/);

      const after = await person.client.get('/account');
      assert.equal(after.status, 303, 'the running session ended');
      assert.match(after.location ?? '', /^\/account\/inloggen/);
      const sessions = await t.deps.db.kysely.selectFrom('sessions').select('id_hash').where('user_id', '=', person.id).execute();
      assert.equal(sessions.length, 0);

      const blocked = await t.client().post('/account/inloggen', { email: 'sanne@example.org', password: TEST_PASSWORD });
      const unknown = await t.client().post('/account/inloggen', { email: 'onbekend@example.org', password: TEST_PASSWORD });
      assert.equal(blocked.status, 422);
      assert.equal(alertText(blocked.body), alertText(unknown.body), 'same message as for an unknown address');

      const usersPage = tableBody((await admin.client.get('/beheer/gebruikers?q=sanne')).body);
      assert.match(usersPage, /<td>Ja<\/td>\s*<td>Uit<\/td>/, 'listed as switched off');

      const on = await admin.client.post(`/beheer/gebruikers/${person.id}/inschakelen`);
      assert.equal(on.status, 303);
      const again = await t.client().post('/account/inloggen', { email: 'sanne@example.org', password: TEST_PASSWORD });
      assert.equal(again.status, 303);

      assert.equal(await auditCount(t, 'admin.user_disabled'), 1);
      assert.equal(await auditCount(t, 'admin.user_enabled'), 1);
      assert.equal((await admin.client.post('/beheer/gebruikers/bestaat-niet/uitschakelen')).status, 404);
    });

    test('making someone administrator and taking it back; never on your own account', async (ctx) => {
      const t = await testApp(ctx, kind);
      const admin = await firstAdministrator(t);
      const person = await registeredPerson(t, { name: 'Mo' });

      const promoted = await admin.client.post(`/beheer/gebruikers/${person.id}/beheerder`, { beheerder: 'ja' });
      assert.equal(promoted.status, 303);
      assert.match((await admin.client.follow(promoted)).body, /De persoon is nu beheerder/);
      const forced = await person.client.get('/beheer');
      assert.equal(forced.status, 303, 'a new administrator first sets up two-factor authentication');
      assert.equal(forced.location, '/account/tweestapsverificatie?verplicht=1');

      const odd = await admin.client.post(`/beheer/gebruikers/${person.id}/beheerder`, { beheerder: 'misschien' });
      assert.equal(odd.status, 422);

      const ownPage = await admin.client.get(`/beheer/gebruikers/${admin.id}`);
      assert.match(ownPage.body, /Dit is je eigen account/);
      assert.doesNotMatch(ownPage.body, /\/uitschakelen"|\/beheerder"/, 'no buttons for your own account');
      const selfDemote = await admin.client.post(`/beheer/gebruikers/${admin.id}/beheerder`, { beheerder: 'nee' });
      assert.equal(selfDemote.status, 422);
      assert.match(alertText(selfDemote.body) ?? '', /eigen account/);
      const selfDisable = await admin.client.post(`/beheer/gebruikers/${admin.id}/uitschakelen`);
      assert.equal(selfDisable.status, 422);
      assert.match(alertText(selfDisable.body) ?? '', /eigen account/);
      assert.equal((await admin.client.get('/beheer')).status, 200, 'still an administrator and still logged in');

      t.advance(1000);
      const demoted = await admin.client.post(`/beheer/gebruikers/${person.id}/beheerder`, { beheerder: 'nee' });
      assert.equal(demoted.status, 303);
      assert.equal((await person.client.get('/beheer')).status, 403);
      assert.equal((await person.client.get('/account')).status, 200, 'no longer asked for two-factor authentication');

      const changes = await t.deps.db.kysely.selectFrom('audit_log').select(['actor_id', 'target', 'detail']).where('event', '=', 'admin.role_changed').orderBy('occurred_at').execute();
      assert.deepEqual(
        changes.map((c) => [c.actor_id, c.target, JSON.parse(c.detail ?? 'null')]),
        [
          [admin.id, person.id, { administrator: true }],
          [admin.id, person.id, { administrator: false }],
        ],
      );
    });

    test('coordinators are appointed by e-mail address and must then set up two-factor authentication', async (ctx) => {
      const t = await testApp(ctx, kind);
      const admin = await firstAdministrator(t);
      const person = await registeredPerson(t, { name: 'Noor Jansen', email: 'noor@example.org' });

      const overview = await admin.client.get('/beheer/regios');
      assert.equal(overview.status, 200);
      assert.equal((tableBody(overview.body).match(/<tr>/g) ?? []).length, 35);
      await assertValidHtml(overview, '/beheer/regios');
      const region = await admin.client.get('/beheer/regios/zeeland');
      assert.equal(region.status, 200);
      assert.match(region.body, /tweestapsverificatie/);
      await assertValidHtml(region, '/beheer/regios/zeeland');
      assert.equal((await admin.client.get('/beheer/regios/atlantis')).status, 404);

      const unknown = await admin.client.post('/beheer/regios/zeeland/coordinatoren', { email: 'niemand@example.org' });
      assert.equal(unknown.status, 422);
      assert.match(unknown.body, /id="veld-email-fout"[^>]*>Er is geen account met dit e-mailadres/);
      assert.match(unknown.body, /value="niemand@example.org"/);
      assert.match(unknown.body, /href="#veld-email"/);
      await assertValidHtml(unknown, 'aanstellen met fout');
      const invalid = await admin.client.post('/beheer/regios/zeeland/coordinatoren', { email: 'geen-adres' });
      assert.equal(invalid.status, 422);
      assert.match(invalid.body, /id="veld-email-fout"[^>]*>Vul een geldig e-mailadres in/);
      assert.match(invalid.body, /value="geen-adres"/);

      const appointed = await admin.client.post('/beheer/regios/zeeland/coordinatoren', { email: 'Noor@Example.org' });
      assert.equal(appointed.status, 303);
      assert.equal(appointed.location, '/beheer/regios/zeeland');
      const after = await admin.client.follow(appointed);
      assert.match(after.body, /De coördinator is aangesteld/);
      assert.match(tableBody(after.body), /Noor Jansen/);
      assert.match(after.body, /aria-label="Weghalen als coördinator: Noor Jansen \(Zeeland\)"/);
      assert.match(tableBody((await admin.client.get('/beheer/regios')).body), /Noor Jansen/);
      assert.match((await admin.client.get(`/beheer/gebruikers/${person.id}`)).body, /href="\/beheer\/regios\/zeeland">Zeeland</);

      const forced = await person.client.get('/account');
      assert.equal(forced.status, 303);
      assert.equal(forced.location, '/account/tweestapsverificatie?verplicht=1');

      const twice = await admin.client.post('/beheer/regios/zeeland/coordinatoren', { email: 'noor@example.org' });
      assert.equal(twice.status, 422);
      assert.match(twice.body, /id="veld-email-fout"[^>]*>Deze persoon is al coördinator/);
      assert.equal((await admin.client.post('/beheer/regios/atlantis/coordinatoren', { email: 'noor@example.org' })).status, 404);

      const appointedRow = await t.deps.db.kysely.selectFrom('audit_log').selectAll().where('event', '=', 'admin.coordinator_appointed').executeTakeFirstOrThrow();
      assert.equal(appointedRow.actor_id, admin.id);
      assert.equal(appointedRow.target, person.id);
      assert.deepEqual(JSON.parse(appointedRow.detail ?? 'null'), { region: 'zeeland' });

      const removed = await admin.client.post(`/beheer/regios/zeeland/coordinatoren/${person.id}/verwijderen`);
      assert.equal(removed.status, 303);
      assert.match((await admin.client.follow(removed)).body, /geen coördinator van deze regio meer/);
      assert.equal((await admin.client.post(`/beheer/regios/zeeland/coordinatoren/${person.id}/verwijderen`)).status, 404);
      assert.equal((await person.client.get('/account')).status, 200, 'no longer a coordinator, no longer forced');
      const removedRow = await t.deps.db.kysely.selectFrom('audit_log').selectAll().where('event', '=', 'admin.coordinator_removed').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(removedRow.detail ?? 'null'), { region: 'zeeland' });
    });

    test('someone who is not an administrator gets 403 on every /beheer page and form, and nothing changes', async (ctx) => {
      const t = await testApp(ctx, kind);
      const admin = await firstAdministrator(t);
      const person = await registeredPerson(t);
      await t.deps.outbox!.send({ to: person.email, subject: 'Test', text: 'Hallo' });
      const [mail] = await t.deps.outbox!.list();
      const gets = [
        '/beheer',
        '/beheer/gebruikers',
        '/beheer/gebruikers?q=beheer',
        `/beheer/gebruikers/${admin.id}`,
        '/beheer/regios',
        '/beheer/regios/zeeland',
        '/beheer/auditlog',
        '/beheer/postvak',
        `/beheer/postvak/${mail!.id}`,
      ];
      const posts: Array<[string, Record<string, string>]> = [
        [`/beheer/gebruikers/${admin.id}/uitschakelen`, {}],
        [`/beheer/gebruikers/${admin.id}/inschakelen`, {}],
        [`/beheer/gebruikers/${person.id}/beheerder`, { beheerder: 'ja' }],
        [`/beheer/gebruikers/${admin.id}/beheerder`, { beheerder: 'nee' }],
        ['/beheer/regios/zeeland/coordinatoren', { email: person.email }],
        [`/beheer/regios/zeeland/coordinatoren/${person.id}/verwijderen`, {}],
      ];
      // The list above covers every administration route there is.
      const covered = new Set(
        [...gets.map((u) => `GET ${u}`), ...posts.map(([u]) => `POST ${u}`)].map((r) =>
          r
            .split('?')[0]!
            .replace(admin.id, ':userId')
            .replace(person.id, ':userId')
            .replace(mail!.id, ':mailId')
            .replace('/regios/zeeland', '/regios/:slug'),
        ),
      );
      const registered = t.app.routeCatalogue.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/beheer')).map((r) => `${r.method} ${r.url}`);
      assert.deepEqual([...covered].sort(), [...new Set(registered)].sort());
      for (const url of gets) assert.equal((await person.client.get(url)).status, 403, `GET ${url}`);
      for (const [url, fields] of posts) assert.equal((await person.client.post(url, fields)).status, 403, `POST ${url}`);

      const anonymous = t.client();
      for (const url of gets) {
        const res = await anonymous.get(url);
        assert.equal(res.status, 303, `GET ${url} anoniem`);
        assert.match(res.location ?? '', /^\/account\/inloggen\?terug=/);
      }
      for (const [url, fields] of posts) assert.equal((await anonymous.post(url, fields)).status, 403, `POST ${url} anoniem`);

      const users = await t.deps.db.kysely.selectFrom('users').select(['id', 'is_admin', 'disabled_at']).orderBy('id').execute();
      assert.deepEqual(
        users.map((u) => [u.id, Number(u.is_admin), u.disabled_at]).sort(),
        [
          [admin.id, 1, null],
          [person.id, 0, null],
        ].sort(),
      );
      assert.equal(await auditCount(t, 'admin.coordinator_appointed'), 0);
      assert.equal(await auditCount(t, 'access.denied'), gets.length + posts.length * 2);
      assert.doesNotMatch((await person.client.get('/')).body, /href="\/beheer"/, 'no link to the administration');
    });

    test('the audit log shows logins and role changes, filters by event, pages back in time, and is not logged itself', async (ctx) => {
      const t = await testApp(ctx, kind);
      const admin = await firstAdministrator(t);
      const person = await registeredPerson(t, { name: 'Priya' });
      await admin.client.post(`/beheer/gebruikers/${person.id}/beheerder`, { beheerder: 'ja' });
      t.advance(1000);
      await admin.client.post(`/beheer/gebruikers/${person.id}/beheerder`, { beheerder: 'nee' });

      const before = await auditCount(t);
      const log = await admin.client.get('/beheer/auditlog');
      assert.equal(log.status, 200);
      assert.equal(await auditCount(t), before, 'reading the log adds nothing to it');
      await assertValidHtml(log, '/beheer/auditlog');
      const rows = tableBody(log.body);
      assert.match(rows, /<td>Ingelogd<\/td>/);
      assert.match(rows, /<td>Beheerdersrol gewijzigd<\/td>/);
      assert.match(rows, /<time datetime="\d{4}-\d\d-\d\dT[^"]+Z">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC<\/time>/);
      assert.match(rows, new RegExp(`href="/beheer/gebruikers/${person.id}">Priya<`));
      assert.match(rows, /administrator: false/);
      assert.ok(rows.indexOf('administrator: false') < rows.indexOf('administrator: true'), 'newest first');
      assert.match(log.body, /<option value="admin.role_changed">Beheerdersrol gewijzigd<\/option>/);

      const filtered = tableBody((await admin.client.get('/beheer/auditlog?gebeurtenis=admin.role_changed')).body);
      assert.equal((filtered.match(/<tr>/g) ?? []).length, 2);
      assert.doesNotMatch(filtered, /Ingelogd/);
      assert.equal((await admin.client.get('/beheer/auditlog?gebeurtenis=%3Cscript%3E&voor=gisteren')).status, 200, 'odd queries are ignored');

      // An unknown event keeps its raw name; an actor without account shows as an id.
      await recordAudit(t.deps.db.kysely, { actorId: 'verdwenen-id', event: 'custom.something' as AuditEvent, ip: '192.0.2.7' });
      const odd = tableBody((await admin.client.get('/beheer/auditlog')).body);
      assert.match(odd, /<code class="mmm-code">verdwenen-id<\/code><\/td><td>custom.something<\/td>/);
      assert.match(odd, /192\.0\.2\.7/);

      // 60 entries, three per moment: paging back must show each exactly once.
      const start = Date.parse('2020-01-01T00:00:00.000Z');
      for (let i = 0; i < 60; i++) {
        await recordAudit(t.deps.db.kysely, { actorId: null, event: 'logout', target: `blad-${i}` }, new Date(start + Math.floor(i / 3) * 1000));
      }
      const seen: string[] = [];
      let url: string | undefined = '/beheer/auditlog?gebeurtenis=logout';
      let pages = 0;
      while (url && pages < 5) {
        const page = await admin.client.get(url);
        assert.equal(page.status, 200);
        const body = tableBody(page.body);
        assert.ok((body.match(/<tr>/g) ?? []).length <= 50);
        seen.push(...[...body.matchAll(/blad-(\d+)/g)].map((m) => m[1]!));
        url = /<a class="utrecht-link" href="([^"]+)">Oudere gebeurtenissen<\/a>/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
        if (pages > 0) assert.match(page.body, /Terug naar het nieuwste/);
        pages += 1;
      }
      assert.equal(pages, 2);
      assert.equal(seen.length, 60);
      assert.equal(new Set(seen).size, 60);
      assert.ok(['57', '58', '59'].includes(seen[0]!), 'newest first');
      assert.ok(['0', '1', '2'].includes(seen[59]!), 'oldest last');
    });

    test('the outbox lists mail and shows its text with clickable links', async (ctx) => {
      const t = await testApp(ctx, kind);
      const admin = await firstAdministrator(t);
      const newcomer = await registeredPerson(t, { name: 'Nieuwe deelnemer', email: 'nieuw@example.org' });
      // The test app delivers into memory; put the registration mail into the outbox as a server without SMTP would.
      await t.deps.outbox!.send(t.mail.sent.find((m) => m.to === newcomer.email)!);
      await t.deps.outbox!.send({ to: 'ander@example.org', subject: 'Iets <anders>', text: 'Zie https://example.org/pad?a=1&b=2. En <b>niet vet</b>.' });

      const list = await admin.client.get('/beheer/postvak');
      assert.equal(list.status, 200);
      await assertValidHtml(list, '/beheer/postvak');
      const rows = tableBody(list.body);
      assert.match(rows, /nieuw@example.org/);
      assert.match(rows, /Iets &lt;anders>/);
      assert.ok(rows.indexOf('ander@example.org') < rows.indexOf('nieuw@example.org'), 'newest first');
      const registrationId = /<td>nieuw@example.org<\/td><td><a class="utrecht-link" href="\/beheer\/postvak\/([A-Za-z0-9-]+)"/.exec(rows)?.[1];
      assert.ok(registrationId);

      const mail = await admin.client.get(`/beheer/postvak/${registrationId}`);
      assert.equal(mail.status, 200);
      await assertValidHtml(mail, 'e-mail');
      const link = /<a class="utrecht-link" href="(http:\/\/localhost:\d+\/account\/bevestigen\?token=[^"]+)">/.exec(mail.body)?.[1];
      assert.ok(link, 'the verification link is clickable');
      assert.match(mail.body, /Hallo Nieuwe deelnemer,/);

      const otherId = /href="\/beheer\/postvak\/([A-Za-z0-9-]+)">Iets/.exec(rows)?.[1];
      const other = await admin.client.get(`/beheer/postvak/${otherId}`);
      assert.match(other.body, /Zie <a class="utrecht-link" href="https:\/\/example.org\/pad\?a=1&amp;b=2">https:\/\/example.org\/pad\?a=1&amp;b=2<\/a>\. En &lt;b>niet vet&lt;\/b>\./);
      assert.doesNotMatch(other.body, /<b>/);

      assert.equal((await admin.client.get('/beheer/postvak/bestaat-niet')).status, 404);
      assert.equal((await admin.client.get('/beheer/postvak/..%2F..%2Fetc')).status, 404);
    });

    test('with an SMTP server there is no outbox, and the pages say so', async (ctx) => {
      const t = await testApp(ctx, kind, { SMTP_URL: 'smtp://127.0.0.1:2525' });
      assert.equal(t.deps.outbox, null);
      const admin = await firstAdministrator(t);
      const home = await admin.client.get('/beheer');
      assert.doesNotMatch(home.body, /href="\/beheer\/postvak"/);
      for (const url of ['/beheer/postvak', '/beheer/postvak/20250101T000000000Z-1-1']) {
        const res = await admin.client.get(url);
        assert.equal(res.status, 200);
        assert.match(res.body, /mailserver \(SMTP\)/);
      }
    });
  });
}

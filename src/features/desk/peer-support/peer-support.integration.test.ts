import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inTransaction } from '../../../platform/db/transaction.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { firstAdministrator, registeredPerson } from '../../../testing/scenario.js';
import { appointCoordinator, insertOrganisation } from '../../../testing/desk-scenario.js';
import { testApp } from '../../../testing/test-app.js';
import type { Response, TestClient } from '../../../testing/test-client.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { amsterdamToUtc, normaliseDate, normaliseTime, parseMeetingForm, utcToAmsterdam } from './peer-support.schemas.js';
import { moderate } from '../queue/queue.service.js';
import { hide } from '../shared/publication.js';
import { groupCalendar, listPendingGroups, type Meeting } from './peer-support.service.js';

const LIST = '/loket/zeeland/lotgenoten';
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const GROUP_NAME = 'Werk, rust; en \\ herstel';
const SECRET_LINK = 'https://meet.example.org/lotgenoten-geheim';

/** A peer-support page: valid HTML with the crisis help (113) on it. */
async function assertPeerSupportPage(res: Response, what: string): Promise<void> {
  assert.ok(res.status === 200 || res.status === 409 || res.status === 422, `${what}: status ${res.status} ${res.body.slice(0, 500)}`);
  assert.match(res.body, /<a href="tel:113">113<\/a>/, `${what}: no crisis help`);
  assert.match(res.body, /class="mmm-crisis-help"/, `${what}: no crisis help block`);
  await assertValidHtml(res.body);
}

function fieldError(body: string, field: string): string | undefined {
  return new RegExp(`id="veld-${field}-fout">([^<]*)<`).exec(body)?.[1];
}

/** The calendar with its folded lines joined again (RFC 5545 §3.1). */
function unfold(ics: string): string {
  return ics.replace(/\r\n /g, '');
}

function hiddenValue(body: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1];
  assert.ok(value !== undefined, `no hidden ${name}`);
  return value;
}

async function expectStatus(client: TestClient, method: 'GET' | 'POST', url: string, status: number, fields: Record<string, string> = {}): Promise<Response> {
  const res = method === 'GET' ? await client.get(url) : await client.post(url, fields);
  assert.equal(res.status, status, `${method} ${url}: ${res.status} ${res.body.slice(0, 300)}`);
  return res;
}

for (const kind of testDatabaseKinds()) {
  describe(`desk peer support (${kind.name})`, () => {
    test('propose, publish, join, meetings in the calendar, editing rights and bad input', async (ctx) => {
      const t = await testApp(ctx, kind);
      const db = t.deps.db.kysely;
      const admin = await firstAdministrator(t);
      const coordinator = await appointCoordinator(t, admin, 'zeeland', 'Cor Coördinator');
      const otherCoordinator = await appointCoordinator(t, admin, 'west-brabant', 'Wim West');
      const organiser = await registeredPerson(t, { name: 'Olga Organisator' });
      const joiner = await registeredPerson(t, { name: 'Jip Deelnemer' });
      const stranger = await registeredPerson(t, { name: 'Sam Anders' });
      const anonymous = t.client();
      const organisationId = await insertOrganisation(t, 'zeeland', 'Herstelcentrum Zeeland', { status: 'published', kind: 'ervaringsdeskundigen', description: 'Een organisatie.' });
      const otherRegionOrganisation = await insertOrganisation(t, 'west-brabant', 'Brabants Centrum', { status: 'published', kind: 'ervaringsdeskundigen', description: 'Een organisatie.' });

      // The overview is public and explains what a peer-support group is; an unknown region is 404.
      const emptyList = await expectStatus(anonymous, 'GET', LIST, 200);
      await assertPeerSupportPage(emptyList, 'overview');
      assert.match(emptyList.body, /In een lotgenotengroep praat je met mensen die hetzelfde meemaken als jij/);
      await expectStatus(anonymous, 'GET', '/loket/bestaat-niet/lotgenoten', 404);
      // Proposing needs an account.
      const toLogin = await anonymous.get(`${LIST}/nieuw`);
      assert.equal(toLogin.status, 303);
      assert.match(toLogin.location ?? '', /^\/account\/inloggen\?terug=/);

      // A proposal with bad input comes back with Dutch messages at the fields and what was typed.
      await assertPeerSupportPage(await expectStatus(organiser.client, 'GET', `${LIST}/nieuw`, 200), 'proposal form');
      const badProposal = await expectStatus(organiser.client, 'POST', `${LIST}/nieuw`, 422, {
        name: '',
        description: 'Samen praten over werk.',
        forWhom: 'Iedereen',
        contactEmail: 'geen-adres',
        organisationId: otherRegionOrganisation,
      });
      await assertPeerSupportPage(badProposal, 'proposal with errors');
      assert.equal(fieldError(badProposal.body, 'name'), 'Vul dit veld in.');
      assert.equal(fieldError(badProposal.body, 'contactEmail'), 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.');
      assert.match(badProposal.body, /Samen praten over werk\./);
      const wrongOrganisation = await expectStatus(organiser.client, 'POST', `${LIST}/nieuw`, 422, {
        name: GROUP_NAME,
        description: 'Samen praten over werk.',
        forWhom: 'Iedereen',
        contactEmail: 'groep@example.org',
        organisationId: otherRegionOrganisation,
      });
      assert.equal(fieldError(wrongOrganisation.body, 'organisationId'), 'Kies een organisatie uit de lijst.');
      assert.equal((await db.selectFrom('desk_groups').select('id').execute()).length, 0, 'nothing half-written');

      // The proposal: pending, the proposer is organiser.
      const proposed = await expectStatus(organiser.client, 'POST', `${LIST}/nieuw`, 303, {
        name: GROUP_NAME,
        description: 'We praten over werk en herstel.\nIedereen is welkom.',
        forWhom: 'Mensen die weer willen werken.',
        contactEmail: 'Groep@Example.org',
        organisationId,
      });
      const groupId = /^\/loket\/zeeland\/lotgenoten\/([^/]+)$/.exec(proposed.location ?? '')?.[1];
      assert.ok(groupId, `unexpected location ${proposed.location}`);
      const groupUrl = `${LIST}/${groupId}`;
      const pendingPage = await organiser.client.follow(proposed);
      await assertPeerSupportPage(pendingPage, 'pending group for its organiser');
      assert.match(pendingPage.body, /Bedankt! Je voorstel is verstuurd/);
      assert.match(pendingPage.body, /Deze groep is nog niet openbaar/);
      assert.match(pendingPage.body, /mailto:groep@example\.org/);

      // Pending: invisible to everyone but its organisers and the coordinator.
      await expectStatus(anonymous, 'GET', groupUrl, 404);
      await expectStatus(stranger.client, 'GET', groupUrl, 404);
      await expectStatus(otherCoordinator.client, 'GET', groupUrl, 404);
      await expectStatus(anonymous, 'GET', `${groupUrl}/agenda.ics`, 404);
      await expectStatus(joiner.client, 'POST', `${groupUrl}/aanmelden`, 404);
      assert.doesNotMatch((await anonymous.get(LIST)).body, /herstel/);
      const coordinatorView = await expectStatus(coordinator.client, 'GET', groupUrl, 200);
      assert.match(coordinatorView.body, /Deze groep is nog niet openbaar/);
      const organiserList = await expectStatus(organiser.client, 'GET', LIST, 200);
      await assertPeerSupportPage(organiserList, 'overview with own pending group');
      assert.match(organiserList.body, /Groepen die nog niet openbaar zijn/);

      // The coordinator publishes it through the service the moderation queue uses.
      const pending = await listPendingGroups(db, 'zeeland');
      assert.deepEqual(
        pending.map((g) => [g.id, g.name, g.proposedBy]),
        [[groupId, GROUP_NAME, organiser.id]],
      );
      const publish = { kind: 'group', action: 'publish' } as const;
      assert.equal(await inTransaction(t.deps, (tx) => moderate(tx, t.deps, 'west-brabant', groupId, publish, otherCoordinator.id, null)), 'notFound');
      assert.equal(await inTransaction(t.deps, (tx) => moderate(tx, t.deps, 'zeeland', groupId, publish, coordinator.id, null)), 'ok');
      assert.deepEqual(await listPendingGroups(db, 'zeeland'), []);
      const audit = await db.selectFrom('audit_log').select(['event', 'target']).where('event', '=', 'desk.item_moderated').execute();
      assert.deepEqual(audit, [{ event: 'desk.item_moderated', target: `group:${groupId}` }]);

      const publicPage = await expectStatus(anonymous, 'GET', groupUrl, 200);
      await assertPeerSupportPage(publicPage, 'published group for a visitor');
      assert.match(publicPage.body, /Log in om je aan te melden/);
      assert.match(publicPage.body, /Herstelcentrum Zeeland/);
      assert.match(publicPage.body, new RegExp(`soort=group&amp;id=${groupId}`));
      assert.match((await anonymous.get(LIST)).body, /Werk, rust; en \\ herstel/);

      // The organiser adds a summer meeting with a place and a winter meeting online.
      await assertPeerSupportPage(await expectStatus(organiser.client, 'GET', `${groupUrl}/bijeenkomsten/nieuw`, 200), 'new meeting form');
      await expectStatus(organiser.client, 'POST', `${groupUrl}/bijeenkomsten/nieuw`, 303, {
        date: `${NEXT_YEAR}-07-15`,
        startTime: '19:00',
        endTime: '21:00',
        place: 'Bibliotheek Goes, zaal 2; achteringang',
        onlineUrl: '',
        description: 'Kennismaken.\nNeem iets te drinken mee.',
      });
      await expectStatus(organiser.client, 'POST', `${groupUrl}/bijeenkomsten/nieuw`, 303, {
        date: `15-1-${NEXT_YEAR}`,
        startTime: '19.30',
        endTime: '21:00',
        place: '',
        onlineUrl: SECRET_LINK,
        description: '',
      });
      const meetings = await db.selectFrom('desk_group_meetings').selectAll().where('group_id', '=', groupId).orderBy('starts_at').execute();
      assert.deepEqual(
        meetings.map((m) => [m.starts_at, m.ends_at]),
        [
          [`${NEXT_YEAR}-01-15T18:30:00.000Z`, `${NEXT_YEAR}-01-15T20:00:00.000Z`],
          [`${NEXT_YEAR}-07-15T17:00:00.000Z`, `${NEXT_YEAR}-07-15T19:00:00.000Z`],
        ],
      );
      const [winter, summer] = meetings as [(typeof meetings)[number], (typeof meetings)[number]];

      // The online link is for members only.
      const visitorPage = await expectStatus(anonymous, 'GET', groupUrl, 200);
      assert.doesNotMatch(visitorPage.body, /meet\.example\.org/);
      assert.match(visitorPage.body, /Meld je aan bij de groep om de link te zien/);
      assert.match(visitorPage.body, /19:00 tot 21:00 uur/);
      assert.match(visitorPage.body, /19:30 tot 21:00 uur/);
      const beforeJoining = await expectStatus(joiner.client, 'GET', groupUrl, 200);
      assert.doesNotMatch(beforeJoining.body, /meet\.example\.org/);
      const joined = await expectStatus(joiner.client, 'POST', `${groupUrl}/aanmelden`, 303);
      assert.equal(joined.location, groupUrl);
      const memberPage = await joiner.client.follow(joined);
      await assertPeerSupportPage(memberPage, 'group page for a member');
      assert.match(memberPage.body, /Je bent nu lid van deze groep/);
      assert.match(memberPage.body, /Je bent lid/);
      assert.ok(memberPage.body.includes(`href="${SECRET_LINK}"`), 'member sees the online link');
      await expectStatus(joiner.client, 'POST', `${groupUrl}/aanmelden`, 303);
      assert.match((await joiner.client.get(LIST)).body, /Je bent lid/);

      // Organisers see how many members there are, never who.
      const organiserPage = await expectStatus(organiser.client, 'GET', groupUrl, 200);
      await assertPeerSupportPage(organiserPage, 'group page for its organiser');
      assert.match(organiserPage.body, /Aantal leden: 1\./);
      assert.ok(!organiserPage.body.includes(joiner.name) && !organiserPage.body.includes(joiner.email), 'members are never listed');
      assert.ok(organiserPage.body.includes(`href="${SECRET_LINK}"`), 'the organiser sees the link');

      // The calendar: UTC times in summer and winter, escaped text, no online link.
      const ics = await expectStatus(anonymous, 'GET', `${groupUrl}/agenda.ics`, 200);
      assert.equal(ics.headers['content-type'], 'text/calendar; charset=utf-8');
      assert.match(String(ics.headers['content-disposition']), /^attachment; filename="werk-rust-en-herstel\.ics"$/);
      for (const line of ics.body.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line too long: ${line}`);
      const calendar = unfold(ics.body);
      assert.match(calendar, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
      assert.match(calendar, new RegExp(`UID:${summer.id}@localhost\r\n`));
      assert.match(calendar, new RegExp(`UID:${winter.id}@localhost\r\n`));
      assert.match(calendar, new RegExp(`DTSTART:${NEXT_YEAR}0715T170000Z\r\nDTEND:${NEXT_YEAR}0715T190000Z\r\n`));
      assert.match(calendar, new RegExp(`DTSTART:${NEXT_YEAR}0115T183000Z\r\nDTEND:${NEXT_YEAR}0115T200000Z\r\n`));
      assert.ok(calendar.includes('SUMMARY:Werk\\, rust\\; en \\\\ herstel\r\n'), 'summary escaped');
      assert.ok(calendar.includes('LOCATION:Bibliotheek Goes\\, zaal 2\\; achteringang\r\n'), 'location escaped');
      assert.ok(calendar.includes('DESCRIPTION:Kennismaken.\\nNeem iets te drinken mee.\\n\\nMeer informatie: http://localhost'), 'description escaped');
      assert.ok(calendar.includes('LOCATION:Online (link voor deelnemers)\r\n'));
      assert.match(calendar, /SEQUENCE:0\r\nSTATUS:CONFIRMED\r\n/);
      assert.match(calendar, /DTSTAMP:\d{8}T\d{6}Z\r\n/);
      assert.doesNotMatch(calendar, /meet\.example\.org/);

      // The organiser changes the summer meeting: the calendar's SEQUENCE grows.
      const editUrl = `${groupUrl}/bijeenkomsten/${summer.id}/bewerken`;
      const editForm = await expectStatus(organiser.client, 'GET', editUrl, 200);
      await assertPeerSupportPage(editForm, 'meeting edit form');
      assert.match(editForm.body, /value="19:00"/);
      assert.equal(hiddenValue(editForm.body, 'sequence'), '0');
      const changed = { date: `${NEXT_YEAR}-07-15`, startTime: '19:00', endTime: '21:30', place: 'Bibliotheek Goes', onlineUrl: '', description: 'Kennismaken.', sequence: '0' };
      await expectStatus(organiser.client, 'POST', editUrl, 303, changed);
      const afterEdit = unfold((await anonymous.get(`${groupUrl}/agenda.ics`)).body);
      assert.match(afterEdit, new RegExp(`UID:${summer.id}@localhost\r\n(?:[^\r]*\r\n)*?DTEND:${NEXT_YEAR}0715T193000Z\r\n(?:[^\r]*\r\n)*?SEQUENCE:1\r\n`));
      // A second save from the same (now stale) form is a conflict that keeps the typed text.
      const stale = await expectStatus(organiser.client, 'POST', editUrl, 409, { ...changed, place: 'Bibliotheek Middelburg' });
      await assertPeerSupportPage(stale, 'meeting conflict');
      assert.match(stale.body, /Iemand anders heeft dit intussen veranderd/);
      assert.match(stale.body, /value="Bibliotheek Middelburg"/);
      assert.equal(hiddenValue(stale.body, 'sequence'), '1');

      // Nobody else edits: another person, a member, an administrator, another region's coordinator.
      for (const [who, client] of [
        ['stranger', stranger.client],
        ['member', joiner.client],
        ['administrator', admin.client],
        ['other coordinator', otherCoordinator.client],
      ] as const) {
        for (const url of [`${groupUrl}/bewerken`, `${groupUrl}/bijeenkomsten/nieuw`, editUrl, `${groupUrl}/bijeenkomsten/${summer.id}/verwijderen`]) {
          assert.equal((await client.get(url)).status, 403, `${who} GET ${url}`);
          assert.equal((await client.post(url, changed)).status, 403, `${who} POST ${url}`);
        }
      }
      assert.equal((await otherCoordinator.client.post(`/loket/west-brabant/lotgenoten/${groupId}/bewerken`, { name: 'Overgenomen' })).status, 403);
      assert.equal((await otherCoordinator.client.get(`/loket/west-brabant/lotgenoten/${groupId}`)).status, 404);
      assert.equal((await anonymous.post(editUrl, changed)).status, 403, 'a visitor cannot post');
      assert.match((await anonymous.get(editUrl)).location ?? '', /^\/account\/inloggen\?terug=/);

      // The coordinator edits the group; the organiser's older form then gets a conflict with their text kept.
      const organiserForm = await expectStatus(organiser.client, 'GET', `${groupUrl}/bewerken`, 200);
      await assertPeerSupportPage(organiserForm, 'group edit form');
      const coordinatorForm = await expectStatus(coordinator.client, 'GET', `${groupUrl}/bewerken`, 200);
      const groupFields = { name: GROUP_NAME, description: 'We praten over werk en herstel.', forWhom: 'Iedereen die wil werken.', contactEmail: 'groep@example.org', organisationId: '' };
      await expectStatus(coordinator.client, 'POST', `${groupUrl}/bewerken`, 303, { ...groupFields, version: hiddenValue(coordinatorForm.body, 'version') });
      const groupConflict = await expectStatus(organiser.client, 'POST', `${groupUrl}/bewerken`, 409, {
        ...groupFields,
        description: 'Mijn eigen tekst.',
        version: hiddenValue(organiserForm.body, 'version'),
      });
      await assertPeerSupportPage(groupConflict, 'group conflict');
      assert.match(groupConflict.body, /Mijn eigen tekst\./);
      const groupRow = await db.selectFrom('desk_groups').select(['description', 'version', 'organisation_id', 'updated_by']).where('id', '=', groupId).executeTakeFirstOrThrow();
      assert.deepEqual({ ...groupRow, version: Number(groupRow.version) }, { description: 'We praten over werk en herstel.', version: 3, organisation_id: null, updated_by: coordinator.id });

      // Bad meeting input: Dutch messages at the fields, typed values kept, nothing stored.
      const newMeeting = `${groupUrl}/bijeenkomsten/nieuw`;
      const endBeforeStart = await expectStatus(organiser.client, 'POST', newMeeting, 422, {
        date: `${NEXT_YEAR}-03-10`,
        startTime: '20:00',
        endTime: '19:00',
        place: 'Buurthuis De Kaai',
        onlineUrl: '',
        description: 'Avond',
      });
      await assertPeerSupportPage(endBeforeStart, 'meeting with errors');
      assert.equal(fieldError(endBeforeStart.body, 'endTime'), 'De eindtijd moet later zijn dan de begintijd.');
      assert.match(endBeforeStart.body, /value="Buurthuis De Kaai"/);
      assert.match(endBeforeStart.body, /value="20:00"/);
      assert.match(endBeforeStart.body, /id="foutoverzicht-titel"/);
      const nowhere = await expectStatus(organiser.client, 'POST', newMeeting, 422, { date: `${NEXT_YEAR}-03-10`, startTime: '19:00', endTime: '20:00', place: '', onlineUrl: '', description: 'Ergens' });
      assert.equal(fieldError(nowhere.body, 'place'), 'Vul een plaats in, een link voor online, of allebei.');
      assert.match(nowhere.body, />Ergens<\/textarea>/);
      const plainHttp = await expectStatus(organiser.client, 'POST', newMeeting, 422, {
        date: `${NEXT_YEAR}-03-10`,
        startTime: '19:00',
        endTime: '20:00',
        place: '',
        onlineUrl: 'http://meet.example.org/open',
        description: '',
      });
      assert.equal(fieldError(plainHttp.body, 'onlineUrl'), 'De link moet een volledig webadres zijn dat begint met https://.');
      assert.match(plainHttp.body, /value="http:\/\/meet\.example\.org\/open"/);
      const yesterday = new Date(t.deps.clock().getTime() - 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
      const past = await expectStatus(organiser.client, 'POST', newMeeting, 422, { date: yesterday, startTime: '19:00', endTime: '20:00', place: 'Goes', onlineUrl: '', description: '' });
      assert.equal(fieldError(past.body, 'date'), 'Deze datum is al voorbij. Kies vandaag of een dag in de toekomst.');
      assert.match(past.body, new RegExp(`value="${yesterday}"`));
      const many = await expectStatus(organiser.client, 'POST', newMeeting, 422, { date: '2026-02-30', startTime: '25:00', endTime: '', place: '', onlineUrl: 'ftp://x', description: '' });
      assert.equal(fieldError(many.body, 'date'), 'Vul een datum in, zoals 2026-03-14.');
      assert.equal(fieldError(many.body, 'startTime'), 'Vul een tijd in als uu:mm, zoals 19:30.');
      assert.equal(fieldError(many.body, 'endTime'), 'Vul dit veld in.');
      assert.equal(fieldError(many.body, 'onlineUrl'), 'De link moet een volledig webadres zijn dat begint met https://.');
      assert.equal((await db.selectFrom('desk_group_meetings').select('id').where('group_id', '=', groupId).execute()).length, 2, 'no meeting stored from bad input');

      // Leaving hides the link again.
      const left = await expectStatus(joiner.client, 'POST', `${groupUrl}/afmelden`, 303);
      const afterLeaving = await joiner.client.follow(left);
      assert.match(afterLeaving.body, /Je bent afgemeld bij deze groep/);
      assert.doesNotMatch(afterLeaving.body, /meet\.example\.org/);
      assert.match(afterLeaving.body, /Meld je aan bij deze groep/);

      // Deleting a meeting after confirmation: it disappears from the page and the feed.
      const confirm = await expectStatus(organiser.client, 'GET', `${groupUrl}/bijeenkomsten/${winter.id}/verwijderen`, 200);
      await assertPeerSupportPage(confirm, 'delete confirmation');
      assert.match(confirm.body, /Wil je de bijeenkomst van/);
      await expectStatus(organiser.client, 'POST', `${groupUrl}/bijeenkomsten/${winter.id}/verwijderen`, 303);
      assert.doesNotMatch((await anonymous.get(`${groupUrl}/agenda.ics`)).body, new RegExp(winter.id));
      await expectStatus(organiser.client, 'POST', `${groupUrl}/bijeenkomsten/${winter.id}/verwijderen`, 404);
      await expectStatus(organiser.client, 'GET', `${groupUrl}/bijeenkomsten/${winter.id}/bewerken`, 404);

      // Hidden: gone for the public again, still there for its organiser.
      const hidden = await inTransaction(t.deps, (tx) => hide(tx.db, { regionSlug: 'zeeland', kind: 'group', id: groupId, actorId: coordinator.id }, t.deps.clock()));
      assert.equal(hidden, 'ok');
      await expectStatus(anonymous, 'GET', groupUrl, 404);
      await expectStatus(anonymous, 'GET', `${groupUrl}/agenda.ics`, 404);
      const hiddenPage = await expectStatus(organiser.client, 'GET', groupUrl, 200);
      assert.match(hiddenPage.body, /Deze groep is verborgen/);
      await expectStatus(joiner.client, 'POST', `${groupUrl}/aanmelden`, 404);
    });
  });
}

describe('peer support: times in Europe/Amsterdam and the calendar feed', () => {
  test('wall-clock time becomes UTC in summer and winter time, and back', () => {
    assert.equal(amsterdamToUtc('2026-07-15', '19:00')?.toISOString(), '2026-07-15T17:00:00.000Z');
    assert.equal(amsterdamToUtc('2026-01-15', '19:00')?.toISOString(), '2026-01-15T18:00:00.000Z');
    // The day the clocks go forward (29 March 2026): before and after the jump, and the hour that does not exist.
    assert.equal(amsterdamToUtc('2026-03-29', '01:30')?.toISOString(), '2026-03-29T00:30:00.000Z');
    assert.equal(amsterdamToUtc('2026-03-29', '03:30')?.toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(amsterdamToUtc('2026-03-29', '02:30'), null);
    // The day the clocks go back (25 October 2026): 02:30 happens twice; the winter-time one is taken.
    assert.equal(amsterdamToUtc('2026-10-25', '02:30')?.toISOString(), '2026-10-25T01:30:00.000Z');
    assert.equal(amsterdamToUtc('2026-10-25', '20:00')?.toISOString(), '2026-10-25T19:00:00.000Z');
    assert.deepEqual(utcToAmsterdam('2026-07-15T17:00:00.000Z'), { date: '2026-07-15', time: '19:00' });
    assert.deepEqual(utcToAmsterdam('2026-12-31T23:30:00.000Z'), { date: '2027-01-01', time: '00:30' });
  });

  test('dates and times are read the way people type them', () => {
    assert.equal(normaliseDate('2026-7-5'), '2026-07-05');
    assert.equal(normaliseDate('5-7-2026'), '2026-07-05');
    assert.equal(normaliseDate('2026-02-29'), null);
    assert.equal(normaliseDate('morgen'), null);
    assert.equal(normaliseTime('9:05'), '09:05');
    assert.equal(normaliseTime('19.30'), '19:30');
    assert.equal(normaliseTime('24:00'), null);
  });

  test('the meeting form refuses a time the clock skips', () => {
    const result = parseMeetingForm(
      { date: '2030-03-31', startTime: '02:15', endTime: '04:00', place: 'Goes', onlineUrl: '', description: '' },
      { now: new Date('2030-01-01T00:00:00Z'), isNew: true, withSequence: false },
    );
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.errors, { startTime: 'desk.peerSupport.error.timeDoesNotExist' });
  });

  test('long, multi-byte text is folded at 75 octets and escaped', () => {
    const meeting: Meeting = {
      id: 'm1',
      startsAt: '2030-07-15T17:00:00.000Z',
      endsAt: '2030-07-15T19:00:00.000Z',
      place: null,
      onlineUrl: 'https://geheim.example.org/x',
      description: `${'Één café; ’s avonds, met \\ thee. '.repeat(6)}`,
      sequence: 4,
      createdAt: '2030-01-01T10:00:00.000Z',
      updatedAt: '2030-01-02T10:00:00.000Z',
    };
    const ics = groupCalendar({
      group: { id: 'g1', name: 'Groep', regionSlug: 'zeeland' },
      meetings: [meeting],
      now: new Date('2030-01-03T10:00:00.000Z'),
      baseUrl: 'https://werkplaats.example.org',
      t: translator('nl'),
    });
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line too long: ${line}`);
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    const calendar = unfold(ics);
    assert.ok(calendar.includes('UID:m1@werkplaats.example.org\r\n'));
    assert.ok(calendar.includes('DESCRIPTION:Één café\\; ’s avonds\\, met \\\\ thee.'));
    assert.ok(calendar.includes('SEQUENCE:4\r\n'));
    assert.ok(calendar.includes('LOCATION:Online (link voor deelnemers)\r\n'));
    assert.ok(!calendar.includes('geheim'));
    assert.ok(calendar.includes('URL:https://werkplaats.example.org/loket/zeeland/lotgenoten/g1\r\n'));
  });
});

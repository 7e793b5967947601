import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { inTransaction } from '../../../platform/db/transaction.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { enableTwoFactor, registeredPerson, type Person } from '../../../testing/scenario.js';
import { testApp, type TestApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { removeMember } from '../../teams/teams.service.js';
import { approvedTop, uniqueRecommendations } from './recommendations.service.js';
import type { Addressee } from '../case-consultation.schemas.js';
import { createCase, createRecommendation, enableConsultation, reviseRecommendation } from '../case-consultation.service.js';

const CASE = {
  title: 'Man van 50, wil als ervaringsdeskundige werken',
  age: '50 jaar',
  gender: 'man',
  nationality: 'Nederlands',
  livingSituation: 'zelfstandig',
  income: 'WIA',
  diagnosis: 'niet-aangeboren hersenletsel',
  workHistory: 'Fabrieken en binnenvaart.',
  distanceToLabourMarket: 'Groot.',
  organisations: 'Ambulante begeleiding',
  treatment: 'EMDR',
  particulars: '',
  question: 'Welke mogelijkheden zijn er voor betaald werk?',
};

interface Setup {
  readonly teamId: string;
  readonly base: string;
  readonly facilitator: Person;
  readonly members: Person[];
}

/** A team with case consultation on: a facilitator and members, all with two-factor authentication. */
async function consultationTeam(t: TestApp, memberNames: readonly string[] = ['Mo Lid']): Promise<Setup> {
  const facilitator = await registeredPerson(t, { name: 'Fleur Voorzitter', professionSlug: 'arbeidsdeskundige' });
  const created = await facilitator.client.post('/teams/nieuw', { name: 'Expertteam Zeeland', regionSlug: 'zeeland', purpose: 'GGZ en arbeid in Zeeland' });
  assert.equal(created.status, 303, created.body.slice(0, 500));
  const teamId = /^\/teams\/([^/]+)$/.exec(created.location ?? '')?.[1];
  assert.ok(teamId);
  await enableTwoFactor(t, facilitator);
  const members: Person[] = [];
  for (const name of memberNames) {
    const member = await registeredPerson(t, { name, profileType: 'ervaringsdeskundige' });
    await t.deps.db.kysely.insertInto('team_members').values({ team_id: teamId, user_id: member.id, role: 'member', joined_at: new Date().toISOString() }).execute();
    await enableTwoFactor(t, member);
    members.push(member);
  }
  await inTransaction(t.deps, (tx) => enableConsultation(tx, t.deps, teamId, facilitator.id, 'GGZ en arbeid in Zeeland'));
  return { teamId, base: `/casusoverleg/teams/${teamId}`, facilitator, members };
}

async function newCase(t: TestApp, teamId: string, authorId: string, title: string): Promise<string> {
  const created = await inTransaction(t.deps, (tx) => createCase(tx, t.deps, teamId, authorId, { ...CASE, title }, false));
  return created.id;
}

/** A finished meeting row (the meetings module has its own tests; here only the provenance matters). */
async function insertMeeting(t: TestApp, teamId: string, caseId: string, number: number): Promise<string> {
  const id = randomUUID();
  await t.deps.db.kysely
    .insertInto('case_meetings')
    .values({
      id,
      team_id: teamId,
      case_id: caseId,
      number,
      planned_on: null,
      status: 'finished',
      current_step: 8,
      step_started_at: null,
      step_extra_minutes: 0,
      started_at: null,
      finished_at: null,
      created_by: null,
      created_at: new Date().toISOString(),
      version: 1,
    })
    .execute();
  return id;
}

async function recommend(t: TestApp, s: Setup, meetingId: string, caseId: string, addressee: Addressee, text: string): Promise<string> {
  return inTransaction(t.deps, (tx) => createRecommendation(tx, t.deps, { teamId: s.teamId, meetingId, caseId, addressee, text, authorId: s.facilitator.id }));
}

async function groupOf(t: TestApp, recommendationId: string): Promise<string> {
  const row = await t.deps.db.kysely.selectFrom('case_recommendations').select('group_id').where('id', '=', recommendationId).executeTakeFirstOrThrow();
  return row.group_id;
}

const PEER_1 = 'Organiseer peersupport of neem eraan deel, online of face-to-face.';
const PEER_1_SHARPER = 'Organiseer peersupport of neem eraan deel, online of face-to-face, samen met lotgenoten.';
const PEER_2 = 'Neem deel aan peersupport, online of face-to-face.';
const UWV = 'Laat de arbeidsmogelijkheden vaststellen door UWV.';
const DOSSIER = 'Zorg voor één gezamenlijk participatiedossier.';

/** Two cases, two meetings and four recommendations; the first was sharpened later. */
async function withRecommendations(t: TestApp, s: Setup) {
  const case1 = await newCase(t, s.teamId, s.facilitator.id, 'Vrouw van 30, wil weer werken');
  const case2 = await newCase(t, s.teamId, s.facilitator.id, 'Man van 45, werkt met behoud van uitkering');
  const meeting1 = await insertMeeting(t, s.teamId, case1, 1);
  const meeting2 = await insertMeeting(t, s.teamId, case2, 2);
  const r1 = await recommend(t, s, meeting1, case1, 'persoon', PEER_1);
  const r2 = await recommend(t, s, meeting2, case2, 'persoon', PEER_2);
  const r3 = await recommend(t, s, meeting1, case1, 'uitvoeringsinstantie', UWV);
  const r4 = await recommend(t, s, meeting2, case2, 'overkoepelend', DOSSIER);
  const revised = await inTransaction(t.deps, (tx) =>
    reviseRecommendation(tx, t.deps, {
      teamId: s.teamId,
      recommendationId: r1,
      version: 1,
      addressee: 'persoon',
      text: PEER_1_SHARPER,
      changeKind: 'aangescherpt',
      reviewedIn: meeting2,
      actorId: s.facilitator.id,
    }),
  );
  assert.ok(revised.ok);
  return { case1, case2, meeting1, meeting2, r1, r2, r3, r4 };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The value attribute of a rank or top input on a page, or undefined. */
function inputValue(body: string, name: string): string | undefined {
  const found = new RegExp(`id="veld-${escapeRegExp(name)}" name="${escapeRegExp(name)}"[^>]*?\\svalue(?:="([^"]*)")?`).exec(body);
  return found ? (found[1] ?? '') : undefined;
}

for (const kind of testDatabaseKinds()) {
  describe(`case recommendations: consolidation and ranking (${kind.name})`, () => {
    test('merging and splitting keep every recommendation with its case, meeting and original wording', async (ctx) => {
      const t = await testApp(ctx, kind);
      const s = await consultationTeam(t);
      const [member] = s.members;
      const r = await withRecommendations(t, s);
      const [g1, g2, g3, g4] = await Promise.all([groupOf(t, r.r1), groupOf(t, r.r2), groupOf(t, r.r3), groupOf(t, r.r4)]);
      const page = `${s.base}/aanbevelingen`;

      const overview = await s.facilitator.client.get(page);
      assert.equal(overview.status, 200);
      await assertValidHtml(overview.body);
      assert.match(overview.body, /Aantal unieke aanbevelingen: 4\. Aantal aanbevelingen uit de bijeenkomsten: 4\./);
      assert.match(overview.body, /Mogelijk dubbel/);
      assert.match(overview.body, /Uit casus 1 \(Vrouw van 30, wil weer werken\), bijeenkomst 1/);
      assert.match(overview.body, new RegExp(escapeRegExp(PEER_1_SHARPER)));
      const memberView = await member!.client.get(page);
      assert.equal(memberView.status, 200);
      await assertValidHtml(memberView.body);
      assert.doesNotMatch(memberView.body, /Mogelijk dubbel|Zelf samenvoegen/);

      // Opened from a suggestion: the chosen ones ticked and the longest wording as a start.
      const fromSuggestion = await s.facilitator.client.get(`${page}?kies=${g1}&kies=${g2}`);
      await assertValidHtml(fromSuggestion.body);
      assert.match(fromSuggestion.body, new RegExp(`id="veld-groupIds-${g1}" name="groupIds" value="${g1}" checked`));
      assert.match(fromSuggestion.body, new RegExp(`<textarea[^>]*id="veld-text"[^>]*>${escapeRegExp(PEER_1_SHARPER)}</textarea>`));

      // Bad input comes back with messages at the fields and the choice kept.
      const empty = await s.facilitator.client.post(`${page}/samenvoegen`, { groupIds: [g1, g2], text: '  ', addressee: '' });
      assert.equal(empty.status, 422);
      await assertValidHtml(empty.body);
      assert.match(empty.body, /Schrijf de formulering van de samengevoegde aanbeveling op\./);
      assert.match(empty.body, /Kies voor wie de aanbeveling is\./);
      assert.match(empty.body, new RegExp(`id="veld-groupIds-${g2}" name="groupIds" value="${g2}" checked`));
      const long = 'Peersupport helpt. '.repeat(120);
      const tooLong = await s.facilitator.client.post(`${page}/samenvoegen`, { groupIds: [g1, g2], text: long, addressee: 'persoon' });
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.body, /Gebruik hoogstens 2\.000 tekens\./);
      assert.ok(tooLong.body.includes(long.trim()), 'the typed wording is kept');
      const one = await s.facilitator.client.post(`${page}/samenvoegen`, { groupIds: g1, text: 'Peersupport.', addressee: 'persoon' });
      assert.equal(one.status, 422);
      assert.match(one.body, /Kies ten minste twee aanbevelingen om samen te voegen\./);
      assert.equal((await member!.client.post(`${page}/samenvoegen`, { groupIds: [g1, g2], text: 'x', addressee: 'persoon' })).status, 403);

      const merged = await s.facilitator.client.post(`${page}/samenvoegen`, { groupIds: [g1, g2], text: 'Organiseer peersupport, online of face-to-face.', addressee: 'persoon' });
      assert.equal(merged.status, 303, merged.body.slice(0, 1000));
      const groupId = await groupOf(t, r.r1);
      assert.equal(await groupOf(t, r.r2), groupId);
      assert.equal(merged.location, `${page}#aanbeveling-${groupId}`);
      const group = await t.deps.db.kysely.selectFrom('case_recommendation_groups').selectAll().where('id', '=', groupId).executeTakeFirstOrThrow();
      assert.equal(group.text, 'Organiseer peersupport, online of face-to-face.');
      assert.equal(group.merged_by, s.facilitator.id);
      assert.ok(group.merged_at);
      assert.equal((await t.deps.db.kysely.selectFrom('case_recommendation_groups').select('id').where('id', 'in', [g1, g2]).execute()).length, 0);

      const unique = await uniqueRecommendations(t.deps.db.kysely, s.teamId);
      assert.deepEqual(
        unique.map((u) => [u.addressee, u.members.length]),
        [
          ['persoon', 2],
          ['uitvoeringsinstantie', 1],
          ['overkoepelend', 1],
        ],
      );
      const peer = unique[0]!;
      assert.deepEqual(
        peer.members.map((m) => [m.caseNumber, m.meetingNumber, m.originalText, m.text]),
        [
          [1, 1, PEER_1, PEER_1_SHARPER],
          [2, 2, PEER_2, PEER_2],
        ],
      );

      const after = await member!.client.get(page);
      await assertValidHtml(after.body);
      assert.match(after.body, /Samengevoegd uit 2 aanbevelingen/);
      assert.match(after.body, /Samengevoegd door Fleur Voorzitter op/);
      assert.match(after.body, /Oorspronkelijke formuleringen \(2\)/);
      assert.match(after.body, new RegExp(escapeRegExp(PEER_1)));
      assert.match(after.body, /Uit casus 2 \(Man van 45, werkt met behoud van uitkering\), bijeenkomst 2/);
      assert.match(after.body, new RegExp(`${s.base}/aanbevelingen/${r.r1}/geschiedenis`));

      // The history of one recommendation: every wording, its kind, who, when and in which meeting.
      const history = await member!.client.get(`${page}/${r.r1}/geschiedenis`);
      assert.equal(history.status, 200);
      await assertValidHtml(history.body);
      assert.match(history.body, /Versie 1: Opgesteld/);
      assert.match(history.body, /Versie 2: Aangescherpt/);
      assert.match(history.body, /In bijeenkomst 2/);
      assert.match(history.body, /Door Fleur Voorzitter op/);
      assert.match(history.body, /Deze aanbeveling is samengevoegd met andere tot: Organiseer peersupport, online of face-to-face\./);
      assert.equal((await member!.client.get(`${page}/${randomUUID()}/geschiedenis`)).status, 404);

      // The facilitator changes the merged wording; an empty one comes back.
      const groupPage = await s.facilitator.client.get(`${page}/groepen/${groupId}`);
      assert.equal(groupPage.status, 200);
      await assertValidHtml(groupPage.body);
      assert.equal((await s.facilitator.client.get(`${page}/groepen/${g3}`)).status, 404);
      assert.equal((await member!.client.get(`${page}/groepen/${groupId}`)).status, 403);
      const blank = await s.facilitator.client.post(`${page}/groepen/${groupId}`, { text: '', addressee: 'omgeving' });
      assert.equal(blank.status, 422);
      await assertValidHtml(blank.body);
      assert.match(blank.body, /<option value="omgeving" selected/);
      const changed = await s.facilitator.client.post(`${page}/groepen/${groupId}`, { text: 'Organiseer peersupport met lotgenoten.', addressee: 'persoon' });
      assert.equal(changed.status, 303);
      assert.equal(
        (await t.deps.db.kysely.selectFrom('case_recommendation_groups').select('text').where('id', '=', groupId).executeTakeFirstOrThrow()).text,
        'Organiseer peersupport met lotgenoten.',
      );

      // Splitting gives each recommendation its own group again; nothing of its provenance is lost.
      const split = await s.facilitator.client.post(`${page}/groepen/${groupId}/splitsen`);
      assert.equal(split.status, 303);
      const own1 = await groupOf(t, r.r1);
      const own2 = await groupOf(t, r.r2);
      assert.notEqual(own1, own2);
      const groups = await t.deps.db.kysely.selectFrom('case_recommendation_groups').selectAll().where('id', 'in', [own1, own2]).execute();
      assert.deepEqual(
        groups.map((g) => [g.text, g.addressee]),
        [
          [null, 'persoon'],
          [null, 'persoon'],
        ],
      );
      const rec1 = await t.deps.db.kysely.selectFrom('case_recommendations').selectAll().where('id', '=', r.r1).executeTakeFirstOrThrow();
      assert.deepEqual([rec1.case_id, rec1.meeting_id, rec1.text], [r.case1, r.meeting1, PEER_1_SHARPER]);
      const revisions = await t.deps.db.kysely.selectFrom('case_recommendation_revisions').select(['version', 'text']).where('recommendation_id', '=', r.r1).orderBy('version').execute();
      assert.deepEqual(
        revisions.map((v) => [Number(v.version), v.text]),
        [
          [1, PEER_1],
          [2, PEER_1_SHARPER],
        ],
      );
      assert.equal((await uniqueRecommendations(t.deps.db.kysely, s.teamId)).length, 4);
      assert.equal((await s.facilitator.client.post(`${page}/groepen/${groupId}/splitsen`)).status, 404);

      // While a round is open, merging and splitting are refused and what was typed stays.
      const again = await s.facilitator.client.post(`${page}/samenvoegen`, { groupIds: [own1, own2], text: 'Doe mee aan peersupport.', addressee: 'persoon' });
      assert.equal(again.status, 303);
      const mergedAgain = await groupOf(t, r.r1);
      const opened = await s.facilitator.client.post(`${s.base}/rangorde`, { topN: '10' });
      assert.equal(opened.status, 303);
      const refused = await s.facilitator.client.post(`${page}/samenvoegen`, { groupIds: [g3, g4], text: 'UWV en dossier samen.', addressee: 'overkoepelend' });
      assert.equal(refused.status, 409);
      await assertValidHtml(refused.body);
      assert.match(refused.body, /Er loopt een rangorde-ronde\. Tijdens een ronde kun je aanbevelingen niet samenvoegen of splitsen/);
      assert.match(refused.body, /UWV en dossier samen\./);
      assert.notEqual(await groupOf(t, r.r3), await groupOf(t, r.r4));
      const refusedSplit = await s.facilitator.client.post(`${page}/groepen/${mergedAgain}/splitsen`);
      assert.equal(refusedSplit.status, 409);
      await assertValidHtml(refusedSplit.body);
      assert.match(refusedSplit.body, /Tijdens een ronde kun je een aanbeveling niet splitsen/);
      assert.equal(await groupOf(t, r.r2), mergedAgain);
    });

    test('members rank the unique recommendations; bad rankings come back, a second one needs confirmation', async (ctx) => {
      const t = await testApp(ctx, kind);
      const s = await consultationTeam(t, ['Mo Lid', 'Noor Naaste']);
      const [mo, noor] = s.members;
      await withRecommendations(t, s);
      const rounds = `${s.base}/rangorde`;

      const roundsPage = await s.facilitator.client.get(rounds);
      assert.equal(roundsPage.status, 200);
      await assertValidHtml(roundsPage.body);
      assert.match(roundsPage.body, /id="veld-topN"[^>]*value="10"/);
      const memberRounds = await mo!.client.get(rounds);
      assert.doesNotMatch(memberRounds.body, /Ronde openen/);
      assert.equal((await mo!.client.post(rounds, { topN: '10' })).status, 403);

      const notANumber = await s.facilitator.client.post(rounds, { topN: 'tien' });
      assert.equal(notANumber.status, 422);
      await assertValidHtml(notANumber.body);
      assert.match(notANumber.body, /Vul een heel getal in, zoals 10\./);
      assert.match(notANumber.body, /value="tien"/);
      assert.match((await s.facilitator.client.post(rounds, { topN: '51' })).body, /Kies een getal van 1 tot en met 50\./);
      const opened = await s.facilitator.client.post(rounds, { topN: '2' });
      assert.equal(opened.status, 303);
      const roundPath = opened.location ?? '';
      const roundId = roundPath.split('/').pop() ?? '';
      const twice = await s.facilitator.client.post(rounds, { topN: '2' });
      assert.equal(twice.status, 409);
      assert.match(twice.body, /Er loopt al een ronde/);

      const items = await t.deps.db.kysely.selectFrom('case_ranking_items').selectAll().where('round_id', '=', roundId).orderBy('position').execute();
      assert.equal(items.length, 4);
      const [a, b, c, d] = items.map((i) => i.group_id) as [string, string, string, string];
      assert.equal(items[0]!.text, PEER_1_SHARPER);

      const form = await mo!.client.get(roundPath);
      assert.equal(form.status, 200);
      await assertValidHtml(form.body);
      assert.match(form.body, /<form[^>]*\sdata-ranking[\s>]/);
      assert.match(form.body, new RegExp(`name="rank_${a}"`));
      assert.doesNotMatch(form.body, /Wie heeft de rangorde ingevuld\?/);

      const mine = `${roundPath}/mijn-rangorde`;
      const omitted = await mo!.client.post(mine, { [`rank_${a}`]: '1', [`rank_${b}`]: '2', [`rank_${c}`]: '3' });
      assert.equal(omitted.status, 422);
      await assertValidHtml(omitted.body);
      assert.match(omitted.body, /Geef elke aanbeveling een plaats\. Bij 1 aanbeveling ontbreekt nog een plaats\./);
      assert.match(omitted.body, /Vul een plaats in\./);
      assert.equal(inputValue(omitted.body, `rank_${a}`), '1');
      assert.equal(inputValue(omitted.body, `rank_${c}`), '3');
      assert.match(omitted.body, new RegExp(`href="#veld-rank_${d}"`));

      const repeated = await mo!.client.post(mine, { [`rank_${a}`]: '1', [`rank_${b}`]: '1', [`rank_${c}`]: '9', [`rank_${d}`]: 'twee' });
      assert.equal(repeated.status, 422);
      await assertValidHtml(repeated.body);
      assert.match(repeated.body, /Plaats 1 heb je vaker gebruikt\. Geef elke plaats maar één keer\./);
      assert.match(repeated.body, /Kies een plaats van 1 tot en met 4\./);
      assert.match(repeated.body, /Vul een heel getal in, zoals 3\./);
      assert.equal(inputValue(repeated.body, `rank_${b}`), '1');
      assert.equal(inputValue(repeated.body, `rank_${c}`), '9');
      assert.equal(inputValue(repeated.body, `rank_${d}`), 'twee');
      assert.equal((await t.deps.db.kysely.selectFrom('case_rankings').select('user_id').execute()).length, 0);

      const first = await mo!.client.post(mine, { [`rank_${a}`]: '1', [`rank_${b}`]: '2', [`rank_${c}`]: '3', [`rank_${d}`]: '4' });
      assert.equal(first.status, 303);
      const saved = await mo!.client.follow(first);
      assert.match(saved.body, /Je rangorde is opgeslagen\./);
      assert.match(saved.body, /Je hebt je rangorde ingevuld op/);
      assert.equal(inputValue(saved.body, `rank_${d}`), '4');
      await assertValidHtml(saved.body);

      // A second ranking asks first; "adjust" brings the form back with the new numbers.
      const second = { [`rank_${a}`]: '2', [`rank_${b}`]: '1', [`rank_${c}`]: '3', [`rank_${d}`]: '4' };
      const ask = await mo!.client.post(mine, second);
      assert.equal(ask.status, 200);
      await assertValidHtml(ask.body);
      assert.match(ask.body, /Je rangorde vervangen\?/);
      assert.match(ask.body, new RegExp(`type="hidden" name="rank_${b}" value="1"`));
      const entriesOf = async (userId: string) =>
        (await t.deps.db.kysely.selectFrom('case_ranking_entries').selectAll().where('user_id', '=', userId).orderBy('rank').execute()).map((e) => e.group_id);
      assert.deepEqual(await entriesOf(mo!.id), [a, b, c, d]);
      const adjust = await mo!.client.post(mine, { ...second, bevestigd: 'aanpassen' });
      assert.equal(adjust.status, 200);
      assert.equal(inputValue(adjust.body, `rank_${a}`), '2');
      const replaced = await mo!.client.post(mine, { ...second, bevestigd: 'ja' });
      assert.equal(replaced.status, 303);
      assert.match((await mo!.client.follow(replaced)).body, /Je nieuwe rangorde is opgeslagen\./);
      assert.deepEqual(await entriesOf(mo!.id), [b, a, c, d]);
      assert.equal((await t.deps.db.kysely.selectFrom('case_rankings').select('user_id').where('user_id', '=', mo!.id).execute()).length, 1);

      // The facilitator sees who has ranked; closing with people missing needs an explicit confirmation.
      const facilitatorView = await s.facilitator.client.get(roundPath);
      await assertValidHtml(facilitatorView.body);
      assert.match(facilitatorView.body, /Wie heeft de rangorde ingevuld\?/);
      assert.match(facilitatorView.body, /Sluit zonder de rangorde van: Fleur Voorzitter en Noor Naaste/);
      const close = `${roundPath}/sluiten`;
      const unconfirmed = await s.facilitator.client.post(close, {});
      assert.equal(unconfirmed.status, 422);
      await assertValidHtml(unconfirmed.body);
      assert.match(unconfirmed.body, /Vink aan dat je de ronde toch wilt sluiten\./);
      assert.equal((await mo!.client.post(close, { closeWithout: 'ja', missing: `${s.facilitator.id},${noor!.id}` })).status, 403);

      const own = await s.facilitator.client.post(mine, { [`rank_${a}`]: '1', [`rank_${c}`]: '2', [`rank_${b}`]: '3', [`rank_${d}`]: '4' });
      assert.equal(own.status, 303);
      const stale = await s.facilitator.client.post(close, { closeWithout: 'ja', missing: '' });
      assert.equal(stale.status, 409);
      assert.match(stale.body, /Kijk de namen na en bevestig opnieuw/);
      const early = await s.facilitator.client.get(`${roundPath}/uitslag`);
      assert.equal(early.status, 303);
      const closed = await s.facilitator.client.post(close, { closeWithout: 'ja', missing: noor!.id });
      assert.equal(closed.status, 303);
      assert.equal(closed.location, `${roundPath}/uitslag`);
      const round = await t.deps.db.kysely.selectFrom('case_ranking_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
      assert.equal(round.status, 'closed');
      assert.deepEqual(JSON.parse(round.missing_members ?? 'null'), ['Noor Naaste']);
      assert.equal(round.closed_by, s.facilitator.id);

      const late = await noor!.client.post(mine, { [`rank_${a}`]: '1', [`rank_${b}`]: '2', [`rank_${c}`]: '3', [`rank_${d}`]: '4' });
      assert.equal(late.status, 409);
      await assertValidHtml(late.body);
      assert.match(late.body, /Deze ronde is gesloten\. Je rangorde is niet meer opgeslagen/);
      assert.match(late.body, /Wat je had ingevuld/);

      // Results: averages with a Dutch comma, rankers, spread, the top with its tie rule.
      const results = await mo!.client.get(`${roundPath}/uitslag`);
      assert.equal(results.status, 200);
      await assertValidHtml(results.body);
      assert.match(results.body, /Gesloten zonder de rangorde van: Noor Naaste\./);
      assert.match(results.body, /Ingevulde rangordes: 2\. Unieke aanbevelingen in deze ronde: 4\./);
      assert.match(results.body, /<td>1,5<\/td>/);
      assert.match(results.body, /<td>2,5<\/td>/);
      assert.match(results.body, /<td>4,0<\/td>/);
      assert.match(results.body, /1 tot 2/);
      assert.match(results.body, /Bij een gelijk gemiddelde gaat de aanbeveling voor/);
      assert.match(results.body, /in de top 2/);
      assert.doesNotMatch(results.body, /Top 2 vaststellen/);

      // The facilitator approves an adjusted top; who and when are recorded.
      const approve = `${roundPath}/vaststellen`;
      const facilitatorResults = await s.facilitator.client.get(`${roundPath}/uitslag`);
      await assertValidHtml(facilitatorResults.body);
      assert.match(facilitatorResults.body, /Top 2 vaststellen/);
      assert.equal(inputValue(facilitatorResults.body, `top_${a}`), '1');
      assert.equal(inputValue(facilitatorResults.body, `top_${b}`), '2');
      assert.equal(inputValue(facilitatorResults.body, `top_${c}`), '');
      const wrongCount = await s.facilitator.client.post(approve, { [`top_${a}`]: '1', [`top_${b}`]: '', [`top_${c}`]: '', [`top_${d}`]: '' });
      assert.equal(wrongCount.status, 422);
      await assertValidHtml(wrongCount.body);
      assert.match(wrongCount.body, /Kies precies 2 aanbevelingen voor de top\. Nu hebben er 1 een plaats\./);
      assert.equal(inputValue(wrongCount.body, `top_${a}`), '1');
      const badPlace = await s.facilitator.client.post(approve, { [`top_${a}`]: '1', [`top_${b}`]: '1', [`top_${c}`]: '', [`top_${d}`]: '' });
      assert.equal(badPlace.status, 422);
      assert.match(badPlace.body, /Plaats 1 staat bij meer dan één aanbeveling\./);
      assert.equal((await mo!.client.post(approve, { [`top_${c}`]: '1', [`top_${a}`]: '2' })).status, 403);

      const approved = await s.facilitator.client.post(approve, { [`top_${c}`]: '1', [`top_${a}`]: '2', [`top_${b}`]: '', [`top_${d}`]: '' });
      assert.equal(approved.status, 303);
      const stored = await t.deps.db.kysely.selectFrom('case_ranking_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
      assert.equal(stored.status, 'approved');
      assert.equal(stored.approved_by, s.facilitator.id);
      assert.equal(stored.approved_by_name, 'Fleur Voorzitter');
      assert.ok(stored.approved_at && Math.abs(Date.parse(stored.approved_at) - Date.now()) < 60_000);
      assert.deepEqual(JSON.parse(stored.approved_order ?? '[]'), [c, a]);
      const shown = await mo!.client.get(`${roundPath}/uitslag`);
      await assertValidHtml(shown.body);
      assert.match(shown.body, /Vastgestelde top 2/);
      assert.match(shown.body, /Vastgesteld door Fleur Voorzitter op/);

      const top = await approvedTop(t.deps.db.kysely, s.teamId);
      assert.ok(top);
      assert.equal(top.roundId, roundId);
      assert.equal(top.approvedByName, 'Fleur Voorzitter');
      assert.deepEqual(
        top.items.map((i) => [i.rank, i.groupId, i.addressee, i.averageRank]),
        [
          [1, c, 'uitvoeringsinstantie', 2.5],
          [2, a, 'persoon', 1.5],
        ],
      );
      assert.equal(top.items[1]!.text, PEER_1_SHARPER);

      // Approving again asks first, then replaces.
      const again = { [`top_${a}`]: '1', [`top_${b}`]: '2', [`top_${c}`]: '', [`top_${d}`]: '' };
      const ask2 = await s.facilitator.client.post(approve, again);
      assert.equal(ask2.status, 200);
      await assertValidHtml(ask2.body);
      assert.match(ask2.body, /De vastgestelde top vervangen\?/);
      assert.deepEqual(JSON.parse((await t.deps.db.kysely.selectFrom('case_ranking_rounds').select('approved_order').where('id', '=', roundId).executeTakeFirstOrThrow()).approved_order ?? '[]'), [c, a]);
      const confirmed = await s.facilitator.client.post(approve, { ...again, bevestigd: 'ja' });
      assert.equal(confirmed.status, 303);
      assert.deepEqual(JSON.parse((await t.deps.db.kysely.selectFrom('case_ranking_rounds').select('approved_order').where('id', '=', roundId).executeTakeFirstOrThrow()).approved_order ?? '[]'), [a, b]);

      const list = await mo!.client.get(rounds);
      await assertValidHtml(list.body);
      assert.match(list.body, /Top vastgesteld/);
    });

    test('a tie at the edge of the top makes the top longer, and the page says why', async (ctx) => {
      const t = await testApp(ctx, kind);
      const s = await consultationTeam(t, ['Mo Lid']);
      const [mo] = s.members;
      await withRecommendations(t, s);
      assert.equal(await approvedTop(t.deps.db.kysely, s.teamId), null);
      const opened = await s.facilitator.client.post(`${s.base}/rangorde`, { topN: '1' });
      const roundPath = opened.location ?? '';
      const roundId = roundPath.split('/').pop() ?? '';
      const ids = (await t.deps.db.kysely.selectFrom('case_ranking_items').select('group_id').where('round_id', '=', roundId).orderBy('position').execute()).map((i) => i.group_id);
      const [a, b, c, d] = ids as [string, string, string, string];
      await mo!.client.get(roundPath);
      assert.equal((await mo!.client.post(`${roundPath}/mijn-rangorde`, { [`rank_${a}`]: '1', [`rank_${b}`]: '2', [`rank_${c}`]: '3', [`rank_${d}`]: '4' })).status, 303);
      await s.facilitator.client.get(roundPath);
      assert.equal((await s.facilitator.client.post(`${roundPath}/mijn-rangorde`, { [`rank_${b}`]: '1', [`rank_${a}`]: '2', [`rank_${c}`]: '3', [`rank_${d}`]: '4' })).status, 303);
      const everyone = await s.facilitator.client.get(roundPath);
      assert.match(everyone.body, /Iedereen heeft een rangorde ingevuld\./);
      assert.equal((await s.facilitator.client.post(`${roundPath}/sluiten`, {})).status, 303);
      const results = await s.facilitator.client.get(`${roundPath}/uitslag`);
      await assertValidHtml(results.body);
      assert.match(results.body, /Door een gelijke stand op de laatste plaats staan er 2 aanbevelingen in de top 1\./);
      assert.match(results.body, /1 \(gedeeld\)/);
      assert.equal(inputValue(results.body, `top_${a}`), '1');
      assert.equal(inputValue(results.body, `top_${b}`), '');
      const round = await t.deps.db.kysely.selectFrom('case_ranking_rounds').select('missing_members').where('id', '=', roundId).executeTakeFirstOrThrow();
      assert.equal(round.missing_members, null);
    });

    test('only participants get in; other teams’ rounds are not found; a removed member loses access at once', async (ctx) => {
      const t = await testApp(ctx, kind);
      const s = await consultationTeam(t, ['Mo Lid']);
      const [mo] = s.members;
      await withRecommendations(t, s);
      const opened = await s.facilitator.client.post(`${s.base}/rangorde`, { topN: '10' });
      assert.equal(opened.status, 303);
      const roundPath = opened.location ?? '';
      assert.equal(
        (await t.deps.db.kysely.selectFrom('case_ranking_rounds').select('top_n').executeTakeFirstOrThrow()).top_n,
        4,
        'a top longer than the list becomes the whole list',
      );

      const outsider = await registeredPerson(t, { name: 'Otto Buiten' });
      assert.equal((await outsider.client.get(`${s.base}/aanbevelingen`)).status, 403);
      await enableTwoFactor(t, outsider);
      for (const path of [`${s.base}/aanbevelingen`, `${s.base}/rangorde`, roundPath, `${roundPath}/uitslag`]) {
        assert.equal((await outsider.client.get(path)).status, 403, path);
      }
      assert.equal((await outsider.client.post(`${roundPath}/mijn-rangorde`, {})).status, 403);
      const anonymous = await t.client().get(`${s.base}/rangorde`);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.location ?? '', /^\/account\/inloggen/);

      // A member without two-factor authentication is sent to the team page that explains it.
      const newcomer = await registeredPerson(t, { name: 'Nina Nieuw' });
      await t.deps.db.kysely.insertInto('team_members').values({ team_id: s.teamId, user_id: newcomer.id, role: 'member', joined_at: new Date().toISOString() }).execute();
      const redirected = await newcomer.client.get(`${s.base}/rangorde`);
      assert.equal(redirected.status, 303);
      assert.equal(redirected.location, s.base);

      // Another team's round under this team's address is not found.
      const other = await consultationTeam(t, []);
      await withRecommendations(t, other);
      const otherOpened = await other.facilitator.client.post(`${other.base}/rangorde`, { topN: '3' });
      const otherRoundId = (otherOpened.location ?? '').split('/').pop();
      assert.equal((await s.facilitator.client.get(`${s.base}/rangorde/${otherRoundId}`)).status, 404);
      assert.equal((await s.facilitator.client.get(`${s.base}/rangorde/${randomUUID()}/uitslag`)).status, 404);
      const otherGroup = await t.deps.db.kysely.selectFrom('case_recommendation_groups').select('id').where('team_id', '=', other.teamId).executeTakeFirstOrThrow();
      assert.equal((await s.facilitator.client.get(`${s.base}/aanbevelingen/groepen/${otherGroup.id}`)).status, 404);
      const otherRec = await t.deps.db.kysely.selectFrom('case_recommendations').select('id').where('team_id', '=', other.teamId).executeTakeFirstOrThrow();
      assert.equal((await s.facilitator.client.get(`${s.base}/aanbevelingen/${otherRec.id}/geschiedenis`)).status, 404);

      // Removed from the team: the next request is refused.
      assert.equal((await mo!.client.get(roundPath)).status, 200);
      const removed = await inTransaction(t.deps, (tx) => removeMember(tx, t.deps, s.teamId, s.facilitator.id, mo!.id, null));
      assert.ok(removed.ok);
      assert.equal((await mo!.client.get(roundPath)).status, 403);
      assert.equal((await mo!.client.get(`${s.base}/aanbevelingen`)).status, 403);
      assert.equal((await mo!.client.post(`${roundPath}/mijn-rangorde`, {})).status, 403);
    });
  });
}

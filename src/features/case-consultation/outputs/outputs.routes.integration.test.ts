import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import { inTransaction } from '../../../platform/db/transaction.js';
import { assertValidHtml } from '../../../testing/html-validation.js';
import { enableTwoFactor, registeredPerson } from '../../../testing/scenario.js';
import { testApp } from '../../../testing/test-app.js';
import { testDatabaseKinds } from '../../../testing/test-databases.js';
import { createCase, createRecommendation } from '../case-consultation.service.js';

const PERSONA = {
  age: '34 jaar',
  gender: 'vrouw',
  nationality: 'Nederlands',
  livingSituation: 'woont met haar zoon',
  income: 'bijstand',
  diagnosis: 'depressie',
  workHistory: 'administratief werk',
  distanceToLabourMarket: 'middelgroot',
  organisations: 'gemeente, GGZ',
  treatment: 'gesprekken bij de praktijkondersteuner',
  particulars: 'wil graag parttime werken',
};

for (const kind of testDatabaseKinds()) {
  describe(`case consultation outputs of a team (${kind.name})`, () => {
    test('poster, report, PDFs and CSV show the cases, core problems and recommendations; each is logged per case', async (ctx) => {
      const t = await testApp(ctx, kind);
      const facilitator = await registeredPerson(t, { name: 'Fay Voorzitter' });
      const created = await facilitator.client.post('/teams/nieuw', { name: 'Expertteam Walcheren', regionSlug: 'zeeland', purpose: 'GGZ en werk' });
      const teamId = /^\/teams\/([^/]+)$/.exec(created.location ?? '')?.[1];
      assert.ok(teamId);
      await enableTwoFactor(t, facilitator);
      assert.equal((await facilitator.client.post(`/casusoverleg/teams/${teamId}/aanzetten`, { theme: 'GGZ en werk op Walcheren' })).status, 303);

      const db = t.deps.db.kysely;
      const meetingId = crypto.randomUUID();
      await inTransaction(t.deps, async (tx) => {
        const c = await createCase(tx, t.deps, teamId, facilitator.id, { title: 'Vrouw van 34, zoekt parttime werk', ...PERSONA, question: 'Wat helpt haar op weg?' }, false);
        const now = new Date().toISOString();
        await tx.db
          .insertInto('case_meetings')
          .values({ id: meetingId, team_id: teamId, case_id: c.id, number: 1, planned_on: '2026-03-03', status: 'finished', current_step: 8, step_started_at: now, step_extra_minutes: 0, started_at: now, finished_at: now, created_by: facilitator.id, created_at: now, version: 3 })
          .execute();
        await tx.db
          .insertInto('case_contributions')
          .values({ id: crypto.randomUUID(), meeting_id: meetingId, step: 4, kind: 'coreProblem', addressee: null, text: 'Angst om de uitkering kwijt te raken', owner: null, consensus: 1, author_id: facilitator.id, created_at: now })
          .execute();
        for (const [addressee, text] of [
          ['persoon', 'Zoek een ervaringsdeskundige om mee te sparren.'],
          ['uitvoeringsinstantie', 'Leg uit wat er met de uitkering gebeurt bij parttime werk.'],
        ] as const) {
          await createRecommendation(tx, t.deps, { teamId, meetingId, caseId: c.id, addressee, text, authorId: facilitator.id });
        }
      });

      const poster = await facilitator.client.get(`/casusoverleg/teams/${teamId}/poster`);
      assert.equal(poster.status, 200);
      await assertValidHtml(poster.body);
      assert.match(poster.body, /Vrouw van 34, zoekt parttime werk/);
      assert.match(poster.body, /Angst om de uitkering kwijt te raken/);
      assert.match(poster.body, /Bijeenkomst 1, 3 maart 2026/);
      const report = await facilitator.client.get(`/casusoverleg/teams/${teamId}/verslag`);
      assert.equal(report.status, 200);
      await assertValidHtml(report.body);
      assert.match(report.body, /Leg uit wat er met de uitkering gebeurt bij parttime werk\./);

      for (const file of ['poster.pdf', 'verslag.pdf']) {
        const pdf = await facilitator.client.get(`/casusoverleg/teams/${teamId}/${file}`);
        assert.equal(pdf.status, 200);
        assert.equal(pdf.headers['content-type'], 'application/pdf');
        assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="casusoverleg-expertteam-walcheren-(poster|verslag)\.pdf"$/);
        assert.equal(pdf.headers['cache-control'], 'no-store');
        assert.ok(pdf.body.startsWith('%PDF-'));
      }
      const csv = await facilitator.client.get(`/casusoverleg/teams/${teamId}/aanbevelingen.csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.body, /Zoek een ervaringsdeskundige om mee te sparren\./);

      const logged = await db.selectFrom('case_access_log').select('action').where('team_id', '=', teamId).execute();
      assert.deepEqual(logged.map((r) => r.action).sort(), ['export', 'poster', 'poster', 'verslag', 'verslag']);
    });
  });
}

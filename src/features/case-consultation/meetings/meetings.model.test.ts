// The texts, installed as the app does, because these tests read its Dutch messages.
import '../../../messages.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseForm } from '../../../platform/http/forms.js';
import {
  buildStepPlan,
  clockText,
  contributionSchema,
  contributionStepOf,
  EXTENSION_MINUTES,
  isMeetingDate,
  kindsOfStep,
  LAST_STEP,
  MAX_EXTRA_MINUTES,
  MEETING_COMMANDS,
  meetingChannel,
  meetingStepPlan,
  planMeetingSchema,
  plannedMinutes,
  REVIEW_MINUTES,
  reviewSchema,
  timerOf,
  transition,
  versionOf,
  type MeetingState,
} from './meetings.model.js';

const T0 = new Date('2027-03-12T13:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

const planned: MeetingState = { status: 'planned', currentStep: 0, stepStartedAt: null, stepExtraMinutes: 0, startedAt: null, finishedAt: null, version: 1 };

function run(state: MeetingState, ...commands: Array<Parameters<typeof transition>[1]>): MeetingState {
  let current = state;
  for (const command of commands) {
    const result = transition(current, command, current.version, T0);
    assert.ok(result.ok, `${command} refused: ${result.ok ? '' : result.reason}`);
    current = result.state;
  }
  return current;
}

test('the agenda is the review plus the book\'s eight steps with 5, 10, 5, 10, 10, 15, 5 and 10 minutes', () => {
  const plan = meetingStepPlan();
  assert.deepEqual(
    plan.map((s) => [s.number, s.minutes]),
    [
      [0, REVIEW_MINUTES],
      [1, 5],
      [2, 10],
      [3, 5],
      [4, 10],
      [5, 10],
      [6, 15],
      [7, 5],
      [8, 10],
    ],
  );
  assert.equal(plan[2]!.title, 'Informatieve vragenronde');
  assert.equal(plan[2]!.instruction, 'Doorvragen – niet interpreteren, oordelen of suggereren');
  assert.equal(plan[1]!.instruction, null, 'the book\'s dash means no instruction');
  assert.match(plan[6]!.instruction ?? '', /a\. Persoon/);
  assert.equal(plannedMinutes(plan), 80);
});

test('a step plan with missing or extra steps is refused', () => {
  const step = (number: number) => ({ number, title: `Stap ${number}.`, minutes: 5, instruction: '—' });
  assert.throws(() => buildStepPlan([1, 2, 3].map(step)));
  assert.throws(() => buildStepPlan([1, 2, 3, 4, 5, 6, 7, 9].map(step)));
  const plan = buildStepPlan([8, 7, 6, 5, 4, 3, 2, 1].map(step));
  assert.deepEqual(plan.map((s) => s.number), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(plan[3]!.title, 'Stap 3');
});

test('start, next, previous, extend and finish move the meeting as the facilitator says', () => {
  const started = run(planned, 'start');
  assert.equal(started.status, 'running');
  assert.equal(started.currentStep, 0);
  assert.equal(started.stepStartedAt, T0.toISOString());
  assert.equal(started.startedAt, T0.toISOString());
  assert.equal(started.version, 2);
  const atTwo = run(started, 'next', 'next', 'extend', 'extend');
  assert.equal(atTwo.currentStep, 2);
  assert.equal(atTwo.stepExtraMinutes, 2 * EXTENSION_MINUTES);
  const back = run(atTwo, 'previous');
  assert.equal(back.currentStep, 1);
  assert.equal(back.stepExtraMinutes, 0, 'a new step starts with its own time');
  const finished = run(back, 'finish');
  assert.equal(finished.status, 'finished');
  assert.equal(finished.finishedAt, T0.toISOString());
  assert.equal(finished.currentStep, 1);
});

test('the guards: not before the start, not past the ends, not after finishing, not forever longer', () => {
  const refused = (state: MeetingState, command: Parameters<typeof transition>[1]) => {
    const result = transition(state, command, state.version, T0);
    return result.ok ? 'ok' : result.reason;
  };
  assert.equal(refused(planned, 'next'), 'notStarted');
  assert.equal(refused(planned, 'extend'), 'notStarted');
  assert.equal(refused(planned, 'finish'), 'notStarted');
  const started = run(planned, 'start');
  assert.equal(refused(started, 'start'), 'alreadyStarted');
  assert.equal(refused(started, 'previous'), 'firstStep');
  const last = run(started, ...Array.from({ length: LAST_STEP }, () => 'next' as const));
  assert.equal(last.currentStep, LAST_STEP);
  assert.equal(refused(last, 'next'), 'lastStep');
  const finished = run(last, 'finish');
  for (const command of MEETING_COMMANDS) assert.equal(refused(finished, command), 'finished');
  const long = run(started, ...Array.from({ length: MAX_EXTRA_MINUTES / EXTENSION_MINUTES }, () => 'extend' as const));
  assert.equal(long.stepExtraMinutes, MAX_EXTRA_MINUTES);
  assert.equal(refused(long, 'extend'), 'extendLimit');
});

test('a command built on an older version is stale, whatever it is', () => {
  const started = run(planned, 'start');
  for (const command of MEETING_COMMANDS) {
    const result = transition(started, command, started.version - 1, T0);
    assert.deepEqual(result, { ok: false, reason: 'stale' });
  }
});

test('property: a double submit never moves two steps, and every accepted command adds one to the version', () => {
  const commands = fc.constantFrom(...MEETING_COMMANDS);
  fc.assert(
    fc.property(fc.array(fc.tuple(commands, fc.boolean()), { maxLength: 40 }), (script) => {
      let state = planned;
      for (const [command, doubled] of script) {
        const shown = state.version;
        const first = transition(state, command, shown, T0);
        if (first.ok) {
          assert.equal(first.state.version, state.version + 1);
          assert.ok(Math.abs(first.state.currentStep - state.currentStep) <= 1);
          assert.ok(first.state.currentStep >= 0 && first.state.currentStep <= LAST_STEP);
          state = first.state;
        }
        if (doubled) {
          const second = transition(state, command, shown, T0);
          if (first.ok) assert.deepEqual(second, { ok: false, reason: 'stale' });
        }
      }
    }),
  );
});

test('the timer counts down from the step\'s minutes plus what was added, then counts the time over', () => {
  const started = run(planned, 'start', 'next', 'next');
  assert.equal(started.currentStep, 2);
  const atStart = timerOf(started, T0);
  assert.deepEqual(atStart, { minutes: 10, endsAt: later(600_000).toISOString(), remainingSeconds: 600, overtimeSeconds: 0 });
  assert.equal(timerOf(started, later(1))!.remainingSeconds, 600, 'a started second still counts');
  assert.equal(timerOf(started, later(599_001))!.remainingSeconds, 1);
  assert.deepEqual(timerOf(started, later(600_000)), { minutes: 10, endsAt: later(600_000).toISOString(), remainingSeconds: 0, overtimeSeconds: 0 });
  assert.equal(timerOf(started, later(661_500))!.overtimeSeconds, 61);
  const extended = run(started, 'extend');
  assert.equal(timerOf(extended, later(600_000))!.remainingSeconds, 300);
  assert.equal(timerOf(extended, T0)!.minutes, 15);
  assert.equal(timerOf(planned, T0), null);
  assert.equal(timerOf(run(started, 'finish'), T0), null);
});

test('clock text', () => {
  assert.equal(clockText(0), '0:00');
  assert.equal(clockText(545), '9:05');
  assert.equal(clockText(3723), '1:02:03');
  assert.equal(clockText(-5), '0:00');
});

test('contributions: the step decides the kind; ideas need an addressee, next steps an owner; texts are limited', () => {
  assert.deepEqual(kindsOfStep(0), []);
  assert.deepEqual(kindsOfStep(6), []);
  assert.deepEqual(kindsOfStep(8), ['evaluation', 'nextStep']);
  assert.equal(contributionStepOf('2'), 2);
  for (const bad of ['0', '6', '9', '', ' ', '2.5', '-1', '02', undefined, ['2']]) assert.equal(contributionStepOf(bad), undefined, String(bad));

  const question = parseForm(contributionSchema(2), { stap: '2', tekst: '  Wat gaf energie?  ', soort: 'idea', geadresseerde: 'persoon', eigenaar: 'x' });
  assert.ok(question.ok);
  assert.deepEqual(question.data, { kind: 'question', text: 'Wat gaf energie?', addressee: null, owner: null });

  const idea = parseForm(contributionSchema(5), { tekst: 'Proefplaatsing', geadresseerde: '' });
  assert.deepEqual(idea.ok ? {} : idea.errors, { geadresseerde: 'caseMeetings.error.addresseeRequired' });
  const ideaOk = parseForm(contributionSchema(5), { tekst: 'Proefplaatsing', geadresseerde: 'uitvoeringsinstantie' });
  assert.ok(ideaOk.ok);
  assert.equal(ideaOk.data.addressee, 'uitvoeringsinstantie');

  const noKind = parseForm(contributionSchema(8), { tekst: 'Goed gesprek' });
  assert.deepEqual(noKind.ok ? {} : noKind.errors, { soort: 'caseMeetings.error.kindRequired' });
  const noOwner = parseForm(contributionSchema(8), { soort: 'nextStep', tekst: 'Werkgever bellen', eigenaar: ' ' });
  assert.deepEqual(noOwner.ok ? {} : noOwner.errors, { eigenaar: 'caseMeetings.error.ownerRequired' });
  const evaluation = parseForm(contributionSchema(8), { soort: 'evaluation', tekst: 'Goed gesprek', eigenaar: 'genegeerd' });
  assert.ok(evaluation.ok);
  assert.equal(evaluation.data.owner, null);

  const empty = parseForm(contributionSchema(3), { tekst: '   ' });
  assert.deepEqual(empty.ok ? {} : empty.errors, { tekst: 'caseMeetings.error.textRequired' });
  const long = parseForm(contributionSchema(3), { tekst: 'x'.repeat(2001) });
  assert.deepEqual(long.ok ? {} : long.errors, { tekst: 'caseMeetings.error.textTooLong' });
  assert.ok(parseForm(contributionSchema(3), { tekst: 'x'.repeat(2000) }).ok);
  const owner = parseForm(contributionSchema(8), { soort: 'nextStep', tekst: 'x', eigenaar: 'y'.repeat(201) });
  assert.deepEqual(owner.ok ? {} : owner.errors, { eigenaar: 'caseMeetings.error.ownerTooLong' });
});

test('planning and review forms', () => {
  assert.ok(isMeetingDate('2027-03-12'));
  assert.ok(isMeetingDate('2028-02-29'));
  for (const bad of ['2027-02-29', '2027-13-01', '12-03-2027', '2027-3-12', '1999-01-01']) assert.ok(!isMeetingDate(bad), bad);
  const ok = parseForm(planMeetingSchema, { caseId: 'abc', plannedOn: '' });
  assert.ok(ok.ok);
  assert.deepEqual(ok.data, { caseId: 'abc', plannedOn: null });
  const bad = parseForm(planMeetingSchema, { caseId: '', plannedOn: '31-02-2027' });
  assert.deepEqual(bad.ok ? {} : bad.errors, { caseId: 'caseMeetings.error.caseRequired', plannedOn: 'caseMeetings.error.dateInvalid' });
  const review = parseForm(reviewSchema, { changeKind: 'opgesteld', addressee: 'persoon', text: 'x' });
  assert.deepEqual(review.ok ? {} : review.errors, { changeKind: 'caseMeetings.error.changeKindRequired' });
  assert.equal(versionOf('12'), 12);
  for (const bad of ['', 'x', '-1', '1.5', undefined, '12345678901']) assert.equal(versionOf(bad), undefined, String(bad));
  assert.equal(meetingChannel('m1'), 'case-meeting:m1');
});

import { z } from 'zod';
import { isCalendarDate } from '../../../platform/time/dutch-calendar.js';
import { theBook } from '../../book/book.service.js';
import { ADDRESSEES, CHANGE_KINDS, recommendationSchema, type Addressee } from '../case-consultation.schemas.js';

// The rules of a meeting ("bijeenkomst") of a case consultation, as pure functions: the agenda with its
// minutes, the timer and the facilitator's commands as a state machine. Everything here is unit-tested in
// meetings.model.test.ts; the service stores and loads, the routes translate.

/** Step 0 is the review of the previous meeting's recommendations; 1..8 are the persona discussion. */
export const REVIEW_STEP = 0;
export const FIRST_DISCUSSION_STEP = 1;
export const LAST_STEP = 8;
export const RECOMMENDATION_STEP = 6;
export const THEME_STEP = 7;

/** The report gives no time for the review; ten minutes keeps the whole meeting under an hour and a half. */
export const REVIEW_MINUTES = 10;
/** What "5 minuten erbij" adds, and how much extra one step may get in total. */
export const EXTENSION_MINUTES = 5;
export const MAX_EXTRA_MINUTES = 60;

export const MEETING_STATUSES = ['planned', 'running', 'finished'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export function toMeetingStatus(value: string): MeetingStatus {
  return (MEETING_STATUSES as readonly string[]).includes(value) ? (value as MeetingStatus) : 'planned';
}

// The agenda

export interface PlanStep {
  /** 0 = review, 1..8 = the steps of the report's "Stappenplan persona-bespreking". */
  readonly number: number;
  /** The book's title of the step, without its closing full stop; null for the review (the view names it). */
  readonly title: string | null;
  readonly minutes: number;
  /** The book's instruction, or null where the book has none ("—"). */
  readonly instruction: string | null;
}

interface BookStep {
  readonly number: number;
  readonly title: string;
  readonly minutes: number;
  readonly instruction: string;
}

/** The agenda of every meeting: the review, then the eight steps exactly as the book gives them. */
export function buildStepPlan(bookSteps: readonly BookStep[]): readonly PlanStep[] {
  const sorted = [...bookSteps].sort((a, b) => a.number - b.number);
  if (sorted.length !== LAST_STEP || sorted.some((s, i) => s.number !== i + 1)) {
    throw new Error(`Het stappenplan moet de stappen 1 tot en met ${LAST_STEP} hebben`);
  }
  const clean = (text: string) => {
    const trimmed = text.trim();
    return trimmed === '' || /^[—–-]+$/.test(trimmed) ? null : trimmed;
  };
  return [
    { number: REVIEW_STEP, title: null, minutes: REVIEW_MINUTES, instruction: null },
    ...sorted.map((s) => ({ number: s.number, title: s.title.trim().replace(/\.$/, ''), minutes: s.minutes, instruction: clean(s.instruction) })),
  ];
}

let cachedPlan: readonly PlanStep[] | undefined;

/** The agenda from the content pack (the Zeeland report's appendix 1). */
export function meetingStepPlan(): readonly PlanStep[] {
  cachedPlan ??= buildStepPlan(theBook().pack.zeeland.stepPlan.steps);
  return cachedPlan;
}

export function isStep(value: number): boolean {
  return Number.isInteger(value) && value >= REVIEW_STEP && value <= LAST_STEP;
}

// What participants contribute per step

export const CONTRIBUTION_KINDS = ['note', 'question', 'perspective', 'coreProblem', 'idea', 'theme', 'evaluation', 'nextStep'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export function isContributionKind(value: string): value is ContributionKind {
  return (CONTRIBUTION_KINDS as readonly string[]).includes(value);
}

/**
 * The contributions each step collects. Step 0 changes recommendations of the previous meeting and step 6
 * makes recommendations: neither collects contributions.
 */
export const STEP_KINDS: Readonly<Record<number, readonly ContributionKind[]>> = {
  0: [],
  1: ['note'],
  2: ['question'],
  3: ['perspective'],
  4: ['coreProblem'],
  5: ['idea'],
  6: [],
  7: ['theme'],
  8: ['evaluation', 'nextStep'],
};

export function kindsOfStep(step: number): readonly ContributionKind[] {
  return STEP_KINDS[step] ?? [];
}

export const CONTRIBUTION_MAX_LENGTH = 2000;
export const OWNER_MAX_LENGTH = 200;

/** The hidden step field of a contribution form: a step that collects contributions, or nothing. */
export function contributionStepOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d$/.test(value.trim())) return undefined;
  const step = Number(value.trim());
  return kindsOfStep(step).length > 0 ? step : undefined;
}

/** The form of a contribution for one step: the kind is fixed by the step, except in step 8 (evaluation or next step). */
export function contributionSchema(step: number) {
  const kinds = kindsOfStep(step);
  const fixedKind = kinds.length === 1 ? kinds[0] : undefined;
  return z
    .object({
      soort: fixedKind
        ? z.unknown().optional().transform((): ContributionKind => fixedKind)
        : z.enum(kinds as [ContributionKind, ...ContributionKind[]], { message: 'caseMeetings.error.kindRequired' }),
      tekst: z
        .string({ message: 'caseMeetings.error.textRequired' })
        .trim()
        .min(1, { message: 'caseMeetings.error.textRequired' })
        .max(CONTRIBUTION_MAX_LENGTH, { message: 'caseMeetings.error.textTooLong' }),
      geadresseerde: z.string().trim().optional(),
      eigenaar: z.string().trim().max(OWNER_MAX_LENGTH, { message: 'caseMeetings.error.ownerTooLong' }).optional(),
    })
    .superRefine((value, ctx) => {
      if (value.soort === 'idea' && !(ADDRESSEES as readonly string[]).includes(value.geadresseerde ?? '')) {
        ctx.addIssue({ code: 'custom', path: ['geadresseerde'], message: 'caseMeetings.error.addresseeRequired' });
      }
      if (value.soort === 'nextStep' && !value.eigenaar) {
        ctx.addIssue({ code: 'custom', path: ['eigenaar'], message: 'caseMeetings.error.ownerRequired' });
      }
    })
    .transform((value) => ({
      kind: value.soort,
      text: value.tekst,
      addressee: value.soort === 'idea' ? (value.geadresseerde as Addressee) : null,
      owner: value.soort === 'nextStep' ? (value.eigenaar ?? null) : null,
    }));
}
export type ContributionInput = z.infer<ReturnType<typeof contributionSchema>>;

/** "Plan a meeting": one of the team's cases and, if known, the day. */
export const planMeetingSchema = z.object({
  caseId: z.string({ message: 'caseMeetings.error.caseRequired' }).trim().min(1, { message: 'caseMeetings.error.caseRequired' }).max(100, { message: 'caseMeetings.error.caseRequired' }),
  plannedOn: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isMeetingDate(v), { message: 'caseMeetings.error.dateInvalid' })
    .transform((v) => (v === '' ? null : v)),
});
export type PlanMeetingInput = z.infer<typeof planMeetingSchema>;

/** A real day written as YYYY-MM-DD, in the years a meeting can be planned. */
export function isMeetingDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return isCalendarDate(value) && year >= 2000 && year <= 2100;
}

/** Step 0: how a recommendation of the previous meeting changes (the version comes separately, see versionOf). */
export const reviewSchema = recommendationSchema.extend({
  changeKind: z.enum(CHANGE_KINDS, { message: 'caseMeetings.error.changeKindRequired' }),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

/** The version a command form was shown with; anything else is no version at all. */
export function versionOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

// The state machine

export interface MeetingState {
  readonly status: MeetingStatus;
  readonly currentStep: number;
  /** ISO time the current step began; null before the start. */
  readonly stepStartedAt: string | null;
  readonly stepExtraMinutes: number;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly version: number;
}

export const MEETING_COMMANDS = ['start', 'next', 'previous', 'extend', 'finish'] as const;
export type MeetingCommand = (typeof MEETING_COMMANDS)[number];

export type RefusalReason = 'stale' | 'notStarted' | 'alreadyStarted' | 'finished' | 'firstStep' | 'lastStep' | 'extendLimit';

export type TransitionResult = { readonly ok: true; readonly state: MeetingState } | { readonly ok: false; readonly reason: RefusalReason };

/**
 * What a command of the facilitator does to a meeting. The form carries the version it was shown with: a
 * command built on an older state (a double click, a second facilitator) is refused as 'stale', so one
 * click never moves two steps.
 */
export function transition(state: MeetingState, command: MeetingCommand, expectedVersion: number, now: Date): TransitionResult {
  if (expectedVersion !== state.version) return { ok: false, reason: 'stale' };
  const at = now.toISOString();
  const next = (changes: Partial<MeetingState>): TransitionResult => ({ ok: true, state: { ...state, ...changes, version: state.version + 1 } });
  const toStep = (step: number) => next({ currentStep: step, stepStartedAt: at, stepExtraMinutes: 0 });
  if (state.status === 'finished') return { ok: false, reason: 'finished' };
  if (command === 'start') {
    if (state.status === 'running') return { ok: false, reason: 'alreadyStarted' };
    return next({ status: 'running', currentStep: REVIEW_STEP, stepStartedAt: at, stepExtraMinutes: 0, startedAt: at });
  }
  if (state.status !== 'running') return { ok: false, reason: 'notStarted' };
  switch (command) {
    case 'next':
      return state.currentStep >= LAST_STEP ? { ok: false, reason: 'lastStep' } : toStep(state.currentStep + 1);
    case 'previous':
      return state.currentStep <= REVIEW_STEP ? { ok: false, reason: 'firstStep' } : toStep(state.currentStep - 1);
    case 'extend':
      return state.stepExtraMinutes + EXTENSION_MINUTES > MAX_EXTRA_MINUTES
        ? { ok: false, reason: 'extendLimit' }
        : next({ stepExtraMinutes: state.stepExtraMinutes + EXTENSION_MINUTES });
    case 'finish':
      return next({ status: 'finished', finishedAt: at });
  }
}

// The timer

export interface Timer {
  /** Minutes of the step including what the facilitator added. */
  readonly minutes: number;
  readonly endsAt: string;
  readonly remainingSeconds: number;
  readonly overtimeSeconds: number;
}

/** The timer of the current step; null when the meeting is not running. */
export function timerOf(meeting: Pick<MeetingState, 'status' | 'currentStep' | 'stepStartedAt' | 'stepExtraMinutes'>, now: Date, plan: readonly PlanStep[] = meetingStepPlan()): Timer | null {
  if (meeting.status !== 'running' || meeting.stepStartedAt === null) return null;
  const started = Date.parse(meeting.stepStartedAt);
  const step = plan[meeting.currentStep];
  if (Number.isNaN(started) || !step) return null;
  const minutes = step.minutes + meeting.stepExtraMinutes;
  const ends = started + minutes * 60_000;
  const left = ends - now.getTime();
  return {
    minutes,
    endsAt: new Date(ends).toISOString(),
    remainingSeconds: left > 0 ? Math.ceil(left / 1000) : 0,
    overtimeSeconds: left < 0 ? Math.floor(-left / 1000) : 0,
  };
}

/** "9:05" for 545 seconds; hours only when needed ("1:02:03"). */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The total planned time of a meeting, review included. */
export function plannedMinutes(plan: readonly PlanStep[] = meetingStepPlan()): number {
  return plan.reduce((sum, step) => sum + step.minutes, 0);
}

/** The live channel of one meeting. */
export function meetingChannel(meetingId: string): string {
  return `case-meeting:${meetingId}`;
}

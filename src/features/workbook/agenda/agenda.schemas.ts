import { z } from 'zod';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { dayNumber, DOMAINS, HORIZONS, type Domain, type Horizon } from '../shared/roadmap.js';

export const ACTION_STATUSES = ['idee', 'gepland', 'bezig', 'gedaan', 'gestopt'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Statuses of actions that still ask something of their owner. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['idee', 'gepland', 'bezig'];

/** How a milestone's timeframe is given: a calendar date or one of the horizons. */
export const TIMEFRAME_KINDS = ['datum', 'termijn'] as const;
export type TimeframeKind = (typeof TIMEFRAME_KINDS)[number];

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20_000;
export const NOTE_MAX_LENGTH = 5_000;
export const COMMENT_MAX_LENGTH = 5_000;

export const SUBJECT_KINDS = ['milestone', 'action'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export function isDomain(value: string): value is Domain {
  return (DOMAINS as readonly string[]).includes(value);
}
export function isHorizon(value: string): value is Horizon {
  return (HORIZONS as readonly string[]).includes(value);
}
export function isActionStatus(value: string): value is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(value);
}

// Pure date rules, shared by the forms and the tests.

/**
 * A date as typed: 'YYYY-MM-DD' from a date picker, or '31-12-2027' (also with / or .) where the
 * browser shows a plain text box. Returns 'YYYY-MM-DD', or null when it is no real date.
 */
export function parseDay(raw: string): string | null {
  const value = raw.trim();
  let y: string, m: string, d: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (iso) [y, m, d] = [iso[1]!, iso[2]!, iso[3]!];
  else if (dutch) [d, m, y] = [dutch[1]!, dutch[2]!, dutch[3]!];
  else return null;
  const year = Number(y);
  // Years far away are typing mistakes, not plans.
  if (year < 1900 || year > 2999) return null;
  const normalised = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return dayNumber(normalised) === null ? null : normalised;
}

/** 'YYYY-MM-DD' plus a number of days. */
export function addDays(day: string, days: number): string {
  const n = dayNumber(day);
  if (n === null) throw new Error(`Geen datum: ${day}`);
  return new Date((n + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What is wrong with a due date, if anything. An empty value is fine (the date is optional);
 * a date in the past is refused, except the one already stored (an edit need not move it).
 */
export function dueDateProblem(raw: string, today: string, stored: string | null = null): MessageKey | null {
  if (raw.trim() === '') return null;
  const day = parseDay(raw);
  if (day === null) return 'agenda.error.dateInvalid';
  if (day < today && day !== stored) return 'agenda.error.datePast';
  return null;
}

/** An owner must take part in the workspace; the stored owner may stay although they left. */
export function ownerProblem(ownerId: string | null, memberIds: readonly string[], stored: string | null = null): MessageKey | null {
  if (ownerId === null || ownerId === stored || memberIds.includes(ownerId)) return null;
  return 'agenda.error.ownerNotMember';
}

// Form schemas. Line endings are normalised so that a resubmitted text is not a change.

const longText = (max: number, message: MessageKey) =>
  z
    .string()
    .default('')
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(max, message));

const title = z
  .string()
  .default('')
  .transform((v) => v.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'agenda.error.titleRequired').max(TITLE_MAX_LENGTH, 'agenda.error.titleTooLong'));

const version = z
  .string()
  .default('0')
  .transform((v) => (/^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : 0));

const optionalId = z
  .string()
  .default('')
  .transform((v) => (v.trim() === '' ? null : v.trim()))
  .pipe(z.string().max(100, 'error.invalid').nullable());

export interface DateRules {
  /** Today as 'YYYY-MM-DD' (from the application's clock). */
  readonly today: string;
  /** The date stored before this edit; it stays acceptable even when it has passed. */
  readonly storedDueDate?: string | null;
}

export function milestoneFormSchema(rules: DateRules) {
  return z
    .object({
      title,
      description: longText(DESCRIPTION_MAX_LENGTH, 'agenda.error.descriptionTooLong'),
      domain: z.string().default('').refine(isDomain, 'agenda.error.domainRequired'),
      timeframeKind: z.string().default(''),
      dueDate: z.string().default(''),
      horizon: z.string().default(''),
      celebrationPlan: longText(NOTE_MAX_LENGTH, 'agenda.error.noteTooLong'),
      version,
    })
    .superRefine((v, ctx) => {
      const kind = timeframeKindOf(v.timeframeKind, v.dueDate, v.horizon);
      if (kind === null) {
        ctx.addIssue({ code: 'custom', path: ['timeframeKind'], message: 'agenda.error.timeframeRequired' });
        return;
      }
      if (kind === 'datum') {
        if (v.dueDate.trim() === '') ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'agenda.error.dateRequired' });
        const problem = dueDateProblem(v.dueDate, rules.today, rules.storedDueDate ?? null);
        if (problem) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: problem });
      } else if (!isHorizon(v.horizon)) {
        ctx.addIssue({ code: 'custom', path: ['horizon'], message: 'agenda.error.horizonRequired' });
      }
    })
    .transform((v) => {
      const kind = timeframeKindOf(v.timeframeKind, v.dueDate, v.horizon);
      return {
        title: v.title,
        description: v.description,
        domain: v.domain as Domain,
        // Exactly one of the two is kept: the one the radio chose.
        dueDate: kind === 'datum' ? parseDay(v.dueDate) : null,
        horizon: kind === 'termijn' && isHorizon(v.horizon) ? v.horizon : null,
        celebrationPlan: v.celebrationPlan,
        version: v.version,
      };
    });
}
export type MilestoneForm = z.infer<ReturnType<typeof milestoneFormSchema>>;
export type MilestoneInput = Omit<MilestoneForm, 'version'>;

/**
 * The radio decides; without a choice (an old browser, a hand-made request) a single filled-in
 * field tells what was meant. Both or neither: the person has to choose.
 */
export function timeframeKindOf(kind: string, dueDate: string, horizon: string): TimeframeKind | null {
  if (kind === 'datum' || kind === 'termijn') return kind;
  const hasDate = dueDate.trim() !== '';
  const hasHorizon = horizon.trim() !== '';
  if (hasDate && !hasHorizon) return 'datum';
  if (hasHorizon && !hasDate) return 'termijn';
  return null;
}

export interface ActionRules extends DateRules {
  readonly memberIds: readonly string[];
  readonly storedOwnerId?: string | null;
}

export function actionFormSchema(rules: ActionRules) {
  return z
    .object({
      title,
      description: longText(DESCRIPTION_MAX_LENGTH, 'agenda.error.descriptionTooLong'),
      ownerId: optionalId,
      dueDate: z.string().default(''),
      status: z.string().default('idee').refine(isActionStatus, 'agenda.error.statusRequired'),
      support: longText(NOTE_MAX_LENGTH, 'agenda.error.noteTooLong'),
      headwind: longText(NOTE_MAX_LENGTH, 'agenda.error.noteTooLong'),
      // Only sent where an action can move to (or be saved under) another milestone.
      milestoneId: optionalId,
      version,
    })
    .superRefine((v, ctx) => {
      const dateProblem = dueDateProblem(v.dueDate, rules.today, rules.storedDueDate ?? null);
      if (dateProblem) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: dateProblem });
      const owner = ownerProblem(v.ownerId, rules.memberIds, rules.storedOwnerId ?? null);
      if (owner) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: owner });
    })
    .transform((v) => ({
      title: v.title,
      description: v.description,
      ownerId: v.ownerId,
      dueDate: v.dueDate.trim() === '' ? null : parseDay(v.dueDate),
      status: v.status as ActionStatus,
      support: v.support,
      headwind: v.headwind,
      milestoneId: v.milestoneId,
      version: v.version,
    }));
}
export type ActionForm = z.infer<ReturnType<typeof actionFormSchema>>;
export type ActionInput = Omit<ActionForm, 'version' | 'milestoneId'>;

export const reachSchema = z.object({
  celebrationNote: z
    .string()
    .default('')
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'agenda.error.celebrationRequired').max(NOTE_MAX_LENGTH, 'agenda.error.noteTooLong')),
});

export const commentSchema = z.object({
  body: z
    .string()
    .default('')
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'agenda.error.commentRequired').max(COMMENT_MAX_LENGTH, 'agenda.error.commentTooLong')),
});

export const deleteMilestoneSchema = z.object({
  confirm: z.literal('ja', 'agenda.error.confirmDelete'),
});

export const adoptDreamSchema = z.object({
  dream: z
    .string()
    .default('')
    .transform((v) => (/^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : 0))
    .pipe(z.number().int().min(1, 'agenda.error.dreamUnknown')),
  domain: z.string().default('').refine(isDomain, 'agenda.error.domainRequired'),
});

/** The agenda's filters (a GET form): anything unknown simply means "no filter". */
export function agendaFilterOf(query: unknown, memberIds: readonly string[]): { ownerId: string; status: string } {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const owner = typeof q.eigenaar === 'string' ? q.eigenaar : '';
  const status = typeof q.status === 'string' ? q.status : '';
  return { ownerId: memberIds.includes(owner) ? owner : '', status: isActionStatus(status) ? status : '' };
}

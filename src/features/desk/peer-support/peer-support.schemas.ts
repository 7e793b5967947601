import { z } from 'zod';
import { parseForm, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { emailField } from '../../../platform/http/fields.js';

// The forms of peer-support groups and their meetings, and the pure rules behind them: meeting times are
// typed as Dutch wall-clock time (Europe/Amsterdam) and stored as UTC ISO text.

export const GROUP_NAME_MAX_LENGTH = 120;
export const GROUP_DESCRIPTION_MAX_LENGTH = 4000;
export const GROUP_FOR_WHOM_MAX_LENGTH = 1000;
export const MEETING_PLACE_MAX_LENGTH = 200;
export const MEETING_LINK_MAX_LENGTH = 500;
export const MEETING_DESCRIPTION_MAX_LENGTH = 2000;

export const MEETING_TIME_ZONE = 'Europe/Amsterdam';

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

const versionField = z.string().trim().regex(/^\d{1,9}$/, 'error.invalid').transform(Number);

export const groupSchema = z.object({
  // One line: runs of white space (also line breaks from a hand-made request) become one space.
  name: z
    .string()
    .transform((n) => n.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'error.required').max(GROUP_NAME_MAX_LENGTH, 'desk.peerSupport.error.nameTooLong')),
  description: z.string().trim().min(1, 'error.required').max(GROUP_DESCRIPTION_MAX_LENGTH, 'desk.peerSupport.error.descriptionTooLong'),
  forWhom: z.string().trim().min(1, 'error.required').max(GROUP_FOR_WHOM_MAX_LENGTH, 'desk.peerSupport.error.forWhomTooLong'),
  contactEmail: emailField,
  organisationId: z
    .string()
    .trim()
    .max(100, 'desk.peerSupport.error.organisationUnknown')
    .default('')
    .transform((v) => (v === '' ? null : v)),
});
export type GroupInput = z.infer<typeof groupSchema>;

export const groupEditSchema = groupSchema.extend({ version: versionField });
export type GroupEditInput = z.infer<typeof groupEditSchema>;

// ---------------------------------------------------------------------------------------------
// Dates and times in Europe/Amsterdam
// ---------------------------------------------------------------------------------------------

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function isExistingDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 'YYYY-MM-DD' from what a date field sends, or what someone types without a date picker (14-3-2026); null if it is no existing date. */
export function normaliseDate(value: string): string | null {
  const text = value.trim();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) parts = [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])];
  if (!parts || parts[0] < 1900 || parts[0] > 9999 || !isExistingDate(...parts)) return null;
  return `${parts[0]}-${pad2(parts[1])}-${pad2(parts[2])}`;
}

/** 'HH:MM' from 19:30, 9:05 or 19.30; null otherwise. */
export function normaliseTime(value: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(value.trim());
  return match ? `${pad2(Number(match[1]))}:${match[2]}` : null;
}

const amsterdamFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(amsterdamFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes Amsterdam is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(ms: number): number {
  const w = wallClock(ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The date and time in Amsterdam of a UTC instant, as the form fields show them. */
export function utcToAmsterdam(iso: string): { date: string; time: string } {
  const w = wallClock(new Date(iso).getTime());
  return { date: `${w.year}-${pad2(w.month)}-${pad2(w.day)}`, time: `${pad2(w.hour)}:${pad2(w.minute)}` };
}

/**
 * The UTC instant of a wall-clock time in Amsterdam, or null when that time does not exist (the hour the
 * clocks skip in March). In the hour that happens twice in October the later (winter-time) one is taken.
 */
export function amsterdamToUtc(date: string, time: string): Date | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - offsetMinutes(wall) * 60_000;
  instant = wall - offsetMinutes(instant) * 60_000;
  const back = utcToAmsterdam(new Date(instant).toISOString());
  return back.date === date && back.time === time ? new Date(instant) : null;
}

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

function isHttpsUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const meetingFieldsSchema = z.object({
  date: z.string().trim().min(1, 'error.required').refine((v) => normaliseDate(v) !== null, 'desk.peerSupport.error.date'),
  startTime: z.string().trim().min(1, 'error.required').refine((v) => normaliseTime(v) !== null, 'desk.peerSupport.error.time'),
  endTime: z.string().trim().min(1, 'error.required').refine((v) => normaliseTime(v) !== null, 'desk.peerSupport.error.time'),
  place: z.string().trim().max(MEETING_PLACE_MAX_LENGTH, 'desk.peerSupport.error.placeTooLong').default(''),
  onlineUrl: z
    .string()
    .trim()
    .max(MEETING_LINK_MAX_LENGTH, 'desk.peerSupport.error.linkTooLong')
    .refine((v) => v === '' || isHttpsUrl(v), 'desk.peerSupport.error.httpsLink')
    .default(''),
  description: z.string().trim().max(MEETING_DESCRIPTION_MAX_LENGTH, 'desk.peerSupport.error.meetingDescriptionTooLong').default(''),
});

const sequenceSchema = z.object({ sequence: versionField });

export interface MeetingInput {
  /** UTC ISO. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string | null;
  readonly onlineUrl: string | null;
  readonly description: string;
}

export type MeetingFormResult =
  | { readonly ok: true; readonly data: MeetingInput; readonly sequence: number | null; readonly values: Record<string, string> }
  | { readonly ok: false; readonly errors: FieldErrorKeys; readonly values: Record<string, string> };

/**
 * Validates a meeting form: each field by itself, then the rules between fields (end after start, a place or
 * a link, a time that exists, and for a new meeting not in the past). All problems come back at once, each
 * at its field. `withSequence` reads the hidden version field of an edit form.
 */
export function parseMeetingForm(body: unknown, options: { now: Date; isNew: boolean; withSequence: boolean }): MeetingFormResult {
  const form = parseForm(meetingFieldsSchema, body);
  const values = form.values;
  const errors: FieldErrorKeys = form.ok ? {} : { ...form.errors };
  const add = (field: string, key: FieldErrorKeys[string]) => {
    errors[field] ??= key;
  };

  const date = normaliseDate(values.date ?? '');
  const start = normaliseTime(values.startTime ?? '');
  const end = normaliseTime(values.endTime ?? '');
  const place = (values.place ?? '').trim();
  const link = (values.onlineUrl ?? '').trim();

  if (place === '' && link === '') add('place', 'desk.peerSupport.error.placeOrLink');
  if (start && end && end <= start) add('endTime', 'desk.peerSupport.error.endBeforeStart');

  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (date && start) {
    startsAt = amsterdamToUtc(date, start);
    if (!startsAt) add('startTime', 'desk.peerSupport.error.timeDoesNotExist');
  }
  if (date && end) {
    endsAt = amsterdamToUtc(date, end);
    if (!endsAt) add('endTime', 'desk.peerSupport.error.timeDoesNotExist');
  }
  if (options.isNew && date) {
    const today = utcToAmsterdam(options.now.toISOString()).date;
    if (date < today) add('date', 'desk.peerSupport.error.pastDate');
    else if (startsAt && startsAt.getTime() <= options.now.getTime()) add('startTime', 'desk.peerSupport.error.pastTime');
  }

  // A missing or broken version (a hand-made request) comes back as null: the caller treats it as a conflict.
  const parsedSequence = options.withSequence ? sequenceSchema.safeParse(values) : null;
  const sequence = parsedSequence?.success ? parsedSequence.data.sequence : null;

  if (Object.keys(errors).length > 0 || !form.ok || !startsAt || !endsAt) return { ok: false, errors, values };
  return {
    ok: true,
    sequence,
    values,
    data: {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      place: form.data.place === '' ? null : form.data.place,
      onlineUrl: form.data.onlineUrl === '' ? null : form.data.onlineUrl,
      description: form.data.description,
    },
  };
}

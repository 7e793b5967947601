import { z } from 'zod';
import type { FieldErrorKeys } from '../../../platform/http/forms.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { isByday, LIMITS, LOCATION_TYPES, SERVICE_STATUSES, TIME_PATTERN, WEEKDAYS } from './hsds.js';
import { ORGANISATION_KINDS } from '../shared/region.js';

// The forms of the social map. Errors are message keys, shown at the field.

export const PAGE_SIZE = 20;
/** The opening-hours form shows seven rows (one per day), or more when a location already has more. */
export const SCHEDULE_ROWS = 7;
export const MAX_SCHEDULE_ROWS = 14;
export const PHONE_ROWS = 3;
/** "Every weekday" as one choice, besides the seven days. */
export const WORKDAYS = 'MO,TU,WE,TH,FR';
export const DAY_CHOICES = [...WEEKDAYS, WORKDAYS] as const;

const oneLine = (max: number, tooLong: MessageKey = 'error.tooLong') =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, tooLong));
const requiredLine = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'error.required').max(max, 'error.tooLong'));
const optionalLine = (max: number) => oneLine(max).transform((v) => (v === '' ? null : v));
const text = (max: number) => z.string().trim().max(max, 'error.tooLong').default('');
const optionalEmail = z
  .string()
  .trim()
  .max(LIMITS.email, 'error.emailTooLong')
  .pipe(z.union([z.literal(''), z.email('error.emailInvalid')], 'error.emailInvalid'))
  .default('')
  .transform((v) => (v === '' ? null : v.toLowerCase()));
const optionalUrl = z
  .string()
  .trim()
  .max(LIMITS.url, 'error.tooLong')
  .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'desk.socialMap.error.url' })], 'desk.socialMap.error.url'))
  .default('')
  .transform((v) => (v === '' ? null : v));
const versionField = z.coerce.number('error.invalid').int('error.invalid').min(1, 'error.invalid');

const organisationFields = {
  name: requiredLine(LIMITS.name),
  alternateName: optionalLine(LIMITS.name).default(null),
  description: z.string().trim().min(1, 'error.required').max(LIMITS.description, 'error.tooLong'),
  kind: z.enum(ORGANISATION_KINDS, 'desk.socialMap.error.kind'),
  email: optionalEmail,
  website: optionalUrl,
};

export const organisationSchema = z.object(organisationFields);
export type OrganisationInput = z.infer<typeof organisationSchema>;
export const editOrganisationSchema = z.object({ ...organisationFields, version: versionField });
export type EditOrganisationInput = z.infer<typeof editOrganisationSchema>;

const serviceFields = {
  name: requiredLine(LIMITS.name),
  description: z.string().trim().min(1, 'error.required').max(LIMITS.description, 'error.tooLong'),
  forWhom: text(LIMITS.text),
  howToApply: text(LIMITS.text),
  cost: text(LIMITS.text),
  email: optionalEmail,
  website: optionalUrl,
  status: z.enum(SERVICE_STATUSES, 'desk.socialMap.error.status').default('active'),
};
export const serviceSchema = z.object(serviceFields);
export type ServiceInput = z.infer<typeof serviceSchema>;
export const editServiceSchema = z.object({ ...serviceFields, version: versionField });

export const locationSchema = z
  .object({
    locationType: z.enum(LOCATION_TYPES, 'desk.socialMap.error.locationType'),
    name: optionalLine(LIMITS.short).default(null),
    description: z
      .string()
      .trim()
      .max(LIMITS.text, 'error.tooLong')
      .default('')
      .transform((v) => (v === '' ? null : v)),
    address: optionalLine(LIMITS.short).default(null),
    postalCode: oneLine(10)
      .refine((v) => v === '' || /^\d{4} ?[A-Za-z]{2}$/.test(v), 'desk.socialMap.error.postalCode')
      .transform((v) => (v === '' ? null : v.toUpperCase().replace(/^(\d{4}) ?/, '$1 ')))
      .default(null),
    city: optionalLine(LIMITS.short).default(null),
    url: optionalUrl,
  })
  .superRefine((value, ctx) => {
    if (value.locationType === 'virtual' && value.url === null) ctx.addIssue({ code: 'custom', path: ['url'], message: 'desk.socialMap.error.virtualNeedsUrl' });
    if (value.locationType !== 'virtual' && value.address === null && value.city === null) {
      ctx.addIssue({ code: 'custom', path: ['city'], message: 'desk.socialMap.error.placeNeedsCity' });
    }
  });
export type LocationInput = z.infer<typeof locationSchema>;

export const contactSchema = z
  .object({
    name: optionalLine(LIMITS.short).default(null),
    title: optionalLine(LIMITS.short).default(null),
    email: optionalEmail,
    serviceId: z
      .string()
      .trim()
      .max(LIMITS.id, 'error.invalid')
      .default('')
      .transform((v) => (v === '' ? null : v)),
  })
  .superRefine((value, ctx) => {
    if (value.name === null && value.title === null) ctx.addIssue({ code: 'custom', path: ['name'], message: 'desk.socialMap.error.contactNeedsName' });
  });
export type ContactInput = z.infer<typeof contactSchema>;

export const representativeSchema = z.object({
  email: z.string().trim().min(1, 'error.required').max(LIMITS.email, 'error.emailTooLong').pipe(z.email('error.emailInvalid')).transform((e) => e.toLowerCase()),
});

/** The list's query string; anything odd falls back to the first page without filters. */
export const listQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .catch('')
    .default(''),
  soort: z.enum(ORGANISATION_KINDS).optional().catch(undefined),
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

// Opening hours and phone numbers: rows of numbered fields (day1, opens1, closes1, ...).

export interface ScheduleRowInput {
  readonly byday: string;
  readonly opensAt: string;
  readonly closesAt: string;
}

export interface ScheduleInput {
  readonly rows: readonly ScheduleRowInput[];
  readonly note: string | null;
}

export type RowsResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly errors: FieldErrorKeys };

function normaliseTime(value: string): string {
  const v = value.trim().replace('.', ':');
  return /^\d:\d{2}$/.test(v) ? `0${v}` : v;
}

export function parseScheduleFields(values: Readonly<Record<string, string>>): RowsResult<ScheduleInput> {
  const errors: Record<string, MessageKey> = {};
  const rows: ScheduleRowInput[] = [];
  for (let i = 1; i <= MAX_SCHEDULE_ROWS; i++) {
    const day = (values[`day${i}`] ?? '').trim().toUpperCase();
    const opens = normaliseTime(values[`opens${i}`] ?? '');
    const closes = normaliseTime(values[`closes${i}`] ?? '');
    if (day === '' && opens === '' && closes === '') continue;
    if (day === '' || !isByday(day)) errors[`day${i}`] = 'desk.socialMap.error.day';
    if (!TIME_PATTERN.test(opens)) errors[`opens${i}`] = 'desk.socialMap.error.time';
    if (!TIME_PATTERN.test(closes)) errors[`closes${i}`] = 'desk.socialMap.error.time';
    else if (TIME_PATTERN.test(opens) && closes <= opens) errors[`closes${i}`] = 'desk.socialMap.error.closesBeforeOpens';
    rows.push({ byday: day, opensAt: opens, closesAt: closes });
  }
  const note = (values.hoursNote ?? '').trim();
  if (note.length > LIMITS.text) errors.hoursNote = 'error.tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { rows, note: note === '' ? null : note } };
}

export interface PhoneInput {
  readonly number: string;
  readonly description: string | null;
}

export function parsePhoneFields(values: Readonly<Record<string, string>>): RowsResult<PhoneInput[]> {
  const errors: Record<string, MessageKey> = {};
  const phones: PhoneInput[] = [];
  for (let i = 1; i <= PHONE_ROWS; i++) {
    const number = (values[`phone${i}`] ?? '').replace(/\s+/g, ' ').trim();
    const description = (values[`phoneLabel${i}`] ?? '').replace(/\s+/g, ' ').trim();
    if (number === '') {
      if (description !== '') errors[`phone${i}`] = 'desk.socialMap.error.phone';
      continue;
    }
    if (number.length > LIMITS.phone || !/^[+0-9 ()./-]+$/.test(number) || number.replace(/\D/g, '').length < 3) errors[`phone${i}`] = 'desk.socialMap.error.phone';
    if (description.length > LIMITS.short) errors[`phoneLabel${i}`] = 'error.tooLong';
    phones.push({ number, description: description === '' ? null : description });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: phones };
}

/** The locations ticked on the service form (fields where1, where2, ... carry location ids). */
export function parseLocationChoices(values: Readonly<Record<string, string>>, allowed: ReadonlySet<string>): string[] {
  const chosen = new Set<string>();
  for (const [key, value] of Object.entries(values)) if (/^where\d+$/.test(key) && allowed.has(value)) chosen.add(value);
  return [...chosen];
}

import { z } from 'zod';
import { isCalendarDate } from '../../../platform/time/dutch-calendar.js';
import { longText, oneLine, optionalEmailField, phoneField } from './employers.schemas.js';

export const VACANCY_TITLE_MAX = 150;
export const VACANCY_TEXT_MAX = 4000;
export const VACANCY_HOURS_MAX = 200;
export const VACANCY_PLACE_MAX = 150;
export const VACANCY_CONTACT_MAX = 500;
/** A vacancy is open for at most this many months; after that it is renewed or gone. */
export const VACANCY_MAX_MONTHS = 6;
export const MAX_HOURS_PER_WEEK = 60;


/** A calendar date some months later; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Part-time or full-time for schema.org, when the hours per week are known (32 or more counts as full-time). */
export function employmentType(hoursPerWeek: number | null): 'FULL_TIME' | 'PART_TIME' | undefined {
  if (hoursPerWeek === null) return undefined;
  return hoursPerWeek >= 32 ? 'FULL_TIME' : 'PART_TIME';
}

/** The hours filter of the list. */
export const HOURS_FILTERS = ['tot-16', '16-32', '32-plus'] as const;
export type HoursFilter = (typeof HOURS_FILTERS)[number];

export function matchesHours(filter: HoursFilter, hoursPerWeek: number | null): boolean {
  if (hoursPerWeek === null) return false;
  if (filter === 'tot-16') return hoursPerWeek < 16;
  if (filter === '16-32') return hoursPerWeek >= 16 && hoursPerWeek < 32;
  return hoursPerWeek >= 32;
}

const hoursPerWeekField = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_HOURS_PER_WEEK), 'desk.vacancies.error.hoursPerWeekInvalid')
  .transform((v) => (v === '' ? null : Number(v)));

/** The vacancy form. The closing date is checked against today: after today, at most six months ahead. */
export function vacancySchema(today: string) {
  const latest = addMonths(today, VACANCY_MAX_MONTHS);
  return z.object({
    title: oneLine('desk.vacancies.error.titleRequired', VACANCY_TITLE_MAX, 'desk.vacancies.error.titleTooLong'),
    whatYouDo: longText(VACANCY_TEXT_MAX, 'desk.vacancies.error.textTooLong', 'desk.vacancies.error.whatYouDoRequired'),
    hours: oneLine('desk.vacancies.error.hoursRequired', VACANCY_HOURS_MAX, 'desk.vacancies.error.hoursTooLong'),
    hoursPerWeek: hoursPerWeekField,
    place: oneLine('desk.vacancies.error.placeRequired', VACANCY_PLACE_MAX, 'desk.vacancies.error.placeTooLong'),
    helpAvailable: longText(VACANCY_TEXT_MAX, 'desk.vacancies.error.textTooLong', 'desk.vacancies.error.helpAvailableRequired'),
    whatWeAsk: longText(VACANCY_TEXT_MAX, 'desk.vacancies.error.textTooLong'),
    contact: longText(VACANCY_CONTACT_MAX, 'desk.vacancies.error.contactTooLong', 'desk.vacancies.error.contactRequired'),
    contactEmail: optionalEmailField,
    contactPhone: phoneField,
    expiresOn: z
      .string()
      .trim()
      .min(1, 'desk.vacancies.error.expiresOnRequired')
      .refine(isCalendarDate, 'desk.vacancies.error.expiresOnInvalid')
      .refine((v) => v > today, 'desk.vacancies.error.expiresOnPast')
      .refine((v) => v <= latest, 'desk.vacancies.error.expiresOnTooFar'),
  });
}
export type VacancyInput = z.infer<ReturnType<typeof vacancySchema>>;

/** The fields of the form, in order; the ones checked for plain language are the texts a reader reads. */
export const VACANCY_FORM_FIELDS = [
  'title',
  'whatYouDo',
  'hours',
  'hoursPerWeek',
  'place',
  'helpAvailable',
  'whatWeAsk',
  'contact',
  'contactEmail',
  'contactPhone',
  'expiresOn',
] as const;
export type VacancyFormField = (typeof VACANCY_FORM_FIELDS)[number];

export const PLAIN_LANGUAGE_FIELDS = ['title', 'whatYouDo', 'hours', 'helpAvailable', 'whatWeAsk'] as const satisfies readonly VacancyFormField[];
export type PlainLanguageField = (typeof PLAIN_LANGUAGE_FIELDS)[number];

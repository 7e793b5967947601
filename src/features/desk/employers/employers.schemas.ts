import { z } from 'zod';
import { parseForm, type FormResult } from '../../../platform/http/forms.js';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import { emailField } from '../../../platform/http/fields.js';

/** The pledge an employer signs, word for word (recommendation 44 of the Zeeland report, seed 004). */
export const PLEDGE_TEXT = 'Wij staan open voor het in dienst nemen van mensen met psychische problemen';

export const EMPLOYER_NAME_MAX = 150;
export const EMPLOYER_CITY_MAX = 100;
export const EMPLOYER_DESCRIPTION_MAX = 3000;
export const EMPLOYER_OFFER_MAX = 1000;
export const EMPLOYER_CONTACT_NAME_MAX = 100;
export const PHONE_MAX = 20;
export const WEBSITE_MAX = 300;
export const REJECTION_REASON_MAX = 2000;

/** One line: runs of white space (also line breaks from a hand-made request) become one space. */
export function oneLine(required: MessageKey, max: number, tooLong: MessageKey) {
  return z
    .string()
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, required).max(max, tooLong));
}

export function longText(max: number, tooLong: MessageKey, required?: MessageKey) {
  const base = z.string().transform((v) => v.replace(/\r\n/g, '\n').trim());
  return required ? base.pipe(z.string().min(1, required).max(max, tooLong)) : base.pipe(z.string().max(max, tooLong));
}

/** Digits, spaces, +, -, ( and ); empty means none. */
export const phoneField = z
  .string()
  .trim()
  .max(PHONE_MAX, 'desk.employers.error.phoneInvalid')
  .refine((v) => v === '' || (/^[0-9 +()-]+$/.test(v) && v.replace(/\D/g, '').length >= 6), 'desk.employers.error.phoneInvalid')
  .transform((v) => (v === '' ? null : v));

export const optionalEmailField = z
  .string()
  .trim()
  .max(254, 'error.emailTooLong')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'error.emailInvalid')
  .transform((v) => (v === '' ? null : v.toLowerCase()));

const websiteField = z
  .string()
  .trim()
  .max(WEBSITE_MAX, 'desk.employers.error.websiteInvalid')
  .refine((v) => {
    if (v === '') return true;
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'desk.employers.error.websiteInvalid')
  .transform((v) => (v === '' ? null : v));

const employerFields = {
  name: oneLine('desk.employers.error.nameRequired', EMPLOYER_NAME_MAX, 'desk.employers.error.nameTooLong'),
  city: oneLine('desk.employers.error.cityRequired', EMPLOYER_CITY_MAX, 'desk.employers.error.cityTooLong'),
  description: longText(EMPLOYER_DESCRIPTION_MAX, 'desk.employers.error.descriptionTooLong', 'desk.employers.error.descriptionRequired'),
  offersAdjustments: longText(EMPLOYER_OFFER_MAX, 'desk.employers.error.offerTooLong'),
  offersGuidance: longText(EMPLOYER_OFFER_MAX, 'desk.employers.error.offerTooLong'),
  offersTrialPlacements: longText(EMPLOYER_OFFER_MAX, 'desk.employers.error.offerTooLong'),
  contactName: oneLine('desk.employers.error.contactNameRequired', EMPLOYER_CONTACT_NAME_MAX, 'desk.employers.error.contactNameTooLong'),
  contactEmail: emailField,
  contactPhone: phoneField,
  website: websiteField,
};

type EmployerShape = z.infer<z.ZodObject<typeof employerFields>>;

/** What they offer: at least one of the three. */
function requireAnOffer(value: EmployerShape, ctx: z.RefinementCtx) {
  if (value.offersAdjustments === '' && value.offersGuidance === '' && value.offersTrialPlacements === '') {
    ctx.addIssue({ code: 'custom', path: ['offersAdjustments'], message: 'desk.employers.error.offerRequired' });
  }
}

export const employerSchema = z.object(employerFields).superRefine(requireAnOffer);
export type EmployerInput = z.infer<typeof employerSchema>;

const pledgeField = z.literal('ja', 'desk.employers.error.pledgeRequired');

export const registerEmployerSchema = z.object({ ...employerFields, pledge: pledgeField }).superRefine(requireAnOffer);

/**
 * Parses an employer form. The "at least one offer" rule is also reported when other fields are wrong
 * (an object's refinement only runs once all its fields are valid), so that every problem shows at once.
 */
export function parseEmployerForm<T>(schema: z.ZodType<T>, body: unknown): FormResult<T> {
  const form = parseForm(schema, withAllFields(EMPLOYER_FORM_FIELDS, body));
  if (form.ok) return form;
  const v = form.values;
  const noOffer = [v.offersAdjustments, v.offersGuidance, v.offersTrialPlacements].every((o) => (o ?? '').trim() === '');
  if (noOffer && !form.errors.offersAdjustments) return { ...form, errors: { ...form.errors, offersAdjustments: 'desk.employers.error.offerRequired' } };
  return form;
}

export const repledgeSchema = z.object({ pledge: pledgeField });

export const rejectEmployerSchema = z.object({
  reason: longText(REJECTION_REASON_MAX, 'desk.employers.error.reasonTooLong', 'desk.employers.error.reasonRequired'),
});

/** The form fields, in the order the form shows them. */
export const EMPLOYER_FORM_FIELDS = [
  'name',
  'city',
  'description',
  'offersAdjustments',
  'offersGuidance',
  'offersTrialPlacements',
  'contactName',
  'contactEmail',
  'contactPhone',
  'website',
] as const satisfies readonly (keyof EmployerInput)[];
export type EmployerFormField = (typeof EMPLOYER_FORM_FIELDS)[number];

/**
 * The body with every form field present (a missing one as ''), so that a hand-made request missing a field
 * gets the field's own message rather than a general one.
 */
export function withAllFields(fields: readonly string[], body: unknown): Record<string, unknown> {
  const blank = Object.fromEntries(fields.map((f) => [f, '']));
  return body && typeof body === 'object' ? { ...blank, ...(body as Record<string, unknown>) } : blank;
}

/** A text filter from the address: one line, at most 100 characters. */
export function filterText(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, 100) : '';
}

/** Compares text for a filter without case or diacritics. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

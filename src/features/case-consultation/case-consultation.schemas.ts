import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n/message-keys.js';
import { ADDRESSEES, PERSONA_FIELDS } from '../book/book.service.js';

// The addressees and persona fields are the report's own, as the book's content pack defines them.
export { ADDRESSEES, PERSONA_FIELDS };
export type Addressee = (typeof ADDRESSEES)[number];

export function isAddressee(value: unknown): value is Addressee {
  return typeof value === 'string' && (ADDRESSEES as readonly string[]).includes(value);
}

export const ADDRESSEE_LABELS: Readonly<Record<Addressee, MessageKey>> = {
  persoon: 'caseConsultation.addressee.persoon',
  omgeving: 'caseConsultation.addressee.omgeving',
  uitvoeringsinstantie: 'caseConsultation.addressee.uitvoeringsinstantie',
  overkoepelend: 'caseConsultation.addressee.overkoepelend',
};

export type PersonaField = (typeof PERSONA_FIELDS)[number];

export const CASE_TITLE_MAX_LENGTH = 120;
export const CASE_FIELD_MAX_LENGTH = 4000;
export const THEME_MAX_LENGTH = 300;
export const RECOMMENDATION_MAX_LENGTH = 2000;

const optionalText = z
  .string()
  .trim()
  .max(CASE_FIELD_MAX_LENGTH, { message: 'caseConsultation.error.fieldTooLong' })
  .default('');

export const caseSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { message: 'caseConsultation.error.titleRequired' })
    .max(CASE_TITLE_MAX_LENGTH, { message: 'caseConsultation.error.titleTooLong' }),
  age: optionalText,
  gender: optionalText,
  nationality: optionalText,
  livingSituation: optionalText,
  income: optionalText,
  diagnosis: optionalText,
  workHistory: optionalText,
  distanceToLabourMarket: optionalText,
  organisations: optionalText,
  treatment: optionalText,
  particulars: optionalText,
  question: z
    .string()
    .trim()
    .min(1, { message: 'caseConsultation.error.questionRequired' })
    .max(CASE_FIELD_MAX_LENGTH, { message: 'caseConsultation.error.fieldTooLong' }),
});
export type CaseInput = z.infer<typeof caseSchema>;
export type CaseFormField = keyof CaseInput;
export const CASE_FORM_FIELDS: readonly CaseFormField[] = ['title', ...PERSONA_FIELDS, 'question'];

export const themeSchema = z.object({
  theme: z
    .string()
    .trim()
    .min(1, { message: 'caseConsultation.error.themeRequired' })
    .max(THEME_MAX_LENGTH, { message: 'caseConsultation.error.themeTooLong' }),
});

export const recommendationSchema = z.object({
  addressee: z.enum(ADDRESSEES, { message: 'caseConsultation.error.addresseeRequired' }),
  text: z
    .string()
    .trim()
    .min(1, { message: 'caseConsultation.error.recommendationRequired' })
    .max(RECOMMENDATION_MAX_LENGTH, { message: 'caseConsultation.error.recommendationTooLong' }),
});
export type RecommendationInput = z.infer<typeof recommendationSchema>;

/** How a later meeting changed a recommendation (the report: "aanvulling, aanscherping of wijziging"). */
export const CHANGE_KINDS = ['aangevuld', 'aangescherpt', 'gewijzigd'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number] | 'opgesteld';

import { z } from 'zod';

export const QUESTION_MAX_LENGTH = 4000;
export const ANSWER_MAX_LENGTH = 8000;
export const ROUTING_NOTE_MAX_LENGTH = 1000;
export const FAQ_FILTER_MAX_LENGTH = 200;

/** The private link's token: 43 base64url characters (256 bits). Anything else is not one of ours. */
const ACCESS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function looksLikeAccessToken(value: string): boolean {
  return ACCESS_TOKEN_PATTERN.test(value);
}

/**
 * Text typed in a textarea: browsers send line breaks as CR LF but count them as one character
 * against maxlength, so they are made LF before the length is checked.
 */
function longText(max: number, requiredKey: 'desk.questions.error.questionRequired' | 'desk.questions.error.answerRequired' | 'error.required', tooLongKey: 'desk.questions.error.questionTooLong' | 'desk.questions.error.answerTooLong') {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, requiredKey).max(max, tooLongKey));
}

const emailFormat = z.email();

/** Optional: empty means no address (null). Checked like the account forms check an address. */
const optionalEmail = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim().toLowerCase())
  .pipe(
    z
      .string()
      .max(254, 'error.emailTooLong')
      .refine((v) => v === '' || emailFormat.safeParse(v).success, 'error.emailInvalid'),
  )
  .transform((v) => (v === '' ? null : v));

const ticked = z
  .string()
  .optional()
  .transform((v) => v === '1');

export const askSchema = z.object({
  vraag: longText(QUESTION_MAX_LENGTH, 'desk.questions.error.questionRequired', 'desk.questions.error.questionTooLong'),
  email: optionalEmail,
  toestemming: ticked,
  crisisGezien: ticked,
  // The honeypot: people never see it; a filled-in value means a program sent the form.
  website: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim()),
});
export type AskInput = z.infer<typeof askSchema>;

export const routeSchema = z.object({
  organisationId: z.string().trim().min(1, 'desk.questions.error.organisationRequired').max(100, 'desk.questions.error.organisationRequired'),
  note: z
    .string()
    .optional()
    .transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(ROUTING_NOTE_MAX_LENGTH, 'desk.questions.error.noteTooLong')),
});
export type RouteInput = z.infer<typeof routeSchema>;

export const answerSchema = z.object({
  antwoord: longText(ANSWER_MAX_LENGTH, 'desk.questions.error.answerRequired', 'desk.questions.error.answerTooLong'),
});

export const faqSchema = z.object({
  faqVraag: longText(QUESTION_MAX_LENGTH, 'error.required', 'desk.questions.error.questionTooLong'),
  faqAntwoord: longText(ANSWER_MAX_LENGTH, 'error.required', 'desk.questions.error.answerTooLong'),
});
export type FaqInput = z.infer<typeof faqSchema>;

export const consentSchema = z.object({
  toestemming: z.enum(['0', '1'], 'error.invalid').transform((v) => v === '1'),
});

export const deleteSchema = z.object({
  bevestigen: z.literal('ja', 'desk.questions.error.confirmDelete'),
});

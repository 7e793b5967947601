import { z } from 'zod';
import { emailField } from '../../platform/http/fields.js';

/** personal: one person alone; together: a professional and a person, with equal rights; team: every member of a team. */
export const WORKSPACE_KINDS = ['personal', 'together', 'team'] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

export const WORKSPACE_NAME_MAX_LENGTH = 120;
/** Long enough for a whole story; the form body limit of the answer routes leaves room for several such fields. */
export const ANSWER_MAX_LENGTH = 20_000;
/** The body limit of the routes that take answers: several long answers, percent-encoded. */
export const ANSWER_FORM_BODY_LIMIT = 2 * 1024 * 1024;

export const createWorkspaceSchema = z
  .object({
    kind: z.enum(WORKSPACE_KINDS, 'workbook.error.kindRequired'),
    name: z
      .string()
      .transform((n) => n.replace(/\s+/g, ' ').trim())
      .pipe(z.string().min(1, 'error.required').max(WORKSPACE_NAME_MAX_LENGTH, 'workbook.error.nameTooLong')),
    teamId: z.string().trim().max(100).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'team' && value.teamId === '') ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'workbook.error.teamRequired' });
  });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

export const inviteToWorkspaceSchema = z.object({ email: emailField });

/** Answer keys are '<instruction>.<question>' and similar: short, lower case, dots and dashes. */
const FIELD_KEY_PATTERN = /^[a-z0-9][a-z0-9.-]{0,119}$/;
export function isFieldKey(value: string): boolean {
  return FIELD_KEY_PATTERN.test(value);
}

/** The form names of one answer: its text and the version the form was shown with (ids allow no dots). */
export function answerFieldName(key: string): string {
  return `antwoord_${key.replace(/\./g, '_')}`;
}
export function versionFieldName(key: string): string {
  return `versie_${key.replace(/\./g, '_')}`;
}

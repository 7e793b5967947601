import { z } from 'zod';
import { emailField } from '../../platform/http/fields.js';

/** The value of the administrator button: grant (ja) or take away (nee). */
export const administratorSchema = z.object({ beheerder: z.enum(['ja', 'nee'], 'error.invalid') });

export const appointCoordinatorSchema = z.object({ email: emailField });

/** Query of the people search; anything odd counts as "no search". */
export const userSearchQuerySchema = z.object({
  q: z.string().trim().max(100).catch(''),
});

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Query of the audit log: an event to filter on and the time to page back from. */
export const auditQuerySchema = z.object({
  gebeurtenis: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_.]*$/)
    .catch(''),
  voor: z.string().regex(ISO_UTC).catch(''),
});

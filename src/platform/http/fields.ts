import { z } from 'zod';

// Form fields that mean the same on every form of the platform, so that one address is accepted or
// refused the same way wherever it is typed.

/** An e-mail address: required, trimmed, at most 254 characters, stored in lower case. */
export const emailField = z
  .string()
  .trim()
  .min(1, 'error.required')
  .max(254, 'error.emailTooLong')
  .pipe(z.email('error.emailInvalid'))
  .transform((e) => e.toLowerCase());

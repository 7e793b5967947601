import type { ZodType } from 'zod';
import { isMessageKey } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/message-keys.js';
import type { Translate } from '../i18n/i18n.js';
import type { FieldErrors } from '../views/components.js';

export type FieldErrorKeys = Record<string, MessageKey>;

export type FormResult<T> =
  | { readonly ok: true; readonly data: T; readonly values: Record<string, string> }
  | { readonly ok: false; readonly errors: FieldErrorKeys; readonly values: Record<string, string> };

/** The submitted fields as strings, to put back into a form that failed validation. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (key === '_csrf') continue;
      if (typeof value === 'string') values[key] = value;
      else if (Array.isArray(value) && typeof value[0] === 'string') values[key] = value[0];
    }
  }
  return values;
}

/**
 * Validates a form body. Schemas carry message keys as their messages; anything else
 * (a missing field, a wrong type) becomes the general "required" or "invalid" message.
 */
export function parseForm<T>(schema: ZodType<T>, body: unknown): FormResult<T> {
  const values = formValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrorKeys = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'formulier');
    if (errors[field]) continue;
    if (isMessageKey(issue.message)) errors[field] = issue.message;
    else errors[field] = issue.code === 'invalid_type' ? 'error.required' : 'error.invalid';
  }
  return { ok: false, errors, values };
}

export function translateErrors(t: Translate, errors: FieldErrorKeys): FieldErrors {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(errors)) out[field] = t(key);
  return out;
}

/** A rule a service found broken, named by the form field it belongs to. */
export type FieldProblem = { readonly field: string; readonly message: MessageKey };

/** The first problem of each field, as the error keys a form shows. */
export function problemsToErrors(problems: readonly FieldProblem[]): FieldErrorKeys {
  const errors: FieldErrorKeys = {};
  for (const p of problems) errors[p.field] ??= p.message;
  return errors;
}

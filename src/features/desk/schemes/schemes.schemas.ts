import { z } from 'zod';

export const PAGE_TITLE_MAX = 150;
export const PAGE_SUMMARY_MAX = 400;
export const PAGE_BODY_MAX = 30000;
export const TERM_MAX = 80;
export const TERM_VARIANTS_MAX = 1000;
export const TERM_EXPLANATION_MAX = 3000;

/** Addresses that are parts of the desk's own paths and can therefore never be a page or a term. */
export const RESERVED_SLUGS = new Set(['nieuw', 'bewerken', 'verwijderen']);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A readable address part made from a title or term: "Re-integratie & werk" becomes "re-integratie-werk". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function isValidSlug(value: string): boolean {
  return value.length <= 80 && SLUG.test(value) && !RESERVED_SLUGS.has(value);
}

const oneLine = (max: number, tooLong: 'desk.schemes.error.titleTooLong' | 'desk.schemes.error.summaryTooLong' | 'desk.schemes.error.termTooLong') =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'error.required').max(max, tooLong));

const version = z.string().trim().regex(/^\d{1,9}$/, 'error.invalid').transform(Number);

/** A route parameter that can name a page or a term; anything else is simply not found. */
export const slugParam = z.string().refine(isValidSlug);

const pageFields = {
  title: oneLine(PAGE_TITLE_MAX, 'desk.schemes.error.titleTooLong'),
  summary: oneLine(PAGE_SUMMARY_MAX, 'desk.schemes.error.summaryTooLong'),
  body: z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'error.required').max(PAGE_BODY_MAX, 'desk.schemes.error.bodyTooLong')),
  sortOrder: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'desk.schemes.error.orderInvalid')
    .transform(Number),
};

export const editPageSchema = z.object({ ...pageFields, version, basis: z.string().trim().min(1).max(100) });
export type EditPageInput = z.infer<typeof editPageSchema>;

export const newPageSchema = z.object({
  ...pageFields,
  pageSlug: z
    .string()
    .trim()
    .min(1, 'error.required')
    .refine(isValidSlug, 'desk.schemes.error.slugInvalid'),
});
export type NewPageInput = z.infer<typeof newPageSchema>;

/** Variants: one per line (commas and '|' also separate), without duplicates, each a short phrase. */
const variantsField = z
  .string()
  .max(TERM_VARIANTS_MAX, 'desk.schemes.error.variantsTooLong')
  .transform((v) => [
    ...new Set(
      v
        .split(/[\n|,]/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p !== ''),
    ),
  ])
  .refine((list) => list.every((p) => p.length >= 2 && p.length <= TERM_MAX), 'desk.schemes.error.variantInvalid');

const termFields = {
  term: oneLine(TERM_MAX, 'desk.schemes.error.termTooLong').refine((t) => t.length >= 2 && slugify(t) !== '', 'desk.schemes.error.termInvalid'),
  variants: variantsField.optional().transform((v) => v ?? []),
  explanation: z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'error.required').max(TERM_EXPLANATION_MAX, 'desk.schemes.error.explanationTooLong')),
};

export const newTermSchema = z.object(termFields);
export type NewTermInput = z.infer<typeof newTermSchema>;

export const editTermSchema = z.object({ ...termFields, version, basis: z.string().trim().min(1).max(100) });
export type EditTermInput = z.infer<typeof editTermSchema>;

/** The preview button of a form: present means "show, do not save". */
export function wantsPreview(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as Record<string, unknown>).voorbeeld === '1';
}

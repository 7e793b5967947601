import { z } from 'zod';

/** Search filter keys in the address (Dutch) and the index's document types. */
export const SEARCH_TYPES = {
  hoofdstuk: 'chapter',
  verhaal: 'story',
  droom: 'dream',
  instructie: 'instruction',
  bron: 'source',
  beroep: 'profession',
  casus: 'case',
  aanbeveling: 'recommendation',
  rapport: 'report',
  document: 'document',
  pagina: 'page',
} as const;
export type SearchTypeKey = keyof typeof SEARCH_TYPES;
export const SEARCH_TYPE_KEYS = Object.keys(SEARCH_TYPES) as SearchTypeKey[];

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Whatever is typed, the search page answers normally: too long is cut, unknown filters are dropped. */
export const searchQuerySchema = z.object({
  q: z.preprocess((v) => (Array.isArray(v) ? v.join(' ') : v), z.string().catch('').default('')).transform((s) => s.slice(0, 10_000)),
  soort: z.preprocess(asArray, z.array(z.string()).catch([])).transform((keys) => keys.filter((k): k is SearchTypeKey => k in SEARCH_TYPES)),
  pagina: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

import { z } from 'zod';

/** The book's filter keys in the address (Dutch) and its document types in the index. */
export const BOOK_SEARCH_TYPES = {
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

/** The regional desk's filter keys and document types (indexed per region as source `desk:<slug>`). */
export const DESK_SEARCH_TYPES = {
  organisatie: 'desk-organisation',
  dienst: 'desk-service',
  werkgever: 'desk-employer',
  vacature: 'desk-vacancy',
  vraag: 'desk-faq',
  regeling: 'desk-page',
  begrip: 'desk-term',
  lotgenoten: 'desk-group',
} as const;

/** Every filter key and the document type it stands for. */
export const SEARCH_TYPES = { ...BOOK_SEARCH_TYPES, ...DESK_SEARCH_TYPES } as const;
export type SearchTypeKey = keyof typeof SEARCH_TYPES;

export type BookTypeKey = keyof typeof BOOK_SEARCH_TYPES;
/** The filters of the site-wide search (the book only). */
export const SEARCH_TYPE_KEYS = Object.keys(BOOK_SEARCH_TYPES) as BookTypeKey[];

export type DeskTypeKey = keyof typeof DESK_SEARCH_TYPES;
export const DESK_TYPE_KEYS = Object.keys(DESK_SEARCH_TYPES) as DeskTypeKey[];
/** The desk search's filters: each desk type, and "boek" for everything from the book at once. */
export type DeskFilterKey = DeskTypeKey | 'boek';
export const DESK_FILTER_KEYS: readonly DeskFilterKey[] = [...DESK_TYPE_KEYS, 'boek'];

/** The filter key of an indexed document type, if it has one. */
export function typeKeyOf(type: string): SearchTypeKey | undefined {
  return (Object.keys(SEARCH_TYPES) as SearchTypeKey[]).find((k) => SEARCH_TYPES[k] === type);
}

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Whatever is typed, the search page answers normally: too long is cut, unknown filters are dropped. */
function searchQuerySchemaOf<K extends string>(keys: readonly K[]) {
  const known = new Set<string>(keys);
  return z.object({
    q: z.preprocess((v) => (Array.isArray(v) ? v.join(' ') : v), z.string().catch('').default('')).transform((s) => s.slice(0, 10_000)),
    soort: z
      .preprocess(asArray, z.array(z.string()).catch([]))
      .transform((given) => [...new Set(given)].filter((k): k is K => known.has(k))),
    pagina: z.coerce.number().int().min(1).max(500).catch(1).default(1),
    precies: z.preprocess((v) => v === '1', z.boolean()),
  });
}

export const searchQuerySchema = searchQuerySchemaOf(SEARCH_TYPE_KEYS);
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const deskSearchQuerySchema = searchQuerySchemaOf(DESK_FILTER_KEYS);
export type DeskSearchQuery = z.infer<typeof deskSearchQuerySchema>;

import type { AppDeps } from '../../platform/app-deps.js';
import { search, type SearchResults } from '../../platform/search/search-engine.js';
import { BOOK_SOURCE, ensureBookIndexed, theBook } from '../book/book.service.js';
import type { Translate } from '../../platform/i18n/i18n.js';
import { searchSynonyms } from './search.synonyms.js';
import { BOOK_SEARCH_TYPES, typeKeyOf, type BookTypeKey, type SearchQuery } from './search.schemas.js';

export const PAGE_SIZE = 20;

/**
 * The site-wide search: the book and the Zeeland report. The regional desks have their own search
 * (/loket/<regio>/zoeken), so one region's desk never mixes into another's results.
 */
export async function searchEverything(deps: AppDeps, query: SearchQuery): Promise<SearchResults> {
  await ensureBookIndexed(deps, theBook());
  return search(deps.db, {
    text: query.q,
    types: query.soort.map((k) => BOOK_SEARCH_TYPES[k]),
    sources: [BOOK_SOURCE],
    page: query.pagina,
    pageSize: PAGE_SIZE,
    exact: query.precies,
    synonyms: searchSynonyms(),
  });
}

export async function prepareSearch(deps: AppDeps): Promise<void> {
  await ensureBookIndexed(deps, theBook());
}

/** The label of a book document's type. */
export function bookTypeLabel(t: Translate, type: string): string {
  const key = typeKeyOf(type);
  return t(`search.type.${key !== undefined && key in BOOK_SEARCH_TYPES ? (key as BookTypeKey) : 'pagina'}`);
}

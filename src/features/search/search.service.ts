import type { AppDeps } from '../../platform/app-deps.js';
import { search, type SearchResults } from '../../platform/search/search-engine.js';
import { theBook } from '../book/book.content.js';
import { ensureBookIndexed } from '../book/book.search.js';
import { SEARCH_TYPES, type SearchQuery } from './search.schemas.js';

export const PAGE_SIZE = 20;

/** One search over everything a visitor may read (today: the book and the Zeeland report). */
export async function searchEverything(deps: AppDeps, query: SearchQuery): Promise<SearchResults> {
  await ensureBookIndexed(deps, theBook());
  return search(deps.db, { text: query.q, types: query.soort.map((k) => SEARCH_TYPES[k]), page: query.pagina, pageSize: PAGE_SIZE });
}

export async function prepareSearch(deps: AppDeps): Promise<void> {
  await ensureBookIndexed(deps, theBook());
}

import type { AppDeps } from '../../../platform/app-deps.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { isIndexed, search, type SearchResults } from '../../../platform/search/search-engine.js';
import { Synonyms } from '../../../platform/search/synonyms.js';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { BOOK_SOURCE, ensureBookIndexed, theBook } from '../../book/book.service.js';
import { BOOK_SEARCH_TYPES, DESK_SEARCH_TYPES, type DeskSearchQuery } from '../../search/search.schemas.js';
import { PAGE_SIZE } from '../../search/search.service.js';
import { searchSynonyms } from '../../search/search.synonyms.js';
import { loadNationalContent } from '../schemes/schemes.service.js';
import { buildDeskIndex, DESK_INDEX_VERSION, deskSource } from '../shared/search-index.js';

export { deskSource };

// One search over a region's desk and the book. The desk's documents are built whole on a region's
// first search and kept up to date by every change after that (shared/search-index.ts).

/**
 * Builds the region's documents if they are not there. Two searches in this process wait for one build;
 * a build at the same moment elsewhere (another process) waits on the region's change row and then
 * finds the work done, or fails on a duplicate key, after which one more try finds it done.
 */
export async function indexDeskNow(deps: AppDeps, regionSlug: string): Promise<void> {
  const build = () => inTransaction(deps, (tx) => buildDeskIndex(tx.db, regionSlug, deps.clock()));
  try {
    await build();
  } catch (error) {
    deps.log.info(`Zoekindex van loket ${regionSlug} tegelijk gebouwd, nog een keer: ${error instanceof Error ? error.message : String(error)}`);
    await build();
  }
}

const running = new WeakMap<object, Map<string, Promise<void>>>();

export async function ensureDeskIndexed(deps: AppDeps, regionSlug: string): Promise<void> {
  if (await isIndexed(deps.db.kysely, deskSource(regionSlug), DESK_INDEX_VERSION)) return;
  let perRegion = running.get(deps.db);
  if (!perRegion) {
    perRegion = new Map();
    running.set(deps.db, perRegion);
  }
  const regions = perRegion;
  const previous = regions.get(regionSlug) ?? Promise.resolve();
  const work = previous.catch(() => undefined).then(() => indexDeskNow(deps, regionSlug));
  regions.set(regionSlug, work);
  try {
    await work;
  } finally {
    if (regions.get(regionSlug) === work) regions.delete(regionSlug);
  }
}

let glossarySynonyms: Synonyms | undefined;

/** The search's synonyms and the national glossary's other spellings (both ways: "WSP" finds werkgeversservicepunt). */
function deskSynonyms(): Synonyms {
  glossarySynonyms ??= searchSynonyms().with(
    loadNationalContent().terms.flatMap((term) => [
      { typed: term.variants, alsoFind: [term.term] },
      { typed: [term.term], alsoFind: term.variants.filter((v) => !v.includes(' ')) },
    ]),
  );
  return glossarySynonyms;
}

const BOOK_TYPES: readonly string[] = Object.values(BOOK_SEARCH_TYPES);

/** The types a desk filter stands for: "boek" is every type of the book. */
export function typesOfDeskFilters(query: DeskSearchQuery): string[] {
  return query.soort.flatMap((k) => (k === 'boek' ? BOOK_TYPES : [DESK_SEARCH_TYPES[k]]));
}

/** Matches of the book's types together, for the "boek" filter's count. */
export function bookCount(results: SearchResults): number {
  let total = 0;
  for (const [type, n] of results.countsByType) if (BOOK_TYPES.includes(type)) total += n;
  return total;
}

/** One search over this region's desk and the book; never another region's desk. */
export async function searchDesk(deps: AppDeps, regionSlug: string, query: DeskSearchQuery): Promise<SearchResults> {
  await Promise.all([ensureBookIndexed(deps, theBook()), ensureDeskIndexed(deps, regionSlug)]);
  return search(deps.db, {
    text: query.q,
    types: typesOfDeskFilters(query),
    sources: [deskSource(regionSlug), BOOK_SOURCE],
    page: query.pagina,
    pageSize: PAGE_SIZE,
    exact: query.precies,
    synonyms: deskSynonyms(),
    today: dutchToday(deps.clock()),
  });
}

import type { AppDeps } from '../../../platform/app-deps.js';
import type { Queryable } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { isIndexed, replaceSource, search, type SearchableDocument, type SearchResults } from '../../../platform/search/search-engine.js';
import { BOOK_SOURCE, ensureBookIndexed, theBook } from '../../book/book.service.js';
import { BOOK_SEARCH_TYPES, DESK_SEARCH_TYPES, type DeskSearchQuery } from '../../search/search.schemas.js';
import { PAGE_SIZE } from '../../search/search.service.js';
import { deskChangeCounter } from '../shared/changes.repo.js';
import { selectNationalSchemeVersion, selectPublicDeskItems } from './desk-search.repo.js';
import { splitVariants } from '../schemes/glossary-links.js';
import { deskItemPath } from '../shared/paths.js';
import { dutchToday } from '../../../platform/time/dutch-calendar.js';
import { markdownText } from '../shared/markdown.js';

// One search over a region's desk and the book. The desk's public items are indexed as the source
// `desk:<slug>`, rebuilt when the desk changed (touchDesk) or the day changed (vacancies expire).

export function deskSource(regionSlug: string): string {
  return `desk:${regionSlug}`;
}

const lines = (...parts: readonly (string | null | undefined)[]) => parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');

/** Of rows with a national (null) and a regional version per slug, the regional one. */
function preferRegional<T extends { slug: string; region_slug: string | null }>(rows: readonly T[]): T[] {
  const bySlug = new Map<string, T>();
  for (const row of rows) if (row.region_slug !== null || !bySlug.has(row.slug)) bySlug.set(row.slug, row);
  return [...bySlug.values()];
}

/** The region's public items as search documents: nothing pending, hidden, withdrawn or expired. */
export async function deskSearchDocuments(db: Queryable, regionSlug: string, today: string): Promise<SearchableDocument[]> {
  const { organisations, services, employers, vacancies, faqs, pages, terms, groups } = await selectPublicDeskItems(db, regionSlug, today);
  const r = regionSlug;
  const documents: SearchableDocument[] = [
    ...organisations.map((o) => ({
      key: `organisatie:${o.id}`,
      type: DESK_SEARCH_TYPES.organisatie,
      url: deskItemPath.organisation(r, o.id),
      title: o.alternate_name ? `${o.name} (${o.alternate_name})` : o.name,
      body: o.description,
    })),
    ...services.map((s) => ({
      key: `dienst:${s.id}`,
      type: DESK_SEARCH_TYPES.dienst,
      url: deskItemPath.service(r, s.id),
      title: `${s.name} (${s.organisation_name})`,
      body: lines(s.description, s.for_whom, s.how_to_apply, s.cost),
    })),
    ...employers.map((e) => ({
      key: `werkgever:${e.id}`,
      type: DESK_SEARCH_TYPES.werkgever,
      url: deskItemPath.employer(r, e.id),
      title: e.name,
      body: lines(e.description, e.offers_adjustments, e.offers_guidance, e.offers_trial_placements, e.city),
    })),
    ...vacancies.map((v) => ({
      key: `vacature:${v.id}`,
      type: DESK_SEARCH_TYPES.vacature,
      url: deskItemPath.vacancy(r, v.id),
      title: `${v.title} (${v.employer_name})`,
      body: lines(v.what_you_do, v.hours, v.place, v.help_available, v.what_we_ask),
    })),
    ...faqs.map((f) => ({ key: `vraag:${f.id}`, type: DESK_SEARCH_TYPES.vraag, url: deskItemPath.faq(r, f.id), title: f.question, body: f.answer })),
    ...preferRegional(pages).map((p) => ({
      key: `regeling:${p.slug}`,
      type: DESK_SEARCH_TYPES.regeling,
      url: deskItemPath.page(r, p.slug),
      title: p.title,
      body: lines(p.summary, markdownText(p.body)),
    })),
    ...preferRegional(terms).map((g) => ({
      key: `begrip:${g.slug}`,
      type: DESK_SEARCH_TYPES.begrip,
      url: deskItemPath.term(r, g.slug),
      title: g.term,
      body: lines(g.explanation, splitVariants(g.variants).join(', ')),
    })),
    ...groups.map((g) => ({ key: `lotgenoten:${g.id}`, type: DESK_SEARCH_TYPES.lotgenoten, url: deskItemPath.group(r, g.id), title: g.name, body: lines(g.description, g.for_whom) })),
  ];
  // A stable order, so that the same desk indexes the same way on both databases.
  return documents.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * What the index must hold: the region's change counter, the day (expiry) and the national scheme
 * pages and glossary (they belong to no region, so their changes are noticed by their last edit).
 */
export async function deskIndexVersion(db: Queryable, regionSlug: string, today: string): Promise<string> {
  const [counter, national] = await Promise.all([
    deskChangeCounter(db, regionSlug),
    selectNationalSchemeVersion(db),
  ]);
  return `${counter}/${today}/${Number(national.pages)}.${national.pages_at ?? ''}/${Number(national.terms)}.${national.terms_at ?? ''}`;
}

/** Rebuilds the region's documents when they are stale, in one transaction. */
async function indexDesk(deps: AppDeps, regionSlug: string): Promise<void> {
  const now = deps.clock();
  const today = dutchToday(now);
  await inTransaction(deps, async (tx) => {
    const version = await deskIndexVersion(tx.db, regionSlug, today);
    if (await isIndexed(tx.db, deskSource(regionSlug), version)) return;
    await replaceSource(tx.db, deskSource(regionSlug), version, await deskSearchDocuments(tx.db, regionSlug, today), now);
  });
}

/**
 * Makes the region's documents current. Two searches in this process wait for one rebuild; a rebuild
 * at the same moment elsewhere (another process) makes ours fail on a duplicate key, after which one
 * more try finds the work done or does it.
 */
export async function indexDeskNow(deps: AppDeps, regionSlug: string): Promise<void> {
  try {
    await indexDesk(deps, regionSlug);
  } catch (error) {
    deps.log.info(`Zoekindex van loket ${regionSlug} tegelijk bijgewerkt, nog een keer: ${error instanceof Error ? error.message : String(error)}`);
    await indexDesk(deps, regionSlug);
  }
}

const running = new WeakMap<object, Map<string, Promise<void>>>();

export async function ensureDeskIndexed(deps: AppDeps, regionSlug: string): Promise<void> {
  const version = await deskIndexVersion(deps.db.kysely, regionSlug, dutchToday(deps.clock()));
  if (await isIndexed(deps.db.kysely, deskSource(regionSlug), version)) return;
  let perRegion = running.get(deps.db);
  if (!perRegion) {
    perRegion = new Map();
    running.set(deps.db, perRegion);
  }
  const regions = perRegion;
  // Chained per region: a search that arrives during a rebuild waits for it and then checks again.
  const previous = regions.get(regionSlug) ?? Promise.resolve();
  const work = previous.catch(() => undefined).then(() => indexDeskNow(deps, regionSlug));
  regions.set(regionSlug, work);
  try {
    await work;
  } finally {
    if (regions.get(regionSlug) === work) regions.delete(regionSlug);
  }
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
  });
}

import type { Queryable } from '../../../platform/db/database.js';
import { dialectOfKysely } from '../../../platform/db/dialect-sql.js';
import { deleteDocuments, isIndexed, replaceSource, upsertDocuments, type SearchableDocument } from '../../../platform/search/search-engine.js';
import { DESK_SEARCH_TYPES } from '../../search/search.schemas.js';
import { lockDeskCounter } from './changes.repo.js';
import { splitVariants } from './glossary-variants.js';
import { markdownText } from './markdown.js';
import { deskItemPath } from './paths.js';
import { selectDependentIds, selectPublicDeskItems, type DeskItemFilter } from './search-index.repo.js';

// The regional desk in the search index: a region's public items are the source `desk:<slug>`. The
// first search of a region builds it whole; after that every change updates only the documents of the
// items it changed, in the change's own transaction (touchDesk). Expired vacancies stay in the index
// and are left out by the search's date filter.

/** Raise when what a desk document holds changes: every region is then built again on its next search. */
export const DESK_INDEX_VERSION = 'loket-2';

export function deskSource(regionSlug: string): string {
  return `desk:${regionSlug}`;
}

/** A changed desk item; `all` when a change touched too many to name (an import). */
export type DeskItemRef =
  | { readonly kind: 'organisation' | 'service' | 'employer' | 'vacancy' | 'faq' | 'group'; readonly id: string }
  | { readonly kind: 'page' | 'term'; readonly slug: string }
  | { readonly kind: 'all' };

const lines = (...parts: readonly (string | null | undefined)[]) => parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');

/** Of rows with a national (null) and a regional version per slug, the regional one. */
function preferRegional<T extends { slug: string; region_slug: string | null }>(rows: readonly T[]): T[] {
  const bySlug = new Map<string, T>();
  for (const row of rows) if (row.region_slug !== null || !bySlug.has(row.slug)) bySlug.set(row.slug, row);
  return [...bySlug.values()];
}

/** The search documents of the region's public items (all of them, or those the filter names). */
export async function deskSearchDocuments(db: Queryable, regionSlug: string, filter?: DeskItemFilter): Promise<SearchableDocument[]> {
  const { organisations, services, employers, vacancies, faqs, pages, terms, groups } = await selectPublicDeskItems(db, regionSlug, filter);
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
      expiresOn: v.expires_on,
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

/** Builds the region's documents whole, inside the caller's transaction; waits for changes being made to the region. */
export async function buildDeskIndex(db: Queryable, regionSlug: string, now: Date): Promise<void> {
  await lockDeskCounter(db, regionSlug, now);
  if (await isIndexed(db, deskSource(regionSlug), DESK_INDEX_VERSION)) return;
  await replaceSource(db, dialectOfKysely(db), deskSource(regionSlug), DESK_INDEX_VERSION, await deskSearchDocuments(db, regionSlug), now);
}

const KEY_PREFIX = { organisation: 'organisatie', service: 'dienst', employer: 'werkgever', vacancy: 'vacature', faq: 'vraag', group: 'lotgenoten', page: 'regeling', term: 'begrip' } as const;

/**
 * After a change: the documents of the changed items (and of the services of a changed organisation and
 * the vacancies of a changed employer) are written again or taken out. A region without an index yet is
 * left alone: its first search builds it.
 */
export async function refreshDeskSearch(db: Queryable, regionSlug: string, changed: readonly DeskItemRef[], now: Date): Promise<void> {
  if (changed.length === 0) return;
  const source = deskSource(regionSlug);
  if (!(await isIndexed(db, source, DESK_INDEX_VERSION))) return;
  const dialect = dialectOfKysely(db);
  if (changed.some((c) => c.kind === 'all')) {
    await replaceSource(db, dialect, source, DESK_INDEX_VERSION, await deskSearchDocuments(db, regionSlug), now);
    return;
  }
  const ids = (kind: keyof typeof KEY_PREFIX) => changed.flatMap((c) => (c.kind === kind ? ['id' in c ? c.id : c.slug] : []));
  const dependents = await selectDependentIds(db, ids('organisation'), ids('employer'));
  const filter: Required<DeskItemFilter> = {
    organisations: ids('organisation'),
    services: [...ids('service'), ...dependents.services],
    employers: ids('employer'),
    vacancies: [...ids('vacancy'), ...dependents.vacancies],
    faqs: ids('faq'),
    pages: ids('page'),
    terms: ids('term'),
    groups: ids('group'),
  };
  const documents = await deskSearchDocuments(db, regionSlug, filter);
  const keys = (Object.keys(KEY_PREFIX) as (keyof typeof KEY_PREFIX)[]).flatMap((kind) => {
    const list = { organisation: filter.organisations, service: filter.services, employer: filter.employers, vacancy: filter.vacancies, faq: filter.faqs, group: filter.groups, page: filter.pages, term: filter.terms }[kind];
    return list.map((id) => `${KEY_PREFIX[kind]}:${id}`);
  });
  const present = new Set(documents.map((d) => d.key));
  await upsertDocuments(db, dialect, source, documents);
  await deleteDocuments(db, dialect, source, keys.filter((k) => !present.has(k)));
}

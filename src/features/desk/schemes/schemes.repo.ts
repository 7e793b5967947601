import type { Selectable } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import type { ReportableItem } from '../shared/region.js';
import type { DeskGlossaryTable, DeskPagesTable } from './schemes.tables.js';

export type PageRow = Selectable<DeskPagesTable>;
export type TermRow = Selectable<DeskGlossaryTable>;

// The national rows (region_slug NULL) have fixed ids, so that loading them is idempotent even when two
// instances start at once: a unique index does not stop two NULL-region rows with the same slug, a primary key does.
export const nationalPageId = (slug: string) => `landelijk-pagina-${slug}`;
export const nationalTermId = (slug: string) => `landelijk-woord-${slug}`;

function normalisePage(row: PageRow): PageRow {
  return { ...row, sort_order: Number(row.sort_order), version: Number(row.version) };
}

function normaliseTerm(row: TermRow): TermRow {
  return { ...row, version: Number(row.version) };
}

// Loading the national content

export async function nationalPageSlugs(db: Queryable): Promise<Set<string>> {
  const rows = await db.selectFrom('desk_pages').select('slug').where('region_slug', 'is', null).execute();
  return new Set(rows.map((r) => r.slug));
}

export async function nationalTermSlugs(db: Queryable): Promise<Set<string>> {
  const rows = await db.selectFrom('desk_glossary').select('slug').where('region_slug', 'is', null).execute();
  return new Set(rows.map((r) => r.slug));
}

/** Inserts a national page unless its id exists already; true when it was inserted. */
export async function insertNationalPage(db: Queryable, row: PageRow): Promise<boolean> {
  const result = await db
    .insertInto('desk_pages')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function insertNationalTerm(db: Queryable, row: TermRow): Promise<boolean> {
  const result = await db
    .insertInto('desk_glossary')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

// Pages

/** The national pages and the region's own, both; the service lets the region's replace the national ones. */
export async function pagesVisibleIn(db: Queryable, regionSlug: string): Promise<PageRow[]> {
  const rows = await db
    .selectFrom('desk_pages')
    .selectAll()
    .where((eb) => eb.or([eb('region_slug', 'is', null), eb('region_slug', '=', regionSlug)]))
    .execute();
  return rows.map(normalisePage);
}

export async function pageVersions(db: Queryable, regionSlug: string, slug: string): Promise<{ regional?: PageRow; national?: PageRow }> {
  const rows = await db
    .selectFrom('desk_pages')
    .selectAll()
    .where('slug', '=', slug)
    .where((eb) => eb.or([eb('region_slug', 'is', null), eb('region_slug', '=', regionSlug)]))
    .execute();
  const regional = rows.find((r) => r.region_slug === regionSlug);
  const national = rows.find((r) => r.region_slug === null);
  return { regional: regional && normalisePage(regional), national: national && normalisePage(national) };
}

/** Inserts a region's page; false when the region already has a page at this address (someone was first). */
export async function insertRegionalPage(db: Queryable, row: PageRow): Promise<boolean> {
  const result = await db
    .insertInto('desk_pages')
    .values(row)
    .onConflict((oc) => oc.columns(['region_slug', 'slug']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Updates a region's page if it still has the version the writer started from; false otherwise. */
export async function updateRegionalPage(
  db: Queryable,
  id: string,
  regionSlug: string,
  expectedVersion: number,
  changes: Pick<PageRow, 'title' | 'summary' | 'body' | 'sort_order' | 'updated_by' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('desk_pages')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteRegionalPage(db: Queryable, id: string, regionSlug: string): Promise<boolean> {
  const result = await db.deleteFrom('desk_pages').where('id', '=', id).where('region_slug', '=', regionSlug).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// Glossary

export async function termsVisibleIn(db: Queryable, regionSlug: string | null): Promise<TermRow[]> {
  const rows = await db
    .selectFrom('desk_glossary')
    .selectAll()
    .where((eb) => (regionSlug === null ? eb('region_slug', 'is', null) : eb.or([eb('region_slug', 'is', null), eb('region_slug', '=', regionSlug)])))
    .execute();
  return rows.map(normaliseTerm);
}

export async function termVersions(db: Queryable, regionSlug: string | null, slug: string): Promise<{ regional?: TermRow; national?: TermRow }> {
  const rows = await db
    .selectFrom('desk_glossary')
    .selectAll()
    .where('slug', '=', slug)
    .where((eb) => (regionSlug === null ? eb('region_slug', 'is', null) : eb.or([eb('region_slug', 'is', null), eb('region_slug', '=', regionSlug)])))
    .execute();
  const regional = regionSlug === null ? undefined : rows.find((r) => r.region_slug === regionSlug);
  const national = rows.find((r) => r.region_slug === null);
  return { regional: regional && normaliseTerm(regional), national: national && normaliseTerm(national) };
}

export async function insertRegionalTerm(db: Queryable, row: TermRow): Promise<boolean> {
  const result = await db
    .insertInto('desk_glossary')
    .values(row)
    .onConflict((oc) => oc.columns(['region_slug', 'slug']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateRegionalTerm(
  db: Queryable,
  id: string,
  regionSlug: string,
  expectedVersion: number,
  changes: Pick<TermRow, 'term' | 'variants' | 'explanation' | 'updated_by' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('desk_glossary')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteRegionalTerm(db: Queryable, id: string, regionSlug: string): Promise<boolean> {
  const result = await db.deleteFrom('desk_glossary').where('id', '=', id).where('region_slug', '=', regionSlug).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// For the desk's home and reports

/** The scheme pages this region shows: its own, and the national ones it did not rewrite. */
export async function schemePages(db: Queryable, regionSlug: string): Promise<{ slug: string; title: string }[]> {
  const rows = await db
    .selectFrom('desk_pages')
    .select(['slug', 'title', 'region_slug', 'sort_order'])
    .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
    .execute();
  const bySlug = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (row.region_slug !== null || !bySlug.has(row.slug)) bySlug.set(row.slug, row);
  return [...bySlug.values()].sort((a, b) => Number(a.sort_order) - Number(b.sort_order) || a.title.localeCompare(b.title, 'nl')).map((r) => ({ slug: r.slug, title: r.title }));
}

/** A scheme page (kind 'page') or glossary word (kind 'term') this region shows, by row id or slug, for a visitor's report. */
export async function reportablePageOrTerm(db: Queryable, regionSlug: string, kind: 'page' | 'term', id: string): Promise<ReportableItem | undefined> {
  // By row id or by slug; the region's own version before the national one.
  const rows =
    kind === 'page'
      ? await db
          .selectFrom('desk_pages')
          .select(['id', 'slug', 'title', 'region_slug'])
          .where((eb) => eb.or([eb('id', '=', id), eb('slug', '=', id)]))
          .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
          .execute()
      : await db
          .selectFrom('desk_glossary')
          .select(['id', 'slug', 'term as title', 'region_slug'])
          .where((eb) => eb.or([eb('id', '=', id), eb('slug', '=', id)]))
          .where((eb) => eb.or([eb('region_slug', '=', regionSlug), eb('region_slug', 'is', null)]))
          .execute();
  const row = rows.find((r) => r.id === id) ?? rows.find((r) => r.region_slug !== null) ?? rows[0];
  return row && { title: row.title, slug: row.slug };
}

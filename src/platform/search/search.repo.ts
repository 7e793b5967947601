import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { DialectName } from '../db/create-db.js';

export interface IndexedDocumentRow {
  readonly id: string;
  readonly type: string;
  readonly url: string;
  readonly title: string;
  readonly body: string;
  readonly length: number;
}

export function selectSourceVersion(db: Queryable, source: string) {
  return db.selectFrom('search_sources').select(['version']).where('source', '=', source).executeTakeFirst();
}

/** Big inserts go in chunks: PostgreSQL allows at most 65535 parameters per statement. */
const CHUNK = 4000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function deleteSource(db: Queryable, source: string): Promise<void> {
  await db
    .deleteFrom('search_postings')
    .where('document_id', 'in', (q) => q.selectFrom('search_documents').select('id').where('source', '=', source))
    .execute();
  await db.deleteFrom('search_documents').where('source', '=', source).execute();
  await db.deleteFrom('search_sources').where('source', '=', source).execute();
}

export async function insertSource(
  db: Queryable,
  source: { source: string; version: string; documentCount: number; totalLength: number; indexedAt: string },
): Promise<void> {
  await db
    .insertInto('search_sources')
    .values({
      source: source.source,
      version: source.version,
      document_count: source.documentCount,
      total_length: source.totalLength,
      indexed_at: source.indexedAt,
    })
    .execute();
}

export async function insertDocuments(db: Queryable, source: string, documents: readonly IndexedDocumentRow[]): Promise<void> {
  await insertChunked(documents, (chunk) =>
    db
      .insertInto('search_documents')
      .values(chunk.map((d) => ({ ...d, source })))
      .execute(),
  );
}

export async function insertPostings(
  db: Queryable,
  postings: readonly { term: string; document_id: string; weight: number }[],
): Promise<void> {
  await insertChunked(postings, (chunk) => db.insertInto('search_postings').values(chunk).execute());
}

export async function insertTerms(db: Queryable, terms: readonly { term: string; word: string }[]): Promise<void> {
  await insertChunked(terms, (chunk) =>
    db
      .insertInto('search_terms')
      .values(chunk)
      .onConflict((oc) => oc.column('term').doNothing())
      .execute(),
  );
}

/** Terms no document uses any more (after a source was replaced). */
export async function deleteUnusedTerms(db: Queryable): Promise<void> {
  await db
    .deleteFrom('search_terms')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('search_postings').select('term').whereRef('search_postings.term', '=', 'search_terms.term'))),
    )
    .execute();
}

/**
 * Whether a document id belongs to one of the sources: ids are `${source}:${key}`, so a prefix test on the
 * postings the terms already selected. (A subquery on search_documents here let the databases scan every
 * posting of those sources instead.)
 */
function idInSources(column: string, sources: readonly string[]) {
  return sql<boolean>`(${sql.join(
    sources.map((s) => sql`substr(${sql.ref(column)}, 1, ${sql.lit(s.length + 1)}) = ${`${s}:`}`),
    sql` OR `,
  )})`;
}

export async function selectCorpusSize(db: Queryable, sources: readonly string[] = []): Promise<{ documents: number; totalLength: number }> {
  let query = db.selectFrom('search_sources').select([
    sql<string | number>`coalesce(sum(document_count), 0)`.as('documents'),
    sql<string | number>`coalesce(sum(total_length), 0)`.as('total_length'),
  ]);
  if (sources.length > 0) query = query.where('source', 'in', sources);
  const row = await query.executeTakeFirstOrThrow();
  return { documents: Number(row.documents), totalLength: Number(row.total_length) };
}

/** Vocabulary terms that contain `part` (parts of compound words: "coach" in "jobcoach"). */
export async function selectTermsContaining(db: Queryable, part: string, limit: number): Promise<string[]> {
  const pattern = `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('search_terms')
    .select('term')
    .where(sql<boolean>`term LIKE ${pattern} ESCAPE '\\'`)
    .where('term', '<>', part)
    .orderBy(sql`length(term)`)
    .orderBy('term')
    .limit(limit)
    .execute();
  return rows.map((r) => r.term);
}

export async function selectDocumentFrequencies(db: Queryable, terms: readonly string[], sources: readonly string[] = []): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  let query = db
    .selectFrom('search_postings')
    .select(['term', sql<string | number>`count(*)`.as('df')])
    .where('term', 'in', terms);
  if (sources.length > 0) query = query.where(idInSources('document_id', sources));
  const rows = await query.groupBy('term').execute();
  return new Map(rows.map((r) => [r.term, Number(r.df)]));
}

export interface WeightedTerm {
  readonly term: string;
  /** Inverse document frequency times how much this term counts for the query (expansions count less). */
  readonly factor: number;
  /** Which word of the query this term stands for. */
  readonly group: number;
}

function scoreExpressions(dialect: DialectName, terms: readonly WeightedTerm[]) {
  const factorCases = sql.join(terms.map((t) => sql`WHEN ${t.term} THEN ${sql.lit(t.factor)}`), sql` `);
  const groupCases = sql.join(terms.map((t) => sql`WHEN ${t.term} THEN ${sql.lit(t.group)}`), sql` `);
  const sum = sql`sum(p.weight * CASE p.term ${factorCases} ELSE 0 END)`;
  // Rounded so that the two databases' float sums order equal scores the same way.
  const score = dialect === 'postgres' ? sql`round((${sum})::numeric, 6)` : sql`round(${sum}, 6)`;
  const coverage = sql`count(DISTINCT CASE p.term ${groupCases} END)`;
  return { score, coverage };
}

export async function selectRankedDocuments(
  db: Queryable,
  dialect: DialectName,
  terms: readonly WeightedTerm[],
  types: readonly string[],
  sources: readonly string[],
  limit: number,
  offset: number,
): Promise<{ id: string; score: number; coverage: number }[]> {
  const { score, coverage } = scoreExpressions(dialect, terms);
  const typeFilter =
    types.length > 0
      ? sql`AND p.document_id IN (SELECT id FROM search_documents WHERE type IN (${sql.join(types.map((t) => sql`${t}`))}))`
      : sql``;
  const sourceFilter = sources.length > 0 ? sql`AND ${idInSources('p.document_id', sources)}` : sql``;
  const result = await sql<{ id: string; score: string | number; coverage: string | number }>`
    SELECT p.document_id AS id, ${score} AS score, ${coverage} AS coverage
    FROM search_postings p
    WHERE p.term IN (${sql.join(terms.map((t) => sql`${t.term}`))}) ${typeFilter} ${sourceFilter}
    GROUP BY p.document_id
    ORDER BY coverage DESC, score DESC, p.document_id
    LIMIT ${sql.lit(limit)} OFFSET ${sql.lit(offset)}`.execute(db);
  return result.rows.map((r) => ({ id: r.id, score: Number(r.score), coverage: Number(r.coverage) }));
}

export async function countMatchesByType(db: Queryable, terms: readonly string[], sources: readonly string[] = []): Promise<Map<string, number>> {
  let query = db
    .selectFrom('search_documents as d')
    .select(['d.type', sql<string | number>`count(*)`.as('n')])
    .where('d.id', 'in', (q) => q.selectFrom('search_postings').select('document_id').where('term', 'in', terms));
  if (sources.length > 0) query = query.where('d.source', 'in', sources);
  const rows = await query.groupBy('d.type').execute();
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}

export function selectDocuments(db: Queryable, ids: readonly string[]) {
  return db.selectFrom('search_documents').select(['id', 'type', 'url', 'title', 'body']).where('id', 'in', ids).execute();
}

/** Vocabulary terms that could be a misspelling of `term`: same first letter, similar length (and used in `sources`, when given). */
export function selectSpellingCandidates(db: Queryable, term: string, sources: readonly string[] = []) {
  const pattern = `${term.slice(0, 1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = db
    .selectFrom('search_terms')
    .select(['term', 'word'])
    .where(sql<boolean>`term LIKE ${pattern} ESCAPE '\\'`)
    .where(sql<boolean>`length(term) BETWEEN ${term.length - 2} AND ${term.length + 2}`);
  if (sources.length > 0) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('search_postings as p')
          .innerJoin('search_documents as d', 'd.id', 'p.document_id')
          .select('p.term')
          .whereRef('p.term', '=', 'search_terms.term')
          .where('d.source', 'in', sources),
      ),
    );
  }
  return query.limit(5000).execute();
}

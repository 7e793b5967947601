import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { DialectName } from '../db/create-db.js';

/** Big inserts go in chunks: PostgreSQL allows at most 65535 parameters per statement. */
const CHUNK = 500;

async function inChunks<T>(rows: readonly T[], work: (chunk: T[]) => Promise<unknown>, size = CHUNK): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await work(rows.slice(i, i + size));
}

export function selectSourceVersion(db: Queryable, source: string) {
  return db.selectFrom('search_sources').select(['version']).where('source', '=', source).executeTakeFirst();
}

export async function selectSources(db: Queryable): Promise<{ source: string; documents: number }[]> {
  const rows = await db.selectFrom('search_sources').select(['source', 'documents']).execute();
  return rows.map((r) => ({ source: r.source, documents: Number(r.documents) }));
}

export async function changeSourceDocuments(db: Queryable, source: string, delta: number): Promise<void> {
  if (delta !== 0) await db.updateTable('search_sources').set({ documents: sql`documents + ${delta}` }).where('source', '=', source).execute();
}

export async function saveSourceVersion(db: Queryable, source: string, version: string, indexedAt: string): Promise<void> {
  await db
    .insertInto('search_sources')
    .values({ source, version, indexed_at: indexedAt })
    .onConflict((oc) => oc.column('source').doUpdateSet({ version, indexed_at: indexedAt }))
    .execute();
}

/** Everything a source has in the index, its version included. */
export async function deleteSource(db: Queryable, dialect: DialectName, source: string): Promise<void> {
  if (dialect === 'sqlite') await sql`DELETE FROM search_fts WHERE rowid IN (SELECT doc FROM search_documents WHERE source = ${source})`.execute(db);
  await db.deleteFrom('search_documents').where('source', '=', source).execute();
  await db.deleteFrom('search_terms').where('source', '=', source).execute();
  await db.deleteFrom('search_sources').where('source', '=', source).execute();
}

export async function selectDocumentTerms(db: Queryable, ids: readonly string[]): Promise<{ doc: number; id: string; terms: string }[]> {
  const rows: { doc: number; id: string; terms: string }[] = [];
  await inChunks(ids, async (chunk) => {
    const found = await db.selectFrom('search_documents').select(['doc', 'id', 'terms']).where('id', 'in', chunk).execute();
    rows.push(...found.map((r) => ({ ...r, doc: Number(r.doc) })));
  });
  return rows;
}

export async function deleteDocuments(db: Queryable, dialect: DialectName, docs: readonly number[]): Promise<void> {
  await inChunks(docs, async (chunk) => {
    if (dialect === 'sqlite') await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(chunk)})`.execute(db);
    await db.deleteFrom('search_documents').where('doc', 'in', chunk).execute();
  });
}

export interface DocumentRow {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly url: string;
  readonly title: string;
  readonly body: string;
  readonly terms: string;
  readonly expiresOn: string | null;
  /** What the engine indexes: analysed title and body terms, and the source and type tags. */
  readonly engineTitle: string;
  readonly engineBody: string;
  readonly engineTags: string;
  /** PostgreSQL: the same as a tsvector literal. */
  readonly vector: string;
}

export async function insertDocuments(db: Queryable, dialect: DialectName, documents: readonly DocumentRow[]): Promise<void> {
  await inChunks(documents, async (chunk) => {
    const values = chunk.map((d) => ({
      id: d.id,
      source: d.source,
      type: d.type,
      url: d.url,
      title: d.title,
      body: d.body,
      terms: d.terms,
      expires_on: d.expiresOn,
    }));
    if (dialect === 'postgres') {
      await db
        .insertInto('search_documents')
        .values(values.map((v, i) => ({ ...v, vector: sql`${chunk[i]!.vector}::tsvector` }) as typeof v))
        .execute();
      return;
    }
    const inserted = await db.insertInto('search_documents').values(values).returning(['doc', 'id']).execute();
    const byId = new Map(chunk.map((d) => [d.id, d]));
    const rows = inserted.map((r) => {
      const d = byId.get(r.id)!;
      return sql`(${Number(r.doc)}, ${d.engineTitle}, ${d.engineBody}, ${d.engineTags})`;
    });
    await sql`INSERT INTO search_fts (rowid, title, body, tags) VALUES ${sql.join(rows)}`.execute(db);
  }, dialect === 'postgres' ? CHUNK : 200);
}

export interface TermChange {
  readonly term: string;
  readonly word: string;
  readonly delta: number;
}

const reverse = (term: string) => [...term].reverse().join('');

/** Adds (or, with a negative delta, removes) documents to the vocabulary's counts; terms at zero go. */
export async function changeTermCounts(db: Queryable, source: string, changes: readonly TermChange[]): Promise<void> {
  // Sorted, so that two transactions lock the same rows in the same order.
  const sorted = [...changes].filter((c) => c.delta !== 0).sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const added = sorted.filter((c) => c.delta > 0);
  const removed = sorted.filter((c) => c.delta < 0);
  await inChunks(added, (chunk) =>
    db
      .insertInto('search_terms')
      .values(chunk.map((c) => ({ source, term: c.term, reversed: reverse(c.term), word: c.word, documents: c.delta })))
      .onConflict((oc) => oc.columns(['source', 'term']).doUpdateSet({ documents: sql`search_terms.documents + excluded.documents` }))
      .execute(),
  );
  for (const delta of new Set(removed.map((c) => c.delta))) {
    const terms = removed.filter((c) => c.delta === delta).map((c) => c.term);
    await inChunks(terms, async (chunk) => {
      await db.updateTable('search_terms').set({ documents: sql`documents + ${delta}` }).where('source', '=', source).where('term', 'in', chunk).execute();
      await db.deleteFrom('search_terms').where('source', '=', source).where('term', 'in', chunk).where('documents', '<=', 0).execute();
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export async function selectTermDocuments(db: Queryable, sources: readonly string[], terms: readonly string[]): Promise<Map<string, number>> {
  if (terms.length === 0 || sources.length === 0) return new Map();
  const rows = await db
    .selectFrom('search_terms')
    .select(['term', sql<string | number>`sum(documents)`.as('n')])
    .where('source', 'in', sources)
    .where('term', 'in', terms)
    .groupBy('term')
    .execute();
  return new Map(rows.map((r) => [r.term, Number(r.n)]));
}

/** The first string after every string that starts with `prefix`, for a range scan. */
function afterPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
}

interface VocabularyRow {
  readonly term: string;
  readonly word: string;
  readonly documents: number;
}

/**
 * Vocabulary terms whose `column` (the term, or the term written backwards) begins with `prefix`, the most
 * used first: a range scan on the index, as both databases do it in byte order.
 */
async function termsWithPrefix(
  db: Queryable,
  sources: readonly string[],
  column: 'term' | 'reversed',
  prefix: string,
  options: { readonly limit: number; readonly includePrefix: boolean; readonly lengthNear?: number },
): Promise<VocabularyRow[]> {
  const rows = await db
    .selectFrom('search_terms')
    .select(['term', 'word', 'documents'])
    .where('source', 'in', sources)
    .where(column, options.includePrefix ? '>=' : '>', prefix)
    .where(column, '<', afterPrefix(prefix))
    .$if(options.lengthNear !== undefined, (q) => q.where(sql<boolean>`length(term) BETWEEN ${options.lengthNear! - 2} AND ${options.lengthNear! + 2}`))
    .orderBy('documents', 'desc')
    .orderBy('term')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({ term: r.term, word: r.word, documents: Number(r.documents) }));
}

/** The rows of both lists, one per term, with the documents of a term in several sources added up. */
function mergeRows(lists: readonly (readonly VocabularyRow[])[]): VocabularyRow[] {
  const merged = new Map<string, VocabularyRow>();
  for (const r of lists.flat()) {
    const seen = merged.get(r.term);
    merged.set(r.term, { term: r.term, word: seen?.word ?? r.word, documents: (seen?.documents ?? 0) + r.documents });
  }
  return [...merged.values()];
}

/** Terms that begin or end with `term` (compounds), the most used first. */
export async function selectCompounds(db: Queryable, sources: readonly string[], term: string, limit: number): Promise<string[]> {
  if (sources.length === 0) return [];
  const options = { limit, includePrefix: false };
  const lists = await Promise.all([termsWithPrefix(db, sources, 'term', term, options), termsWithPrefix(db, sources, 'reversed', reverse(term), options)]);
  return mergeRows(lists)
    .sort((a, b) => b.documents - a.documents || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map((r) => r.term);
}

const CANDIDATES_PER_SIDE = 400;

/** Terms that share the first two or the last three letters with `term` and are about as long. */
export async function selectSpellingCandidates(db: Queryable, sources: readonly string[], term: string): Promise<VocabularyRow[]> {
  if (sources.length === 0 || term.length < 3) return [];
  const options = { limit: CANDIDATES_PER_SIDE, includePrefix: true, lengthNear: term.length };
  return mergeRows(
    await Promise.all([termsWithPrefix(db, sources, 'term', term.slice(0, 2), options), termsWithPrefix(db, sources, 'reversed', reverse(term.slice(-3)), options)]),
  );
}

export interface EngineQuery {
  /** FTS5 MATCH text or tsquery text: the content words and the source and type tags. */
  readonly match: string;
  /** PostgreSQL: the query ts_rank scores with (the content words only). */
  readonly rank: string;
  /** PostgreSQL: neighbouring query words as indexed for titles; a title that has them comes first. */
  readonly pairs: string;
  /** Documents that expire before this day are left out. */
  readonly today: string;
  /** Whether to rank; without, the matches keep index order (cheaper: no word statistics). */
  readonly ranked: boolean;
}

/**
 * The most matches a query reads. A query that matches more (a word in nearly every document) is ranked
 * among the first COUNT_LIMIT matches in index order, and its count is shown as "more than": so a search
 * costs the same whether the collection holds a thousand documents or a million.
 */
export const COUNT_LIMIT = 1000;

function sqliteMatches(q: EngineQuery) {
  return sql`search_fts MATCH ${q.match} AND f.rowid NOT IN (SELECT doc FROM search_documents WHERE expires_on < ${q.today})`;
}

function postgresMatches(q: EngineQuery) {
  return sql`d.vector @@ ${q.match}::tsquery AND (d.expires_on IS NULL OR d.expires_on >= ${q.today})`;
}

export interface Candidate {
  readonly doc: number;
  readonly type: string;
  /** Lower is better. */
  readonly rank: number;
}

/**
 * Up to `most` + 1 matches in index order with their type and rank, ranked inside the engine: FTS5's
 * bm25 with titles counting three times, PostgreSQL's ts_rank with title terms at weight A (a title that
 * holds neighbouring query words first).
 */
export async function selectCandidates(db: Queryable, dialect: DialectName, q: EngineQuery, most = COUNT_LIMIT): Promise<Candidate[]> {
  const limit = sql.lit(most + 1);
  if (dialect === 'sqlite') {
    const result = await sql<{ doc: number; type: string; rank: number }>`
      SELECT f.rowid AS doc, d.type, ${q.ranked ? sql`bm25(search_fts, 3.0, 1.0, 0.0)` : sql`0`} AS rank
      FROM search_fts f JOIN search_documents d ON d.doc = f.rowid WHERE ${sqliteMatches(q)} LIMIT ${limit}`.execute(db);
    return result.rows.map((r) => ({ doc: Number(r.doc), type: r.type, rank: Number(r.rank) }));
  }
  const pairs = q.pairs === '' ? sql`0` : sql`(d.vector @@ ${q.pairs}::tsquery)::int`;
  const result = await sql<{ doc: string; type: string; rank: number }>`
    SELECT d.doc, d.type, ${q.ranked ? sql`-(${pairs} * 10 + ts_rank('{0.3, 0.3, 0.3, 1.0}', d.vector, ${q.rank}::tsquery, 1))` : sql`0`} AS rank
    FROM search_documents d WHERE ${postgresMatches(q)} LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => ({ doc: Number(r.doc), type: r.type, rank: Number(r.rank) }));
}

export interface FoundDocument {
  readonly doc: number;
  readonly id: string;
  readonly type: string;
  readonly url: string;
  readonly title: string;
  readonly body: string;
}

/** The distinct terms of these documents. */
export async function selectTermsOfDocs(db: Queryable, docs: readonly number[]): Promise<Map<number, Set<string>>> {
  if (docs.length === 0) return new Map();
  const rows = await db.selectFrom('search_documents').select(['doc', 'terms']).where('doc', 'in', docs).execute();
  return new Map(rows.map((r) => [Number(r.doc), new Set(r.terms.split(' '))]));
}

export async function selectDocumentsByDoc(db: Queryable, docs: readonly number[]): Promise<FoundDocument[]> {
  if (docs.length === 0) return [];
  const rows = await db.selectFrom('search_documents').select(['doc', 'id', 'type', 'url', 'title', 'body']).where('doc', 'in', docs).execute();
  return rows.map((r) => ({ ...r, doc: Number(r.doc) }));
}

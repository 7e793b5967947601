import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOfKysely } from '../src/platform/db/dialect-sql.js';

// Search on the databases' own full-text engines, fed with terms analysed in TypeScript
// (docs/decisions/016, which replaces the posting tables of 004). The index is derived data: it is
// dropped here and filled again on first use (the book at start, a desk on its first search).
export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOfKysely(db);
  // Prefix ranges (term >= 'coach' AND term < 'coaci') need byte order, whatever the server's locale.
  const binary = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.modifyFront(sql`COLLATE "C"`) : c);
  for (const table of ['search_terms', 'search_postings', 'search_documents', 'search_sources']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema
    .createTable('search_sources')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    // How many documents the source has, kept with every change (how common a word is, in proportion).
    .addColumn('documents', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('search_documents')
    // The engines address rows by number (the FTS5 rowid); the text id is `${source}:${key}`.
    .addColumn('doc', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // The distinct terms, so that a change can correct the vocabulary's document counts.
    .addColumn('terms', 'text', (c) => c.notNull())
    // A vacancy leaves the results after this day (a filter, not a rebuild).
    .addColumn('expires_on', 'text')
    .$call((b) => (dialect === 'postgres' ? b.addColumn('vector', sql`tsvector`, (c) => c.notNull()) : b))
    .execute();
  await db.schema.createIndex('search_documents_source').on('search_documents').columns(['source', 'type']).execute();
  await db.schema.createIndex('search_documents_expires').on('search_documents').column('expires_on').where(sql.ref('expires_on'), 'is not', null).execute();
  if (dialect === 'postgres') {
    await sql`CREATE INDEX search_documents_vector ON search_documents USING gin (vector)`.execute(db);
    // A search reads the vector of each match; body and terms only for the page shown. Kept out of the
    // row, the texts leave the vector in it, so a match costs no TOAST fetch.
    await sql`ALTER TABLE search_documents ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN terms SET STORAGE EXTERNAL, ALTER COLUMN vector SET STORAGE MAIN`.execute(db);
  } else {
    // Terms arrive analysed and separated by spaces: the tokenizer must keep "1.1" and "drom_3" whole.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tags, tokenize = "unicode61 remove_diacritics 0 tokenchars '._'", content = '', contentless_delete = 1)`.execute(
      db,
    );
  }
  await db.schema
    .createTable('search_terms')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => binary(c.notNull()))
    // The term written backwards: compounds that end in a word ("jobcoach" for "coach") by a range scan.
    .addColumn('reversed', 'text', (c) => binary(c.notNull()))
    // A written form of the term, to show as a correction or suggestion.
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_terms_pk', ['source', 'term'])
    .execute();
  await db.schema.createIndex('search_terms_reversed').on('search_terms').columns(['source', 'reversed']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOfKysely(db) === 'sqlite') await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  for (const table of ['search_terms', 'search_documents', 'search_sources']) await db.schema.dropTable(table).ifExists().execute();
}

import type { Kysely } from 'kysely';

// An inverted index of our own, filled by TypeScript analysis (stemming, folding), so that search
// ranks the same on SQLite and PostgreSQL (docs/decisions/004).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_sources')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('document_count', 'integer', (c) => c.notNull())
    .addColumn('total_length', 'integer', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull().references('search_sources.source').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_documents_source').on('search_documents').column('source').execute();
  await db.schema
    .createTable('search_postings')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_postings_pk', ['term', 'document_id'])
    .execute();
  await db.schema.createIndex('search_postings_document').on('search_postings').column('document_id').execute();
  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('word', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['search_terms', 'search_postings', 'search_documents', 'search_sources']) {
    await db.schema.dropTable(table).execute();
  }
}

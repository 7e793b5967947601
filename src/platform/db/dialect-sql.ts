import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from './create-db.js';

/** Statements that make a table refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL). */
export function appendOnlyTriggers(dialect: DialectName, table: string): RawBuilder<unknown>[] {
  const t = sql.id(table);
  const message = sql.lit(`${table} is append-only`);
  if (dialect === 'sqlite') {
    return [
      sql`CREATE TRIGGER ${sql.id(`${table}_no_update`)} BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, ${message}); END`,
      sql`CREATE TRIGGER ${sql.id(`${table}_no_delete`)} BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, ${message}); END`,
    ];
  }
  const fn = sql.id(`${table}_append_only`);
  return [
    sql`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${message}; END $$`,
    sql`CREATE TRIGGER ${sql.id(`${table}_no_change`)} BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    sql`CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  ];
}

/** Case-insensitive "contains" that works the same on both databases. */
export function containsInsensitive(column: string, needle: string): RawBuilder<boolean> {
  const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}

export function dialectOfKysely(db: { getExecutor(): { readonly adapter: object } }): DialectName {
  const adapterName = db.getExecutor().adapter.constructor.name;
  return adapterName.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** "database/schema" of a PostgreSQL connection: instances that share it share their live events. */
export async function postgresScope<DB>(db: Kysely<DB>): Promise<string> {
  const row = await sql<{ database: string; schema: string | null }>`SELECT current_database() AS database, current_schema() AS schema`.execute(db);
  return `${row.rows[0]?.database ?? ''}/${row.rows[0]?.schema ?? ''}`;
}

import SqliteDatabase from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  /** The SQLite file behind the database, for backups; undefined on PostgreSQL or in memory. */
  readonly sqliteFile: string | undefined;
  /** The raw better-sqlite3 handle (SQLite only), for the online backup API. */
  readonly sqliteHandle: SqliteDatabase.Database | undefined;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL only: run every connection in this schema (tests isolate themselves this way). */
  readonly pgSchema?: string;
  readonly pgPoolSize?: number;
}

export function dialectOfUrl(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(`Onbekend soort DATABASE_URL: ${url.split(':')[0]}`);
}

export function createDb(url: string, options: CreateDbOptions = {}): Db {
  if (dialectOfUrl(url) === 'sqlite') return createSqlite(url.slice('sqlite:'.length));
  return createPostgres(url, options);
}

function createSqlite(file: string): Db {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const handle = new SqliteDatabase(inMemory ? ':memory:' : file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  return {
    kysely,
    dialect: 'sqlite',
    sqliteFile: inMemory ? undefined : path.resolve(file),
    sqliteHandle: handle,
    close: () => kysely.destroy(),
  };
}

function createPostgres(url: string, options: CreateDbOptions): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', sqliteFile: undefined, sqliteHandle: undefined, close: () => kysely.destroy() };
}

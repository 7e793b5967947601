// The databases a benchmark runs on: SQLite in a temporary folder, PostgreSQL in a throwaway schema dropped at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type Db, type DialectName } from '../../src/platform/db/create-db.js';
import { BenchError } from './autocannon.js';

export const DEFAULT_PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

export interface BenchDatabase {
  readonly name: DialectName;
  readonly description: string;
  readonly db: Db;
  /** The URL the app would be started with (PostgreSQL only; the live hub listens on it). */
  readonly databaseUrl: string | undefined;
  /** After seeding: PostgreSQL gets the statistics autovacuum would soon give it. */
  afterSeeding(): Promise<string | undefined>;
  dispose(): Promise<void>;
}

export function openSqlite(label: string): BenchDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), `mmm-bench-${label}-`));
  const file = path.join(dir, 'werkplaats.sqlite');
  const db = createDb(`sqlite:${file}`);
  return {
    name: 'sqlite',
    description: `SQLite ${String(db.sqliteHandle!.prepare('SELECT sqlite_version() AS v').pluck().get())}, ${file}`,
    db,
    databaseUrl: undefined,
    afterSeeding: async () => undefined,
    async dispose() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** undefined (with a line saying so) when the server cannot be reached: PostgreSQL is then skipped. */
export async function openPostgres(url: string, label: string): Promise<BenchDatabase | undefined> {
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    console.log(`PostgreSQL overgeslagen: ${shown} is niet bereikbaar (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
  const version = String((await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version);
  const schema = `bench_${label}_${Math.random().toString(36).slice(2, 12)}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = createDb(url, { pgSchema: schema, pgPoolSize: 10 });
  return {
    name: 'postgres',
    description: `PostgreSQL ${version}, ${shown}, schema ${schema}, pool 10`,
    db,
    databaseUrl: url,
    async afterSeeding() {
      await sql`ANALYZE`.execute(db.kysely);
      return 'ANALYZE';
    },
    async dispose() {
      try {
        await db.close();
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end().catch(() => undefined);
      }
    },
  };
}

/** A whole-number command-line option of at least `min`, with the option's name in the message. */
export function wholeNumberOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new BenchError(`--${name} moet een geheel getal van minstens ${min} zijn (gekregen: ${value})`);
  return n;
}

/** The --databases option (a comma-separated list of sqlite and postgres), checked against --pg-url. */
export function databasesOption(value: string, pgUrl: string | undefined): DialectName[] {
  const databases = value.split(',').map((d) => d.trim()).filter(Boolean);
  for (const d of databases) if (d !== 'sqlite' && d !== 'postgres') throw new BenchError(`--databases kent alleen sqlite en postgres (gekregen: ${d})`);
  if (databases.includes('postgres') && !pgUrl) throw new BenchError('PostgreSQL gevraagd, maar geen --pg-url, BENCH_DATABASE_URL of TEST_DATABASE_URL');
  return databases as DialectName[];
}

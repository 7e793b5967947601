import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../platform/db/create-db.js';

export interface TestDatabase {
  readonly db: Db;
  /** Closes the database and removes everything it created. */
  dispose(): Promise<void>;
}

export interface TestDatabaseKind {
  readonly name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const sqliteKind: TestDatabaseKind = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'mmm-test-'));
    const db = createDb(`sqlite:${path.join(dir, 'test.sqlite')}`);
    return {
      db,
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgresKind(url: string): TestDatabaseKind {
  return {
    name: 'postgres',
    async create() {
      // Each test gets its own schema, so tests never see each other's rows and can run in parallel.
      const schema = `t_${Math.random().toString(36).slice(2, 12)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const db = createDb(url, { pgSchema: schema, pgPoolSize: 4 });
      return {
        db,
        async dispose() {
          await db.close();
          const cleaner = new pg.Client({ connectionString: url });
          await cleaner.connect();
          await cleaner.query(`DROP SCHEMA ${schema} CASCADE`);
          await cleaner.end();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [sqliteKind, postgresKind(url)] : [sqliteKind];
}

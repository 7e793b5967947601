import { sql, type Kysely, type Migration } from 'kysely';
import type { Db } from './create-db.js';

interface MigrationTables {
  kysely_migration: { name: string; timestamp: string };
}

/** Any constant works; it only has to be the same for every instance of the app. */
const MIGRATION_LOCK_KEY = 7_261_014;

/**
 * Applies the migrations not yet applied, in order, in one transaction. Deliberately small: it reads
 * only its own bookkeeping table (never the catalogue of other schemas), and on PostgreSQL an advisory
 * lock makes a second app instance wait until the first has finished. The history is handed in by the
 * caller (src/app.ts passes migrations/), so the platform does not reach up into the schema it runs.
 */
export async function migrateToLatest(db: Db, migrations: Readonly<Record<string, Migration>>): Promise<void> {
  const kysely = db.kysely as unknown as Kysely<MigrationTables>;
  await kysely.schema
    .createTable('kysely_migration')
    .ifNotExists()
    .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
    .execute();
  await kysely.transaction().execute(async (trx) => {
    if (db.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    const applied = new Set((await trx.selectFrom('kysely_migration').select('name').execute()).map((r) => r.name));
    for (const [name, migration] of Object.entries(migrations)) {
      if (applied.has(name)) continue;
      try {
        await migration.up(trx);
      } catch (error) {
        throw new Error(`Migratie ${name} mislukt: ${String(error)}`, { cause: error });
      }
      await trx.insertInto('kysely_migration').values({ name, timestamp: new Date().toISOString() }).execute();
    }
  });
}

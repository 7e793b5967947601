import { Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import type { Db } from './create-db.js';

export async function migrateToLatest(db: Db): Promise<void> {
  // The migrator's bookkeeping tables live in the connection's own schema, never found in another one.
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    ...(db.pgSchema ? { migrationTableSchema: db.pgSchema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'onbekend';
    throw new Error(`Migratie ${failed} mislukt: ${String(result.error)}`, { cause: result.error });
  }
}

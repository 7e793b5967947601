import type { Queryable } from '../../platform/db/database.js';

/** The health check's query: resolves once the database answers, throws when it does not. */
export async function databaseAnswers(db: Queryable): Promise<void> {
  await db.selectFrom('regions').select('slug').limit(1).execute();
}

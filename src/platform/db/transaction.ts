import type { AppDeps } from '../app-deps.js';
import type { Queryable } from './database.js';

/** A unit of work: the open transaction plus side effects (mail) that may only happen once it has committed. */
export interface Tx {
  readonly db: Queryable;
  afterCommit(effect: () => Promise<void>): void;
}

export async function inTransaction<T>(deps: AppDeps, work: (tx: Tx) => Promise<T>): Promise<T> {
  const effects: Array<() => Promise<void>> = [];
  const result = await deps.db.kysely.transaction().execute((trx) => work({ db: trx, afterCommit: (e) => void effects.push(e) }));
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      deps.log.warn(`Nawerking na opslaan mislukt: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}

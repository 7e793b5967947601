import type { Queryable } from '../../../platform/db/database.js';
import { bumpDeskCounter } from './changes.repo.js';
import { refreshDeskSearch, type DeskItemRef } from './search-index.js';

export type { DeskItemRef };

/**
 * Marks a region's desk as changed, inside the caller's transaction: counts the change and puts the
 * changed items' search documents right (only theirs). Every write to public desk content calls this.
 */
export async function touchDesk(db: Queryable, regionSlug: string, now: Date, changed: readonly DeskItemRef[] = []): Promise<void> {
  await bumpDeskCounter(db, regionSlug, now);
  await refreshDeskSearch(db, regionSlug, changed, now);
}

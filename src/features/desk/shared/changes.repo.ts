import type { Queryable } from '../../../platform/db/database.js';

/**
 * Marks a region's desk as changed, inside the caller's transaction: the desk's search documents are
 * rebuilt the next time someone searches. Every write to public desk content calls this.
 */
export async function touchDesk(db: Queryable, regionSlug: string, now: Date): Promise<void> {
  const changedAt = now.toISOString();
  await db
    .insertInto('desk_changes')
    .values({ region_slug: regionSlug, changed_at: changedAt, counter: 1 })
    .onConflict((oc) => oc.column('region_slug').doUpdateSet((eb) => ({ changed_at: changedAt, counter: eb('desk_changes.counter', '+', 1) })))
    .execute();
}

/** The desk's change counter for a region (0 when nothing changed yet): part of its search index version. */
export async function deskChangeCounter(db: Queryable, regionSlug: string): Promise<number> {
  const row = await db.selectFrom('desk_changes').select('counter').where('region_slug', '=', regionSlug).executeTakeFirst();
  return row ? Number(row.counter) : 0;
}

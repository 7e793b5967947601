import type { Queryable } from '../../../platform/db/database.js';

/**
 * Counts a change to a region's public desk content, inside the caller's transaction. On PostgreSQL the
 * row stays locked until the transaction ends, so a search index being built for the region waits for
 * this change, and this change waits for an index being built.
 */
export async function bumpDeskCounter(db: Queryable, regionSlug: string, now: Date): Promise<void> {
  const changedAt = now.toISOString();
  await db
    .insertInto('desk_changes')
    .values({ region_slug: regionSlug, changed_at: changedAt, counter: 1 })
    .onConflict((oc) => oc.column('region_slug').doUpdateSet((eb) => ({ changed_at: changedAt, counter: eb('desk_changes.counter', '+', 1) })))
    .execute();
}

/** Takes the region's change row lock without counting a change (building its search index). */
export async function lockDeskCounter(db: Queryable, regionSlug: string, now: Date): Promise<void> {
  await db
    .insertInto('desk_changes')
    .values({ region_slug: regionSlug, changed_at: now.toISOString(), counter: 0 })
    .onConflict((oc) => oc.column('region_slug').doUpdateSet((eb) => ({ counter: eb.ref('desk_changes.counter') })))
    .execute();
}

/** The desk's change counter for a region (0 when nothing changed yet). */
export async function deskChangeCounter(db: Queryable, regionSlug: string): Promise<number> {
  const row = await db.selectFrom('desk_changes').select('counter').where('region_slug', '=', regionSlug).executeTakeFirst();
  return row ? Number(row.counter) : 0;
}

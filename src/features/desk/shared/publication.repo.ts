import type { Queryable } from '../../../platform/db/database.js';

// The status changes of desk publication. Each changes a row only from the state the caller expects, so
// that an action another coordinator already took changes nothing (and the caller can say so).

const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;

export type EditedTable = 'desk_organisations' | 'desk_groups' | 'desk_faqs';
export type ItemStatus = 'pending' | 'published' | 'hidden';

/** Sets the status of an organisation, group or FAQ of the region, only from one of the given states. */
export async function setEditedStatus(
  db: Queryable,
  table: EditedTable,
  regionSlug: string,
  id: string,
  from: readonly ItemStatus[],
  to: ItemStatus,
  userId: string | null,
  now: string,
): Promise<boolean> {
  // The three tables share these columns; Kysely cannot narrow a union of table names, so the status values are checked by the callers.
  const result = await db
    .updateTable(table as 'desk_organisations')
    .set((eb) => ({ status: to, updated_by: userId, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', 'in', from)
    .executeTakeFirst();
  return changed(result);
}

/** The status of an organisation, group or FAQ of the region, or undefined when the region has no such item. */
export async function editedStatus(db: Queryable, table: EditedTable, regionSlug: string, id: string): Promise<ItemStatus | undefined> {
  const row = await db
    .selectFrom(table as 'desk_organisations')
    .select('status')
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .executeTakeFirst();
  return row?.status;
}

export async function markVacancyReviewed(db: Queryable, regionSlug: string, id: string, userId: string | null, now: string): Promise<boolean> {
  const result = await db
    .updateTable('desk_vacancies')
    .set({ reviewed_by: userId, reviewed_at: now })
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return changed(result);
}

/** Hides a published vacancy; from the queue only while nobody looked at it yet. */
export async function hideVacancy(db: Queryable, regionSlug: string, id: string, userId: string | null, now: string, onlyUnreviewed: boolean): Promise<boolean> {
  let query = db
    .updateTable('desk_vacancies')
    .set((eb) => ({
      status: 'hidden' as const,
      reviewed_by: eb.fn.coalesce('reviewed_by', eb.val(userId)),
      reviewed_at: eb.fn.coalesce('reviewed_at', eb.val(now)),
      updated_by: userId,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published');
  if (onlyUnreviewed) query = query.where('reviewed_at', 'is', null);
  return changed(await query.executeTakeFirst());
}

/** Shows a hidden vacancy again; whoever does so has looked at it. */
export async function restoreVacancy(db: Queryable, regionSlug: string, id: string, userId: string | null, now: string): Promise<boolean> {
  const result = await db
    .updateTable('desk_vacancies')
    .set((eb) => ({ status: 'published' as const, reviewed_by: userId, reviewed_at: now, updated_by: userId, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'hidden')
    .executeTakeFirst();
  return changed(result);
}

/** Whether a row with this id exists in the region (to tell "already handled" from "not ours"). */
export async function existsInRegion(
  db: Queryable,
  table: 'desk_organisations' | 'desk_groups' | 'desk_faqs' | 'desk_vacancies' | 'desk_reports',
  regionSlug: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table as 'desk_organisations')
    .select('id')
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .executeTakeFirst();
  return row !== undefined;
}

import { sql } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import type { ReportableKind } from '../shared/region.js';

// The queries of the coordinator's queue that are its own: visitors' reports. Every other section of the
// queue asks the part it belongs to.

const count = sql<string | number>`count(*)`;

export async function countOpenReports(db: Queryable, regionSlug: string): Promise<number> {
  const row = await db.selectFrom('desk_reports').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(row.n);
}

export function openReports(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_reports')
    .select(['id', 'item_kind', 'item_id', 'item_title', 'reason', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertReport(
  db: Queryable,
  row: { id: string; regionSlug: string; kind: ReportableKind; itemId: string; itemTitle: string; reason: string; details: string; now: string },
): Promise<void> {
  await db
    .insertInto('desk_reports')
    .values({
      id: row.id,
      region_slug: row.regionSlug,
      item_kind: row.kind,
      item_id: row.itemId,
      item_title: row.itemTitle,
      reason: row.reason,
      details: row.details,
      status: 'open',
      created_at: row.now,
      handled_by: null,
      handled_at: null,
      outcome: null,
    })
    .execute();
}

export function selectReport(db: Queryable, regionSlug: string, reportId: string) {
  return db.selectFrom('desk_reports').selectAll().where('id', '=', reportId).where('region_slug', '=', regionSlug).executeTakeFirst();
}

const changed = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) === 1;

export async function markReportHandled(db: Queryable, regionSlug: string, reportId: string, userId: string, now: string, outcome: string): Promise<boolean> {
  const result = await db
    .updateTable('desk_reports')
    .set({ status: 'handled', handled_by: userId, handled_at: now, outcome })
    .where('id', '=', reportId)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return changed(result);
}

import { sql, type Insertable, type Updateable } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import { countsByRegion, type ReportableItem } from '../shared/region.js';
import type { DeskEmployersTable } from './employers.tables.js';

export function insertEmployer(db: Queryable, row: Insertable<DeskEmployersTable>) {
  return db.insertInto('desk_employers').values(row).execute();
}

export function insertEmployerMember(db: Queryable, employerId: string, userId: string, addedAt: string) {
  return db
    .insertInto('desk_employer_members')
    .values({ employer_id: employerId, user_id: userId, added_at: addedAt })
    .onConflict((oc) => oc.columns(['employer_id', 'user_id']).doNothing())
    .execute();
}

/** An employer of this region (another region's employer is not found). */
export function selectEmployer(db: Queryable, regionSlug: string, employerId: string) {
  return db.selectFrom('desk_employers').selectAll().where('id', '=', employerId).where('region_slug', '=', regionSlug).executeTakeFirst();
}

export function selectEmployersByStatus(db: Queryable, regionSlug: string, status: DeskEmployersTable['status']) {
  return db.selectFrom('desk_employers').selectAll().where('region_slug', '=', regionSlug).where('status', '=', status).orderBy('name').orderBy('id').execute();
}

/** Pending pledges, oldest first (the coordinator's queue). */
export function selectPendingEmployers(db: Queryable, regionSlug: string) {
  return db.selectFrom('desk_employers').selectAll().where('region_slug', '=', regionSlug).where('status', '=', 'pending').orderBy('pledged_at').orderBy('id').execute();
}

export function selectEmployersOfMember(db: Queryable, regionSlug: string, userId: string) {
  return db
    .selectFrom('desk_employer_members as m')
    .innerJoin('desk_employers as e', 'e.id', 'm.employer_id')
    .select(['e.id', 'e.name', 'e.status'])
    .where('m.user_id', '=', userId)
    .where('e.region_slug', '=', regionSlug)
    .orderBy('e.name')
    .execute();
}

export function selectEmployerMembers(db: Queryable, employerId: string) {
  return db
    .selectFrom('desk_employer_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.added_at'])
    .where('m.employer_id', '=', employerId)
    .orderBy('m.added_at')
    .execute();
}

/** Writes the changes when nobody saved in between; false when the version is stale (or the employer is gone). */
export async function updateEmployerIfVersion(
  db: Queryable,
  regionSlug: string,
  employerId: string,
  version: number,
  changes: Updateable<DeskEmployersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('desk_employers')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', employerId)
    .where('region_slug', '=', regionSlug)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A status change, only from one of the given statuses (so two coordinators cannot both act on one pledge). */
export async function updateEmployerStatus(
  db: Queryable,
  regionSlug: string,
  employerId: string,
  from: readonly DeskEmployersTable['status'][],
  changes: Updateable<DeskEmployersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('desk_employers')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', employerId)
    .where('region_slug', '=', regionSlug)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// For the region overview, the moderation queue and reports

const count = sql<string | number>`count(*)`;

export function countVerifiedEmployers(db: Queryable): Promise<Map<string, number>> {
  return countsByRegion(db.selectFrom('desk_employers').select(['region_slug', count.as('n')]).where('status', '=', 'verified').groupBy('region_slug').execute());
}

export function pendingEmployers(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_employers')
    .select(['id', 'name', 'city', 'pledged_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'pending')
    .orderBy('pledged_at')
    .orderBy('id')
    .execute();
}

export async function countPendingEmployers(db: Queryable, regionSlug: string): Promise<number> {
  const row = await db.selectFrom('desk_employers').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A verified employer of the region, for a visitor's report. */
export async function reportableEmployer(db: Queryable, regionSlug: string, id: string): Promise<ReportableItem | undefined> {
  const row = await db
    .selectFrom('desk_employers')
    .select('name')
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'verified')
    .executeTakeFirst();
  return row && { title: row.name };
}

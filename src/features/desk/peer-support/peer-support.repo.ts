import { sql, type Insertable, type Updateable } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import type { ReportableItem } from '../shared/region.js';
import type { DeskGroupMeetingsTable, DeskGroupsTable } from './peer-support.tables.js';

// Queries of the peer-support groups. Members are read only as a yes/no for one person or as a count:
// no query here lists who is a member of a group.

export type GroupStatus = DeskGroupsTable['status'];

const GROUP_COLUMNS = [
  'g.id',
  'g.region_slug',
  'g.organisation_id',
  'g.name',
  'g.description',
  'g.for_whom',
  'g.contact_email',
  'g.status',
  'g.version',
  'g.created_at',
  'g.updated_at',
] as const;

/** Groups of a region with their organisation's name (when it is published) and the start of their next meeting after `nowIso`. */
export function selectGroups(db: Queryable, regionSlug: string, nowIso: string, filter: { status?: GroupStatus; ids?: readonly string[] }) {
  let query = db
    .selectFrom('desk_groups as g')
    .leftJoin('desk_organisations as o', (join) => join.onRef('o.id', '=', 'g.organisation_id').on('o.status', '=', 'published'))
    .select(GROUP_COLUMNS)
    .select('o.name as organisation_name')
    .select((eb) =>
      eb
        .selectFrom('desk_group_meetings as m')
        .select((sb) => sb.fn.min('m.starts_at').as('next'))
        .whereRef('m.group_id', '=', 'g.id')
        .where('m.ends_at', '>', nowIso)
        .as('next_starts_at'),
    )
    .where('g.region_slug', '=', regionSlug);
  if (filter.status) query = query.where('g.status', '=', filter.status);
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    query = query.where('g.id', 'in', filter.ids);
  }
  return query.orderBy('g.name').orderBy('g.id').execute();
}

export function selectGroup(db: Queryable, groupId: string) {
  return db
    .selectFrom('desk_groups as g')
    .leftJoin('desk_organisations as o', (join) => join.onRef('o.id', '=', 'g.organisation_id').on('o.status', '=', 'published'))
    .select(GROUP_COLUMNS)
    .select('o.name as organisation_name')
    .where('g.id', '=', groupId)
    .executeTakeFirst();
}

/** Ids of the groups in a region this person organises. */
export async function selectOrganisedGroupIds(db: Queryable, regionSlug: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('desk_group_organisers as x')
    .innerJoin('desk_groups as g', 'g.id', 'x.group_id')
    .select('g.id')
    .where('x.user_id', '=', userId)
    .where('g.region_slug', '=', regionSlug)
    .execute();
  return rows.map((r) => r.id);
}

/** Ids of the groups in a region this person is a member of (only ever shown to that person). */
export async function selectMemberGroupIds(db: Queryable, regionSlug: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('desk_group_members as x')
    .innerJoin('desk_groups as g', 'g.id', 'x.group_id')
    .select('g.id')
    .where('x.user_id', '=', userId)
    .where('g.region_slug', '=', regionSlug)
    .execute();
  return rows.map((r) => r.id);
}

export function selectNotPublishedGroupIds(db: Queryable, regionSlug: string) {
  return db.selectFrom('desk_groups').select('id').where('region_slug', '=', regionSlug).where('status', '!=', 'published').execute();
}

export async function isMember(db: Queryable, groupId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('desk_group_members').select('user_id').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function countMembers(db: Queryable, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('desk_group_members')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function insertGroup(db: Queryable, row: Insertable<DeskGroupsTable>) {
  return db.insertInto('desk_groups').values(row).execute();
}

export function insertOrganiser(db: Queryable, groupId: string, userId: string, addedAt: string) {
  return db.insertInto('desk_group_organisers').values({ group_id: groupId, user_id: userId, added_at: addedAt }).execute();
}

/** Updates a group only if nobody changed it since `version`; true when it did. */
export async function updateGroup(db: Queryable, groupId: string, version: number, changes: Updateable<DeskGroupsTable>): Promise<boolean> {
  const result = await db
    .updateTable('desk_groups')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', groupId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function selectGroupsWithStatus(db: Queryable, regionSlug: string, status: GroupStatus) {
  return db
    .selectFrom('desk_groups')
    .select(['id', 'name', 'description', 'for_whom', 'contact_email', 'organisation_id', 'created_by', 'created_at', 'updated_at', 'version'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', status)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Joining twice is harmless: the second time changes nothing. */
export function insertMember(db: Queryable, groupId: string, userId: string, joinedAt: string) {
  return db
    .insertInto('desk_group_members')
    .values({ group_id: groupId, user_id: userId, joined_at: joinedAt })
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .execute();
}

export function deleteMember(db: Queryable, groupId: string, userId: string) {
  return db.deleteFrom('desk_group_members').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
}

export function selectMeetings(db: Queryable, groupId: string) {
  return db.selectFrom('desk_group_meetings').selectAll().where('group_id', '=', groupId).orderBy('starts_at').orderBy('id').execute();
}

export function selectMeeting(db: Queryable, groupId: string, meetingId: string) {
  return db.selectFrom('desk_group_meetings').selectAll().where('group_id', '=', groupId).where('id', '=', meetingId).executeTakeFirst();
}

export function insertMeeting(db: Queryable, row: Insertable<DeskGroupMeetingsTable>) {
  return db.insertInto('desk_group_meetings').values(row).execute();
}

/** Updates a meeting only if its sequence is still `sequence`, and raises the sequence (iCalendar SEQUENCE); true when it did. */
export async function updateMeeting(
  db: Queryable,
  groupId: string,
  meetingId: string,
  sequence: number,
  changes: Pick<DeskGroupMeetingsTable, 'starts_at' | 'ends_at' | 'place' | 'online_url' | 'description' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('desk_group_meetings')
    .set({ ...changes, sequence: sequence + 1 })
    .where('id', '=', meetingId)
    .where('group_id', '=', groupId)
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMeeting(db: Queryable, groupId: string, meetingId: string): Promise<boolean> {
  const result = await db.deleteFrom('desk_group_meetings').where('id', '=', meetingId).where('group_id', '=', groupId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The published organisations of a region, for the organisation choice of a group. */
// For the desk's home, the moderation queue and reports

const count = sql<string | number>`count(*)`;

export function upcomingMeetings(db: Queryable, regionSlug: string, fromIso: string, limit: number) {
  return db
    .selectFrom('desk_group_meetings as m')
    .innerJoin('desk_groups as g', 'g.id', 'm.group_id')
    .select(['m.id', 'm.group_id', 'm.starts_at', 'm.place', 'm.online_url', 'g.name as group_name'])
    .where('g.region_slug', '=', regionSlug)
    .where('g.status', '=', 'published')
    .where('m.starts_at', '>=', fromIso)
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}

export function pendingGroups(db: Queryable, regionSlug: string) {
  return db
    .selectFrom('desk_groups')
    .select(['id', 'name', 'created_at'])
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countPendingGroups(db: Queryable, regionSlug: string): Promise<number> {
  const row = await db.selectFrom('desk_groups').select(count.as('n')).where('region_slug', '=', regionSlug).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A published group of the region, for a visitor's report. */
export async function reportableGroup(db: Queryable, regionSlug: string, id: string): Promise<ReportableItem | undefined> {
  const row = await db
    .selectFrom('desk_groups')
    .select('name')
    .where('id', '=', id)
    .where('region_slug', '=', regionSlug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row && { title: row.name };
}

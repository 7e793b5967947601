import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import type { CaseContributionsTable, CaseMeetingsTable } from '../case-consultation.tables.js';

// Meetings of a case consultation and what participants contribute in them.

const MEETING_COLUMNS = [
  'm.id',
  'm.team_id',
  'm.case_id',
  'm.number',
  'm.planned_on',
  'm.status',
  'm.current_step',
  'm.step_started_at',
  'm.step_extra_minutes',
  'm.started_at',
  'm.finished_at',
  'm.created_by',
  'm.created_at',
  'm.version',
] as const;

function meetingsWithCase(db: Queryable) {
  return db
    .selectFrom('case_meetings as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select(MEETING_COLUMNS)
    .select(['c.number as case_number', 'c.title as case_title']);
}

export function selectMeetings(db: Queryable, teamId: string) {
  return meetingsWithCase(db).where('m.team_id', '=', teamId).orderBy('m.number', 'desc').execute();
}

export function selectMeeting(db: Queryable, teamId: string, meetingId: string) {
  return meetingsWithCase(db).where('m.team_id', '=', teamId).where('m.id', '=', meetingId).executeTakeFirst();
}

/** The meeting row for a state change; on PostgreSQL locked until the transaction ends, so commands queue up. */
export function selectMeetingForUpdate(db: Queryable, teamId: string, meetingId: string, lock: boolean) {
  const query = db.selectFrom('case_meetings').selectAll().where('team_id', '=', teamId).where('id', '=', meetingId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** Writes only when the stored version is still the expected one (the lock makes this certain; the guard stays). */
export async function updateMeetingIfVersion(db: Queryable, teamId: string, meetingId: string, version: number, changes: Updateable<CaseMeetingsTable>): Promise<boolean> {
  const result = await db
    .updateTable('case_meetings')
    .set({ ...changes, version: version + 1 })
    .where('team_id', '=', teamId)
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function nextMeetingNumber(db: Queryable, teamId: string): Promise<number> {
  const row = await db.selectFrom('case_meetings').select((eb) => eb.fn.max('number').as('highest')).where('team_id', '=', teamId).executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

export function insertMeeting(db: Queryable, row: Insertable<CaseMeetingsTable>) {
  return db.insertInto('case_meetings').values(row).execute();
}

/** The latest meeting before this number that was held (started), with its case. */
export function selectPreviousHeldMeeting(db: Queryable, teamId: string, beforeNumber: number) {
  return meetingsWithCase(db)
    .where('m.team_id', '=', teamId)
    .where('m.number', '<', beforeNumber)
    .where('m.status', '!=', 'planned')
    .orderBy('m.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// Contributions

export function insertContribution(db: Queryable, row: Insertable<CaseContributionsTable>) {
  return db.insertInto('case_contributions').values(row).execute();
}

export function selectContributions(db: Queryable, meetingId: string) {
  return db
    .selectFrom('case_contributions as k')
    .leftJoin('users as u', 'u.id', 'k.author_id')
    .selectAll('k')
    .select('u.name as author_name')
    .where('k.meeting_id', '=', meetingId)
    .orderBy('k.step')
    .orderBy('k.created_at')
    .orderBy('k.id')
    .execute();
}

export function selectContribution(db: Queryable, meetingId: string, contributionId: string) {
  return db.selectFrom('case_contributions').selectAll().where('meeting_id', '=', meetingId).where('id', '=', contributionId).executeTakeFirst();
}

export async function deleteContribution(db: Queryable, meetingId: string, contributionId: string): Promise<boolean> {
  const result = await db.deleteFrom('case_contributions').where('meeting_id', '=', meetingId).where('id', '=', contributionId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function updateConsensus(db: Queryable, meetingId: string, contributionId: string, consensus: 0 | 1): Promise<boolean> {
  const result = await db
    .updateTable('case_contributions')
    .set({ consensus })
    .where('meeting_id', '=', meetingId)
    .where('id', '=', contributionId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// The review (step 0): changes made in this meeting to earlier recommendations

export function selectRevisionsReviewedIn(db: Queryable, meetingId: string) {
  return db
    .selectFrom('case_recommendation_revisions as v')
    .innerJoin('case_recommendations as r', 'r.id', 'v.recommendation_id')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.id', 'v.recommendation_id', 'v.version', 'v.addressee', 'v.text', 'v.change_kind', 'v.changed_at', 'u.name as changed_by_name'])
    .where('v.reviewed_in', '=', meetingId)
    .orderBy('v.changed_at')
    .orderBy('v.id')
    .execute();
}

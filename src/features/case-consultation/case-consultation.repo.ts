import type { Insertable, Updateable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type {
  CaseAccessLogTable,
  CaseRecommendationGroupsTable,
  CaseRecommendationRevisionsTable,
  CaseRecommendationsTable,
  CasesTable,
} from './case-consultation.tables.js';

// Consultation of a team

export function selectConsultation(db: Queryable, teamId: string) {
  return db.selectFrom('case_consultations').selectAll().where('team_id', '=', teamId).executeTakeFirst();
}

export function insertConsultation(db: Queryable, teamId: string, theme: string, enabledBy: string, now: string) {
  return db
    .insertInto('case_consultations')
    .values({ team_id: teamId, theme, enabled_by: enabledBy, enabled_at: now })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
}

export function updateTheme(db: Queryable, teamId: string, theme: string) {
  return db.updateTable('case_consultations').set({ theme }).where('team_id', '=', teamId).execute();
}

// Cases

export function selectCases(db: Queryable, teamId: string) {
  return db.selectFrom('cases').selectAll().where('team_id', '=', teamId).orderBy('number').execute();
}

export function selectCase(db: Queryable, teamId: string, caseId: string) {
  return db.selectFrom('cases').selectAll().where('team_id', '=', teamId).where('id', '=', caseId).executeTakeFirst();
}

export async function nextCaseNumber(db: Queryable, teamId: string): Promise<number> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.max('number').as('highest')).where('team_id', '=', teamId).executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

export function insertCase(db: Queryable, row: Insertable<CasesTable>) {
  return db.insertInto('cases').values(row).execute();
}

/** Writes only when the stored version is still the one the form was built from. */
export async function updateCaseIfVersion(db: Queryable, teamId: string, caseId: string, version: number, changes: Updateable<CasesTable>): Promise<boolean> {
  const result = await db
    .updateTable('cases')
    .set({ ...changes, version: version + 1 })
    .where('team_id', '=', teamId)
    .where('id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function deleteCase(db: Queryable, teamId: string, caseId: string) {
  return db.deleteFrom('cases').where('team_id', '=', teamId).where('id', '=', caseId).executeTakeFirst();
}

// Access log

export function insertAccess(db: Queryable, row: Insertable<CaseAccessLogTable>) {
  return db.insertInto('case_access_log').values(row).execute();
}

export function selectAccessLog(db: Queryable, teamId: string, limit: number, offset: number) {
  return db
    .selectFrom('case_access_log')
    .selectAll()
    .where('team_id', '=', teamId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countAccessLog(db: Queryable, teamId: string): Promise<number> {
  const row = await db.selectFrom('case_access_log').select((eb) => eb.fn.countAll().as('count')).where('team_id', '=', teamId).executeTakeFirst();
  return Number(row?.count ?? 0);
}

// Recommendations and their groups (unique recommendations)

export function insertGroup(db: Queryable, row: Insertable<CaseRecommendationGroupsTable>) {
  return db.insertInto('case_recommendation_groups').values(row).execute();
}

export function insertRecommendation(db: Queryable, row: Insertable<CaseRecommendationsTable>) {
  return db.insertInto('case_recommendations').values(row).execute();
}

export function insertRevision(db: Queryable, row: Insertable<CaseRecommendationRevisionsTable>) {
  return db.insertInto('case_recommendation_revisions').values(row).execute();
}

export function selectRecommendation(db: Queryable, teamId: string, recommendationId: string) {
  return db.selectFrom('case_recommendations').selectAll().where('team_id', '=', teamId).where('id', '=', recommendationId).executeTakeFirst();
}

/** Every recommendation of a team with the number of its case and meeting, oldest first. */
export function selectRecommendationsWithOrigin(db: Queryable, teamId: string, onlyId?: string) {
  let query = db
    .selectFrom('case_recommendations as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('case_meetings as m', 'm.id', 'r.meeting_id')
    .selectAll('r')
    .select(['c.number as case_number', 'c.title as case_title', 'm.number as meeting_number'])
    .where('r.team_id', '=', teamId);
  if (onlyId !== undefined) query = query.where('r.id', '=', onlyId);
  return query.orderBy('m.number').orderBy('r.created_at').orderBy('r.id').execute();
}

export async function updateRecommendationIfVersion(
  db: Queryable,
  teamId: string,
  recommendationId: string,
  version: number,
  changes: { addressee: string; text: string; updated_by: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('case_recommendations')
    .set({ ...changes, version: version + 1 })
    .where('team_id', '=', teamId)
    .where('id', '=', recommendationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function selectRevisions(db: Queryable, recommendationId: string) {
  return db
    .selectFrom('case_recommendation_revisions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .leftJoin('case_meetings as m', 'm.id', 'v.reviewed_in')
    .selectAll('v')
    .select(['u.name as changed_by_name', 'm.number as reviewed_in_number'])
    .where('v.recommendation_id', '=', recommendationId)
    .orderBy('v.version')
    .execute();
}

export function selectFirstRevisions(db: Queryable, recommendationIds: readonly string[]) {
  if (recommendationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_recommendation_revisions')
    .select(['recommendation_id', 'text', 'addressee'])
    .where('recommendation_id', 'in', recommendationIds)
    .where('version', '=', 1)
    .execute();
}

/** A group of one follows its recommendation's addressee; a merged group (with its own text) keeps the one the facilitator chose. */
export function followGroupAddressee(db: Queryable, groupId: string, addressee: string) {
  return db.updateTable('case_recommendation_groups').set({ addressee }).where('id', '=', groupId).where('text', 'is', null).execute();
}

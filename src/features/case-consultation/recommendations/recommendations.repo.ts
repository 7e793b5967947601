import type { Insertable, Kysely } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import { dialectOfKysely } from '../../../platform/db/dialect-sql.js';
import type {
  CaseRankingEntriesTable,
  CaseRankingItemsTable,
  CaseRankingRoundsTable,
  CaseRecommendationGroupsTable,
} from '../case-consultation.tables.js';

// Consolidation (unique recommendations) and ranking rounds of a team's case consultation.

/**
 * Serialises consolidation and ranking changes of one team: merging, splitting, opening and closing
 * rounds and submitting rankings all lock the team's consultation row first. SQLite runs one write
 * transaction at a time anyway; on PostgreSQL this is a row lock. False when the team has no consultation.
 */
export async function lockConsultation(db: Queryable, teamId: string): Promise<boolean> {
  const query = db.selectFrom('case_consultations').select('team_id').where('team_id', '=', teamId);
  const row = dialectOfKysely(db as unknown as Kysely<unknown>) === 'postgres' ? await query.forUpdate().executeTakeFirst() : await query.executeTakeFirst();
  return row !== undefined;
}

// Groups (unique recommendations)

export function selectGroups(db: Queryable, teamId: string) {
  return db.selectFrom('case_recommendation_groups').selectAll().where('team_id', '=', teamId).orderBy('created_at').orderBy('id').execute();
}

export function selectGroupsByIds(db: Queryable, teamId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('case_recommendation_groups').selectAll().where('team_id', '=', teamId).where('id', 'in', groupIds).execute();
}

export function insertGroup(db: Queryable, row: Insertable<CaseRecommendationGroupsTable>) {
  return db.insertInto('case_recommendation_groups').values(row).execute();
}

export async function updateMergedGroup(db: Queryable, teamId: string, groupId: string, changes: { text: string; addressee: string }): Promise<boolean> {
  const result = await db.updateTable('case_recommendation_groups').set(changes).where('team_id', '=', teamId).where('id', '=', groupId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes groups that no longer hold any recommendation. */
export function deleteEmptyGroups(db: Queryable, teamId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .deleteFrom('case_recommendation_groups')
    .where('team_id', '=', teamId)
    .where('id', 'in', groupIds)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('case_recommendations as r').select('r.id').whereRef('r.group_id', '=', 'case_recommendation_groups.id'))))
    .execute();
}

export function selectGroupMemberIds(db: Queryable, teamId: string, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_recommendations')
    .select(['id', 'group_id', 'addressee'])
    .where('team_id', '=', teamId)
    .where('group_id', 'in', groupIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function moveRecommendationsToGroup(db: Queryable, teamId: string, fromGroupIds: readonly string[], toGroupId: string) {
  return db.updateTable('case_recommendations').set({ group_id: toGroupId }).where('team_id', '=', teamId).where('group_id', 'in', fromGroupIds).execute();
}

export function setRecommendationGroup(db: Queryable, teamId: string, recommendationId: string, groupId: string) {
  return db.updateTable('case_recommendations').set({ group_id: groupId }).where('team_id', '=', teamId).where('id', '=', recommendationId).execute();
}

// Ranking rounds

export function selectRounds(db: Queryable, teamId: string) {
  return db
    .selectFrom('case_ranking_rounds as r')
    .selectAll('r')
    .select((eb) => eb.selectFrom('case_ranking_items as i').select((e) => e.fn.countAll().as('n')).whereRef('i.round_id', '=', 'r.id').as('item_count'))
    .select((eb) => eb.selectFrom('case_rankings as k').select((e) => e.fn.countAll().as('n')).whereRef('k.round_id', '=', 'r.id').as('ranking_count'))
    .where('r.team_id', '=', teamId)
    .orderBy('r.opened_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

export function selectRound(db: Queryable, teamId: string, roundId: string) {
  return db.selectFrom('case_ranking_rounds').selectAll().where('team_id', '=', teamId).where('id', '=', roundId).executeTakeFirst();
}

export function selectOpenRound(db: Queryable, teamId: string) {
  return db.selectFrom('case_ranking_rounds').selectAll().where('team_id', '=', teamId).where('status', '=', 'open').orderBy('opened_at', 'desc').executeTakeFirst();
}

export function selectLatestApprovedRound(db: Queryable, teamId: string) {
  return db
    .selectFrom('case_ranking_rounds')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('status', '=', 'approved')
    .orderBy('approved_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function insertRound(db: Queryable, row: Insertable<CaseRankingRoundsTable>) {
  return db.insertInto('case_ranking_rounds').values(row).execute();
}

export function insertItems(db: Queryable, rows: readonly Insertable<CaseRankingItemsTable>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('case_ranking_items').values([...rows]).execute();
}

export function selectItems(db: Queryable, roundId: string) {
  return db.selectFrom('case_ranking_items').selectAll().where('round_id', '=', roundId).orderBy('position').execute();
}

/** Closes an open round; false when it was no longer open. */
export async function closeRound(
  db: Queryable,
  roundId: string,
  changes: { closed_by: string; closed_at: string; missing_members: string | null },
): Promise<boolean> {
  const result = await db.updateTable('case_ranking_rounds').set({ ...changes, status: 'closed' }).where('id', '=', roundId).where('status', '=', 'open').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records the approved top of a closed (or already approved) round. */
export async function approveRound(
  db: Queryable,
  roundId: string,
  changes: { approved_by: string; approved_by_name: string; approved_at: string; approved_order: string },
): Promise<boolean> {
  const result = await db
    .updateTable('case_ranking_rounds')
    .set({ ...changes, status: 'approved' })
    .where('id', '=', roundId)
    .where('status', 'in', ['closed', 'approved'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Rankings

export function selectRankings(db: Queryable, roundId: string) {
  return db.selectFrom('case_rankings').selectAll().where('round_id', '=', roundId).orderBy('submitted_at').orderBy('user_id').execute();
}

export function selectRanking(db: Queryable, roundId: string, userId: string) {
  return db.selectFrom('case_rankings').selectAll().where('round_id', '=', roundId).where('user_id', '=', userId).executeTakeFirst();
}

export function selectEntries(db: Queryable, roundId: string, userId?: string) {
  let query = db.selectFrom('case_ranking_entries').selectAll().where('round_id', '=', roundId);
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  return query.orderBy('user_id').orderBy('rank').execute();
}

/** Removes a member's ranking of a round (before a new one is written). */
export async function deleteRanking(db: Queryable, roundId: string, userId: string): Promise<void> {
  await db.deleteFrom('case_ranking_entries').where('round_id', '=', roundId).where('user_id', '=', userId).execute();
  await db.deleteFrom('case_rankings').where('round_id', '=', roundId).where('user_id', '=', userId).execute();
}

export async function insertRanking(db: Queryable, roundId: string, userId: string, submittedAt: string, entries: readonly Insertable<CaseRankingEntriesTable>[]): Promise<void> {
  await db.insertInto('case_rankings').values({ round_id: roundId, user_id: userId, submitted_at: submittedAt }).execute();
  if (entries.length > 0) await db.insertInto('case_ranking_entries').values([...entries]).execute();
}

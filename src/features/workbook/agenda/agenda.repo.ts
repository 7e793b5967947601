import type { Expression, Insertable, Kysely, SqlBool, Updateable } from 'kysely';
import type { Queryable } from '../../../platform/db/database.js';
import { dialectOfKysely } from '../../../platform/db/dialect-sql.js';
import type { AgendaActionsTable, AgendaCommentsTable, AgendaMilestonesTable, AgendaRevisionsTable } from './agenda.tables.js';

// Every query names the workspace, so an id from another workspace finds nothing.

// Milestones

export function selectMilestones(db: Queryable, workspaceId: string) {
  return db.selectFrom('agenda_milestones').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
}

export function selectMilestone(db: Queryable, workspaceId: string, milestoneId: string) {
  return db.selectFrom('agenda_milestones').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', milestoneId).executeTakeFirst();
}

function onPostgres(db: Queryable): boolean {
  return dialectOfKysely(db as unknown as Kysely<unknown>) === 'postgres';
}

/*
 * Row locks on PostgreSQL keep a milestone or action from being deleted while something is added
 * to it (an action, a comment, a revision), and make a deletion wait for such additions, so that it
 * removes them too. SQLite runs one write transaction at a time and needs none.
 */

/** Reads a milestone that something is about to be added to; it cannot be deleted until this transaction ends. */
export async function selectMilestoneForChildren(db: Queryable, workspaceId: string, milestoneId: string) {
  const query = db.selectFrom('agenda_milestones').select(['id', 'title']).where('workspace_id', '=', workspaceId).where('id', '=', milestoneId);
  return onPostgres(db) ? query.forKeyShare().executeTakeFirst() : query.executeTakeFirst();
}

/** Reads a milestone about to be deleted, after whatever is being added to it has been committed. */
export async function selectMilestoneForDelete(db: Queryable, workspaceId: string, milestoneId: string) {
  const query = db.selectFrom('agenda_milestones').select(['id']).where('workspace_id', '=', workspaceId).where('id', '=', milestoneId);
  return onPostgres(db) ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

export async function selectActionLocked(db: Queryable, workspaceId: string, actionId: string, purpose: 'children' | 'delete') {
  const query = db.selectFrom('agenda_actions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', actionId);
  if (!onPostgres(db)) return query.executeTakeFirst();
  return purpose === 'delete' ? query.forUpdate().executeTakeFirst() : query.forKeyShare().executeTakeFirst();
}

export async function selectMaxMilestonePosition(db: Queryable, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('agenda_milestones')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max);
}

export function insertMilestone(db: Queryable, row: Insertable<AgendaMilestonesTable>) {
  return db.insertInto('agenda_milestones').values(row).execute();
}

/** Writes only if nobody saved since `expectedVersion`; the row count tells whether this save won. */
export async function updateMilestoneIfVersion(
  db: Queryable,
  workspaceId: string,
  milestoneId: string,
  expectedVersion: number,
  changes: Updateable<AgendaMilestonesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('agenda_milestones')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', milestoneId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A change that needs no form (reached, order): applied to whatever is stored, one version up. */
export async function updateMilestoneBumping(db: Queryable, workspaceId: string, milestoneId: string, changes: Updateable<AgendaMilestonesTable>): Promise<boolean> {
  const result = await db
    .updateTable('agenda_milestones')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', milestoneId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteMilestone(db: Queryable, workspaceId: string, milestoneId: string): Promise<boolean> {
  const result = await db.deleteFrom('agenda_milestones').where('workspace_id', '=', workspaceId).where('id', '=', milestoneId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// Actions

export function selectActionsOfWorkspace(db: Queryable, workspaceId: string) {
  return db.selectFrom('agenda_actions').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('created_at').orderBy('id').execute();
}

export function selectActionsOfMilestone(db: Queryable, workspaceId: string, milestoneId: string) {
  return db
    .selectFrom('agenda_actions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('milestone_id', '=', milestoneId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function selectActionIdsOfMilestone(db: Queryable, workspaceId: string, milestoneId: string) {
  return db.selectFrom('agenda_actions').select('id').where('workspace_id', '=', workspaceId).where('milestone_id', '=', milestoneId).execute();
}

export function selectAction(db: Queryable, workspaceId: string, actionId: string) {
  return db.selectFrom('agenda_actions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', actionId).executeTakeFirst();
}

export async function selectMaxActionPosition(db: Queryable, workspaceId: string, milestoneId: string): Promise<number> {
  const row = await db
    .selectFrom('agenda_actions')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('workspace_id', '=', workspaceId)
    .where('milestone_id', '=', milestoneId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max);
}

export function insertAction(db: Queryable, row: Insertable<AgendaActionsTable>) {
  return db.insertInto('agenda_actions').values(row).execute();
}

export async function updateActionIfVersion(
  db: Queryable,
  workspaceId: string,
  actionId: string,
  expectedVersion: number,
  changes: Updateable<AgendaActionsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('agenda_actions')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', actionId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAction(db: Queryable, workspaceId: string, actionId: string): Promise<boolean> {
  const result = await db.deleteFrom('agenda_actions').where('workspace_id', '=', workspaceId).where('id', '=', actionId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The open actions a person owns in the given workspaces, with their milestone's title: one query. */
export function selectOpenActionsOwnedBy(db: Queryable, userId: string, workspaceIds: readonly string[], openStatuses: readonly string[]) {
  if (workspaceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agenda_actions as a')
    .innerJoin('agenda_milestones as m', 'm.id', 'a.milestone_id')
    .select(['a.id', 'a.workspace_id', 'a.milestone_id', 'a.title', 'a.status', 'a.due_date', 'm.title as milestone_title'])
    .where('a.owner_id', '=', userId)
    .where('a.workspace_id', 'in', workspaceIds)
    .where('a.status', 'in', openStatuses)
    .orderBy('a.due_date')
    .orderBy('a.title')
    .orderBy('a.id')
    .execute();
}

// Aggregates for the dashboard: one query per table.

export function countMilestonesPerWorkspace(db: Queryable, workspaceIds: readonly string[]) {
  if (workspaceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agenda_milestones')
    .select((eb) => ['workspace_id', eb.fn.countAll().as('milestones'), eb.fn.count('reached_at').as('reached')])
    .where('workspace_id', 'in', workspaceIds)
    .groupBy('workspace_id')
    .execute();
}

export function countActionsPerWorkspace(
  db: Queryable,
  workspaceIds: readonly string[],
  userId: string,
  today: string,
  weekEnd: string,
  openStatuses: readonly string[],
) {
  if (workspaceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agenda_actions')
    .select((eb) => {
      // Literal 1 and 0: PostgreSQL cannot sum untyped parameters.
      const countIf = (condition: Expression<SqlBool>) => eb.fn.sum(eb.case().when(condition).then(eb.lit(1)).else(eb.lit(0)).end());
      const mineOpen = [eb('owner_id', '=', userId), eb('status', 'in', openStatuses)];
      return [
        'workspace_id',
        eb.fn.countAll().as('actions'),
        countIf(eb('status', '=', 'gedaan')).as('done'),
        countIf(eb.and([...mineOpen, eb('due_date', '<', today)])).as('my_overdue'),
        countIf(eb.and([...mineOpen, eb('due_date', '>=', today), eb('due_date', '<=', weekEnd)])).as('my_week'),
      ];
    })
    .where('workspace_id', 'in', workspaceIds)
    .groupBy('workspace_id')
    .execute();
}

// Revisions

export function insertRevision(db: Queryable, row: Insertable<AgendaRevisionsTable>) {
  return db.insertInto('agenda_revisions').values(row).execute();
}

export function selectRevisions(db: Queryable, workspaceId: string, kind: string, subjectId: string) {
  return db
    .selectFrom('agenda_revisions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .orderBy('version')
    .execute();
}

export function selectRevision(db: Queryable, workspaceId: string, kind: string, subjectId: string, version: number) {
  return db
    .selectFrom('agenda_revisions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function deleteRevisionsOf(db: Queryable, workspaceId: string, kind: string, subjectIds: readonly string[]) {
  if (subjectIds.length === 0) return Promise.resolve();
  return db
    .deleteFrom('agenda_revisions')
    .where('workspace_id', '=', workspaceId)
    .where('subject_kind', '=', kind)
    .where('subject_id', 'in', subjectIds)
    .execute()
    .then(() => undefined);
}

// Comments

export function insertComment(db: Queryable, row: Insertable<AgendaCommentsTable>) {
  return db.insertInto('agenda_comments').values(row).execute();
}

export function selectComments(db: Queryable, workspaceId: string, kind: string, subjectId: string) {
  return db
    .selectFrom('agenda_comments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function selectComment(db: Queryable, workspaceId: string, commentId: string) {
  return db.selectFrom('agenda_comments').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', commentId).executeTakeFirst();
}

export async function deleteOwnComment(db: Queryable, workspaceId: string, commentId: string, authorId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('agenda_comments')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', commentId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export function deleteCommentsOf(db: Queryable, workspaceId: string, kind: string, subjectIds: readonly string[]) {
  if (subjectIds.length === 0) return Promise.resolve();
  return db
    .deleteFrom('agenda_comments')
    .where('workspace_id', '=', workspaceId)
    .where('subject_kind', '=', kind)
    .where('subject_id', 'in', subjectIds)
    .execute()
    .then(() => undefined);
}

import type { Insertable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { WorkbookAnswerRevisionsTable, WorkbookAnswersTable, WorkspaceInvitationsTable, WorkspacesTable } from './workbook.tables.js';

export function insertWorkspace(db: Queryable, row: Insertable<WorkspacesTable>) {
  return db.insertInto('workspaces').values(row).execute();
}

export function selectWorkspace(db: Queryable, workspaceId: string) {
  return db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
}

export function touchWorkspace(db: Queryable, workspaceId: string, now: string) {
  return db.updateTable('workspaces').set({ updated_at: now }).where('id', '=', workspaceId).execute();
}

export function renameWorkspace(db: Queryable, workspaceId: string, name: string, now: string) {
  return db.updateTable('workspaces').set({ name, updated_at: now }).where('id', '=', workspaceId).execute();
}

export function deleteWorkspace(db: Queryable, workspaceId: string) {
  return db.deleteFrom('workspaces').where('id', '=', workspaceId).execute();
}

/** Workspaces a person is a direct member of, plus those of the given teams. */
export function selectWorkspacesFor(db: Queryable, userId: string, teamIds: readonly string[]) {
  return db
    .selectFrom('workspaces as w')
    .selectAll('w')
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('workspace_members as m').select('m.user_id').whereRef('m.workspace_id', '=', 'w.id').where('m.user_id', '=', userId)),
        ...(teamIds.length > 0 ? [eb('w.team_id', 'in', teamIds)] : []),
      ]),
    )
    .orderBy('w.updated_at', 'desc')
    .orderBy('w.id')
    .execute();
}

export function insertMember(db: Queryable, workspaceId: string, userId: string, now: string) {
  return db
    .insertInto('workspace_members')
    .values({ workspace_id: workspaceId, user_id: userId, joined_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
    .execute();
}

export function deleteMember(db: Queryable, workspaceId: string, userId: string) {
  return db.deleteFrom('workspace_members').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
}

export function selectMemberIds(db: Queryable, workspaceId: string) {
  return db.selectFrom('workspace_members').select(['user_id', 'joined_at']).where('workspace_id', '=', workspaceId).orderBy('joined_at').execute();
}

export function selectMembership(db: Queryable, workspaceId: string, userId: string) {
  return db.selectFrom('workspace_members').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
}

export function insertInvitation(db: Queryable, row: Insertable<WorkspaceInvitationsTable>) {
  return db.insertInto('workspace_invitations').values(row).execute();
}

export function selectOpenInvitationsForEmail(db: Queryable, email: string) {
  return db
    .selectFrom('workspace_invitations as i')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .select(['i.id', 'i.workspace_id', 'i.invited_by', 'i.created_at', 'w.name as workspace_name'])
    .where('i.email', '=', email)
    .where('i.answered_at', 'is', null)
    .orderBy('i.created_at')
    .execute();
}

export function selectOpenInvitationsOfWorkspace(db: Queryable, workspaceId: string) {
  return db
    .selectFrom('workspace_invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('answered_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export function selectInvitation(db: Queryable, invitationId: string) {
  return db.selectFrom('workspace_invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
}

export function answerInvitation(db: Queryable, invitationId: string, accepted: boolean, now: string) {
  return db
    .updateTable('workspace_invitations')
    .set({ answered_at: now, accepted: accepted ? 1 : 0 })
    .where('id', '=', invitationId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
}

export function deleteInvitation(db: Queryable, workspaceId: string, invitationId: string) {
  return db.deleteFrom('workspace_invitations').where('id', '=', invitationId).where('workspace_id', '=', workspaceId).executeTakeFirst();
}

// Answers

export function selectAnswers(db: Queryable, workspaceId: string, keys?: readonly string[]) {
  let query = db.selectFrom('workbook_answers').selectAll().where('workspace_id', '=', workspaceId);
  if (keys) {
    if (keys.length === 0) return Promise.resolve([]);
    query = query.where('field_key', 'in', keys);
  }
  return query.execute();
}

export function selectAnswerKeysAnswered(db: Queryable, workspaceIds: readonly string[]) {
  if (workspaceIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('workbook_answers').select(['workspace_id', 'field_key']).where('workspace_id', 'in', workspaceIds).where('value', '<>', '').execute();
}

export function insertAnswer(db: Queryable, row: WorkbookAnswersTable) {
  return db.insertInto('workbook_answers').values(row).execute();
}

/** Writes only when the stored version is still the one the change was based on. */
export function updateAnswer(db: Queryable, row: WorkbookAnswersTable, expectedVersion: number) {
  return db
    .updateTable('workbook_answers')
    .set({ value: row.value, version: row.version, updated_by: row.updated_by, updated_at: row.updated_at })
    .where('workspace_id', '=', row.workspace_id)
    .where('field_key', '=', row.field_key)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
}

export function insertRevision(db: Queryable, row: Insertable<WorkbookAnswerRevisionsTable>) {
  return db.insertInto('workbook_answer_revisions').values(row).execute();
}

export function selectRevisionValue(db: Queryable, workspaceId: string, key: string, version: number) {
  return db
    .selectFrom('workbook_answer_revisions')
    .select('value')
    .where('workspace_id', '=', workspaceId)
    .where('field_key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function selectRevisions(db: Queryable, workspaceId: string, key: string) {
  return db
    .selectFrom('workbook_answer_revisions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('field_key', '=', key)
    .orderBy('version', 'desc')
    .execute();
}

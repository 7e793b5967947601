import type { Queryable } from '../../../platform/db/database.js';

// Read-only queries for the exports. The milestone and action pages have their own repo; the
// exports read the same tables here so that they do not depend on code written alongside.

export function selectMilestones(db: Queryable, workspaceId: string) {
  return db
    .selectFrom('agenda_milestones')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function selectActions(db: Queryable, workspaceId: string) {
  return db
    .selectFrom('agenda_actions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function selectComments(db: Queryable, workspaceId: string) {
  return db
    .selectFrom('agenda_comments')
    .select(['id', 'subject_kind', 'subject_id', 'author_id', 'body', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

import type { Kysely } from 'kysely';

// The workbook (workspaces and their answers) and the change agenda (milestones, actions, comments, reminders).
// Timestamps are ISO-8601 UTC text, calendar dates 'YYYY-MM-DD' text, flags 0/1 integers (docs/decisions/002).
export async function up(db: Kysely<unknown>): Promise<void> {
  // kind: 'personal' (one owner), 'together' (a professional and a person, equal rights), 'team' (members come from the team).
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workspaces_team_idx').on('workspaces').column('team_id').execute();

  // Members of personal and together workspaces; a team workspace reads its members from the team.
  await db.schema
    .createTable('workspace_members')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_members_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('workspace_members_user_idx').on('workspace_members').column('user_id').execute();

  // An invitation to a together workspace, matched to an account by its e-mail address when that person logs in.
  await db.schema
    .createTable('workspace_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('accepted', 'integer')
    .execute();
  await db.schema.createIndex('workspace_invitations_email_idx').on('workspace_invitations').column('email').execute();
  await db.schema.createIndex('workspace_invitations_workspace_idx').on('workspace_invitations').column('workspace_id').execute();

  // One row per answered question; version grows by one with every change so that concurrent edits are noticed.
  await db.schema
    .createTable('workbook_answers')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('field_key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workbook_answers_pk', ['workspace_id', 'field_key'])
    .execute();

  await db.schema
    .createTable('workbook_answer_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('field_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workbook_answer_revisions_field_idx')
    .on('workbook_answer_revisions')
    .columns(['workspace_id', 'field_key', 'version'])
    .unique()
    .execute();

  // due_date or horizon ('nu', '1-jaar', …, 'doorlopend'); source_dream: the book's dream it was adopted from.
  await db.schema
    .createTable('agenda_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('horizon', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('celebration_plan', 'text', (c) => c.notNull())
    .addColumn('reached_at', 'text')
    .addColumn('celebration_note', 'text')
    .addColumn('source_dream', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_milestones_workspace_idx').on('agenda_milestones').column('workspace_id').execute();

  await db.schema
    .createTable('agenda_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('milestone_id', 'text', (c) => c.notNull().references('agenda_milestones.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('support', 'text', (c) => c.notNull())
    .addColumn('headwind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_actions_workspace_idx').on('agenda_actions').column('workspace_id').execute();
  await db.schema.createIndex('agenda_actions_milestone_idx').on('agenda_actions').column('milestone_id').execute();
  await db.schema.createIndex('agenda_actions_owner_due_idx').on('agenda_actions').columns(['owner_id', 'due_date']).execute();

  // A snapshot (JSON) of a milestone or action after each change: its history.
  await db.schema
    .createTable('agenda_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_revisions_subject_idx').on('agenda_revisions').columns(['subject_kind', 'subject_id', 'version']).execute();

  await db.schema
    .createTable('agenda_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_comments_subject_idx').on('agenda_comments').columns(['subject_kind', 'subject_id']).execute();

  // Reminders are on unless a person switches them off; sent_on keeps the daily job from mailing twice.
  await db.schema
    .createTable('agenda_reminder_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('reminders_enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agenda_reminders_sent')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('action_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agenda_reminders_sent_pk', ['user_id', 'sent_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'agenda_reminders_sent',
    'agenda_reminder_preferences',
    'agenda_comments',
    'agenda_revisions',
    'agenda_actions',
    'agenda_milestones',
    'workbook_answer_revisions',
    'workbook_answers',
    'workspace_invitations',
    'workspace_members',
    'workspaces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

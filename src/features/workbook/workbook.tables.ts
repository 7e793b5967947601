export interface WorkspacesTable {
  id: string;
  kind: string;
  name: string;
  team_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  joined_at: string;
}

export interface WorkspaceInvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  invited_by: string | null;
  created_at: string;
  answered_at: string | null;
  accepted: number | null;
}

export interface WorkbookAnswersTable {
  workspace_id: string;
  field_key: string;
  value: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
}

export interface WorkbookAnswerRevisionsTable {
  id: string;
  workspace_id: string;
  field_key: string;
  version: number;
  value: string;
  changed_by: string | null;
  changed_at: string;
}

// Adds this feature's tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../platform/db/database.js' {
  interface Database {
    workspaces: WorkspacesTable;
    workspace_members: WorkspaceMembersTable;
    workspace_invitations: WorkspaceInvitationsTable;
    workbook_answers: WorkbookAnswersTable;
    workbook_answer_revisions: WorkbookAnswerRevisionsTable;
  }
}

export interface AgendaMilestonesTable {
  id: string;
  workspace_id: string;
  title: string;
  description: string;
  domain: string;
  due_date: string | null;
  horizon: string | null;
  position: number;
  celebration_plan: string;
  reached_at: string | null;
  celebration_note: string | null;
  source_dream: number | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface AgendaActionsTable {
  id: string;
  workspace_id: string;
  milestone_id: string;
  title: string;
  description: string;
  owner_id: string | null;
  due_date: string | null;
  status: string;
  support: string;
  headwind: string;
  position: number;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface AgendaRevisionsTable {
  id: string;
  workspace_id: string;
  subject_kind: string;
  subject_id: string;
  version: number;
  snapshot: string;
  changed_by: string | null;
  changed_at: string;
}

export interface AgendaCommentsTable {
  id: string;
  workspace_id: string;
  subject_kind: string;
  subject_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface AgendaReminderPreferencesTable {
  user_id: string;
  reminders_enabled: number;
  updated_at: string;
}

export interface AgendaRemindersSentTable {
  user_id: string;
  sent_on: string;
  action_count: number;
}

// Adds this feature's tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    agenda_milestones: AgendaMilestonesTable;
    agenda_actions: AgendaActionsTable;
    agenda_revisions: AgendaRevisionsTable;
    agenda_comments: AgendaCommentsTable;
    agenda_reminder_preferences: AgendaReminderPreferencesTable;
    agenda_reminders_sent: AgendaRemindersSentTable;
  }
}

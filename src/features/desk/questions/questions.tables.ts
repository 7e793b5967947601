// Row types of the desk's questions tables (migrations/006_regional_desk.ts).

import type { DeskEdited } from '../shared/changes.tables.js';

export interface DeskQuestionsTable {
  id: string;
  region_slug: string;
  body: string;
  asker_email: string | null;
  access_token_hash: string;
  consent_to_publish: number;
  looked_like_crisis: number;
  status: 'new' | 'routed' | 'answered' | 'hidden';
  organisation_id: string | null;
  routed_by: string | null;
  routed_at: string | null;
  routing_note: string | null;
  email_deleted_at: string | null;
  created_at: string;
}

export interface DeskAnswersTable {
  id: string;
  question_id: string;
  organisation_id: string | null;
  organisation_name: string;
  author_id: string | null;
  body: string;
  created_at: string;
  sent_at: string | null;
}

export interface DeskFaqsTable extends DeskEdited {
  id: string;
  region_slug: string;
  question_id: string | null;
  question: string;
  answer: string;
  answered_by: string;
  status: 'published' | 'hidden';
}

// Adds these tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    desk_questions: DeskQuestionsTable;
    desk_answers: DeskAnswersTable;
    desk_faqs: DeskFaqsTable;
  }
}

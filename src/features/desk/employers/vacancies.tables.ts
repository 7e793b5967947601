// Row types of the desk's vacancies tables (migrations/006_regional_desk.ts).

import type { DeskEdited } from '../shared/changes.tables.js';

export interface DeskVacanciesTable extends DeskEdited {
  id: string;
  region_slug: string;
  employer_id: string;
  title: string;
  what_you_do: string;
  hours: string;
  hours_per_week: number | null;
  place: string;
  help_available: string;
  what_we_ask: string;
  contact: string;
  contact_email: string | null;
  contact_phone: string | null;
  expires_on: string;
  status: 'published' | 'hidden';
  reviewed_by: string | null;
  reviewed_at: string | null;
}

// Adds these tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    desk_vacancies: DeskVacanciesTable;
  }
}

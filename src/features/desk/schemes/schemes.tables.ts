// Row types of the desk's schemes tables (migrations/006_regional_desk.ts).

import type { DeskEdited } from '../shared/changes.tables.js';

export interface DeskPagesTable extends DeskEdited {
  id: string;
  region_slug: string | null;
  slug: string;
  title: string;
  summary: string;
  body: string;
  sort_order: number;
}

export interface DeskGlossaryTable extends DeskEdited {
  id: string;
  region_slug: string | null;
  slug: string;
  term: string;
  /** Other spellings and inflections that link to this term, separated by '|'. */
  variants: string;
  explanation: string;
}

// Adds these tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    desk_pages: DeskPagesTable;
    desk_glossary: DeskGlossaryTable;
  }
}

// Row types of the regional desk's shared tables (migrations/006_regional_desk.ts).

/** The edit columns every editable desk item has. */
export interface DeskEdited {
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  version: number;
}

export interface DeskChangesTable {
  region_slug: string;
  changed_at: string;
  counter: number;
}

// Adds these tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    desk_changes: DeskChangesTable;
  }
}

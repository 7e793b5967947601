// Row types of the desk's moderation queue tables (migrations/006_regional_desk.ts).


export interface DeskReportsTable {
  id: string;
  region_slug: string;
  item_kind: string;
  item_id: string;
  item_title: string;
  reason: string;
  details: string;
  status: 'open' | 'handled';
  created_at: string;
  handled_by: string | null;
  handled_at: string | null;
  outcome: string | null;
}

// Adds these tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    desk_reports: DeskReportsTable;
  }
}

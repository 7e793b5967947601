// Row types of the desk's peer support tables (migrations/006_regional_desk.ts).

import type { DeskEdited } from '../shared/changes.tables.js';

export interface DeskGroupsTable extends DeskEdited {
  id: string;
  region_slug: string;
  organisation_id: string | null;
  name: string;
  description: string;
  for_whom: string;
  contact_email: string;
  status: 'pending' | 'published' | 'hidden';
}

export interface DeskGroupOrganisersTable {
  group_id: string;
  user_id: string;
  added_at: string;
}

export interface DeskGroupMembersTable {
  group_id: string;
  user_id: string;
  joined_at: string;
}

export interface DeskGroupMeetingsTable {
  id: string;
  group_id: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** Grows with every change, for the iCalendar SEQUENCE. */
  sequence: number;
}

// Adds these tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    desk_groups: DeskGroupsTable;
    desk_group_organisers: DeskGroupOrganisersTable;
    desk_group_members: DeskGroupMembersTable;
    desk_group_meetings: DeskGroupMeetingsTable;
  }
}

// Row types of the desk's employers tables (migrations/006_regional_desk.ts).

import type { DeskEdited } from '../shared/changes.tables.js';

export interface DeskEmployersTable extends DeskEdited {
  id: string;
  region_slug: string;
  name: string;
  description: string;
  offers_adjustments: string;
  offers_guidance: string;
  offers_trial_placements: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  website: string | null;
  city: string;
  status: 'pending' | 'verified' | 'rejected' | 'withdrawn';
  pledged_at: string;
  verified_by: string | null;
  verified_at: string | null;
  rejection_reason: string | null;
  withdrawn_at: string | null;
}

export interface DeskEmployerMembersTable {
  employer_id: string;
  user_id: string;
  added_at: string;
}

// Adds these tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../../platform/db/database.js' {
  interface Database {
    desk_employers: DeskEmployersTable;
    desk_employer_members: DeskEmployerMembersTable;
  }
}

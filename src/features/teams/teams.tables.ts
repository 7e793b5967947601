export interface TeamsTable {
  id: string;
  name: string;
  region_slug: string | null;
  purpose: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: string;
  joined_at: string;
}

export interface TeamInvitationsTable {
  id: string;
  team_id: string;
  token_hash: string;
  email: string | null;
  role: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

// Adds this feature's tables to the one Database type, so Kysely checks queries across the schema.
declare module '../../platform/db/database.js' {
  interface Database {
    teams: TeamsTable;
    team_members: TeamMembersTable;
    team_invitations: TeamInvitationsTable;
  }
}

import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  email_verified_at: string | null;
  name: string;
  password_hash: string;
  profile_type: string;
  profession_slug: string | null;
  home_region_slug: string | null;
  is_admin: Generated<number>;
  disabled_at: string | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  second_factor_pending: Generated<number>;
  reauthenticated_at: string | null;
  user_agent: string | null;
  ip: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

import type { Selectable } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { UsersTable } from './auth.tables.js';
import * as repo from './users.repo.js';

/**
 * The read-only people directory: who someone is, for every feature that shows or checks people
 * (teams, regions, workbooks, case consultations). Only the accounts feature changes people, so
 * features that need a name or an e-mail address depend on the platform, not on each other.
 */

export const PROFILE_TYPES = ['professional', 'ervaringsdeskundige', 'werkgever', 'naaste', 'anders'] as const;
export type ProfileType = (typeof PROFILE_TYPES)[number];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly profileType: ProfileType;
  readonly professionSlug: string | null;
  readonly homeRegionSlug: string | null;
  readonly isAdmin: boolean;
  readonly emailVerified: boolean;
  readonly disabled: boolean;
  readonly twoFactorEnabled: boolean;
  readonly twoFactorPendingSecret: string | null;
  readonly createdAt: string;
}

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    profileType: row.profile_type as ProfileType,
    professionSlug: row.profession_slug,
    homeRegionSlug: row.home_region_slug,
    isAdmin: Number(row.is_admin) === 1,
    emailVerified: row.email_verified_at !== null,
    disabled: row.disabled_at !== null,
    twoFactorEnabled: row.totp_enabled_at !== null,
    twoFactorPendingSecret: row.totp_enabled_at === null ? row.totp_secret : null,
    createdAt: row.created_at,
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUser(db: Queryable, id: string): Promise<User | undefined> {
  const row = await repo.findUserById(db, id);
  return row ? toUser(row) : undefined;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const row = await repo.findUserByEmail(db, normaliseEmail(email));
  return row ? toUser(row) : undefined;
}

export async function getUsers(db: Queryable, ids: readonly string[]): Promise<User[]> {
  return (await repo.findUsersByIds(db, ids)).map(toUser);
}

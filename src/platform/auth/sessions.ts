import type { Queryable } from '../db/database.js';
import { hashToken, randomToken } from './tokens.js';
import * as repo from './sessions.repo.js';

export const SESSION_IDLE_MS = 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reading a page is not a write every time. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-mmm-sessie' : 'mmm-sessie';
}

export interface SessionMeta {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** Creates a server-side session and returns the opaque token for the cookie (only its hash is stored). */
export async function startSession(
  db: Queryable,
  userId: string,
  meta: SessionMeta,
  now: Date,
  secondFactorPending: boolean,
): Promise<string> {
  const token = randomToken(16);
  await repo.insertSession(db, {
    id_hash: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    second_factor_pending: secondFactorPending ? 1 : 0,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
  });
  return token;
}

export type ResolvedSession = NonNullable<Awaited<ReturnType<typeof repo.findSessionWithUser>>>;

/** The live session behind a cookie token, or null when unknown, expired, idle too long or its account is disabled. */
export async function resolveSession(db: Queryable, token: string, now: Date): Promise<ResolvedSession | null> {
  if (token.length < 16 || token.length > 64) return null;
  const idHash = hashToken(token);
  const row = await repo.findSessionWithUser(db, idHash);
  if (!row) return null;
  const idleLimit = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  if (row.expires_at <= now.toISOString() || row.last_seen_at <= idleLimit || row.disabled_at !== null) {
    await repo.deleteSession(db, idHash);
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await repo.touchSession(db, idHash, now.toISOString());
  }
  return row;
}

export function endSession(db: Queryable, idHash: string) {
  return repo.deleteSession(db, idHash);
}

export function endAllSessionsOfUser(db: Queryable, userId: string, exceptIdHash?: string) {
  return repo.deleteSessionsOfUser(db, userId, exceptIdHash);
}

export function endSessionOfUser(db: Queryable, userId: string, idHash: string) {
  return repo.deleteSessionOfUser(db, userId, idHash);
}

export function purgeExpiredSessions(db: Queryable, now: Date) {
  return repo.deleteExpiredSessions(db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
}

export const listSessionsOfUser = repo.listSessionsOfUser;
export const completeSecondFactor = repo.completeSecondFactor;
export const markSessionReauthenticated = repo.markSessionReauthenticated;

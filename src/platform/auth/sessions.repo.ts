import type { Queryable } from '../db/database.js';

export interface NewSessionRow {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  second_factor_pending: number;
  user_agent: string | null;
  ip: string | null;
}

export function insertSession(db: Queryable, row: NewSessionRow) {
  return db.insertInto('sessions').values(row).execute();
}

export function findSessionWithUser(db: Queryable, idHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.user_id',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.second_factor_pending',
      'sessions.reauthenticated_at',
      'users.name',
      'users.email',
      'users.profile_type',
      'users.is_admin',
      'users.disabled_at',
      'users.totp_enabled_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

export function touchSession(db: Queryable, idHash: string, lastSeenAt: string) {
  return db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
}

export function markSessionReauthenticated(db: Queryable, idHash: string, at: string) {
  return db.updateTable('sessions').set({ reauthenticated_at: at }).where('id_hash', '=', idHash).execute();
}

export function completeSecondFactor(db: Queryable, idHash: string) {
  return db.updateTable('sessions').set({ second_factor_pending: 0 }).where('id_hash', '=', idHash).execute();
}

export function deleteSession(db: Queryable, idHash: string) {
  return db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export function deleteSessionOfUser(db: Queryable, userId: string, idHash: string) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).where('id_hash', '=', idHash).executeTakeFirst();
}

export function deleteSessionsOfUser(db: Queryable, userId: string, exceptIdHash?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
  return query.execute();
}

export function deleteExpiredSessions(db: Queryable, now: string, idleBefore: string) {
  return db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .execute();
}

export function listSessionsOfUser(db: Queryable, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

import type { Insertable, Updateable } from 'kysely';
import type { UsersTable } from '../../platform/auth/auth.tables.js';
import type { Queryable } from '../../platform/db/database.js';
import { containsInsensitive } from '../../platform/db/dialect-sql.js';
import type { AccountTokensTable } from './accounts.tables.js';

export { findUserByEmail, findUserById, findUsersByIds } from '../../platform/auth/users.repo.js';

export function insertUser(db: Queryable, row: Insertable<UsersTable>) {
  return db.insertInto('users').values(row).execute();
}

export function updateUser(db: Queryable, id: string, changes: Updateable<UsersTable>) {
  return db.updateTable('users').set(changes).where('id', '=', id).executeTakeFirst();
}

export function deleteUser(db: Queryable, id: string) {
  return db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
}

export async function countAdmins(db: Queryable): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('is_admin', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function searchUsers(db: Queryable, query: string, limit: number) {
  let q = db.selectFrom('users').selectAll().orderBy('name').orderBy('email').limit(limit);
  if (query !== '') {
    q = q.where((eb) => eb.or([containsInsensitive('name', query), containsInsensitive('email', query)]));
  }
  return q.execute();
}

export function insertToken(db: Queryable, row: AccountTokensTable) {
  return db.insertInto('account_tokens').values(row).execute();
}

export function findToken(db: Queryable, tokenHash: string) {
  return db.selectFrom('account_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks a token used only if nobody used it before; the row count tells whether this call won. */
export async function claimToken(db: Queryable, tokenHash: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('account_tokens')
    .set({ used_at: usedAt })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function deleteUnusedTokens(db: Queryable, userId: string, purpose: string) {
  return db.deleteFrom('account_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

export function findThrottle(db: Queryable, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function upsertThrottle(db: Queryable, key: string, failures: number, lastFailureAt: string, lockedUntil: string | null) {
  await db
    .insertInto('login_throttle')
    .values({ key, failures, last_failure_at: lastFailureAt, locked_until: lockedUntil })
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures, last_failure_at: lastFailureAt, locked_until: lockedUntil }))
    .execute();
}

export function deleteThrottle(db: Queryable, key: string) {
  return db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

export function insertRecoveryCodes(db: Queryable, rows: { id: string; user_id: string; code_hash: string }[]) {
  return db.insertInto('recovery_codes').values(rows.map((r) => ({ ...r, used_at: null }))).execute();
}

export function deleteRecoveryCodes(db: Queryable, userId: string) {
  return db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

export async function claimRecoveryCode(db: Queryable, userId: string, codeHash: string, usedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: usedAt })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records the TOTP time step used, only if it is newer than the last one: a code works once. */
export async function advanceTotpStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

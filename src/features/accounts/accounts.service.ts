import { randomInt } from 'node:crypto';
import type { AppDeps } from '../../platform/app-deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { endAllSessionsOfUser } from '../../platform/auth/sessions.js';
import { hashToken, newId, randomToken } from '../../platform/auth/tokens.js';
import { generateTotpSecret, matchTotp } from '../../platform/auth/totp.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { FieldProblem } from '../../platform/http/forms.js';
import { professionBySlug } from '../professions/professions.service.js';
import { findRegion } from '../regions/regions.service.js';
import { removeTeamsWithOnlyMember, teamsLedOnlyBy } from '../teams/teams.service.js';
import type { ProfileInput, RegisterInput } from './accounts.schemas.js';
import * as repo from './accounts.repo.js';
import { getUser, normaliseEmail, toUser, type User } from '../../platform/auth/users.js';

export const VERIFY_TOKEN_TTL_MS = 48 * 60 * 60 * 1000;
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
export const EMAIL_CHANGE_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** Failures allowed before an account (or address tried) is slowed down. */
const FREE_LOGIN_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60 * 1000;
const RECOVERY_CODE_COUNT = 10;

export async function searchUsers(db: Queryable, query: string, limit = 50): Promise<User[]> {
  return (await repo.searchUsers(db, query.trim(), limit)).map(toUser);
}

export async function countAdmins(db: Queryable): Promise<number> {
  return repo.countAdmins(db);
}

async function checkProfileReferences(db: Queryable, input: ProfileInput): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.professionSlug && !professionBySlug(input.professionSlug)) {
    problems.push({ field: 'professionSlug', message: 'accounts.error.professionUnknown' });
  }
  if (input.homeRegionSlug && !(await findRegion(db, input.homeRegionSlug))) {
    problems.push({ field: 'homeRegionSlug', message: 'accounts.error.regionUnknown' });
  }
  return problems;
}

function link(deps: AppDeps, path: string, token: string): string {
  return `${deps.config.baseUrl}${path}?token=${encodeURIComponent(token)}`;
}

async function issueToken(
  tx: Tx,
  deps: AppDeps,
  userId: string,
  purpose: 'verify' | 'reset' | 'email',
  ttlMs: number,
  newEmail: string | null = null,
): Promise<string> {
  const now = deps.clock();
  await repo.deleteUnusedTokens(tx.db, userId, purpose);
  const token = randomToken(24);
  await repo.insertToken(tx.db, {
    token_hash: hashToken(token),
    user_id: userId,
    purpose,
    new_email: newEmail,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ttlMs).toISOString(),
    used_at: null,
  });
  return token;
}

function sendVerificationMail(tx: Tx, deps: AppDeps, to: string, name: string, token: string): void {
  const t = translator('nl');
  tx.afterCommit(() =>
    deps.mailer.send({
      to,
      subject: t('accounts.mail.verify.subject'),
      text: t('accounts.mail.verify.body', { name, link: link(deps, '/account/bevestigen', token) }),
    }),
  );
}

export type RegisterResult = { ok: true; userId: string } | { ok: false; problems: FieldProblem[] };

export async function register(tx: Tx, deps: AppDeps, input: RegisterInput, ip: string | null): Promise<RegisterResult> {
  const problems = await checkProfileReferences(tx.db, input);
  if (await repo.findUserByEmail(tx.db, input.email)) problems.push({ field: 'email', message: 'accounts.error.emailTaken' });
  if (problems.length > 0) return { ok: false, problems };
  const now = deps.clock().toISOString();
  const id = newId();
  await repo.insertUser(tx.db, {
    id,
    email: input.email,
    email_verified_at: null,
    name: input.name,
    password_hash: await deps.hasher.hash(input.password),
    profile_type: input.profileType,
    profession_slug: input.profileType === 'professional' ? input.professionSlug : null,
    home_region_slug: input.homeRegionSlug,
    is_admin: 0,
    disabled_at: null,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    created_at: now,
    updated_at: now,
  });
  const token = await issueToken(tx, deps, id, 'verify', VERIFY_TOKEN_TTL_MS);
  sendVerificationMail(tx, deps, input.email, input.name, token);
  await recordAudit(tx.db, { actorId: id, event: 'account.registered', target: id, ip }, deps.clock());
  return { ok: true, userId: id };
}

/** Creates the very first administrator; refuses when one already exists (checked inside the transaction). */
export async function createFirstAdministrator(
  tx: Tx,
  deps: AppDeps,
  input: { name: string; email: string; password: string },
  ip: string | null,
): Promise<{ ok: true; userId: string } | { ok: false; reason: 'alreadyInstalled' }> {
  if ((await repo.countAdmins(tx.db)) > 0) return { ok: false, reason: 'alreadyInstalled' };
  const now = deps.clock().toISOString();
  const id = newId();
  await repo.insertUser(tx.db, {
    id,
    email: input.email,
    email_verified_at: now,
    name: input.name,
    password_hash: await deps.hasher.hash(input.password),
    profile_type: 'anders',
    profession_slug: null,
    home_region_slug: null,
    is_admin: 1,
    disabled_at: null,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(tx.db, { actorId: id, event: 'admin.created', target: id, ip }, deps.clock());
  return { ok: true, userId: id };
}

type TokenCheck = { ok: true; userId: string; newEmail: string | null } | { ok: false; reason: 'invalid' | 'expired' };

async function checkToken(db: Queryable, deps: AppDeps, token: string, purpose: string): Promise<TokenCheck> {
  const row = await repo.findToken(db, hashToken(token));
  if (!row || row.purpose !== purpose || row.used_at !== null) return { ok: false, reason: 'invalid' };
  if (row.expires_at <= deps.clock().toISOString()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.user_id, newEmail: row.new_email };
}

/** Checks a token without using it (to decide whether to show its form). */
export function peekToken(db: Queryable, deps: AppDeps, token: string, purpose: 'verify' | 'reset' | 'email') {
  return checkToken(db, deps, token, purpose);
}

async function useToken(tx: Tx, deps: AppDeps, token: string, purpose: string): Promise<TokenCheck> {
  const check = await checkToken(tx.db, deps, token, purpose);
  if (!check.ok) return check;
  if (!(await repo.claimToken(tx.db, hashToken(token), deps.clock().toISOString()))) return { ok: false, reason: 'invalid' };
  return check;
}

export async function verifyEmail(tx: Tx, deps: AppDeps, token: string, ip: string | null): Promise<TokenCheck> {
  const result = await useToken(tx, deps, token, 'verify');
  if (!result.ok) return result;
  const now = deps.clock().toISOString();
  await repo.updateUser(tx.db, result.userId, { email_verified_at: now, updated_at: now });
  await recordAudit(tx.db, { actorId: result.userId, event: 'account.email_verified', target: result.userId, ip }, deps.clock());
  return result;
}

export async function resendVerification(tx: Tx, deps: AppDeps, userId: string): Promise<void> {
  const user = await getUser(tx.db, userId);
  if (!user || user.emailVerified) return;
  const token = await issueToken(tx, deps, user.id, 'verify', VERIFY_TOKEN_TTL_MS);
  sendVerificationMail(tx, deps, user.email, user.name, token);
}

function throttleKey(email: string): string {
  return `login:${hashToken(normaliseEmail(email))}`;
}

/** Milliseconds until this key may try again, 0 when free. */
async function throttleWait(db: Queryable, deps: AppDeps, key: string): Promise<number> {
  const row = await repo.findThrottle(db, key);
  if (!row?.locked_until) return 0;
  return Math.max(0, Date.parse(row.locked_until) - deps.clock().getTime());
}

/** After the free attempts, every failure doubles the wait: 30 s, 1 min, 2 min … up to 15 minutes. */
async function registerFailure(db: Queryable, deps: AppDeps, key: string): Promise<void> {
  const row = await repo.findThrottle(db, key);
  const failures = (row?.failures ?? 0) + 1;
  const now = deps.clock();
  const over = failures - FREE_LOGIN_FAILURES;
  const lockedUntil = over > 0 ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, 30_000 * 2 ** (over - 1))).toISOString() : null;
  await repo.upsertThrottle(db, key, failures, now.toISOString(), lockedUntil);
}

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'throttled' | 'unverified'; waitSeconds?: number };

/**
 * Checks e-mail and password. Unknown addresses, wrong passwords and disabled accounts give the same
 * answer and take the same time, so the result never reveals whether an address has an account.
 */
export async function authenticate(deps: AppDeps, email: string, password: string, ip: string | null): Promise<LoginResult> {
  const db = deps.db.kysely;
  const key = throttleKey(email);
  const wait = await throttleWait(db, deps, key);
  if (wait > 0) return { ok: false, reason: 'throttled', waitSeconds: Math.ceil(wait / 1000) };
  const row = await repo.findUserByEmail(db, normaliseEmail(email));
  const valid = row ? await deps.hasher.verify(row.password_hash, password) : await deps.hasher.verifyAgainstDummy(password);
  if (!row || !valid || row.disabled_at !== null) {
    await registerFailure(db, deps, key);
    await recordAudit(db, { actorId: row?.id ?? null, event: 'login.failure', target: row ? row.id : null, ip }, deps.clock());
    return { ok: false, reason: 'invalid' };
  }
  await repo.deleteThrottle(db, key);
  if (deps.hasher.needsRehash(row.password_hash)) {
    await repo.updateUser(db, row.id, { password_hash: await deps.hasher.hash(password) });
  }
  if (row.email_verified_at === null) return { ok: false, reason: 'unverified' };
  return { ok: true, user: toUser(row) };
}

export async function verifyPassword(deps: AppDeps, db: Queryable, userId: string, password: string): Promise<boolean> {
  const row = await repo.findUserById(db, userId);
  return row ? deps.hasher.verify(row.password_hash, password) : false;
}

/** Second step of login: an authenticator code (each usable once) or a single-use recovery code. */
export async function verifySecondFactor(
  deps: AppDeps,
  userId: string,
  code: string,
  ip: string | null,
): Promise<{ ok: true; usedRecoveryCode: boolean } | { ok: false; reason: 'invalid' | 'throttled'; waitSeconds?: number }> {
  const db = deps.db.kysely;
  const key = `totp:${userId}`;
  const wait = await throttleWait(db, deps, key);
  if (wait > 0) return { ok: false, reason: 'throttled', waitSeconds: Math.ceil(wait / 1000) };
  const row = await repo.findUserById(db, userId);
  if (!row?.totp_secret || !row.totp_enabled_at || row.disabled_at) return { ok: false, reason: 'invalid' };
  const clean = code.replace(/\s/g, '');
  const step = matchTotp(row.totp_secret, clean, deps.clock());
  if (step !== null && (await repo.advanceTotpStep(db, userId, step))) {
    await repo.deleteThrottle(db, key);
    return { ok: true, usedRecoveryCode: false };
  }
  if (/^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(clean)) {
    const normalised = clean.toLowerCase().replace('-', '');
    if (await repo.claimRecoveryCode(db, userId, hashToken(normalised), deps.clock().toISOString())) {
      await repo.deleteThrottle(db, key);
      await recordAudit(db, { actorId: userId, event: 'account.recovery_code_used', target: userId, ip }, deps.clock());
      return { ok: true, usedRecoveryCode: true };
    }
  }
  await registerFailure(db, deps, key);
  await recordAudit(db, { actorId: userId, event: 'login.second_factor_failure', target: userId, ip }, deps.clock());
  return { ok: false, reason: 'invalid' };
}

export async function requestPasswordReset(tx: Tx, deps: AppDeps, email: string, ip: string | null): Promise<void> {
  const row = await repo.findUserByEmail(tx.db, normaliseEmail(email));
  if (!row || row.disabled_at !== null) return;
  const token = await issueToken(tx, deps, row.id, 'reset', RESET_TOKEN_TTL_MS);
  await recordAudit(tx.db, { actorId: null, event: 'account.password_reset_requested', target: row.id, ip }, deps.clock());
  const t = translator('nl');
  tx.afterCommit(() =>
    deps.mailer.send({
      to: row.email,
      subject: t('accounts.mail.reset.subject'),
      text: t('accounts.mail.reset.body', { name: row.name, link: link(deps, '/account/wachtwoord-herstellen', token) }),
    }),
  );
}

/** Sets a new password from a reset link. It never logs in: two-factor authentication still applies at login. */
export async function resetPassword(tx: Tx, deps: AppDeps, token: string, password: string, ip: string | null): Promise<TokenCheck> {
  const result = await useToken(tx, deps, token, 'reset');
  if (!result.ok) return result;
  const now = deps.clock().toISOString();
  // Following the link proves the person controls the address, so it counts as verified.
  const row = await repo.findUserById(tx.db, result.userId);
  await repo.updateUser(tx.db, result.userId, {
    password_hash: await deps.hasher.hash(password),
    email_verified_at: row?.email_verified_at ?? now,
    updated_at: now,
  });
  await endAllSessionsOfUser(tx.db, result.userId);
  await repo.deleteThrottle(tx.db, throttleKey(row?.email ?? ''));
  await recordAudit(tx.db, { actorId: result.userId, event: 'account.password_reset', target: result.userId, ip }, deps.clock());
  return result;
}

export async function changePassword(
  tx: Tx,
  deps: AppDeps,
  userId: string,
  currentPassword: string,
  password: string,
  ip: string | null,
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  if (!(await verifyPassword(deps, tx.db, userId, currentPassword))) {
    return { ok: false, problems: [{ field: 'currentPassword', message: 'accounts.error.currentPasswordWrong' }] };
  }
  await repo.updateUser(tx.db, userId, { password_hash: await deps.hasher.hash(password), updated_at: deps.clock().toISOString() });
  // Every session ends; the route starts a fresh one for the person who made the change.
  await endAllSessionsOfUser(tx.db, userId);
  await recordAudit(tx.db, { actorId: userId, event: 'account.password_changed', target: userId, ip }, deps.clock());
  return { ok: true };
}

export async function requestEmailChange(
  tx: Tx,
  deps: AppDeps,
  userId: string,
  currentPassword: string,
  newEmail: string,
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  if (!(await verifyPassword(deps, tx.db, userId, currentPassword))) {
    return { ok: false, problems: [{ field: 'currentPassword', message: 'accounts.error.currentPasswordWrong' }] };
  }
  const user = await getUser(tx.db, userId);
  if (!user) return { ok: false, problems: [{ field: 'email', message: 'error.invalid' }] };
  if (user.email === newEmail) return { ok: false, problems: [{ field: 'email', message: 'accounts.error.emailSame' }] };
  if (await repo.findUserByEmail(tx.db, newEmail)) return { ok: false, problems: [{ field: 'email', message: 'accounts.error.emailTaken' }] };
  const token = await issueToken(tx, deps, userId, 'email', EMAIL_CHANGE_TOKEN_TTL_MS, newEmail);
  const t = translator('nl');
  tx.afterCommit(() =>
    deps.mailer.send({
      to: newEmail,
      subject: t('accounts.mail.emailChange.subject'),
      text: t('accounts.mail.emailChange.body', { name: user.name, link: link(deps, '/account/e-mailadres/bevestigen', token) }),
    }),
  );
  tx.afterCommit(() =>
    deps.mailer.send({
      to: user.email,
      subject: t('accounts.mail.emailChangeNotice.subject'),
      text: t('accounts.mail.emailChangeNotice.body', { name: user.name }),
    }),
  );
  return { ok: true };
}

export async function confirmEmailChange(
  tx: Tx,
  deps: AppDeps,
  token: string,
  ip: string | null,
): Promise<TokenCheck | { ok: false; reason: 'taken' }> {
  const result = await useToken(tx, deps, token, 'email');
  if (!result.ok || !result.newEmail) return result.ok ? { ok: false, reason: 'invalid' } : result;
  if (await repo.findUserByEmail(tx.db, result.newEmail)) return { ok: false, reason: 'taken' };
  const now = deps.clock().toISOString();
  await repo.updateUser(tx.db, result.userId, { email: result.newEmail, email_verified_at: now, updated_at: now });
  await recordAudit(tx.db, { actorId: result.userId, event: 'account.email_changed', target: result.userId, ip }, deps.clock());
  return result;
}

export async function updateProfile(tx: Tx, deps: AppDeps, userId: string, input: ProfileInput): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  const problems = await checkProfileReferences(tx.db, input);
  if (problems.length > 0) return { ok: false, problems };
  await repo.updateUser(tx.db, userId, {
    name: input.name,
    profile_type: input.profileType,
    profession_slug: input.profileType === 'professional' ? input.professionSlug : null,
    home_region_slug: input.homeRegionSlug,
    updated_at: deps.clock().toISOString(),
  });
  return { ok: true };
}

export async function deleteAccount(
  tx: Tx,
  deps: AppDeps,
  userId: string,
  currentPassword: string,
  ip: string | null,
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  if (!(await verifyPassword(deps, tx.db, userId, currentPassword))) {
    return { ok: false, problems: [{ field: 'currentPassword', message: 'accounts.error.currentPasswordWrong' }] };
  }
  const user = await getUser(tx.db, userId);
  if (user?.isAdmin && (await repo.countAdmins(tx.db)) <= 1) {
    return { ok: false, problems: [{ field: 'confirm', message: 'accounts.error.lastAdmin' }] };
  }
  if ((await teamsLedOnlyBy(tx.db, userId)).length > 0) {
    return { ok: false, problems: [{ field: 'confirm', message: 'accounts.error.soleFacilitator' }] };
  }
  await removeTeamsWithOnlyMember(tx, userId);
  // Memberships, sessions, tokens and codes go with the account (foreign keys cascade); the audit log keeps only the id.
  await repo.deleteUser(tx.db, userId);
  await recordAudit(tx.db, { actorId: userId, event: 'account.deleted', target: userId, ip }, deps.clock());
  return { ok: true };
}

/** Starts (or restarts) enrolment: a new secret that becomes active only after a correct code. */
export async function beginTwoFactorEnrolment(db: Queryable, deps: AppDeps, userId: string): Promise<string> {
  const secret = generateTotpSecret();
  await repo.updateUser(db, userId, { totp_secret: secret, totp_enabled_at: null, totp_last_step: null, updated_at: deps.clock().toISOString() });
  return secret;
}

function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < 10; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

async function replaceRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
  await repo.deleteRecoveryCodes(db, userId);
  const codes: string[] = [];
  while (codes.length < RECOVERY_CODE_COUNT) {
    const code = newRecoveryCode();
    if (!codes.includes(code)) codes.push(code);
  }
  await repo.insertRecoveryCodes(
    db,
    codes.map((code) => ({ id: newId(), user_id: userId, code_hash: hashToken(code) })),
  );
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

export async function confirmTwoFactorEnrolment(
  tx: Tx,
  deps: AppDeps,
  userId: string,
  code: string,
  ip: string | null,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
  const row = await repo.findUserById(tx.db, userId);
  if (!row?.totp_secret || row.totp_enabled_at) return { ok: false };
  const step = matchTotp(row.totp_secret, code, deps.clock());
  if (step === null) return { ok: false };
  await repo.updateUser(tx.db, userId, { totp_enabled_at: deps.clock().toISOString(), totp_last_step: step });
  const recoveryCodes = await replaceRecoveryCodes(tx.db, userId);
  await recordAudit(tx.db, { actorId: userId, event: 'account.two_factor_enabled', target: userId, ip }, deps.clock());
  return { ok: true, recoveryCodes };
}

export async function regenerateRecoveryCodes(tx: Tx, deps: AppDeps, userId: string, code: string): Promise<string[] | null> {
  const row = await repo.findUserById(tx.db, userId);
  if (!row?.totp_secret || !row.totp_enabled_at) return null;
  const step = matchTotp(row.totp_secret, code, deps.clock());
  if (step === null || !(await repo.advanceTotpStep(tx.db, userId, step))) return null;
  return replaceRecoveryCodes(tx.db, userId);
}

export async function disableTwoFactor(
  tx: Tx,
  deps: AppDeps,
  userId: string,
  currentPassword: string,
  code: string,
  ip: string | null,
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  if (!(await verifyPassword(deps, tx.db, userId, currentPassword))) {
    return { ok: false, problems: [{ field: 'currentPassword', message: 'accounts.error.currentPasswordWrong' }] };
  }
  const row = await repo.findUserById(tx.db, userId);
  const step = row?.totp_secret ? matchTotp(row.totp_secret, code, deps.clock()) : null;
  if (step === null) return { ok: false, problems: [{ field: 'code', message: 'accounts.error.codeWrong' }] };
  await repo.updateUser(tx.db, userId, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
  await repo.deleteRecoveryCodes(tx.db, userId);
  await recordAudit(tx.db, { actorId: userId, event: 'account.two_factor_disabled', target: userId, ip }, deps.clock());
  return { ok: true };
}

export function countUnusedRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  return repo.countUnusedRecoveryCodes(db, userId);
}

/** Administrator actions on other accounts. */
export async function setDisabled(tx: Tx, deps: AppDeps, actorId: string, userId: string, disabled: boolean, ip: string | null): Promise<boolean> {
  const user = await getUser(tx.db, userId);
  if (!user || userId === actorId) return false;
  await repo.updateUser(tx.db, userId, { disabled_at: disabled ? deps.clock().toISOString() : null, updated_at: deps.clock().toISOString() });
  if (disabled) await endAllSessionsOfUser(tx.db, userId);
  await recordAudit(tx.db, { actorId, event: disabled ? 'admin.user_disabled' : 'admin.user_enabled', target: userId, ip }, deps.clock());
  return true;
}

export async function setAdministrator(tx: Tx, deps: AppDeps, actorId: string, userId: string, isAdmin: boolean, ip: string | null): Promise<boolean> {
  const user = await getUser(tx.db, userId);
  if (!user || userId === actorId) return false;
  await repo.updateUser(tx.db, userId, { is_admin: isAdmin ? 1 : 0, updated_at: deps.clock().toISOString() });
  await recordAudit(tx.db, { actorId, event: 'admin.role_changed', target: userId, detail: { administrator: isAdmin }, ip }, deps.clock());
  return true;
}

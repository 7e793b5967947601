import type { AppDeps } from '../../platform/app-deps.js';
import { listAudit, listAuditEventNames, recordAudit, type AuditRecord } from '../../platform/audit/audit.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { MessageKey } from '../../platform/i18n/message-keys.js';
import { findUserByEmail, getUser, getUsers, type User } from '../../platform/auth/users.js';
import { searchUsers, setAdministrator, setDisabled } from '../accounts/accounts.service.js';
import {
  appointCoordinator,
  coordinatorRegionsOf,
  findRegion,
  listCoordinators,
  listRegions,
  removeCoordinator,
  type Coordinator,
  type Region,
} from '../regions/regions.service.js';

export const USER_SEARCH_LIMIT = 50;
export const AUDIT_PAGE_SIZE = 50;

// People

export interface UserSearchResult {
  readonly users: readonly User[];
  /** True when there may be more matches than shown. */
  readonly limited: boolean;
}

export async function findPeople(db: Queryable, query: string): Promise<UserSearchResult> {
  const users = await searchUsers(db, query, USER_SEARCH_LIMIT + 1);
  return { users: users.slice(0, USER_SEARCH_LIMIT), limited: users.length > USER_SEARCH_LIMIT };
}

export interface PersonOverview {
  readonly user: User;
  /** The regions this person coordinates, in the usual region order. */
  readonly regions: readonly Region[];
}

export async function personOverview(db: Queryable, userId: string): Promise<PersonOverview | undefined> {
  const user = await getUser(db, userId);
  if (!user) return undefined;
  const slugs = new Set(await coordinatorRegionsOf(db, userId));
  const regions = slugs.size === 0 ? [] : (await listRegions(db)).filter((r) => slugs.has(r.slug));
  return { user, regions };
}

export type AccessChange = { readonly kind: 'disabled'; readonly value: boolean } | { readonly kind: 'administrator'; readonly value: boolean };

/**
 * Switches an account off or on, or gives or takes the administrator role. Nobody can do this to their own
 * account: an administrator cannot lock themselves out, and there is always someone else to ask.
 */
export async function changeAccess(
  tx: Tx,
  deps: AppDeps,
  actorId: string,
  userId: string,
  change: AccessChange,
  ip: string | null,
): Promise<'done' | 'self' | 'unknown'> {
  const user = await getUser(tx.db, userId);
  if (!user) return 'unknown';
  if (user.id === actorId) return 'self';
  const current = change.kind === 'disabled' ? user.disabled : user.isAdmin;
  // Pressing the same button twice (e.g. in two tabs) changes nothing and logs nothing.
  if (current === change.value) return 'done';
  const changed =
    change.kind === 'disabled'
      ? await setDisabled(tx, deps, actorId, userId, change.value, ip)
      : await setAdministrator(tx, deps, actorId, userId, change.value, ip);
  return changed ? 'done' : 'self';
}

// Regional coordinators

export interface RegionsOverview {
  readonly regions: readonly Region[];
  readonly coordinators: readonly Coordinator[];
}

export async function regionsOverview(db: Queryable): Promise<RegionsOverview> {
  const [regions, coordinators] = await Promise.all([listRegions(db), listCoordinators(db)]);
  return { regions, coordinators };
}

export async function regionWithCoordinators(db: Queryable, slug: string): Promise<{ region: Region; coordinators: Coordinator[] } | undefined> {
  const region = await findRegion(db, slug);
  if (!region) return undefined;
  const coordinators = (await listCoordinators(db)).filter((c) => c.regionSlug === region.slug);
  return { region, coordinators };
}

export type AppointResult = { readonly ok: true; readonly userId: string } | { readonly ok: false; readonly field: 'email'; readonly message: MessageKey };

/** Appoints the holder of an existing account; the platform then asks them for two-factor authentication. */
export async function appointCoordinatorByEmail(
  tx: Tx,
  deps: AppDeps,
  actorId: string,
  regionSlug: string,
  email: string,
  ip: string | null,
): Promise<AppointResult> {
  const user = await findUserByEmail(tx.db, email);
  if (!user) return { ok: false, field: 'email', message: 'admin.error.emailUnknown' };
  if (user.disabled) return { ok: false, field: 'email', message: 'admin.error.accountDisabled' };
  if (!(await appointCoordinator(tx.db, regionSlug, user.id, actorId, deps.clock()))) {
    return { ok: false, field: 'email', message: 'admin.error.alreadyCoordinator' };
  }
  await recordAudit(tx.db, { actorId, event: 'admin.coordinator_appointed', target: user.id, detail: { region: regionSlug }, ip }, deps.clock());
  return { ok: true, userId: user.id };
}

export async function removeCoordinatorFromRegion(
  tx: Tx,
  deps: AppDeps,
  actorId: string,
  regionSlug: string,
  userId: string,
  ip: string | null,
): Promise<boolean> {
  if (!(await removeCoordinator(tx.db, regionSlug, userId))) return false;
  await recordAudit(tx.db, { actorId, event: 'admin.coordinator_removed', target: userId, detail: { region: regionSlug }, ip }, deps.clock());
  return true;
}

// Audit log

export interface AuditLine extends AuditRecord {
  /** The actor's current name, or null when there is no actor or the account no longer exists. */
  readonly actorName: string | null;
  /** The name of the account the event is about, when the target is an existing account. */
  readonly targetName: string | null;
}

export interface AuditPage {
  readonly lines: readonly AuditLine[];
  /** The value for ?voor= that shows the next, older page; null on the last page. */
  readonly olderThan: string | null;
  /** Every event name that occurs in the log, for the filter. */
  readonly events: readonly string[];
}

/**
 * One page of the audit log, newest first. Pages are cut between two different moments, never inside one,
 * so that paging with "older than this moment" never skips an entry.
 */
export async function auditPage(db: Queryable, query: { readonly event?: string; readonly before?: string }): Promise<AuditPage> {
  const [rows, events] = await Promise.all([
    listAudit(db, { event: query.event || undefined, before: query.before || undefined, limit: AUDIT_PAGE_SIZE + 1 }),
    listAuditEventNames(db),
  ]);
  let page = rows.slice(0, AUDIT_PAGE_SIZE);
  let olderThan: string | null = null;
  const next = rows[AUDIT_PAGE_SIZE];
  if (next) {
    const cut = page.filter((r) => r.occurredAt !== next.occurredAt);
    // Only if more than a whole page happened in the same millisecond can a page not be cut cleanly.
    if (cut.length > 0) page = cut;
    olderThan = page[page.length - 1]!.occurredAt;
  }
  const ids = [...new Set(page.flatMap((r) => [r.actorId, r.target]).filter((id): id is string => id !== null))];
  const names = new Map((await getUsers(db, ids)).map((u) => [u.id, u.name]));
  const lines = page.map((r) => ({
    ...r,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    targetName: r.target ? (names.get(r.target) ?? null) : null,
  }));
  return { lines, olderThan, events };
}

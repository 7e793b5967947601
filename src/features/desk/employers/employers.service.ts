import { auditTarget } from '../shared/publication.js';
import type { Selectable } from 'kysely';
import type { AppDeps } from '../../../platform/app-deps.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { isEmployerMember } from '../shared/access.repo.js';
import { touchDesk } from '../shared/changes.js';
import { deskPath } from '../shared/region.js';
import { foldText, type EmployerInput } from './employers.schemas.js';
import type { DeskEmployersTable } from './employers.tables.js';
import * as repo from './employers.repo.js';

export type EmployerStatus = DeskEmployersTable['status'];

export interface Employer {
  readonly id: string;
  readonly regionSlug: string;
  readonly name: string;
  readonly description: string;
  readonly offersAdjustments: string;
  readonly offersGuidance: string;
  readonly offersTrialPlacements: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly contactPhone: string | null;
  readonly website: string | null;
  readonly city: string;
  readonly status: EmployerStatus;
  readonly pledgedAt: string;
  readonly verifiedBy: string | null;
  readonly verifiedAt: string | null;
  readonly rejectionReason: string | null;
  readonly withdrawnAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface EmployerMember {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
}

function toEmployer(row: Selectable<DeskEmployersTable>): Employer {
  return {
    id: row.id,
    regionSlug: row.region_slug,
    name: row.name,
    description: row.description,
    offersAdjustments: row.offers_adjustments,
    offersGuidance: row.offers_guidance,
    offersTrialPlacements: row.offers_trial_placements,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    website: row.website,
    city: row.city,
    status: row.status,
    pledgedAt: row.pledged_at,
    verifiedBy: row.verified_by,
    verifiedAt: row.verified_at,
    rejectionReason: row.rejection_reason,
    withdrawnAt: row.withdrawn_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

// Addresses

export function employerPath(regionSlug: string, employerId: string, rest = ''): string {
  return deskPath(regionSlug, `/werkgevers/${encodeURIComponent(employerId)}${rest}`);
}

export function employerReviewPath(regionSlug: string, employerId: string, rest = ''): string {
  return deskPath(regionSlug, `/beheer/werkgevers/${encodeURIComponent(employerId)}${rest}`);
}

// Reading

export async function getEmployer(db: Queryable, regionSlug: string, employerId: string): Promise<Employer | undefined> {
  const row = await repo.selectEmployer(db, regionSlug, employerId);
  return row ? toEmployer(row) : undefined;
}

/** The region's register: verified employers, optionally those whose name, place, description or offer contains the text. */
export async function listVerifiedEmployers(db: Queryable, regionSlug: string, text = ''): Promise<Employer[]> {
  const employers = (await repo.selectEmployersByStatus(db, regionSlug, 'verified')).map(toEmployer);
  const needle = foldText(text.trim());
  if (needle === '') return employers;
  return employers.filter((e) =>
    foldText([e.name, e.city, e.description, e.offersAdjustments, e.offersGuidance, e.offersTrialPlacements].join('\n')).includes(needle),
  );
}

/** Pledges waiting for the coordinator of the region, oldest first (for the moderation queue). */
export async function listPendingEmployers(db: Queryable, regionSlug: string): Promise<Employer[]> {
  return (await repo.selectPendingEmployers(db, regionSlug)).map(toEmployer);
}

export async function listEmployersOfMember(db: Queryable, regionSlug: string, userId: string): Promise<{ id: string; name: string; status: EmployerStatus }[]> {
  return repo.selectEmployersOfMember(db, regionSlug, userId);
}

export async function listEmployerMembers(db: Queryable, employerId: string): Promise<EmployerMember[]> {
  return (await repo.selectEmployerMembers(db, employerId)).map((m) => ({ userId: m.id, name: m.name, email: m.email }));
}

export function isMemberOf(db: Queryable, employerId: string, userId: string): Promise<boolean> {
  return isEmployerMember(db, employerId, userId);
}

// Writing

function employerColumns(input: EmployerInput) {
  return {
    name: input.name,
    description: input.description,
    offers_adjustments: input.offersAdjustments,
    offers_guidance: input.offersGuidance,
    offers_trial_placements: input.offersTrialPlacements,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    website: input.website,
    city: input.city,
  };
}

/** A signed-in person registers their organisation and signs the pledge; they become its first member. */
export async function registerEmployer(tx: Tx, deps: AppDeps, regionSlug: string, userId: string, input: EmployerInput): Promise<string> {
  const now = deps.clock();
  const at = now.toISOString();
  const id = newId();
  await repo.insertEmployer(tx.db, {
    id,
    region_slug: regionSlug,
    ...employerColumns(input),
    status: 'pending',
    pledged_at: at,
    verified_by: null,
    verified_at: null,
    rejection_reason: null,
    withdrawn_at: null,
    created_by: userId,
    created_at: at,
    updated_by: userId,
    updated_at: at,
    version: 1,
  });
  await repo.insertEmployerMember(tx.db, id, userId, at);
  await touchDesk(tx.db, regionSlug, now, [{ kind: 'employer', id }]);
  return id;
}

export type UpdateResult = { ok: true } | { ok: false; reason: 'conflict' };

export async function updateEmployer(
  tx: Tx,
  deps: AppDeps,
  args: { regionSlug: string; employerId: string; version: number; actorId: string; input: EmployerInput },
): Promise<UpdateResult> {
  const now = deps.clock();
  const written = await repo.updateEmployerIfVersion(tx.db, args.regionSlug, args.employerId, args.version, {
    ...employerColumns(args.input),
    updated_by: args.actorId,
    updated_at: now.toISOString(),
  });
  if (!written) return { ok: false, reason: 'conflict' };
  await touchDesk(tx.db, args.regionSlug, now, [{ kind: 'employer', id: args.employerId }]);
  return { ok: true };
}

export type StatusResult = { ok: true } | { ok: false; reason: 'notFound' | 'wrongStatus' };

interface StatusArgs {
  readonly regionSlug: string;
  readonly employerId: string;
  readonly actorId: string;
  readonly ip?: string | null;
}

async function statusChange(
  tx: Tx,
  deps: AppDeps,
  args: StatusArgs,
  from: readonly EmployerStatus[],
  changes: Parameters<typeof repo.updateEmployerStatus>[4],
): Promise<{ result: StatusResult; employer?: Employer }> {
  const employer = await getEmployer(tx.db, args.regionSlug, args.employerId);
  if (!employer) return { result: { ok: false, reason: 'notFound' } };
  const now = deps.clock();
  const written = await repo.updateEmployerStatus(tx.db, args.regionSlug, args.employerId, from, {
    ...changes,
    updated_by: args.actorId,
    updated_at: now.toISOString(),
  });
  if (!written) return { result: { ok: false, reason: 'wrongStatus' }, employer };
  await touchDesk(tx.db, args.regionSlug, now, [{ kind: 'employer', id: args.employerId }]);
  return { result: { ok: true }, employer };
}

/** Tells every member of the employer, after the transaction has committed. */
async function mailMembers(tx: Tx, deps: AppDeps, employer: Employer, subject: string, body: string): Promise<void> {
  const members = await listEmployerMembers(tx.db, employer.id);
  for (const member of members) {
    tx.afterCommit(() => deps.mailer.send({ to: member.email, subject, text: body }));
  }
}

/** The withdrawn pledge: off the register, the badge stops claiming it, the vacancies leave public view. */
export async function withdrawEmployer(tx: Tx, deps: AppDeps, args: StatusArgs): Promise<StatusResult> {
  const now = deps.clock();
  const { result } = await statusChange(tx, deps, args, ['pending', 'verified', 'rejected'], { status: 'withdrawn', withdrawn_at: now.toISOString() });
  if (result.ok) {
    await recordAudit(tx.db, { actorId: args.actorId, event: 'desk.employer_withdrawn', target: auditTarget('employer', args.employerId), detail: { region: args.regionSlug }, ip: args.ip ?? null }, now);
  }
  return result;
}

/** Signing the pledge again after a withdrawal or rejection: back to the coordinator. */
export async function repledgeEmployer(tx: Tx, deps: AppDeps, args: StatusArgs): Promise<StatusResult> {
  const now = deps.clock();
  const { result } = await statusChange(tx, deps, args, ['withdrawn', 'rejected'], {
    status: 'pending',
    pledged_at: now.toISOString(),
    verified_by: null,
    verified_at: null,
    rejection_reason: null,
    withdrawn_at: null,
  });
  return result;
}

/** The coordinator confirms the pledge: the employer joins the register and its badge is valid. */
export async function verifyEmployer(tx: Tx, deps: AppDeps, args: StatusArgs): Promise<StatusResult> {
  const now = deps.clock();
  const { result, employer } = await statusChange(tx, deps, args, ['pending', 'rejected'], {
    status: 'verified',
    verified_by: args.actorId,
    verified_at: now.toISOString(),
    rejection_reason: null,
  });
  if (!result.ok || !employer) return result;
  await recordAudit(tx.db, { actorId: args.actorId, event: 'desk.employer_verified', target: auditTarget('employer', args.employerId), detail: { region: args.regionSlug }, ip: args.ip ?? null }, now);
  const t = translator('nl');
  const link = `${deps.config.baseUrl}${employerPath(args.regionSlug, args.employerId)}`;
  await mailMembers(tx, deps, employer, t('desk.employers.mail.verifiedSubject', { name: employer.name }), t('desk.employers.mail.verifiedBody', { name: employer.name, link }));
  return result;
}

/** The coordinator does not (or no longer) confirm the pledge, with a reason the members read. */
export async function rejectEmployer(tx: Tx, deps: AppDeps, args: StatusArgs & { reason: string }): Promise<StatusResult> {
  const now = deps.clock();
  const { result, employer } = await statusChange(tx, deps, args, ['pending', 'verified'], {
    status: 'rejected',
    rejection_reason: args.reason,
    verified_by: null,
    verified_at: null,
  });
  if (!result.ok || !employer) return result;
  await recordAudit(tx.db, { actorId: args.actorId, event: 'desk.employer_rejected', target: auditTarget('employer', args.employerId), detail: { region: args.regionSlug }, ip: args.ip ?? null }, now);
  const t = translator('nl');
  const link = `${deps.config.baseUrl}${employerPath(args.regionSlug, args.employerId)}`;
  await mailMembers(
    tx,
    deps,
    employer,
    t('desk.employers.mail.rejectedSubject', { name: employer.name }),
    t('desk.employers.mail.rejectedBody', { name: employer.name, reason: args.reason, link }),
  );
  return result;
}

// For the region overview, the moderation queue and reports

/** The number of verified employers per region. */
export const verifiedEmployerCounts = repo.countVerifiedEmployers;
/** The employers of a region whose pledge waits for the coordinator, oldest first. */
export const pendingEmployers = repo.pendingEmployers;
export const pendingEmployerCount = repo.countPendingEmployers;
export const reportableEmployer = repo.reportableEmployer;

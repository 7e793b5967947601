import type { Selectable } from 'kysely';
import type { AppDeps } from '../../platform/app-deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashToken, newId, randomToken } from '../../platform/auth/tokens.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { FieldProblem } from '../../platform/http/forms.js';
import { getUser, getUsers, type ProfileType } from '../../platform/auth/users.js';
import { professionBySlug } from '../professions/professions.service.js';
import { findRegion, listRegions } from '../regions/regions.service.js';
import { looksLikeInvitationToken, TEAM_ROLES, type CreateTeamInput, type InviteByEmailInput, type TeamRole } from './teams.schemas.js';
import type { TeamInvitationsTable, TeamsTable } from './teams.tables.js';
import * as repo from './teams.repo.js';

export const EMAIL_INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const LINK_INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type { TeamRole };

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly regionSlug: string | null;
  /** The region's display name, or null when the team chose no region. */
  readonly regionName: string | null;
  readonly purpose: string;
  readonly createdAt: string;
}

export interface TeamOfUser extends Team {
  readonly role: TeamRole;
  readonly memberCount: number;
}

export interface TeamMember {
  readonly userId: string;
  readonly name: string;
  readonly profileType: ProfileType;
  readonly professionSlug: string | null;
  readonly professionName: string | null;
  readonly role: TeamRole;
  readonly joinedAt: string;
}

export type InvitationKind = 'email' | 'link';

export interface Invitation {
  readonly id: string;
  readonly teamId: string;
  readonly kind: InvitationKind;
  /** The invited address for an e-mail invitation; null for a shareable link. */
  readonly email: string | null;
  readonly role: TeamRole;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export type InvitationStatus = 'open' | 'expired' | 'revoked' | 'used';

// Pure rules (unit-tested in teams.test.ts)

export function isTeamRole(value: string): value is TeamRole {
  return (TEAM_ROLES as readonly string[]).includes(value);
}

/** Rows written before a role existed, or by hand, count as plain members: never more rights than intended. */
export function toRole(value: string): TeamRole {
  return value === 'facilitator' ? 'facilitator' : 'member';
}

/**
 * A team always keeps at least one facilitator. True when changing a member from `currentRole`
 * to `newRole` (null: the member leaves or is removed) would leave the team without one.
 */
export function wouldLeaveNoFacilitator(facilitatorCount: number, currentRole: TeamRole, newRole: TeamRole | null): boolean {
  return currentRole === 'facilitator' && newRole !== 'facilitator' && facilitatorCount <= 1;
}

/**
 * Whether an invitation can still be used at `now` (ISO). An e-mail invitation works once;
 * a shareable link (no e-mail address) works for several people until it expires or is revoked.
 */
export function invitationStatus(
  invitation: { readonly email: string | null; readonly expiresAt: string; readonly acceptedAt: string | null; readonly revokedAt: string | null },
  now: string,
): InvitationStatus {
  if (invitation.revokedAt !== null) return 'revoked';
  if (invitation.email !== null && invitation.acceptedAt !== null) return 'used';
  if (invitation.expiresAt <= now) return 'expired';
  return 'open';
}

export function invitationPath(token: string): string {
  return `/teams/uitnodiging/${token}`;
}

function invitationUrl(deps: AppDeps, token: string): string {
  return `${deps.config.baseUrl}${invitationPath(token)}`;
}

// Reading

function toTeam(row: Selectable<TeamsTable>, regionName: string | null): Team {
  return { id: row.id, name: row.name, regionSlug: row.region_slug, regionName, purpose: row.purpose, createdAt: row.created_at };
}

function toInvitation(row: Selectable<TeamInvitationsTable>): Invitation {
  return {
    id: row.id,
    teamId: row.team_id,
    kind: row.email === null ? 'link' : 'email',
    email: row.email,
    role: toRole(row.role),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export async function getTeam(db: Queryable, teamId: string): Promise<Team | undefined> {
  const row = await repo.selectTeam(db, teamId);
  if (!row) return undefined;
  const region = row.region_slug ? await findRegion(db, row.region_slug) : undefined;
  return toTeam(row, region?.name ?? null);
}

export async function listTeamsOfUser(db: Queryable, userId: string): Promise<TeamOfUser[]> {
  const rows = await repo.selectTeamsOfUser(db, userId);
  if (rows.length === 0) return [];
  const regionNames = new Map((await listRegions(db)).map((r) => [r.slug, r.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionSlug: r.region_slug,
    regionName: r.region_slug ? (regionNames.get(r.region_slug) ?? null) : null,
    purpose: r.purpose,
    createdAt: r.created_at,
    role: toRole(r.role),
    memberCount: Number(r.member_count ?? 0),
  }));
}

/** The members with what they chose to tell about themselves, facilitators first, then by name. */
export async function listMembers(db: Queryable, teamId: string): Promise<TeamMember[]> {
  const rows = await repo.selectMembers(db, teamId);
  const users = new Map((await getUsers(db, rows.map((r) => r.user_id))).map((u) => [u.id, u]));
  const members: TeamMember[] = [];
  for (const row of rows) {
    const user = users.get(row.user_id);
    if (!user) continue;
    members.push({
      userId: user.id,
      name: user.name,
      profileType: user.profileType,
      professionSlug: user.professionSlug,
      professionName: professionBySlug(user.professionSlug)?.name ?? null,
      role: toRole(row.role),
      joinedAt: row.joined_at,
    });
  }
  const order = (role: TeamRole) => (role === 'facilitator' ? 0 : 1);
  return members.sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name, 'nl'));
}

export async function memberRole(db: Queryable, teamId: string, userId: string): Promise<TeamRole | undefined> {
  const row = await repo.selectMember(db, teamId, userId);
  return row ? toRole(row.role) : undefined;
}

export async function isMember(db: Queryable, teamId: string, userId: string): Promise<boolean> {
  return (await memberRole(db, teamId, userId)) !== undefined;
}

export async function isFacilitator(db: Queryable, teamId: string, userId: string): Promise<boolean> {
  return (await memberRole(db, teamId, userId)) === 'facilitator';
}

export async function listOpenInvitations(db: Queryable, deps: AppDeps, teamId: string): Promise<Invitation[]> {
  return (await repo.selectOpenInvitations(db, teamId, deps.clock().toISOString())).map(toInvitation);
}

// Creating a team

export type CreateTeamResult = { ok: true; teamId: string } | { ok: false; problems: FieldProblem[] };

/** Creates a team; the person who creates it becomes its first facilitator. */
export async function createTeam(tx: Tx, deps: AppDeps, creatorId: string, input: CreateTeamInput, ip: string | null): Promise<CreateTeamResult> {
  if (input.regionSlug && !(await findRegion(tx.db, input.regionSlug))) {
    return { ok: false, problems: [{ field: 'regionSlug', message: 'teams.error.regionUnknown' }] };
  }
  const now = deps.clock().toISOString();
  const id = newId();
  await repo.insertTeam(tx.db, {
    id,
    name: input.name,
    region_slug: input.regionSlug,
    purpose: input.purpose,
    created_by: creatorId,
    created_at: now,
    updated_at: now,
  });
  await repo.insertMember(tx.db, { team_id: id, user_id: creatorId, role: 'facilitator', joined_at: now });
  await recordAudit(tx.db, { actorId: creatorId, event: 'team.created', target: id, ip }, deps.clock());
  return { ok: true, teamId: id };
}

// Invitations

async function issueInvitation(tx: Tx, deps: AppDeps, teamId: string, actorId: string, email: string | null, role: TeamRole, ttlMs: number, ip: string | null) {
  const now = deps.clock();
  const token = randomToken(24);
  const id = newId();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await repo.insertInvitation(tx.db, {
    id,
    team_id: teamId,
    // Only the hash is kept: a leaked database does not leak working invitation links.
    token_hash: hashToken(token),
    email,
    role,
    created_by: actorId,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  });
  await recordAudit(tx.db, { actorId, event: 'team.invitation_created', target: teamId, detail: { invitationId: id, kind: email ? 'email' : 'link', role }, ip }, now);
  return { id, token, expiresAt };
}

export type InviteByEmailResult = { ok: true } | { ok: false; notFound: true };

/** Sends an invitation link (valid 14 days, usable once) to an e-mail address. */
export async function inviteByEmail(tx: Tx, deps: AppDeps, teamId: string, actorId: string, input: InviteByEmailInput, ip: string | null): Promise<InviteByEmailResult> {
  const team = await getTeam(tx.db, teamId);
  if (!team) return { ok: false, notFound: true };
  // Deliberately no check whether the address belongs to someone in the team: that would let a
  // facilitator find out members' e-mail addresses by guessing. A member who accepts is simply led to the team.
  await repo.revokeOpenEmailInvitations(tx.db, teamId, input.email, deps.clock().toISOString());
  const invitation = await issueInvitation(tx, deps, teamId, actorId, input.email, input.role, EMAIL_INVITATION_TTL_MS, ip);
  const inviter = await getUser(tx.db, actorId);
  const t = translator('nl');
  const role = t(input.role === 'facilitator' ? 'teams.mail.invite.roleFacilitator' : 'teams.mail.invite.roleMember');
  tx.afterCommit(() =>
    deps.mailer.send({
      to: input.email,
      subject: t('teams.mail.invite.subject', { team: team.name }),
      text: t('teams.mail.invite.body', {
        inviter: inviter?.name ?? t('teams.mail.invite.someone'),
        role,
        team: team.name,
        link: invitationUrl(deps, invitation.token),
      }),
    }),
  );
  return { ok: true };
}

export interface CreatedInviteLink {
  readonly url: string;
  readonly role: TeamRole;
  readonly expiresAt: string;
}

/** A shareable link (valid 7 days) that several people can use until it expires or is revoked. The link is shown only once. */
export async function createInviteLink(tx: Tx, deps: AppDeps, teamId: string, actorId: string, role: TeamRole, ip: string | null): Promise<CreatedInviteLink | undefined> {
  if (!(await repo.selectTeam(tx.db, teamId))) return undefined;
  const invitation = await issueInvitation(tx, deps, teamId, actorId, null, role, LINK_INVITATION_TTL_MS, ip);
  return { url: invitationUrl(deps, invitation.token), role, expiresAt: invitation.expiresAt };
}

export async function revokeInvitation(
  tx: Tx,
  deps: AppDeps,
  teamId: string,
  invitationId: string,
  actorId: string | null = null,
  ip: string | null = null,
): Promise<boolean> {
  const row = await repo.selectInvitation(tx.db, teamId, invitationId);
  if (!row) return false;
  if (await repo.revokeInvitation(tx.db, teamId, invitationId, deps.clock().toISOString())) {
    await recordAudit(tx.db, { actorId, event: 'team.invitation_revoked', target: teamId, detail: { invitation: invitationId }, ip }, deps.clock());
  }
  return true;
}

/** Teams with other members in which this person is the only facilitator: they would be left without one. */
export async function teamsLedOnlyBy(db: Queryable, userId: string): Promise<Team[]> {
  const teams = await listTeamsOfUser(db, userId);
  const sole: Team[] = [];
  for (const team of teams) {
    if (team.role === 'facilitator' && team.memberCount > 1 && (await repo.countFacilitators(db, team.id)) === 1) sole.push(team);
  }
  return sole;
}

/** Before an account goes: teams of which it is the only member go with it (nobody else could ever reach them). */
export async function removeTeamsWithOnlyMember(tx: Tx, userId: string): Promise<void> {
  for (const team of await listTeamsOfUser(tx.db, userId)) {
    if (team.memberCount === 1) await repo.deleteTeam(tx.db, team.id);
  }
}

export interface InvitationPreview {
  readonly teamId: string;
  readonly teamName: string;
  readonly role: TeamRole;
  readonly expiresAt: string;
}

export type InvitationCheck =
  | { ok: true; invitation: InvitationPreview; alreadyMember: boolean }
  | { ok: false; reason: 'invalid' | 'expired' };

function refusalOf(status: Exclude<InvitationStatus, 'open'>): 'invalid' | 'expired' {
  return status === 'expired' ? 'expired' : 'invalid';
}

async function lookUpInvitation(db: Queryable, deps: AppDeps, token: string) {
  if (!looksLikeInvitationToken(token)) return undefined;
  const row = await repo.selectInvitationByTokenHash(db, hashToken(token));
  if (!row) return undefined;
  const status = invitationStatus({ email: row.email, expiresAt: row.expires_at, acceptedAt: row.accepted_at, revokedAt: row.revoked_at }, deps.clock().toISOString());
  return { row, status };
}

/**
 * Looks at an invitation without using it (to show what it is for). Someone who is already
 * in the team is simply told so, whatever became of the invitation since.
 */
export async function peekInvitation(db: Queryable, deps: AppDeps, token: string, userId: string | null): Promise<InvitationCheck> {
  const found = await lookUpInvitation(db, deps, token);
  const team = found ? await repo.selectTeam(db, found.row.team_id) : undefined;
  if (!found || !team) return { ok: false, reason: 'invalid' };
  const alreadyMember = userId !== null && (await isMember(db, team.id, userId));
  if (!alreadyMember && found.status !== 'open') return { ok: false, reason: refusalOf(found.status) };
  return { ok: true, invitation: { teamId: team.id, teamName: team.name, role: toRole(found.row.role), expiresAt: found.row.expires_at }, alreadyMember };
}

export type AcceptResult = { ok: true; teamId: string; alreadyMember: boolean } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Accepts an invitation for the logged-in person. The link itself is the secret: an e-mail
 * invitation may be accepted by whoever holds the link, also when they log in with another
 * address than the one it was sent to (people often have more than one). It works only once,
 * and a facilitator sees in the member list who joined and can remove them.
 */
export async function acceptInvitation(tx: Tx, deps: AppDeps, token: string, userId: string, ip: string | null): Promise<AcceptResult> {
  const found = await lookUpInvitation(tx.db, deps, token);
  if (!found || !(await repo.lockTeam(tx.db, found.row.team_id))) return { ok: false, reason: 'invalid' };
  const { row, status } = found;
  if (await isMember(tx.db, row.team_id, userId)) return { ok: true, teamId: row.team_id, alreadyMember: true };
  if (status !== 'open') return { ok: false, reason: refusalOf(status) };
  const now = deps.clock().toISOString();
  if (row.email !== null && !(await repo.claimInvitation(tx.db, row.id, userId, now))) return { ok: false, reason: 'invalid' };
  const role = toRole(row.role);
  await repo.insertMember(tx.db, { team_id: row.team_id, user_id: userId, role, joined_at: now });
  await recordAudit(
    tx.db,
    { actorId: userId, event: 'team.invitation_accepted', target: row.team_id, detail: { invitationId: row.id, kind: row.email === null ? 'link' : 'email', role }, ip },
    deps.clock(),
  );
  return { ok: true, teamId: row.team_id, alreadyMember: false };
}

// Changing membership

export type MembershipResult = { ok: true } | { ok: false; reason: 'notFound' | 'lastFacilitator' };

async function currentMembership(tx: Tx, teamId: string, userId: string): Promise<TeamRole | undefined> {
  if (!(await repo.lockTeam(tx.db, teamId))) return undefined;
  return memberRole(tx.db, teamId, userId);
}

export async function leaveTeam(tx: Tx, deps: AppDeps, teamId: string, userId: string, ip: string | null): Promise<MembershipResult> {
  const role = await currentMembership(tx, teamId, userId);
  if (!role) return { ok: false, reason: 'notFound' };
  if (wouldLeaveNoFacilitator(await repo.countFacilitators(tx.db, teamId), role, null)) return { ok: false, reason: 'lastFacilitator' };
  await repo.deleteMember(tx.db, teamId, userId);
  await recordAudit(tx.db, { actorId: userId, event: 'team.member_left', target: teamId, detail: { role }, ip }, deps.clock());
  return { ok: true };
}

export async function removeMember(tx: Tx, deps: AppDeps, teamId: string, actorId: string, userId: string, ip: string | null): Promise<MembershipResult> {
  const role = await currentMembership(tx, teamId, userId);
  if (!role) return { ok: false, reason: 'notFound' };
  if (wouldLeaveNoFacilitator(await repo.countFacilitators(tx.db, teamId), role, null)) return { ok: false, reason: 'lastFacilitator' };
  await repo.deleteMember(tx.db, teamId, userId);
  await recordAudit(tx.db, { actorId, event: 'team.member_removed', target: teamId, detail: { userId, role }, ip }, deps.clock());
  return { ok: true };
}

export async function changeRole(tx: Tx, deps: AppDeps, teamId: string, actorId: string, userId: string, newRole: TeamRole, ip: string | null): Promise<MembershipResult> {
  const role = await currentMembership(tx, teamId, userId);
  if (!role) return { ok: false, reason: 'notFound' };
  if (role === newRole) return { ok: true };
  if (wouldLeaveNoFacilitator(await repo.countFacilitators(tx.db, teamId), role, newRole)) return { ok: false, reason: 'lastFacilitator' };
  await repo.updateMemberRole(tx.db, teamId, userId, newRole);
  await recordAudit(tx.db, { actorId, event: 'team.role_changed', target: teamId, detail: { userId, from: role, to: newRole }, ip }, deps.clock());
  return { ok: true };
}

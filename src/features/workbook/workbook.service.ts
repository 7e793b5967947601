import type { Selectable } from 'kysely';
import type { AppDeps } from '../../platform/app-deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/tokens.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { FieldProblem } from '../../platform/http/forms.js';
import { getUsers, normaliseEmail, type ProfileType } from '../../platform/auth/users.js';
import { professionBySlug } from '../professions/professions.service.js';
import { getTeam, isFacilitator, isMember as isTeamMember, listMembers as listTeamMembers, listTeamsOfUser } from '../teams/teams.service.js';
import { ANSWER_MAX_LENGTH, type CreateWorkspaceInput, type WorkspaceKind } from './workbook.schemas.js';
import type { WorkspacesTable } from './workbook.tables.js';
import * as repo from './workbook.repo.js';

export type { WorkspaceKind };

export interface Workspace {
  readonly id: string;
  readonly kind: WorkspaceKind;
  readonly name: string;
  readonly teamId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface WorkspaceMember {
  readonly userId: string;
  readonly name: string;
  readonly profileType: ProfileType;
  readonly professionSlug: string | null;
  readonly professionName: string | null;
}

function toKind(value: string): WorkspaceKind {
  return value === 'team' || value === 'together' ? value : 'personal';
}

function toWorkspace(row: Selectable<WorkspacesTable>): Workspace {
  return { id: row.id, kind: toKind(row.kind), name: row.name, teamId: row.team_id, createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at };
}

// Reading and access

export async function getWorkspace(db: Queryable, workspaceId: string): Promise<Workspace | undefined> {
  const row = await repo.selectWorkspace(db, workspaceId);
  return row ? toWorkspace(row) : undefined;
}

/** Membership is read on every request, so removing someone ends their access at once. */
export async function isWorkspaceMember(db: Queryable, workspaceId: string, userId: string): Promise<boolean> {
  const row = await repo.selectWorkspace(db, workspaceId);
  if (!row) return false;
  if (row.kind === 'team') return row.team_id !== null && isTeamMember(db, row.team_id, userId);
  return (await repo.selectMembership(db, workspaceId, userId)) !== undefined;
}

/** Who may delete a workspace: its only member, a team's facilitator, or either person of a together workspace. */
export async function mayDeleteWorkspace(db: Queryable, workspace: Workspace, userId: string): Promise<boolean> {
  if (workspace.kind === 'team') return workspace.teamId !== null && isFacilitator(db, workspace.teamId, userId);
  return (await repo.selectMembership(db, workspace.id, userId)) !== undefined;
}

export async function listWorkspaceMembers(db: Queryable, workspace: Workspace): Promise<WorkspaceMember[]> {
  if (workspace.kind === 'team') {
    if (!workspace.teamId) return [];
    return (await listTeamMembers(db, workspace.teamId)).map((m) => ({
      userId: m.userId,
      name: m.name,
      profileType: m.profileType,
      professionSlug: m.professionSlug,
      professionName: m.professionName,
    }));
  }
  const rows = await repo.selectMemberIds(db, workspace.id);
  const users = await getUsers(db, rows.map((r) => r.user_id));
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.flatMap((r) => {
    const user = byId.get(r.user_id);
    return user
      ? [{ userId: user.id, name: user.name, profileType: user.profileType, professionSlug: user.professionSlug, professionName: professionBySlug(user.professionSlug)?.name ?? null }]
      : [];
  });
}

export async function listWorkspacesOfUser(db: Queryable, userId: string): Promise<Workspace[]> {
  return (await listWorkspacesWithTeamOfUser(db, userId)).map((w) => w.workspace);
}

/** The same, each with its team's name (null for a workbook without a team), from one read of the teams. */
export async function listWorkspacesWithTeamOfUser(db: Queryable, userId: string): Promise<{ workspace: Workspace; teamName: string | null }[]> {
  const teams = await listTeamsOfUser(db, userId);
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  return (await repo.selectWorkspacesFor(db, userId, [...teamNames.keys()])).map((row) => ({
    workspace: toWorkspace(row),
    teamName: row.team_id ? (teamNames.get(row.team_id) ?? null) : null,
  }));
}

/** The team's name for a team workspace, to show where it belongs. */
export async function teamNameOf(db: Queryable, workspace: Workspace): Promise<string | null> {
  return workspace.teamId ? ((await getTeam(db, workspace.teamId))?.name ?? null) : null;
}

// Creating and ending

export type CreateWorkspaceResult = { ok: true; workspaceId: string } | { ok: false; problems: FieldProblem[] };

export async function createWorkspace(tx: Tx, deps: AppDeps, creatorId: string, input: CreateWorkspaceInput): Promise<CreateWorkspaceResult> {
  if (input.kind === 'team' && !(await isTeamMember(tx.db, input.teamId, creatorId))) {
    return { ok: false, problems: [{ field: 'teamId', message: 'workbook.error.teamUnknown' }] };
  }
  const now = deps.clock().toISOString();
  const id = newId();
  await repo.insertWorkspace(tx.db, {
    id,
    kind: input.kind,
    name: input.name,
    team_id: input.kind === 'team' ? input.teamId : null,
    created_by: creatorId,
    created_at: now,
    updated_at: now,
  });
  if (input.kind !== 'team') await repo.insertMember(tx.db, id, creatorId, now);
  return { ok: true, workspaceId: id };
}

export async function renameWorkspace(tx: Tx, deps: AppDeps, workspaceId: string, name: string): Promise<void> {
  await repo.renameWorkspace(tx.db, workspaceId, name, deps.clock().toISOString());
}

export async function deleteWorkspace(tx: Tx, deps: AppDeps, workspace: Workspace, actorId: string, ip: string | null): Promise<boolean> {
  if (!(await mayDeleteWorkspace(tx.db, workspace, actorId))) return false;
  await repo.deleteWorkspace(tx.db, workspace.id);
  await recordAudit(tx.db, { actorId, event: 'workbook.deleted', target: `workspace:${workspace.id}`, ip }, deps.clock());
  return true;
}

export async function touchWorkspace(db: Queryable, deps: AppDeps, workspaceId: string): Promise<void> {
  await repo.touchWorkspace(db, workspaceId, deps.clock().toISOString());
}

// Members of a together workspace

export interface WorkspaceInvitation {
  readonly id: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly invitedByName: string | null;
  readonly createdAt: string;
}

/**
 * Invites a person by e-mail address. Whether an account exists is not revealed: the invitation waits
 * on that address and shows on the person's own overview once they log in with it.
 */
export async function inviteToWorkspace(tx: Tx, deps: AppDeps, workspace: Workspace, actorId: string, email: string, ip: string | null): Promise<void> {
  const address = normaliseEmail(email);
  const now = deps.clock().toISOString();
  await repo.insertInvitation(tx.db, { id: newId(), workspace_id: workspace.id, email: address, invited_by: actorId, created_at: now, answered_at: null, accepted: null });
  await recordAudit(tx.db, { actorId, event: 'workbook.invitation_created', target: `workspace:${workspace.id}`, ip }, deps.clock());
  const [inviter] = await getUsers(tx.db, [actorId]);
  const t = translator('nl');
  const link = `${deps.config.baseUrl}/werkboek`;
  tx.afterCommit(() =>
    deps.mailer.send({
      to: address,
      subject: t('workbook.mail.invite.subject'),
      text: t('workbook.mail.invite.body', { inviter: inviter?.name ?? t('workbook.mail.invite.someone'), workspace: workspace.name, link }),
    }),
  );
}

export async function listInvitationsFor(db: Queryable, email: string): Promise<WorkspaceInvitation[]> {
  const rows = await repo.selectOpenInvitationsForEmail(db, normaliseEmail(email));
  const inviters = new Map((await getUsers(db, rows.flatMap((r) => (r.invited_by ? [r.invited_by] : [])))).map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    workspaceId: r.workspace_id,
    workspaceName: r.workspace_name,
    invitedByName: r.invited_by ? (inviters.get(r.invited_by) ?? null) : null,
    createdAt: r.created_at,
  }));
}

export async function listOpenInvitationsOf(db: Queryable, workspaceId: string): Promise<{ id: string; email: string; createdAt: string }[]> {
  return (await repo.selectOpenInvitationsOfWorkspace(db, workspaceId)).map((r) => ({ id: r.id, email: r.email, createdAt: r.created_at }));
}

/** Accepts or declines an invitation meant for this person's address; false when there is none. */
export async function answerInvitation(
  tx: Tx,
  deps: AppDeps,
  invitationId: string,
  user: { userId: string; email: string },
  accept: boolean,
  ip: string | null,
): Promise<{ ok: true; workspaceId: string } | { ok: false }> {
  const row = await repo.selectInvitation(tx.db, invitationId);
  if (!row || row.answered_at !== null || row.email !== normaliseEmail(user.email)) return { ok: false };
  const now = deps.clock().toISOString();
  const updated = await repo.answerInvitation(tx.db, invitationId, accept, now);
  if (Number(updated.numUpdatedRows) !== 1) return { ok: false };
  if (accept) {
    await repo.insertMember(tx.db, row.workspace_id, user.userId, now);
    await recordAudit(tx.db, { actorId: user.userId, event: 'workbook.member_joined', target: `workspace:${row.workspace_id}`, ip }, deps.clock());
  }
  return { ok: true, workspaceId: row.workspace_id };
}

export async function withdrawInvitation(tx: Tx, workspaceId: string, invitationId: string): Promise<boolean> {
  return Number((await repo.deleteInvitation(tx.db, workspaceId, invitationId)).numDeletedRows) === 1;
}

export type RemoveMemberResult = { ok: true } | { ok: false; reason: 'notFound' | 'lastMember' | 'teamWorkspace' };

/** A person of a together workspace leaves or removes the other; the last one deletes the workspace instead. */
export async function removeWorkspaceMember(tx: Tx, deps: AppDeps, workspace: Workspace, actorId: string, memberId: string, ip: string | null): Promise<RemoveMemberResult> {
  if (workspace.kind === 'team') return { ok: false, reason: 'teamWorkspace' };
  const members = await repo.selectMemberIds(tx.db, workspace.id);
  if (!members.some((m) => m.user_id === memberId)) return { ok: false, reason: 'notFound' };
  if (members.length <= 1) return { ok: false, reason: 'lastMember' };
  await repo.deleteMember(tx.db, workspace.id, memberId);
  await recordAudit(
    tx.db,
    { actorId, event: memberId === actorId ? 'workbook.member_left' : 'workbook.member_removed', target: `workspace:${workspace.id}`, detail: { memberId }, ip },
    deps.clock(),
  );
  return { ok: true };
}

// Answers, with history and conflict detection

export interface Answer {
  readonly key: string;
  readonly value: string;
  readonly version: number;
  readonly updatedBy: string | null;
  readonly updatedByName: string | null;
  readonly updatedAt: string;
}

export async function loadAnswers(db: Queryable, workspaceId: string, keys?: readonly string[]): Promise<Map<string, Answer>> {
  const rows = await repo.selectAnswers(db, workspaceId, keys);
  const names = new Map((await getUsers(db, [...new Set(rows.flatMap((r) => (r.updated_by ? [r.updated_by] : [])))])).map((u) => [u.id, u.name]));
  return new Map(
    rows.map((r) => [
      r.field_key,
      { key: r.field_key, value: r.value, version: Number(r.version), updatedBy: r.updated_by, updatedByName: r.updated_by ? (names.get(r.updated_by) ?? null) : null, updatedAt: r.updated_at },
    ]),
  );
}

export interface AnswerSubmission {
  readonly key: string;
  readonly value: string;
  /** The version the person's form was showing; 0 for an answer that did not exist yet. */
  readonly baseVersion: number;
}

export interface AnswerConflict {
  readonly key: string;
  readonly mine: string;
  readonly theirs: Answer;
}

export interface SaveAnswersResult {
  readonly saved: readonly { key: string; version: number; updatedAt: string }[];
  readonly conflicts: readonly AnswerConflict[];
}

/** Line endings differ between browsers; trailing white space is not a change worth a version. */
export function normaliseAnswer(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
}

export function answerTooLong(value: string): boolean {
  return value.length > ANSWER_MAX_LENGTH;
}

/**
 * Decides per answer what a save does. Changed since the form was shown and also changed by this person:
 * a conflict, and neither text is lost. Unchanged by this person: the newer stored text stays.
 */
export function classifySubmission(
  submission: AnswerSubmission,
  stored: { value: string; version: number } | undefined,
  baseValue: string | undefined,
): 'unchanged' | 'write' | 'keepTheirs' | 'conflict' {
  const current = stored?.value ?? '';
  const currentVersion = stored?.version ?? 0;
  if (submission.value === current) return 'unchanged';
  if (currentVersion === submission.baseVersion) return 'write';
  if (baseValue !== undefined && submission.value === baseValue) return 'keepTheirs';
  return 'conflict';
}

export async function saveAnswers(tx: Tx, deps: AppDeps, workspaceId: string, userId: string, submissions: readonly AnswerSubmission[]): Promise<SaveAnswersResult> {
  const now = deps.clock().toISOString();
  const stored = await loadAnswers(tx.db, workspaceId, submissions.map((s) => s.key));
  const saved: { key: string; version: number; updatedAt: string }[] = [];
  const conflicts: AnswerConflict[] = [];
  for (const raw of submissions) {
    const submission = { ...raw, value: normaliseAnswer(raw.value) };
    const current = stored.get(submission.key);
    const baseValue =
      current && current.version !== submission.baseVersion
        ? submission.baseVersion === 0
          ? ''
          : (await repo.selectRevisionValue(tx.db, workspaceId, submission.key, submission.baseVersion))?.value
        : undefined;
    const decision = classifySubmission(submission, current, baseValue);
    if (decision === 'conflict' && current) conflicts.push({ key: submission.key, mine: submission.value, theirs: current });
    if (decision !== 'write') continue;
    const version = (current?.version ?? 0) + 1;
    const row = { workspace_id: workspaceId, field_key: submission.key, value: submission.value, version, updated_by: userId, updated_at: now };
    if (current) {
      const result = await repo.updateAnswer(tx.db, row, current.version);
      // Someone else's save committed between our read and write (PostgreSQL): treat it as a conflict.
      if (Number(result.numUpdatedRows) !== 1) {
        const fresh = (await loadAnswers(tx.db, workspaceId, [submission.key])).get(submission.key);
        if (fresh) conflicts.push({ key: submission.key, mine: submission.value, theirs: fresh });
        continue;
      }
    } else {
      await repo.insertAnswer(tx.db, row);
    }
    await repo.insertRevision(tx.db, { id: newId(), workspace_id: workspaceId, field_key: submission.key, version, value: submission.value, changed_by: userId, changed_at: now });
    saved.push({ key: submission.key, version, updatedAt: now });
  }
  if (saved.length > 0) await repo.touchWorkspace(tx.db, workspaceId, now);
  return { saved, conflicts };
}

export interface AnswerRevision {
  readonly version: number;
  readonly value: string;
  readonly changedByName: string | null;
  readonly changedAt: string;
}

export async function answerHistory(db: Queryable, workspaceId: string, key: string): Promise<AnswerRevision[]> {
  const rows = await repo.selectRevisions(db, workspaceId, key);
  const names = new Map((await getUsers(db, [...new Set(rows.flatMap((r) => (r.changed_by ? [r.changed_by] : [])))])).map((u) => [u.id, u.name]));
  return rows.map((r) => ({ version: Number(r.version), value: r.value, changedByName: r.changed_by ? (names.get(r.changed_by) ?? null) : null, changedAt: r.changed_at }));
}

/** For the overview: which answer keys have text, per workspace. */
export async function answeredKeys(db: Queryable, workspaceIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const row of await repo.selectAnswerKeysAnswered(db, workspaceIds)) {
    let set = out.get(row.workspace_id);
    if (!set) out.set(row.workspace_id, (set = new Set()));
    set.add(row.field_key);
  }
  return out;
}

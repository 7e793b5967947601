import type { AppDeps } from '../../platform/app-deps.js';
import { newId } from '../../platform/auth/tokens.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import { isFacilitator, isMember } from '../teams/teams.service.js';
import * as repo from './case-consultation.repo.js';
import { isAddressee, type Addressee, type CaseInput, type ChangeKind } from './case-consultation.schemas.js';
import type { CasesTable } from './case-consultation.tables.js';

export interface Consultation {
  readonly teamId: string;
  readonly theme: string;
  readonly enabledAt: string;
}

export interface Case extends CaseInput {
  readonly id: string;
  readonly teamId: string;
  readonly number: number;
  readonly broughtBy: string | null;
  readonly identifyingConfirmedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** What a case is called in lists and logs: its number and its pseudonymous title. */
export function caseLabel(c: Pick<Case, 'number' | 'title'>): string {
  return `Casus ${c.number}: ${c.title}`;
}

function toCase(row: CasesTable): Case {
  return {
    id: row.id,
    teamId: row.team_id,
    number: Number(row.number),
    title: row.title,
    age: row.age,
    gender: row.gender,
    nationality: row.nationality,
    livingSituation: row.living_situation,
    income: row.income,
    diagnosis: row.diagnosis,
    workHistory: row.work_history,
    distanceToLabourMarket: row.distance_to_labour_market,
    organisations: row.organisations,
    treatment: row.treatment,
    particulars: row.particulars,
    question: row.question,
    broughtBy: row.brought_by,
    identifyingConfirmedAt: row.identifying_confirmed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

function caseColumns(input: CaseInput) {
  return {
    title: input.title,
    age: input.age,
    gender: input.gender,
    nationality: input.nationality,
    living_situation: input.livingSituation,
    income: input.income,
    diagnosis: input.diagnosis,
    work_history: input.workHistory,
    distance_to_labour_market: input.distanceToLabourMarket,
    organisations: input.organisations,
    treatment: input.treatment,
    particulars: input.particulars,
    question: input.question,
  };
}

// Consultation

export async function getConsultation(db: Queryable, teamId: string): Promise<Consultation | undefined> {
  const row = await repo.selectConsultation(db, teamId);
  return row ? { teamId: row.team_id, theme: row.theme, enabledAt: row.enabled_at } : undefined;
}

export async function enableConsultation(tx: Tx, deps: AppDeps, teamId: string, actorId: string, theme: string): Promise<void> {
  await repo.insertConsultation(tx.db, teamId, theme, actorId, deps.clock().toISOString());
}

export async function changeTheme(tx: Tx, teamId: string, theme: string): Promise<void> {
  await repo.updateTheme(tx.db, teamId, theme);
}

/** A member of a team that has switched case consultation on (two-factor authentication is checked by the permission). */
export async function isParticipant(db: Queryable, teamId: string, userId: string): Promise<boolean> {
  const [consultation, member] = await Promise.all([repo.selectConsultation(db, teamId), isMember(db, teamId, userId)]);
  return consultation !== undefined && member;
}

export async function isLeader(db: Queryable, teamId: string, userId: string): Promise<boolean> {
  const [consultation, facilitator] = await Promise.all([repo.selectConsultation(db, teamId), isFacilitator(db, teamId, userId)]);
  return consultation !== undefined && facilitator;
}

// Cases

export async function listCases(db: Queryable, teamId: string): Promise<Case[]> {
  return (await repo.selectCases(db, teamId)).map(toCase);
}

export async function getCase(db: Queryable, teamId: string, caseId: string): Promise<Case | undefined> {
  const row = await repo.selectCase(db, teamId, caseId);
  return row ? toCase(row) : undefined;
}

export async function createCase(tx: Tx, deps: AppDeps, teamId: string, actorId: string, input: CaseInput, identifyingConfirmed: boolean): Promise<Case> {
  const now = deps.clock().toISOString();
  const id = newId();
  await repo.insertCase(tx.db, {
    id,
    team_id: teamId,
    number: await repo.nextCaseNumber(tx.db, teamId),
    ...caseColumns(input),
    brought_by: actorId,
    identifying_confirmed_at: identifyingConfirmed ? now : null,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  const created = await getCase(tx.db, teamId, id);
  if (!created) throw new Error('Casus verdween tijdens het opslaan');
  return created;
}

export type UpdateCaseResult = { ok: true } | { ok: false; reason: 'notFound' | 'conflict' };

export async function updateCase(
  tx: Tx,
  deps: AppDeps,
  teamId: string,
  caseId: string,
  version: number,
  input: CaseInput,
  identifyingConfirmed: boolean,
): Promise<UpdateCaseResult> {
  const existing = await repo.selectCase(tx.db, teamId, caseId);
  if (!existing) return { ok: false, reason: 'notFound' };
  const now = deps.clock().toISOString();
  const written = await repo.updateCaseIfVersion(tx.db, teamId, caseId, version, {
    ...caseColumns(input),
    identifying_confirmed_at: identifyingConfirmed ? now : existing.identifying_confirmed_at,
    updated_at: now,
  });
  return written ? { ok: true } : { ok: false, reason: 'conflict' };
}

/** Removes a case with its meetings and recommendations; the access log keeps its label. */
export async function deleteCase(tx: Tx, teamId: string, caseId: string): Promise<boolean> {
  const result = await repo.deleteCase(tx.db, teamId, caseId);
  return Number(result.numDeletedRows) === 1;
}

// Access log

export type CaseAccessAction = 'bekeken' | 'bewerkt' | 'bijeenkomst' | 'poster' | 'verslag' | 'export' | 'verwijderd';

export interface CaseAccess {
  readonly caseLabel: string;
  readonly userName: string;
  readonly action: CaseAccessAction;
  readonly at: string;
}

/** Every opening of a case is recorded: who, which case, when and how. */
export async function logCaseAccess(
  db: Queryable,
  deps: AppDeps,
  entry: { teamId: string; cases: readonly Pick<Case, 'id' | 'number' | 'title'>[]; userId: string; userName: string; action: CaseAccessAction },
): Promise<void> {
  const at = deps.clock().toISOString();
  for (const c of entry.cases) {
    await repo.insertAccess(db, {
      id: newId(),
      team_id: entry.teamId,
      case_id: c.id,
      case_label: caseLabel(c),
      user_id: entry.userId,
      user_name: entry.userName,
      action: entry.action,
      at,
    });
  }
}

export const ACCESS_LOG_PAGE_SIZE = 50;

export async function accessLog(db: Queryable, teamId: string, page: number): Promise<{ entries: CaseAccess[]; total: number }> {
  const [rows, total] = await Promise.all([
    repo.selectAccessLog(db, teamId, ACCESS_LOG_PAGE_SIZE, (page - 1) * ACCESS_LOG_PAGE_SIZE),
    repo.countAccessLog(db, teamId),
  ]);
  return {
    entries: rows.map((r) => ({ caseLabel: r.case_label, userName: r.user_name, action: r.action as CaseAccessAction, at: r.at })),
    total,
  };
}

// Recommendations (each starts as its own unique recommendation; consolidation may merge them later)

export interface Recommendation {
  readonly id: string;
  readonly teamId: string;
  readonly meetingId: string;
  readonly meetingNumber: number;
  readonly caseId: string;
  readonly caseNumber: number;
  readonly caseTitle: string;
  readonly groupId: string;
  readonly addressee: Addressee;
  readonly text: string;
  readonly updatedAt: string;
  readonly version: number;
}

export async function createRecommendation(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; meetingId: string; caseId: string; addressee: Addressee; text: string; authorId: string },
): Promise<string> {
  const now = deps.clock().toISOString();
  const groupId = newId();
  const id = newId();
  await repo.insertGroup(tx.db, { id: groupId, team_id: input.teamId, addressee: input.addressee, text: null, merged_by: null, merged_at: null, created_at: now });
  await repo.insertRecommendation(tx.db, {
    id,
    team_id: input.teamId,
    meeting_id: input.meetingId,
    case_id: input.caseId,
    group_id: groupId,
    addressee: input.addressee,
    text: input.text,
    author_id: input.authorId,
    created_at: now,
    updated_by: input.authorId,
    updated_at: now,
    version: 1,
  });
  await repo.insertRevision(tx.db, {
    id: newId(),
    recommendation_id: id,
    version: 1,
    addressee: input.addressee,
    text: input.text,
    change_kind: 'opgesteld',
    reviewed_in: null,
    changed_by: input.authorId,
    changed_at: now,
  });
  return id;
}

export type ReviseResult = { ok: true } | { ok: false; reason: 'notFound' | 'conflict'; current?: Recommendation };

/** A later meeting adds to, sharpens or changes a recommendation; the earlier wording stays in its history. */
export async function reviseRecommendation(
  tx: Tx,
  deps: AppDeps,
  input: {
    teamId: string;
    recommendationId: string;
    version: number;
    addressee: Addressee;
    text: string;
    changeKind: Exclude<ChangeKind, 'opgesteld'>;
    reviewedIn: string | null;
    actorId: string;
  },
): Promise<ReviseResult> {
  const existing = await repo.selectRecommendation(tx.db, input.teamId, input.recommendationId);
  if (!existing) return { ok: false, reason: 'notFound' };
  const now = deps.clock().toISOString();
  const written = await repo.updateRecommendationIfVersion(tx.db, input.teamId, input.recommendationId, input.version, {
    addressee: input.addressee,
    text: input.text,
    updated_by: input.actorId,
    updated_at: now,
  });
  if (!written) return { ok: false, reason: 'conflict', current: await getRecommendation(tx.db, input.teamId, input.recommendationId) };
  await repo.insertRevision(tx.db, {
    id: newId(),
    recommendation_id: input.recommendationId,
    version: input.version + 1,
    addressee: input.addressee,
    text: input.text,
    change_kind: input.changeKind,
    reviewed_in: input.reviewedIn,
    changed_by: input.actorId,
    changed_at: now,
  });
  // A group of one follows its recommendation's addressee; a merged group keeps the one the facilitator chose.
  await repo.followGroupAddressee(tx.db, existing.group_id, input.addressee);
  return { ok: true };
}

function toRecommendation(row: Awaited<ReturnType<typeof repo.selectRecommendationsWithOrigin>>[number]): Recommendation {
  return {
    id: row.id,
    teamId: row.team_id,
    meetingId: row.meeting_id,
    meetingNumber: Number(row.meeting_number),
    caseId: row.case_id,
    caseNumber: Number(row.case_number),
    caseTitle: row.case_title,
    groupId: row.group_id,
    addressee: isAddressee(row.addressee) ? row.addressee : 'overkoepelend',
    text: row.text,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

/** All recommendations of a team with their case and meeting, in the order they were made. */
export async function listRecommendations(db: Queryable, teamId: string): Promise<Recommendation[]> {
  return (await repo.selectRecommendationsWithOrigin(db, teamId)).map(toRecommendation);
}

export async function getRecommendation(db: Queryable, teamId: string, recommendationId: string): Promise<Recommendation | undefined> {
  const [row] = await repo.selectRecommendationsWithOrigin(db, teamId, recommendationId);
  return row ? toRecommendation(row) : undefined;
}

export interface RecommendationRevision {
  readonly version: number;
  readonly addressee: Addressee;
  readonly text: string;
  readonly changeKind: ChangeKind;
  readonly reviewedInMeetingNumber: number | null;
  readonly changedByName: string | null;
  readonly changedAt: string;
}

export async function recommendationHistory(db: Queryable, recommendationId: string): Promise<RecommendationRevision[]> {
  return (await repo.selectRevisions(db, recommendationId)).map((r) => ({
    version: Number(r.version),
    addressee: isAddressee(r.addressee) ? r.addressee : 'overkoepelend',
    text: r.text,
    changeKind: r.change_kind as ChangeKind,
    reviewedInMeetingNumber: r.reviewed_in_number === null ? null : Number(r.reviewed_in_number),
    changedByName: r.changed_by_name,
    changedAt: r.changed_at,
  }));
}

/** The first wording of each recommendation: provenance for merged recommendations. */
export async function originalWordings(db: Queryable, recommendationIds: readonly string[]): Promise<Map<string, string>> {
  return new Map((await repo.selectFirstRevisions(db, recommendationIds)).map((r) => [r.recommendation_id, r.text]));
}

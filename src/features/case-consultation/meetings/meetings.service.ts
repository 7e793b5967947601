import type { AppDeps } from '../../../platform/app-deps.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import { listMembers } from '../../teams/teams.service.js';
import {
  meetingChannel,
  toMeetingStatus,
  transition,
  type ContributionInput,
  type ContributionKind,
  isContributionKind,
  type MeetingCommand,
  type MeetingState,
  type MeetingStatus,
  type RefusalReason,
} from './meetings.model.js';
import * as repo from './meetings.repo.js';
import { isAddressee, type Addressee, type ChangeKind, type RecommendationInput } from '../case-consultation.schemas.js';
import {
  createRecommendation,
  getCase,
  getConsultation,
  getRecommendation,
  listRecommendations,
  reviseRecommendation,
  type Recommendation,
} from '../case-consultation.service.js';

export interface Meeting extends MeetingState {
  readonly id: string;
  readonly teamId: string;
  readonly caseId: string;
  readonly caseNumber: number;
  readonly caseTitle: string;
  readonly number: number;
  /** 'YYYY-MM-DD' or null. */
  readonly plannedOn: string | null;
  readonly createdAt: string;
}

export interface Contribution {
  readonly id: string;
  readonly meetingId: string;
  readonly step: number;
  readonly kind: ContributionKind;
  readonly addressee: Addressee | null;
  readonly text: string;
  readonly owner: string | null;
  readonly consensus: boolean;
  readonly authorId: string | null;
  readonly authorName: string | null;
  readonly createdAt: string;
}

type MeetingRow = NonNullable<Awaited<ReturnType<typeof repo.selectMeeting>>>;

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    teamId: row.team_id,
    caseId: row.case_id,
    caseNumber: Number(row.case_number),
    caseTitle: row.case_title,
    number: Number(row.number),
    plannedOn: row.planned_on,
    status: toMeetingStatus(row.status),
    currentStep: Number(row.current_step),
    stepStartedAt: row.step_started_at,
    stepExtraMinutes: Number(row.step_extra_minutes),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    createdAt: row.created_at,
    version: Number(row.version),
  };
}

/** What a live page announces: the meeting's state changed (the version says which) or its contributions did. */
export type MeetingEvent = { type: 'state'; data: { version: number } } | { type: 'contributions'; data: null };

function announce(tx: Tx, deps: AppDeps, meetingId: string, event: MeetingEvent): void {
  tx.afterCommit(() => deps.live.publish(meetingChannel(meetingId), event));
}

// Reading

export async function listMeetings(db: Queryable, teamId: string): Promise<Meeting[]> {
  return (await repo.selectMeetings(db, teamId)).map(toMeeting);
}

export async function getMeeting(db: Queryable, teamId: string, meetingId: string): Promise<Meeting | undefined> {
  const row = await repo.selectMeeting(db, teamId, meetingId);
  return row ? toMeeting(row) : undefined;
}

/** The meeting before this one that was actually held: its recommendations are reviewed in step 0. */
export async function previousMeeting(db: Queryable, meeting: Pick<Meeting, 'teamId' | 'number'>): Promise<Meeting | undefined> {
  const row = await repo.selectPreviousHeldMeeting(db, meeting.teamId, meeting.number);
  return row ? toMeeting(row) : undefined;
}

export async function listContributions(db: Queryable, meetingId: string): Promise<Contribution[]> {
  return (await repo.selectContributions(db, meetingId))
    .filter((row) => isContributionKind(row.kind))
    .map((row) => ({
      id: row.id,
      meetingId: row.meeting_id,
      step: Number(row.step),
      kind: row.kind as ContributionKind,
      addressee: isAddressee(row.addressee) ? row.addressee : null,
      text: row.text,
      owner: row.owner,
      consensus: Number(row.consensus) === 1,
      authorId: row.author_id,
      authorName: row.author_name ?? null,
      createdAt: row.created_at,
    }));
}

/** Who may follow the meeting live right now: the members of a team that has case consultation switched on. */
export async function participantIds(db: Queryable, teamId: string): Promise<Set<string>> {
  const [consultation, members] = await Promise.all([getConsultation(db, teamId), listMembers(db, teamId)]);
  return consultation ? new Set(members.map((m) => m.userId)) : new Set();
}

export interface ReviewedChange {
  readonly recommendationId: string;
  readonly version: number;
  readonly addressee: Addressee;
  readonly text: string;
  readonly changeKind: ChangeKind;
  readonly changedByName: string | null;
  readonly changedAt: string;
}

export interface Review {
  /** The meeting whose recommendations are reviewed; undefined for a team's first meeting. */
  readonly previous: Meeting | undefined;
  /** The current wording of every recommendation for the previous meeting's case. */
  readonly recommendations: readonly Recommendation[];
}

/** Everything step 0 shows: the current wording of the recommendations for the previous case. */
export async function loadReview(db: Queryable, meeting: Meeting): Promise<Review> {
  const previous = await previousMeeting(db, meeting);
  if (!previous) return { previous, recommendations: [] };
  const recommendations = (await listRecommendations(db, meeting.teamId)).filter((r) => r.caseId === previous.caseId);
  return { previous, recommendations };
}

export interface MeetingRecords {
  readonly contributions: readonly Contribution[];
  /** Recommendations made in this meeting for its own case (step 6). */
  readonly recommendations: readonly Recommendation[];
  /** Recommendations added to the previous case during this meeting's review. */
  readonly addedInReview: readonly Recommendation[];
  /** Earlier recommendations that this meeting added to, sharpened or changed. */
  readonly reviewed: readonly ReviewedChange[];
}

/** What the meeting produced so far, per step. */
export async function loadRecords(db: Queryable, meeting: Meeting): Promise<MeetingRecords> {
  const [contributions, all, revisions] = await Promise.all([
    listContributions(db, meeting.id),
    listRecommendations(db, meeting.teamId),
    repo.selectRevisionsReviewedIn(db, meeting.id),
  ]);
  const ofThisMeeting = all.filter((r) => r.meetingId === meeting.id);
  return {
    contributions,
    recommendations: ofThisMeeting.filter((r) => r.caseId === meeting.caseId),
    addedInReview: ofThisMeeting.filter((r) => r.caseId !== meeting.caseId),
    reviewed: revisions.map((v) => ({
      recommendationId: v.recommendation_id,
      version: Number(v.version),
      addressee: isAddressee(v.addressee) ? v.addressee : 'overkoepelend',
      text: v.text,
      changeKind: v.change_kind as ChangeKind,
      changedByName: v.changed_by_name ?? null,
      changedAt: v.changed_at,
    })),
  };
}

// Planning

export type PlanResult = { ok: true; meetingId: string } | { ok: false; reason: 'caseNotFound' };

/** Plans a meeting about one of the team's cases; numbers count up per team. */
export async function planMeeting(tx: Tx, deps: AppDeps, teamId: string, actorId: string, input: { caseId: string; plannedOn: string | null }): Promise<PlanResult> {
  const found = await getCase(tx.db, teamId, input.caseId);
  if (!found) return { ok: false, reason: 'caseNotFound' };
  const id = newId();
  await repo.insertMeeting(tx.db, {
    id,
    team_id: teamId,
    case_id: found.id,
    number: await repo.nextMeetingNumber(tx.db, teamId),
    planned_on: input.plannedOn,
    status: 'planned',
    current_step: 0,
    step_started_at: null,
    step_extra_minutes: 0,
    started_at: null,
    finished_at: null,
    created_by: actorId,
    created_at: deps.clock().toISOString(),
    version: 1,
  });
  return { ok: true, meetingId: id };
}

// The facilitator's commands

export type CommandResult = { ok: true; state: MeetingState } | { ok: false; reason: RefusalReason | 'notFound' };

/**
 * Carries out a command on the locked meeting row and announces the new state once the transaction has
 * committed. Two commands at the same moment queue on the lock; the second sees the new version and is stale.
 */
export async function runCommand(tx: Tx, deps: AppDeps, teamId: string, meetingId: string, command: MeetingCommand, expectedVersion: number): Promise<CommandResult> {
  const row = await repo.selectMeetingForUpdate(tx.db, teamId, meetingId, deps.db.dialect === 'postgres');
  if (!row) return { ok: false, reason: 'notFound' };
  const state: MeetingState = {
    status: toMeetingStatus(row.status),
    currentStep: Number(row.current_step),
    stepStartedAt: row.step_started_at,
    stepExtraMinutes: Number(row.step_extra_minutes),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    version: Number(row.version),
  };
  const result = transition(state, command, expectedVersion, deps.clock());
  if (!result.ok) return result;
  const next = result.state;
  const written = await repo.updateMeetingIfVersion(tx.db, teamId, meetingId, state.version, {
    status: next.status,
    current_step: next.currentStep,
    step_started_at: next.stepStartedAt,
    step_extra_minutes: next.stepExtraMinutes,
    started_at: next.startedAt,
    finished_at: next.finishedAt,
  });
  if (!written) return { ok: false, reason: 'stale' };
  announce(tx, deps, meetingId, { type: 'state', data: { version: next.version } });
  return { ok: true, state: next };
}

// Contributions

export type OpenMeetingProblem = 'notFound' | 'notStarted' | 'finished';

/** Contributions and recommendations are only taken while a meeting runs; a finished meeting is a record. */
async function openMeeting(db: Queryable, teamId: string, meetingId: string): Promise<{ ok: true; meeting: Meeting } | { ok: false; reason: OpenMeetingProblem }> {
  const meeting = await getMeeting(db, teamId, meetingId);
  if (!meeting) return { ok: false, reason: 'notFound' };
  if (meeting.status === 'finished') return { ok: false, reason: 'finished' };
  if (meeting.status !== 'running') return { ok: false, reason: 'notStarted' };
  return { ok: true, meeting };
}

export type AddContributionResult = { ok: true; currentStep: number } | { ok: false; reason: OpenMeetingProblem };

/**
 * Keeps a contribution under the step it was written for, also when the facilitator moved on meanwhile
 * (currentStep tells the route whether to say so).
 */
export async function addContribution(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; meetingId: string; step: number; contribution: ContributionInput; authorId: string },
): Promise<AddContributionResult> {
  const open = await openMeeting(tx.db, input.teamId, input.meetingId);
  if (!open.ok) return open;
  await repo.insertContribution(tx.db, {
    id: newId(),
    meeting_id: input.meetingId,
    step: input.step,
    kind: input.contribution.kind,
    addressee: input.contribution.addressee,
    text: input.contribution.text,
    owner: input.contribution.owner,
    consensus: 0,
    author_id: input.authorId,
    created_at: deps.clock().toISOString(),
  });
  announce(tx, deps, input.meetingId, { type: 'contributions', data: null });
  return { ok: true, currentStep: open.meeting.currentStep };
}

export type ContributionChangeResult = { ok: true } | { ok: false; reason: OpenMeetingProblem | 'notAllowed' | 'notCoreProblem' };

/** The author may take back a contribution, and the facilitator may remove any. */
export async function removeContribution(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; meetingId: string; contributionId: string; actorId: string; actorIsFacilitator: boolean },
): Promise<ContributionChangeResult> {
  const meeting = await getMeeting(tx.db, input.teamId, input.meetingId);
  if (!meeting) return { ok: false, reason: 'notFound' };
  const row = await repo.selectContribution(tx.db, input.meetingId, input.contributionId);
  if (!row) return { ok: false, reason: 'notFound' };
  if (meeting.status === 'finished') return { ok: false, reason: 'finished' };
  if (row.author_id !== input.actorId && !input.actorIsFacilitator) return { ok: false, reason: 'notAllowed' };
  if (!(await repo.deleteContribution(tx.db, input.meetingId, input.contributionId))) return { ok: false, reason: 'notFound' };
  announce(tx, deps, input.meetingId, { type: 'contributions', data: null });
  return { ok: true };
}

/** The facilitator marks a core problem (step 4) as shared by the whole team, or takes the mark away. */
export async function setConsensus(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; meetingId: string; contributionId: string; consensus: boolean },
): Promise<ContributionChangeResult> {
  const meeting = await getMeeting(tx.db, input.teamId, input.meetingId);
  if (!meeting) return { ok: false, reason: 'notFound' };
  const row = await repo.selectContribution(tx.db, input.meetingId, input.contributionId);
  if (!row) return { ok: false, reason: 'notFound' };
  if (meeting.status === 'finished') return { ok: false, reason: 'finished' };
  if (row.kind !== 'coreProblem') return { ok: false, reason: 'notCoreProblem' };
  await repo.updateConsensus(tx.db, input.meetingId, input.contributionId, input.consensus ? 1 : 0);
  announce(tx, deps, input.meetingId, { type: 'contributions', data: null });
  return { ok: true };
}

// Recommendations (step 6) and the review of earlier ones (step 0)

export type RecommendationResult = { ok: true } | { ok: false; reason: OpenMeetingProblem | 'noPrevious' };

/** Step 6: a recommendation for this meeting's case, through the case consultation's own service. */
export async function addRecommendation(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; meetingId: string; recommendation: RecommendationInput; authorId: string },
): Promise<RecommendationResult> {
  const open = await openMeeting(tx.db, input.teamId, input.meetingId);
  if (!open.ok) return open;
  await createRecommendation(tx, deps, {
    teamId: input.teamId,
    meetingId: input.meetingId,
    caseId: open.meeting.caseId,
    addressee: input.recommendation.addressee,
    text: input.recommendation.text,
    authorId: input.authorId,
  });
  announce(tx, deps, input.meetingId, { type: 'contributions', data: null });
  return { ok: true };
}

/** Step 0: a recommendation the team still misses for the previous case (made in this meeting, about that case). */
export async function addRecommendationToPrevious(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; meetingId: string; recommendation: RecommendationInput; authorId: string },
): Promise<RecommendationResult> {
  const open = await openMeeting(tx.db, input.teamId, input.meetingId);
  if (!open.ok) return open;
  const previous = await previousMeeting(tx.db, open.meeting);
  if (!previous) return { ok: false, reason: 'noPrevious' };
  await createRecommendation(tx, deps, {
    teamId: input.teamId,
    meetingId: input.meetingId,
    caseId: previous.caseId,
    addressee: input.recommendation.addressee,
    text: input.recommendation.text,
    authorId: input.authorId,
  });
  announce(tx, deps, input.meetingId, { type: 'contributions', data: null });
  return { ok: true };
}

export type ReviewResult = { ok: true } | { ok: false; reason: OpenMeetingProblem } | { ok: false; reason: 'conflict'; current: Recommendation };

/** Step 0: adds to, sharpens or changes a recommendation of the previous case; its earlier wording stays in the history. */
export async function reviseInReview(
  tx: Tx,
  deps: AppDeps,
  input: {
    teamId: string;
    meetingId: string;
    recommendationId: string;
    version: number;
    addressee: Addressee;
    text: string;
    changeKind: Exclude<ChangeKind, 'opgesteld'>;
    actorId: string;
  },
): Promise<ReviewResult> {
  const open = await openMeeting(tx.db, input.teamId, input.meetingId);
  if (!open.ok) return open;
  if (!(await isUnderReview(tx.db, open.meeting, input.recommendationId))) return { ok: false, reason: 'notFound' };
  const result = await reviseRecommendation(tx, deps, {
    teamId: input.teamId,
    recommendationId: input.recommendationId,
    version: input.version,
    addressee: input.addressee,
    text: input.text,
    changeKind: input.changeKind,
    reviewedIn: input.meetingId,
    actorId: input.actorId,
  });
  if (result.ok) {
    announce(tx, deps, input.meetingId, { type: 'contributions', data: null });
    return { ok: true };
  }
  if (result.reason === 'conflict' && result.current) return { ok: false, reason: 'conflict', current: result.current };
  return { ok: false, reason: 'notFound' };
}

/** Only the recommendations of the previous meeting's case are reviewed in a meeting. */
export async function isUnderReview(db: Queryable, meeting: Meeting, recommendationId: string): Promise<boolean> {
  const [previous, recommendation] = await Promise.all([previousMeeting(db, meeting), getRecommendation(db, meeting.teamId, recommendationId)]);
  return previous !== undefined && recommendation !== undefined && recommendation.caseId === previous.caseId;
}

export type { MeetingStatus };

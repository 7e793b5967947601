import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.js';
import { newId } from '../../../platform/auth/tokens.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import { getUsers } from '../../../platform/auth/users.js';
import { listMembers } from '../../teams/teams.service.js';
import { aggregateRankings, type RankedItem } from './ranking.js';
import * as repo from './recommendations.repo.js';
import { ADDRESSEES, isAddressee, RECOMMENDATION_MAX_LENGTH, type Addressee } from '../case-consultation.schemas.js';
import { listRecommendations, originalWordings, type Recommendation } from '../case-consultation.service.js';
import { suggestDuplicates } from './similarity.js';

// Forms

export const TOP_N_DEFAULT = 10;
export const TOP_N_MAX = 50;

/** The wording and addressee of a merged (unique) recommendation. */
export const mergedWordingSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, { message: 'caseRanking.error.textRequired' })
    .max(RECOMMENDATION_MAX_LENGTH, { message: 'caseRanking.error.textTooLong' }),
  addressee: z.enum(ADDRESSEES, { message: 'caseRanking.error.addresseeRequired' }),
});
export type MergedWording = z.infer<typeof mergedWordingSchema>;

export const openRoundSchema = z.object({
  topN: z
    .string({ message: 'caseRanking.error.topNRequired' })
    .trim()
    .min(1, { message: 'caseRanking.error.topNRequired' })
    .regex(/^[0-9]+$/, { message: 'caseRanking.error.topNNumber' })
    .transform(Number)
    .pipe(z.number().int().min(1, { message: 'caseRanking.error.topNRange' }).max(TOP_N_MAX, { message: 'caseRanking.error.topNRange' })),
});

/** All values of a form field that may be sent more than once (ticked checkboxes). */
export function manyValues(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object') return [];
  const value = (body as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** One value of a field as typed; a field sent twice becomes text that is no number, so it is reported, not guessed. */
export function typedValue(body: unknown, name: string): string | undefined {
  if (!body || typeof body !== 'object' || !Object.hasOwn(body, name)) return undefined;
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(',');
  return undefined;
}

// Unique recommendations

export interface UniqueMember {
  readonly recommendationId: string;
  readonly caseId: string;
  readonly caseNumber: number;
  readonly caseTitle: string;
  readonly meetingId: string;
  readonly meetingNumber: number;
  readonly addressee: Addressee;
  /** The current wording of this recommendation. */
  readonly text: string;
  /** The wording it had when it was first written down. */
  readonly originalText: string;
}

export interface UniqueRecommendation {
  readonly groupId: string;
  readonly addressee: Addressee;
  readonly text: string;
  /** Two or more recommendations merged by the facilitator into one wording. */
  readonly merged: boolean;
  readonly mergedById: string | null;
  readonly mergedAt: string | null;
  readonly members: UniqueMember[];
}

const addresseeOrder = (a: Addressee) => ADDRESSEES.indexOf(a);

/** The unique recommendations of a team in addressee order, each with the recommendations it was made from. */
export async function uniqueRecommendations(db: Queryable, teamId: string): Promise<UniqueRecommendation[]> {
  const [groups, recommendations] = await Promise.all([repo.selectGroups(db, teamId), listRecommendations(db, teamId)]);
  const originals = await originalWordings(
    db,
    recommendations.map((r) => r.id),
  );
  const membersOf = new Map<string, { first: number; members: UniqueMember[] }>();
  recommendations.forEach((r: Recommendation, index) => {
    const entry = membersOf.get(r.groupId) ?? { first: index, members: [] };
    entry.members.push({
      recommendationId: r.id,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      caseTitle: r.caseTitle,
      meetingId: r.meetingId,
      meetingNumber: r.meetingNumber,
      addressee: r.addressee,
      text: r.text,
      originalText: originals.get(r.id) ?? r.text,
    });
    membersOf.set(r.groupId, entry);
  });
  const unique: { first: number; item: UniqueRecommendation }[] = [];
  for (const group of groups) {
    const found = membersOf.get(group.id);
    if (!found) continue;
    const addressee: Addressee = isAddressee(group.addressee) ? group.addressee : found.members[0]!.addressee;
    unique.push({
      first: found.first,
      item: {
        groupId: group.id,
        addressee,
        text: group.text ?? found.members[0]!.text,
        merged: group.text !== null || found.members.length > 1,
        mergedById: group.merged_by,
        mergedAt: group.merged_at,
        members: found.members,
      },
    });
  }
  return unique.sort((a, b) => addresseeOrder(a.item.addressee) - addresseeOrder(b.item.addressee) || a.first - b.first).map((u) => u.item);
}

export interface DuplicateGroup {
  /** 0..1: how alike the two most alike wordings are. */
  readonly score: number;
  readonly recommendations: UniqueRecommendation[];
  /** The longest wording, as a start for the merged one. */
  readonly longestText: string;
  readonly addressee: Addressee;
}

/** Unique recommendations that probably say the same thing (same addressee, similar words). Only a suggestion. */
export function duplicateSuggestions(unique: readonly UniqueRecommendation[]): DuplicateGroup[] {
  const byId = new Map(unique.map((u) => [u.groupId, u]));
  return suggestDuplicates(unique.map((u) => ({ id: u.groupId, text: u.text, addressee: u.addressee }))).map((s) => {
    const recommendations = s.ids.map((id) => byId.get(id)!);
    const longestText = recommendations.reduce((longest, r) => (r.text.length > longest.length ? r.text : longest), '');
    return { score: s.score, recommendations, longestText, addressee: recommendations[0]!.addressee };
  });
}

/** Names of people by id (for "merged by", "ranked by"); people whose account is gone are left out. */
export async function namesOf(db: Queryable, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await getUsers(db, wanted)).map((u) => [u.id, u.name]));
}

export type MergeResult = { ok: true; groupId: string } | { ok: false; reason: 'roundOpen' | 'gone' | 'tooFew' | 'noConsultation' };

/**
 * Merges two or more unique recommendations into one with a new wording. Every recommendation they
 * were made from stays (with its case, meeting and history): that is the provenance.
 */
export async function mergeGroups(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; actorId: string; groupIds: readonly string[]; text: string; addressee: Addressee },
): Promise<MergeResult> {
  const groupIds = [...new Set(input.groupIds)];
  if (groupIds.length < 2) return { ok: false, reason: 'tooFew' };
  if (!(await repo.lockConsultation(tx.db, input.teamId))) return { ok: false, reason: 'noConsultation' };
  if (await repo.selectOpenRound(tx.db, input.teamId)) return { ok: false, reason: 'roundOpen' };
  const groups = await repo.selectGroupsByIds(tx.db, input.teamId, groupIds);
  if (groups.length !== groupIds.length) return { ok: false, reason: 'gone' };
  const now = deps.clock().toISOString();
  const groupId = newId();
  await repo.insertGroup(tx.db, {
    id: groupId,
    team_id: input.teamId,
    addressee: input.addressee,
    text: input.text,
    merged_by: input.actorId,
    merged_at: now,
    created_at: groups.map((g) => g.created_at).sort()[0] ?? now,
  });
  await repo.moveRecommendationsToGroup(tx.db, input.teamId, groupIds, groupId);
  await repo.deleteEmptyGroups(tx.db, input.teamId, groupIds);
  return { ok: true, groupId };
}

export type SplitResult = { ok: true; count: number } | { ok: false; reason: 'roundOpen' | 'notFound' | 'notMerged' | 'noConsultation' };

/** Gives every recommendation of a merged unique recommendation its own group again, with its own wording. */
export async function splitGroup(tx: Tx, deps: AppDeps, teamId: string, groupId: string): Promise<SplitResult> {
  if (!(await repo.lockConsultation(tx.db, teamId))) return { ok: false, reason: 'noConsultation' };
  const [group] = await repo.selectGroupsByIds(tx.db, teamId, [groupId]);
  if (!group) return { ok: false, reason: 'notFound' };
  if (await repo.selectOpenRound(tx.db, teamId)) return { ok: false, reason: 'roundOpen' };
  const members = await repo.selectGroupMemberIds(tx.db, teamId, [groupId]);
  if (members.length < 2 && group.text === null) return { ok: false, reason: 'notMerged' };
  const now = deps.clock().toISOString();
  for (const member of members) {
    const own = newId();
    await repo.insertGroup(tx.db, { id: own, team_id: teamId, addressee: member.addressee, text: null, merged_by: null, merged_at: null, created_at: now });
    await repo.setRecommendationGroup(tx.db, teamId, member.id, own);
  }
  await repo.deleteEmptyGroups(tx.db, teamId, [groupId]);
  return { ok: true, count: members.length };
}

export type ChangeGroupResult = { ok: true } | { ok: false; reason: 'notFound' | 'notMerged' };

/** Changes the wording or addressee of a merged unique recommendation (a single one changes through its meeting). */
export async function changeMergedGroup(tx: Tx, teamId: string, groupId: string, wording: MergedWording): Promise<ChangeGroupResult> {
  const [group] = await repo.selectGroupsByIds(tx.db, teamId, [groupId]);
  if (!group) return { ok: false, reason: 'notFound' };
  const members = await repo.selectGroupMemberIds(tx.db, teamId, [groupId]);
  if (members.length < 2 && group.text === null) return { ok: false, reason: 'notMerged' };
  await repo.updateMergedGroup(tx.db, teamId, groupId, { text: wording.text, addressee: wording.addressee });
  return { ok: true };
}

// Ranking rounds

export type RoundStatus = 'open' | 'closed' | 'approved';

export interface Round {
  readonly id: string;
  readonly teamId: string;
  readonly status: RoundStatus;
  readonly topN: number;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly closedById: string | null;
  /** Names of the members who had not ranked when the facilitator closed the round anyway. */
  readonly missingMembers: string[];
  readonly approvedById: string | null;
  readonly approvedByName: string | null;
  readonly approvedAt: string | null;
  /** Group ids of the approved top, best first. */
  readonly approvedOrder: string[] | null;
}

export interface RoundSummary extends Round {
  readonly itemCount: number;
  readonly rankingCount: number;
}

export interface RoundItem {
  readonly groupId: string;
  readonly position: number;
  readonly addressee: Addressee;
  readonly text: string;
}

const idList = z.array(z.string());

function parseIdList(json: string | null): string[] | null {
  if (json === null) return null;
  try {
    const parsed = idList.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toStatus(value: string): RoundStatus {
  return value === 'open' || value === 'approved' ? value : 'closed';
}

type RoundRow = NonNullable<Awaited<ReturnType<typeof repo.selectRound>>>;

function toRound(row: RoundRow): Round {
  return {
    id: row.id,
    teamId: row.team_id,
    status: toStatus(row.status),
    topN: Number(row.top_n),
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    closedById: row.closed_by,
    missingMembers: parseIdList(row.missing_members) ?? [],
    approvedById: row.approved_by,
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at,
    approvedOrder: parseIdList(row.approved_order),
  };
}

export async function listRounds(db: Queryable, teamId: string): Promise<RoundSummary[]> {
  return (await repo.selectRounds(db, teamId)).map((row) => ({
    ...toRound(row),
    itemCount: Number(row.item_count ?? 0),
    rankingCount: Number(row.ranking_count ?? 0),
  }));
}

export async function getRound(db: Queryable, teamId: string, roundId: string): Promise<Round | undefined> {
  const row = await repo.selectRound(db, teamId, roundId);
  return row ? toRound(row) : undefined;
}

export async function openRoundOf(db: Queryable, teamId: string): Promise<Round | undefined> {
  const row = await repo.selectOpenRound(db, teamId);
  return row ? toRound(row) : undefined;
}

export async function roundItems(db: Queryable, roundId: string): Promise<RoundItem[]> {
  return (await repo.selectItems(db, roundId)).map((i) => ({
    groupId: i.group_id,
    position: Number(i.position),
    addressee: isAddressee(i.addressee) ? i.addressee : 'overkoepelend',
    text: i.text,
  }));
}

export type OpenRoundResult = { ok: true; roundId: string } | { ok: false; reason: 'alreadyOpen'; roundId: string } | { ok: false; reason: 'nothingToRank' | 'noConsultation' };

/** Opens a round over a copy of the current unique recommendations; the copy keeps the round stable while people rank. */
export async function openRound(tx: Tx, deps: AppDeps, teamId: string, actorId: string, topN: number): Promise<OpenRoundResult> {
  if (!(await repo.lockConsultation(tx.db, teamId))) return { ok: false, reason: 'noConsultation' };
  const open = await repo.selectOpenRound(tx.db, teamId);
  if (open) return { ok: false, reason: 'alreadyOpen', roundId: open.id };
  const unique = await uniqueRecommendations(tx.db, teamId);
  if (unique.length === 0) return { ok: false, reason: 'nothingToRank' };
  const roundId = newId();
  await repo.insertRound(tx.db, {
    id: roundId,
    team_id: teamId,
    status: 'open',
    top_n: Math.min(topN, unique.length),
    opened_by: actorId,
    opened_at: deps.clock().toISOString(),
    closed_by: null,
    closed_at: null,
    missing_members: null,
    approved_by: null,
    approved_by_name: null,
    approved_at: null,
    approved_order: null,
  });
  await repo.insertItems(
    tx.db,
    unique.map((u, index) => ({ round_id: roundId, group_id: u.groupId, position: index + 1, addressee: u.addressee, text: u.text })),
  );
  return { ok: true, roundId };
}

export interface MemberRanking {
  readonly userId: string;
  readonly submittedAt: string;
  /** Group ids, best first. */
  readonly order: string[];
}

/** Every submitted ranking of a round, each as an ordering of group ids. */
export async function roundRankings(db: Queryable, roundId: string): Promise<MemberRanking[]> {
  const [rankings, entries] = await Promise.all([repo.selectRankings(db, roundId), repo.selectEntries(db, roundId)]);
  const orders = new Map<string, { rank: number; groupId: string }[]>();
  for (const e of entries) orders.set(e.user_id, [...(orders.get(e.user_id) ?? []), { rank: Number(e.rank), groupId: e.group_id }]);
  return rankings.map((r) => ({
    userId: r.user_id,
    submittedAt: r.submitted_at,
    order: (orders.get(r.user_id) ?? []).sort((a, b) => a.rank - b.rank).map((e) => e.groupId),
  }));
}

export async function rankingOf(db: Queryable, roundId: string, userId: string): Promise<MemberRanking | null> {
  const ranking = await repo.selectRanking(db, roundId, userId);
  if (!ranking) return null;
  const entries = await repo.selectEntries(db, roundId, userId);
  return { userId, submittedAt: ranking.submitted_at, order: entries.sort((a, b) => Number(a.rank) - Number(b.rank)).map((e) => e.group_id) };
}

export interface RankingProgress {
  /** Current members who ranked, and people who ranked before they left the team (isMember false). */
  readonly ranked: { userId: string; name: string; submittedAt: string; isMember: boolean }[];
  /** Current members who have not ranked yet. */
  readonly notRanked: { userId: string; name: string }[];
}

export async function rankingProgress(db: Queryable, teamId: string, roundId: string): Promise<RankingProgress> {
  const [members, rankings] = await Promise.all([listMembers(db, teamId), repo.selectRankings(db, roundId)]);
  const memberNames = new Map(members.map((m) => [m.userId, m.name]));
  const formerIds = rankings.map((r) => r.user_id).filter((id) => !memberNames.has(id));
  const formerNames = await namesOf(db, formerIds);
  const rankedIds = new Set(rankings.map((r) => r.user_id));
  return {
    ranked: rankings.map((r) => ({
      userId: r.user_id,
      name: memberNames.get(r.user_id) ?? formerNames.get(r.user_id) ?? '',
      submittedAt: r.submitted_at,
      isMember: memberNames.has(r.user_id),
    })),
    notRanked: members.filter((m) => !rankedIds.has(m.userId)).map((m) => ({ userId: m.userId, name: m.name })),
  };
}

export type SubmitRankingResult =
  | { ok: true; replaced: boolean; unchanged: boolean }
  | { ok: false; reason: 'notFound' | 'notOpen' | 'needsConfirmation' | 'invalid' };

/**
 * Stores a member's ranking (a full ordering of the round's items, checked by the caller with
 * parseRankNumbers). A second ranking replaces the first only when the member confirmed that.
 */
export async function submitRanking(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; roundId: string; userId: string; order: readonly string[]; replace: boolean },
): Promise<SubmitRankingResult> {
  await repo.lockConsultation(tx.db, input.teamId);
  const round = await repo.selectRound(tx.db, input.teamId, input.roundId);
  if (!round) return { ok: false, reason: 'notFound' };
  if (round.status !== 'open') return { ok: false, reason: 'notOpen' };
  const itemIds = (await repo.selectItems(tx.db, input.roundId)).map((i) => i.group_id);
  if (itemIds.length !== input.order.length || new Set(input.order).size !== itemIds.length || !input.order.every((id) => itemIds.includes(id))) {
    return { ok: false, reason: 'invalid' };
  }
  const existing = await rankingOf(tx.db, input.roundId, input.userId);
  if (existing && existing.order.join('\n') === input.order.join('\n')) return { ok: true, replaced: false, unchanged: true };
  if (existing && !input.replace) return { ok: false, reason: 'needsConfirmation' };
  if (existing) await repo.deleteRanking(tx.db, input.roundId, input.userId);
  await repo.insertRanking(
    tx.db,
    input.roundId,
    input.userId,
    deps.clock().toISOString(),
    input.order.map((groupId, index) => ({ round_id: input.roundId, user_id: input.userId, group_id: groupId, rank: index + 1 })),
  );
  return { ok: true, replaced: existing !== null, unchanged: false };
}

export type CloseRoundResult =
  | { ok: true; missingNames: string[] }
  | { ok: false; reason: 'notFound' | 'notOpen' }
  /** Members have not ranked and the facilitator did not (or not for exactly these people) confirm closing without them. */
  | { ok: false; reason: 'missing'; missing: { userId: string; name: string }[] };

/**
 * Closes a round when every current member has ranked, or when the facilitator confirmed closing
 * without the members named on the page (confirmedMissing: their ids); the names are kept with the round.
 */
export async function closeRound(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; roundId: string; actorId: string; confirmedMissing: readonly string[] | null },
): Promise<CloseRoundResult> {
  await repo.lockConsultation(tx.db, input.teamId);
  const round = await repo.selectRound(tx.db, input.teamId, input.roundId);
  if (!round) return { ok: false, reason: 'notFound' };
  if (round.status !== 'open') return { ok: false, reason: 'notOpen' };
  const { notRanked } = await rankingProgress(tx.db, input.teamId, input.roundId);
  const confirmed = new Set(input.confirmedMissing ?? []);
  if (notRanked.length > 0 && (input.confirmedMissing === null || notRanked.some((m) => !confirmed.has(m.userId)))) {
    return { ok: false, reason: 'missing', missing: notRanked };
  }
  const missingNames = notRanked.map((m) => m.name);
  const closed = await repo.closeRound(tx.db, input.roundId, {
    closed_by: input.actorId,
    closed_at: deps.clock().toISOString(),
    missing_members: missingNames.length > 0 ? JSON.stringify(missingNames) : null,
  });
  return closed ? { ok: true, missingNames } : { ok: false, reason: 'notOpen' };
}

// Results

export interface ResultItem extends RankedItem {
  readonly item: RoundItem;
}

export interface RoundResults {
  readonly items: ResultItem[];
  readonly top: ResultItem[];
  readonly tieAtBoundary: boolean;
  /** How many rankings were counted. */
  readonly rankers: number;
}

export async function roundResults(db: Queryable, round: Round): Promise<RoundResults> {
  const [items, rankings] = await Promise.all([roundItems(db, round.id), roundRankings(db, round.id)]);
  const byId = new Map(items.map((i) => [i.groupId, i]));
  const result = aggregateRankings(
    items.map((i) => i.groupId),
    rankings.map((r) => r.order),
    round.topN,
  );
  const withItem = (r: RankedItem): ResultItem => ({ ...r, item: byId.get(r.itemId)! });
  return { items: result.items.map(withItem), top: result.top.map(withItem), tieAtBoundary: result.tieAtBoundary, rankers: rankings.length };
}

export type ApprovalProblem = 'notANumber' | 'outOfRange' | 'repeated';

export type ApprovalCheck =
  | { ok: true; order: string[] }
  | { ok: false; itemProblems: Map<string, ApprovalProblem>; repeatedRanks: number[]; wrongCount: number | null };

/**
 * The facilitator's final top: a place 1..topN for exactly topN items, the other items left empty.
 * wrongCount is the number of items that got a place when that is not topN.
 */
export function parseApproval(itemIds: readonly string[], typed: Readonly<Record<string, string | undefined>>, topN: number): ApprovalCheck {
  const itemProblems = new Map<string, ApprovalProblem>();
  const byRank = new Map<number, string[]>();
  let filled = 0;
  for (const id of itemIds) {
    const text = (typed[id] ?? '').trim();
    if (text === '') continue;
    filled += 1;
    if (!/^[0-9]+$/.test(text)) {
      itemProblems.set(id, 'notANumber');
      continue;
    }
    const rank = Number(text);
    if (rank < 1 || rank > topN) {
      itemProblems.set(id, 'outOfRange');
      continue;
    }
    byRank.set(rank, [...(byRank.get(rank) ?? []), id]);
  }
  const repeatedRanks = [...byRank].filter(([, ids]) => ids.length > 1).map(([rank]) => rank).sort((a, b) => a - b);
  for (const rank of repeatedRanks) for (const id of byRank.get(rank)!) itemProblems.set(id, 'repeated');
  const wrongCount = filled === topN ? null : filled;
  if (itemProblems.size > 0 || wrongCount !== null) return { ok: false, itemProblems, repeatedRanks, wrongCount };
  return { ok: true, order: [...byRank].sort(([a], [b]) => a - b).map(([, ids]) => ids[0]!) };
}

export type ApproveResult = { ok: true } | { ok: false; reason: 'notFound' | 'notClosed' | 'needsConfirmation' | 'invalid' };

/** Records the final top N with who approved it and when; approving again replaces it when confirmed. */
export async function approveTop(
  tx: Tx,
  deps: AppDeps,
  input: { teamId: string; roundId: string; actorId: string; actorName: string; order: readonly string[]; replace: boolean },
): Promise<ApproveResult> {
  await repo.lockConsultation(tx.db, input.teamId);
  const row = await repo.selectRound(tx.db, input.teamId, input.roundId);
  if (!row) return { ok: false, reason: 'notFound' };
  if (row.status === 'open') return { ok: false, reason: 'notClosed' };
  const itemIds = new Set((await repo.selectItems(tx.db, input.roundId)).map((i) => i.group_id));
  if (input.order.length !== Math.min(Number(row.top_n), itemIds.size) || !input.order.every((id) => itemIds.has(id)) || new Set(input.order).size !== input.order.length) {
    return { ok: false, reason: 'invalid' };
  }
  if (row.status === 'approved' && !input.replace) return { ok: false, reason: 'needsConfirmation' };
  const done = await repo.approveRound(tx.db, input.roundId, {
    approved_by: input.actorId,
    approved_by_name: input.actorName,
    approved_at: deps.clock().toISOString(),
    approved_order: JSON.stringify(input.order),
  });
  return done ? { ok: true } : { ok: false, reason: 'notClosed' };
}

// For the outputs (poster and report)

export interface ApprovedTopItem {
  readonly groupId: string;
  /** 1-based place in the approved top. */
  readonly rank: number;
  readonly addressee: Addressee;
  /** The wording as it was when the round opened. */
  readonly text: string;
  /** The item's average place in the members' rankings; null when nobody ranked it. */
  readonly averageRank: number | null;
}

export interface ApprovedTop {
  readonly roundId: string;
  readonly items: ApprovedTopItem[];
  readonly approvedByName: string;
  readonly approvedAt: string;
  /** How many rankings were counted and over how many unique recommendations. */
  readonly rankers: number;
  readonly itemCount: number;
  /** A Dutch sentence on how the top came about, for the poster and report. */
  readonly intro?: string;
}

/** The latest approved top of a team, or null when none has been approved yet. */
export async function approvedTop(db: Queryable, teamId: string): Promise<ApprovedTop | null> {
  const row = await repo.selectLatestApprovedRound(db, teamId);
  if (!row) return null;
  const round = toRound(row);
  const results = await roundResults(db, round);
  const byId = new Map(results.items.map((r) => [r.itemId, r]));
  const items: ApprovedTopItem[] = [];
  for (const groupId of round.approvedOrder ?? []) {
    const found = byId.get(groupId);
    if (!found) continue;
    items.push({
      groupId,
      rank: items.length + 1,
      addressee: found.item.addressee,
      text: found.item.text,
      averageRank: found.rankers > 0 ? found.averageRank : null,
    });
  }
  const approvedByName = round.approvedByName ?? '';
  return {
    roundId: round.id,
    items,
    approvedByName,
    approvedAt: round.approvedAt ?? '',
    rankers: results.rankers,
    itemCount: results.items.length,
    intro:
      `${results.rankers === 1 ? 'Eén teamlid zette' : `${results.rankers} teamleden zetten`} de ${results.items.length} unieke aanbevelingen ` +
      `in volgorde van belangrijkheid. De ${items.length} met de beste gemiddelde plaats zijn daarna besproken en vastgesteld` +
      (approvedByName ? ` door ${approvedByName}.` : '.'),
  };
}

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInPrincipal } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { parseForm, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import type { Translate } from '../../../platform/i18n/i18n.js';
import { getTeam, type Team } from '../../teams/teams.service.js';
import { parseRankNumbers, type RankingProblem } from './ranking.js';
import * as service from './recommendations.service.js';
import {
  GroupPage,
  HistoryPage,
  RecommendationsPage,
  recommendationPaths as paths,
  rankField,
  ReplaceApprovalPage,
  ReplaceRankingPage,
  ResultsPage,
  RoundPage,
  RoundsPage,
  topField,
  type ApprovalFormState,
  type MergeFormState,
  type RoundPageProps,
} from './recommendations.views.js';
import { getRecommendation, isLeader, recommendationHistory } from '../case-consultation.service.js';

type TeamParams = { Params: { teamId: string } };
type RecommendationParams = { Params: { teamId: string; recommendationId: string } };
type GroupParams = { Params: { teamId: string; groupId: string } };
type RoundParams = { Params: { teamId: string; roundId: string } };

const PARTICIPANT = { config: { permission: 'case-consultation.participant' } } as const;
const FACILITATOR = { config: { permission: 'case-consultation.facilitator' } } as const;
/** A too long wording must reach the form's check and come back with what was typed, not stop at the body limit. */
const LONG_TEXT_BODY_LIMIT = 1024 * 1024;
const FACILITATOR_LONG_TEXT = { ...FACILITATOR, bodyLimit: LONG_TEXT_BODY_LIMIT } as const;

function principalOf(request: FastifyRequest): { userId: string; name: string } {
  const { userId, name } = signedInPrincipal(request);
  return { userId, name };
}

/** Puts each message at the first of the given fields that has none yet, so every problem shows once in the summary. */
function addSummary(summary: Record<string, string>, fields: readonly string[], message: string): void {
  const field = fields.find((f) => summary[f] === undefined);
  if (field !== undefined) summary[field] = message;
}

/** Messages at the items and in the summary for a ranking that parseRankNumbers refused. */
function rankingErrors(t: Translate, problems: readonly RankingProblem[], typed: Readonly<Record<string, string | undefined>>, total: number) {
  const errors: Record<string, string> = {};
  const summary: Record<string, string> = {};
  for (const problem of problems) {
    switch (problem.kind) {
      case 'missing': {
        const fields = problem.itemIds.map(rankField);
        for (const f of fields) errors[f] = t('caseRanking.error.rankMissing');
        const count = problem.itemIds.length;
        addSummary(summary, fields, count === 1 ? t('caseRanking.error.summaryMissingOne') : t('caseRanking.error.summaryMissing', { count }));
        break;
      }
      case 'notANumber': {
        const fields = problem.itemIds.map(rankField);
        for (const f of fields) errors[f] = t('caseRanking.error.rankNotANumber');
        addSummary(summary, fields, t('caseRanking.error.summaryNotANumber'));
        break;
      }
      case 'outOfRange': {
        const fields = problem.itemIds.map(rankField);
        for (const f of fields) errors[f] = t('caseRanking.error.rankOutOfRange', { total });
        addSummary(summary, fields, t('caseRanking.error.summaryOutOfRange', { total }));
        break;
      }
      case 'repeated': {
        const fields: string[] = [];
        for (const rank of problem.ranks) {
          for (const [id, value] of Object.entries(typed)) {
            if (value !== undefined && /^-?[0-9]+$/.test(value.trim()) && Number(value.trim()) === rank) {
              errors[rankField(id)] = t('caseRanking.error.rankRepeated', { rank });
              fields.push(rankField(id));
            }
          }
        }
        addSummary(summary, fields, t('caseRanking.error.summaryRepeated', { ranks: problem.ranks.join(', ') }));
        break;
      }
      default:
        // Unknown or duplicate items cannot come from parseRankNumbers over the round's own items.
        break;
    }
  }
  return { errors, summary };
}

function approvalErrors(t: Translate, check: Extract<service.ApprovalCheck, { ok: false }>, itemIds: readonly string[], typed: Readonly<Record<string, string | undefined>>, top: number) {
  const errors: Record<string, string> = {};
  const summary: Record<string, string> = {};
  const byKind = new Map<service.ApprovalProblem, string[]>();
  for (const id of itemIds) {
    const problem = check.itemProblems.get(id);
    if (!problem) continue;
    const field = topField(id);
    byKind.set(problem, [...(byKind.get(problem) ?? []), field]);
    errors[field] =
      problem === 'notANumber'
        ? t('caseRanking.error.topPlaceNotANumber')
        : problem === 'outOfRange'
          ? t('caseRanking.error.topPlaceOutOfRange', { top })
          : t('caseRanking.error.topPlaceRepeated', { rank: (typed[id] ?? '').trim() });
  }
  if (check.wrongCount !== null) addSummary(summary, itemIds.map(topField), t('caseRanking.error.topCount', { top, count: check.wrongCount }));
  for (const [, fields] of byKind) addSummary(summary, fields, errors[fields[0]!]!);
  return { errors, summary };
}

export const caseRecommendationRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  async function teamOf(request: FastifyRequest<TeamParams>): Promise<Team | undefined> {
    return getTeam(db, request.params.teamId);
  }

  async function facilitates(request: FastifyRequest<TeamParams>): Promise<boolean> {
    return isLeader(db, request.params.teamId, principalOf(request).userId);
  }

  // Consolidation

  async function renderRecommendations(
    request: FastifyRequest<TeamParams>,
    reply: FastifyReply,
    team: Team,
    options: { merge?: MergeFormState; mergeErrors?: FieldErrorKeys; formError?: Parameters<Translate>[0]; status?: number; chosen?: readonly string[] } = {},
  ) {
    const [facilitator, unique, openRound] = await Promise.all([facilitates(request), service.uniqueRecommendations(db, team.id), service.openRoundOf(db, team.id)]);
    const suggestions = facilitator && !openRound && unique.length > 1 ? service.duplicateSuggestions(unique) : [];
    const names = await service.namesOf(
      db,
      unique.map((u) => u.mergedById),
    );
    let merge: MergeFormState = options.merge ?? { selected: [] };
    if (!options.merge && options.chosen && options.chosen.length > 0) {
      // Opened from a suggestion: the chosen ones ticked, the longest wording as a start.
      const chosen = unique.filter((u) => options.chosen!.includes(u.groupId));
      const longest = chosen.reduce((l, u) => (u.text.length > l.length ? u.text : l), '');
      const addressees = new Set(chosen.map((u) => u.addressee));
      merge = { selected: chosen.map((u) => u.groupId), values: { text: longest, addressee: addressees.size === 1 ? chosen[0]!.addressee : '' } };
    }
    const totalRecommendations = unique.reduce((sum, u) => sum + u.members.length, 0);
    return sendPage(
      request,
      reply,
      (ctx) =>
        RecommendationsPage({
          ctx,
          team,
          unique,
          totalRecommendations,
          isFacilitator: facilitator,
          openRound,
          suggestions,
          names,
          merge: options.mergeErrors ? { ...merge, errors: translateErrors(ctx.t, options.mergeErrors) } : merge,
          formError: options.formError ? ctx.t(options.formError) : undefined,
        }),
      options.status ?? 200,
    );
  }

  app.get<TeamParams>('/casusoverleg/teams/:teamId/aanbevelingen', PARTICIPANT, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const chosen = service.manyValues(request.query, 'kies');
    return renderRecommendations(request, reply, team, { chosen });
  });

  app.get<RecommendationParams>('/casusoverleg/teams/:teamId/aanbevelingen/:recommendationId/geschiedenis', PARTICIPANT, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const recommendation = await getRecommendation(db, team.id, request.params.recommendationId);
    if (!recommendation) return reply.callNotFound();
    const [history, unique] = await Promise.all([recommendationHistory(db, recommendation.id), service.uniqueRecommendations(db, team.id)]);
    const group = unique.find((u) => u.groupId === recommendation.groupId);
    return sendPage(request, reply, (ctx) => HistoryPage({ ctx, team, recommendation, history, mergedInto: group?.merged ? group : undefined }));
  });

  app.post<TeamParams>('/casusoverleg/teams/:teamId/aanbevelingen/samenvoegen', FACILITATOR_LONG_TEXT, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const groupIds = [...new Set(service.manyValues(request.body, 'groupIds'))];
    const form = parseForm(service.mergedWordingSchema, request.body);
    const merge: MergeFormState = { values: form.values, selected: groupIds };
    const errors: FieldErrorKeys = form.ok ? {} : { ...form.errors };
    if (groupIds.length < 2) errors.groupIds = 'caseRanking.error.chooseTwo';
    const ordered: FieldErrorKeys = {};
    for (const field of ['groupIds', 'text', 'addressee']) if (errors[field]) ordered[field] = errors[field];
    if (!form.ok || Object.keys(ordered).length > 0) return renderRecommendations(request, reply, team, { merge, mergeErrors: ordered, status: 422 });
    const { text, addressee } = form.data;
    const actor = principalOf(request);
    const result = await inTransaction(deps, (tx) => service.mergeGroups(tx, deps, { teamId: team.id, actorId: actor.userId, groupIds, text, addressee }));
    if (result.ok) return redirectAfterPost(reply, `${paths.recommendations(team.id)}#aanbeveling-${result.groupId}`, 'caseRanking.merge.done');
    switch (result.reason) {
      case 'roundOpen':
        return renderRecommendations(request, reply, team, { merge, mergeErrors: {}, formError: 'caseRanking.error.roundOpenMerge', status: 409 });
      case 'gone':
        return renderRecommendations(request, reply, team, { merge, mergeErrors: { groupIds: 'caseRanking.error.gone' }, status: 409 });
      case 'tooFew':
        return renderRecommendations(request, reply, team, { merge, mergeErrors: { groupIds: 'caseRanking.error.chooseTwo' }, status: 422 });
      default:
        return reply.callNotFound();
    }
  });

  async function mergedGroupOf(teamId: string, groupId: string) {
    const unique = await service.uniqueRecommendations(db, teamId);
    const group = unique.find((u) => u.groupId === groupId);
    return group?.merged ? group : undefined;
  }

  async function renderGroup(
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
    team: Team,
    group: service.UniqueRecommendation,
    state: { values?: Record<string, string>; errors?: FieldErrorKeys; formError?: Parameters<Translate>[0] } = {},
    status = 200,
  ) {
    const [names, openRound] = await Promise.all([service.namesOf(db, [group.mergedById]), service.openRoundOf(db, team.id)]);
    return sendPage(
      request,
      reply,
      (ctx) =>
        GroupPage({
          ctx,
          team,
          group,
          names,
          openRound,
          values: state.values,
          errors: state.errors ? translateErrors(ctx.t, state.errors) : undefined,
          formError: state.formError ? ctx.t(state.formError) : undefined,
        }),
      status,
    );
  }

  app.get<GroupParams>('/casusoverleg/teams/:teamId/aanbevelingen/groepen/:groupId', FACILITATOR, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const group = await mergedGroupOf(team.id, request.params.groupId);
    if (!group) return reply.callNotFound();
    return renderGroup(request, reply, team, group);
  });

  app.post<GroupParams>('/casusoverleg/teams/:teamId/aanbevelingen/groepen/:groupId', FACILITATOR_LONG_TEXT, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const group = await mergedGroupOf(team.id, request.params.groupId);
    if (!group) return reply.callNotFound();
    const form = parseForm(service.mergedWordingSchema, request.body);
    if (!form.ok) return renderGroup(request, reply, team, group, { values: form.values, errors: form.errors }, 422);
    const wording = form.data;
    const result = await inTransaction(deps, (tx) => service.changeMergedGroup(tx, team.id, group.groupId, wording));
    if (!result.ok) return reply.callNotFound();
    return redirectAfterPost(reply, `${paths.recommendations(team.id)}#aanbeveling-${group.groupId}`, 'caseRanking.group.saved');
  });

  app.post<GroupParams>('/casusoverleg/teams/:teamId/aanbevelingen/groepen/:groupId/splitsen', FACILITATOR, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const groupId = request.params.groupId;
    const result = await inTransaction(deps, (tx) => service.splitGroup(tx, deps, team.id, groupId));
    if (result.ok) return redirectAfterPost(reply, paths.recommendations(team.id), 'caseRanking.group.splitDone');
    if (result.reason === 'roundOpen') {
      const group = await mergedGroupOf(team.id, groupId);
      if (group) return renderGroup(request, reply, team, group, { formError: 'caseRanking.error.roundOpenSplit' }, 409);
    }
    return reply.callNotFound();
  });

  // Ranking rounds

  async function renderRounds(
    request: FastifyRequest<TeamParams>,
    reply: FastifyReply,
    team: Team,
    state: { values?: Record<string, string>; errors?: FieldErrorKeys; formError?: Parameters<Translate>[0] } = {},
    status = 200,
  ) {
    const [rounds, facilitator, unique] = await Promise.all([service.listRounds(db, team.id), facilitates(request), service.uniqueRecommendations(db, team.id)]);
    return sendPage(
      request,
      reply,
      (ctx) =>
        RoundsPage({
          ctx,
          team,
          rounds,
          isFacilitator: facilitator,
          uniqueCount: unique.length,
          values: state.values,
          errors: state.errors ? translateErrors(ctx.t, state.errors) : undefined,
          formError: state.formError ? ctx.t(state.formError) : undefined,
        }),
      status,
    );
  }

  app.get<TeamParams>('/casusoverleg/teams/:teamId/rangorde', PARTICIPANT, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    return renderRounds(request, reply, team);
  });

  app.post<TeamParams>('/casusoverleg/teams/:teamId/rangorde', FACILITATOR, async (request, reply) => {
    const team = await teamOf(request);
    if (!team) return reply.callNotFound();
    const form = parseForm(service.openRoundSchema, request.body);
    if (!form.ok) return renderRounds(request, reply, team, { values: form.values, errors: form.errors }, 422);
    const topN = form.data.topN;
    const result = await inTransaction(deps, (tx) => service.openRound(tx, deps, team.id, principalOf(request).userId, topN));
    if (result.ok) return redirectAfterPost(reply, paths.round(team.id, result.roundId), 'caseRanking.rounds.opened');
    if (result.reason === 'noConsultation') return reply.callNotFound();
    return renderRounds(
      request,
      reply,
      team,
      { values: form.values, formError: result.reason === 'alreadyOpen' ? 'caseRanking.error.alreadyOpen' : 'caseRanking.error.nothingToRank' },
      409,
    );
  });

  type RoundExtras = Pick<RoundPageProps, 'rank' | 'close' | 'lateOrder'> & { formError?: Parameters<Translate>[0] };

  async function renderRound(request: FastifyRequest<RoundParams>, reply: FastifyReply, team: Team, round: service.Round, extras: RoundExtras = {}, status = 200) {
    const userId = principalOf(request).userId;
    const [items, myRanking, progress, facilitator, names] = await Promise.all([
      service.roundItems(db, round.id),
      service.rankingOf(db, round.id, userId),
      service.rankingProgress(db, team.id, round.id),
      facilitates(request),
      service.namesOf(db, [round.closedById]),
    ]);
    return sendPage(
      request,
      reply,
      (ctx) =>
        RoundPage({
          ctx,
          team,
          round,
          items,
          isFacilitator: facilitator,
          myRanking,
          progress,
          closedByName: (round.closedById && names.get(round.closedById)) || null,
          rank: extras.rank,
          close: extras.close,
          lateOrder: extras.lateOrder,
          formError: extras.formError ? ctx.t(extras.formError) : undefined,
        }),
      status,
    );
  }

  async function roundOf(request: FastifyRequest<RoundParams>): Promise<{ team: Team; round: service.Round } | undefined> {
    const team = await teamOf(request);
    if (!team) return undefined;
    const round = await service.getRound(db, team.id, request.params.roundId);
    return round ? { team, round } : undefined;
  }

  app.get<RoundParams>('/casusoverleg/teams/:teamId/rangorde/:roundId', PARTICIPANT, async (request, reply) => {
    const found = await roundOf(request);
    if (!found) return reply.callNotFound();
    return renderRound(request, reply, found.team, found.round);
  });

  app.post<RoundParams>('/casusoverleg/teams/:teamId/rangorde/:roundId/mijn-rangorde', PARTICIPANT, async (request, reply) => {
    const found = await roundOf(request);
    if (!found) return reply.callNotFound();
    const { team, round } = found;
    const items = await service.roundItems(db, round.id);
    const itemIds = items.map((i) => i.groupId);
    const typed: Record<string, string | undefined> = {};
    const values: Record<string, string> = {};
    for (const id of itemIds) {
      typed[id] = service.typedValue(request.body, rankField(id));
      values[rankField(id)] = typed[id] ?? '';
    }
    const answer = service.typedValue(request.body, 'bevestigd');
    const check = parseRankNumbers(itemIds, typed);
    const refusedAsClosed = () =>
      renderRound(request, reply, team, round, { formError: 'caseRanking.error.notOpen', lateOrder: check.ok ? check.order : undefined }, 409);
    if (round.status !== 'open') return refusedAsClosed();
    if (!check.ok) {
      const { errors, summary } = rankingErrors(request.t, check.problems, typed, itemIds.length);
      return renderRound(request, reply, team, round, { rank: { values, errors, summary } }, 422);
    }
    if (answer === 'aanpassen') return renderRound(request, reply, team, round, { rank: { values, errors: {}, summary: {} } });
    const userId = principalOf(request).userId;
    const order = check.order;
    const result = await inTransaction(deps, (tx) => service.submitRanking(tx, deps, { teamId: team.id, roundId: round.id, userId, order, replace: answer === 'ja' }));
    if (result.ok) {
      const flash = result.unchanged ? 'caseRanking.round.unchanged' : result.replaced ? 'caseRanking.round.replaced' : 'caseRanking.round.saved';
      return redirectAfterPost(reply, paths.round(team.id, round.id), flash);
    }
    switch (result.reason) {
      case 'needsConfirmation': {
        const previous = await service.rankingOf(db, round.id, userId);
        if (!previous) return renderRound(request, reply, team, round, { rank: { values, errors: {}, summary: {} } }, 409);
        return sendPage(request, reply, (ctx) => ReplaceRankingPage({ ctx, team, round, items, previous, next: order }));
      }
      case 'notOpen':
        return refusedAsClosed();
      case 'invalid':
        return renderRound(request, reply, team, round, { rank: { values, errors: {}, summary: {} }, formError: 'caseRanking.error.rankingChanged' }, 409);
      default:
        return reply.callNotFound();
    }
  });

  app.post<RoundParams>('/casusoverleg/teams/:teamId/rangorde/:roundId/sluiten', FACILITATOR, async (request, reply) => {
    const found = await roundOf(request);
    if (!found) return reply.callNotFound();
    const { team, round } = found;
    const confirmed = service.typedValue(request.body, 'closeWithout') === 'ja';
    const seenMissing = (service.typedValue(request.body, 'missing') ?? '').split(',').filter((id) => id !== '');
    const result = await inTransaction(deps, (tx) =>
      service.closeRound(tx, deps, { teamId: team.id, roundId: round.id, actorId: principalOf(request).userId, confirmedMissing: confirmed ? seenMissing : null }),
    );
    if (result.ok) return redirectAfterPost(reply, paths.results(team.id, round.id), 'caseRanking.round.closed');
    switch (result.reason) {
      case 'missing':
        return confirmed
          ? renderRound(request, reply, team, round, { close: { error: request.t('caseRanking.error.closeChanged') } }, 409)
          : renderRound(request, reply, team, round, { close: { error: request.t('caseRanking.error.closeConfirm') } }, 422);
      case 'notOpen':
        return reply.code(303).redirect(paths.results(team.id, round.id));
      default:
        return reply.callNotFound();
    }
  });

  // Results and approval

  async function renderResults(
    request: FastifyRequest<RoundParams>,
    reply: FastifyReply,
    team: Team,
    round: service.Round,
    extras: { approval?: ApprovalFormState; formError?: Parameters<Translate>[0] } = {},
    status = 200,
  ) {
    const [results, facilitator, names] = await Promise.all([service.roundResults(db, round), facilitates(request), service.namesOf(db, [round.closedById])]);
    return sendPage(
      request,
      reply,
      (ctx) =>
        ResultsPage({
          ctx,
          team,
          round,
          results,
          closedByName: (round.closedById && names.get(round.closedById)) || null,
          isFacilitator: facilitator,
          approval: extras.approval,
          formError: extras.formError ? ctx.t(extras.formError) : undefined,
        }),
      status,
    );
  }

  app.get<RoundParams>('/casusoverleg/teams/:teamId/rangorde/:roundId/uitslag', PARTICIPANT, async (request, reply) => {
    const found = await roundOf(request);
    if (!found) return reply.callNotFound();
    if (found.round.status === 'open') return redirectAfterPost(reply, paths.round(found.team.id, found.round.id), 'caseRanking.results.notYet');
    return renderResults(request, reply, found.team, found.round);
  });

  app.post<RoundParams>('/casusoverleg/teams/:teamId/rangorde/:roundId/vaststellen', FACILITATOR, async (request, reply) => {
    const found = await roundOf(request);
    if (!found) return reply.callNotFound();
    const { team, round } = found;
    if (round.status === 'open') return redirectAfterPost(reply, paths.round(team.id, round.id), 'caseRanking.error.notClosed');
    const results = await service.roundResults(db, round);
    const itemIds = results.items.map((r) => r.itemId);
    const typed: Record<string, string | undefined> = {};
    const values: Record<string, string> = {};
    for (const id of itemIds) {
      typed[id] = service.typedValue(request.body, topField(id));
      values[topField(id)] = typed[id] ?? '';
    }
    if (results.rankers === 0) return renderResults(request, reply, team, round, { formError: 'caseRanking.results.noRankings' }, 409);
    const check = service.parseApproval(itemIds, typed, round.topN);
    if (!check.ok) {
      const { errors, summary } = approvalErrors(request.t, check, itemIds, typed, round.topN);
      return renderResults(request, reply, team, round, { approval: { values, errors, summary } }, 422);
    }
    const answer = service.typedValue(request.body, 'bevestigd');
    if (answer === 'aanpassen') return renderResults(request, reply, team, round, { approval: { values, errors: {}, summary: {} } });
    const actor = principalOf(request);
    const order = check.order;
    const result = await inTransaction(deps, (tx) =>
      service.approveTop(tx, deps, { teamId: team.id, roundId: round.id, actorId: actor.userId, actorName: actor.name, order, replace: answer === 'ja' }),
    );
    if (result.ok) return redirectAfterPost(reply, `${paths.results(team.id, round.id)}#vastgestelde-top`, 'caseRanking.approve.done');
    switch (result.reason) {
      case 'needsConfirmation': {
        const items = results.items.map((r) => r.item);
        return sendPage(request, reply, (ctx) => ReplaceApprovalPage({ ctx, team, round, items, next: order }));
      }
      case 'notClosed':
        return redirectAfterPost(reply, paths.round(team.id, round.id), 'caseRanking.error.notClosed');
      case 'invalid':
        return renderResults(request, reply, team, round, { approval: { values, errors: {}, summary: {} }, formError: 'caseRanking.error.rankingChanged' }, 409);
      default:
        return reply.callNotFound();
    }
  });
};

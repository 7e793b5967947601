import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInPrincipal } from '../../platform/auth/principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { parseForm, translateErrors } from '../../platform/http/forms.js';
import { sendError } from '../../platform/http/platform.js';
import { redirectAfterPost, sendPage } from '../../platform/http/render.js';
import { getTeam, isFacilitator, listMembers, listTeamsOfUser } from '../teams/teams.service.js';
import { findIdentifyingData } from './case-consultation.identifying-data.js';
import { defineCasePermissions, teamHomePath } from './case-consultation.permissions.js';
import { caseSchema, themeSchema, type CaseInput } from './case-consultation.schemas.js';
import * as service from './case-consultation.service.js';
import {
  AccessLogPage,
  CaseFormPage,
  CasePage,
  caseFormValues,
  casePath,
  DeleteCasePage,
  OverviewPage,
  TeamHomePage,
  type TeamHomeProps,
} from './case-consultation.views.js';
import { caseMeetingRoutes } from './meetings/meetings.routes.js';
import { caseRecommendationRoutes } from './recommendations/recommendations.routes.js';
import { caseOutputRoutes } from './outputs/outputs.routes.js';
import { caseExampleRoutes } from './outputs/example.routes.js';

type TeamParams = { Params: { teamId: string } };
type CaseParams = { Params: { teamId: string; caseId: string } };

function viewer(request: FastifyRequest): { userId: string; name: string; twoFactorEnabled: boolean } {
  const { userId, name, twoFactorEnabled } = signedInPrincipal(request);
  return { userId, name, twoFactorEnabled };
}

/** Identifying data found in a case form; the bringer must change it or confirm having checked it. */
function identifyingHits(input: CaseInput) {
  return findIdentifyingData(Object.fromEntries(Object.entries(input)));
}

export const caseConsultationRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;
  defineCasePermissions(deps);

  const teamOr404 = async (request: FastifyRequest<TeamParams>, reply: FastifyReply) => {
    const team = await getTeam(db, request.params.teamId);
    if (!team) sendError(request, reply, 404);
    return team;
  };

  const sendTeamHome = async (request: FastifyRequest<TeamParams>, reply: FastifyReply, themeForm?: TeamHomeProps['themeForm'], status = 200) => {
    const team = await teamOr404(request, reply);
    if (!team) return reply;
    const me = viewer(request);
    const [consultation, facilitator] = await Promise.all([service.getConsultation(db, team.id), isFacilitator(db, team.id, me.userId)]);
    // Case titles are shown only to those who may open the cases.
    const cases = consultation && me.twoFactorEnabled ? await service.listCases(db, team.id) : [];
    return sendPage(
      request,
      reply,
      (ctx) => TeamHomePage({ ctx, props: { team, consultation, isFacilitator: facilitator, twoFactorEnabled: me.twoFactorEnabled, cases, themeForm } }),
      status,
    );
  };

  app.get('/casusoverleg', { config: { permission: 'public' } }, async (request, reply) => {
    const principal = request.principal;
    if (!principal) return sendPage(request, reply, (ctx) => OverviewPage({ ctx, teams: null }));
    const teams = await listTeamsOfUser(db, principal.userId);
    const rows = await Promise.all(teams.map(async (team) => ({ team, enabled: (await service.getConsultation(db, team.id)) !== undefined })));
    return sendPage(request, reply, (ctx) => OverviewPage({ ctx, teams: rows }));
  });

  app.get<TeamParams>('/casusoverleg/teams/:teamId', { config: { permission: 'case-consultation.team-member' } }, (request, reply) =>
    sendTeamHome(request, reply),
  );

  app.post<TeamParams>('/casusoverleg/teams/:teamId/aanzetten', { config: { permission: 'case-consultation.can-enable' } }, async (request, reply) => {
    const parsed = parseForm(themeSchema, request.body);
    if (!parsed.ok) return sendTeamHome(request, reply, { values: parsed.values, errors: translateErrors(request.t, parsed.errors) }, 422);
    await inTransaction(deps, (tx) => service.enableConsultation(tx, deps, request.params.teamId, viewer(request).userId, parsed.data.theme));
    return redirectAfterPost(reply, teamHomePath(request.params.teamId), 'caseConsultation.team.enabled');
  });

  app.post<TeamParams>('/casusoverleg/teams/:teamId/thema', { config: { permission: 'case-consultation.facilitator' } }, async (request, reply) => {
    const parsed = parseForm(themeSchema, request.body);
    if (!parsed.ok) return sendTeamHome(request, reply, { values: parsed.values, errors: translateErrors(request.t, parsed.errors) }, 422);
    await inTransaction(deps, (tx) => service.changeTheme(tx, request.params.teamId, parsed.data.theme));
    return redirectAfterPost(reply, teamHomePath(request.params.teamId), 'caseConsultation.team.themeSaved');
  });

  // Cases

  app.get<TeamParams>('/casusoverleg/teams/:teamId/casussen/nieuw', { config: { permission: 'case-consultation.participant' } }, async (request, reply) => {
    const team = await teamOr404(request, reply);
    if (!team) return reply;
    return sendPage(request, reply, (ctx) => CaseFormPage({ ctx, props: { team, state: {}, hits: [] } }));
  });

  /** Validates a case form; returns the input when it may be saved, or sends the form back. */
  const checkCaseForm = async (
    request: FastifyRequest<TeamParams>,
    reply: FastifyReply,
    team: { id: string; name: string },
    existing?: Pick<service.Case, 'id' | 'number' | 'version'>,
  ): Promise<{ input: CaseInput; confirmed: boolean } | undefined> => {
    const parsed = parseForm(caseSchema, request.body);
    if (!parsed.ok) {
      const hits = findIdentifyingData(parsed.values);
      sendPage(
        request,
        reply,
        (ctx) => CaseFormPage({ ctx, props: { team, existing, state: { values: parsed.values, errors: translateErrors(request.t, parsed.errors) }, hits } }),
        422,
      );
      return undefined;
    }
    const hits = identifyingHits(parsed.data);
    const confirmed = parsed.values.confirmIdentifying === 'ja';
    if (hits.length > 0 && !confirmed) {
      // The first time the warning is news, not an error; coming back with it unconfirmed, it is.
      const errors = parsed.values.warned === 'ja' ? { confirmIdentifying: request.t('caseConsultation.error.confirmIdentifying') } : undefined;
      sendPage(request, reply, (ctx) => CaseFormPage({ ctx, props: { team, existing, state: { values: parsed.values, errors }, hits } }), 422);
      return undefined;
    }
    return { input: parsed.data, confirmed: hits.length > 0 };
  };

  app.post<TeamParams>('/casusoverleg/teams/:teamId/casussen', { config: { permission: 'case-consultation.participant' } }, async (request, reply) => {
    const team = await teamOr404(request, reply);
    if (!team) return reply;
    const checked = await checkCaseForm(request, reply, team);
    if (!checked) return reply;
    const me = viewer(request);
    const created = await inTransaction(deps, async (tx) => {
      const c = await service.createCase(tx, deps, team.id, me.userId, checked.input, checked.confirmed);
      await service.logCaseAccess(tx.db, deps, { teamId: team.id, cases: [c], userId: me.userId, userName: me.name, action: 'bewerkt' });
      return c;
    });
    return redirectAfterPost(reply, casePath(team.id, created.id), 'caseConsultation.case.saved');
  });

  const loadCase = async (request: FastifyRequest<CaseParams>, reply: FastifyReply) => {
    const [team, found] = await Promise.all([getTeam(db, request.params.teamId), service.getCase(db, request.params.teamId, request.params.caseId)]);
    if (!team || !found) {
      sendError(request, reply, 404);
      return undefined;
    }
    return { team, found };
  };

  /** The person who brought a case in and the facilitator may change or delete it. */
  const mayChange = async (teamId: string, found: service.Case, userId: string) => found.broughtBy === userId || isFacilitator(db, teamId, userId);

  app.get<CaseParams>('/casusoverleg/teams/:teamId/casussen/:caseId', { config: { permission: 'case-consultation.participant' } }, async (request, reply) => {
    const loaded = await loadCase(request, reply);
    if (!loaded) return reply;
    const { team, found } = loaded;
    const me = viewer(request);
    await service.logCaseAccess(db, deps, { teamId: team.id, cases: [found], userId: me.userId, userName: me.name, action: 'bekeken' });
    const members = await listMembers(db, team.id);
    const broughtByName = members.find((m) => m.userId === found.broughtBy)?.name ?? null;
    const canChange = await mayChange(team.id, found, me.userId);
    return sendPage(request, reply, (ctx) => CasePage({ ctx, team, value: found, broughtByName, canChange }));
  });

  app.get<CaseParams>('/casusoverleg/teams/:teamId/casussen/:caseId/bewerken', { config: { permission: 'case-consultation.participant' } }, async (request, reply) => {
    const loaded = await loadCase(request, reply);
    if (!loaded) return reply;
    const { team, found } = loaded;
    const me = viewer(request);
    if (!(await mayChange(team.id, found, me.userId))) return sendError(request, reply, 403);
    await service.logCaseAccess(db, deps, { teamId: team.id, cases: [found], userId: me.userId, userName: me.name, action: 'bekeken' });
    return sendPage(request, reply, (ctx) => CaseFormPage({ ctx, props: { team, existing: found, state: { values: caseFormValues(found) }, hits: [] } }));
  });

  app.post<CaseParams>('/casusoverleg/teams/:teamId/casussen/:caseId', { config: { permission: 'case-consultation.participant' } }, async (request, reply) => {
    const loaded = await loadCase(request, reply);
    if (!loaded) return reply;
    const { team, found } = loaded;
    const me = viewer(request);
    if (!(await mayChange(team.id, found, me.userId))) return sendError(request, reply, 403);
    const version = Number((request.body as Record<string, unknown> | undefined)?.version);
    const existing = { id: found.id, number: found.number, version: Number.isInteger(version) ? version : found.version };
    const checked = await checkCaseForm(request, reply, team, existing);
    if (!checked) return reply;
    const result = await inTransaction(deps, async (tx) => {
      const outcome = await service.updateCase(tx, deps, team.id, found.id, existing.version, checked.input, checked.confirmed);
      if (outcome.ok) await service.logCaseAccess(tx.db, deps, { teamId: team.id, cases: [found], userId: me.userId, userName: me.name, action: 'bewerkt' });
      return outcome;
    });
    if (result.ok) return redirectAfterPost(reply, casePath(team.id, found.id), 'caseConsultation.case.saved');
    if (result.reason === 'notFound') return sendError(request, reply, 404);
    // Someone else saved first: the form comes back with this person's text and the newest version number.
    const values = { ...(request.body as Record<string, string>) };
    return sendPage(
      request,
      reply,
      (ctx) => CaseFormPage({ ctx, props: { team, existing: { ...existing, version: found.version }, state: { values }, hits: [], conflict: true } }),
      409,
    );
  });

  app.get<CaseParams>('/casusoverleg/teams/:teamId/casussen/:caseId/verwijderen', { config: { permission: 'case-consultation.participant' } }, async (request, reply) => {
    const loaded = await loadCase(request, reply);
    if (!loaded) return reply;
    const { team, found } = loaded;
    if (!(await mayChange(team.id, found, viewer(request).userId))) return sendError(request, reply, 403);
    return sendPage(request, reply, (ctx) => DeleteCasePage({ ctx, team, value: found }));
  });

  app.post<CaseParams>('/casusoverleg/teams/:teamId/casussen/:caseId/verwijderen', { config: { permission: 'case-consultation.participant' } }, async (request, reply) => {
    const loaded = await loadCase(request, reply);
    if (!loaded) return reply;
    const { team, found } = loaded;
    const me = viewer(request);
    if (!(await mayChange(team.id, found, me.userId))) return sendError(request, reply, 403);
    await inTransaction(deps, async (tx) => {
      await service.logCaseAccess(tx.db, deps, { teamId: team.id, cases: [found], userId: me.userId, userName: me.name, action: 'verwijderd' });
      await service.deleteCase(tx, team.id, found.id);
    });
    return redirectAfterPost(reply, teamHomePath(team.id), 'caseConsultation.case.deleted');
  });

  // Access log (facilitator only)

  app.get<TeamParams & { Querystring: { pagina?: string } }>(
    '/casusoverleg/teams/:teamId/toegangslog',
    { config: { permission: 'case-consultation.facilitator' } },
    async (request, reply) => {
      const team = await teamOr404(request, reply);
      if (!team) return reply;
      const requested = Number.parseInt(request.query.pagina ?? '1', 10);
      const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
      const { entries, total } = await service.accessLog(db, team.id, page);
      const pageCount = Math.max(1, Math.ceil(total / service.ACCESS_LOG_PAGE_SIZE));
      return sendPage(request, reply, (ctx) => AccessLogPage({ ctx, team, entries, page, pageCount }));
    },
  );

  // The consultation's parts, after the case permissions they all rely on.
  await app.register(caseMeetingRoutes);
  await app.register(caseRecommendationRoutes);
  await app.register(caseOutputRoutes);
  await app.register(caseExampleRoutes);
};

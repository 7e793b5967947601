import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInPrincipal } from '../../platform/auth/principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { parseForm, problemsToErrors, translateErrors, type FieldErrorKeys } from '../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../platform/http/render.js';
import { theBook } from '../book/book.service.js';
import { agendaSummaries } from './agenda/agenda.service.js';
import { dutchToday } from '../../platform/time/dutch-calendar.js';
import { listTeamsOfUser } from '../teams/teams.service.js';
import { chainPhases, roleCoverage } from './workbook.roles.js';
import {
  ANSWER_FORM_BODY_LIMIT,
  answerFieldName,
  createWorkspaceSchema,
  inviteToWorkspaceSchema,
  isFieldKey,
  versionFieldName,
} from './workbook.schemas.js';
import * as service from './workbook.service.js';
import {
  ADOPTED_DREAM_KEY,
  ATTACHED_STORIES_KEY,
  COLLABORATION_STEPS,
  contextOrganisations,
  isStepSlug,
  MMM_STEPS,
  progressFieldKeys,
  stepFieldKeys,
  workbookStep,
  type StepSlug,
  type WorkbookStep,
} from './workbook.steps.js';
import {
  ConflictPage,
  DashboardPage,
  HistoryPage,
  NewWorkspacePage,
  OverviewPage,
  StepPage,
  type DashboardRow,
  type FormState,
  type StepExtras,
  type StepProgress,
} from './workbook.views.js';
import { agendaRoutes } from './agenda/agenda.routes.js';
import { agendaExportRoutes } from './exports/exports.routes.js';
import { reminderRoutes } from './reminders/reminders.routes.js';

type WorkspaceParams = { Params: { workspaceId: string } };
type StepParams = { Params: { workspaceId: string; step: string } };
type HistoryParams = { Params: { workspaceId: string; step: string; fieldKey: string } };
type MemberParams = { Params: { workspaceId: string; userId: string } };
type InvitationParams = { Params: { workspaceId: string; invitationId: string } };
type OwnInvitationParams = { Params: { invitationId: string } };

/** Inviting sends a mail to an address someone typed: enough for real use, too few for spam. */
const INVITE_RATE_LIMIT = { max: 20, timeWindow: '1 hour' };

function viewer(request: FastifyRequest): { userId: string; email: string } {
  const { userId, email } = signedInPrincipal(request);
  return { userId, email };
}

function wantsJson(request: FastifyRequest): boolean {
  return /\bapplication\/json\b/.test(String(request.headers.accept ?? ''));
}

/** Story numbers ticked in Verdiepen, as stored: known numbers only, sorted, comma-separated. */
function multiValue(raw: unknown, allowed: ReadonlySet<string>): string {
  const list = Array.isArray(raw) ? raw : [raw];
  const chosen = [...new Set(list.filter((v): v is string => typeof v === 'string' && allowed.has(v)))];
  return chosen.sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)).join(',');
}

export interface ParsedAnswers {
  readonly submissions: service.AnswerSubmission[];
  readonly values: Record<string, string>;
  readonly errors: Record<string, string>;
}

/** Reads the answers of one step from a form body; only the step's own fields are taken. */
export function parseStepForm(step: WorkbookStep, body: unknown, t: FastifyRequest['t']): ParsedAnswers {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const submissions: service.AnswerSubmission[] = [];
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const section of step.sections) {
    for (const field of section.fields) {
      const name = answerFieldName(field.key);
      // No ticked checkbox sends nothing at all; the version field tells that the list was on the form.
      if (!(name in fields) && !(field.kind === 'multi' && versionFieldName(field.key) in fields)) continue;
      const raw = fields[name];
      const rawVersion = fields[versionFieldName(field.key)];
      const baseVersion = typeof rawVersion === 'string' && /^\d{1,9}$/.test(rawVersion) ? Number(rawVersion) : 0;
      let value: string;
      if (field.kind === 'multi') {
        value = multiValue(raw, new Set((field.options ?? []).map((o) => o.value)));
      } else {
        value = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
        if (field.kind === 'choice' && !(field.options ?? []).some((o) => o.value === value)) errors[name] = t('workbook.error.choiceUnknown');
        else if (service.answerTooLong(value)) errors[name] = t('workbook.error.answerTooLong', { length: value.length.toLocaleString('nl-NL') });
      }
      values[name] = value;
      values[versionFieldName(field.key)] = String(baseVersion);
      submissions.push({ key: field.key, value, baseVersion });
    }
  }
  return { submissions, values, errors };
}

export const workbookRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;
  const book = theBook();

  // Every page of a workspace, its agenda and its exports: only its members, checked on every request.
  deps.policy.define('workspace.member', {
    check: async ({ principal, params, db: q }) =>
      principal !== null && typeof params.workspaceId === 'string' && service.isWorkspaceMember(q, params.workspaceId, principal.userId),
    needsLogin: true,
  });

  const loadWorkspace = async (request: FastifyRequest<{ Params: { workspaceId: string } }>) => service.getWorkspace(db, request.params.workspaceId);

  // All workspaces of a person

  app.get('/werkboek', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const { userId, email } = viewer(request);
    const [workspaces, invitations] = await Promise.all([service.listWorkspacesWithTeamOfUser(db, userId), service.listInvitationsFor(db, email)]);
    const ids = workspaces.map((w) => w.workspace.id);
    const [answered, summaries] = await Promise.all([service.answeredKeys(db, ids), agendaSummaries(db, ids, userId, dutchToday(deps.clock()))]);
    const emptyInput = { members: [], organisationsText: '' };
    const stepKeys = MMM_STEPS.map((slug) => stepFieldKeys(workbookStep(slug, emptyInput, book)));
    const rows: DashboardRow[] = workspaces.map(({ workspace, teamName }) => {
      const keys = answered.get(workspace.id) ?? new Set<string>();
      const summary = summaries.get(workspace.id);
      return {
        workspace,
        teamName,
        stepsStarted: stepKeys.filter((list) => list.some((k) => keys.has(k))).length,
        milestones: summary?.milestones ?? 0,
        reached: summary?.reached ?? 0,
        myOverdue: summary?.myOverdue ?? 0,
        myDueThisWeek: summary?.myDueThisWeek ?? 0,
      };
    });
    return sendPage(request, reply, (ctx) => DashboardPage({ ctx, rows, invitations }));
  });

  app.post<OwnInvitationParams>('/werkboek/uitnodigingen/:invitationId', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const accept = body.antwoord === 'ja';
    const result = await inTransaction(deps, (tx) => service.answerInvitation(tx, deps, request.params.invitationId, viewer(request), accept, request.ip));
    if (!result.ok) return redirectAfterPost(reply, '/werkboek', 'workbook.invitation.gone');
    return accept ? redirectAfterPost(reply, `/werkboek/${result.workspaceId}`, 'workbook.invitation.accepted') : redirectAfterPost(reply, '/werkboek', 'workbook.invitation.declined');
  });

  // Starting a workspace

  const teamsFor = async (userId: string) => (await listTeamsOfUser(db, userId)).map((t) => ({ id: t.id, name: t.name }));

  app.get('/werkboek/nieuw', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const teams = await teamsFor(viewer(request).userId);
    const query = request.query as Record<string, unknown>;
    const values: Record<string, string> = {};
    if (typeof query.team === 'string' && teams.some((t) => t.id === query.team)) Object.assign(values, { kind: 'team', teamId: query.team });
    return sendPage(request, reply, (ctx) => NewWorkspacePage({ ctx, state: { values }, teams }));
  });

  app.post('/werkboek/nieuw', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const { userId } = viewer(request);
    const form = parseForm(createWorkspaceSchema, request.body);
    const teams = await teamsFor(userId);
    const fail = (errors: FieldErrorKeys) =>
      sendPage(request, reply, (ctx) => NewWorkspacePage({ ctx, state: { values: form.values, errors: translateErrors(ctx.t, errors) }, teams }), 422);
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) => service.createWorkspace(tx, deps, userId, form.data));
    if (!result.ok) return fail(problemsToErrors(result.problems));
    return redirectAfterPost(reply, `/werkboek/${result.workspaceId}/stap/verdiepen`, 'workbook.create.done');
  });

  // The overview of one workspace

  const ORGANISATIONS_KEY = '9.2.organisaties';
  /** What a step's fields depend on; pass the answers when they are loaded already. */
  const stepInput = async (workspace: service.Workspace, members: readonly service.WorkspaceMember[], answers?: ReadonlyMap<string, service.Answer>) => {
    const found = answers ?? (await service.loadAnswers(db, workspace.id, [ORGANISATIONS_KEY]));
    return { members: members.map((m) => ({ userId: m.userId, name: m.name })), organisationsText: found.get(ORGANISATIONS_KEY)?.value ?? '' };
  };

  const stepsOf = (workspace: service.Workspace): readonly StepSlug[] => (workspace.kind === 'team' ? [...MMM_STEPS, ...COLLABORATION_STEPS] : MMM_STEPS);

  const renderOverview = async (request: FastifyRequest<WorkspaceParams>, reply: FastifyReply, state: FormState & { problem?: string } = {}, status = 200) => {
    const workspace = await loadWorkspace(request);
    if (!workspace) return reply.callNotFound();
    const { userId } = viewer(request);
    const [members, answers] = await Promise.all([service.listWorkspaceMembers(db, workspace), service.loadAnswers(db, workspace.id)]);
    const input = await stepInput(workspace, members, answers);
    const progress: StepProgress[] = stepsOf(workspace).map((slug) => {
      const keys = progressFieldKeys(workbookStep(slug, input, book));
      return { slug, total: keys.length, answered: keys.filter((k) => (answers.get(k)?.value ?? '') !== '').length };
    });
    const stories = (answers.get(ATTACHED_STORIES_KEY)?.value ?? '')
      .split(',')
      .filter(Boolean)
      .flatMap((n) => {
        const found = book.resolve(`verhaal:${n}`);
        return found ? [{ href: found.url, title: found.title }] : [];
      });
    const dreamNumber = answers.get(ADOPTED_DREAM_KEY)?.value;
    const dreamLink = dreamNumber ? book.resolve(`droom:${dreamNumber}`) : undefined;
    const [teamName, openInvitations, canDelete] = await Promise.all([
      service.teamNameOf(db, workspace),
      workspace.kind === 'together' ? service.listOpenInvitationsOf(db, workspace.id) : Promise.resolve([]),
      service.mayDeleteWorkspace(db, workspace, userId),
    ]);
    return sendPage(
      request,
      reply,
      (ctx) =>
        OverviewPage({
          ctx,
          data: {
            workspace,
            teamName,
            members,
            viewerId: userId,
            progress,
            openInvitations,
            stories,
            dream: dreamLink ? { href: dreamLink.url, title: dreamLink.title } : null,
            canDelete,
          },
          state,
        }),
      status,
    );
  };

  app.get<WorkspaceParams>('/werkboek/:workspaceId', { config: { permission: 'workspace.member' } }, async (request, reply) => renderOverview(request, reply));

  app.post<WorkspaceParams>('/werkboek/:workspaceId/uitnodigen', { config: { permission: 'workspace.member', rateLimit: INVITE_RATE_LIMIT } }, async (request, reply) => {
    const workspace = await loadWorkspace(request);
    if (!workspace) return reply.callNotFound();
    if (workspace.kind !== 'together') return renderOverview(request, reply, { problem: request.t('workbook.invitation.gone') }, 422);
    const form = parseForm(inviteToWorkspaceSchema, request.body);
    if (!form.ok) return renderOverview(request, reply, { values: form.values, errors: translateErrors(request.t, form.errors) }, 422);
    await inTransaction(deps, (tx) => service.inviteToWorkspace(tx, deps, workspace, viewer(request).userId, form.data.email, request.ip));
    return redirectAfterPost(reply, `/werkboek/${workspace.id}`, 'workbook.members.invited');
  });

  app.post<InvitationParams>('/werkboek/:workspaceId/uitnodigingen/:invitationId/intrekken', { config: { permission: 'workspace.member' } }, async (request, reply) => {
    const found = await inTransaction(deps, (tx) => service.withdrawInvitation(tx, request.params.workspaceId, request.params.invitationId));
    if (!found) return reply.callNotFound();
    return redirectAfterPost(reply, `/werkboek/${request.params.workspaceId}`, 'workbook.members.withdrawn');
  });

  app.post<MemberParams>('/werkboek/:workspaceId/leden/:userId/verwijderen', { config: { permission: 'workspace.member' } }, async (request, reply) => {
    const workspace = await loadWorkspace(request);
    if (!workspace) return reply.callNotFound();
    const actorId = viewer(request).userId;
    const memberId = request.params.userId;
    const result = await inTransaction(deps, (tx) => service.removeWorkspaceMember(tx, deps, workspace, actorId, memberId, request.ip));
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      return renderOverview(request, reply, { problem: request.t(result.reason === 'lastMember' ? 'workbook.members.lastMember' : 'workbook.overview.teamMembers') }, 422);
    }
    if (memberId === actorId) return redirectAfterPost(reply, '/werkboek', 'workbook.members.left');
    return redirectAfterPost(reply, `/werkboek/${workspace.id}`, 'workbook.members.removed');
  });

  app.post<WorkspaceParams>('/werkboek/:workspaceId/verwijderen', { config: { permission: 'workspace.member' } }, async (request, reply) => {
    const workspace = await loadWorkspace(request);
    if (!workspace) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.bevestigen !== 'ja') return renderOverview(request, reply, { errors: { bevestigen: request.t('workbook.delete.confirmRequired') } }, 422);
    const deleted = await inTransaction(deps, (tx) => service.deleteWorkspace(tx, deps, workspace, viewer(request).userId, request.ip));
    if (!deleted) return renderOverview(request, reply, { problem: request.t('workbook.delete.notAllowed') }, 403);
    return redirectAfterPost(reply, '/werkboek', 'workbook.delete.done');
  });

  // The steps

  const resolveStep = async (request: FastifyRequest<StepParams>) => {
    const workspace = await loadWorkspace(request);
    const slug = request.params.step;
    if (!workspace || !isStepSlug(slug) || !stepsOf(workspace).includes(slug)) return undefined;
    const members = await service.listWorkspaceMembers(db, workspace);
    return { workspace, members, step: workbookStep(slug, await stepInput(workspace, members), book) };
  };

  const stepExtras = async (
    workspace: service.Workspace,
    step: WorkbookStep,
    members: readonly service.WorkspaceMember[],
    answers: ReadonlyMap<string, service.Answer>,
    viewerId: string,
  ): Promise<StepExtras> => {
    switch (step.slug) {
      case 'verbeelden': {
        const number = answers.get(ADOPTED_DREAM_KEY)?.value;
        const found = number ? book.resolve(`droom:${number}`) : undefined;
        return { dreams: { adopted: found && number ? { number: Number(number), title: found.title, href: found.url } : null } };
      }
      case 'vormgeven': {
        const summary = (await agendaSummaries(db, [workspace.id], viewerId, dutchToday(deps.clock()))).get(workspace.id);
        return { milestoneCount: summary?.milestones ?? 0 };
      }
      case 'rollen': {
        const phase = chainPhases(book).find((p) => p.key === answers.get('7.2.levensfase')?.value);
        return { coverage: { members, result: phase ? roleCoverage(phase, members) : null } };
      }
      case 'communicatie':
        return { feedbackRules: book.pack.tables.feedbackRules.giving.map((rule) => book.plainTextOf('pagina:feedbackregels', rule)) };
      case 'context': {
        const instruction = book.pack.workbook.instructions.find((i) => i.number === '9.2');
        return {
          organisations: contextOrganisations(answers.get('9.2.organisaties')?.value ?? ''),
          contextItems: (instruction?.questions ?? []).filter((q) => /^1[a-z]$/.test(q.key)).map((q) => ({ key: q.key, label: book.plainTextOf('instructie:9.2', q.text) })),
        };
      }
      default:
        return {};
    }
  };

  const bookLinks = (step: WorkbookStep) => {
    const links = new Map<string, { href: string; title: string }>();
    for (const section of step.sections) {
      for (const ref of [section.instructionRef, section.chapterRef]) {
        const found = ref ? book.resolve(ref) : undefined;
        if (ref && found) links.set(ref, { href: found.url, title: found.title });
      }
    }
    return links;
  };

  const renderStep = async (
    request: FastifyRequest<StepParams>,
    reply: FastifyReply,
    resolved: NonNullable<Awaited<ReturnType<typeof resolveStep>>>,
    state: FormState = {},
    status = 200,
  ) => {
    const { workspace, step, members } = resolved;
    // The adopted dream is not a question of the step, but its page says which one it was.
    const keys = step.slug === 'verbeelden' ? [...stepFieldKeys(step), ADOPTED_DREAM_KEY] : stepFieldKeys(step);
    const answers = await service.loadAnswers(db, workspace.id, keys);
    const extras = await stepExtras(workspace, step, members, answers, viewer(request).userId);
    const order = stepsOf(workspace);
    const next = order[order.indexOf(step.slug) + 1] ?? null;
    return sendPage(request, reply, (ctx) => StepPage({ ctx, data: { workspace, step, answers, extras, bookLinks: bookLinks(step), next }, state }), status);
  };

  app.get<StepParams>('/werkboek/:workspaceId/stap/:step', { config: { permission: 'workspace.member' } }, async (request, reply) => {
    const resolved = await resolveStep(request);
    if (!resolved) return reply.callNotFound();
    return renderStep(request, reply, resolved);
  });

  app.post<StepParams>('/werkboek/:workspaceId/stap/:step', { config: { permission: 'workspace.member' }, bodyLimit: ANSWER_FORM_BODY_LIMIT }, async (request, reply) => {
    const resolved = await resolveStep(request);
    if (!resolved) return reply.callNotFound();
    const { workspace, step } = resolved;
    const parsed = parseStepForm(step, request.body, request.t);
    if (Object.keys(parsed.errors).length > 0) {
      if (wantsJson(request)) return reply.code(422).send({ errors: parsed.errors });
      return renderStep(request, reply, resolved, { values: parsed.values, errors: parsed.errors }, 422);
    }
    const result = await inTransaction(deps, (tx) => service.saveAnswers(tx, deps, workspace.id, viewer(request).userId, parsed.submissions));
    if (wantsJson(request)) {
      return reply.header('Cache-Control', 'no-store').send({ saved: result.saved, conflicts: result.conflicts.map((c) => c.key) });
    }
    if (result.conflicts.length > 0) return sendPage(request, reply, (ctx) => ConflictPage({ ctx, workspace, step, conflicts: result.conflicts }), 409);
    return redirectAfterPost(reply, `/werkboek/${workspace.id}/stap/${step.slug}`, result.saved.length > 0 ? 'workbook.step.saved' : 'workbook.step.nothingChanged');
  });

  app.get<HistoryParams>('/werkboek/:workspaceId/stap/:step/geschiedenis/:fieldKey', { config: { permission: 'workspace.member' } }, async (request, reply) => {
    const resolved = await resolveStep(request);
    const key = request.params.fieldKey;
    if (!resolved || !isFieldKey(key)) return reply.callNotFound();
    const field = resolved.step.sections.flatMap((s) => s.fields).find((f) => f.key === key);
    if (!field) return reply.callNotFound();
    const revisions = await service.answerHistory(db, resolved.workspace.id, key);
    return sendPage(request, reply, (ctx) => HistoryPage({ ctx, workspace: resolved.workspace, step: resolved.step, label: field.label, revisions }));
  });

  // The workbook's parts, after the workspace permission they all rely on.
  await app.register(agendaRoutes);
  await app.register(agendaExportRoutes);
  await app.register(reminderRoutes);
};

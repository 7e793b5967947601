import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUserId as userId } from '../../../platform/auth/principal.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { parseForm, problemsToErrors, translateErrors, type FieldErrorKeys } from '../../../platform/http/forms.js';
import { sendError } from '../../../platform/http/platform.js';
import { redirectAfterPost, sendPage } from '../../../platform/http/render.js';
import type { FormState } from '../../../platform/views/components.js';
import { ANSWER_FORM_BODY_LIMIT } from '../workbook.schemas.js';
import { getWorkspace, listWorkspaceMembers, type Workspace } from '../workbook.service.js';
import {
  actionFormSchema,
  adoptDreamSchema,
  agendaFilterOf,
  commentSchema,
  deleteMilestoneSchema,
  milestoneFormSchema,
  reachSchema,
  type SubjectKind,
} from './agenda.schemas.js';
import * as service from './agenda.service.js';
import {
  ActionPage,
  AdoptDreamPage,
  AgendaPage,
  ConflictPage,
  GonePage,
  MilestonePage,
  MyActionsPage,
  NewActionPage,
  NewMilestonePage,
  paths,
  type ActionPageForm,
  type GoneKind,
  type MilestonePageForm,
} from './agenda.views.js';

type WorkspaceParams = { Params: { workspaceId: string } };
type MilestoneParams = { Params: { workspaceId: string; milestoneId: string } };
type ActionParams = { Params: { workspaceId: string; actionId: string } };
type CommentParams = { Params: { workspaceId: string; commentId: string } };

const MEMBER = { permission: 'workspace.member' } as const;
/** Routes that take long texts: a too long text must reach the form's check (and come back), not stop at the body limit. */
const LONG_FORM = { config: MEMBER, bodyLimit: ANSWER_FORM_BODY_LIMIT };

export const agendaRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;
  const today = () => service.todayOf(deps);

  /** The workspace of the route; the permission already checked membership, but it may just have been deleted. */
  async function workspaceOf(request: FastifyRequest<WorkspaceParams>): Promise<Workspace | undefined> {
    return getWorkspace(db, request.params.workspaceId);
  }

  async function milestoneOptions(workspaceId: string) {
    return (await service.listMilestones(db, workspaceId)).map((m) => ({ id: m.id, title: m.title }));
  }

  async function renderGone(request: FastifyRequest, reply: FastifyReply, workspace: Workspace, kind: GoneKind, values: Record<string, string>, errors: FieldErrorKeys = {}, status = 409) {
    const [members, milestones] = await Promise.all([listWorkspaceMembers(db, workspace), milestoneOptions(workspace.id)]);
    return sendPage(request, reply, (ctx) => GonePage({ ctx, workspace, kind, state: { values, errors: translateErrors(ctx.t, errors) }, members, milestones }), status);
  }

  async function renderMilestone(
    request: FastifyRequest,
    reply: FastifyReply,
    workspace: Workspace,
    milestoneId: string,
    form?: MilestonePageForm,
    state: { values?: Record<string, string>; errors?: FieldErrorKeys } = {},
    status = 200,
  ) {
    const milestone = await service.getMilestone(db, workspace.id, milestoneId);
    if (!milestone) return reply.callNotFound();
    const [comments, history] = [await service.listComments(db, workspace.id, 'milestone', milestoneId), await service.history(db, workspace.id, 'milestone', milestoneId)];
    return sendPage(
      request,
      reply,
      (ctx) =>
        MilestonePage({
          ctx,
          workspace,
          milestone,
          comments,
          history,
          dream: service.dreamLink(milestone.sourceDream),
          viewerId: userId(request),
          today: today(),
          form,
          state: { values: state.values, errors: state.errors ? translateErrors(ctx.t, state.errors) : undefined },
        }),
      status,
    );
  }

  async function renderAction(
    request: FastifyRequest,
    reply: FastifyReply,
    workspace: Workspace,
    actionId: string,
    form?: ActionPageForm,
    state: { values?: Record<string, string>; errors?: FieldErrorKeys } = {},
    status = 200,
  ) {
    const action = await service.getAction(db, workspace.id, actionId);
    if (!action) return reply.callNotFound();
    const members = await listWorkspaceMembers(db, workspace);
    const milestones = await milestoneOptions(workspace.id);
    const comments = await service.listComments(db, workspace.id, 'action', actionId);
    const history = await service.history(db, workspace.id, 'action', actionId);
    return sendPage(
      request,
      reply,
      (ctx) =>
        ActionPage({
          ctx,
          workspace,
          action,
          members,
          milestones,
          comments,
          history,
          viewerId: userId(request),
          today: today(),
          form,
          state: { values: state.values, errors: state.errors ? translateErrors(ctx.t, state.errors) : undefined },
        }),
      status,
    );
  }

  function subjectPath(workspaceId: string, kind: SubjectKind, id: string): string {
    return kind === 'milestone' ? paths.milestone(workspaceId, id) : paths.action(workspaceId, id);
  }

  // Across workspaces

  app.get('/werkboek/mijn-acties', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const groups = await service.myActions(db, userId(request), today());
    return sendPage(request, reply, (ctx) => MyActionsPage({ ctx, groups }));
  });

  // The agenda with its roadmap

  app.get<WorkspaceParams>('/werkboek/:workspaceId/agenda', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const members = await listWorkspaceMembers(db, workspace);
    const milestones = await service.listMilestones(db, workspace.id);
    const filter = agendaFilterOf(request.query, members.map((m) => m.userId));
    return sendPage(request, reply, (ctx) => AgendaPage({ ctx, workspace, milestones, members, filter, today: today() }));
  });

  // Adopting a dream from the book

  app.get<WorkspaceParams>('/werkboek/:workspaceId/droom-kiezen', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const existing = (await service.listMilestones(db, workspace.id)).length;
    return sendPage(request, reply, (ctx) => AdoptDreamPage({ ctx, workspace, dreams: service.dreamChoices(), existingMilestones: existing }));
  });

  app.post<WorkspaceParams>('/werkboek/:workspaceId/droom-kiezen', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const form = parseForm(adoptDreamSchema, request.body);
    const fail = async (errors: FieldErrorKeys) => {
      const existing = (await service.listMilestones(db, workspace.id)).length;
      const dream = Number(form.values.dream) || 0;
      return sendPage(
        request,
        reply,
        (ctx) => AdoptDreamPage({ ctx, workspace, dreams: service.dreamChoices(), existingMilestones: existing, problem: { dream, errors: translateErrors(ctx.t, errors) } }),
        422,
      );
    };
    if (!form.ok) return fail(form.errors);
    const { dream, domain } = form.data;
    const result = await inTransaction(deps, (tx) => service.adoptDream(tx, deps, workspace.id, userId(request), dream, domain));
    if (!result.ok) return fail({ dream: 'agenda.error.dreamUnknown' });
    return redirectAfterPost(reply, paths.agenda(workspace.id), 'agenda.flash.dreamAdopted');
  });

  // Milestones

  app.get<WorkspaceParams>('/werkboek/:workspaceId/mijlpalen/nieuw', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => NewMilestonePage({ ctx, workspace, state: {} }));
  });

  app.post<WorkspaceParams>('/werkboek/:workspaceId/mijlpalen/nieuw', LONG_FORM, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const form = parseForm(milestoneFormSchema({ today: today() }), request.body);
    if (!form.ok) {
      const errors = form.errors;
      return sendPage(request, reply, (ctx) => NewMilestonePage({ ctx, workspace, state: { values: form.values, errors: translateErrors(ctx.t, errors) } }), 422);
    }
    const input = form.data;
    const id = await inTransaction(deps, (tx) => service.createMilestone(tx, deps, workspace.id, userId(request), input));
    return redirectAfterPost(reply, paths.milestone(workspace.id, id), 'agenda.flash.milestoneCreated');
  });

  app.get<MilestoneParams>('/werkboek/:workspaceId/mijlpalen/:milestoneId', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    return renderMilestone(request, reply, workspace, request.params.milestoneId);
  });

  app.post<MilestoneParams>('/werkboek/:workspaceId/mijlpalen/:milestoneId', LONG_FORM, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const { milestoneId } = request.params;
    const stored = await service.getMilestone(db, workspace.id, milestoneId);
    const form = parseForm(milestoneFormSchema({ today: today(), storedDueDate: stored?.dueDate ?? null }), request.body);
    if (!stored) return renderGone(request, reply, workspace, 'milestone', form.values, form.ok ? {} : form.errors);
    if (!form.ok) return renderMilestone(request, reply, workspace, milestoneId, 'edit', { values: form.values, errors: form.errors }, 422);
    const { version, ...input } = form.data;
    const result = await inTransaction(deps, (tx) => service.updateMilestone(tx, deps, workspace.id, userId(request), milestoneId, input, version));
    if (result.ok) return redirectAfterPost(reply, paths.milestone(workspace.id, milestoneId), result.changed ? 'agenda.flash.milestoneSaved' : 'agenda.flash.nothingChanged');
    if (result.reason === 'conflict') {
      const conflict = result.conflict;
      return sendPage(
        request,
        reply,
        (ctx) => ConflictPage({ ctx, workspace, kind: 'milestone', subject: { id: milestoneId, title: stored.title }, conflict, members: [], milestones: [] }),
        409,
      );
    }
    return renderGone(request, reply, workspace, 'milestone', form.values);
  });

  app.post<MilestoneParams>('/werkboek/:workspaceId/mijlpalen/:milestoneId/verwijderen', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const { milestoneId } = request.params;
    const form = parseForm(deleteMilestoneSchema, request.body);
    if (!form.ok) return renderMilestone(request, reply, workspace, milestoneId, 'delete', { errors: form.errors }, 422);
    const deleted = await inTransaction(deps, (tx) => service.deleteMilestone(tx, deps, workspace.id, milestoneId));
    if (!deleted) return reply.callNotFound();
    return redirectAfterPost(reply, paths.agenda(workspace.id), 'agenda.flash.milestoneDeleted');
  });

  app.post<MilestoneParams>('/werkboek/:workspaceId/mijlpalen/:milestoneId/bereikt', LONG_FORM, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const { milestoneId } = request.params;
    const form = parseForm(reachSchema, request.body);
    if (!form.ok) return renderMilestone(request, reply, workspace, milestoneId, 'reach', { values: form.values, errors: form.errors }, 422);
    const note = form.data.celebrationNote;
    const done = await inTransaction(deps, (tx) => service.markReached(tx, deps, workspace.id, userId(request), milestoneId, note));
    if (!done) return reply.callNotFound();
    return redirectAfterPost(reply, paths.milestone(workspace.id, milestoneId), 'agenda.flash.reached');
  });

  app.post<MilestoneParams>('/werkboek/:workspaceId/mijlpalen/:milestoneId/niet-bereikt', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const { milestoneId } = request.params;
    const done = await inTransaction(deps, (tx) => service.markNotReached(tx, deps, workspace.id, userId(request), milestoneId));
    if (!done) return reply.callNotFound();
    return redirectAfterPost(reply, paths.milestone(workspace.id, milestoneId), 'agenda.flash.notReached');
  });

  for (const [suffix, direction] of [
    ['omhoog', 'up'],
    ['omlaag', 'down'],
  ] as const) {
    app.post<MilestoneParams>(`/werkboek/:workspaceId/mijlpalen/:milestoneId/${suffix}`, { config: MEMBER }, async (request, reply) => {
      const workspace = await workspaceOf(request);
      if (!workspace) return reply.callNotFound();
      const { milestoneId } = request.params;
      const moved = await inTransaction(deps, (tx) => service.moveMilestone(tx, deps, workspace.id, userId(request), milestoneId, direction));
      if (!moved) return reply.callNotFound();
      return redirectAfterPost(reply, paths.agenda(workspace.id), 'agenda.flash.moved');
    });
  }

  // Actions

  app.get<MilestoneParams>('/werkboek/:workspaceId/mijlpalen/:milestoneId/acties/nieuw', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const milestone = await service.getMilestone(db, workspace.id, request.params.milestoneId);
    if (!milestone) return reply.callNotFound();
    const members = await listWorkspaceMembers(db, workspace);
    return sendPage(request, reply, (ctx) => NewActionPage({ ctx, workspace, milestone, members, state: {} }));
  });

  /** Adds an action; the milestone comes from the address or, on the pages that let people choose, from the form. */
  async function addAction(request: FastifyRequest<WorkspaceParams>, reply: FastifyReply, milestoneFromPath: string | null) {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const members = await listWorkspaceMembers(db, workspace);
    const form = parseForm(actionFormSchema({ today: today(), memberIds: members.map((m) => m.userId) }), request.body);
    const chosen = milestoneFromPath ?? (form.ok ? form.data.milestoneId : (form.values.milestoneId ?? null) || null);
    const milestone = chosen ? await service.getMilestone(db, workspace.id, chosen) : undefined;
    const errors: FieldErrorKeys = form.ok ? {} : { ...form.errors };
    if (chosen === null) errors.milestoneId ??= 'agenda.error.milestoneRequired';
    if (chosen !== null && !milestone) return renderGone(request, reply, workspace, 'milestoneForAction', form.values, errors);
    const failed = (fieldErrors: FieldErrorKeys) => {
      if (milestoneFromPath && milestone) {
        const state: FormState = { values: form.values };
        return sendPage(request, reply, (ctx) => NewActionPage({ ctx, workspace, milestone, members, state: { ...state, errors: translateErrors(ctx.t, fieldErrors) } }), 422);
      }
      return renderGone(request, reply, workspace, 'chooseMilestone', form.values, fieldErrors, 422);
    };
    if (!form.ok || !milestone) return failed(errors);
    const { version: _version, milestoneId: _milestoneId, ...input } = form.data;
    const result = await inTransaction(deps, (tx) => service.createAction(tx, deps, workspace, userId(request), milestone.id, input));
    if (result.ok) return redirectAfterPost(reply, paths.milestone(workspace.id, milestone.id), 'agenda.flash.actionCreated');
    if (result.reason === 'milestoneGone') return renderGone(request, reply, workspace, 'milestoneForAction', form.values);
    return failed(problemsToErrors(result.problems));
  }

  app.post<MilestoneParams>('/werkboek/:workspaceId/mijlpalen/:milestoneId/acties/nieuw', LONG_FORM, async (request, reply) =>
    addAction(request, reply, request.params.milestoneId),
  );

  app.post<WorkspaceParams>('/werkboek/:workspaceId/acties/nieuw', LONG_FORM, async (request, reply) => addAction(request, reply, null));

  app.get<ActionParams>('/werkboek/:workspaceId/acties/:actionId', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    return renderAction(request, reply, workspace, request.params.actionId);
  });

  app.post<ActionParams>('/werkboek/:workspaceId/acties/:actionId', LONG_FORM, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const { actionId } = request.params;
    const members = await listWorkspaceMembers(db, workspace);
    const stored = await service.getAction(db, workspace.id, actionId);
    const rules = { today: today(), memberIds: members.map((m) => m.userId), storedDueDate: stored?.dueDate ?? null, storedOwnerId: stored?.ownerId ?? null };
    const form = parseForm(actionFormSchema(rules), request.body);
    if (!stored) return renderGone(request, reply, workspace, 'action', form.values, form.ok ? {} : form.errors);
    if (!form.ok) return renderAction(request, reply, workspace, actionId, 'edit', { values: form.values, errors: form.errors }, 422);
    const { version, milestoneId, ...input } = form.data;
    const result = await inTransaction(deps, (tx) => service.updateAction(tx, deps, workspace, userId(request), actionId, input, version, milestoneId));
    if (result.ok) return redirectAfterPost(reply, paths.action(workspace.id, actionId), result.changed ? 'agenda.flash.actionSaved' : 'agenda.flash.nothingChanged');
    switch (result.reason) {
      case 'conflict': {
        const conflict = result.conflict;
        const milestones = await milestoneOptions(workspace.id);
        const currentOwner = { id: stored.ownerId, name: stored.ownerName };
        return sendPage(
          request,
          reply,
          (ctx) => ConflictPage({ ctx, workspace, kind: 'action', subject: { id: actionId, title: stored.title }, conflict, members, milestones, currentOwner }),
          409,
        );
      }
      case 'milestoneGone':
        return renderAction(request, reply, workspace, actionId, 'edit', { values: form.values, errors: { milestoneId: 'agenda.error.milestoneGone' } }, 409);
      case 'problems':
        return renderAction(request, reply, workspace, actionId, 'edit', { values: form.values, errors: problemsToErrors(result.problems) }, 422);
      default:
        return renderGone(request, reply, workspace, 'action', form.values);
    }
  });

  app.post<ActionParams>('/werkboek/:workspaceId/acties/:actionId/verwijderen', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const deleted = await inTransaction(deps, (tx) => service.deleteAction(tx, deps, workspace.id, request.params.actionId));
    if (!deleted) return reply.callNotFound();
    return redirectAfterPost(reply, paths.milestone(workspace.id, deleted.milestoneId), 'agenda.flash.actionDeleted');
  });

  // Comments

  async function addComment(request: FastifyRequest<WorkspaceParams>, reply: FastifyReply, kind: SubjectKind, subjectId: string) {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const form = parseForm(commentSchema, request.body);
    if (!form.ok) {
      const state = { values: form.values, errors: form.errors };
      return kind === 'milestone'
        ? renderMilestone(request, reply, workspace, subjectId, 'comment', state, 422)
        : renderAction(request, reply, workspace, subjectId, 'comment', state, 422);
    }
    const body = form.data.body;
    const added = await inTransaction(deps, (tx) => service.addComment(tx, deps, workspace.id, userId(request), kind, subjectId, body));
    if (!added) return renderGone(request, reply, workspace, 'comment', { body });
    return redirectAfterPost(reply, `${subjectPath(workspace.id, kind, subjectId)}#reacties`, 'agenda.flash.commentAdded');
  }

  app.post<MilestoneParams>('/werkboek/:workspaceId/mijlpalen/:milestoneId/reacties', LONG_FORM, async (request, reply) =>
    addComment(request, reply, 'milestone', request.params.milestoneId),
  );

  app.post<ActionParams>('/werkboek/:workspaceId/acties/:actionId/reacties', LONG_FORM, async (request, reply) => addComment(request, reply, 'action', request.params.actionId));

  app.post<CommentParams>('/werkboek/:workspaceId/reacties/:commentId/verwijderen', { config: MEMBER }, async (request, reply) => {
    const workspace = await workspaceOf(request);
    if (!workspace) return reply.callNotFound();
    const result = await inTransaction(deps, (tx) => service.deleteComment(tx, workspace.id, userId(request), request.params.commentId));
    if (!result.ok) return result.reason === 'notOwn' ? sendError(request, reply, 403) : reply.callNotFound();
    return redirectAfterPost(reply, `${subjectPath(workspace.id, result.kind, result.subjectId)}#reacties`, 'agenda.flash.commentDeleted');
  });
};

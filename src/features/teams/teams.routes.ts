import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUserId as userId } from '../../platform/auth/principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { parseForm, problemsToErrors, translateErrors, type FieldErrorKeys } from '../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../platform/http/render.js';
import type { MessageKey } from '../../platform/i18n/message-keys.js';
import { listRegions } from '../regions/regions.service.js';
import { changeRoleSchema, createTeamSchema, inviteByEmailSchema, inviteLinkSchema } from './teams.schemas.js';
import * as service from './teams.service.js';
import { InvitationPage, InviteLinkCreatedPage, NewTeamPage, TeamPage, TeamsListPage, type FormState, type InvitationView } from './teams.views.js';

/** Every e-mail invitation sends a mail to someone who did not ask for it: enough for a team, too few for spam. */
const EMAIL_INVITATION_RATE_LIMIT = { max: 30, timeWindow: '1 hour' };

type TeamParams = { Params: { teamId: string } };
type MemberParams = { Params: { teamId: string; userId: string } };
type InvitationParams = { Params: { teamId: string; invitationId: string } };
type TokenParams = { Params: { token: string } };

function invitationProblem(reason: 'invalid' | 'expired'): MessageKey {
  return reason === 'expired' ? 'teams.invitation.expired' : 'teams.invitation.invalid';
}

export const teamsRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  // Both checks read the membership through the teams service (and so the teams repo).
  deps.policy.define('team.member', {
    check: async ({ principal, params, db: q }) => principal !== null && typeof params.teamId === 'string' && service.isMember(q, params.teamId, principal.userId),
    needsLogin: true,
  });
  deps.policy.define('team.facilitator', {
    check: async ({ principal, params, db: q }) =>
      principal !== null && typeof params.teamId === 'string' && service.isFacilitator(q, params.teamId, principal.userId),
    needsLogin: true,
  });

  // Own teams and creating a team

  app.get('/teams', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const teams = await service.listTeamsOfUser(db, userId(request));
    return sendPage(request, reply, (ctx) => TeamsListPage({ ctx, teams }));
  });

  app.get('/teams/nieuw', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const regions = await listRegions(db);
    return sendPage(request, reply, (ctx) => NewTeamPage({ ctx, state: { values: {} }, regions }));
  });

  app.post('/teams/nieuw', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const form = parseForm(createTeamSchema, request.body);
    const regions = await listRegions(db);
    const fail = (errors: FieldErrorKeys) =>
      sendPage(request, reply, (ctx) => NewTeamPage({ ctx, state: { values: form.values, errors: translateErrors(ctx.t, errors) }, regions }), 422);
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) => service.createTeam(tx, deps, userId(request), form.data, request.ip));
    if (!result.ok) return fail(problemsToErrors(result.problems));
    return redirectAfterPost(reply, `/teams/${result.teamId}`, 'teams.create.done');
  });

  // The team page

  const renderTeam = async (request: FastifyRequest, reply: FastifyReply, teamId: string, state: FormState = {}, problem?: MessageKey, status = 200) => {
    const viewerId = userId(request);
    const [team, members, viewerRole] = await Promise.all([service.getTeam(db, teamId), service.listMembers(db, teamId), service.memberRole(db, teamId, viewerId)]);
    if (!team || !viewerRole) return reply.callNotFound();
    const invitations = viewerRole === 'facilitator' ? await service.listOpenInvitations(db, deps, teamId) : [];
    return sendPage(
      request,
      reply,
      (ctx) => TeamPage({ ctx, team, members, viewerId, viewerRole, invitations, state, problem: problem ? ctx.t(problem) : undefined }),
      status,
    );
  };

  app.get<TeamParams>('/teams/:teamId', { config: { permission: 'team.member' } }, async (request, reply) => renderTeam(request, reply, request.params.teamId));

  // Membership

  app.post<TeamParams>('/teams/:teamId/verlaten', { config: { permission: 'team.member' } }, async (request, reply) => {
    const { teamId } = request.params;
    const result = await inTransaction(deps, (tx) => service.leaveTeam(tx, deps, teamId, userId(request), request.ip));
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      return renderTeam(request, reply, teamId, {}, 'teams.error.lastFacilitatorLeave', 422);
    }
    return redirectAfterPost(reply, '/teams', 'teams.leave.done');
  });

  app.post<MemberParams>('/teams/:teamId/leden/:userId/verwijderen', { config: { permission: 'team.facilitator' } }, async (request, reply) => {
    const { teamId, userId: memberId } = request.params;
    const actorId = userId(request);
    const result = await inTransaction(deps, (tx) => service.removeMember(tx, deps, teamId, actorId, memberId, request.ip));
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      return renderTeam(request, reply, teamId, {}, memberId === actorId ? 'teams.error.lastFacilitatorLeave' : 'teams.error.lastFacilitator', 422);
    }
    // Removing yourself is leaving: the team page is no longer yours to see.
    return redirectAfterPost(reply, memberId === actorId ? '/teams' : `/teams/${teamId}`, memberId === actorId ? 'teams.leave.done' : 'teams.member.removed');
  });

  app.post<MemberParams>('/teams/:teamId/leden/:userId/rol', { config: { permission: 'team.facilitator' } }, async (request, reply) => {
    const { teamId, userId: memberId } = request.params;
    const form = parseForm(changeRoleSchema, request.body);
    if (!form.ok) return renderTeam(request, reply, teamId, {}, 'teams.error.roleRequired', 422);
    const result = await inTransaction(deps, (tx) => service.changeRole(tx, deps, teamId, userId(request), memberId, form.data.role, request.ip));
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      return renderTeam(request, reply, teamId, {}, 'teams.error.lastFacilitator', 422);
    }
    return redirectAfterPost(reply, `/teams/${teamId}`, 'teams.member.roleChanged');
  });

  // Invitations by the facilitators

  app.post<TeamParams>('/teams/:teamId/uitnodigingen', { config: { permission: 'team.facilitator', rateLimit: EMAIL_INVITATION_RATE_LIMIT } }, async (request, reply) => {
    const { teamId } = request.params;
    const form = parseForm(inviteByEmailSchema, request.body);
    const fail = (errors: FieldErrorKeys) => renderTeam(request, reply, teamId, { values: form.values, errors: translateErrors(request.t, errors) }, undefined, 422);
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) => service.inviteByEmail(tx, deps, teamId, userId(request), form.data, request.ip));
    if (!result.ok) return reply.callNotFound();
    return redirectAfterPost(reply, `/teams/${teamId}`, 'teams.invite.sent');
  });

  app.post<TeamParams>('/teams/:teamId/uitnodigingslink', { config: { permission: 'team.facilitator' } }, async (request, reply) => {
    const { teamId } = request.params;
    const form = parseForm(inviteLinkSchema, request.body);
    if (!form.ok) return renderTeam(request, reply, teamId, { values: form.values, errors: translateErrors(request.t, form.errors) }, undefined, 422);
    const team = await service.getTeam(db, teamId);
    if (!team) return reply.callNotFound();
    const link = await inTransaction(deps, (tx) => service.createInviteLink(tx, deps, teamId, userId(request), form.data.linkRole, request.ip));
    if (!link) return reply.callNotFound();
    // The link exists only in this response (the database keeps its hash), so it is shown here rather than after a redirect.
    return sendPage(request, reply, (ctx) => InviteLinkCreatedPage({ ctx, team, link }));
  });

  app.post<InvitationParams>('/teams/:teamId/uitnodigingen/:invitationId/intrekken', { config: { permission: 'team.facilitator' } }, async (request, reply) => {
    const { teamId, invitationId } = request.params;
    const found = await inTransaction(deps, (tx) => service.revokeInvitation(tx, deps, teamId, invitationId, request.principal?.userId ?? null, request.ip));
    if (!found) return reply.callNotFound();
    return redirectAfterPost(reply, `/teams/${teamId}`, 'teams.invitations.revoked');
  });

  // Accepting an invitation

  app.get<TokenParams>('/teams/uitnodiging/:token', { config: { permission: 'public' } }, async (request, reply) => {
    const { token } = request.params;
    const principal = request.principal;
    const check = await service.peekInvitation(db, deps, token, principal?.userId ?? null);
    let view: InvitationView;
    if (!check.ok) view = { kind: 'problem', message: request.t(invitationProblem(check.reason)) };
    else if (check.alreadyMember) view = { kind: 'alreadyMember', invitation: check.invitation };
    else if (!principal) view = { kind: 'loginFirst', invitation: check.invitation, returnTo: service.invitationPath(token) };
    else view = { kind: 'accept', invitation: check.invitation, token };
    return sendPage(request, reply, (ctx) => InvitationPage({ ctx, view }), check.ok ? 200 : 400);
  });

  app.post<TokenParams>('/teams/uitnodiging/:token', { config: { permission: 'authenticated' } }, async (request, reply) => {
    const result = await inTransaction(deps, (tx) => service.acceptInvitation(tx, deps, request.params.token, userId(request), request.ip));
    if (!result.ok) {
      const message = request.t(invitationProblem(result.reason));
      return sendPage(request, reply, (ctx) => InvitationPage({ ctx, view: { kind: 'problem', message } }), 400);
    }
    if (result.alreadyMember) return redirectAfterPost(reply, `/teams/${result.teamId}`);
    return redirectAfterPost(reply, `/teams/${result.teamId}`, 'teams.invitation.accepted');
  });
};

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInUserId as actorId } from '../../platform/auth/principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { parseForm, translateErrors, type FieldErrorKeys } from '../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../platform/http/render.js';
import type { MessageKey } from '../../platform/i18n/message-keys.js';
import { administratorSchema, appointCoordinatorSchema, auditQuerySchema, userSearchQuerySchema } from './admin.schemas.js';
import * as service from './admin.service.js';
import {
  AdminHomePage,
  AuditLogPage,
  OutboxMailPage,
  OutboxPage,
  RegionAdminPage,
  RegionsAdminPage,
  UserPage,
  UsersPage,
} from './admin.views.js';

/** The outbox page shows at most this many messages, newest first. */
const OUTBOX_PAGE_LIMIT = 200;

export const adminRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  // The audit log shows who did what from where: only for administrators who protect their own login well.
  deps.policy.define('audit.read', {
    check: ({ principal }) => principal?.isAdmin === true && principal.twoFactorEnabled,
    needsLogin: true,
  });

  app.get('/beheer', { config: { permission: 'admin' } }, async (request, reply) => sendPage(request, reply, (ctx) => AdminHomePage({ ctx, hasOutbox: deps.outbox !== null })));

  // People

  app.get('/beheer/gebruikers', { config: { permission: 'admin' } }, async (request, reply) => {
    const { q } = userSearchQuerySchema.parse(request.query ?? {});
    const { users, limited } = await service.findPeople(db, q);
    return sendPage(request, reply, (ctx) => UsersPage({ ctx, query: q, users, limited }));
  });

  const renderUser = async (request: FastifyRequest, reply: FastifyReply, userId: string, problem?: MessageKey, status = 200) => {
    const overview = await service.personOverview(db, userId);
    if (!overview) return reply.callNotFound();
    return sendPage(
      request,
      reply,
      (ctx) => UserPage({ ctx, ...overview, isSelf: overview.user.id === actorId(request), problem: problem ? ctx.t(problem) : undefined }),
      status,
    );
  };

  app.get<{ Params: { userId: string } }>('/beheer/gebruikers/:userId', { config: { permission: 'admin' } }, async (request, reply) => renderUser(request, reply, request.params.userId));

  const changeAccess = async (request: FastifyRequest, reply: FastifyReply, userId: string, change: service.AccessChange, done: MessageKey) => {
    const result = await inTransaction(deps, (tx) => service.changeAccess(tx, deps, actorId(request), userId, change, request.ip));
    if (result === 'unknown') return reply.callNotFound();
    if (result === 'self') return renderUser(request, reply, userId, 'admin.error.self', 422);
    return redirectAfterPost(reply, `/beheer/gebruikers/${userId}`, done);
  };

  app.post<{ Params: { userId: string } }>('/beheer/gebruikers/:userId/uitschakelen', { config: { permission: 'admin' } }, async (request, reply) =>
    changeAccess(request, reply, request.params.userId, { kind: 'disabled', value: true }, 'admin.user.disabled'),
  );

  app.post<{ Params: { userId: string } }>('/beheer/gebruikers/:userId/inschakelen', { config: { permission: 'admin' } }, async (request, reply) =>
    changeAccess(request, reply, request.params.userId, { kind: 'disabled', value: false }, 'admin.user.enabled'),
  );

  app.post<{ Params: { userId: string } }>('/beheer/gebruikers/:userId/beheerder', { config: { permission: 'admin' } }, async (request, reply) => {
    const form = parseForm(administratorSchema, request.body);
    if (!form.ok) return renderUser(request, reply, request.params.userId, form.errors.beheerder ?? 'error.invalid', 422);
    const grant = form.data.beheerder === 'ja';
    return changeAccess(request, reply, request.params.userId, { kind: 'administrator', value: grant }, grant ? 'admin.user.granted' : 'admin.user.revoked');
  });

  // Regional coordinators

  app.get('/beheer/regios', { config: { permission: 'admin' } }, async (request, reply) => {
    const overview = await service.regionsOverview(db);
    return sendPage(request, reply, (ctx) => RegionsAdminPage({ ctx, ...overview }));
  });

  app.get<{ Params: { slug: string } }>('/beheer/regios/:slug', { config: { permission: 'admin' } }, async (request, reply) => {
    const found = await service.regionWithCoordinators(db, request.params.slug);
    if (!found) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => RegionAdminPage({ ctx, ...found, state: {} }));
  });

  app.post<{ Params: { slug: string } }>('/beheer/regios/:slug/coordinatoren', { config: { permission: 'admin' } }, async (request, reply) => {
    const found = await service.regionWithCoordinators(db, request.params.slug);
    if (!found) return reply.callNotFound();
    const form = parseForm(appointCoordinatorSchema, request.body);
    const fail = (errors: FieldErrorKeys) =>
      sendPage(request, reply, (ctx) => RegionAdminPage({ ctx, ...found, state: { values: form.values, errors: translateErrors(ctx.t, errors) } }), 422);
    if (!form.ok) return fail(form.errors);
    const result = await inTransaction(deps, (tx) =>
      service.appointCoordinatorByEmail(tx, deps, actorId(request), found.region.slug, form.data.email, request.ip),
    );
    if (!result.ok) return fail({ [result.field]: result.message });
    return redirectAfterPost(reply, `/beheer/regios/${found.region.slug}`, 'admin.region.appointed');
  });

  app.post<{ Params: { slug: string; userId: string } }>('/beheer/regios/:slug/coordinatoren/:userId/verwijderen', { config: { permission: 'admin' } }, async (request, reply) => {
    const { slug, userId } = request.params;
    const removed = await inTransaction(deps, (tx) => service.removeCoordinatorFromRegion(tx, deps, actorId(request), slug, userId, request.ip));
    if (!removed) return reply.callNotFound();
    return redirectAfterPost(reply, `/beheer/regios/${slug}`, 'admin.region.removed');
  });

  // Audit log. Reading it is deliberately not logged itself: that would drown the events that matter.

  app.get('/beheer/auditlog', { config: { permission: 'audit.read' } }, async (request, reply) => {
    const query = auditQuerySchema.parse(request.query ?? {});
    const page = await service.auditPage(db, { event: query.gebeurtenis, before: query.voor });
    return sendPage(request, reply, (ctx) => AuditLogPage({ ctx, ...page, event: query.gebeurtenis, before: query.voor }));
  });

  // Outbox: without SMTP all mail is kept in the data folder, and administrators read it here.

  app.get('/beheer/postvak', { config: { permission: 'admin' } }, async (request, reply) => {
    const all = deps.outbox ? await deps.outbox.list() : null;
    const items = all ? all.slice(0, OUTBOX_PAGE_LIMIT) : null;
    return sendPage(request, reply, (ctx) => OutboxPage({ ctx, items, total: all?.length ?? 0 }));
  });

  app.get<{ Params: { mailId: string } }>('/beheer/postvak/:mailId', { config: { permission: 'admin' } }, async (request, reply) => {
    if (!deps.outbox) return sendPage(request, reply, (ctx) => OutboxPage({ ctx, items: null, total: 0 }));
    const mail = await deps.outbox.read(request.params.mailId);
    if (!mail) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => OutboxMailPage({ ctx, mail }));
  });
};

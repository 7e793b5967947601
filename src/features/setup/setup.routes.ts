import type { FastifyPluginAsync } from 'fastify';
import { setSessionCookie } from '../../platform/auth/session-cookie.js';
import { startSession } from '../../platform/auth/sessions.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { parseForm, translateErrors, type FieldErrorKeys } from '../../platform/http/forms.js';
import { redirectAfterPost, sendPage } from '../../platform/http/render.js';
import { createFirstAdministrator } from '../accounts/accounts.service.js';
import { setupSchema } from './setup.schemas.js';
import { isInstalled, setupTokenMatches } from './setup.service.js';
import { SetupPage } from './setup.views.js';

export const setupRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;

  // Once an administrator exists the setup page is gone for everyone.
  app.get('/installatie', { config: { permission: 'public' } }, async (request, reply) => {
    if (await isInstalled(deps)) return reply.callNotFound();
    return sendPage(request, reply, (ctx) => SetupPage({ ctx, state: {} }));
  });

  app.post('/installatie', { config: { permission: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (request, reply) => {
    if (await isInstalled(deps)) return reply.callNotFound();
    const form = parseForm(setupSchema, request.body);
    const fail = (errors: FieldErrorKeys) =>
      sendPage(request, reply, (ctx) => SetupPage({ ctx, state: { values: { ...form.values, token: '' }, errors: translateErrors(ctx.t, errors) } }), 422);
    if (!form.ok) return fail(form.errors);
    if (!setupTokenMatches(deps, form.data.token)) return fail({ token: 'setup.error.token' });
    const result = await inTransaction(deps, (tx) => createFirstAdministrator(tx, deps, form.data, request.ip));
    if (!result.ok) return reply.callNotFound();
    const token = await startSession(deps.db.kysely, result.userId, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, deps.clock(), false);
    setSessionCookie(reply, deps.config, token);
    return redirectAfterPost(reply, '/account/tweestapsverificatie', 'setup.done');
  });
};

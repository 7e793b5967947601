import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { LOCALE_COOKIE } from '../../platform/i18n/i18n.js';
import { safeReturnPath, sendPage } from '../../platform/http/render.js';
import { databaseAnswers } from './home.repo.js';
import { AccessibilityPage, HomePage } from './home.views.js';

const languageSchema = z.object({ taal: z.enum(['nl', 'en']), terug: z.string().optional() });

export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { permission: 'public' } }, async (request, reply) => sendPage(request, reply, (ctx) => HomePage({ ctx })));

  app.get('/toegankelijkheid', { config: { permission: 'public' } }, async (request, reply) =>
    sendPage(request, reply, (ctx) => AccessibilityPage({ ctx })),
  );

  app.post('/taal', { config: { permission: 'public' } }, async (request, reply) => {
    const parsed = languageSchema.safeParse(request.body);
    const locale = parsed.success ? parsed.data.taal : 'nl';
    reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
    return reply.code(303).redirect(safeReturnPath(parsed.success ? parsed.data.terug : undefined));
  });

  /** For load balancers and the start-up wait in CI: answers only when the database answers. */
  app.get('/gezond', { config: { permission: 'public' } }, async (_request, reply) => {
    await databaseAnswers(app.deps.db.kysely);
    return reply.header('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send('ok');
  });
};

import type { FastifyPluginAsync } from 'fastify';
import { sendPage } from '../../platform/http/render.js';
import { searchQuerySchema } from './search.schemas.js';
import { searchEverything } from './search.service.js';
import { SearchPage } from './search.views.js';

export const searchRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  app.get(
    '/zoeken',
    { config: { permission: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const query = searchQuerySchema.parse(request.query ?? {});
      const results = query.q.trim() === '' ? null : await searchEverything(deps, query);
      return sendPage(request, reply, (ctx) => SearchPage({ ctx, query, results }));
    },
  );
};

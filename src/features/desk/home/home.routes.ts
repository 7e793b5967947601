import type { FastifyPluginAsync } from 'fastify';
import { sendPage } from '../../../platform/http/render.js';
import { deskSearchQuerySchema } from '../../search/search.schemas.js';
import { DeskHomePage, DeskSearchPage, RegionsPage } from './home.views.js';
import { deskHome, homeRegionOf, regionSummaries } from './home.service.js';
import { deskPath, deskRegion } from '../shared/region.js';
import { chooseRegionSchema } from '../queue/queue.schemas.js';
import { searchDesk } from './desk-search.js';

type RegionParams = { Params: { slug: string } };

export const deskHomeRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;

  const regionsPage = async (principalId: string | null) => {
    const [regions, homeRegionSlug] = await Promise.all([regionSummaries(db, deps.clock()), principalId ? homeRegionOf(db, principalId) : null]);
    return { regions, homeRegionSlug };
  };

  app.get('/loket', { config: { permission: 'public' } }, async (request, reply) => {
    const data = await regionsPage(request.principal?.userId ?? null);
    return sendPage(request, reply, (ctx) => RegionsPage({ ctx, ...data }));
  });

  // The region finder without JavaScript: a GET form whose answer is a redirect to the chosen desk.
  app.get('/loket/kies', { config: { permission: 'public' } }, async (request, reply) => {
    const { regio } = chooseRegionSchema.parse(request.query ?? {});
    const region = regio ? await deskRegion(db, regio) : undefined;
    if (region) return reply.code(303).redirect(deskPath(region.slug));
    const data = await regionsPage(request.principal?.userId ?? null);
    return sendPage(
      request,
      reply,
      (ctx) => RegionsPage({ ctx, ...data, chosen: regio.slice(0, 100), errors: { regio: ctx.t('desk.moderation.regions.unknown') } }),
      422,
    );
  });

  app.get<RegionParams>('/loket/:slug', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const home = await deskHome(db, region.slug, request.principal?.userId ?? null, deps.clock());
    return sendPage(request, reply, (ctx) => DeskHomePage({ ctx, region, home }));
  });

  app.get<RegionParams>('/loket/:slug/zoeken', { config: { permission: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    const region = await deskRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const query = deskSearchQuerySchema.parse(request.query ?? {});
    const results = query.q.trim() === '' ? null : await searchDesk(deps, region.slug, query);
    return sendPage(request, reply, (ctx) => DeskSearchPage({ ctx, region, query, results }));
  });
};

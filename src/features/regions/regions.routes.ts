import type { FastifyPluginAsync } from 'fastify';
import { sendPage } from '../../platform/http/render.js';
import { getUser } from '../../platform/auth/users.js';
import { findRegion, listCoordinators, listRegions, regionRolesOf } from './regions.service.js';
import { RegionPage, RegionsPage } from './regions.views.js';

export const regionsRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps;
  const db = deps.db.kysely;
  deps.policy.addRoleProvider(regionRolesOf);

  app.get('/regios', { config: { permission: 'public' } }, async (request, reply) => {
    const [regions, coordinators] = await Promise.all([listRegions(db), listCoordinators(db)]);
    const user = request.principal ? await getUser(db, request.principal.userId) : undefined;
    return sendPage(request, reply, (ctx) => RegionsPage({ ctx, regions, coordinators, homeRegionSlug: user?.homeRegionSlug ?? null }));
  });

  app.get<{ Params: { slug: string } }>('/regios/:slug', { config: { permission: 'public' } }, async (request, reply) => {
    const region = await findRegion(db, request.params.slug);
    if (!region) return reply.callNotFound();
    const coordinators = (await listCoordinators(db)).filter((c) => c.regionSlug === region.slug);
    return sendPage(request, reply, (ctx) => RegionPage({ ctx, region, coordinators }));
  });
};

import type { FastifyPluginAsync } from 'fastify';

export const deskSchemeRoutes: FastifyPluginAsync = async () => {};

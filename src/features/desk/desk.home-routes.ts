import type { FastifyPluginAsync } from 'fastify';

export const deskHomeRoutes: FastifyPluginAsync = async () => {};

import type { FastifyPluginAsync } from 'fastify';

export const teamsRoutes: FastifyPluginAsync = async () => {};

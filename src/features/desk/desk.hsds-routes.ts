import type { FastifyPluginAsync } from 'fastify';

export const deskHsdsRoutes: FastifyPluginAsync = async () => {};

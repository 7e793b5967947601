import type { FastifyPluginAsync } from 'fastify';

export const deskModerationRoutes: FastifyPluginAsync = async () => {};

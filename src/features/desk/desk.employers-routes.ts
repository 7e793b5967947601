import type { FastifyPluginAsync } from 'fastify';

export const deskEmployerRoutes: FastifyPluginAsync = async () => {};

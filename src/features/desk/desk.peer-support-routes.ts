import type { FastifyPluginAsync } from 'fastify';

export const deskPeerSupportRoutes: FastifyPluginAsync = async () => {};

import type { FastifyPluginAsync } from 'fastify';

export const deskSocialMapRoutes: FastifyPluginAsync = async () => {};

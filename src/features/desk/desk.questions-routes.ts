import type { FastifyPluginAsync } from 'fastify';

export const deskQuestionRoutes: FastifyPluginAsync = async () => {};

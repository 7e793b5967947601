import type { FastifyPluginAsync } from 'fastify';

export const deskVacancyRoutes: FastifyPluginAsync = async () => {};

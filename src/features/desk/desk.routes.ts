import type { FastifyPluginAsync } from 'fastify';
import { deskEmployerRoutes } from './employers/employers.routes.js';
import { deskHomeRoutes } from './home/home.routes.js';
import { deskHsdsRoutes } from './social-map/hsds.routes.js';
import { deskModerationRoutes } from './queue/queue.routes.js';
import { deskPeerSupportRoutes } from './peer-support/peer-support.routes.js';
import { deskQuestionRoutes } from './questions/questions.routes.js';
import { deskSchemeRoutes } from './schemes/schemes.routes.js';
import { deskSocialMapRoutes } from './social-map/social-map.routes.js';
import { deskVacancyRoutes } from './employers/vacancies.routes.js';
import { defineDeskPermissions } from './shared/permissions.js';

/** The regional desk under /loket: its permissions once, then each part's routes. */
export const deskRoutes: FastifyPluginAsync = async (app) => {
  defineDeskPermissions(app.deps);
  await app.register(deskHomeRoutes);
  await app.register(deskSocialMapRoutes);
  await app.register(deskHsdsRoutes);
  await app.register(deskEmployerRoutes);
  await app.register(deskVacancyRoutes);
  await app.register(deskQuestionRoutes);
  await app.register(deskSchemeRoutes);
  await app.register(deskPeerSupportRoutes);
  await app.register(deskModerationRoutes);
};

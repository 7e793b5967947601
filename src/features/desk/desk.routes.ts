import type { FastifyPluginAsync } from 'fastify';
import { deskEmployerRoutes } from './desk.employers-routes.js';
import { deskHomeRoutes } from './desk.home-routes.js';
import { deskHsdsRoutes } from './desk.hsds-routes.js';
import { deskModerationRoutes } from './desk.moderation-routes.js';
import { deskPeerSupportRoutes } from './desk.peer-support-routes.js';
import { deskQuestionRoutes } from './desk.questions-routes.js';
import { deskSchemeRoutes } from './desk.schemes-routes.js';
import { deskSocialMapRoutes } from './desk.social-map-routes.js';
import { deskVacancyRoutes } from './desk.vacancies-routes.js';
import { defineDeskPermissions } from './desk.permissions.js';

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

import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './platform/app-deps.js';
import { PasswordHasher, STANDARD_COST, TEST_COST } from './platform/auth/passwords.js';
import { Policy } from './platform/auth/policy.js';
import type { AppConfig } from './platform/config.js';
import { createDb, type Db } from './platform/db/create-db.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { migrations } from '../migrations/index.js';
import { registerAssets } from './platform/http/assets.js';
import { FORM_BODY_LIMIT, registerPlatform } from './platform/http/platform.js';
import { OutboxMailer, SmtpMailer, type Mailer } from './platform/mail/mailer.js';
import { createLiveHub } from './platform/live/live-hub.js';
import path from 'node:path';
import './messages.js';
import { accountsRoutes } from './features/accounts/accounts.routes.js';
import { bookRoutes } from './features/book/book.routes.js';
import { searchRoutes } from './features/search/search.routes.js';
import { adminRoutes } from './features/admin/admin.routes.js';
import { homeRoutes } from './features/home/home.routes.js';
import { regionsRoutes } from './features/regions/regions.routes.js';
import { setupRoutes } from './features/setup/setup.routes.js';
import { teamsRoutes } from './features/teams/teams.routes.js';
import { workbookRoutes } from './features/workbook/workbook.routes.js';
import { caseConsultationRoutes } from './features/case-consultation/case-consultation.routes.js';
import { deskRoutes } from './features/desk/desk.routes.js';

export interface BuildOptions {
  /** Use this database instead of opening DATABASE_URL (tests pass their own). */
  readonly db?: Db;
  readonly mailer?: Mailer;
  readonly clock?: () => Date;
  readonly logger?: boolean;
}

export interface BuiltApp {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
}

export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: FORM_BODY_LIMIT,
    // Random request ids keep log lines of one request together without revealing counts.
    genReqId: () => Math.random().toString(36).slice(2, 10),
  });
  const db = options.db ?? createDb(config.databaseUrl);
  await migrateToLatest(db, migrations);
  const clock = options.clock ?? (() => new Date());
  const outbox = config.smtpUrl ? null : new OutboxMailer(path.join(config.dataDir, 'outbox'), config.mailFrom, clock);
  const mailer = options.mailer ?? (config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : (outbox as OutboxMailer));
  const log = { info: (m: string) => app.log.info(m), warn: (m: string) => app.log.warn(m) };
  const live = await createLiveHub({ db, databaseUrl: config.databaseUrl, log });
  const deps: AppDeps = {
    config,
    db,
    mailer,
    outbox,
    clock,
    hasher: new PasswordHasher(config.passwordHashCost === 'test' ? TEST_COST : STANDARD_COST),
    policy: new Policy(),
    live,
    log,
  };

  await registerPlatform(app, deps);
  registerAssets(app);
  // Features, registered explicitly; each is an encapsulated plugin that declares its permissions and
  // registers its own parts.
  await app.register(homeRoutes);
  await app.register(setupRoutes);
  await app.register(accountsRoutes);
  await app.register(regionsRoutes);
  await app.register(teamsRoutes);
  await app.register(workbookRoutes);
  await app.register(caseConsultationRoutes);
  await app.register(deskRoutes);
  await app.register(bookRoutes);
  await app.register(searchRoutes);
  await app.register(adminRoutes);

  app.addHook('onClose', async () => live.close());
  if (!options.db) app.addHook('onClose', async () => db.close());
  return { app, deps };
}

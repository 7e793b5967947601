import type { Policy } from './auth/policy.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { AppConfig } from './config.js';
import type { Db } from './db/create-db.js';
import type { LiveHub } from './live/live-hub.js';
import type { Mailer, OutboxMailer } from './mail/mailer.js';

/** The long-lived collaborators every feature may use, created once in buildApp. */
export interface AppDeps {
  readonly config: AppConfig;
  readonly db: Db;
  readonly mailer: Mailer;
  /** Set when no SMTP server is configured: mail is kept here for administrators to read. */
  readonly outbox: OutboxMailer | null;
  readonly clock: () => Date;
  readonly hasher: PasswordHasher;
  readonly policy: Policy;
  /** Small events for live pages (Server-Sent Events); across instances on PostgreSQL. */
  readonly live: LiveHub;
  readonly log: { info(message: string): void; warn(message: string): void };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { AppDeps } from '../platform/app-deps.js';
import { loadConfig } from '../platform/config.js';
import type { MailMessage, Mailer } from '../platform/mail/mailer.js';
import { TestClient } from './test-client.js';
import type { TestDatabaseKind } from './test-databases.js';

export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
  lastTo(email: string): MailMessage {
    const found = [...this.sent].reverse().find((m) => m.to === email);
    if (!found) throw new Error(`Geen e-mail aan ${email}`);
    return found;
  }
  /** The first link in the last message to this address, as a path with query. */
  linkTo(email: string): string {
    const match = /https?:\/\/[^\s/]+(\/\S*)/.exec(this.lastTo(email).text);
    if (!match?.[1]) throw new Error(`Geen link in de e-mail aan ${email}`);
    return match[1];
  }
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  readonly mail: MemoryMailer;
  /** Moves the application's clock forward. */
  advance(ms: number): void;
  client(): TestClient;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'een lange zin als wachtwoord';

export async function createTestApp(
  kind: TestDatabaseKind,
  env: Record<string, string> = {},
  /** Lets a test add its own routes (e.g. one that fails) before the app is sealed. */
  beforeReady?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mmm-data-'));
  const database = await kind.create();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-secret-that-is-long-enough-for-cookies',
    PASSWORD_HASH_COST: 'test',
    LOG_LEVEL: 'silent',
    SETUP_TOKEN: 'setup-token-for-tests-only',
    ...env,
  });
  const mail = new MemoryMailer();
  let offset = 0;
  const { app, deps } = await buildApp(config, { db: database.db, mailer: mail, clock: () => new Date(Date.now() + offset), logger: false });
  beforeReady?.(app);
  await app.ready();
  return {
    app,
    deps,
    mail,
    advance: (ms) => {
      offset += ms;
    },
    client: () => new TestClient(app),
    async close() {
      await app.close();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test app that closes itself when the test (or suite) that made it ends, so a failing assertion
 * never leaves a server, a database or a data folder behind.
 */
export async function testApp(
  t: { after(fn: () => Promise<void>): void },
  kind: TestDatabaseKind,
  env: Record<string, string> = {},
  beforeReady?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const created = await createTestApp(kind, env, beforeReady);
  t.after(() => created.close());
  return created;
}

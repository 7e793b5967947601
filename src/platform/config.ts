import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test'], 'moet production, development of test zijn').default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number('moet een getal zijn').int('moet een heel getal zijn').min(0, 'moet tussen 0 en 65535 liggen').max(65535, 'moet tussen 0 en 65535 liggen').default(3000),
  BASE_URL: z.url({ protocol: /^https?$/, error: 'moet een volledig http- of https-adres zijn' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'moet beginnen met sqlite:, postgres:// of postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'moet beginnen met smtp:// of smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Werkplaats MMM <noreply@localhost>'),
  SESSION_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
  SETUP_TOKEN: z.string().min(16, 'moet minstens 16 tekens lang zijn').optional(),
  TRUST_PROXY: z.enum(['true', 'false'], 'moet true of false zijn').default('false'),
  // Addresses the rate limits leave alone, comma-separated (a load test from one machine); empty in production.
  RATE_LIMIT_ALLOW: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'moet fatal, error, warn, info, debug, trace of silent zijn').default('info'),
  /** Lower argon2 cost for tests only; refused in production. */
  PASSWORD_HASH_COST: z.enum(['standard', 'test'], 'moet standard of test zijn').default('standard'),
});

export interface AppConfig {
  readonly env: 'production' | 'development' | 'test';
  readonly host: string;
  readonly port: number;
  readonly baseUrl: string;
  readonly secure: boolean;
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly sessionSecret: string;
  readonly setupToken: string | undefined;
  readonly trustProxy: boolean;
  readonly rateLimitAllowList: readonly string[];
  readonly logLevel: string;
  readonly passwordHashCost: 'standard' | 'test';
}

/** Treat empty variables as unset so `PORT=` behaves like no PORT at all. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}: ${issue.message} (gekregen: ${JSON.stringify(env[name] ?? '')})`;
    });
    throw new ConfigError(`Ongeldige configuratie in de omgevingsvariabelen:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.PASSWORD_HASH_COST === 'test') {
    throw new ConfigError('Ongeldige configuratie: PASSWORD_HASH_COST=test mag niet met NODE_ENV=production');
  }
  const dataDir = path.resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const secrets = e.SESSION_SECRET ? { sessionSecret: e.SESSION_SECRET } : loadOrCreateSecrets(dataDir);
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    baseUrl,
    secure: baseUrl.startsWith('https://'),
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'werkplaats.sqlite')}`,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: secrets.sessionSecret,
    setupToken: e.SETUP_TOKEN,
    trustProxy: e.TRUST_PROXY === 'true',
    rateLimitAllowList: e.RATE_LIMIT_ALLOW.split(',').map((a) => a.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    passwordHashCost: e.PASSWORD_HASH_COST,
  });
}

const secretsSchema = z.object({ sessionSecret: z.string().min(32) });

/** Secrets not given in the environment are generated once and kept in the data folder. */
function loadOrCreateSecrets(dataDir: string): { sessionSecret: string } {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new ConfigError(`Ongeldig geheimenbestand: ${file}`);
    return parsed.data;
  }
  const secrets = { sessionSecret: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

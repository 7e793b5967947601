// npm run bench:case-live -- [--participants 50] [--commands 40] [--databases sqlite,postgres] [--pg-url postgres://…]
//
// Measures how fast a facilitator's command reaches everyone following a case-consultation meeting live. The real
// application runs in this process (as in workbook.ts). A facilitator and 50 participants register, confirm their
// address, log in and switch on two-factor authentication through the application itself; each participant is a
// different person with one event stream (GET …/live), opened from a worker thread so that reading 50 streams does
// not run on the server's event loop. The facilitator then sends 40 commands (alternately "volgende/vorige stap" and
// "5 minuten erbij") as the browser form would, one at a time, and we measure from sending the POST until the state
// event with the new version arrives at each of the 50 streams (2,000 arrivals). Baselines in the same run: the
// round trip of GET /gezond and the POST of the command itself (until its 303).
//
// On PostgreSQL (BENCH_DATABASE_URL, TEST_DATABASE_URL or --pg-url; a throwaway schema) the app gets DATABASE_URL,
// so its live hub uses LISTEN/NOTIFY; a second app instance on the same schema also runs and the same streams are
// measured once more while connected to that second instance (events then travel through NOTIFY).
// A benchmark, not a test: it prints tables and exits 0; 1 when it cannot run.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { acceptInvitation, createInviteLink, createTeam } from '../../src/features/teams/teams.service.js';
import { createCase, enableConsultation } from '../../src/features/case-consultation/case-consultation.service.js';
import type { AppDeps } from '../../src/platform/app-deps.js';
import { sessionCookieName } from '../../src/platform/auth/sessions.js';
import { totpCode, totpStep } from '../../src/platform/auth/totp.js';
import { loadConfig } from '../../src/platform/config.js';
import { createDb, type Db, type DialectName } from '../../src/platform/db/create-db.js';
import { inTransaction } from '../../src/platform/db/transaction.js';
import { csrfCookieName } from '../../src/platform/http/platform.js';
import { MemoryMailer, TEST_PASSWORD } from '../../src/testing/test-app.js';
import { BenchError } from './autocannon.js';
import { databasesOption, wholeNumberOption } from './bench-databases.js';

const DEFAULT_PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** Milliseconds since the epoch with sub-millisecond resolution, comparable between threads. */
const now = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------------------------------
// The worker: holds the event streams and reports when each state event arrives. Plain JavaScript run with
// eval, because worker threads do not inherit the TypeScript loader on Node 20.

interface OpenMessage {
  readonly type: 'open';
  readonly port: number;
  readonly path: string;
  readonly cookies: readonly string[];
}
type ToMain = { type: 'ready'; count: number } | { type: 'arrival'; stream: number; version: number; at: number } | { type: 'failed'; message: string };

const WORKER_SOURCE = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const now = () => performance.timeOrigin + performance.now();
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const requests = [];
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    for (const r of requests) r.destroy();
    agent.destroy();
    parentPort.close();
    return;
  }
  let ready = 0;
  message.cookies.forEach((cookie, stream) => {
    let first = true;
    const req = http.get({ host: '127.0.0.1', port: message.port, path: message.path, agent, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        parentPort.postMessage({ type: 'failed', message: 'stroom ' + stream + ': status ' + res.statusCode });
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const at = now();
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf('\\n\\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (!/^event: state$/m.test(block)) continue;
          const match = /^id: (\\d+)$/m.exec(block);
          const version = match ? Number(match[1]) : NaN;
          if (first) {
            first = false;
            ready += 1;
            if (ready === message.cookies.length) parentPort.postMessage({ type: 'ready', count: ready });
          } else {
            parentPort.postMessage({ type: 'arrival', stream, version, at });
          }
        }
      });
    });
    req.on('error', (error) => parentPort.postMessage({ type: 'failed', message: 'stroom ' + stream + ': ' + error.message }));
    requests.push(req);
  });
});
`;

// ---------------------------------------------------------------------------------------------------------------
// The main thread

interface Options {
  readonly participants: number;
  readonly commands: number;
  readonly databases: readonly DialectName[];
  readonly pgUrl: string | undefined;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      participants: { type: 'string', default: '50' },
      commands: { type: 'string', default: '40' },
      databases: { type: 'string', default: DEFAULT_PG_URL ? 'sqlite,postgres' : 'sqlite' },
      'pg-url': { type: 'string', default: DEFAULT_PG_URL },
    },
  });
  return {
    participants: wholeNumberOption('participants', values.participants, 1),
    commands: wholeNumberOption('commands', values.commands, 1),
    databases: databasesOption(values.databases, values['pg-url']),
    pgUrl: values['pg-url'],
  };
}

interface Target {
  readonly name: DialectName;
  readonly description: string;
  readonly db: Db;
  readonly databaseUrl: string | undefined;
  dispose(): Promise<void>;
}

function openSqlite(): Target {
  const dir = mkdtempSync(path.join(tmpdir(), 'mmm-bench-live-'));
  const file = path.join(dir, 'werkplaats.sqlite');
  const db = createDb(`sqlite:${file}`);
  return {
    name: 'sqlite',
    description: `SQLite ${String(db.sqliteHandle!.prepare('SELECT sqlite_version() AS v').pluck().get())}, ${file}`,
    db,
    databaseUrl: undefined,
    async dispose() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(url: string): Promise<Target | undefined> {
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    console.log(`PostgreSQL overgeslagen: ${shown} is niet bereikbaar (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
  const version = String((await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version);
  const schema = `bench_live_${Math.random().toString(36).slice(2, 12)}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = createDb(url, { pgSchema: schema, pgPoolSize: 10 });
  return {
    name: 'postgres',
    description: `PostgreSQL ${version}, ${shown}, schema ${schema}, pool 10, LISTEN/NOTIFY`,
    db,
    databaseUrl: url,
    async dispose() {
      try {
        await db.close();
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end().catch(() => undefined);
      }
    },
  };
}

/**
 * A browser-like client for inject() that keeps cookies and the CSRF token, like the tests' TestClient, but comes
 * from an address of its own: the sign-up and login forms are rate limited per address, and 51 people sign up here.
 */
class PersonClient {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly address: string,
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private async send(method: 'GET' | 'POST', url: string, fields?: Record<string, string>) {
    const payload = fields ? new URLSearchParams({ ...fields, ...(this.csrf ? { _csrf: this.csrf } : {}) }).toString() : undefined;
    const res = await this.app.inject({
      method,
      url,
      payload,
      remoteAddress: this.address,
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return { status: res.statusCode, body: res.body, location: typeof res.headers.location === 'string' ? res.headers.location : undefined };
  }

  get(url: string) {
    return this.send('GET', url);
  }

  async post(url: string, fields: Record<string, string> = {}) {
    if (!this.csrf) await this.get('/');
    return this.send('POST', url, fields);
  }

  get csrfToken(): string {
    return this.csrf;
  }
}

/** Registers, confirms, logs in and switches on two-factor authentication, as a person does in the browser. */
async function person(app: FastifyInstance, deps: AppDeps, mail: MemoryMailer, n: number, name: string): Promise<{ client: PersonClient; id: string }> {
  const client = new PersonClient(app, `10.77.${Math.floor(n / 250)}.${(n % 250) + 1}`);
  const email = `bench.live.${n}@example.org`;
  const registered = await client.post('/account/registreren', { name, email, password: TEST_PASSWORD, profileType: 'professional', professionSlug: 'jobcoach', homeRegionSlug: 'zeeland' });
  if (registered.status !== 303) throw new BenchError(`Registreren mislukt (${registered.status})`);
  const token = new URL(mail.linkTo(email), 'http://x').searchParams.get('token') ?? '';
  if ((await client.post('/account/bevestigen', { token })).status !== 303) throw new BenchError('Bevestigen mislukt');
  await client.get('/account/inloggen');
  if ((await client.post('/account/inloggen', { email, password: TEST_PASSWORD })).status !== 303) throw new BenchError('Inloggen mislukt');
  await client.post('/account/tweestapsverificatie/starten');
  const page = await client.get('/account/tweestapsverificatie');
  const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(page.body)?.[1];
  if (!secret) throw new BenchError('Geen geheim voor tweestapsverificatie');
  const done = await client.post('/account/tweestapsverificatie/bevestigen', { code: totpCode(secret, totpStep(deps.clock())) });
  if (done.status !== 200) throw new BenchError(`Tweestapsverificatie aanzetten mislukt (${done.status})`);
  const user = await deps.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return { client, id: user.id };
}

interface Sample {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly n: number;
}

function stats(values: readonly number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN, mean: sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length), n: sorted.length };
}

/** One HTTP request over a kept-alive socket; resolves with the status when the whole answer is in. */
function request(agent: http.Agent, port: number, method: string, pathName: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathName, agent, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Run {
  readonly label: string;
  readonly arrival: Sample;
  readonly lastArrival: Sample;
  readonly command: Sample;
}

interface DatabaseResult {
  readonly target: Target;
  readonly health: Sample;
  readonly runs: readonly Run[];
}

async function benchDatabase(target: Target, opts: Options): Promise<DatabaseResult> {
  console.log(`\n== ${target.description}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mmm-bench-live-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PASSWORD_HASH_COST: 'test',
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
  });
  const mail = new MemoryMailer();
  const { app, deps } = await buildApp(config, { db: target.db, mailer: mail, logger: false });
  let second: FastifyInstance | undefined;
  const workers: Worker[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  try {
    const started = performance.now();
    const facilitator = await person(app, deps, mail, 0, 'Bench Begeleider');
    const team = await inTransaction(deps, (tx) => createTeam(tx, deps, facilitator.id, { name: 'Benchteam', regionSlug: null, purpose: 'Meten' }, null));
    if (!team.ok) throw new BenchError('Team maken mislukt');
    const teamId = team.teamId;
    await inTransaction(deps, (tx) => enableConsultation(tx, deps, teamId, facilitator.id, 'GGZ en arbeid'));
    const link = await inTransaction(deps, (tx) => createInviteLink(tx, deps, teamId, facilitator.id, 'member', null));
    const token = link!.url.split('/').pop()!;
    const cookieName = sessionCookieName(config.secure);
    const cookies: string[] = [];
    for (let i = 1; i <= opts.participants; i++) {
      const p = await person(app, deps, mail, i, `Deelnemer ${i}`);
      const accepted = await inTransaction(deps, (tx) => acceptInvitation(tx, deps, token, p.id, null));
      if (!accepted.ok) throw new BenchError('Lid worden mislukt');
      cookies.push(`${cookieName}=${p.client.cookie(cookieName)}`);
    }
    const theCase = await inTransaction(deps, (tx) =>
      createCase(tx, deps, teamId, facilitator.id, {
        title: 'Benchcasus',
        age: '40',
        gender: 'vrouw',
        nationality: 'Nederlands',
        livingSituation: '',
        income: '',
        diagnosis: '',
        workHistory: '',
        distanceToLabourMarket: '',
        organisations: '',
        treatment: '',
        particulars: '',
        question: 'Welke mogelijkheden zijn er?',
      }, true),
    );
    const base = `/casusoverleg/teams/${teamId}/bijeenkomsten`;
    await facilitator.client.get(`${base}/nieuw`);
    const planned = await facilitator.client.post(base, { caseId: theCase.id, plannedOn: '' });
    const meetingId = /\/bijeenkomsten\/([^/]+)$/.exec(planned.location ?? '')?.[1];
    if (!meetingId) throw new BenchError(`Plannen mislukt (${planned.status})`);
    const meetingPath = `${base}/${meetingId}`;
    await facilitator.client.get(meetingPath);
    const csrf = facilitator.client.csrfToken;
    const csrfCookie = facilitator.client.cookie(csrfCookieName(config.secure));
    if (!csrf || !csrfCookie) throw new BenchError('Geen CSRF-token');
    const facilitatorHeaders = {
      cookie: `${cookieName}=${facilitator.client.cookie(cookieName)}; ${csrfCookieName(config.secure)}=${csrfCookie}`,
      'content-type': 'application/x-www-form-urlencoded',
    };
    console.log(`  ${opts.participants + 1} personen aangemeld met tweestapsverificatie in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as { port: number }).port;

    let version = Number((await deps.db.kysely.selectFrom('case_meetings').select('version').where('id', '=', meetingId).executeTakeFirstOrThrow()).version);
    const send = async (slug: string) => {
      const sentAt = now();
      const status = await request(agent, port, 'POST', `${meetingPath}/${slug}`, facilitatorHeaders, new URLSearchParams({ versie: String(version), _csrf: csrf }).toString());
      const answeredAt = now();
      if (status !== 303) throw new BenchError(`${slug} gaf ${status}`);
      version += 1;
      return { sentAt, answeredAt };
    };
    await send('start');

    // Baseline: the round trip of the health check, on the same kind of connection as the commands.
    for (let i = 0; i < 50; i++) await request(agent, port, 'GET', '/gezond', {});
    const healthTimes: number[] = [];
    for (let i = 0; i < 400; i++) {
      const t0 = now();
      const status = await request(agent, port, 'GET', '/gezond', {});
      if (status !== 200) throw new BenchError(`/gezond gaf ${status}`);
      healthTimes.push(now() - t0);
    }

    // Where the meeting is: the commands walk up to step 8 and back, so every one of them is carried out.
    let step = 0;
    let direction = 1;
    /** Opens the streams (in a fresh worker) against one instance, sends the commands and collects the arrivals. */
    const measure = async (label: string, streamPort: number): Promise<Run> => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      workers.push(worker);
      const arrivals = new Map<number, number[]>();
      let failure: string | undefined;
      let waiting: { version: number; resolve: () => void } | undefined;
      const ready = new Promise<void>((resolve, reject) => {
        worker.on('message', (message: ToMain) => {
          if (message.type === 'ready') resolve();
          else if (message.type === 'failed') {
            failure = message.message;
            reject(new BenchError(message.message));
          } else {
            const list = arrivals.get(message.version) ?? [];
            list.push(message.at);
            arrivals.set(message.version, list);
            if (waiting && waiting.version === message.version && list.length === opts.participants) waiting.resolve();
          }
        });
        setTimeout(() => reject(new BenchError('stromen niet op tijd open')), 30_000).unref();
      });
      worker.postMessage({ type: 'open', port: streamPort, path: `${meetingPath}/live`, cookies } satisfies OpenMessage);
      await ready;
      const arrivalTimes: number[] = [];
      const lastTimes: number[] = [];
      const commandTimes: number[] = [];
      for (let i = 0; i < opts.commands; i++) {
        // Alternately a step (up to 8 and back down) and five minutes more.
        let slug = 'verlengen';
        if (i % 2 === 0) {
          if (step + direction > 8 || step + direction < 0) direction = -direction;
          slug = direction > 0 ? 'volgende' : 'vorige';
          step += direction;
        }
        const expected = version + 1;
        const all = new Promise<void>((resolve, reject) => {
          waiting = { version: expected, resolve };
          setTimeout(() => reject(new BenchError(`versie ${expected} kwam niet bij alle ${opts.participants} stromen aan (${arrivals.get(expected)?.length ?? 0})`)), 10_000).unref();
        });
        const { sentAt, answeredAt } = await send(slug);
        await all;
        if (failure) throw new BenchError(failure);
        const times = arrivals.get(expected)!.map((at) => at - sentAt);
        arrivalTimes.push(...times);
        lastTimes.push(Math.max(...times));
        commandTimes.push(answeredAt - sentAt);
        await new Promise((r) => setTimeout(r, 20));
      }
      worker.postMessage({ type: 'close' });
      return { label, arrival: stats(arrivalTimes), lastArrival: stats(lastTimes), command: stats(commandTimes) };
    };

    const runs: Run[] = [];
    process.stdout.write(`  meet ${opts.participants} stromen op dezelfde instantie ...`);
    runs.push(await measure('zelfde instantie', port));
    process.stdout.write(' klaar\n');
    if (target.name === 'postgres') {
      // A second instance on the same data: the streams listen there, the commands go to the first.
      const other = await buildApp(config, { db: target.db, mailer: mail, logger: false });
      second = other.app;
      await second.listen({ host: '127.0.0.1', port: 0 });
      const secondPort = (second.server.address() as { port: number }).port;
      process.stdout.write(`  meet ${opts.participants} stromen op een tweede instantie (via NOTIFY) ...`);
      runs.push(await measure('tweede instantie (NOTIFY)', secondPort));
      process.stdout.write(' klaar\n');
    }
    const health = stats(healthTimes);
    printTable(target.name, opts, health, runs);
    return { target, health, runs };
  } finally {
    agent.destroy();
    for (const w of workers) await w.terminate();
    await second?.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printTable(name: string, opts: Options, health: Sample, runs: readonly Run[]): void {
  const ms = (v: number) => v.toFixed(2);
  const ratio = (v: number, b: number) => (b > 0 ? `${(v / b).toFixed(1)}x` : 'n.v.t.');
  const header = ['meting', 'n', 'p50 ms', 'p99 ms', 'max ms', 'gem. ms', 'p50/basis', 'p99/basis'];
  const lines: string[][] = [['basis: GET /gezond (rondgang)', String(health.n), ms(health.p50), ms(health.p99), ms(health.max), ms(health.mean), '1.0x', '1.0x']];
  for (const run of runs) {
    const row = (label: string, s: Sample) => [label, String(s.n), ms(s.p50), ms(s.p99), ms(s.max), ms(s.mean), ratio(s.p50, health.p50), ratio(s.p99, health.p99)];
    lines.push(row(`${run.label}: POST opdracht tot 303`, run.command));
    lines.push(row(`${run.label}: opdracht tot aankomst per stroom`, run.arrival));
    lines.push(row(`${run.label}: opdracht tot aankomst bij alle ${opts.participants}`, run.lastArrival));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n  ${name}: ${opts.participants} deelnemers met elk één stroom, ${opts.commands} opdrachten\n  ${format(header)}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(`  ${format(line)}`);
}

async function main(): Promise<number> {
  const opts = options();
  console.log(`Live-bijeenkomstbench: ${opts.participants} deelnemers, ${opts.commands} opdrachten, Node ${process.version}, databases: ${opts.databases.join(', ')}`);
  const results: DatabaseResult[] = [];
  let failed = false;
  for (const name of opts.databases) {
    const target = name === 'sqlite' ? openSqlite() : await openPostgres(opts.pgUrl!);
    if (!target) continue;
    try {
      results.push(await benchDatabase(target, opts));
    } catch (error) {
      failed = true;
      console.error(`\n${name}: meting mislukt: ${error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      await target.dispose();
    }
  }
  return failed || results.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BenchError ? `Bench afgebroken: ${error.message}` : error);
    process.exit(1);
  },
);

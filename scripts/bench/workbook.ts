// node --import tsx scripts/bench/workbook.ts [--duration 5] [--connections 20] [--workers 1]
//                                            [--databases sqlite,postgres] [--pg-url postgres://…]
//
// Measures the change agenda under a heavy but possible load: the agenda page of one workbook with 200 milestones and
// 2,000 actions, and "mijn acties" of a person who takes part in 50 workbooks and owns actions in each of them. The
// real application runs in this process (as in pages.ts); its database is filled with direct Kysely inserts, the
// person registers, confirms the address and logs in through the application itself, and autocannon requests the
// pages with that session cookie. As a baseline in the same run: GET /gezond (the framework plus one small query)
// and a static file. A benchmark, not a test: it prints tables and exits 0; 1 when it cannot run.
//
// SQLite lives in a temporary folder; PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, or --pg-url) in a
// throwaway schema that is dropped at the end. PostgreSQL is measured only when such a URL is given and reachable.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Insertable } from 'kysely';
import { buildApp } from '../../src/app.js';
import { sessionCookieName } from '../../src/platform/auth/sessions.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Db, DialectName } from '../../src/platform/db/create-db.js';
import type { Database } from '../../src/platform/db/database.js';
import { MemoryMailer, TEST_PASSWORD } from '../../src/testing/test-app.js';
import { TestClient } from '../../src/testing/test-client.js';
import { autocannon, BenchError, type AutocannonResult } from './autocannon.js';
import { DEFAULT_PG_URL, openPostgres, openSqlite, type BenchDatabase as Target, databasesOption, wholeNumberOption } from './bench-databases.js';



/** The size of the data: one big agenda, and the workbooks of the person whose actions are listed. */
const BIG_MILESTONES = 200;
const BIG_ACTIONS_PER_MILESTONE = 10;
const WORKSPACES = 50;
const SMALL_MILESTONES = 4;
const SMALL_ACTIONS = 10;
const SMALL_OWNED = 5;
const OTHER_USERS = 4;

interface Options {
  readonly duration: number;
  readonly connections: number;
  readonly workers: number;
  readonly databases: readonly DialectName[];
  readonly pgUrl: string | undefined;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '20' },
      // A worker thread keeps the load generator off the server's event loop (0 = same thread).
      workers: { type: 'string', default: '1' },
      databases: { type: 'string', default: DEFAULT_PG_URL ? 'sqlite,postgres' : 'sqlite' },
      'pg-url': { type: 'string', default: DEFAULT_PG_URL },
    },
  });
  return {
    duration: wholeNumberOption('duration', values.duration, 1),
    connections: wholeNumberOption('connections', values.connections, 1),
    workers: wholeNumberOption('workers', values.workers, 0),
    databases: databasesOption(values.databases, values['pg-url']),
    pgUrl: values['pg-url'],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding

const DOMAINS = ['zorg', 'werk', 'mensen', 'professionals'] as const;
const HORIZONS = ['nu', '1-jaar', '5-jaar', '10-jaar', '20-jaar', 'doorlopend'] as const;
const STATUSES = ['idee', 'gepland', 'bezig', 'gedaan', 'gestopt'] as const;
const OPEN = new Set<string>(['idee', 'gepland', 'bezig']);

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function insertChunked<T extends keyof Database & string>(db: Db, table: T, rows: readonly Insertable<Database[T]>[], size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    // Kysely's generic insert typing does not follow a table name held in a type parameter.
    await db.kysely.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

interface Seeded {
  readonly bigWorkspaceId: string;
  readonly bigMilestones: number;
  readonly bigActions: number;
  readonly workspaces: number;
  /** Open actions the person owns, over all workbooks: the rows "mijn acties" shows. */
  readonly openOwned: number;
  readonly seconds: number;
}

/** Fills the database for the person with this user id: one big agenda and 49 smaller ones, all with actions they own. */
async function seed(db: Db, userId: string): Promise<Seeded> {
  const started = performance.now();
  const now = new Date().toISOString();
  const others = Array.from({ length: OTHER_USERS }, (_, i) => ({
    id: randomUUID(),
    email: `collega${i + 1}@bench.example.org`,
    email_verified_at: now,
    name: `Collega ${i + 1}`,
    password_hash: 'niet-om-in-te-loggen',
    profile_type: i % 2 === 0 ? 'professional' : 'ervaringsdeskundige',
    profession_slug: i % 2 === 0 ? 'jobcoach' : null,
    home_region_slug: null,
    disabled_at: null,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    created_at: now,
    updated_at: now,
  }));
  await insertChunked(db, 'users', others);
  const owners = [userId, ...others.map((o) => o.id), null];

  const workspaces: Insertable<Database['workspaces']>[] = [];
  const members: Insertable<Database['workspace_members']>[] = [];
  const milestones: Insertable<Database['agenda_milestones']>[] = [];
  const actions: Insertable<Database['agenda_actions']>[] = [];
  let openOwned = 0;

  const addWorkspace = (name: string, partner: string | null) => {
    const id = randomUUID();
    workspaces.push({ id, kind: partner ? 'together' : 'personal', name, team_id: null, created_by: userId, created_at: now, updated_at: now });
    members.push({ workspace_id: id, user_id: userId, joined_at: now });
    if (partner) members.push({ workspace_id: id, user_id: partner, joined_at: now });
    return id;
  };
  const addMilestone = (workspaceId: string, n: number) => {
    const id = randomUUID();
    const dated = n % 3 === 0;
    milestones.push({
      id,
      workspace_id: workspaceId,
      title: `Mijlpaal ${n + 1}: werkgevers in de regio bieden begeleid werk aan`,
      description: 'Wat er zichtbaar wordt als deze mijlpaal bereikt is, in een paar zinnen die de agenda niet laat zien.',
      domain: DOMAINS[n % DOMAINS.length]!,
      due_date: dated ? dayOffset(30 + n * 7) : null,
      horizon: dated ? null : HORIZONS[n % HORIZONS.length]!,
      position: n + 1,
      celebration_plan: 'Met taart.',
      reached_at: n % 10 === 9 ? now : null,
      celebration_note: n % 10 === 9 ? 'Gevierd met de hele ploeg.' : null,
      source_dream: null,
      version: 1,
      created_by: userId,
      created_at: now,
      updated_by: userId,
      updated_at: now,
    });
    return id;
  };
  const addAction = (workspaceId: string, milestoneId: string, n: number, position: number, ownerId: string | null, status: string) => {
    if (ownerId === userId && OPEN.has(status)) openOwned += 1;
    actions.push({
      id: randomUUID(),
      workspace_id: workspaceId,
      milestone_id: milestoneId,
      title: `Actie ${n + 1}: gesprek plannen met de leidinggevende over aanpassingen`,
      description: '',
      owner_id: ownerId,
      // Spread over overdue, this week, later and no date.
      due_date: n % 4 === 3 ? null : dayOffset((n % 90) - 20),
      status,
      support: '',
      headwind: '',
      position,
      version: 1,
      created_by: userId,
      created_at: now,
      updated_by: userId,
      updated_at: now,
    });
  };

  // The big agenda: 200 milestones, 10 actions each, owned in turn by the person, four colleagues and nobody.
  const bigWorkspaceId = addWorkspace('Grote veranderagenda', others[0]!.id);
  let actionNumber = 0;
  for (let m = 0; m < BIG_MILESTONES; m++) {
    const milestoneId = addMilestone(bigWorkspaceId, m);
    for (let a = 0; a < BIG_ACTIONS_PER_MILESTONE; a++) {
      addAction(bigWorkspaceId, milestoneId, actionNumber, a + 1, owners[actionNumber % owners.length]!, STATUSES[actionNumber % STATUSES.length]!);
      actionNumber += 1;
    }
  }
  // 49 more workbooks, each with a few milestones and actions, half of them the person's.
  for (let w = 1; w < WORKSPACES; w++) {
    const workspaceId = addWorkspace(`Werkboek ${w + 1}`, w % 2 === 0 ? others[w % OTHER_USERS]!.id : null);
    const ids = Array.from({ length: SMALL_MILESTONES }, (_, m) => addMilestone(workspaceId, m));
    for (let a = 0; a < SMALL_ACTIONS; a++) {
      const owner = a < SMALL_OWNED ? userId : owners[1 + (a % OTHER_USERS)]!;
      addAction(workspaceId, ids[a % ids.length]!, w * SMALL_ACTIONS + a, a + 1, owner, STATUSES[a % 3]!);
    }
  }

  await insertChunked(db, 'workspaces', workspaces);
  await insertChunked(db, 'workspace_members', members);
  await insertChunked(db, 'agenda_milestones', milestones);
  await insertChunked(db, 'agenda_actions', actions);
  return {
    bigWorkspaceId,
    bigMilestones: BIG_MILESTONES,
    bigActions: BIG_MILESTONES * BIG_ACTIONS_PER_MILESTONE,
    workspaces: WORKSPACES,
    openOwned,
    seconds: (performance.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

interface Row {
  readonly label: string;
  readonly bytes: number;
  readonly result: AutocannonResult;
  readonly baseline: boolean;
}

interface DatabaseResult {
  readonly target: Target;
  readonly rows: readonly Row[];
}

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

async function benchDatabase(target: Target, opts: Options): Promise<DatabaseResult> {
  console.log(`\n== ${target.description}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mmm-bench-workbook-data-'));
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PASSWORD_HASH_COST: 'test' });
  const mail = new MemoryMailer();
  const { app } = await buildApp(config, { db: target.db, mailer: mail, logger: false });
  try {
    // The person registers, confirms the address with the link from the mail and logs in, as anyone would.
    const person = new TestClient(app);
    const email = 'bench.werkboek@example.org';
    const registered = await person.post('/account/registreren', { name: 'Bench Werkboek', email, password: TEST_PASSWORD, profileType: 'professional', professionSlug: 'jobcoach' });
    if (registered.status !== 303) throw new BenchError(`Registreren mislukt (${registered.status})`);
    const token = new URL(mail.linkTo(email), 'http://x').searchParams.get('token') ?? '';
    if ((await person.post('/account/bevestigen', { token })).status !== 303) throw new BenchError('Bevestigen mislukt');
    // The login form's CSRF token comes with the page, as in a browser.
    await person.get('/account/inloggen');
    const login = await person.post('/account/inloggen', { email, password: TEST_PASSWORD });
    if (login.status !== 303) throw new BenchError(`Inloggen mislukt (${login.status})`);
    const session = person.cookie(sessionCookieName(config.secure));
    if (!session) throw new BenchError('Geen sessiecookie na inloggen');
    const user = await target.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();

    const seeded = await seed(target.db, user.id);
    const analysed = await target.afterSeeding();
    console.log(
      `  gevuld in ${seeded.seconds.toFixed(2)} s${analysed ? ` (daarna ${analysed})` : ''}: agenda met ${seeded.bigMilestones} mijlpalen en ${seeded.bigActions} acties; ` +
        `${seeded.workspaces} werkboeken met acties van de persoon, ${seeded.openOwned} open acties op "mijn acties"`,
    );

    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new BenchError('Geen TCP-adres');
    const base = `http://127.0.0.1:${address.port}`;
    const cookie = { cookie: `${sessionCookieName(config.secure)}=${session}` };
    const agendaPath = `/werkboek/${seeded.bigWorkspaceId}/agenda`;

    // Each page once, to know it shows what is measured.
    const fetchPage = async (url: string, headers: Record<string, string>) => {
      const res = await fetch(base + url, { headers, redirect: 'manual' });
      const body = await res.text();
      if (res.status !== 200) throw new BenchError(`${url} gaf ${res.status}`);
      return body;
    };
    const agenda = await fetchPage(agendaPath, cookie);
    const milestoneCards = count(agenda, /class="mmm-card mmm-agenda-milestone"/g);
    const actionLinks = count(agenda, /href="\/werkboek\/[^/"]+\/acties\/[^/"]+"/g);
    if (milestoneCards !== seeded.bigMilestones || actionLinks !== seeded.bigActions) {
      throw new BenchError(`de agenda toont ${milestoneCards} mijlpalen en ${actionLinks} acties, verwacht ${seeded.bigMilestones} en ${seeded.bigActions}`);
    }
    const mine = await fetchPage('/werkboek/mijn-acties', cookie);
    const myRows = count(mine, /<th scope="row"><a class="utrecht-link" href="\/werkboek\/[^/"]+\/acties\//g);
    if (myRows !== seeded.openOwned) throw new BenchError(`"mijn acties" toont ${myRows} acties, verwacht ${seeded.openOwned}`);
    const dashboard = await fetchPage('/werkboek', cookie);
    const health = await fetchPage('/gezond', {});
    const css = await fetchPage('/static/app.css', {});

    const targets: Array<readonly [string, string, Record<string, string>, number, boolean]> = [
      ['basis GET /gezond', '/gezond', {}, health.length, true],
      ['basis statisch /static/app.css', '/static/app.css', {}, css.length, false],
      [`agenda (${seeded.bigMilestones} mijlpalen, ${seeded.bigActions} acties)`, agendaPath, cookie, agenda.length, false],
      [`mijn acties (${seeded.openOwned} in ${seeded.workspaces} werkboeken)`, '/werkboek/mijn-acties', cookie, mine.length, false],
      [`werkboekoverzicht (${seeded.workspaces} werkboeken)`, '/werkboek', cookie, dashboard.length, false],
    ];
    const rows: Row[] = [];
    const width = Math.max(...targets.map(([label]) => label.length));
    for (const [label, url, headers, bytes, baseline] of targets) {
      process.stdout.write(`  meet ${label.padEnd(width)} ...`);
      const result = await autocannon({
        url: base + url,
        connections: opts.connections,
        duration: opts.duration,
        headers,
        ...(opts.workers > 0 ? { workers: opts.workers } : {}),
        warmup: { connections: Math.min(10, opts.connections), duration: 1 },
      });
      if (result.non2xx > 0 || result.errors > 0) throw new BenchError(`${label}: ${result.non2xx} antwoorden niet 2xx, ${result.errors} fouten; meting ongeldig`);
      process.stdout.write(` ${Math.round(result.requests.average)} req/s\n`);
      rows.push({ label, bytes, result, baseline });
    }
    printTable(target.name, rows);
    return { target, rows };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printTable(name: string, rows: readonly Row[]): void {
  const baseline = rows.find((r) => r.baseline)!.result;
  // autocannon reports p50/p99 in whole milliseconds, so /gezond often has p50 0 ms: a factor on p50 would be
  // meaningless. The factors compare throughput and the mean latency (which has decimals) with the baseline.
  const factor = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b < 10 ? 2 : 0)}x` : 'n.v.t.');
  const header = ['pagina', 'kB', 'req/s', 'p50 ms', 'p99 ms', 'gem. ms', 'timeouts', 'req/s basis/pagina', 'gem. latentie pagina/basis'];
  const lines = rows.map(({ label, bytes, result: r }) => [
    label,
    (bytes / 1024).toFixed(1),
    r.requests.average.toFixed(0),
    r.latency.p50.toFixed(1),
    r.latency.p99.toFixed(1),
    r.latency.average.toFixed(2),
    String(r.timeouts),
    factor(baseline.requests.average, r.requests.average),
    factor(r.latency.average, baseline.latency.average),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n  ${name}: basis = GET /gezond\n  ${format(header)}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(`  ${format(line)}`);
}

async function main(): Promise<number> {
  const opts = options();
  console.log(
    `Werkboekbench: ${opts.connections} verbindingen, ${opts.duration} s per meting (plus 1 s opwarmen), ${opts.workers} worker(s), ` +
      `Node ${process.version}, databases: ${opts.databases.join(', ')}`,
  );
  const results: DatabaseResult[] = [];
  let failed = false;
  for (const name of opts.databases) {
    const target = name === 'sqlite' ? openSqlite('workbook') : await openPostgres(opts.pgUrl!, 'wb');
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
  if (results.length > 1) {
    console.log('\nSamenvatting (p50 / p99 ms, req/s)');
    for (const { target, rows } of results) {
      for (const r of rows) {
        console.log(`  ${target.name.padEnd(8)} ${r.label.padEnd(48)} ${r.result.latency.p50.toFixed(1).padStart(7)} / ${r.result.latency.p99.toFixed(1).padStart(7)}  ${r.result.requests.average.toFixed(0).padStart(7)}`);
      }
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

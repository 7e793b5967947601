// npm run bench -- [--duration 10] [--connections 50] [--workers 1] [--memory]
//
// Measures what rendering costs: the home page, a logged-in team page and a chapter of the book (anonymous), each
// served dynamically by the real application and, for comparison, the very same HTML saved to a file and served
// statically by the same server process. A benchmark, not a test: it prints a table and exits 0. Loopback only;
// data lives in a temporary folder.
import fastifyStatic from '@fastify/static';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/app.js';
import { sessionCookieName } from '../../src/platform/auth/sessions.js';
import { loadConfig } from '../../src/platform/config.js';
import { createDb } from '../../src/platform/db/create-db.js';
import { MemoryMailer, TEST_PASSWORD } from '../../src/testing/test-app.js';
import { TestClient } from '../../src/testing/test-client.js';
import { autocannon, BenchError, type AutocannonResult } from './autocannon.js';


function options(): { duration: number; connections: number; workers: number; memory: boolean } {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      workers: { type: 'string', default: '1' },
      // Also measure the saved pages sent from memory, without the file system (as the app sends its CSS).
      memory: { type: 'boolean', default: false },
    },
  });
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new BenchError(`--${name} moet een geheel getal van minstens ${min} zijn (gekregen: ${value})`);
    return n;
  };
  return {
    duration: number('duration', values.duration, 1),
    connections: number('connections', values.connections, 1),
    // A worker thread keeps the load generator off the server's event loop (0 = same thread).
    workers: number('workers', values.workers, 0),
    memory: values.memory,
  };
}

type PageName = 'home' | 'team' | 'hoofdstuk';
type Serving = 'dynamisch' | 'statisch' | 'geheugen';

interface Row {
  readonly label: string;
  readonly page: PageName;
  readonly serving: Serving;
  readonly result: AutocannonResult;
}

/** A chapter of the book: public reading, long text with mentions resolved to links. */
const CHAPTER_PATH = '/boek/hoofdstukken/verdiepen';

async function main(): Promise<void> {
  const opts = options();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mmm-bench-'));
  const staticDir = path.join(dataDir, 'static-pages');
  mkdirSync(staticDir);
  const db = createDb(`sqlite:${path.join(dataDir, 'werkplaats.sqlite')}`);
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PASSWORD_HASH_COST: 'test',
  });
  const mail = new MemoryMailer();
  const { app } = await buildApp(config, { db, mailer: mail, logger: false });
  try {
    // The static twin of each page: a file on disk, sent by the same process under /static/ (where the app skips
    // sessions, as it does for its own CSS). Registered before the first request, because that makes the app ready.
    await app.register(fastifyStatic, { root: staticDir, serve: false });
    app.get<{ Params: { file: string } }>('/static/bench/:file', { config: { permission: 'public' } }, (request, reply) =>
      reply.type('text/html; charset=utf-8').sendFile(request.params.file),
    );
    const inMemory = new Map<string, Buffer>();
    app.get<{ Params: { file: string } }>('/static/bench-memory/:file', { config: { permission: 'public' } }, async (request, reply) => {
      const body = inMemory.get(request.params.file);
      if (!body) return reply.callNotFound();
      return reply.type('text/html; charset=utf-8').send(body);
    });

    // Set-up through the application itself: register, confirm by the e-mail link, log in, create a team.
    const person = new TestClient(app);
    const email = 'bench@example.org';
    const registered = await person.post('/account/registreren', {
      name: 'Bench Persoon',
      email,
      password: TEST_PASSWORD,
      profileType: 'professional',
      professionSlug: 'jobcoach',
      homeRegionSlug: 'zeeland',
    });
    if (registered.status !== 303) throw new BenchError(`Registreren mislukt (${registered.status})`);
    const token = new URL(mail.linkTo(email), 'http://x').searchParams.get('token') ?? '';
    const verified = await person.post('/account/bevestigen', { token });
    if (verified.status !== 303) throw new BenchError(`Bevestigen mislukt (${verified.status})`);
    const login = await person.post('/account/inloggen', { email, password: TEST_PASSWORD });
    if (login.status !== 303) throw new BenchError(`Inloggen mislukt (${login.status})`);
    const session = person.cookie(sessionCookieName(config.secure));
    if (!session) throw new BenchError('Geen sessiecookie na inloggen');

    const form = await person.get('/teams/nieuw');
    if (form.status === 404) throw new BenchError('/teams/nieuw geeft 404: de teamfunctie bestaat (nog) niet; de teampagina kan niet gemeten worden.');
    if (form.status !== 200) throw new BenchError(`/teams/nieuw gaf ${form.status}`);
    const created = await person.post('/teams/nieuw', {
      name: 'Benchteam Zeeland',
      regionSlug: 'zeeland',
      purpose: 'Samen uitzoeken wat werkt bij terugkeer naar werk.',
    });
    const teamPath = created.location?.split('?')[0];
    if (created.status !== 303 || !teamPath || !/^\/teams\/[^/]+$/.test(teamPath)) {
      throw new BenchError(`Team aanmaken mislukt (${created.status}, Location: ${created.location ?? 'geen'})`);
    }

    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new BenchError('Geen TCP-adres');
    const base = `http://127.0.0.1:${address.port}`;
    const cookie = `${sessionCookieName(config.secure)}=${session}`;

    // Save the pages exactly as a visitor receives them.
    const save = async (url: string, file: string, headers: Record<string, string>, mustContain: string) => {
      const res = await fetch(base + url, { headers, redirect: 'manual' });
      const html = await res.text();
      if (res.status !== 200 || !html.includes(mustContain)) throw new BenchError(`${url} gaf ${res.status} zonder "${mustContain}"`);
      writeFileSync(path.join(staticDir, file), html);
      inMemory.set(file, Buffer.from(html, 'utf8'));
      for (const prefix of ['/static/bench/', '/static/bench-memory/']) {
        const check = await fetch(base + prefix + file);
        if (check.status !== 200 || (await check.text()) !== html) throw new BenchError(`${prefix}${file} wijkt af van het origineel`);
      }
      return html.length;
    };
    const homeBytes = await save('/', 'home.html', {}, '<html');
    const teamBytes = await save(teamPath, 'team.html', { cookie }, 'Benchteam Zeeland');
    const chapterBytes = await save(CHAPTER_PATH, 'hoofdstuk.html', {}, 'Verdiepen');

    console.log(
      `Werkplaats bench: ${opts.connections} verbindingen, ${opts.duration} s per meting, ${opts.workers} worker(s), ` +
        `Node ${process.version}, server op ${base}\nhome ${homeBytes} bytes, team ${teamBytes} bytes (${teamPath}), ` +
        `hoofdstuk ${chapterBytes} bytes (${CHAPTER_PATH})\n`,
    );
    const targets: Array<readonly [string, PageName, Serving, string, Record<string, string>]> = [
      ['home dynamisch  /', 'home', 'dynamisch', '/', {}],
      ['home statisch', 'home', 'statisch', '/static/bench/home.html', {}],
      ['team dynamisch  (ingelogd)', 'team', 'dynamisch', teamPath, { cookie }],
      ['team statisch', 'team', 'statisch', '/static/bench/team.html', {}],
      ['hoofdstuk dynamisch  (anoniem)', 'hoofdstuk', 'dynamisch', CHAPTER_PATH, {}],
      ['hoofdstuk statisch', 'hoofdstuk', 'statisch', '/static/bench/hoofdstuk.html', {}],
      ...(opts.memory
        ? ([
            ['home statisch uit geheugen', 'home', 'geheugen', '/static/bench-memory/home.html', {}],
            ['team statisch uit geheugen', 'team', 'geheugen', '/static/bench-memory/team.html', {}],
            ['hoofdstuk statisch uit geheugen', 'hoofdstuk', 'geheugen', '/static/bench-memory/hoofdstuk.html', {}],
          ] as const)
        : []),
    ];
    const rows: Row[] = [];
    const labelWidth = Math.max(28, ...targets.map(([label]) => label.length));
    for (const [label, page, serving, url, headers] of targets) {
      process.stdout.write(`meet ${label.padEnd(labelWidth)} ...`);
      const result = await autocannon({
        url: base + url,
        connections: opts.connections,
        duration: opts.duration,
        headers,
        ...(opts.workers > 0 ? { workers: opts.workers } : {}),
        warmup: { connections: Math.min(10, opts.connections), duration: 1 },
      });
      if (result.non2xx > 0 || result.errors > 0) {
        throw new BenchError(`${label}: ${result.non2xx} antwoorden niet 2xx, ${result.errors} fouten; meting ongeldig`);
      }
      process.stdout.write(` ${Math.round(result.requests.average)} req/s\n`);
      rows.push({ label, page, serving, result });
    }
    printTable(rows);
  } finally {
    await app.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printTable(rows: readonly Row[]): void {
  const header = ['pagina', 'req/s', 'p50 ms', 'p99 ms', 'gem. ms', 'MB/s', 'timeouts'];
  const lines = rows.map(({ label, result: r }) => [
    label,
    r.requests.average.toFixed(0),
    r.latency.p50.toFixed(1),
    r.latency.p99.toFixed(1),
    r.latency.average.toFixed(2),
    (r.throughput.average / 1024 / 1024).toFixed(1),
    String(r.timeouts),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
  const ratio = (dynamic: Row | undefined, stat: Row | undefined) => {
    if (!dynamic || !stat) return 'n.v.t.';
    const throughput = dynamic.result.requests.average / stat.result.requests.average;
    const p50 = dynamic.result.latency.p50 / Math.max(stat.result.latency.p50, 0.001);
    const p99 = dynamic.result.latency.p99 / Math.max(stat.result.latency.p99, 0.001);
    return `req/s ${throughput.toFixed(2)}x, p50 ${p50.toFixed(2)}x, p99 ${p99.toFixed(2)}x`;
  };
  const row = (page: PageName, serving: Serving) => rows.find((r) => r.page === page && r.serving === serving);
  const pages: readonly PageName[] = ['home', 'team', 'hoofdstuk'];
  console.log('');
  for (const page of pages) console.log(`dynamisch/statisch ${page}: ${ratio(row(page, 'dynamisch'), row(page, 'statisch'))}`);
  if (rows.some((r) => r.serving === 'geheugen')) {
    for (const page of pages) console.log(`dynamisch/geheugen ${page}: ${ratio(row(page, 'dynamisch'), row(page, 'geheugen'))}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BenchError ? `Bench afgebroken: ${error.message}` : error);
    process.exit(1);
  },
);

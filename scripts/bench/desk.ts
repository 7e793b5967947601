// npm run bench:desk -- [--duration 5] [--connections 50] [--services 10000] [--workers 1]
//                        [--databases sqlite,postgres] [--pg-url postgres://…]
//
// Measures the regional desk of a region with a full social map. Per database:
// 1. the HSDS import of a generated file with --services services (5 per organisation, each organisation with a
//    location, opening hours, a contact and a phone number), as a coordinator's import runs it; then the same file
//    again (every record updated);
// 2. the first desk search after that (it builds the region's search documents, once), then the time of one change
//    to an organisation with its search documents (hide and publish again, each its own transaction);
// 3. at --connections connections: the desk home and the desk search page, each beside the very same HTML served as
//    a static file by the same server process, and GET /gezond, all in the same run.
// A benchmark, not a test: it prints tables and exits 0; 1 when it cannot run.
import fastifyStatic from '@fastify/static';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/app.js';
import { touchDesk } from '../../src/features/desk/shared/changes.js';
import * as publication from '../../src/features/desk/shared/publication.js';
import type { Database } from '../../src/platform/db/database.js';
import { importSocialMap } from '../../src/features/desk/social-map/social-map.service.js';
import { loadConfig } from '../../src/platform/config.js';
import type { DialectName } from '../../src/platform/db/create-db.js';
import { MemoryMailer } from '../../src/testing/test-app.js';
import { autocannon, BenchError, type AutocannonResult } from './autocannon.js';
import { DEFAULT_PG_URL, openPostgres, openSqlite, type BenchDatabase, databasesOption, wholeNumberOption } from './bench-databases.js';

const REGION = 'zeeland';
const SERVICES_PER_ORGANISATION = 5;
const EMPLOYERS = 20;
const VACANCIES_PER_EMPLOYER = 2;
const SEARCH_PATH = `/loket/${REGION}/zoeken?q=werk`;
const HOME_PATH = `/loket/${REGION}`;

interface Options {
  readonly duration: number;
  readonly connections: number;
  readonly services: number;
  readonly workers: number;
  readonly databases: readonly DialectName[];
  readonly pgUrl: string | undefined;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      services: { type: 'string', default: '10000' },
      // A worker thread keeps the load generator off the server's event loop (0 = same thread).
      workers: { type: 'string', default: '1' },
      databases: { type: 'string', default: DEFAULT_PG_URL ? 'sqlite,postgres' : 'sqlite' },
      'pg-url': { type: 'string', default: DEFAULT_PG_URL },
    },
  });
  return {
    duration: wholeNumberOption('duration', values.duration, 1),
    connections: wholeNumberOption('connections', values.connections, 1),
    services: wholeNumberOption('services', values.services, SERVICES_PER_ORGANISATION),
    workers: wholeNumberOption('workers', values.workers, 0),
    databases: databasesOption(values.databases, values['pg-url']),
    pgUrl: values['pg-url'],
  };
}

const PLACES = ['Middelburg', 'Vlissingen', 'Goes', 'Terneuzen', 'Zierikzee', 'Hulst', 'Oostburg', 'Kapelle'];
const KINDS = ['uwv', 'gemeente', 'ggz', 'jobcoach', 'ips', 'clientondersteuning', 'ervaringsdeskundigen', 'overig'];
const SERVICE_WORDS = ['Werkfit', 'Jobcoaching', 'Individuele Plaatsing en Steun', 'Inloopspreekuur werk en inkomen', 'Herstelgroep', 'Budgetcoaching', 'Sollicitatietraining'];

/** An HSDS 3.0 document with the organisations nested as the import expects them. */
function generatedSocialMap(services: number): { text: string; organisations: number } {
  const organisations = Math.ceil(services / SERVICES_PER_ORGANISATION);
  const list = Array.from({ length: organisations }, (_, o) => {
    const place = PLACES[o % PLACES.length]!;
    const id = randomUUID();
    const locationId = randomUUID();
    const serviceCount = Math.min(SERVICES_PER_ORGANISATION, services - o * SERVICES_PER_ORGANISATION);
    return {
      id,
      name: `Organisatie ${o + 1} ${place}`,
      description: `Wij helpen mensen in ${place} op weg naar werk dat past, ook met een psychische kwetsbaarheid.`,
      email: `info${o + 1}@voorbeeld.example.org`,
      website: `https://organisatie${o + 1}.example.org`,
      x_organisation_kind: KINDS[o % KINDS.length],
      phones: [{ id: randomUUID(), number: `0118 ${String(100000 + o).slice(-6)}` }],
      contacts: [{ id: randomUUID(), name: 'Balie', email: `balie${o + 1}@voorbeeld.example.org` }],
      locations: [
        {
          id: locationId,
          location_type: 'physical',
          name: `Kantoor ${place}`,
          addresses: [{ id: randomUUID(), address_1: `Stationsstraat ${o + 1}`, city: place, state_province: 'Zeeland', postal_code: '4331 AA', country: 'NL', address_type: 'physical' }],
          schedules: [{ id: randomUUID(), byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00', description: 'Op werkdagen' }],
        },
      ],
      services: Array.from({ length: serviceCount }, (_, s) => ({
        id: randomUUID(),
        name: `${SERVICE_WORDS[(o + s) % SERVICE_WORDS.length]} ${place}`,
        description: 'Samen zoeken we uit welk werk bij je past en wat je nodig hebt om het vol te houden.',
        eligibility_description: 'Voor iedereen die wil werken.',
        application_process: 'Bel of mail ons; een verwijzing is niet nodig.',
        fees_description: 'Gratis',
        status: 'active',
        service_at_locations: [{ id: randomUUID(), location_id: locationId }],
      })),
    };
  });
  return { text: JSON.stringify({ organizations: list }), organisations };
}

interface Row {
  readonly label: string;
  readonly result: AutocannonResult;
}

interface DatabaseReport {
  readonly description: string;
  readonly importSeconds: number;
  readonly reimportSeconds: number;
  readonly firstSearchMs: number;
  /** Milliseconds of one change with its search documents, each its own transaction. */
  readonly changeMs: readonly number[];
  readonly rows: readonly Row[];
}

async function benchDatabase(target: BenchDatabase, opts: Options, socialMap: { text: string; organisations: number }): Promise<DatabaseReport> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mmm-bench-desk-data-'));
  const staticDir = path.join(dataDir, 'static-pages');
  mkdirSync(staticDir);
  // The benchmark is one address making thousands of requests: loopback is left out of the rate limits here only.
  const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PASSWORD_HASH_COST: 'test', RATE_LIMIT_ALLOW: '127.0.0.1' });
  const { app } = await buildApp(config, { db: target.db, mailer: new MemoryMailer(), logger: false });
  try {
    await app.register(fastifyStatic, { root: staticDir, serve: false });
    app.get<{ Params: { file: string } }>('/static/bench/:file', { config: { permission: 'public' } }, (request, reply) =>
      reply.type('text/html; charset=utf-8').sendFile(request.params.file),
    );
    await app.ready();

    const db = target.db.kysely;
    let started = performance.now();
    const imported = await importSocialMap(db, REGION, socialMap.text, null, new Date());
    const importSeconds = (performance.now() - started) / 1000;
    if (!imported.ok) throw new BenchError(`Import mislukt: ${JSON.stringify(imported.problems.slice(0, 3))}`);
    started = performance.now();
    const again = await importSocialMap(db, REGION, socialMap.text, null, new Date());
    const reimportSeconds = (performance.now() - started) / 1000;
    if (!again.ok) throw new BenchError('Tweede import mislukt');
    await seedEmployers(target);
    await target.afterSeeding();

    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new BenchError('Geen TCP-adres');
    const base = `http://127.0.0.1:${address.port}`;

    started = performance.now();
    const first = await fetch(base + SEARCH_PATH);
    const firstSearchMs = performance.now() - started;
    if (first.status !== 200) throw new BenchError(`${SEARCH_PATH} gaf ${first.status}`);
    await first.text();
    const changeMs = await measureChanges(db);

    const save = async (url: string, file: string) => {
      const res = await fetch(base + url);
      const html = await res.text();
      if (res.status !== 200) throw new BenchError(`${url} gaf ${res.status}`);
      writeFileSync(path.join(staticDir, file), html);
      return html.length;
    };
    const homeBytes = await save(HOME_PATH, 'loket.html');
    const searchBytes = await save(SEARCH_PATH, 'zoeken.html');
    console.log(`  loket ${homeBytes} bytes, zoekpagina ${searchBytes} bytes`);

    const targets: Array<readonly [string, string]> = [
      ['basis GET /gezond', '/gezond'],
      [`loket dynamisch  ${HOME_PATH}`, HOME_PATH],
      ['loket statisch', '/static/bench/loket.html'],
      [`zoeken dynamisch  ${SEARCH_PATH}`, SEARCH_PATH],
      ['zoeken statisch', '/static/bench/zoeken.html'],
    ];
    const rows: Row[] = [];
    for (const [label, url] of targets) {
      process.stdout.write(`  meet ${label.padEnd(44)} ...`);
      const result = await autocannon({
        url: base + url,
        connections: opts.connections,
        duration: opts.duration,
        ...(opts.workers > 0 ? { workers: opts.workers } : {}),
        warmup: { connections: Math.min(10, opts.connections), duration: 1 },
      });
      if (result.non2xx > 0 || result.errors > 0) throw new BenchError(`${label}: ${result.non2xx} antwoorden niet 2xx, ${result.errors} fouten; meting ongeldig`);
      process.stdout.write(` ${Math.round(result.requests.average)} req/s\n`);
      rows.push({ label, result });
    }
    return { description: target.description, importSeconds, reimportSeconds, firstSearchMs, changeMs, rows };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Verified employers with open vacancies, so that the desk home shows what a real one shows. */
/** Hides and publishes one organisation again and again: each change updates only its own search documents. */
async function measureChanges(db: Kysely<Database>): Promise<number[]> {
  const organisation = await db.selectFrom('desk_organisations').select('id').where('region_slug', '=', REGION).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const request = { regionSlug: REGION, kind: 'organisation' as const, id: organisation.id, actorId: null };
  const samples: number[] = [];
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    await db.transaction().execute((trx) => (i % 2 === 0 ? publication.hide(trx, request, new Date()) : publication.restore(trx, request, new Date())));
    samples.push(performance.now() - started);
  }
  return samples;
}

async function seedEmployers(target: BenchDatabase): Promise<void> {
  const db = target.db.kysely;
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const edited = { created_by: null, created_at: now, updated_by: null, updated_at: now, version: 1 };
  for (let e = 0; e < EMPLOYERS; e++) {
    const employerId = randomUUID();
    const place = PLACES[e % PLACES.length]!;
    await db
      .insertInto('desk_employers')
      .values({
        ...edited,
        id: employerId,
        region_slug: REGION,
        name: `Werkgever ${e + 1}`,
        description: 'Een bedrijf dat openstaat.',
        offers_adjustments: 'Aangepaste werktijden.',
        offers_guidance: 'Een vaste collega als maatje.',
        offers_trial_placements: 'Proefplaatsing van een maand.',
        contact_name: 'Personeelszaken',
        contact_email: `werk${e + 1}@voorbeeld.example.org`,
        contact_phone: null,
        website: null,
        city: place,
        status: 'verified',
        pledged_at: now,
        verified_by: null,
        verified_at: now,
        rejection_reason: null,
        withdrawn_at: null,
      })
      .execute();
    for (let v = 0; v < VACANCIES_PER_EMPLOYER; v++) {
      await db
        .insertInto('desk_vacancies')
        .values({
          ...edited,
          id: randomUUID(),
          region_slug: REGION,
          employer_id: employerId,
          title: `Medewerker werkplaats ${e + 1}.${v + 1}`,
          what_you_do: 'Je helpt in de werkplaats met eenvoudig en afwisselend werk.',
          hours: '16 tot 24 uur per week',
          hours_per_week: 20,
          place,
          help_available: 'Een vaste collega helpt je op weg.',
          what_we_ask: '',
          contact: 'Bel of mail ons.',
          contact_email: null,
          contact_phone: null,
          expires_on: expires,
          status: 'published',
          reviewed_by: null,
          reviewed_at: now,
        })
        .execute();
    }
  }
  await touchDesk(db, REGION, new Date(), [{ kind: 'all' }]);
}

function printReport(report: DatabaseReport, opts: Options, organisations: number): void {
  const rate = (seconds: number) => `${(opts.services / seconds).toFixed(0)} diensten/s`;
  console.log(`\n${report.description}`);
  console.log(`  import ${opts.services} diensten in ${organisations} organisaties: ${report.importSeconds.toFixed(2)} s (${rate(report.importSeconds)})`);
  console.log(`  dezelfde import opnieuw (alles bijgewerkt): ${report.reimportSeconds.toFixed(2)} s (${rate(report.reimportSeconds)})`);
  console.log(`  eerste zoekopdracht na de import (zoekindex van het loket eenmalig opgebouwd): ${report.firstSearchMs.toFixed(0)} ms`);
  const sorted = [...report.changeMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  console.log(`  één organisatie verbergen of weer publiceren, met haar zoekdocumenten (${sorted.length}x): p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms`);
  const header = ['pagina', 'req/s', 'p50 ms', 'p99 ms', 'timeouts'];
  const lines = report.rows.map(({ label, result: r }) => [label, r.requests.average.toFixed(0), r.latency.p50.toFixed(1), r.latency.p99.toFixed(1), String(r.timeouts)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n  ${format(header)}\n  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(`  ${format(line)}`);
  const find = (prefix: string) => report.rows.find((r) => r.label.startsWith(prefix))?.result;
  const ratio = (dynamic: AutocannonResult | undefined, baseline: AutocannonResult | undefined) =>
    dynamic && baseline
      ? `req/s ${(dynamic.requests.average / baseline.requests.average).toFixed(2)}x, p50 ${(dynamic.latency.p50 / Math.max(baseline.latency.p50, 0.001)).toFixed(2)}x, p99 ${(dynamic.latency.p99 / Math.max(baseline.latency.p99, 0.001)).toFixed(2)}x`
      : 'n.v.t.';
  console.log('');
  console.log(`  loket dynamisch/statisch:  ${ratio(find('loket dynamisch'), find('loket statisch'))}`);
  console.log(`  zoeken dynamisch/statisch: ${ratio(find('zoeken dynamisch'), find('zoeken statisch'))}`);
  console.log(`  loket/GET /gezond:         ${ratio(find('loket dynamisch'), find('basis'))}`);
  console.log(`  zoeken/GET /gezond:        ${ratio(find('zoeken dynamisch'), find('basis'))}`);
}

async function main(): Promise<void> {
  const opts = options();
  const socialMap = generatedSocialMap(opts.services);
  console.log(
    `Loket-bench: ${opts.services} diensten (${socialMap.organisations} organisaties, ${(socialMap.text.length / 1024 / 1024).toFixed(1)} MB HSDS), ` +
      `${opts.connections} verbindingen, ${opts.duration} s per meting, Node ${process.version}`,
  );
  for (const name of opts.databases) {
    const target = name === 'sqlite' ? openSqlite('desk') : await openPostgres(opts.pgUrl!, 'desk');
    if (!target) continue;
    console.log(`\n${target.description}`);
    try {
      printReport(await benchDatabase(target, opts, socialMap), opts, socialMap.organisations);
    } finally {
      await target.dispose();
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BenchError ? `Bench afgebroken: ${error.message}` : error);
    process.exit(1);
  },
);

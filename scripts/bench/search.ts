// node --import tsx scripts/bench/search.ts [--documents 10000,30000,100000] [--queries 400] [--updates 100] [--databases sqlite,postgres]
//                                          [--pg-url postgres://…] [--seed 1] [--skip-vacuum]
//
// Measures the knowledge base's search: latency (p50/p95/p99/mean of one search() call) over the book alone and over
// the book plus N synthetic Dutch documents, on SQLite and on PostgreSQL, and the size of the index. It uses the
// project's own engine (replaceSource, search) on a fresh database: SQLite in a temporary folder, PostgreSQL in a
// throwaway schema that is dropped at the end, also after an error or Ctrl-C. A benchmark, not a test: it prints
// tables and exits 0; 1 only when it cannot run, 130 when interrupted. PostgreSQL that cannot be reached is skipped.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import pg from 'pg';
import { theBook } from '../../src/features/book/book.content.js';
import { BOOK_SOURCE, bookSearchDocuments } from '../../src/features/book/book.search.js';
import { createDb, type Db, type DialectName } from '../../src/platform/db/create-db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { migrations } from '../../migrations/index.js';
import { replaceSource, search, upsertDocuments, type SearchableDocument, type SearchRequest } from '../../src/platform/search/search-engine.js';

class BenchError extends Error {}

const SYNTHETIC_SOURCE = 'synthetisch';
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
/** Passes over the query mix before measuring (caches, prepared plans, JIT). */
const WARMUP_PASSES = 2;

interface Options {
  /** Sizes of the synthetic collection, measured one after the other. */
  readonly documents: readonly number[];
  readonly queries: number;
  readonly updates: number;
  readonly databases: readonly DialectName[];
  readonly pgUrl: string;
  readonly seed: number;
  readonly vacuum: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      documents: { type: 'string', default: '10000,30000,100000' },
      queries: { type: 'string', default: '400' },
      updates: { type: 'string', default: '100' },
      databases: { type: 'string', default: 'sqlite,postgres' },
      'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL },
      seed: { type: 'string', default: '1' },
      // PostgreSQL: by default the search tables get VACUUM ANALYZE after indexing, the state autovacuum brings them to
      // shortly after a source was replaced; skip it to measure straight after the bulk insert.
      'skip-vacuum': { type: 'boolean', default: false },
    },
  });
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new BenchError(`--${name} moet een geheel getal van minstens ${min} zijn (gekregen: ${value})`);
    return n;
  };
  const databases = [...new Set(values.databases.split(',').map((d) => d.trim()).filter(Boolean))];
  for (const d of databases) {
    if (d !== 'sqlite' && d !== 'postgres') throw new BenchError(`--databases kent alleen sqlite en postgres (gekregen: ${d})`);
  }
  if (databases.length === 0) throw new BenchError('--databases is leeg');
  if (!/^postgres(ql)?:\/\//.test(values['pg-url'])) throw new BenchError(`--pg-url moet met postgres:// beginnen`);
  return {
    documents: values.documents.split(',').map((d) => number('documents', d.trim(), 0)).sort((a, b) => a - b),
    queries: number('queries', values.queries, 1),
    updates: number('updates', values.updates, 1),
    databases: databases as DialectName[],
    pgUrl: values['pg-url'],
    seed: number('seed', values.seed, 0),
    vacuum: !values['skip-vacuum'],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup, also on Ctrl-C: every resource registers how to remove itself; the signal handler runs what is left.

type Cleanup = (interrupted: boolean) => Promise<void>;
const cleanups = new Set<Cleanup>();
let interrupted = false;

/** Registers a cleanup that runs at most once, whether called by the normal path or by the signal handler. */
function registerCleanup(work: Cleanup): () => Promise<void> {
  let done: Promise<void> | undefined;
  const once: Cleanup = (wasInterrupted) => {
    cleanups.delete(once);
    done ??= work(wasInterrupted);
    return done;
  };
  cleanups.add(once);
  return () => once(false);
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) {
    console.error(`\n${signal} opnieuw: direct gestopt, zonder verder op te ruimen.`);
    process.exit(130);
  }
  interrupted = true;
  console.error(`\n${signal}: afgebroken, bezig met opruimen (nogmaals ${signal} om direct te stoppen) ...`);
  // Connections broken off while cleaning up may report errors nobody listens to; they must not stop the cleanup.
  process.on('uncaughtException', (error) => console.error(`(tijdens opruimen: ${error.message})`));
  void (async () => {
    for (const cleanup of [...cleanups].reverse()) {
      try {
        await cleanup(true);
      } catch (error) {
        console.error(`Opruimen mislukt: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    process.exit(130);
  })();
}

/**
 * Used only while indexing (the searches are measured without it): after each statement, stops the transaction when
 * Ctrl-C was pressed, so that it rolls back and the cleanup can go ahead. On SQLite it also yields to the event loop:
 * better-sqlite3 answers synchronously, so a long run of statements never lets the loop turn and Ctrl-C would wait
 * until indexing 100,000 documents has ended.
 */
class InterruptPlugin implements KyselyPlugin {
  constructor(private readonly yieldEachStatement: boolean) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.yieldEachStatement) await new Promise((resolve) => setImmediate(resolve));
    if (interrupted) throw new BenchError('afgebroken');
    return args.result;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Synthetic documents: deterministic Dutch-looking text from the book's own words plus Dutch compounds.

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Parts of Dutch compounds in the domain (linking -s- included where Dutch uses it).
const COMPOUND_MODIFIERS = [
  'job', 'loopbaan', 'werk', 'arbeids', 're-integratie', 'zorg', 'team', 'ervarings', 'levens', 'praktijk', 'cliënt',
  'herstel', 'werkgevers', 'werknemers', 'participatie', 'gezondheids', 'begeleidings', 'functionerings', 'sollicitatie',
  'bedrijfs', 'traject', 'ziekte', 'inkomens', 'talent', 'regio', 'buurt', 'stage', 'leer', 'verzuim', 'keten',
];
const COMPOUND_HEADS = [
  'coach', 'coaching', 'gever', 'nemer', 'begeleider', 'plek', 'overleg', 'traject', 'plan', 'gesprek', 'deskundige',
  'ondersteuner', 'netwerk', 'afspraak', 'budget', 'aanpassing', 'vaardigheden', 'ervaring', 'kwaliteit', 'ritme',
  'coördinator', 'adviseur', 'verklaring', 'regeling', 'ontwikkeling', 'kansen', 'beleid', 'dossier', 'consulent', 'tafel',
];
const SYNTHETIC_TYPES = ['chapter', 'story', 'dream', 'instruction', 'source', 'profession', 'recommendation'] as const;
const WORD_PATTERN = /\p{L}+(?:[-'’]\p{L}+)*/gu;
const SMALL_WORDS = new Set(['de', 'het', 'een', 'en', 'van', 'in', 'op', 'te', 'met', 'voor', 'dat', 'die', 'is', 'zijn', 'niet']);

interface Vocabulary {
  /** Every word of the book's text in reading order, so that common words stay common (Zipf) in the synthetic text. */
  readonly running: readonly string[];
  /** The longer lower-case words of that text, as often as they occur there: for titles and for new compounds. */
  readonly content: readonly string[];
}

function bookVocabulary(documents: readonly SearchableDocument[]): Vocabulary {
  const running: string[] = [];
  const content: string[] = [];
  for (const d of documents) {
    for (const match of d.body.matchAll(WORD_PATTERN)) {
      const word = match[0];
      running.push(word);
      if (word.length >= 5 && /^\p{Ll}+$/u.test(word) && !SMALL_WORDS.has(word)) content.push(word);
    }
  }
  if (running.length === 0 || content.length === 0) throw new BenchError('het boek leverde geen woorden op voor de synthetische documenten');
  return { running, content };
}

function syntheticDocuments(count: number, seed: number, vocabulary: Vocabulary): SearchableDocument[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const compound = () => {
    const word = pick(COMPOUND_MODIFIERS) + pick(COMPOUND_HEADS);
    const r = random();
    return r < 0.15 ? `${word}s` : r < 0.25 ? `${word}en` : word;
  };
  const word = () => {
    const r = random();
    if (r < 0.12) return compound();
    // A new compound of two words of the book: the vocabulary keeps growing, as it does in real Dutch text. Frequent
    // words are part of many compounds, rare words of few.
    if (r < 0.135) return pick(vocabulary.content) + pick(vocabulary.content);
    const w = pick(vocabulary.running);
    return /^\p{Lu}\p{Ll}/u.test(w) && random() < 0.7 ? w.toLowerCase() : w;
  };
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const documents: SearchableDocument[] = [];
  for (let n = 1; n <= count; n++) {
    const titleWords = 2 + Math.floor(random() * 4);
    const title = capital(Array.from({ length: titleWords }, () => (random() < 0.3 ? compound() : pick(vocabulary.content))).join(' '));
    const total = 40 + Math.floor(random() * 81);
    const sentences: string[] = [];
    let written = 0;
    while (written < total) {
      const length = Math.min(total - written, 5 + Math.floor(random() * 12));
      const words = Array.from({ length }, word);
      // "werk" in every document: the common word of the benchmark, as in a desk's social map.
      if (written === 0) words[Math.floor(random() * length)] = 'werk';
      if (length > 8 && random() < 0.4) words[Math.floor(length / 2)] += ',';
      sentences.push(`${capital(words.join(' '))}.`);
      written += length;
    }
    documents.push({ key: `s-${n}`, type: pick(SYNTHETIC_TYPES), url: `/synthetisch/${n}`, title, body: sentences.join(' ') });
  }
  return documents;
}

// ---------------------------------------------------------------------------------------------------------------
// The query mix, cycled: what visitors type. The four kinds of the goals come first.

interface BenchQuery {
  readonly label: string;
  readonly kind?: 'zeldzaam' | 'algemeen' | 'twee woorden' | 'typfout';
  readonly request: SearchRequest;
}

const QUERIES: readonly BenchQuery[] = [
  { label: 'minderwaardigheidsgevoel', kind: 'zeldzaam', request: { text: 'minderwaardigheidsgevoel' } },
  { label: 'werk (in elk document)', kind: 'algemeen', request: { text: 'werk' } },
  { label: 'psychische kwetsbaarheid', kind: 'twee woorden', request: { text: 'psychische kwetsbaarheid' } },
  { label: 'jobcoch (typfout)', kind: 'typfout', request: { text: 'jobcoch' } },
  { label: 'werkgever', request: { text: 'werkgever' } },
  { label: 'coach (samenstellingen)', request: { text: 'coach' } },
  { label: 're-integratie werkgever', request: { text: 're-integratie werkgever' } },
  { label: 'terugkeer naar werk', request: { text: 'terugkeer naar werk' } },
  { label: 'jobcoach gesprek werkplek', request: { text: 'jobcoach gesprek werkplek' } },
  { label: 'wrekgever (typfout)', request: { text: 'wrekgever' } },
  { label: 'begeleiding [instruction]', request: { text: 'begeleiding', types: ['instruction'] } },
  { label: 'Droom 3 (titel)', request: { text: 'Droom 3' } },
  { label: 'ik durf niet te vertellen dat ik ziek ben (vraag)', request: { text: 'ik durf niet te vertellen dat ik ziek ben op mijn werk' } },
];
const KINDS = ['zeldzaam', 'algemeen', 'twee woorden', 'typfout'] as const;

interface Measurement {
  readonly samples: number[];
  readonly perQuery: Map<string, number[]>;
  readonly totals: Map<string, number>;
}

async function measure(db: Db, runs: number): Promise<Measurement> {
  for (let i = 0; i < WARMUP_PASSES * QUERIES.length; i++) await search(db, QUERIES[i % QUERIES.length]!.request);
  const m: Measurement = { samples: [], perQuery: new Map(), totals: new Map() };
  for (let i = 0; i < runs; i++) {
    if (interrupted) throw new BenchError('afgebroken');
    const query = QUERIES[i % QUERIES.length]!;
    const start = performance.now();
    const results = await search(db, query.request);
    const elapsed = performance.now() - start;
    m.samples.push(elapsed);
    const list = m.perQuery.get(query.label) ?? [];
    list.push(elapsed);
    m.perQuery.set(query.label, list);
    m.totals.set(query.label, results.total);
  }
  return m;
}

const samplesOfKind = (m: Measurement, kind: (typeof KINDS)[number]) => QUERIES.filter((q) => q.kind === kind).flatMap((q) => m.perQuery.get(q.label) ?? []);

interface Stats {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the smallest sample with at least p% of the samples at or below it.
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), mean, max: sorted[sorted.length - 1] ?? NaN };
}

// ---------------------------------------------------------------------------------------------------------------
// The databases.

interface IndexSize {
  readonly documents: number;
  readonly terms: number;
  /** The size that counts for comparison, in bytes. */
  readonly bytes: number;
  /** How that size was measured, and its parts. */
  readonly detail: string;
}

interface Target {
  readonly name: DialectName;
  readonly description: string;
  readonly db: Db;
  /** Run after each indexing (PostgreSQL: VACUUM ANALYZE); says what it did. */
  afterIndexing(): Promise<string | undefined>;
  size(): Promise<IndexSize>;
  dispose(): Promise<void>;
}

async function rowCounts(db: Db): Promise<{ documents: number; terms: number }> {
  const count = async (table: 'search_documents' | 'search_terms') =>
    Number((await db.kysely.selectFrom(table).select(sql<string | number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  return { documents: await count('search_documents'), terms: await count('search_terms') };
}

function openSqlite(): Target {
  const dir = mkdtempSync(path.join(tmpdir(), 'mmm-bench-search-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = createDb(`sqlite:${file}`);
  const dispose = registerCleanup(async () => {
    // Closing the handle directly also works while an interrupted transaction is still open.
    try {
      db.sqliteHandle?.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    name: 'sqlite',
    description: `SQLite ${String(db.sqliteHandle!.prepare('SELECT sqlite_version() AS v').pluck().get())}, ${file}`,
    db,
    afterIndexing: async () => undefined,
    async size() {
      const handle = db.sqliteHandle!;
      // Move the write-ahead log into the file, so that the file size is the index size.
      handle.pragma('wal_checkpoint(TRUNCATE)');
      const pages = Number(handle.pragma('page_count', { simple: true })) * Number(handle.pragma('page_size', { simple: true }));
      const fileBytes = statSync(file).size;
      let perTable: string;
      try {
        const rows = handle
          .prepare(
            `SELECT m.tbl_name AS tbl, sum(s.pgsize) AS bytes FROM dbstat s JOIN sqlite_master m ON m.name = s.name
             WHERE m.tbl_name LIKE 'search\\_%' ESCAPE '\\' GROUP BY m.tbl_name ORDER BY m.tbl_name`,
          )
          .all() as { tbl: string; bytes: number }[];
        perTable = `; ${rows.map((r) => `${r.tbl.replace('search_', '')} ${mb(r.bytes)}`).join(', ')} (dbstat, met indexen)`;
      } catch {
        perTable = ' (dbstat niet beschikbaar)';
      }
      return { ...(await rowCounts(db)), bytes: fileBytes, detail: `bestand ${mb(fileBytes)}, page_count×page_size ${mb(pages)}${perTable}` };
    },
    dispose,
  };
}

/** The PostgreSQL target, or undefined when the server cannot be reached (the benchmark then skips it). */
async function openPostgres(url: string): Promise<Target | undefined> {
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, application_name: 'mmm-bench-search-admin' });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    console.log(`PostgreSQL overgeslagen: ${shown} is niet bereikbaar (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
  const version = String((await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version);
  const schema = `bench_${Math.random().toString(36).slice(2, 12)}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  // The application name marks the benchmark's own connections, so that Ctrl-C can end them before dropping the schema.
  const db = createDb(`${url}${url.includes('?') ? '&' : '?'}application_name=${schema}`, { pgSchema: schema, pgPoolSize: 4 });
  const dispose = registerCleanup(async (wasInterrupted) => {
    try {
      if (wasInterrupted) {
        // Cancel what runs now; the open transaction then rolls back and the pool can close. Connections that do not
        // let go within a few seconds are ended, because they would hold locks on the schema.
        const backends = `FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`;
        await admin.query(`SELECT pg_cancel_backend(pid) ${backends}`, [schema]);
        const closed = await Promise.race([
          db.close().then(() => true, () => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000).unref()),
        ]);
        if (!closed) await admin.query(`SELECT pg_terminate_backend(pid) ${backends}`, [schema]);
      } else {
        await db.close();
      }
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await admin.end().catch(() => undefined);
    }
  });
  return {
    name: 'postgres',
    description: `PostgreSQL ${version}, ${shown}, schema ${schema}`,
    db,
    async afterIndexing() {
      await sql`VACUUM (ANALYZE) search_sources, search_documents, search_terms`.execute(db.kysely);
      return 'VACUUM ANALYZE';
    },
    async size() {
      const rows = (
        await admin.query<{ relname: string; bytes: string }>(
          `SELECT c.relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname LIKE 'search\\_%' ORDER BY c.relname`,
          [schema],
        )
      ).rows;
      const total = rows.reduce((sum, r) => sum + Number(r.bytes), 0);
      const parts = rows.map((r) => `${r.relname.replace('search_', '')} ${mb(Number(r.bytes))}`).join(', ');
      return { ...(await rowCounts(db)), bytes: total, detail: `pg_total_relation_size ${mb(total)}: ${parts}` };
    },
    dispose,
  };
}

// ---------------------------------------------------------------------------------------------------------------

interface SizeResult {
  readonly size: number;
  readonly indexSeconds: number;
  /** Highest resident memory of this process while the synthetic documents were indexed. */
  readonly peakRssBytes: number;
  /** Resident memory just before (the benchmark's own documents, the book, the runtime). */
  readonly rssBeforeBytes: number;
  readonly measurement: Measurement;
  readonly index: IndexSize;
}

interface DatabaseResult {
  readonly target: Target;
  readonly bookIndexSeconds: number;
  readonly book: Measurement;
  readonly sizes: readonly SizeResult[];
  /** Milliseconds to change one document (its own transaction), at the largest size. */
  readonly updates: readonly number[];
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}

async function indexSource(target: Target, source: string, version: string, documents: readonly SearchableDocument[]): Promise<number> {
  const kysely = target.db.kysely.withPlugin(new InterruptPlugin(target.db.dialect === 'sqlite'));
  const start = performance.now();
  await kysely.transaction().execute((trx) => replaceSource(trx, target.db.dialect, source, version, documents, new Date()));
  const seconds = (performance.now() - start) / 1000;
  const extra = opts.vacuum ? await target.afterIndexing() : undefined;
  const note = extra ? `, daarna ${extra} ${((performance.now() - start) / 1000 - seconds).toFixed(1)} s` : '';
  console.log(`  ${source}: ${documents.length} documenten geïndexeerd in ${seconds.toFixed(1)} s (${Math.round(documents.length / Math.max(seconds, 0.001))} doc/s)${note}`);
  return seconds;
}

/** Changes one synthetic document again and again, each in its own transaction, as a desk change does. */
async function measureUpdates(target: Target, document: SearchableDocument, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const changed = { ...document, title: `${document.title} ${i % 2 === 0 ? 'bijgewerkt' : ''}`.trim(), body: `${document.body} Versie ${i}.` };
    const start = performance.now();
    await target.db.kysely.transaction().execute((trx) => upsertDocuments(trx, target.db.dialect, SYNTHETIC_SOURCE, [changed]));
    samples.push(performance.now() - start);
  }
  return samples;
}

async function benchDatabase(target: Target, bookDocuments: readonly SearchableDocument[], synthetic: readonly SearchableDocument[]): Promise<DatabaseResult> {
  console.log(`\n== ${target.description}`);
  await migrateToLatest(target.db, migrations);
  const bookIndexSeconds = await indexSource(target, BOOK_SOURCE, theBook().version, bookDocuments);
  process.stdout.write(`  meet alleen boek: ${WARMUP_PASSES} opwarmrondes, ${opts.queries} zoekacties ...`);
  let start = performance.now();
  const book = await measure(target.db, opts.queries);
  process.stdout.write(` ${((performance.now() - start) / 1000).toFixed(1)} s\n`);

  const sizes: SizeResult[] = [];
  for (const size of opts.documents) {
    const documents = synthetic.slice(0, size);
    global.gc?.();
    const rssBeforeBytes = process.memoryUsage.rss();
    peakRss = rssBeforeBytes;
    const sampler = setInterval(sampleRss, 20);
    let indexSeconds: number;
    try {
      indexSeconds = await indexSource(target, SYNTHETIC_SOURCE, `bench-${opts.seed}-${size}`, documents);
    } finally {
      clearInterval(sampler);
      sampleRss();
    }
    const peakRssBytes = peakRss;
    process.stdout.write(`  meet boek + ${size} synthetisch: ${WARMUP_PASSES} opwarmrondes, ${opts.queries} zoekacties ...`);
    start = performance.now();
    const measurement = await measure(target.db, opts.queries);
    process.stdout.write(` ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
    for (const query of QUERIES) if (measurement.totals.get(query.label) === 0) console.log(`  LET OP: "${query.request.text}" vond niets.`);
    sizes.push({ size, indexSeconds, peakRssBytes, rssBeforeBytes, measurement, index: await target.size() });
  }
  const updates = synthetic.length > 0 ? await measureUpdates(target, synthetic[Math.floor(synthetic.length / 2)]!, opts.updates) : [];
  const result = { target, bookIndexSeconds, book, sizes, updates };
  printQueryTable(result);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Output.

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(2));
const times = (x: number) => `${x.toFixed(1)}x`;

function table(header: readonly string[], lines: readonly (readonly string[])[], leftColumns = 1): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  console.log(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

function printQueryTable(r: DatabaseResult): void {
  console.log(`\n  ${r.target.name}: per zoekvraag, p50 in ms (treffers)`);
  const lines = QUERIES.map((q) => [
    q.label,
    `${ms(stats(r.book.perQuery.get(q.label) ?? []).p50)} (${r.book.totals.get(q.label) ?? '-'})`,
    ...r.sizes.map((s) => `${ms(stats(s.measurement.perQuery.get(q.label) ?? []).p50)} (${s.measurement.totals.get(q.label) ?? '-'})`),
  ]);
  table(['zoekvraag', 'alleen boek', ...r.sizes.map((s) => `+${s.size}`)], lines);
}

function printSummary(results: readonly DatabaseResult[], bookCount: number): void {
  console.log(`\nZoeklatentie per search()-aanroep (wandkloktijd, ms) per soort zoekvraag; doel p95 ≤ 10 ms (SQLite) en ≤ 20 ms (PostgreSQL) bij 100.000`);
  const lines: string[][] = [];
  for (const r of results) {
    for (const kind of KINDS) {
      const book = stats(samplesOfKind(r.book, kind));
      lines.push([r.target.name, kind, `boek (${bookCount})`, ms(book.p50), ms(book.p95), ms(book.p99)]);
      for (const s of r.sizes) {
        const x = stats(samplesOfKind(s.measurement, kind));
        lines.push([r.target.name, kind, `+${s.size}`, ms(x.p50), ms(x.p95), ms(x.p99)]);
      }
    }
    const all = stats(r.sizes.at(-1)?.measurement.samples ?? []);
    lines.push([r.target.name, 'hele mix', `+${r.sizes.at(-1)?.size ?? 0}`, ms(all.p50), ms(all.p95), ms(all.p99)]);
  }
  table(['database', 'soort', 'index', 'p50', 'p95', 'p99'], lines, 3);

  if (results.some((r) => r.sizes.length >= 2)) {
    console.log('\nGroei van p95 van de kleinste naar de grootste verzameling (lineair zou de verhouding van de aantallen zijn)');
    const growth: string[][] = [];
    for (const r of results) {
      const first = r.sizes[0]!;
      const last = r.sizes.at(-1)!;
      for (const kind of KINDS) {
        const a = stats(samplesOfKind(first.measurement, kind)).p95;
        const b = stats(samplesOfKind(last.measurement, kind)).p95;
        growth.push([r.target.name, kind, `${first.size} → ${last.size}`, times(b / Math.max(a, 0.001)), times(last.size / Math.max(first.size, 1))]);
      }
    }
    table(['database', 'soort', 'documenten', 'p95 groei', 'aantal groei'], growth, 3);
  }

  console.log('\nIndexeren (doel ≤ 60 s en ≤ 500 MB RSS voor 100.000) en grootte');
  const sizeLines: string[][] = [];
  for (const r of results) {
    for (const s of r.sizes) {
      sizeLines.push([
        r.target.name,
        `+${s.size}`,
        `${s.indexSeconds.toFixed(1)} s`,
        `${Math.round(s.size / Math.max(s.indexSeconds, 0.001))}/s`,
        mb(s.peakRssBytes),
        mb(s.rssBeforeBytes),
        mb(s.peakRssBytes - s.rssBeforeBytes),
        String(s.index.documents),
        String(s.index.terms),
        mb(s.index.bytes),
      ]);
    }
  }
  table(['database', 'index', 'indexeren', 'doc/s', 'piek RSS', 'vooraf', 'erbij', 'documenten', 'termen', 'grootte'], sizeLines, 2);
  for (const r of results) for (const s of r.sizes.slice(-1)) console.log(`  ${r.target.name} +${s.size}: ${s.index.detail}`);

  console.log('\nEén document bijwerken in zijn eigen transactie (doel ≤ 5 ms)');
  table(
    ['database', 'n', 'p50', 'p95', 'p99'],
    results.map((r) => {
      const u = stats(r.updates);
      return [r.target.name, String(u.n), ms(u.p50), ms(u.p95), ms(u.p99)];
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------

let opts: Options;

async function main(): Promise<number> {
  opts = options();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started = performance.now();

  const start = performance.now();
  const bookDocuments = bookSearchDocuments(theBook());
  const vocabulary = bookVocabulary(bookDocuments);
  const synthetic = syntheticDocuments(opts.documents.at(-1) ?? 0, opts.seed, vocabulary);
  const words = synthetic.reduce((sum, d) => sum + d.body.split(' ').length, 0);
  console.log(
    `Zoekbench: boek ${bookDocuments.length} documenten + ${opts.documents.join(' / ')} synthetische (seed ${opts.seed}, ` +
      `${Math.round(words / Math.max(1, synthetic.length))} woorden gemiddeld, woordenschat uit ${vocabulary.running.length} woorden van het boek), ` +
      `${opts.queries} zoekacties per meting over ${QUERIES.length} zoekvragen, Node ${process.version}; ` +
      `documenten gemaakt in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );

  const results: DatabaseResult[] = [];
  let failed = false;
  for (const name of opts.databases) {
    if (interrupted) break;
    const target = name === 'sqlite' ? openSqlite() : await openPostgres(opts.pgUrl);
    if (!target) continue;
    try {
      results.push(await benchDatabase(target, bookDocuments, synthetic));
    } catch (error) {
      if (interrupted) break;
      failed = true;
      console.error(`\n${name}: meting mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      if (!interrupted) await target.dispose();
    }
  }
  if (interrupted) return new Promise<number>(() => undefined); // the signal handler cleans up and exits
  if (results.length > 0) printSummary(results, bookDocuments.length);
  else console.log('\nNiets gemeten.');
  console.log(`\nKlaar in ${((performance.now() - started) / 1000).toFixed(1)} s (piekgeheugen ${Math.round(process.resourceUsage().maxRSS / 1024)} MB).`);
  return failed || results.length === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    if (interrupted) return; // the signal handler cleans up and exits
    console.error(error instanceof BenchError ? `Bench afgebroken: ${error.message}` : error);
    for (const cleanup of [...cleanups].reverse()) await cleanup(false).catch(() => undefined);
    process.exit(1);
  },
);

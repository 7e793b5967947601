import SqliteDatabase from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Db } from './create-db.js';
import type { Database } from './database.js';

// Backups of the SQLite file through SQLite's online backup API, and a canonical export to compare installations.
// Why the backup API and not a file copy, and why pg_dump for PostgreSQL: docs/decisions/003-backups.md.

/** A refusal or failure with a message meant for the operator (Dutch, like the rest of the operator output). */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

export interface BackupOptions {
  /**
   * Called between steps; returns how many pages to copy in the next step (0 pauses the copy for one turn).
   * Without it everything is copied in one step: in WAL mode that reader blocks no writer, and a copy in
   * steps would start over every time another connection (the running server) writes.
   */
  readonly progress?: (progress: BackupProgress) => number;
}

const ALL_PAGES = 0x7fffffff;

/** The SQLite file a `sqlite:` DATABASE_URL points at. */
export function sqliteFileOfUrl(url: string): string {
  if (!url.startsWith('sqlite:')) throw new BackupError(`Geen SQLite-database: ${url.split(':')[0]}`);
  const file = url.slice('sqlite:'.length);
  if (file === '' || file === ':memory:') throw new BackupError('Een database in het geheugen heeft geen bestand om terug te zetten.');
  return path.resolve(file);
}

/** `<dataDir>/backups/werkplaats-20261123T101500Z.sqlite` */
export function defaultBackupFile(dataDir: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return path.join(dataDir, 'backups', `werkplaats-${stamp}.sqlite`);
}

const POSTGRES_REFUSAL =
  'Deze back-up werkt alleen met SQLite. Deze installatie gebruikt PostgreSQL: maak de back-up met pg_dump ' +
  '(bijvoorbeeld: pg_dump --format=custom --file=werkplaats.dump "$DATABASE_URL") en zet hem terug met pg_restore. ' +
  'Zie docs/decisions/003-backups.md.';

/**
 * Writes a consistent copy of the live database to `targetFile` while the application keeps running.
 * The copy is made under a temporary name, switched to a single-file journal mode, checked with
 * `PRAGMA integrity_check`, and only then renamed, so a half-written backup never carries the final name.
 */
export async function backupSqlite(db: Db, targetFile: string, options: BackupOptions = {}): Promise<void> {
  const handle = db.sqliteHandle;
  if (db.dialect !== 'sqlite' || !handle) throw new BackupError(POSTGRES_REFUSAL);
  const target = path.resolve(targetFile);
  if (db.sqliteFile && path.resolve(db.sqliteFile) === target) {
    throw new BackupError(`Het doel van de back-up is de database zelf: ${target}`);
  }
  if (existsSync(target)) throw new BackupError(`Er staat al een bestand op ${target}; een back-up overschrijft nooit iets.`);
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = temporaryName(target);
  try {
    // A connection of its own: it sees only committed data, even while the app's connection is inside a transaction.
    const source = db.sqliteFile ? new SqliteDatabase(db.sqliteFile, { readonly: true, fileMustExist: true, timeout: 5000 }) : handle;
    try {
      await copyDatabase(source, temp, options.progress ?? (() => ALL_PAGES));
    } finally {
      if (source !== handle) source.close();
    }
    // The copy inherits WAL mode from the source; a backup should be one self-contained file.
    const copy = new SqliteDatabase(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    checkIntegrity(temp, 'De zojuist gemaakte back-up');
    chmodSync(temp, 0o600);
    if (existsSync(target)) throw new BackupError(`Er staat al een bestand op ${target}; een back-up overschrijft nooit iets.`);
    renameSync(temp, target);
    syncDirectory(dir);
  } catch (error) {
    removeSqliteFiles(temp);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Back-up mislukt: ${messageOf(error)}`, { cause: error });
  }
}

export interface RestoreOptions {
  /** Replace an existing database file; the old file is kept next to it, never deleted. */
  readonly force?: boolean;
  readonly now?: Date;
}

export interface RestoreResult {
  readonly target: string;
  /** Where the database that was replaced now lives, if there was one. */
  readonly previousMovedTo: string | undefined;
}

/**
 * Puts a backup in place as the database file `targetFile`. The server must be stopped: an existing file is
 * only replaced with `force`, and even then not while another connection still has it open.
 */
export async function restoreSqlite(backupFile: string, targetFile: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const source = path.resolve(backupFile);
  const target = path.resolve(targetFile);
  if (source === target) throw new BackupError('De back-up en de database zijn hetzelfde bestand.');
  if (!existsSync(source)) throw new BackupError(`Back-upbestand niet gevonden: ${source}`);
  checkIntegrity(source, 'Het back-upbestand');
  checkIsWerkplaatsDatabase(source);

  const targetExists = existsSync(target);
  if (targetExists && !options.force) {
    throw new BackupError(
      `Er staat al een database op ${target}. Stop eerst de server en voer het commando opnieuw uit met --force; ` +
        'de bestaande database wordt dan bewaard naast de nieuwe, niet verwijderd.',
    );
  }
  if (targetExists) ensureNotInUse(target);

  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = temporaryName(target);
  let previousMovedTo: string | undefined;
  try {
    const backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      await copyDatabase(backup, temp, () => ALL_PAGES);
    } finally {
      backup.close();
    }
    checkIntegrity(temp, 'De teruggezette kopie');
    chmodSync(temp, 0o600);
    if (targetExists) {
      const stamp = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
      previousMovedTo = `${target}.voor-herstel-${stamp}`;
      renameSync(target, previousMovedTo);
    }
    // A -wal file left behind would be replayed onto the restored database; it belongs with the old file.
    for (const suffix of ['-wal', '-shm']) {
      if (!existsSync(target + suffix)) continue;
      if (previousMovedTo) renameSync(target + suffix, previousMovedTo + suffix);
      else rmSync(target + suffix, { force: true });
    }
    renameSync(temp, target);
    syncDirectory(dir);
  } catch (error) {
    removeSqliteFiles(temp);
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Terugzetten mislukt: ${messageOf(error)}`, { cause: error });
  }
  return { target, previousMovedTo };
}

/**
 * Runs the backup API into `file`. When the source is busy before the first page, better-sqlite3 resolves as if
 * done and removes the new file; that case is retried for a while instead of being taken for success.
 */
async function copyDatabase(
  source: SqliteDatabase.Database,
  file: string,
  progress: (progress: BackupProgress) => number,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await source.backup(file, { progress });
    if (existsSync(file)) return;
    if (Date.now() > deadline) throw new BackupError('De database bleef bezet; er is geen back-up gemaakt. Probeer het opnieuw.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

function removeSqliteFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory; the rename itself has happened.
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens the file read-only and requires `PRAGMA integrity_check` to answer exactly 'ok'. */
function checkIntegrity(file: string, what: string): void {
  let rows: unknown[];
  try {
    const check = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      rows = check.pragma('integrity_check') as unknown[];
    } finally {
      check.close();
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_CORRUPT') throw new BackupError(`${what} is beschadigd (${file}): ${messageOf(error)}`, { cause: error });
    throw new BackupError(`${what} is geen bruikbare SQLite-database (${file}): ${messageOf(error)}`, { cause: error });
  }
  const answers = rows.map((row) => Object.values(row as Record<string, unknown>)[0]);
  if (answers.length !== 1 || answers[0] !== 'ok') {
    const shown = answers.slice(0, 5).map(String).join('; ');
    throw new BackupError(`${what} is beschadigd (${file}): integrity_check meldt: ${shown}`);
  }
}

function checkIsWerkplaatsDatabase(file: string): void {
  const check = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const names = new Set(
      (check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name),
    );
    // Only tables every version has: tables of later migrations may be absent from an older backup (the server adds them).
    const missing = ['kysely_migration', 'users'].filter((name) => !names.has(name));
    if (missing.length > 0) {
      throw new BackupError(`${file} is geen back-up van de Werkplaats (ontbrekende tabellen: ${missing.join(', ')}).`);
    }
  } finally {
    check.close();
  }
}

/** Refuses when another connection (a running server) still has the database open. */
function ensureNotInUse(file: string): void {
  let probe: SqliteDatabase.Database | undefined;
  try {
    probe = new SqliteDatabase(file, { fileMustExist: true, timeout: 1000 });
    // Leaving WAL mode needs the only connection to the file; it also folds the -wal file into the old database.
    probe.pragma('journal_mode = DELETE');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new BackupError(`De database ${file} is nog in gebruik. Stop eerst de server en probeer het dan opnieuw.`, { cause: error });
    }
    // A damaged database cannot be checked this way, and is exactly what one replaces; it is kept aside anyway.
  } finally {
    probe?.close();
  }
}

/** Every table of the Database interface with its primary key; the compiler keeps this list complete. */
const PRIMARY_KEYS: { readonly [T in keyof Database]: readonly (keyof Database[T] & string)[] } = {
  users: ['id'],
  sessions: ['id_hash'],
  recovery_codes: ['id'],
  login_throttle: ['key'],
  account_tokens: ['token_hash'],
  regions: ['slug'],
  region_coordinators: ['region_slug', 'user_id'],
  teams: ['id'],
  team_members: ['team_id', 'user_id'],
  team_invitations: ['id'],
  audit_log: ['id'],
  search_sources: ['source'],
  search_documents: ['id'],
  search_terms: ['source', 'term'],
  workspaces: ['id'],
  workspace_members: ['workspace_id', 'user_id'],
  workspace_invitations: ['id'],
  workbook_answers: ['workspace_id', 'field_key'],
  workbook_answer_revisions: ['id'],
  agenda_milestones: ['id'],
  agenda_actions: ['id'],
  agenda_revisions: ['id'],
  agenda_comments: ['id'],
  agenda_reminder_preferences: ['user_id'],
  agenda_reminders_sent: ['user_id', 'sent_on'],
  case_consultations: ['team_id'],
  cases: ['id'],
  case_access_log: ['id'],
  case_meetings: ['id'],
  case_contributions: ['id'],
  case_recommendation_groups: ['id'],
  case_recommendations: ['id'],
  case_recommendation_revisions: ['id'],
  case_ranking_rounds: ['id'],
  case_ranking_items: ['round_id', 'group_id'],
  case_rankings: ['round_id', 'user_id'],
  case_ranking_entries: ['round_id', 'user_id', 'group_id'],
  desk_organisations: ['id'],
  desk_organisation_representatives: ['organisation_id', 'user_id'],
  desk_services: ['id'],
  desk_locations: ['id'],
  desk_service_at_location: ['id'],
  desk_contacts: ['id'],
  desk_phones: ['id'],
  desk_schedules: ['id'],
  desk_employers: ['id'],
  desk_employer_members: ['employer_id', 'user_id'],
  desk_vacancies: ['id'],
  desk_questions: ['id'],
  desk_answers: ['id'],
  desk_faqs: ['id'],
  desk_pages: ['id'],
  desk_glossary: ['id'],
  desk_groups: ['id'],
  desk_group_organisers: ['group_id', 'user_id'],
  desk_group_members: ['group_id', 'user_id'],
  desk_group_meetings: ['id'],
  desk_reports: ['id'],
  desk_changes: ['region_slug'],
};

type Row = Record<string, unknown>;

function canonicalValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  return value;
}

function canonicalRow(row: Row): Row {
  const out: Row = {};
  for (const key of Object.keys(row).sort()) out[key] = canonicalValue(row[key]);
  return out;
}

/** Sorts by code units, not by a database collation, so SQLite and PostgreSQL give the same order. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A deterministic JSON text of every row of every table (keys sorted, rows sorted by primary key, then by
 * the whole row), plus the names of the applied migrations. Equal texts mean equal installations.
 */
export async function canonicalExport(db: Db): Promise<string> {
  const kysely = db.kysely as unknown as Kysely<Record<string, Row>>;
  const tables: Record<string, Row[]> = {};
  for (const [table, key] of Object.entries(PRIMARY_KEYS).sort(([a], [b]) => compareText(a, b))) {
    const rows = (await kysely.selectFrom(table).selectAll().execute()).map(canonicalRow);
    const sortKey = (row: Row) => JSON.stringify(key.map((column) => row[column]));
    const decorated = rows.map((row) => ({ row, key: sortKey(row), whole: JSON.stringify(row) }));
    decorated.sort((a, b) => compareText(a.key, b.key) || compareText(a.whole, b.whole));
    tables[table] = decorated.map((d) => d.row);
  }
  const migrations = (await kysely.selectFrom('kysely_migration').select('name').execute())
    .map((row) => String(row.name))
    .sort(compareText);
  return `${JSON.stringify({ format: 'werkplaats-export/1', migrations, tables }, null, 1)}\n`;
}

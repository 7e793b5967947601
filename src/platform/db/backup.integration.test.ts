import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { createTestApp, testApp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.js';
import { testDatabaseKinds, type TestDatabaseKind } from '../../testing/test-databases.js';
import { firstAdministrator, registeredPerson, type Person } from '../../testing/scenario.js';
import { backupSqlite, BackupError, canonicalExport, restoreSqlite } from './backup.js';
import { createDb, type Db } from './create-db.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from '../../../migrations/index.js';

/** A database kind on a file the test chooses, so the test can back it up, restore it and open it again. */
function fileKind(file: string): TestDatabaseKind {
  return {
    name: 'sqlite',
    async create() {
      const db = createDb(`sqlite:${file}`);
      return { db, dispose: () => db.close() };
    },
  };
}

async function exportOfFile(file: string): Promise<string> {
  const db = createDb(`sqlite:${file}`);
  try {
    return await canonicalExport(db);
  } finally {
    await db.close();
  }
}

describe('SQLite backup and restore', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mmm-backup-'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  test('a backup taken while the app runs and writes restores to an equal, working installation', async () => {
    const liveFile = path.join(root, 'live', 'werkplaats.sqlite');
    const backupFile = path.join(root, 'backups', 'werkplaats-test.sqlite');
    const restoredFile = path.join(root, 'restored', 'werkplaats.sqlite');
    const t = await createTestApp(fileKind(liveFile));
    let restored: TestApp | undefined;
    try {
      await firstAdministrator(t);
      await registeredPerson(t, { name: 'Voor de back-up', email: 'voor@example.org' });
      const beforeBackup = await canonicalExport(t.deps.db);

      // A second connection to the same file, as `npm run backup` opens it next to the running server.
      const operator = createDb(`sqlite:${liveFile}`);
      let write: Promise<Person> | undefined;
      let writeDone = false;
      let pagesCopiedBeforeWrite = 0;
      let stepsAfterWrite = 0;
      try {
        await backupSqlite(operator, backupFile, {
          // Copy one page at a time; once some pages are copied, register a person through the app and hold the
          // copy (0 pages per step) until that has committed, so the write certainly falls inside the backup.
          progress: ({ totalPages, remainingPages }) => {
            if (!write && remainingPages < totalPages) {
              pagesCopiedBeforeWrite = totalPages - remainingPages;
              write = registeredPerson(t, { name: 'Tijdens de back-up', email: 'tijdens@example.org' }).then((p) => {
                writeDone = true;
                return p;
              });
            }
            if (write && !writeDone) return 0;
            if (writeDone) stepsAfterWrite += 1;
            return 1;
          },
        });
      } finally {
        await operator.close();
      }
      assert.ok(write, 'the concurrent write never started');
      await write;
      assert.ok(pagesCopiedBeforeWrite > 0, 'the write should start after the copy has begun');
      assert.ok(stepsAfterWrite > 0, 'the copy should continue after the write');
      const afterWrite = await canonicalExport(t.deps.db);
      assert.notEqual(afterWrite, beforeBackup);

      // The backup is one closed, private, checked file with nothing half-written left next to it.
      assert.equal(statSync(backupFile).mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(path.dirname(backupFile)), ['werkplaats-test.sqlite']);
      const check = new SqliteDatabase(backupFile, { readonly: true });
      assert.equal(check.pragma('journal_mode', { simple: true }), 'delete');
      check.close();

      const result = await restoreSqlite(backupFile, restoredFile);
      assert.deepEqual(result, { target: restoredFile, previousMovedTo: undefined });
      // The snapshot is the state after the write: the copy started over when the other connection wrote.
      const restoredExport = await exportOfFile(restoredFile);
      assert.equal(restoredExport, afterWrite);
      assert.match(restoredExport, /tijdens@example\.org/);

      // The restored file is a working installation: the person registered during the backup can log in.
      restored = await createTestApp(fileKind(restoredFile));
      const login = await restored.client().post('/account/inloggen', { email: 'tijdens@example.org', password: TEST_PASSWORD });
      assert.equal(login.status, 303, login.body.slice(0, 500));
    } finally {
      await restored?.close();
      await t.close();
    }
  });

  test('a backup from inside the app copies only committed data, even while a write transaction is open', async (ctx) => {
    const liveFile = path.join(root, 'own', 'werkplaats.sqlite');
    const backupFile = path.join(root, 'own-backups', 'b.sqlite');
    const t = await testApp(ctx, fileKind(liveFile));
    await registeredPerson(t);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const transaction = t.deps.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('login_throttle').values({ key: 'onafgemaakt', failures: 1, last_failure_at: '2026-11-23T10:00:00.000Z', locked_until: null }).execute();
      entered();
      await held;
    });
    await inside;
    const committed = await exportOfFile(liveFile);
    try {
      await backupSqlite(t.deps.db, backupFile);
    } finally {
      release();
      await transaction;
    }
    const copy = await exportOfFile(backupFile);
    assert.equal(copy, committed);
    assert.doesNotMatch(copy, /onafgemaakt/);
    assert.match(await canonicalExport(t.deps.db), /onafgemaakt/);
  });

  test('refusals: overwriting, in-use and existing targets, files that are not a sound Werkplaats database', async () => {
    const liveFile = path.join(root, 'refuse', 'werkplaats.sqlite');
    const backupFile = path.join(root, 'refuse-backups', 'b.sqlite');
    const t = await createTestApp(fileKind(liveFile));
    let appOpen = true;
    try {
      await registeredPerson(t);
      await backupSqlite(t.deps.db, backupFile);
      const backupExport = await exportOfFile(backupFile);

      await assert.rejects(backupSqlite(t.deps.db, backupFile), (e: Error) => e instanceof BackupError && /overschrijft nooit/.test(e.message));
      await assert.rejects(backupSqlite(t.deps.db, liveFile), /de database zelf/);

      // An existing database is only replaced with force, and not while the server still has it open.
      await assert.rejects(restoreSqlite(backupFile, liveFile), /Stop eerst de server.*--force/s);
      await assert.rejects(restoreSqlite(backupFile, liveFile, { force: true }), /nog in gebruik/);
      await registeredPerson(t, { email: 'na-de-back-up@example.org' });
      await t.close();
      appOpen = false;
      const replaced = await exportOfFile(liveFile);
      const result = await restoreSqlite(backupFile, liveFile, { force: true, now: new Date('2026-11-23T10:15:00Z') });
      assert.equal(result.previousMovedTo, `${liveFile}.voor-herstel-20261123T101500Z`);
      assert.equal(await exportOfFile(liveFile), backupExport);
      assert.equal(await exportOfFile(result.previousMovedTo), replaced, 'the replaced database is kept whole');
      assert.ok(!existsSync(`${liveFile}-wal`) || statSync(`${liveFile}-wal`).size === 0);

      const fresh = path.join(root, 'refuse-fresh', 'werkplaats.sqlite');
      const notSqlite = path.join(root, 'geen-database.sqlite');
      writeFileSync(notSqlite, 'Dit is geen database, alleen tekst. '.repeat(200));
      await assert.rejects(restoreSqlite(notSqlite, fresh), /geen bruikbare SQLite-database/);

      const corrupt = path.join(root, 'beschadigd.sqlite');
      const bytes = readFileSync(backupFile);
      const pageSize = bytes.readUInt16BE(16);
      for (let page = 1; page < bytes.length / pageSize; page += 2) bytes.fill(0xa5, page * pageSize + 8, page * pageSize + 200);
      writeFileSync(corrupt, bytes);
      await assert.rejects(restoreSqlite(corrupt, fresh), /beschadigd/);

      // Damage that opening does not notice, only integrity_check: an index forgotten by the schema leaves orphan pages.
      const orphaned = path.join(root, 'wees-pagina.sqlite');
      writeFileSync(orphaned, readFileSync(backupFile));
      const damage = new SqliteDatabase(orphaned);
      damage.unsafeMode(true);
      damage.pragma('writable_schema = ON');
      damage.prepare("DELETE FROM sqlite_master WHERE name = 'sessions_user_idx'").run();
      damage.close();
      await assert.rejects(restoreSqlite(orphaned, fresh), /beschadigd.*integrity_check meldt:.*never used/s);

      const foreign = path.join(root, 'andere.sqlite');
      const other = new SqliteDatabase(foreign);
      other.exec('CREATE TABLE notities (tekst TEXT)');
      other.close();
      await assert.rejects(restoreSqlite(foreign, fresh), /geen back-up van de Werkplaats/);
      await assert.rejects(restoreSqlite(path.join(root, 'bestaat-niet.sqlite'), fresh), /niet gevonden/);
      assert.ok(!existsSync(fresh), 'a refused restore creates nothing');
      assert.deepEqual(readdirSync(path.dirname(liveFile)).filter((f) => f.endsWith('.tmp')), []);
    } finally {
      if (appOpen) await t.close();
    }
  });
});

/** The same rows, inserted in a different order, on every database the suite runs against. */
async function fixedInstallation(db: Db, reversed: boolean): Promise<void> {
  await migrateToLatest(db, migrations);
  const k = db.kysely;
  const users = [
    { id: 'a-user', email: 'a@example.org', name: 'Ånne', password_hash: 'h1', profile_type: 'professional', profession_slug: 'jobcoach', home_region_slug: 'zeeland', is_admin: 1, created_at: '2026-11-23T10:00:00.000Z', updated_at: '2026-11-23T10:00:00.000Z' },
    { id: 'B-user', email: 'b@example.org', name: 'Bram', password_hash: 'h2', profile_type: 'naaste', profession_slug: null, home_region_slug: null, is_admin: 0, created_at: '2026-11-23T10:01:00.000Z', updated_at: '2026-11-23T10:01:00.000Z', totp_last_step: 123456 },
  ];
  const audit = ['e', 'Z', 'é', '1'].map((id, i) => ({ id: `audit-${id}`, occurred_at: `2026-11-23T10:0${i}:00.000Z`, actor_id: 'a-user', event: 'test.event', target: null, detail: JSON.stringify({ n: i }), ip: '127.0.0.1' }));
  const order = <T>(rows: T[]) => (reversed ? [...rows].reverse() : rows);
  for (const user of order(users)) await k.insertInto('users').values(user).execute();
  await k.insertInto('teams').values({ id: 'team-1', name: 'Team Zeeland', region_slug: 'zeeland', purpose: 'Samen werken', created_by: 'a-user', created_at: '2026-11-23T10:02:00.000Z', updated_at: '2026-11-23T10:02:00.000Z' }).execute();
  for (const userId of order(['a-user', 'B-user'])) {
    await k.insertInto('team_members').values({ team_id: 'team-1', user_id: userId, role: userId === 'a-user' ? 'beheerder' : 'lid', joined_at: '2026-11-23T10:03:00.000Z' }).execute();
  }
  await k.insertInto('region_coordinators').values({ region_slug: 'zeeland', user_id: 'a-user', appointed_by: null, appointed_at: '2026-11-23T10:04:00.000Z' }).execute();
  for (const entry of order(audit)) await k.insertInto('audit_log').values(entry).execute();
  await k.insertInto('login_throttle').values({ key: 'email:b@example.org', failures: 2, last_failure_at: '2026-11-23T10:05:00.000Z', locked_until: null }).execute();
}

describe('canonical export', () => {
  test('equal rows give an equal text, whatever the database and the insertion order', async () => {
    const texts: string[] = [];
    for (const kind of testDatabaseKinds()) {
      for (const reversed of [false, true]) {
        const database = await kind.create();
        try {
          await fixedInstallation(database.db, reversed);
          texts.push(await canonicalExport(database.db));
        } finally {
          await database.dispose();
        }
      }
    }
    for (const text of texts.slice(1)) assert.equal(text, texts[0]);
    const parsed = JSON.parse(texts[0]!) as { migrations: string[]; tables: Record<string, Array<Record<string, unknown>>> };
    assert.deepEqual(parsed.migrations, Object.keys(migrations).sort());
    assert.deepEqual(parsed.tables.users!.map((u) => u.id), ['B-user', 'a-user']);
    assert.deepEqual(parsed.tables.audit_log!.map((u) => u.id), ['audit-1', 'audit-Z', 'audit-e', 'audit-é']);
    assert.equal(parsed.tables.regions!.length, 35);
    assert.equal(parsed.tables.users![0]!.totp_last_step, 123456);
  });

  test('backup refuses a PostgreSQL database and points to pg_dump', { skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL is not set' }, async () => {
    const kind = testDatabaseKinds().find((k) => k.name === 'postgres')!;
    const database = await kind.create();
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'mmm-pgbackup-')), 'b.sqlite');
    try {
      await migrateToLatest(database.db, migrations);
      await assert.rejects(backupSqlite(database.db, target), (e: Error) => e instanceof BackupError && /pg_dump/.test(e.message));
      assert.ok(!existsSync(target));
    } finally {
      await database.dispose();
      rmSync(path.dirname(target), { recursive: true, force: true });
    }
  });
});

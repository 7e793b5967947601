import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../db/migrate.js';
import { migrations } from '../../../migrations/index.js';
import { testDatabaseKinds, type TestDatabase, type TestDatabaseKind } from '../../testing/test-databases.js';
import { listAudit, listAuditEventNames, recordAudit } from './audit.js';

async function migrated(kind: TestDatabaseKind): Promise<TestDatabase> {
  const database = await kind.create();
  await migrateToLatest(database.db, migrations);
  return database;
}

for (const kind of testDatabaseKinds()) {
  describe(`audit log (${kind.name})`, () => {
    test('entries can be added and read back, newest first, by event and page', async () => {
      const database = await migrated(kind);
      try {
        const db = database.db.kysely;
        const base = Date.parse('2025-03-01T10:00:00.000Z');
        await recordAudit(db, { actorId: 'u1', event: 'login.success', target: 'u1', ip: '192.0.2.1' }, new Date(base));
        await recordAudit(db, { actorId: 'u1', event: 'admin.role_changed', target: 'u2', detail: { administrator: true } }, new Date(base + 1000));
        await recordAudit(db, { actorId: null, event: 'login.failure' }, new Date(base + 2000));

        const all = await listAudit(db, { limit: 10 });
        assert.deepEqual(
          all.map((r) => r.event),
          ['login.failure', 'admin.role_changed', 'login.success'],
        );
        const roleChange = all[1]!;
        assert.equal(roleChange.occurredAt, '2025-03-01T10:00:01.000Z');
        assert.equal(roleChange.actorId, 'u1');
        assert.equal(roleChange.target, 'u2');
        assert.deepEqual(JSON.parse(roleChange.detail ?? 'null'), { administrator: true });
        assert.equal(all[2]!.ip, '192.0.2.1');
        assert.equal(all[0]!.actorId, null);

        assert.deepEqual((await listAudit(db, { limit: 10, event: 'login.success' })).map((r) => r.target), ['u1']);
        assert.deepEqual((await listAudit(db, { limit: 10, before: '2025-03-01T10:00:01.000Z' })).map((r) => r.event), ['login.success']);
        assert.deepEqual(await listAuditEventNames(db), ['admin.role_changed', 'login.failure', 'login.success']);
      } finally {
        await database.dispose();
      }
    });

    test('the database itself refuses to change or remove entries', async () => {
      const database = await migrated(kind);
      try {
        const db = database.db.kysely;
        await recordAudit(db, { actorId: 'u1', event: 'login.success', target: 'u1', ip: '192.0.2.1' });
        const [before] = await listAudit(db, { limit: 10 });
        assert.ok(before);

        await assert.rejects(db.updateTable('audit_log').set({ event: 'logout' }).where('id', '=', before.id).execute(), /append-only/);
        await assert.rejects(db.updateTable('audit_log').set({ actor_id: null }).execute(), /append-only/);
        await assert.rejects(db.deleteFrom('audit_log').where('id', '=', before.id).execute(), /append-only/);
        await assert.rejects(db.deleteFrom('audit_log').execute(), /append-only/);
        // Not even inside a transaction that would otherwise be allowed to do anything.
        await assert.rejects(
          db.transaction().execute((trx) => trx.deleteFrom('audit_log').execute()),
          /append-only/,
        );
        if (kind.name === 'postgres') {
          await assert.rejects(sql`TRUNCATE audit_log`.execute(db), /append-only/);
        }

        const after = await listAudit(db, { limit: 10 });
        assert.deepEqual(after, [before]);
        // Adding stays possible after refused changes.
        await recordAudit(db, { actorId: 'u1', event: 'logout', target: 'u1' });
        assert.equal((await listAudit(db, { limit: 10 })).length, 2);
      } finally {
        await database.dispose();
      }
    });
  });
}

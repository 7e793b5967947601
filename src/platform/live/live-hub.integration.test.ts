import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { testDatabaseKinds } from '../../testing/test-databases.js';
import { createLiveHub, LocalLiveHub, PgLiveHub, RESYNC_EVENT, type LiveEvent } from './live-hub.js';

const quiet = { info: () => undefined, warn: () => undefined };

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const kind of testDatabaseKinds()) {
  describe(`live hub (${kind.name})`, () => {
    test('createLiveHub picks LISTEN/NOTIFY only for PostgreSQL with a URL to reach it', async () => {
      const database = await kind.create();
      try {
        const url = process.env.TEST_DATABASE_URL;
        const withUrl = await createLiveHub({ db: database.db, databaseUrl: kind.name === 'postgres' && url ? url : 'sqlite::memory:', log: quiet });
        const withoutUrl = await createLiveHub({ db: database.db, databaseUrl: 'sqlite::memory:', log: quiet });
        try {
          assert.ok(withUrl instanceof (kind.name === 'postgres' ? PgLiveHub : LocalLiveHub));
          assert.ok(withoutUrl instanceof LocalLiveHub);
        } finally {
          await withUrl.close();
          await withoutUrl.close();
        }
      } finally {
        await database.dispose();
      }
    });
  });
}

const url = process.env.TEST_DATABASE_URL;
if (url) {
  describe('live hub on PostgreSQL (LISTEN/NOTIFY)', () => {
    test('instances with the same scope share events; another scope hears nothing; an instance hears itself once', async () => {
      const scope = `test/${Math.random().toString(36).slice(2)}`;
      const one = new PgLiveHub({ connectionString: url, scope, log: quiet });
      const two = new PgLiveHub({ connectionString: url, scope, log: quiet });
      const stranger = new PgLiveHub({ connectionString: url, scope: `${scope}-ander`, log: quiet });
      await Promise.all([one.start(), two.start(), stranger.start()]);
      try {
        const atOne: LiveEvent[] = [];
        const atTwo: LiveEvent[] = [];
        const atStranger: LiveEvent[] = [];
        one.subscribe('case-meeting:1', (e) => atOne.push(e));
        two.subscribe('case-meeting:1', (e) => atTwo.push(e));
        two.subscribe('case-meeting:2', () => assert.fail('wrong channel'));
        stranger.subscribe('case-meeting:1', (e) => atStranger.push(e));
        await one.publish('case-meeting:1', { type: 'state', data: { version: 7 } });
        await waitFor(() => atTwo.length === 1, 'the other instance');
        assert.deepEqual(atTwo, [{ type: 'state', data: { version: 7 } }]);
        await pause(200);
        assert.deepEqual(atOne, [{ type: 'state', data: { version: 7 } }], 'delivered locally once, not again via NOTIFY');
        assert.deepEqual(atStranger, []);
        // Events arrive in the order one instance sent them.
        for (let i = 0; i < 20; i++) await two.publish('case-meeting:1', { type: 'state', data: { version: i } });
        await waitFor(() => atOne.length === 21, 'twenty events');
        assert.deepEqual(
          atOne.slice(1).map((e) => (e.data as { version: number }).version),
          Array.from({ length: 20 }, (_, i) => i),
        );
      } finally {
        await Promise.all([one.close(), two.close(), stranger.close()]);
      }
    });

    test('a broken listening connection comes back by itself and tells subscribers to re-read', async () => {
      const scope = `test/${Math.random().toString(36).slice(2)}`;
      const warnings: string[] = [];
      const hub = new PgLiveHub({ connectionString: url, scope, log: { info: () => undefined, warn: (m) => warnings.push(m) }, minBackoffMs: 20, maxBackoffMs: 200 });
      const sender = new PgLiveHub({ connectionString: url, scope, log: quiet });
      await Promise.all([hub.start(), sender.start()]);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const seen: LiveEvent[] = [];
        hub.subscribe('case-meeting:9', (e) => seen.push(e));
        // The database ends the listener's session, as a restart or a network cut would.
        const ended = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'werkplaats-live' AND query = $1 AND pid <> pg_backend_pid()",
          [`LISTEN "${hub.notificationChannel}"`],
        );
        assert.equal(ended.rowCount, 2);
        await waitFor(() => !hub.isConnected, 'the hub to notice');
        // Publishing while away still reaches this instance's own subscribers and never throws.
        await hub.publish('case-meeting:9', { type: 'local', data: null });
        // Both instances listen on the same channel, so both lost their session; both come back.
        await waitFor(() => hub.isConnected && sender.isConnected, 'the hubs to reconnect');
        await waitFor(() => seen.some((e) => e.type === RESYNC_EVENT), 'a resync after reconnecting');
        await sender.publish('case-meeting:9', { type: 'state', data: { version: 3 } });
        await waitFor(() => seen.some((e) => e.type === 'state'), 'events after reconnecting');
        assert.deepEqual(
          seen.map((e) => e.type),
          ['local', RESYNC_EVENT, 'state'],
        );
        assert.ok(warnings.some((w) => /verbroken/.test(w)));
      } finally {
        await admin.end();
        await Promise.all([hub.close(), sender.close()]);
      }
    });

    test('an unreachable database does not stop the start; closing stops the retries', async () => {
      const hub = new PgLiveHub({ connectionString: 'postgres://postgres@127.0.0.1:1/none', scope: 'x', log: quiet, minBackoffMs: 10, maxBackoffMs: 20 });
      await hub.start();
      assert.equal(hub.isConnected, false);
      const seen: LiveEvent[] = [];
      hub.subscribe('c', (e) => seen.push(e));
      await hub.publish('c', { type: 'state', data: null });
      assert.deepEqual(seen, [{ type: 'state', data: null }]);
      await pause(100);
      await hub.close();
    });
  });
}

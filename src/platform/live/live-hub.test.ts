import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocalLiveHub, MAX_PAYLOAD_BYTES, notificationChannel, notificationPayload, type LiveEvent } from './live-hub.js';

test('the in-process hub delivers to the subscribers of a channel only, until they unsubscribe', async () => {
  const hub = new LocalLiveHub();
  const a: LiveEvent[] = [];
  const b: LiveEvent[] = [];
  const stopA = hub.subscribe('case-meeting:1', (e) => a.push(e));
  hub.subscribe('case-meeting:2', (e) => b.push(e));
  await hub.publish('case-meeting:1', { type: 'state', data: { version: 2 } });
  assert.deepEqual(a, [{ type: 'state', data: { version: 2 } }]);
  assert.deepEqual(b, []);
  stopA();
  stopA();
  await hub.publish('case-meeting:1', { type: 'state', data: { version: 3 } });
  assert.equal(a.length, 1);
  assert.equal(hub.subscriptionCount(), 1);
  await hub.close();
  await hub.publish('case-meeting:2', { type: 'state', data: null });
  assert.deepEqual(b, []);
});

test('a failing listener does not keep the event from the others; the same function may subscribe twice', async () => {
  const warnings: string[] = [];
  const hub = new LocalLiveHub({ info: () => undefined, warn: (m) => warnings.push(m) });
  const seen: string[] = [];
  const listener = (e: LiveEvent) => seen.push(e.type);
  hub.subscribe('c', () => {
    throw new Error('kapot');
  });
  const stopFirst = hub.subscribe('c', listener);
  hub.subscribe('c', listener);
  await hub.publish('c', { type: 'contributions', data: null });
  assert.deepEqual(seen, ['contributions', 'contributions']);
  assert.equal(warnings.length, 1);
  stopFirst();
  await hub.publish('c', { type: 'state', data: null });
  assert.deepEqual(seen, ['contributions', 'contributions', 'state']);
});

test('a listener may unsubscribe while an event is being delivered', async () => {
  const hub = new LocalLiveHub();
  const seen: number[] = [];
  const stop: Array<() => void> = [];
  stop.push(hub.subscribe('c', () => (seen.push(1), stop[1]!())));
  stop.push(hub.subscribe('c', () => seen.push(2)));
  await hub.publish('c', { type: 'x', data: null });
  await hub.publish('c', { type: 'x', data: null });
  // The second listener still got the first event (the list was taken before delivery), not the second.
  assert.deepEqual(seen, [1, 2, 1]);
});

test('notification payloads stay under the PostgreSQL limit by dropping the data, never the channel', () => {
  const small = notificationPayload('o', 'case-meeting:1', { type: 'state', data: { version: 4 } });
  assert.deepEqual(JSON.parse(small), { o: 'o', c: 'case-meeting:1', t: 'state', d: { version: 4 } });
  const big = notificationPayload('o', 'case-meeting:1', { type: 'state', data: { text: 'é'.repeat(10_000) } });
  assert.ok(Buffer.byteLength(big) <= MAX_PAYLOAD_BYTES);
  assert.deepEqual(JSON.parse(big), { o: 'o', c: 'case-meeting:1', t: 'state', d: null });
  assert.throws(() => notificationPayload('o', 'x'.repeat(9000), { type: 't', data: null }));
});

test('the notification channel is a valid identifier and differs per database and schema', () => {
  const one = notificationChannel('test/t_abc');
  assert.match(one, /^mmm_live_[0-9a-f]{20}$/);
  assert.ok(one.length <= 63);
  assert.equal(one, notificationChannel('test/t_abc'));
  assert.notEqual(one, notificationChannel('test/t_abd'));
  assert.notEqual(one, notificationChannel('other/t_abc'));
});

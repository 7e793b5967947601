import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import Fastify from 'fastify';
import { openEventStream, type EventStream } from './event-stream.js';

async function serverWithStream(maxBufferedBytes: number) {
  const app = Fastify();
  const opened: EventStream[] = [];
  app.get('/stroom', (request, reply) => {
    opened.push(openEventStream(request, reply, { retryMs: 1500, maxBufferedBytes }));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, opened, port };
}

function get(port: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path: '/stroom' }, resolve).on('error', reject).end();
  });
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(check(), 'condition not reached in time');
}

test('an event stream sends its headers, the retry time, events with ids and comments', async (t) => {
  const { app, opened, port } = await serverWithStream(64 * 1024);
  t.after(() => app.close());
  const response = await get(port);
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'text/event-stream; charset=utf-8');
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.equal(response.headers['x-accel-buffering'], 'no');
  let received = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (received += chunk));
  await until(() => opened.length === 1);
  const stream = opened[0]!;
  stream.send('state', { step: 2 }, 7);
  stream.send('notice', 'klaar');
  stream.comment('ping\nnaar twee regels');
  let closedCalls = 0;
  stream.onClose(() => (closedCalls += 1));
  stream.close();
  stream.close();
  await new Promise((resolve) => response.on('end', resolve));
  assert.equal(received, 'retry: 1500\n\nid: 7\nevent: state\ndata: {"step":2}\n\nevent: notice\ndata: "klaar"\n\n: ping naar twee regels\n\n');
  assert.equal(closedCalls, 1, 'the close listener runs once');
  assert.equal(stream.closed, true);
  stream.send('late', 1);
  let lateCalls = 0;
  stream.onClose(() => (lateCalls += 1));
  assert.equal(lateCalls, 1, 'a listener added after closing runs at once');
});

test('an event stream closes when its reader goes away or falls too far behind', async (t) => {
  const { app, opened, port } = await serverWithStream(16 * 1024);
  t.after(() => app.close());
  const gone = await get(port);
  await until(() => opened.length === 1);
  let closedByReader = false;
  opened[0]!.onClose(() => (closedByReader = true));
  gone.destroy();
  await until(() => closedByReader);

  const slow = await get(port);
  slow.pause();
  await until(() => opened.length === 2);
  const stream = opened[1]!;
  const big = 'x'.repeat(8 * 1024);
  for (let i = 0; i < 2000 && !stream.closed; i++) stream.send('data', big);
  assert.equal(stream.closed, true, 'a reader that does not read is let go');
  slow.destroy();
});

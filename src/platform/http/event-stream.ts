import type { FastifyReply, FastifyRequest } from 'fastify';

// Server-sent events over a hijacked Fastify reply: the headers a proxy needs to pass the stream on
// unbuffered, the event format, and a stream that closes itself when its reader falls too far behind
// (a slow or vanished reader must not hold the server's memory).

export const EVENT_STREAM_TYPE = 'text/event-stream; charset=utf-8';

export interface EventStream {
  readonly closed: boolean;
  /** One event; `data` is sent as JSON. With an id, a reconnecting browser sends it back as Last-Event-ID. */
  send(event: string, data: unknown, id?: number | string): void;
  /** A comment line: keeps proxies from closing an idle connection; browsers ignore it. */
  comment(text: string): void;
  close(): void;
  /** Called once, when the stream closes for any reason (ours, the reader's, an error). */
  onClose(listener: () => void): void;
}

export interface EventStreamOptions {
  /** How long a browser waits before it reconnects. */
  readonly retryMs: number;
  /** Unsent bytes allowed to pile up before the stream gives up on its reader. */
  readonly maxBufferedBytes: number;
}

/** Fastify answers HEAD with the GET handler: say what the stream is, without opening one. */
export function answerEventStreamHead(reply: FastifyReply): FastifyReply {
  return reply.header('Cache-Control', 'no-store').type(EVENT_STREAM_TYPE).send();
}

export function openEventStream(request: FastifyRequest, reply: FastifyReply, options: EventStreamOptions): EventStream {
  // From here on we write the response ourselves. Helmet already set its headers on the raw response.
  reply.hijack();
  const raw = reply.raw;
  const socket = request.raw.socket;
  socket.setNoDelay(true);
  socket.setKeepAlive(true);
  raw.writeHead(200, {
    'Content-Type': EVENT_STREAM_TYPE,
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  let closed = false;
  const listeners: (() => void)[] = [];
  const write = (chunk: string) => {
    if (closed) return;
    raw.write(chunk);
    if (raw.writableLength > options.maxBufferedBytes) stream.close();
  };
  const stream: EventStream = {
    get closed() {
      return closed;
    },
    send(event, data, id) {
      write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      write(`: ${text.replace(/[\r\n]+/g, ' ')}\n\n`);
    },
    close() {
      if (closed) return;
      closed = true;
      for (const listener of listeners.splice(0)) listener();
      raw.end();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
  raw.on('close', () => stream.close());
  raw.on('error', () => stream.close());
  write(`retry: ${options.retryMs}\n\n`);
  return stream;
}

import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { dialectOfUrl, type Db } from '../db/create-db.js';
import { postgresScope } from '../db/dialect-sql.js';

/**
 * Live updates (Server-Sent Events) need to know that something changed somewhere. The hub carries small
 * events on named channels ("case-meeting:<id>"); whoever listens re-reads the state from the database,
 * so an event only says *that* something changed, never the change itself.
 *
 * On SQLite there is one application process, so the hub is in-process. On PostgreSQL several app
 * instances may share one database: every instance keeps one dedicated connection that LISTENs on one
 * notification channel, and publishing sends a NOTIFY through it (docs/decisions: LISTEN/NOTIFY, no broker).
 */
export interface LiveEvent {
  readonly type: string;
  readonly data: unknown;
}

export type LiveListener = (event: LiveEvent) => void;

export interface LiveHub {
  /** Delivers the event to every subscriber of the channel, in this and (on PostgreSQL) every other instance. Never throws. */
  publish(channel: string, event: LiveEvent): Promise<void>;
  /** Returns the function that ends the subscription. */
  subscribe(channel: string, listener: LiveListener): () => void;
  close(): Promise<void>;
}

/**
 * Sent to every subscriber when events may have been missed (the PostgreSQL listener lost its connection and
 * is back): listeners re-read everything they show.
 */
export const RESYNC_EVENT = 'live.resync';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; we stay well below. */
export const MAX_PAYLOAD_BYTES = 7900;

interface LiveLog {
  info(message: string): void;
  warn(message: string): void;
}

/** The subscribers of this process, per channel. A failing listener never stops the others. */
class Subscribers {
  private readonly byChannel = new Map<string, Set<LiveListener>>();

  constructor(private readonly log: LiveLog) {}

  add(channel: string, listener: LiveListener): () => void {
    let set = this.byChannel.get(channel);
    if (!set) {
      set = new Set();
      this.byChannel.set(channel, set);
    }
    // The same function may subscribe twice; each subscription is its own entry.
    const entry: LiveListener = (event) => listener(event);
    set.add(entry);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = this.byChannel.get(channel);
      current?.delete(entry);
      if (current && current.size === 0) this.byChannel.delete(channel);
    };
  }

  deliver(channel: string, event: LiveEvent): void {
    const set = this.byChannel.get(channel);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch (error) {
        this.log.warn(`Live-luisteraar op ${channel} faalde: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  deliverEverywhere(event: LiveEvent): void {
    for (const channel of [...this.byChannel.keys()]) this.deliver(channel, event);
  }

  count(): number {
    let n = 0;
    for (const set of this.byChannel.values()) n += set.size;
    return n;
  }

  clear(): void {
    this.byChannel.clear();
  }
}

/** One application process: events go straight to the subscribers. */
export class LocalLiveHub implements LiveHub {
  private readonly subscribers: Subscribers;
  private closed = false;

  constructor(log: LiveLog = { info: () => undefined, warn: () => undefined }) {
    this.subscribers = new Subscribers(log);
  }

  async publish(channel: string, event: LiveEvent): Promise<void> {
    if (this.closed) return;
    this.subscribers.deliver(channel, event);
  }

  subscribe(channel: string, listener: LiveListener): () => void {
    return this.subscribers.add(channel, listener);
  }

  /** Number of subscriptions, for tests. */
  subscriptionCount(): number {
    return this.subscribers.count();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
  }
}

/** The wire format of a notification: origin instance, channel, type and (small) data. */
interface Notification {
  readonly o: string;
  readonly c: string;
  readonly t: string;
  readonly d: unknown;
}

function parseNotification(payload: string | undefined): Notification | undefined {
  if (!payload) return undefined;
  try {
    const value = JSON.parse(payload) as Partial<Notification>;
    if (typeof value.o !== 'string' || typeof value.c !== 'string' || typeof value.t !== 'string') return undefined;
    return { o: value.o, c: value.c, t: value.t, d: value.d ?? null };
  } catch {
    return undefined;
  }
}

/** The payload for NOTIFY; data that would make it too long is left out (listeners re-read the database anyway). */
export function notificationPayload(origin: string, channel: string, event: LiveEvent): string {
  const full = JSON.stringify({ o: origin, c: channel, t: event.type, d: event.data ?? null });
  if (Buffer.byteLength(full, 'utf8') <= MAX_PAYLOAD_BYTES) return full;
  const bare = JSON.stringify({ o: origin, c: channel, t: event.type, d: null });
  if (Buffer.byteLength(bare, 'utf8') <= MAX_PAYLOAD_BYTES) return bare;
  throw new Error(`Live-kanaalnaam te lang: ${channel.slice(0, 80)}…`);
}

/**
 * The PostgreSQL notification channel for one set of data. LISTEN/NOTIFY works per database, while tests
 * (and some installations) keep several data sets apart in schemas of one database: the channel name carries
 * a hash of database and schema, so instances only hear the instances that share their data.
 */
export function notificationChannel(scope: string): string {
  return `mmm_live_${createHash('sha256').update(scope).digest('hex').slice(0, 20)}`;
}

export interface PgLiveHubOptions {
  readonly connectionString: string;
  /** What makes data the same data: database and schema (see notificationChannel). */
  readonly scope: string;
  readonly log: LiveLog;
  /** First wait before reconnecting, doubled after each failure up to maxBackoffMs. */
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/**
 * One dedicated connection per app instance LISTENs; publishing delivers to this instance's subscribers at
 * once and sends a NOTIFY for the others (the instance skips its own notifications when they come back).
 * When the connection breaks it reconnects with growing waits, and then tells every subscriber to re-read
 * (RESYNC_EVENT), because notifications sent in the meantime are lost.
 */
export class PgLiveHub implements LiveHub {
  private readonly subscribers: Subscribers;
  private readonly origin = randomUUID();
  private readonly channel: string;
  private client: pg.Client | undefined;
  private connected = false;
  private closed = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;
  private everConnected = false;

  constructor(private readonly options: PgLiveHubOptions) {
    this.subscribers = new Subscribers(options.log);
    this.channel = notificationChannel(options.scope);
  }

  /** The PostgreSQL channel this instance listens on. */
  get notificationChannel(): string {
    return this.channel;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Connects once; on failure keeps trying in the background and resolves anyway (pages work without live updates). */
  async start(): Promise<void> {
    await this.connect();
  }

  private connect(): Promise<void> {
    if (this.connecting) return this.connecting;
    this.connecting = this.doConnect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async doConnect(): Promise<void> {
    if (this.closed) return;
    // The application name makes the listening sessions easy to recognise in pg_stat_activity.
    const client = new pg.Client({ connectionString: this.options.connectionString, connectionTimeoutMillis: 10_000, keepAlive: true, application_name: 'werkplaats-live' });
    this.client = client;
    let failed = false;
    const onBroken = (error?: Error) => {
      if (failed) return;
      failed = true;
      if (this.client === client) {
        this.client = undefined;
        this.connected = false;
      }
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.options.log.warn(`Live-verbinding met PostgreSQL verbroken${error ? `: ${error.message}` : ''}; opnieuw verbinden`);
      this.scheduleReconnect();
    };
    client.on('error', (error) => onBroken(error));
    client.on('end', () => onBroken());
    client.on('notification', (message) => {
      if (message.channel !== this.channel) return;
      const notification = parseNotification(message.payload);
      if (!notification || notification.o === this.origin) return;
      this.subscribers.deliver(notification.c, { type: notification.t, data: notification.d });
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      onBroken(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.connected = true;
    this.failures = 0;
    if (this.everConnected) {
      this.options.log.info('Live-verbinding met PostgreSQL hersteld');
      // Whatever was sent while we were away is lost: everyone re-reads.
      this.subscribers.deliverEverywhere({ type: RESYNC_EVENT, data: null });
    }
    this.everConnected = true;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const min = this.options.minBackoffMs ?? 250;
    const max = this.options.maxBackoffMs ?? 10_000;
    const wait = Math.min(max, min * 2 ** Math.min(this.failures, 16));
    this.failures += 1;
    // A little jitter, so that many instances do not all knock at once after a database restart.
    const jittered = Math.round(wait * (0.8 + Math.random() * 0.4));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, jittered);
    this.reconnectTimer.unref();
  }

  async publish(channel: string, event: LiveEvent): Promise<void> {
    if (this.closed) return;
    this.subscribers.deliver(channel, event);
    const client = this.client;
    if (!client || !this.connected) {
      this.options.log.warn(`Live-gebeurtenis op ${channel} niet naar andere instanties gestuurd: geen verbinding`);
      return;
    }
    try {
      await client.query('SELECT pg_notify($1, $2)', [this.channel, notificationPayload(this.origin, channel, event)]);
    } catch (error) {
      this.options.log.warn(`NOTIFY mislukt: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  subscribe(channel: string, listener: LiveListener): () => void {
    return this.subscribers.add(channel, listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    this.subscribers.clear();
    if (client) {
      client.removeAllListeners('notification');
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * The hub for an application: LISTEN/NOTIFY when the data lives in PostgreSQL and we know how to reach it
 * (DATABASE_URL), in-process otherwise (SQLite, or tests that hand buildApp a database without a URL).
 */
export async function createLiveHub(input: { db: Db; databaseUrl: string; log: LiveLog }): Promise<LiveHub> {
  if (input.db.dialect !== 'postgres' || dialectOfUrl(input.databaseUrl) !== 'postgres') return new LocalLiveHub(input.log);
  const scope = await postgresScope(input.db.kysely);
  const hub = new PgLiveHub({ connectionString: input.databaseUrl, scope, log: input.log });
  await hub.start();
  return hub;
}

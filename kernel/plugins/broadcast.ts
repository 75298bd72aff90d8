import crypto from 'node:crypto';
import type { Knex } from 'knex';
import pg from 'pg';
import type { Logger } from 'pino';
import { type Redis, redisNamespace } from '../redis/redis.js';

/** Tells other processes on the same database that the plugin or platform state changed. */
export interface StateBroadcast {
  /** Which transport: `redis`, `postgres` (LISTEN/NOTIFY), or `none` (the embedded database serves one process). */
  readonly kind: 'redis' | 'postgres' | 'none';
  publish(topic: StateTopic): Promise<void>;
  close(): Promise<void>;
}

/** `plugins`: installed/enabled state; `platforms`: the platform list; `code`: plugin packages on disk (rescan). */
export type StateTopic = 'plugins' | 'platforms' | 'code';

/** The PostgreSQL LISTEN/NOTIFY channel (per database already: NOTIFY reaches only the same database). */
const CHANNEL = 'orion_state';
const ORIGIN = crypto.randomUUID();

interface Message {
  origin: string;
  topic: StateTopic;
}

/**
 * Redis pub/sub when REDIS_URL is set, else PostgreSQL LISTEN/NOTIFY on a dedicated connection, else nothing. A
 * process ignores its own messages (it applied the change already). A lost connection is reopened, and then
 * `onMessage` is called for every topic, since messages sent meanwhile are lost.
 */
export async function createStateBroadcast(options: {
  redis?: Redis;
  /** Set for a PostgreSQL server; the listener needs a connection of its own, outside the pool. */
  databaseUrl?: string;
  knex: Knex;
  logger: Logger;
  onMessage: (topic: StateTopic) => Promise<void> | void;
}): Promise<StateBroadcast> {
  const { logger } = options;
  const deliver = (raw: string) => {
    try {
      const message = JSON.parse(raw) as Message;
      if (message.origin === ORIGIN) return;
      void Promise.resolve(options.onMessage(message.topic)).catch((err: unknown) =>
        logger.error({ err, topic: message.topic }, 'applying a state change from another process failed'),
      );
    } catch (err) {
      logger.warn({ err }, 'ignored a malformed state broadcast');
    }
  };
  const resync = () => {
    for (const topic of ['platforms', 'plugins'] as const) deliver(JSON.stringify({ origin: 'resync', topic }));
  };
  const payload = (topic: StateTopic) => JSON.stringify({ origin: ORIGIN, topic } satisfies Message);

  if (options.redis) {
    const publisher = options.redis;
    const channel = `${await redisNamespace(options.knex)}state`;
    const subscriber = publisher.duplicate({ enableOfflineQueue: true });
    subscriber.on('message', (_channel: string, raw: string) => deliver(raw));
    let subscribedOnce = false;
    subscriber.on('ready', () => {
      if (subscribedOnce) resync();
      subscribedOnce = true;
    });
    subscriber.on('error', () => {}); // the main connection already logs Redis errors
    await subscriber.subscribe(channel).catch((err: Error) => logger.warn({ err }, 'redis subscribe failed; retrying'));
    return {
      kind: 'redis',
      publish: async (topic) => {
        await publisher.publish(channel, payload(topic));
      },
      close: async () => {
        subscriber.disconnect();
      },
    };
  }

  if (options.databaseUrl) {
    const url = options.databaseUrl;
    let client: pg.Client | undefined;
    let closed = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (isReconnect: boolean): Promise<void> => {
      const next = new pg.Client({ connectionString: url, application_name: 'orion-listen' });
      next.on('notification', (n) => {
        if (n.payload) deliver(n.payload);
      });
      next.on('error', (err) => logger.warn({ err }, 'state listener connection lost; reconnecting'));
      next.on('end', () => {
        if (closed) return;
        retry = setTimeout(() => void connect(true).catch(() => {}), 1000);
      });
      try {
        await next.connect();
        await next.query(`listen ${CHANNEL}`);
        client = next;
        if (isReconnect) resync();
      } catch (err) {
        await next.end().catch(() => {});
        if (!isReconnect) throw err;
      }
    };
    await connect(false);
    return {
      kind: 'postgres',
      publish: async (topic) => {
        await options.knex.raw('select pg_notify(?, ?)', [CHANNEL, payload(topic)]);
      },
      close: async () => {
        closed = true;
        clearTimeout(retry);
        await client?.end().catch(() => {});
      },
    };
  }

  return { kind: 'none', publish: async () => {}, close: async () => {} };
}

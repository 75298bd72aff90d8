import type { Redis } from 'ioredis';
import type { Knex } from 'knex';
import type { Logger } from 'pino';

export type { Redis };

/**
 * The optional Redis connection (REDIS_URL) for the parts that must be shared across processes. ioredis is loaded
 * only when a URL is configured. Commands fail fast while disconnected instead of queueing forever, and a server
 * that is down at start is retried in the background with the same client (health reports it meanwhile).
 */
export async function createRedis(url: string, logger: Logger): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectionName: 'orion',
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // ioredis repeats the same error on every reconnect attempt; log each distinct one once.
    if (err.message !== lastError) logger.warn({ err }, 'redis connection error');
    lastError = err.message;
  });
  redis.on('ready', () => {
    if (lastError) logger.info('redis connected');
    lastError = '';
  });
  await redis.connect().catch(() => {
    // Already logged by the error listener; ioredis keeps reconnecting through retryStrategy.
  });
  return redis;
}

/** Closes the connection, or stops the reconnect loop of one that never connected. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit().catch(() => redis.disconnect());
  } else {
    redis.disconnect();
  }
}

/**
 * What every Redis key and channel of a deployment starts with: `orion:<database name>:`. One Redis may serve
 * several deployments (or, in CI, many test databases at once); processes share state only with those on their
 * database.
 */
export async function redisNamespace(knex: Knex): Promise<string> {
  const result = (await knex.raw('select current_database() as name')) as { rows: { name: string }[] };
  return `orion:${result.rows[0]?.name ?? 'default'}:`;
}

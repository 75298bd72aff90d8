import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type { Redis };

/**
 * The optional Redis connection (REDIS_URL) for the parts that must be shared across processes. ioredis is loaded
 * only when a URL is configured. Commands fail fast while disconnected instead of queueing forever.
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
    lastError = '';
  });
  await redis.connect();
  return redis;
}

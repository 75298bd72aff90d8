import { type Logger, pino } from 'pino';
import type { OrionConfig } from '../config/index.js';

export type { Logger };

/**
 * JSON logs in production (one object a line, for the log shipper), pretty lines in development.
 * `destination` lets tests capture the lines.
 */
export function createLogger(config: Pick<OrionConfig, 'log' | 'env'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.log.level,
    base: { service: 'orion', env: config.env },
    // Milliseconds since the epoch (pino's default): ISO strings cost about 2% of a small route's throughput.
    timestamp: pino.stdTimeFunctions.epochTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.err },
  };
  if (destination) return pino(options, destination);
  if (config.log.format === 'pretty') {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service,env', singleLine: true },
      },
    });
  }
  return pino(options);
}

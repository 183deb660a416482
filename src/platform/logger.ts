import pino, { Logger } from 'pino';

export type { Logger };

/**
 * The gateway's logger: pino, one JSON object per line on stdout at `level` (LOG_LEVEL). Secrets
 * never reach it: credentials are redacted wherever they could appear (headers, tokens).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers["x-api-key"]', 'req.headers.authorization', 'headers["x-api-key"]', 'headers.authorization', '*.secret', '*.token'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

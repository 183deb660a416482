import pino, { Logger } from 'pino';

export type { Logger };

/** pino's levels, least to most verbose; `silent` writes nothing (LOG_LEVEL). */
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The gateway's logger: pino, one JSON object per line at `level` (LOG_LEVEL), on `destination`
 * or else stdout. When stdout is a terminal and no destination is given, lines go through
 * pino-pretty (as a pino transport, in a worker thread) so a developer reads them; a service
 * manager or container (no TTY) gets the JSON lines a log shipper expects.
 *
 * Secrets never reach it: nothing logs request headers, and credentials are redacted wherever
 * they could still appear (headers, tokens, secrets).
 */
export function createLogger(level: LogLevel | string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers["x-api-key"]',
        'req.headers.authorization',
        'headers["x-api-key"]',
        'headers.authorization',
        '*.secret',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY && level !== 'silent') {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', singleLine: false } },
    });
  }
  return pino(options);
}

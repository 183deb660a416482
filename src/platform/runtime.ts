import { Config } from './config';
import { GatewayEvents } from './events';
import { createLogger, Logger } from './logger';
import { GatewayMetrics } from './metrics';

/**
 * Test seams of a gateway, empty in production: a test sets one on the runtime of the gateway it
 * started (never a module-level object that every gateway in the process would share).
 */
export interface RuntimeHooks {
  /**
   * Runs inside the payment run's transaction after the batch, document and file rows are
   * written and before the payments change; a test throws from it to prove nothing is left.
   */
  afterBatchWritten?: (batchCode: string) => void | Promise<void>;
}

/**
 * Everything one gateway holds for its lifetime besides the database: configuration, logger,
 * metrics, events, test hooks and caches. Made once by the composition root (the command line, the test
 * gateway, the benchmark) and handed down through the request context; no module keeps state of
 * its own keyed by a configuration or a database.
 */
export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly events: GatewayEvents;
  /** The gateway's Prometheus registry and metrics (served on METRICS_PORT when set). */
  readonly metrics: GatewayMetrics;
  readonly hooks: RuntimeHooks;
  /** The value cached under `key` for this gateway, made by `make` on first use. */
  memo<T>(key: string, make: () => T): T;
}

/**
 * A runtime for `config`; `logger` defaults to JSON lines on stdout at LOG_LEVEL (pretty in a
 * terminal), and export events feed the metrics.
 */
export function createRuntime(config: Config, parts: { logger?: Logger; hooks?: RuntimeHooks } = {}): Runtime {
  const caches = new Map<string, unknown>();
  const events = new GatewayEvents();
  return {
    config,
    logger: parts.logger ?? createLogger(config.logLevel),
    events,
    metrics: new GatewayMetrics(events),
    hooks: parts.hooks ?? {},
    memo<T>(key: string, make: () => T): T {
      if (!caches.has(key)) caches.set(key, make());
      return caches.get(key) as T;
    },
  };
}

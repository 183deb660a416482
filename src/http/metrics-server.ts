import http from 'node:http';
import { Runtime } from '../platform/runtime';

/**
 * The Prometheus listener on METRICS_PORT: answers `GET /metrics` (and HEAD) with the text
 * exposition of the runtime's registry, and nothing else (JSON errors like the main port). It is
 * a listener of its own, apart from the API: /metrics needs no credentials, so only the
 * scraper's network should reach this port. It holds no data of any division.
 */
export async function startMetricsServer(runtime: Runtime, port: number, host: string): Promise<http.Server> {
  runtime.metrics.collectProcessMetrics();
  const server = http.createServer((req, res) => {
    const fail = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(status === 405 ? { allow: 'GET, HEAD' } : {}) });
      res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
    };
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return fail(404, 'NOT_FOUND', 'only /metrics is served on this port');
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET`);
    runtime.metrics.text().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        runtime.logger.error({ err: error }, 'internal error: collecting metrics failed');
        fail(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

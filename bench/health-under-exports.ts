import http from 'node:http';
import autocannon from 'autocannon';

/** What case (e) measured: /health latency idle and under load, the exports' pace, their end. */
export interface HealthUnderExports {
  exports: number;
  idle: { p50: number; p99: number; max: number };
  loaded: { p50: number; p99: number; max: number; requests: number };
  /** Rows per second the exports streamed together while /health was measured. */
  exportRows: number;
  /** Milliseconds from hanging up the exports until `running()` reported no statement left. */
  cancelledWithinMs: number;
}

/**
 * Case (e): `/health` latency (autocannon, one connection, 50 requests/s: a monitoring probe,
 * not a load of its own) first idle, then while `count` exports of every payment stream as CSV
 * from the same gateway (each read to its end by a client that discards it, and started again
 * when it ends). Then the exports' clients hang up, and the case waits until `running()` (the
 * database's view of the gateway's statements) says none is left.
 *
 * `sql`: the exported query; `headers`: the credential; `durationS`: seconds of each measurement.
 */
export async function healthUnderExports(
  port: number,
  headers: Record<string, string>,
  options: { count: number; durationS: number; sql: string; running: () => Promise<number> },
): Promise<HealthUnderExports> {
  const probe = async () => {
    const r = await autocannon({
      url: `http://127.0.0.1:${port}/health`,
      connections: 1,
      overallRate: 50,
      duration: options.durationS,
      timeout: 30,
    });
    if (r.non2xx || r.errors) throw new Error(`/health: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
    return { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests.total };
  };
  const idle = await probe();

  let stopped = false;
  let newlines = 0;
  const live = new Set<http.ClientRequest>();
  const path = `/export?format=csv&sql=${encodeURIComponent(options.sql)}`;
  const run = (): void => {
    if (stopped) return;
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.on('data', (chunk: Buffer) => {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
      });
      res.on('end', () => {
        live.delete(req);
        run();
      });
      res.on('error', () => undefined);
    });
    req.on('error', () => live.delete(req));
    live.add(req);
  };
  for (let i = 0; i < options.count; i++) run();
  // Let every export reach its streaming pace before measuring.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const before = newlines;
  const started = Date.now();
  const loaded = await probe();
  const exportRows = ((newlines - before) * 1000) / (Date.now() - started);

  stopped = true;
  const hungUp = Date.now();
  for (const req of live) req.destroy();
  while ((await options.running()) > 0) {
    if (Date.now() - hungUp > 30_000) throw new Error('the cancelled exports still run after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { exports: options.count, idle, loaded, exportRows, cancelledWithinMs: Date.now() - hungUp };
}

import 'reflect-metadata';
import { createApiKey } from '/work/wt/query/src/access/api-keys';
import { SCOPES } from '/work/wt/query/src/access/principal';
import { loadConfig } from '/work/wt/query/src/config';
import { openDatabase } from '/work/wt/query/src/db/data-source';
import { createGateway } from '/work/wt/query/src/server';
(async () => {
  const url = 'mysql://root@127.0.0.1:3306/cashflow_bench';
  const db = await openDatabase(url);
  const { secret } = await createApiKey(db, { name: 'probe', divisions: 'all', scopes: [...SCOPES], createdBy: 'probe' });
  const gw = await createGateway(db, { ...loadConfig({ ...process.env, DATABASE_URL: url, SEED_DEMO: 'false', DEMO_KEY: 'false' }), port: 0, host: '127.0.0.1' });
  const divs = (await db.dataSource.query('SELECT Code FROM Divisions ORDER BY Code')).map((r: any) => r.Code);
  const d = divs[10];
  const q = process.argv[2];
  const body = JSON.stringify({ query: q, variables: { d: [d] } });
  for (let i = 0; i < Number(process.env.N ?? 5); i++) {
    const t0 = performance.now();
    const res = await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': secret }, body });
    const text = await res.text();
    console.log((performance.now() - t0).toFixed(1), 'ms', res.headers.get('x-sql-statements'), text.slice(0, 150));
  }
  if (process.env.LOGSQL) { process.env.LOG_SQL = 'true'; }
  await gw.stop(); await db.dataSource.destroy();
})();

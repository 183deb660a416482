import { createConnection, Connection } from 'mysql2/promise';
import { allDivisionCodes } from '../../src/access/authenticate';
import { BASELINE_SQL } from '../../bench/baseline-sql';
import { benchCases, CURSOR_AT } from '../../bench/cases';
import { checkBaselinePlans, comparePlans, statementsOf } from '../../bench/plan-check';
import { openSeededDatabase, TEST_DATABASE, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * The benchmark compares the gateway against an honest baseline (issue 11, §9): for every case of
 * `npm run bench`, the baseline's hand-written statement reads no more rows than the gateway's
 * statements of the same question, counted by MariaDB's Handler_read_* counters (see
 * bench/plan-check.ts). The benchmark runs the same check on its own data and refuses to
 * measure when it fails. MariaDB only: the benchmark and its baseline run on MariaDB.
 */
const onMariaDb = TEST_DATABASE === 'mariadb' ? describe : describe.skip;

let t: TestDatabase;
let gw: TestGateway;
let connection: Connection;
let cases: ReturnType<typeof benchCases>;

onMariaDb('the benchmark baseline is at least as good as the gateway', () => {
  beforeAll(async () => {
    t = await openSeededDatabase('bench_baseline', { divisions: 4, payments: 4000 });
    gw = await startTestGateway(t.db);
    connection = await createConnection({ uri: t.url, timezone: 'Z' });
    await connection.query('ANALYZE TABLE `Payments`, `Accounts`, `GLAccounts`, `Journals`, `BankAccounts`, `PaymentConditions`');
    const divisions = await allDivisionCodes(t.db);
    const division = divisions[1];
    const at = await gw.gql(CURSOR_AT, { d: [division], offset: 499 });
    const edge = at.data.payments.edges[0];
    cases = benchCases({
      division,
      divisions,
      from: '2026-06-01T00:00:00.000Z',
      to: '2026-07-31T23:59:59.000Z',
      asOf: '2026-06-15T00:00:00.000Z',
      deep: { after: edge.cursor, due: edge.node.dueDate, id: edge.node.id },
    });
  }, 120_000);
  afterAll(async () => {
    await connection?.end();
    await gw?.close();
    await t?.close();
  });

  const ask = (body: { query: string; variables: Record<string, unknown> }) => gw.gql(body.query, body.variables);

  it('reads no more rows for the baseline than for the gateway, case by case', async () => {
    const plans = await checkBaselinePlans(t.db, ask, connection, cases);
    expect(plans.map((p) => p.name.slice(0, 3))).toEqual(['(a)', '(b)', '(c)', '(d)']);
    for (const p of plans) {
      // Both sides read rows (an empty answer would compare nothing), the baseline no more.
      expect(p.gateway).toBeGreaterThan(0);
      expect(p.baseline).toBeGreaterThan(0);
      expect({ case: p.name, baseline: p.baseline, honest: p.honest }).toEqual({ case: p.name, baseline: p.baseline, honest: true });
      expect(p.baseline).toBeLessThanOrEqual(p.gateway);
    }
  });

  it('answers the same rows on both sides for the list (the baseline asks the same question)', async () => {
    const [list] = cases;
    const res = await ask(list.gateway);
    const [rows] = await connection.execute<any[]>(BASELINE_SQL.a(list.baseline).sql, BASELINE_SQL.a(list.baseline).parameters as never[]);
    expect(rows.slice(0, 100).map((r) => r.ID)).toEqual(res.data.payments.nodes.map((n: { id: string }) => n.id));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('fails for a baseline whose plan reads more rows than the gateway', async () => {
    // The list without its indexes: a scan of the whole table reads every payment (4,000), where
    // the gateway's range on an index leading with the division reads one division's at most.
    const [list] = cases;
    const honest = BASELINE_SQL.a(list.baseline);
    // `USE INDEX ()`: no index at all for Payments (https://mariadb.com/kb/en/use-index/).
    const worse = { ...honest, sql: honest.sql.replace('FROM Payments p', 'FROM Payments p USE INDEX ()') };
    expect(worse.sql).not.toEqual(honest.sql);
    const gateway = await statementsOf(t.db, () => ask(list.gateway));
    expect(gateway).toHaveLength(1);
    const plan = await comparePlans(connection, list.name, gateway, [worse]);
    expect(plan.honest).toBe(false);
    expect(plan.baseline).toBeGreaterThanOrEqual(4000);
    expect(plan.gateway).toBeLessThan(4000);
  });
});

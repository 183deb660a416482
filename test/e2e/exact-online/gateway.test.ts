import Decimal from 'decimal.js';
import { ExactSync } from '../../../src/modules/exact-online/exact-sync.service';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { ExactOnlineDouble } from '../../support/exact-online-double';
import {
  connectThroughDouble,
  divisionCodes,
  exactTestConfig,
  expectedAmount,
  paymentTerm,
  testBox,
  TEST_SECRETS_KEY,
} from '../../support/exact-online';
import { captureLog, startTestGateway, TestGateway } from '../../support/gateway';

/**
 * Synced rows served by the gateway (issue 14, acceptance): GraphQL and SQL answer like the
 * double's state; a caller sees synced rows and connections of its own divisions only; the rows
 * of a connected division are Exact's, so the gateway's mutations on them are refused
 * (FORBIDDEN, rule OWNED_BY_EXACT) with nothing written; tokens never appear in an answer or a log.
 * This gateway runs without write-back (as a server without SECRETS_KEY): even a description is
 * refused. With write-back, what Exact lets a client change goes to Exact (write-back.test.ts).
 */
describe('Exact Online rows through the gateway', () => {
  let t: TestDatabase;
  let double: ExactOnlineDouble;
  let gw: TestGateway;
  let connected: number;
  let local: number;
  const EXACT = 55;
  const log = captureLog('debug');
  const answers: string[] = [];
  const gql = async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => {
    const res = await gw.gql(query, variables, headers);
    answers.push(JSON.stringify(res));
    return res;
  };

  beforeAll(async () => {
    t = await openSeededDatabase('exact_gateway', { divisions: 2, payments: 30 });
    [connected, local] = await divisionCodes(t.db);
    double = await new ExactOnlineDouble().start();
    double.addDivision(EXACT);
    for (let i = 0; i < 300; i++) double.upsertTerm(EXACT, paymentTerm(i, EXACT));
    const config = exactTestConfig(double);
    await connectThroughDouble(t.db, double, connected, EXACT, config, log.logger);
    expect((await new ExactSync(t.db, testBox(), config, log.logger).syncDivision(connected)).state).toBe('succeeded');
    gw = await startTestGateway(t.db, {}, { logger: log.logger });
  });
  afterAll(async () => {
    await gw.close();
    await double.stop();
    await t.close();
  });

  const payables = () => [...double.divisions.get(EXACT)!.terms.values()].filter((r) => r.LineType === 22);

  it('answers GraphQL and SQL like the double', async () => {
    const list = await gql(
      `query($d: [Int!]) { payments(divisions: $d, first: 1000) { totalCount nodes { id amountDC description dueDate } } }`,
      {
        d: [connected],
      },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data.payments.totalCount).toBe(payables().length);
    const byId = new Map(list.data.payments.nodes.map((n: any) => [n.id, n]));
    for (const term of payables()) {
      expect(byId.get(term.ID)).toEqual({
        id: term.ID,
        amountDC: expectedAmount(term.AmountDC as number),
        description: term.Description,
        dueDate: new Date(Number(/\d+/.exec(String(term.DueDate))![0])).toISOString(),
      });
    }
    const sum = payables().reduce((s, term) => s.plus(expectedAmount(term.AmountDC as number)!), new Decimal(0));
    const sql = await gql('query($q: String!) { sql(query: $q) { rows } }', {
      q: `select count(*) as n, sum(AmountDC) as total from Payments where Division = ${connected}`,
    });
    expect(sql.errors).toBeUndefined();
    expect(sql.data.sql.rows[0]).toEqual({ n: payables().length, total: sum.toFixed(2) });
  });

  it('shows connections and runs to admins of the division only, without tokens', async () => {
    const q = `{ exactConnections { division exactDivision state exactUserName lastError callsLeftThisMinute callsLeftToday nextAllowedCall
      lastRun { state full rowsIn rowsChanged rowsDeleted calls } endpoints { endpoint highTimestamp failures blockedUntil } }
      syncRuns(first: 5) { division state rowsIn } }`;
    const admin = await gql(q);
    expect(admin.errors).toBeUndefined();
    expect(admin.data.exactConnections).toEqual([
      expect.objectContaining({
        division: connected,
        exactDivision: EXACT,
        state: 'connected',
        exactUserName: 'Test User',
        lastRun: { state: 'succeeded', full: true, rowsIn: 300, rowsChanged: 0, rowsDeleted: 0, calls: 2 },
        // Exact's 60 less System/Divisions and two sync pages (current/Me has no division: its own budget).
        callsLeftThisMinute: 57,
        callsLeftToday: 4997,
      }),
    ]);
    expect(admin.data.syncRuns).toEqual([{ division: connected, state: 'succeeded', rowsIn: 300 }]);
    const other = await gql(q, undefined, await gw.headersFor({ divisions: [local] }));
    expect(other.data).toEqual({ exactConnections: [], syncRuns: [] });
    const noAdmin = await gql(q, undefined, await gw.headersFor({ scopes: ['payments:read'] }));
    expect(noAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The connector's tables are not in the catalog: SQL cannot read them.
    const leak = await gql('query($q: String!) { sql(query: $q) { rows } }', { q: 'select * from ExactConnections' });
    expect(leak.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("refuses the gateway's own writes to a connected division's rows, leaving them unchanged", async () => {
    const term = payables()[0];
    const before = await gql(`query($d: [Int!]) { payments(divisions: $d, first: 1000) { nodes { id version description } } }`, {
      d: [connected],
    });
    const row = before.data.payments.nodes.find((n: any) => n.id === term.ID);
    const update = await gql(`mutation($i: PaymentUpdateInput!) { updatePayment(input: $i) { id } }`, {
      i: { id: term.ID, version: row.version, description: 'changed here' },
    });
    expect(update.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'OWNED_BY_EXACT',
      division: connected,
      table: 'Payments',
    });
    expect(update.errors?.[0].message).toMatch(/connected to Exact Online/);
    const del = await gql(`mutation($i: PaymentDeleteInput!) { deletePayment(input: $i) { deletedIDs } }`, { i: { id: term.ID } });
    expect(del.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OWNED_BY_EXACT' });
    const after = await gql(`query($d: [Int!]) { payments(divisions: $d, first: 1000) { nodes { id version description } } }`, {
      d: [connected],
    });
    expect(after.data.payments.nodes.find((n: any) => n.id === term.ID)).toEqual(row);
  });

  it('never puts a token or secret in an answer or a log line', () => {
    const text = [...answers, log.text()].join('\n');
    for (const secret of [...double.issuedTokens, double.clientSecret, TEST_SECRETS_KEY]) expect(text.includes(secret)).toBe(false);
  });
});

import { DivisionScope } from '../../src/access/division-scope';
import { GatewayError } from '../../src/platform/errors';
import { run } from '../../src/query/run-statement';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/** Depth, alias and cost limits refuse an operation before it runs; a statement timeout bounds SQL. */
let t: TestDatabase;
let gw: TestGateway;

beforeAll(async () => {
  t = await openSeededDatabase('protection', { payments: 60 });
  gw = await startTestGateway(t.db, { MAX_QUERY_DEPTH: '8', MAX_QUERY_ALIASES: '5', MAX_QUERY_COST: '20000' });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

describe('query limits', () => {
  it('refuses a query nested deeper than the maximum, naming the limit', async () => {
    const ok = await gw.gql(`{ payments(first: 2) { nodes { account { division { description } } } } }`);
    expect(ok.errors).toBeUndefined();
    const deep = await gw.gql(
      `{ divisions { nodes { payments(first: 1) { nodes { account { payments(first: 1) { nodes { batch { payments(first: 1) { nodes { id } } } } } } } } } } }`,
    );
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth', max: 8 });
    expect(deep.errors?.[0].message).toMatch(/^query: is nested \d+ levels deep; the maximum is 8/);
    // Refused before execution: no more statements than a query refused by validation.
    const invalid = await gw.gql(`{ nope }`);
    expect(deep.statements).toBe(invalid.statements);
  });

  it('refuses too many aliases, counting those in fragments', async () => {
    const res = await gw.gql(`{ a: payments(first: 1) { nodes { id } } b: payments(first: 1) { nodes { id } } ...F }
      fragment F on Query { c: payments(first: 1) { nodes { id } } d: accounts(first: 1) { nodes { id } } e: divisions(first: 1) { nodes { code } } f: users { nodes { id } } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases', value: 6 });
  });

  it('refuses an estimated cost over the maximum (nested pages multiply)', async () => {
    const cheap = await gw.gql(`{ accounts(first: 10) { nodes { payments(first: 10) { nodes { id amountDC } } } } }`);
    expect(cheap.errors).toBeUndefined();
    const costly = await gw.gql(`query($n: Int) { accounts(first: $n) { nodes { payments(first: $n) { nodes { id amountDC } } } } }`, {
      n: 1000,
    });
    expect(costly.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost', max: 20000 });
    expect(costly.errors?.[0].message).toMatch(/^query: has an estimated cost of \d+; the maximum is 20000/);
  });

  it('gives a repeated operation the same verdict, per variables (verdicts are remembered)', async () => {
    const query = `query($n: Int) { accounts(first: $n) { nodes { payments(first: $n) { nodes { id } } } } }`;
    // One request id for both, so the errors (which carry it) can be compared whole.
    const first = await gw.gql(query, { n: 1000 }, { 'x-request-id': 'same-verdict' });
    const again = await gw.gql(query, { n: 1000 }, { 'x-request-id': 'same-verdict' });
    expect(again.status).toBe(400);
    expect(again.errors).toEqual(first.errors);
    expect(again.statements).toBe(first.statements);
    const small = await gw.gql(query, { n: 3 });
    expect(small.errors).toBeUndefined();
    expect((await gw.gql(query, { n: 1000 })).errors?.[0].extensions).toMatchObject({ limit: 'cost' });
  });

  it('lets introspection through (its depth is not counted)', async () => {
    const res = await gw.gql(
      `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
  });
});

describe('statement timeout', () => {
  it('stops a statement that runs longer than the timeout with TIMEOUT', async () => {
    const scope = new DivisionScope(t.db, []);
    // Statements that would run for hours: only the timeout ends them.
    const sql =
      t.db.dialect.kind === 'sqlite'
        ? `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE cf_deadline(${Date.now() + 200}) = 1) SELECT COUNT(*) AS n FROM c`
        : 'SELECT SUM(a.seq * b.seq) AS n FROM seq_1_to_100000 a, seq_1_to_100000 b'; // 10^10 rows (MariaDB's sequence engine)
    const error = await run(scope, { sql, params: [] }, 200).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('TIMEOUT');
    expect((error as GatewayError).message).toMatch(/200 ms/);
  });
});

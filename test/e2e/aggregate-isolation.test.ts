import { allDivisionCodes } from '../../src/access/authenticate';
import { Dec } from '../../src/platform/decimal';
import { Payment } from '../../src/modules/payments/payment.entity';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { buildGatewaySchema } from '../../src/modules/schema';
import { Receivable } from '../../src/modules/receivables/receivable.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { Gql, startTestGateway, TestGateway } from '../support/gateway';
import { plantReconciliation } from '../support/reconciliation-apply';

/**
 * Aggregates and ageing see only the caller's divisions: a caller granted division A gets
 * groups of A only, whatever it groups by, and naming division B is FORBIDDEN. Expectations
 * come from the rows in the database.
 */
let t: TestDatabase;
let gw: TestGateway;
let D1: number;
let D2: number;
let asA: Gql;
/** Every `<list>Aggregate` root field of the schema: a new table's aggregate is covered as soon as it exists. */
const AGGREGATES = Object.keys(buildGatewaySchema().getQueryType()!.getFields()).filter((f) => f.endsWith('Aggregate'));

beforeAll(async () => {
  t = await openSeededDatabase('aggregate_isolation', { divisions: 3, payments: 240 });
  const all = await allDivisionCodes(t.db);
  [D1, D2] = all;
  // The reconciliation tables have rows only once something is reconciled: plant some in every division.
  await plantReconciliation(t.db, all);
  gw = await startTestGateway(t.db);
  asA = await gw.as({ divisions: [D1], name: 'division A only' });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

describe('aggregates and ageing stay within the granted divisions', () => {
  it.each(AGGREGATES)('%s groups only division A', async (field) => {
    const res = await asA(`{ ${field}(groupBy: [{ field: divisionCode }]) { key { divisionCode } count } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data[field].map((g: any) => g.key.divisionCode)).toEqual([D1]);
    const forbidden = await asA(`query($d: [Int!]) { ${field}(divisions: $d) { count } }`, { d: [D2] });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('sums only division A, also through relation filters', async () => {
    const rows = await t.db.dataSource.getRepository(Payment).find();
    const mine = rows.filter((p) => p.divisionCode === D1);
    const res = await asA(`{ paymentsAggregate(where: { account: { isSupplier: { eq: true } } }) { count sum { amountDC } } }`);
    expect(res.data.paymentsAggregate).toEqual([
      { count: mine.length, sum: { amountDC: mine.reduce((a, p) => a.plus(p.amountDC), new Dec(0)).toFixed(2) } },
    ]);
  });

  it("sums only division A's bank entry lines", async () => {
    const mine = (await t.db.dataSource.getRepository(BankEntryLine).find()).filter((l) => l.divisionCode === D1);
    const res = await asA(`{ bankEntryLinesAggregate { count sum { amountFC balanceAfterFC } } }`);
    const sum = (f: 'amountFC' | 'balanceAfterFC') => mine.reduce((a, l) => a.plus(l[f]), new Dec(0)).toFixed(2);
    expect(res.data.bankEntryLinesAggregate).toEqual([
      { count: mine.length, sum: { amountFC: sum('amountFC'), balanceAfterFC: sum('balanceAfterFC') } },
    ]);
    expect(mine.length).toBeGreaterThan(0);
  });

  it("sums only division A's receivables, also through relation filters", async () => {
    const mine = (await t.db.dataSource.getRepository(Receivable).find()).filter((r) => r.divisionCode === D1);
    const res = await asA(`{ receivablesAggregate(where: { account: { isSales: { eq: true } } }) { count sum { amountDC } } }`);
    const sum = mine.reduce((a, r) => a.plus(r.amountDC), new Dec(0)).toFixed(2);
    expect(res.data.receivablesAggregate).toEqual([{ count: mine.length, sum: { amountDC: sum } }]);
  });

  it.each(['paymentAgeing', 'receivableAgeing'])('%s ages only division A', async (field) => {
    const asOf = '"2026-06-15T00:00:00Z"';
    const both = `${field}(asOf: ${asOf}, by: DIVISION) { divisionCode } accounts: ${field}(asOf: ${asOf}, by: ACCOUNT) { divisionCode }`;
    const res = await asA(`{ ${both} }`);
    expect(res.errors).toBeUndefined();
    expect(res.data[field].map((r: any) => r.divisionCode)).toEqual([D1]);
    expect(new Set(res.data.accounts.map((r: any) => r.divisionCode))).toEqual(new Set([D1]));
    const forbidden = await asA(`query($d: [Int!]) { ${field}(asOf: ${asOf}, divisions: $d) { total } }`, { d: [D2] });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

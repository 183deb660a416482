import { randomUUID } from 'node:crypto';
import { allDivisionCodes } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { Dec } from '../../src/platform/decimal';
import { Payment } from '../../src/modules/payments/payment.entity';
import { PaymentAmountsDocument } from '../generated/graphql';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * Money is exact end to end: stored as DECIMAL (MariaDB) or exact decimal text (SQLite), read
 * back as the same string over GraphQL, and summed by the database without a binary float.
 */
let t: TestDatabase;
let gw: TestGateway;
let scope: DivisionScope;
const AMOUNTS = ['0.10', '0.20', '12345678901.23'];
const ids: string[] = [];

beforeAll(async () => {
  t = await openSeededDatabase('money', { divisions: 1, payments: 5 });
  scope = new DivisionScope(t.db, await allDivisionCodes(t.db));
  const template = await scope.select(Payment, 'p').getOneOrFail();
  const rows = AMOUNTS.map((amount) => {
    const id = randomUUID();
    ids.push(id);
    return Object.assign(new Payment(), template, {
      id,
      currency: 'EUR',
      rateFC: '1',
      amountDC: amount,
      amountFC: amount,
      transactionAmountDC: amount,
      transactionAmountFC: amount,
      amountDiscountDC: null,
      amountDiscountFC: null,
    });
  });
  await scope.insert(Payment, rows);
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** SUM(column) of the given payments, computed by the database through the dialect. */
async function sumOf(column: string, paymentIds: string[]): Promise<string> {
  const q = (s: string) => t.db.dialect.quote(s);
  const row = await scope
    .select(Payment, 'p')
    .select(t.db.dialect.decimalAggregate('sum', `${q('p')}.${q(column)}`), 'total')
    .where('p.id IN (:...ids)', { ids: paymentIds })
    .getRawOne<{ total: string }>();
  return String(row!.total);
}

describe('exact money', () => {
  it('reads stored amounts back over GraphQL as the exact decimal strings', async () => {
    for (const [i, id] of ids.entries()) {
      const res = await gw.gql(PaymentAmountsDocument, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.payment.amountDC).toBe(AMOUNTS[i]);
      expect(res.data!.payment.amountFC).toBe(AMOUNTS[i]);
      expect(res.data!.payment.rateFC).toBe('1.00000000');
    }
  });

  it('sums them exactly in the database', async () => {
    expect(await sumOf('AmountDC', ids)).toBe('12345678901.53');
    expect(await sumOf('AmountDC', ids.slice(0, 2))).toBe('0.30');
    expect(await sumOf('TransactionAmountFC', ids)).toBe(AMOUNTS.reduce((s, a) => s.plus(a), new Dec(0)).toFixed(2));
  });

  it('never answers a float: the JSON carries the amounts as strings', async () => {
    const res = await gw.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ payment(id: "${ids[2]}") { amountDC } }` }),
    });
    expect(await res.text()).toContain('"amountDC":"12345678901.23"');
  });
});

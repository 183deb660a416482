import { Dec } from '../../src/platform/decimal';
import { Payment } from '../../src/modules/payments/payment.entity';
import { openSeededDatabase, TEST_DATABASE, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * The shared parity suite: every filter operator of every column type, sorting with nulls and
 * relation filters, run the same way on SQLite and on MariaDB (TEST_DATABASE=mariadb). Each
 * answer is compared with an expectation computed here from all rows read back, so both
 * databases must give the same, independently checked result.
 */
let t: TestDatabase;
let gw: TestGateway;
let rows: any[];

const FIELDS = `id status paymentMethod source currency description yourRef paymentReference invoiceNumber endYear
  amountDC amountDiscountDC dueDate paymentSelected accountID documentID transactionIsReversal accountName glAccountCode
  divisionShortName cashflowTransactionBatchCode batch { executionDate } account { isSupplier }`;

beforeAll(async () => {
  t = await openSeededDatabase('parity', { payments: 300 });
  const repo = t.db.dataSource.getRepository(Payment);
  const [a, b, c] = await repo.find({ order: { id: 'ASC' }, take: 3 });
  // Text with LIKE wildcards: they must match literally.
  await repo.update(a.id, { description: '50% off_now' });
  await repo.update(b.id, { description: '50 percent offXnow' });
  await repo.update(c.id, { description: 'back\\slash 50%' });
  gw = await startTestGateway(t.db);
  const res = await gw.gql(`{ payments(first: 1000) { nodes { ${FIELDS} } } }`);
  expect(res.errors).toBeUndefined();
  rows = res.data.payments.nodes;
  expect(rows).toHaveLength(300);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

async function ids(where: unknown): Promise<string[]> {
  const res = await gw.gql(`query($w: PaymentWhere) { payments(first: 1000, where: $w) { nodes { id } } }`, { w: where });
  if (res.errors) throw new Error(`${JSON.stringify(where)}: ${res.errors[0].message}`);
  return res.data.payments.nodes.map((n: any) => n.id).sort();
}
const expected = (keep: (p: any) => boolean) =>
  rows
    .filter(keep)
    .map((p) => p.id)
    .sort();
const lc = (v: string | null) => (v === null ? null : v.toLowerCase());
const dec = (v: string | null) => (v === null ? null : new Dec(v));
const time = (v: string | null) => (v === null ? null : Date.parse(v));
const nonEmpty = (list: string[]) => {
  expect(list.length).toBeGreaterThan(0);
  return list;
};

/** A value of a column picked from the data (the quantile `at` of its values), so cases always match something. */
const picked = new Map<string, any>();
function pick(field: string, at = 0.5): any {
  const key = `${field}@${at}`;
  if (!picked.has(key)) {
    const values = rows
      .map((p) => p[field])
      .filter((v) => v !== null)
      .sort(compareValues);
    picked.set(key, values[Math.floor(values.length * at)]);
  }
  return picked.get(key);
}
function compareValues(a: any, b: any): number {
  if (typeof a === 'number') return a - b;
  if (/^-?\d+(\.\d+)?$/.test(a)) return new Dec(a).cmp(new Dec(b));
  if (/^\d{4}-\d\d-\d\dT/.test(a)) return Date.parse(a) - Date.parse(b);
  return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
}

describe(`parity suite on ${TEST_DATABASE}`, () => {
  describe('text (StringFilter): case-insensitive, wildcards literal', () => {
    const cur = () => pick('currency');
    it.each([
      ['eq', () => ({ currency: { eq: cur().toLowerCase() } }), (p: any) => lc(p.currency) === lc(cur())],
      ['ne', () => ({ currency: { ne: cur().toLowerCase() } }), (p: any) => lc(p.currency) !== lc(cur())],
      ['in', () => ({ currency: { in: ['usd', 'GBP', cur()] } }), (p: any) => ['usd', 'gbp', lc(cur())].includes(lc(p.currency))],
      ['notIn', () => ({ currency: { notIn: ['usd', cur()] } }), (p: any) => !['usd', lc(cur())].includes(lc(p.currency))],
      [
        'gt',
        () => ({ yourRef: { gt: pick('yourRef').toLowerCase() } }),
        (p: any) => p.yourRef !== null && lc(p.yourRef)! > lc(pick('yourRef'))!,
      ],
      ['gte', () => ({ yourRef: { gte: pick('yourRef') } }), (p: any) => p.yourRef !== null && lc(p.yourRef)! >= lc(pick('yourRef'))!],
      ['lt', () => ({ yourRef: { lt: pick('yourRef') } }), (p: any) => p.yourRef !== null && lc(p.yourRef)! < lc(pick('yourRef'))!],
      [
        'lte',
        () => ({ yourRef: { lte: pick('yourRef').toLowerCase() } }),
        (p: any) => p.yourRef !== null && lc(p.yourRef)! <= lc(pick('yourRef'))!,
      ],
      ['contains', () => ({ accountName: { contains: 'CATERING' } }), (p: any) => lc(p.accountName)!.includes('catering')],
      [
        'contains % and _ literally',
        () => ({ description: { contains: '50% OFF_' } }),
        (p: any) => lc(p.description)?.includes('50% off_') ?? false,
      ],
      [
        'contains a backslash literally',
        () => ({ description: { contains: 'k\\s' } }),
        (p: any) => p.description?.includes('k\\s') ?? false,
      ],
      [
        'startsWith',
        () => ({ description: { startsWith: 'factuur 2000001' } }),
        (p: any) => lc(p.description)?.startsWith('factuur 2000001') ?? false,
      ],
      ['endsWith', () => ({ description: { endsWith: ' bv' } }), (p: any) => lc(p.description)?.endsWith(' bv') ?? false],
      ['endsWith %', () => ({ description: { endsWith: '50%' } }), (p: any) => p.description?.endsWith('50%') ?? false],
      ['isNull true', () => ({ paymentReference: { isNull: true } }), (p: any) => p.paymentReference === null],
      ['isNull false', () => ({ paymentReference: { isNull: false } }), (p: any) => p.paymentReference !== null],
    ])('%s', async (_name, where, keep) => {
      expect(await ids(where())).toEqual(nonEmpty(expected(keep)));
    });
  });

  describe('identifiers (IDFilter): any case accepted', () => {
    const acc = () => pick('accountID');
    const acc2 = () => pick('accountID', 0.9);
    it.each([
      ['eq', () => ({ accountID: { eq: acc().toUpperCase() } }), (p: any) => p.accountID === acc()],
      ['ne', () => ({ accountID: { ne: acc() } }), (p: any) => p.accountID !== acc()],
      ['in', () => ({ accountID: { in: [acc(), acc2().toUpperCase()] } }), (p: any) => [acc(), acc2()].includes(p.accountID)],
      ['notIn', () => ({ accountID: { notIn: [acc(), acc2()] } }), (p: any) => ![acc(), acc2()].includes(p.accountID)],
      ['isNull true', () => ({ documentID: { isNull: true } }), (p: any) => p.documentID === null],
      ['isNull false', () => ({ documentID: { isNull: false } }), (p: any) => p.documentID !== null],
    ])('%s', async (_name, where, keep) => {
      expect(await ids(where())).toEqual(nonEmpty(expected(keep)));
    });
  });

  describe('whole numbers (IntFilter, SafeIntFilter)', () => {
    const n = () => pick('invoiceNumber');
    it.each([
      ['eq', () => ({ invoiceNumber: { eq: n() } }), (p: any) => p.invoiceNumber === n()],
      ['ne', () => ({ invoiceNumber: { ne: n() } }), (p: any) => p.invoiceNumber !== null && p.invoiceNumber !== n()],
      ['gt', () => ({ invoiceNumber: { gt: n() } }), (p: any) => p.invoiceNumber > n()],
      ['gte', () => ({ invoiceNumber: { gte: n() } }), (p: any) => p.invoiceNumber >= n()],
      ['lt', () => ({ invoiceNumber: { lt: n() } }), (p: any) => p.invoiceNumber !== null && p.invoiceNumber < n()],
      ['lte', () => ({ invoiceNumber: { lte: n() } }), (p: any) => p.invoiceNumber !== null && p.invoiceNumber <= n()],
      [
        'in',
        () => ({ invoiceNumber: { in: [n(), pick('invoiceNumber', 0.1)] } }),
        (p: any) => [n(), pick('invoiceNumber', 0.1)].includes(p.invoiceNumber),
      ],
      ['notIn', () => ({ invoiceNumber: { notIn: [n()] } }), (p: any) => p.invoiceNumber !== null && p.invoiceNumber !== n()],
      [
        'between',
        () => ({ invoiceNumber: { between: { from: pick('invoiceNumber', 0.2), to: n() } } }),
        (p: any) => p.invoiceNumber >= pick('invoiceNumber', 0.2) && p.invoiceNumber <= n(),
      ],
      ['isNull true', () => ({ endYear: { isNull: true } }), (p: any) => p.endYear === null],
      ['isNull false', () => ({ endYear: { isNull: false } }), (p: any) => p.endYear !== null],
      ['SafeInt eq (derived, through a join)', () => ({ divisionShortName: { eq: 2 } }), (p: any) => p.divisionShortName === 2],
      [
        'SafeInt between',
        () => ({ divisionShortName: { between: { from: 2, to: 3 } } }),
        (p: any) => p.divisionShortName >= 2 && p.divisionShortName <= 3,
      ],
    ])('%s', async (_name, where, keep) => {
      expect(await ids(where())).toEqual(nonEmpty(expected(keep)));
    });
  });

  describe('money (DecimalFilter): exact', () => {
    const a = () => pick('amountDC');
    const trimmed = () => new Dec(a()).toFixed(); // "1234.5" for "1234.50": equal as numbers
    it.each([
      ['eq', () => ({ amountDC: { eq: trimmed() } }), (p: any) => dec(p.amountDC)!.eq(a())],
      ['ne', () => ({ amountDC: { ne: a() } }), (p: any) => !dec(p.amountDC)!.eq(a())],
      ['gt', () => ({ amountDC: { gt: a() } }), (p: any) => dec(p.amountDC)!.gt(a())],
      ['gte', () => ({ amountDC: { gte: a() } }), (p: any) => dec(p.amountDC)!.gte(a())],
      ['lt', () => ({ amountDC: { lt: trimmed() } }), (p: any) => dec(p.amountDC)!.lt(a())],
      ['lte', () => ({ amountDC: { lte: a() } }), (p: any) => dec(p.amountDC)!.lte(a())],
      [
        'lt with more decimals than stored',
        () => ({ amountDC: { lt: new Dec(a()).plus('0.001').toFixed() } }),
        (p: any) => dec(p.amountDC)!.lte(a()),
      ],
      [
        'in',
        () => ({ amountDC: { in: [trimmed(), pick('amountDC', 0.1)] } }),
        (p: any) => [a(), pick('amountDC', 0.1)].some((v) => dec(p.amountDC)!.eq(v)),
      ],
      ['notIn', () => ({ amountDC: { notIn: [a()] } }), (p: any) => !dec(p.amountDC)!.eq(a())],
      [
        'between',
        () => ({ amountDC: { between: { from: pick('amountDC', 0.3), to: a() } } }),
        (p: any) => dec(p.amountDC)!.gte(pick('amountDC', 0.3)) && dec(p.amountDC)!.lte(a()),
      ],
      ['isNull true', () => ({ amountDiscountDC: { isNull: true } }), (p: any) => p.amountDiscountDC === null],
      ['isNull false', () => ({ amountDiscountDC: { isNull: false } }), (p: any) => p.amountDiscountDC !== null],
    ])('%s', async (_name, where, keep) => {
      expect(await ids(where())).toEqual(nonEmpty(expected(keep)));
    });
  });

  describe('date-times (DateTimeFilter)', () => {
    const d = () => pick('dueDate');
    const d2 = () => pick('dueDate', 0.8);
    it.each([
      ['eq', () => ({ dueDate: { eq: d() } }), (p: any) => time(p.dueDate) === time(d())],
      ['ne', () => ({ dueDate: { ne: d() } }), (p: any) => time(p.dueDate) !== time(d())],
      ['gt', () => ({ dueDate: { gt: d() } }), (p: any) => time(p.dueDate)! > time(d())!],
      ['gte', () => ({ dueDate: { gte: d() } }), (p: any) => time(p.dueDate)! >= time(d())!],
      ['lt', () => ({ dueDate: { lt: d() } }), (p: any) => time(p.dueDate)! < time(d())!],
      ['lte', () => ({ dueDate: { lte: d() } }), (p: any) => time(p.dueDate)! <= time(d())!],
      ['in', () => ({ dueDate: { in: [d(), d2()] } }), (p: any) => [time(d()), time(d2())].includes(time(p.dueDate))],
      ['notIn', () => ({ dueDate: { notIn: [d(), d2()] } }), (p: any) => ![time(d()), time(d2())].includes(time(p.dueDate))],
      [
        'between',
        () => ({ dueDate: { between: { from: d(), to: d2() } } }),
        (p: any) => time(p.dueDate)! >= time(d())! && time(p.dueDate)! <= time(d2())!,
      ],
      ['isNull true', () => ({ paymentSelected: { isNull: true } }), (p: any) => p.paymentSelected === null],
      ['isNull false', () => ({ paymentSelected: { isNull: false } }), (p: any) => p.paymentSelected !== null],
    ])('%s', async (_name, where, keep) => {
      expect(await ids(where())).toEqual(nonEmpty(expected(keep)));
    });
  });

  describe('yes/no (BooleanFilter)', () => {
    it.each([
      ['eq false', () => ({ transactionIsReversal: { eq: false } }), (p: any) => p.transactionIsReversal === false],
      ['ne true', () => ({ transactionIsReversal: { ne: true } }), (p: any) => p.transactionIsReversal === false],
      ['isNull false', () => ({ transactionIsReversal: { isNull: false } }), (p: any) => p.transactionIsReversal !== null],
      ['eq true through a relation', () => ({ account: { isSupplier: { eq: true } } }), (p: any) => p.account.isSupplier === true],
    ])('%s', async (_name, where, keep) => {
      expect(await ids(where())).toEqual(nonEmpty(expected(keep)));
    });
    it('isNull true and eq true match exactly the rows that have them (possibly none)', async () => {
      expect(await ids({ transactionIsReversal: { isNull: true } })).toEqual(expected((p) => p.transactionIsReversal === null));
      expect(await ids({ transactionIsReversal: { eq: true } })).toEqual(expected((p) => p.transactionIsReversal === true));
    });
  });

  describe('enums (PaymentStatusFilter, PaymentMethodFilter, PaymentSourceFilter)', () => {
    it.each([
      ['eq', () => ({ status: { eq: 'OPEN' } }), (p: any) => p.status === 'OPEN'],
      ['ne', () => ({ status: { ne: 'MATCHED' } }), (p: any) => p.status !== 'MATCHED'],
      ['in', () => ({ status: { in: ['SELECTED', 'PROCESSED'] } }), (p: any) => ['SELECTED', 'PROCESSED'].includes(p.status)],
      ['notIn', () => ({ paymentMethod: { notIn: ['ON_CREDIT'] } }), (p: any) => p.paymentMethod !== 'ON_CREDIT'],
      ['isNull false', () => ({ source: { isNull: false } }), (p: any) => p.source !== null],
      ['in (source)', () => ({ source: { in: ['MANUAL', 'IMPORT'] } }), (p: any) => ['MANUAL', 'IMPORT'].includes(p.source)],
    ])('%s', async (_name, where, keep) => {
      expect(await ids(where())).toEqual(nonEmpty(expected(keep)));
    });
    it('isNull true on a required column matches nothing', async () => {
      expect(await ids({ status: { isNull: true } })).toEqual([]);
    });
  });

  describe('and / or / not and relations', () => {
    it.each([
      [
        'and',
        () => ({ and: [{ status: { eq: 'OPEN' } }, { amountDC: { gt: pick('amountDC') } }] }),
        (p: any) => p.status === 'OPEN' && dec(p.amountDC)!.gt(pick('amountDC')),
      ],
      [
        'or',
        () => ({ or: [{ status: { eq: 'MATCHED' } }, { paymentMethod: { eq: 'CASH' } }] }),
        (p: any) => p.status === 'MATCHED' || p.paymentMethod === 'CASH',
      ],
      ['not', () => ({ not: { status: { in: ['OPEN', 'SELECTED'] } } }), (p: any) => !['OPEN', 'SELECTED'].includes(p.status)],
      [
        'nested',
        () => ({
          or: [{ not: { currency: { eq: 'EUR' } } }, { and: [{ status: { eq: 'OPEN' } }, { not: { accountName: { contains: 'bv' } } }] }],
        }),
        (p: any) => p.currency !== 'EUR' || (p.status === 'OPEN' && !lc(p.accountName)!.includes('bv')),
      ],
      ['relation: account name', () => ({ account: { name: { startsWith: 'de ' } } }), (p: any) => lc(p.accountName)!.startsWith('de ')],
      [
        'relation: G/L account code',
        () => ({ glAccount: { code: { eq: pick('glAccountCode') } } }),
        (p: any) => p.glAccountCode === pick('glAccountCode'),
      ],
      [
        'relation: batch executed in a window',
        () => ({ batch: { executionDate: { gte: pick('dueDate', 0.3) } } }),
        (p: any) => p.batch !== null && time(p.batch.executionDate)! >= time(pick('dueDate', 0.3))!,
      ],
      [
        'no relation: batch is null',
        () => ({ cashflowTransactionBatchCode: { isNull: true } }),
        (p: any) => p.cashflowTransactionBatchCode === null,
      ],
    ])('%s', async (_name, where, keep) => {
      expect(await ids(where())).toEqual(nonEmpty(expected(keep)));
    });
  });

  describe('sorting', () => {
    async function order(orderBy: unknown): Promise<string[]> {
      const res = await gw.gql(`query($o: [PaymentOrderBy!]) { payments(first: 1000, orderBy: $o) { nodes { id } } }`, { o: orderBy });
      expect(res.errors).toBeUndefined();
      return res.data.payments.nodes.map((n: any) => n.id);
    }
    const byId = (a: any, b: any) => (a.id < b.id ? -1 : 1);
    const nullable = (get: (p: any) => number | null, desc: boolean, nullsFirst: boolean) => (a: any, b: any) => {
      const x = get(a);
      const y = get(b);
      if (x === null || y === null) return x === y ? 0 : (x === null) === nullsFirst ? -1 : 1;
      return desc ? y - x : x - y;
    };
    it.each([
      ['money descending', [{ field: 'amountDC', direction: 'DESC' }], (a: any, b: any) => dec(b.amountDC)!.cmp(dec(a.amountDC)!)],
      [
        'nullable money, nulls last ascending',
        [{ field: 'amountDiscountDC', nulls: 'LAST' }],
        nullable((p) => (p.amountDiscountDC === null ? null : Number(p.amountDiscountDC)), false, false),
      ],
      [
        'nullable date, default nulls (smallest) descending',
        [{ field: 'paymentSelected', direction: 'DESC' }],
        nullable((p) => time(p.paymentSelected), true, false),
      ],
      [
        'nullable date, nulls first descending',
        [{ field: 'paymentSelected', direction: 'DESC', nulls: 'FIRST' }],
        nullable((p) => time(p.paymentSelected), true, true),
      ],
      [
        'text, several keys',
        [{ field: 'currency' }, { field: 'description', direction: 'DESC' }],
        (a: any, b: any) =>
          lc(a.currency)! < lc(b.currency)!
            ? -1
            : lc(a.currency)! > lc(b.currency)!
              ? 1
              : lc(b.description)! < lc(a.description)!
                ? -1
                : lc(b.description)! > lc(a.description)!
                  ? 1
                  : 0,
      ],
      [
        'relation column',
        [{ batch: 'executionDate', direction: 'DESC', nulls: 'LAST' }, { field: 'dueDate' }],
        (a: any, b: any) => nullable((p) => time(p.batch?.executionDate ?? null), true, false)(a, b) || time(a.dueDate)! - time(b.dueDate)!,
      ],
    ])('%s', async (_name, orderBy, cmp) => {
      expect(await order(orderBy)).toEqual([...rows].sort((a, b) => cmp(a, b) || byId(a, b)).map((p) => p.id));
    });
  });
});

import { isValidIBAN } from 'ibantools';
import { allDivisionCodes } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { PAYMENTS } from '../../src/catalog/tables/payments';
import { Payment } from '../../src/modules/payments/payment.entity';
import { DivisionsOverviewDocument, PaymentAmountsDocument, PaymentsPageDocument, TypeFieldsDocument } from '../generated/graphql';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

let t: TestDatabase;
let gw: TestGateway;

beforeAll(async () => {
  t = await openSeededDatabase('foundation');
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** ISO 8601 date-time with a zone designator, as the DateTime scalar must put it on the wire. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

async function typeFields(name: string) {
  const res = await gw.gql(TypeFieldsDocument, { name });
  expect(res.errors).toBeUndefined();
  return new Map((res.data!.__type?.fields ?? []).map((f) => [f.name, f]));
}

/** Named type of a field, through a NON_NULL wrapper. */
const namedType = (f: { type: { kind: string; name?: string | null; ofType?: { name?: string | null } | null } }) =>
  f.type.kind === 'NON_NULL' ? f.type.ofType?.name : f.type.name;

describe('foundation', () => {
  it('answers a page of payments with related names read from the referenced rows', async () => {
    const res = await gw.gql(PaymentsPageDocument, { first: 10 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.payments.nodes;
    expect(nodes).toHaveLength(10);
    for (const p of nodes) {
      expect(p.accountName).toBeTruthy();
      expect(p.glAccount?.type).toBe(22);
      expect(p.glAccountCode).toMatch(/^(440000|1600)$/);
      expect(p.divisionName).toBe(p.division?.description);
      expect(p.account?.code).toBeTruthy();
    }
  });

  it('runs a bounded number of statements whatever the page size (no N+1)', async () => {
    const small = await gw.gql(PaymentsPageDocument, { first: 10 });
    const large = await gw.gql(PaymentsPageDocument, { first: 100 });
    expect(large.errors).toBeUndefined();
    expect(large.data!.payments.nodes).toHaveLength(100);
    // 1 page + one per relation selected (account, glAccount, division, batch, creator, document).
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(1 + 6);
  });

  it('counts statements per request only when COUNT_STATEMENTS is on (it costs every request)', async () => {
    expect(Number.isInteger((await gw.gql(PaymentsPageDocument, { first: 5 })).statements)).toBe(true);
    const production = await startTestGateway(t.db, { COUNT_STATEMENTS: 'false' });
    try {
      const res = await production.gql(PaymentsPageDocument, { first: 5 });
      expect(res.errors).toBeUndefined();
      expect(res.headers.get('x-sql-statements')).toBeNull();
    } finally {
      await production.close();
    }
  });

  it('introspection shows every one of the 81 Payment columns as a camelCase field with a description', async () => {
    expect(PAYMENTS.columns).toHaveLength(81);
    const fields = await typeFields('Payment');
    for (const c of PAYMENTS.columns) {
      expect(c.field).toMatch(/^[a-z][A-Za-z0-9]*$/);
      const f = fields.get(c.field);
      expect(f).toBeDefined();
      expect(f!.description?.trim()).toBeTruthy();
      expect(f!.description).toContain(c.labelEn);
    }
  });

  it('uses graphql-scalars where the column holds what the scalar means', async () => {
    const division = await typeFields('Division');
    expect(namedType(division.get('currency')!)).toBe('Currency');
    expect(namedType(division.get('country')!)).toBe('CountryCode');
    expect(namedType(division.get('iban')!)).toBe('IBAN');
    expect(namedType(division.get('created')!)).toBe('DateTime');
    expect(namedType((await typeFields('Account')).get('country')!)).toBe('CountryCode');
    expect(namedType((await typeFields('PaymentBatch')).get('currency')!)).toBe('Currency');
    const payment = await typeFields('Payment');
    // Exact declares Payments.Currency string(30): a String, so any stored code can be returned.
    expect(namedType(payment.get('currency')!)).toBe('String');
    expect(namedType(payment.get('id')!)).toBe('UUID');
    expect(namedType(payment.get('amountDC')!)).toBe('Decimal');
    expect(namedType(payment.get('dueDate')!)).toBe('DateTime');
  });

  it('serves divisions with valid currency, country and IBAN values', async () => {
    const res = await gw.gql(DivisionsOverviewDocument);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.divisions.nodes;
    expect(nodes.length).toBe(3);
    for (const d of nodes) {
      expect(d.currency).toBe('EUR');
      expect(['BE', 'NL']).toContain(d.country);
      expect(isValidIBAN(d.iban!)).toBe(true);
      expect(d.iban!.slice(0, 2)).toBe(d.country);
    }
  });

  it('puts DateTime on the wire as ISO 8601 with a zone, the instant that is stored', async () => {
    const scope = new DivisionScope(t.db, await allDivisionCodes(t.db));
    const stored = await scope.select(Payment, 'p').orderBy('p.id').getOneOrFail();
    const res = await gw.gql(PaymentAmountsDocument, { id: stored.id });
    expect(res.errors).toBeUndefined();
    const p = res.data!.payment;
    expect(p.dueDate).toMatch(ISO_WITH_ZONE);
    expect(p.created).toMatch(ISO_WITH_ZONE);
    expect(new Date(p.dueDate).getTime()).toBe(stored.dueDate.getTime());
    expect(new Date(p.created).getTime()).toBe(stored.created.getTime());

    const divisions = await gw.gql(DivisionsOverviewDocument);
    for (const d of divisions.data!.divisions.nodes) expect(d.modified).toMatch(ISO_WITH_ZONE);
  });
});

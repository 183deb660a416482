import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { allDivisionCodes } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { Database } from '../../src/db/data-source';
import { ExactConfig, exactConfigFromEnv } from '../../src/modules/exact-online/exact-config';
import { ExactConnector } from '../../src/modules/exact-online/exact-connect.service';
import { Payment } from '../../src/modules/payments/payment.entity';
import { Receivable } from '../../src/modules/receivables/receivable.entity';
import type { Logger } from '../../src/platform/logger';
import { createLogger } from '../../src/platform/logger';
import { SecretBox } from '../../src/platform/secret-box';
import { ExactOnlineDouble, PaymentTermRow } from './exact-online-double';

/** A fixed 32-byte key for tests (never a production key). */
export const TEST_SECRETS_KEY = '0f'.repeat(32);
export const testBox = () => new SecretBox([Buffer.from(TEST_SECRETS_KEY, 'hex')]);

/**
 * The connector's configuration pointed at `double`, with short backoffs. It syncs the payment
 * terms only (EXACT_SYNC_TABLES none), so that tests of that path count its calls alone; the tests
 * of the reference tables pass `{ EXACT_SYNC_TABLES: '' }` for the default (every table).
 */
export function exactTestConfig(double: ExactOnlineDouble, env: Record<string, string> = {}): ExactConfig {
  return exactConfigFromEnv({
    EXACT_BASE_URL: double.url,
    EXACT_CLIENT_ID: double.clientId,
    EXACT_CLIENT_SECRET: double.clientSecret,
    EXACT_REDIRECT_URI: 'http://127.0.0.1:9/exact/callback',
    EXACT_BACKOFF_MS: '5',
    EXACT_SYNC_TABLES: 'none',
    ...env,
  });
}

/** The divisions of a seeded database (sorted codes). */
export const divisionCodes = (db: Database): Promise<number[]> => allDivisionCodes(db);

/**
 * Runs the authorization code flow against the double as a browser would (the double consents at
 * once and redirects to the callback with the code), then completes the connection.
 */
export async function connectThroughDouble(
  db: Database,
  double: ExactOnlineDouble,
  division: number,
  exactDivision: number,
  config = exactTestConfig(double),
  log: Logger = createLogger('silent'),
) {
  const connector = new ExactConnector(db, testBox(), config, log);
  const res = await fetch(connector.authorizationUrl('s1'), { redirect: 'manual' });
  const location = new URL(res.headers.get('location')!);
  return connector.complete(location.searchParams.get('code')!, division, exactDivision);
}

const ms = (iso: string) => `/Date(${Date.parse(iso)})/`;

/**
 * A payment term as Exact sends it: amounts as doubles (some of them halfway cases where rounding
 * the binary float would go the wrong way), dates as /Date(ms)/, text with non-ASCII letters.
 */
export function paymentTerm(i: number, exactDivision: number, lineType: 20 | 22 = i % 2 ? 22 : 20): PaymentTermRow {
  const halfway = [100.005, 1.005, 2.675, 1234.565, 0.125, 8.345][i % 6];
  const sign = lineType === 22 ? -1 : 1;
  return {
    ID: randomUUID(),
    LineType: lineType,
    Timestamp: 0,
    Division: exactDivision,
    Account: randomUUID(),
    AccountBankAccountID: i % 3 ? randomUUID() : null,
    AccountContact: null,
    AmountDC: sign * (halfway + i),
    AmountFC: sign * (halfway + i),
    AmountDiscountDC: i % 4 ? 0 : 0.5,
    AmountDiscountFC: i % 4 ? 0 : 0.5,
    BankAccountID: randomUUID(),
    CashflowTransactionBatchCode: null,
    Created: ms('2026-03-01T09:15:30.123Z'),
    Creator: randomUUID(),
    Currency: 'EUR',
    Description: `Factuur ${1000 + i} – café Zoë`,
    DiscountDueDate: null,
    Document: null,
    DueDate: ms(`2026-07-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`),
    EndDate: null,
    EndPeriod: null,
    EndYear: null,
    EntryDate: ms('2026-03-01T00:00:00Z'),
    EntryID: randomUUID(),
    EntryNumber: 26000000 + i,
    GLAccount: randomUUID(),
    InvoiceDate: ms('2026-03-01T00:00:00Z'),
    InvoiceNumber: 5000 + i,
    IsBatchBooking: 0,
    IsFullyPaid: false,
    Journal: lineType === 22 ? '60' : '70',
    LastPaymentDate: null,
    Modified: ms('2026-03-02T10:00:00.999Z'),
    Modifier: randomUUID(),
    PaymentBatchNumber: null,
    PaymentCondition: '30',
    PaymentDays: 30,
    PaymentDaysDiscount: 0,
    PaymentDiscountPercentage: 0.02,
    PaymentMethod: 'B',
    PaymentReference: lineType === 20 ? '+++123/4567/89002+++' : `REF${i}`,
    PaymentSelected: null,
    PaymentSelector: null,
    RateFC: 1,
    Source: 4,
    Status: 20,
    TransactionAmountDC: sign * (halfway + i),
    TransactionAmountFC: sign * (halfway + i),
    TransactionDueDate: null,
    TransactionEntryID: randomUUID(),
    TransactionID: null,
    TransactionIsReversal: false,
    TransactionReportingPeriod: 3,
    TransactionReportingYear: 2026,
    TransactionStatus: 20,
    TransactionType: lineType === 22 ? 30 : 20,
    YourRef: i % 5 ? `PO-${i}` : null,
    DirectDebitMandate: null,
    EndToEndID: null,
    PaymentInformationID: null,
    ReceivableBatchNumber: null,
    ReceivableSelected: null,
    ReceivableSelector: null,
  };
}

/** Amount text as the rule says: the JSON text of Exact's double, rounded half away from zero to 2 decimals. */
export const expectedAmount = (double: number | null) =>
  double === null ? null : new Decimal(JSON.stringify(double)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** `/Date(ms)/` as the instant. */
export const expectedDate = (value: unknown) => (value === null ? null : new Date(Number(/\d+/.exec(String(value))![0])));

/** Stored rows of a division's side, by ID. */
export async function storedRows(db: Database, division: number, side: 'payments' | 'receivables'): Promise<Map<string, any>> {
  const entity = side === 'payments' ? Payment : Receivable;
  const rows = await new DivisionScope(db, [division]).select(entity as typeof Payment, 'p').getMany();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Every column the catalog maps, compared with the double's row by the rules (amounts rounded from
 * their text, dates as instants, text and codes as sent). Returns the differences (empty when equal).
 */
export function differences(stored: any, term: PaymentTermRow): string[] {
  const out: string[] = [];
  const same = (field: string, actual: unknown, expected: unknown) => {
    const a = actual instanceof Date ? actual.toISOString() : actual;
    const e = expected instanceof Date ? expected.toISOString() : expected;
    if (a !== e) out.push(`${field}: ${JSON.stringify(a)} != ${JSON.stringify(e)}`);
  };
  for (const f of ['AmountDC', 'AmountFC', 'AmountDiscountDC', 'AmountDiscountFC', 'TransactionAmountDC', 'TransactionAmountFC']) {
    same(f, stored[f[0].toLowerCase() + f.slice(1)], expectedAmount(term[f] as number | null));
  }
  same('RateFC', stored.rateFC, new Decimal(String(term.RateFC)).toFixed(8));
  same('PaymentDiscountPercentage', stored.paymentDiscountPercentage, new Decimal(String(term.PaymentDiscountPercentage)).toFixed(4));
  for (const f of ['Created', 'Modified', 'DueDate', 'EntryDate', 'InvoiceDate', 'DiscountDueDate', 'TransactionDueDate']) {
    same(f, stored[f[0].toLowerCase() + f.slice(1)], expectedDate(term[f]));
  }
  const text: [string, string][] = [
    ['Description', 'description'],
    ['Currency', 'currency'],
    ['Journal', 'journalCode'],
    ['PaymentCondition', 'paymentConditionCode'],
    ['PaymentMethod', 'paymentMethod'],
    ['PaymentReference', 'paymentReference'],
    ['YourRef', 'yourRef'],
    ['Account', 'accountID'],
    ['AccountBankAccountID', 'accountBankAccountID'],
    ['BankAccountID', 'bankAccountID'],
    ['GLAccount', 'glAccountID'],
    ['EntryID', 'entryID'],
    ['Creator', 'creatorID'],
    ['Modifier', 'modifierID'],
    ['TransactionEntryID', 'transactionEntryID'],
  ];
  for (const [name, field] of text) same(name, stored[field], term[name]);
  for (const [name, field] of [
    ['EntryNumber', 'entryNumber'],
    ['InvoiceNumber', 'invoiceNumber'],
    ['PaymentDays', 'paymentDays'],
    ['Source', 'source'],
    ['Status', 'status'],
    ['TransactionType', 'transactionType'],
    ['TransactionReportingYear', 'transactionReportingYear'],
  ]) {
    same(name, Number(stored[field]), term[name]);
  }
  return out;
}

import BetterSqlite3 from 'better-sqlite3';
import { DivisionScope } from '../../src/access/division-scope';
import { Document } from '../../src/modules/documents/document.entity';
import { PaymentBatch } from '../../src/modules/batches/payment-batch.entity';
import { Payment } from '../../src/modules/payments/payment.entity';
import { openSeededDatabase, TEST_DATABASE, TestDatabase } from '../support/database';
import { GraphQLResult, startTestGateway, TestGateway } from '../support/gateway';
import { daysFromToday, DivisionFixture, divisionFixture, validPaymentInput } from '../support/payments';
import { runCli, ServerProcess, startServerProcess } from '../support/server-process';

/**
 * Several processes on one database, as users run them: two servers started with `src/main.ts
 * start` (a second server, or a server and the test gateway, or a CLI command on the same SQLite
 * file). Across processes nothing queues SQLite's transactions; BEGIN IMMEDIATE and the retry
 * of lock conflicts must. Every call either succeeds or answers CONFLICT (a payment rule, or
 * `retryable: true`), never INTERNAL_SERVER_ERROR; afterwards every payment is in exactly one
 * batch and batch and document numbers have no gaps. On MariaDB the same runs on one database.
 */
jest.setTimeout(240_000);

let t: TestDatabase;
let gw: TestGateway;
let f: DivisionFixture;
let first: ServerProcess;
let second: ServerProcess;

beforeAll(async () => {
  t = await openSeededDatabase('two_processes', { divisions: 2, payments: 60 });
  gw = await startTestGateway(t.db);
  f = await divisionFixture(t.db);
  first = await startServerProcess(t.url);
  second = await startServerProcess(t.url);
});
afterAll(async () => {
  await second?.stop('SIGKILL');
  await first?.stop('SIGKILL');
  await gw?.close();
  await t?.close();
});

const SELECT = `mutation($ids: [UUID!]!) { selectPayments(paymentIDs: $ids) { id } }`;
const PROCESS = `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id cashflowTransactionBatchCode paymentCount } }`;
const PAYMENTS = 60;
const CALLS_PER_CLIENT = 30;
const WINDOW = 5;
type Call = (query: string, variables: Record<string, unknown>) => Promise<GraphQLResult>;

it("a second start leaves the running server's demo key alone", async () => {
  expect(second.demoKey).not.toBe(first.demoKey);
  for (const server of [first, second]) {
    for (const key of [first.demoKey, second.demoKey]) {
      const r = await server.gql('{ payments(first: 1) { totalCount } }', {}, { 'x-api-key': key });
      expect({ status: r.status, errors: r.errors }).toEqual({ status: 200, errors: undefined });
    }
  }
});

it('2 servers, the test gateway and a CLI command at once: only successes and CONFLICT, consistent numbers', async () => {
  const input = Array.from({ length: PAYMENTS }, (_, i) => validPaymentInput(f, { amountFC: `${i + 1}.00`, amountDC: `${i + 1}.00` }));
  const created = await gw.gql(`mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id } }`, { input });
  expect(created.errors).toBeUndefined();
  const ids: string[] = created.data.createPayments.map((p: { id: string }) => p.id);
  const processInput = (paymentIDs: string[] | null) => ({
    divisionCode: f.division,
    paymentIDs,
    bankAccountID: f.ownBank.id,
    executionDate: daysFromToday(1),
  });
  const clients: Call[] = [(q, v) => first.gql(q, v), (q, v) => second.gql(q, v), await gw.as({ name: 'in-process' })];

  // Overlapping windows as in payment-run-concurrency.test.ts, over three processes' clients.
  const calls = clients.flatMap((call, c) =>
    Array.from({ length: CALLS_PER_CLIENT }, (_, i) => {
      const start = (3 * i + 7 * c) % PAYMENTS;
      const window = Array.from({ length: WINDOW }, (_, k) => ids[(start + k) % PAYMENTS]);
      return i % 2 === 0 ? call(SELECT, { ids: window }) : call(PROCESS, { input: processInput(window) });
    }),
  );
  const cli = runCli(['keys', 'create', '--name', 'cli during load', '--divisions', 'all', '--scopes', 'payments:read'], {
    DATABASE_URL: t.url,
  });
  const results = await Promise.all(calls);
  const cliRun = await cli;
  expect({ code: cliRun.code, stderr: cliRun.stderr }).toEqual({ code: 0, stderr: '' });
  expect(cliRun.stdout).toMatch(/cfk_[0-9a-f]{16}_/);

  const errors = results.flatMap((r) => r.errors ?? []);
  expect(errors.filter((e) => e.extensions?.code !== 'CONFLICT')).toEqual([]);
  // A CONFLICT is either a payment rule naming the lost payments or a retryable lock conflict.
  for (const e of errors) {
    if (e.extensions?.retryable === true) expect(e.message).toMatch(/try again/);
    else expect((e.extensions?.ids as string[]).length).toBeGreaterThan(0);
  }
  expect(results.filter((r) => !r.errors).length).toBeGreaterThan(0);

  // Sweep what is left (selected, then open), then check the numbering.
  const sweep = await first.gql(PROCESS, { input: processInput(null) });
  for (const e of sweep.errors ?? []) expect(e.extensions?.rule).toBe('NOTHING_TO_PROCESS');
  const open = (await t.db.dataSource.manager.find(Payment, { where: ids.map((id) => ({ id, status: 20 })) })).map((p) => p.id);
  if (open.length) expect((await second.gql(PROCESS, { input: processInput(open) })).errors).toBeUndefined();

  const m = t.db.dataSource.manager;
  const payments = await m.find(Payment, { where: ids.map((id) => ({ id })) });
  expect(payments.every((p) => p.status === 40 && p.cashflowTransactionBatchCode)).toBe(true);
  const batches = await m.find(PaymentBatch, { where: { divisionCode: f.division }, order: { cashflowTransactionBatchCode: 'ASC' } });
  for (const b of batches) {
    const members = await m.find(Payment, {
      where: { cashflowTransactionBatchCode: b.cashflowTransactionBatchCode, divisionCode: f.division },
      order: { paymentBatchNumber: 'ASC' },
    });
    expect(members.map((p) => p.paymentBatchNumber)).toEqual(members.map((_, i) => i + 1));
    expect(members.length).toBe(b.paymentCount);
  }
  const codes = batches.map((b) => Number(b.cashflowTransactionBatchCode.split('-')[1])).sort((a, b) => a - b);
  expect(codes).toEqual(codes.map((_, i) => i + 1));
  const documents = await m.find(Document, { where: { divisionCode: f.division }, order: { documentNumber: 'ASC' } });
  expect(documents.map((d) => d.documentNumber)).toEqual(documents.map((_, i) => i + 1));
  const inSomeBatch = (await m.find(Payment, { where: { divisionCode: f.division } })).filter((p) => p.cashflowTransactionBatchCode);
  expect(batches.reduce((s, b) => s + b.paymentCount, 0)).toBe(inSomeBatch.length);
});

it("a clean stop revokes only that server's key; a start after a crash revokes the crashed server's key", async () => {
  const status = async (key: string) => (await gw.gql('{ payments(first: 1) { totalCount } }', {}, { 'x-api-key': key })).status;
  await second.stop('SIGTERM');
  expect([await status(first.demoKey), await status(second.demoKey)]).toEqual([200, 401]);
  await first.stop('SIGKILL');
  expect(await status(first.demoKey)).toBe(200);
  second = await startServerProcess(t.url);
  expect([await status(first.demoKey), await status(second.demoKey)]).toEqual([401, 200]);
});

(TEST_DATABASE === 'sqlite' ? it : it.skip)('on SQLite a transaction holds the write lock from its start (BEGIN IMMEDIATE)', async () => {
  const other = new BetterSqlite3(t.url.slice('sqlite:'.length));
  other.pragma('busy_timeout = 0');
  const tryWrite = () => {
    try {
      other.exec('BEGIN IMMEDIATE; ROLLBACK');
      return 'wrote';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };
  try {
    // Inside the transaction, before it ran any statement: another connection cannot write.
    const inside = await new DivisionScope(t.db, [f.division]).transaction(async () => tryWrite());
    expect([inside, tryWrite()]).toEqual(['SQLITE_BUSY', 'wrote']);
  } finally {
    other.close();
  }
});

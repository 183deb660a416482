import { Writable } from 'node:stream';
import { LOCAL_PRINCIPAL } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { Database } from '../../src/db/data-source';
import { bankConnectorConfigFromEnv } from '../../src/modules/bank-connectors/connector-config';
import { ConnectorContext } from '../../src/modules/bank-connectors/connector-context';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { BankEntry } from '../../src/modules/financial-accounts/bank-entry.entity';
import { GatewayEvents } from '../../src/platform/events';
import { createLogger } from '../../src/platform/logger';
import { executeAs } from './execute';
import { daysFromToday, DivisionFixture, validPaymentInput } from './payments';
import type { PontoDouble } from './ponto-double';
import type { TestPki } from './test-pki';

/** A fixed test key for SecretBox (never a real one). */
export const TEST_SECRETS_KEY = 'a1'.repeat(32);

/**
 * The connector settings that point the gateway at a Ponto double over mutual TLS with the test
 * PKI (the application's certificate and key, the double's CA), as an operator sets them.
 */
export function pontoEnv(ponto: PontoDouble, pki: TestPki): Record<string, string> {
  return {
    PONTO_API_URL: ponto.apiUrl,
    PONTO_AUTH_URL: `${ponto.url}/oauth2/auth`,
    PONTO_CLIENT_ID: ponto.clientId,
    PONTO_CLIENT_SECRET: ponto.clientSecret,
    PONTO_REDIRECT_URI: 'https://gateway.example/banks/ponto/callback',
    PONTO_CERT_FILE: pki.clientCertFile,
    PONTO_KEY_FILE: pki.clientKeyFile,
    PONTO_CA_FILE: pki.caFile,
  };
}

/** Every log line a connector context wrote, as text (to check that no secret is in it). */
export interface CapturedLog {
  text(): string;
}

/**
 * A connector context over `db` for `divisions`, with the environment given, events and a captured
 * debug log; `imported` collects the entries each pull stored and reconciled (linesReconciled).
 */
export function connectorContext(
  db: Database,
  divisions: readonly number[],
  env: NodeJS.ProcessEnv,
): ConnectorContext & { events: GatewayEvents; log: CapturedLog; imported: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const events = new GatewayEvents();
  const imported: string[] = [];
  // A pull reconciles the entries it stored and announces them with linesReconciled (bank-sync.ts).
  events.on('linesReconciled', ({ entries }) => imported.push(...entries.map((e) => e.entryID)));
  return {
    scope: new DivisionScope(db, divisions),
    principal: LOCAL_PRINCIPAL,
    config: bankConnectorConfigFromEnv({ SECRETS_KEY: TEST_SECRETS_KEY, BANK_MAX_RETRY_WAIT_MS: '50', ...env }),
    events,
    logger: createLogger('debug', sink),
    log: { text: () => lines.join('') },
    imported,
  };
}

/** The bank entries of a journal in order, and all their lines in order. */
export async function entriesOfJournal(db: Database, division: number, journalCode: string) {
  const entries = await db.dataSource
    .getRepository(BankEntry)
    .find({ where: { divisionCode: division, journalCode }, order: { entryDate: 'ASC', entryNumber: 'ASC' } });
  const lines = [];
  for (const e of entries)
    lines.push(...(await db.dataSource.getRepository(BankEntryLine).find({ where: { entryID: e.entryID }, order: { lineNumber: 'ASC' } })));
  return { entries, lines };
}

/**
 * A processed payment batch, as a partner makes one through GraphQL (createPayments, then
 * processPayments): new payments of `amounts` from the fixture's own bank account, executed in five
 * days. Its id and its pain.001 file.
 */
export async function processedPaymentBatch(db: Database, f: DivisionFixture, amounts: string[]): Promise<{ id: string; xml: string }> {
  const created = await executeAs(
    db,
    { divisions: [f.division] },
    `mutation($input: [PaymentCreateInput!]!) { createPayments(input: $input) { id } }`,
    { input: amounts.map((a) => validPaymentInput(f, { amountFC: a, amountDC: a })) },
  );
  expect(created.errors).toBeUndefined();
  const processed = await executeAs(
    db,
    { divisions: [f.division] },
    `mutation($input: ProcessPaymentsInput!) { processPayments(input: $input) { id file { content } } }`,
    {
      input: {
        divisionCode: f.division,
        paymentIDs: created.data.createPayments.map((p: { id: string }) => p.id),
        bankAccountID: f.ownBank.id,
        executionDate: daysFromToday(5),
      },
    },
  );
  expect(processed.errors).toBeUndefined();
  const { id, file } = processed.data.processPayments;
  return { id, xml: Buffer.from(file.content, 'base64').toString('utf8') };
}

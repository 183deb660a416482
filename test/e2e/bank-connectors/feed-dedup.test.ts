import { allDivisionCodes, LOCAL_PRINCIPAL } from '../../../src/access/authenticate';
import { DivisionScope } from '../../../src/access/division-scope';
import { BankConnection, BankRemoteTransaction } from '../../../src/modules/bank-connectors/bank-connection.entity';
import { pullConnection } from '../../../src/modules/bank-connectors/bank-sync';
import { connectCodabox } from '../../../src/modules/bank-connectors/codabox-connector';
import { finishPontoConnect, startPontoConnect } from '../../../src/modules/bank-connectors/ponto-connector';
import { StatementImportService } from '../../../src/modules/statement-import/statement-import.service';
import { connectorContext, entriesOfJournal, pontoEnv } from '../../support/bank-connectors';
import { CodaboxDouble } from '../../support/codabox-double';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { PontoDouble } from '../../support/ponto-double';
import { camtFile, codaFile } from '../../support/statement-files';
import { ownBankAccount } from '../../support/statements';
import { makeTestPki, TestPki } from '../../support/test-pki';

/**
 * One account fed by two sources: Ponto's transactions and the bank's statement files (CODA or
 * camt.053, uploaded or from CodaBox). Whichever comes first, each bank transaction is stored once
 * and the running balance ends on the balance both the bank's file and Ponto report; the files
 * keep their statement numbers and closing balances. Two transactions alike in everything (Ponto's
 * digest repeats) are two. And CodaBox delivers camt.053 files as well as CODA ones.
 */
let t: TestDatabase;
let D: number;
let other: number;
let pki: TestPki;
let ponto: PontoDouble;
const codabox = new CodaboxDouble();
let connection: BankConnection;

const env = () => ({
  ...pontoEnv(ponto, pki),
  PONTO_SYNC_POLL_MS: '5',
  CODABOX_API_URL: codabox.url,
  CODABOX_SOFTWARE_COMPANY: codabox.softwareCompany,
});
const ctxOf = () => connectorContext(t.db, [D, other], env());
const pull = () => pullConnection(ctxOf(), connection.id);

/** Imports a statement file as an upload does (the statement import, all or nothing). */
async function upload(content: string, fileName: string) {
  const service = new StatementImportService(new DivisionScope(t.db, [D, other]), LOCAL_PRINCIPAL);
  return (await service.import([{ content: Buffer.from(content, 'latin1'), fileName }])).files[0];
}

beforeAll(async () => {
  t = await openSeededDatabase('bank_feed_dedup', { divisions: 2, payments: 20 });
  [D, other] = await allDivisionCodes(t.db);
  pki = makeTestPki();
  ponto = new PontoDouble(pki);
  await ponto.start();
  await codabox.start();
  const ctx = ctxOf();
  const started = await startPontoConnect(ctx, D);
  const { code, state } = ponto.authorize(started.authorizationUrl);
  connection = (await finishPontoConnect(ctx, started.bankConnection.id, code, state)).bankConnection;
});
afterAll(async () => {
  await codabox.stop();
  await ponto?.stop();
  pki?.remove();
  await t?.close();
});

/** The journal's lines' amounts, its last closing balance and the last line's running balance. */
async function journalState(journal: string) {
  const { entries, lines } = await entriesOfJournal(t.db, D, journal);
  return {
    entries,
    amounts: lines.map((l) => l.amountFC).sort(),
    closing: entries.at(-1)!.closingBalanceFC,
    running: lines.at(-1)!.balanceAfterFC,
  };
}

it('Ponto first, then the CODA file: the file stores only what Ponto did not, and its closing balance is the running balance', async () => {
  const { iban } = await ownBankAccount(t.db, D, 'DD1');
  const account = ponto.addAccount(iban, '1000.00');
  const coffee = { amount: '-12.50', valueDate: '2026-04-01', executionDate: '2026-04-01', description: 'Coffee' };
  ponto.book(account, coffee);
  ponto.book(account, coffee);
  ponto.book(account, { amount: '100.00', valueDate: '2026-04-01', executionDate: '2026-04-01', endToEndId: 'E2E-DD1' });
  expect(await pull()).toMatchObject({ status: 'SUCCEEDED', transactions: 3, statementsCreated: 1 });

  // The bank's statement of that day: the same three and one Ponto has not shown yet.
  const file = codaFile({
    creationDate: '2026-04-01',
    statements: [
      {
        iban,
        number: '014',
        opening: '1000.00',
        openingDate: '2026-03-31',
        date: '2026-04-01',
        movements: [
          { amount: '-12.50', date: '2026-04-01', text: 'Coffee' },
          { amount: '100.00', date: '2026-04-01', endToEndId: 'E2E-DD1' },
          { amount: '-12.50', date: '2026-04-01', text: 'Coffee' },
          { amount: '5.00', date: '2026-04-01', text: 'Interest' },
        ],
      },
    ],
  });
  const imported = await upload(file, 'dd1.cod');
  expect(imported).toMatchObject({ outcome: 'IMPORTED', problems: [] });
  let state = await journalState('DD1');
  expect(state.amounts).toEqual(['-12.50', '-12.50', '100.00', '5.00'].sort());
  expect(state.entries.at(-1)).toMatchObject({ statementNumber: '014', openingBalanceFC: '1075.00', closingBalanceFC: '1080.00' });
  expect(state.running).toBe('1080.00');
  // The same file again is recognised; nothing more is stored.
  expect(await upload(file, 'dd1-again.cod')).toMatchObject({ outcome: 'ALREADY_IMPORTED' });

  // Ponto then shows the interest: recognised in the file's line, not stored a second time.
  ponto.book(account, { amount: '5.00', valueDate: '2026-04-01', executionDate: '2026-04-01', description: 'Interest' });
  expect(await pull()).toMatchObject({ status: 'SUCCEEDED', transactions: 1, statementsCreated: 0 });
  state = await journalState('DD1');
  expect(state.amounts).toHaveLength(4);
  expect(state.running).toBe(ponto.balanceOf(account));
  expect(state.closing).toBe(ponto.balanceOf(account));
});

it('the camt.053 file first, then Ponto: what the file holds is recognised, only the later transaction is stored', async () => {
  const { iban } = await ownBankAccount(t.db, D, 'DD2');
  const file = camtFile([
    {
      iban,
      opening: '500.00',
      date: '2026-04-02',
      entries: [
        { amount: '20.00', bookingDate: '2026-04-02', endToEndId: 'E2E-DD2', acctSvcrRef: 'BANKREF-1' },
        { amount: '-7.50', bookingDate: '2026-04-02', ustrd: 'Card' },
        { amount: '-7.50', bookingDate: '2026-04-02', ustrd: 'Card' },
      ],
    },
  ]);
  expect(await upload(file, 'dd2.xml')).toMatchObject({ outcome: 'IMPORTED' });

  const account = ponto.addAccount(iban, '500.00');
  ponto.book(account, { amount: '20.00', valueDate: '2026-04-02', executionDate: '2026-04-02', endToEndId: 'E2E-DD2' });
  ponto.book(account, { amount: '-7.50', valueDate: '2026-04-02', executionDate: '2026-04-02', description: 'Card' });
  ponto.book(account, { amount: '-7.50', valueDate: '2026-04-02', executionDate: '2026-04-02', description: 'Card' });
  ponto.book(account, { amount: '1.25', valueDate: '2026-04-03', executionDate: '2026-04-03', description: 'Later' });
  const run = await pull();
  expect(run).toMatchObject({ status: 'SUCCEEDED', transactions: 4, statementsCreated: 1 });
  const state = await journalState('DD2');
  expect(state.amounts).toEqual(['-7.50', '-7.50', '1.25', '20.00'].sort());
  expect(state.running).toBe(ponto.balanceOf(account));
  expect(state.closing).toBe(ponto.balanceOf(account));
  const rows = await t.db.dataSource.getRepository(BankRemoteTransaction).findBy({ status: 'BOOKED' });
  const inFile = rows.filter((r) => r.lineID !== null && state.entries.some((e) => e.entryID === r.entryID && e.fileHash));
  expect(inFile).toHaveLength(3);
  expect(new Set(inFile.map((r) => r.lineID)).size).toBe(3);
});

it('CodaBox delivers camt.053 files too: downloaded as xml and imported through the statement import', async () => {
  const { iban } = await ownBankAccount(t.db, D, 'CX1');
  const ctx = ctxOf();
  const codaboxConnection = await connectCodabox(ctx, D, codabox.issueToken());
  const feed = codabox.addFeed(88);
  const camt = camtFile([{ iban, opening: '10.00', date: '2026-04-05', entries: [{ amount: '2.50', bookingDate: '2026-04-05' }] }]);
  codabox.addEntry(feed, {
    iban,
    currency: 'EUR',
    newBalanceDate: '2026-04-05',
    content: Buffer.from(camt, 'utf8'),
    documentModel: 'camt053',
  });
  const run = await pullConnection(ctx, codaboxConnection.id);
  expect(run).toMatchObject({ status: 'SUCCEEDED', files: 1, statementsCreated: 1, transactions: 1, linesReconciled: 1 });
  expect(codabox.requests.some((r) => /\/delivery\/download\/[^/]+\/xml$/.test(r.path))).toBe(true);
  expect(feed.confirmed).toBe(1);
  const state = await journalState('CX1');
  expect(state).toMatchObject({ amounts: ['2.50'], closing: '12.50', running: '12.50' });
});

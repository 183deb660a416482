import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { receivable, receivableNow } from '../support/reconciliation-apply';
import { ReceivableFixture, receivableFixture } from '../support/receivables';
import { codaFile } from '../support/statement-files';
import { ownBankAccount } from '../support/statements';

/**
 * The incoming side end to end, over real HTTP: a CODA file posted to /statements whose line
 * carries an open receivable's structured communication is stored, announced after its commit, and
 * reconciled by the engine without anyone touching it (issue 12's import feeding issue 13's
 * automatic matching). A file imported again changes nothing, the match included.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: ReceivableFixture;

beforeAll(async () => {
  t = await openSeededDatabase('import_to_reconciliation', { divisions: 2, payments: 30 });
  f = await receivableFixture(t.db);
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

it('matches an imported line to the receivable whose structured communication it carries', async () => {
  const r = await receivable(t.db, f, '321.00');
  const ogm = r.paymentReference!.replace(/\D/g, '');
  const { iban } = await ownBankAccount(t.db, f.division, 'IMPREC');
  const file = codaFile({
    statements: [
      {
        iban,
        number: '001',
        opening: '1000.00',
        date: '2026-03-02',
        movements: [{ amount: '321.00', ogm, counterpartyName: 'Customer TESTBE', counterpartyAccount: f.belgianBank.bankAccount }],
      },
    ],
  });
  const events = gw.gateway.runtime.events;
  const reconciled = new Promise<{ lines: number; applied: number }>((resolve) => events.once('linesReconciled', resolve));
  const res = await gw.request('/statements?fileName=imprec.cod', {
    method: 'POST',
    body: Buffer.from(file, 'latin1'),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(res.status).toBe(200);
  // 1000.00 + 321.00
  expect(((await res.json()) as any).files[0].statements[0]).toMatchObject({ closingBalance: '1321.00', lineCount: 1 });
  expect(await reconciled).toMatchObject({ lines: 1, applied: 1 });
  expect(await receivableNow(t.db, r.id)).toMatchObject({ status: 50, isFullyPaid: true });

  const again = await gw.request('/statements?fileName=imprec.cod', {
    method: 'POST',
    body: Buffer.from(file, 'latin1'),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(await again.json()).toMatchObject({ created: 0, alreadyImported: 1 });
  const matches = await t.db.dataSource.query('SELECT COUNT(*) AS n FROM ReconciliationMatches WHERE Division = ?', [f.division]);
  expect(Number(matches[0].n)).toBe(1);
});

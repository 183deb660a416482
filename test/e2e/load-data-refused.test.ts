import { createConnection } from 'mysql2/promise';
import { allDivisionCodes } from '../../src/access/authenticate';
import { closeDatabase, Database } from '../../src/db/data-source';
import { openGatewayDatabase } from '../../src/modules/entities';
import { BankEntryLine } from '../../src/modules/financial-accounts/bank-entry-line.entity';
import { Dec } from '../../src/platform/decimal';
import { createLogger } from '../../src/platform/logger';
import { seed } from '../../src/seed/seed';
import { TEST_DATABASE, TEST_TODAY } from '../support/database';
import { ExtraMariaDb, extraMariaDbMissing, startExtraMariaDb } from '../support/extra-mariadb';
import { dayText, ownBankAccount, statement, store } from '../support/statements';

/**
 * MySQL 8 ships with local_infile off, and a MariaDB server may be set so: LOAD DATA LOCAL is then
 * refused, and BulkInserter writes the rows as multi-row INSERTs instead (db/bulk-insert.ts). A
 * statement's lines are rows made as they are written (MadeRows); the refusal comes before the
 * server reads a row, so the INSERTs get every row, once. The setting is server-wide, so this runs
 * on a MariaDB server of its own (test/support/extra-mariadb.ts), with the MariaDB suite.
 */
const onMariaDb = TEST_DATABASE === 'mariadb' ? describe : describe.skip;

onMariaDb('a server that refuses LOAD DATA LOCAL', () => {
  let server: ExtraMariaDb;
  let db: Database;
  let D: number;

  beforeAll(async () => {
    const missing = extraMariaDbMissing();
    if (missing) throw new Error(`${missing}: the MariaDB suite starts a server of its own here (apt-get install mariadb-server)`);
    server = await startExtraMariaDb(['--local-infile=0']);
    const admin = await createConnection(server.url);
    await admin.query('CREATE DATABASE cashflow CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
    db = await openGatewayDatabase(`${server.url}/cashflow`, { logger: createLogger('silent') });
    await seed(db, { divisions: 1, payments: 10, seed: 7, today: TEST_TODAY, suppliersPerDivision: 3 });
    [D] = await allDivisionCodes(db);
  }, 60_000);
  afterAll(async () => {
    if (db) await closeDatabase(db);
    await server?.stop();
  });

  it('refuses LOAD DATA LOCAL itself', async () => {
    const c = await createConnection(`${server.url}/cashflow`);
    try {
      const [[row]] = (await c.query('SELECT @@GLOBAL.local_infile AS local')) as unknown as [[{ local: number }]];
      expect(Number(row.local)).toBe(0);
      await expect(
        c.query({ sql: "LOAD DATA LOCAL INFILE 'x.tsv' INTO TABLE BankEntryLines", infileStreamFactory: () => process.stdin } as never),
      ).rejects.toMatchObject({ errno: expect.any(Number) });
    } finally {
      await c.end();
    }
  });

  it('stores every line of a large statement through INSERTs instead, in booking order with running balances', async () => {
    const { iban, journal } = await ownBankAccount(db, D, 'LD1');
    const lines = Array.from({ length: 700 }, (_, i) => ({
      bookingDate: dayText(50 - (i % 7)),
      amount: new Dec(((i * 7919) % 100_000) - 50_000).dividedBy(100).toFixed(2),
      counterpartyName: `Café ${i % 13} € 😀`,
      unstructuredRemittance: `Invoice ${i} \\N back\\slash 'quoted'`,
    }));
    const input = statement(D, iban, '1', dayText(50), '500.00', lines);
    const [before] = (await db.dataSource.query("SHOW GLOBAL STATUS LIKE 'Com_insert'")) as { Value: string }[];
    const stored = await store(db, [D], input);
    const [after] = (await db.dataSource.query("SHOW GLOBAL STATUS LIKE 'Com_insert'")) as { Value: string }[];
    expect(stored.created).toBe(true);
    // The lines went in as INSERT statements (the entry and its document are one or two more).
    expect(Number(after.Value) - Number(before.Value)).toBeGreaterThanOrEqual(2);

    const rows = await db.dataSource
      .getRepository(BankEntryLine)
      .find({ where: { entryID: stored.entry.entryID }, order: { lineNumber: 'ASC' } });
    expect(rows).toHaveLength(700);
    const expected = input.lines.map((l, i) => ({ ...l, i })).sort((a, b) => a.bookingDate.localeCompare(b.bookingDate) || a.i - b.i);
    let balance = new Dec(input.openingBalance);
    rows.forEach((r, k) => {
      balance = balance.plus(expected[k].amount);
      expect([r.lineNumber, r.journalCode, r.date.toISOString().slice(0, 10), new Dec(r.amountFC).toFixed(2)]).toEqual([
        k + 1,
        journal.code,
        expected[k].bookingDate,
        expected[k].amount,
      ]);
      expect([new Dec(r.balanceAfterFC).toFixed(2), r.counterpartyName, r.remittanceInformation]).toEqual([
        balance.toFixed(2),
        expected[k].counterpartyName,
        expected[k].unstructuredRemittance,
      ]);
    });
    expect(balance.toFixed(2)).toBe(new Dec(input.closingBalance).toFixed(2));
    // every row once: as many distinct IDs as lines
    expect(new Set(rows.map((r) => r.id)).size).toBe(700);
  });
});

import { exactConfigFromEnv, EXACT_SYNC_TABLE_NAMES } from '../../../src/modules/exact-online/exact-config';
import { bankEntryFromExact } from '../../../src/modules/exact-online/exact-bank-entries';
import { EXACT_ENDPOINTS, EXACT_REFERENCE_TABLES } from '../../../src/modules/exact-online/exact-endpoints';
import { ExactMalformedError, ExactRow } from '../../../src/modules/exact-online/exact-mapping';

/**
 * The reference tables' specs and the pure mapping of Exact bank entries (issue 14): which fields
 * each endpoint asks for, EXACT_SYNC_TABLES, and how an entry's lines get their balances after.
 */
describe('Exact reference tables: specs and bank entry mapping', () => {
  it('names every table of EXACT_SYNC_TABLES once, sync/ endpoints asking for their Timestamp', () => {
    expect([...EXACT_REFERENCE_TABLES].sort()).toEqual([...EXACT_SYNC_TABLE_NAMES].sort());
    for (const spec of EXACT_ENDPOINTS) {
      expect(spec.select.includes('Timestamp')).toBe(spec.strategy === 'timestamp');
      expect(spec.endpoint.startsWith('sync/')).toBe(spec.strategy === 'timestamp');
      expect(spec.select).toContain(spec.table === 'BankEntries' ? 'EntryID' : 'ID');
      expect(spec.select).not.toContain('Division');
    }
    const bank = EXACT_ENDPOINTS.find((s) => s.table === 'BankAccounts')!;
    expect(bank.select).toContain('BICCode');
    expect(bank.select).not.toContain('BIC');
    expect(bank.select).not.toContain('Currency');
    expect(EXACT_ENDPOINTS.find((s) => s.table === 'BankEntries')!.select).toContain('BankEntryLines/AmountFC');
  });

  it('reads EXACT_SYNC_TABLES: every table by default, none, a list, and refuses an unknown name naming the variable', () => {
    expect(exactConfigFromEnv({}).syncTables).toEqual(EXACT_SYNC_TABLE_NAMES);
    expect(exactConfigFromEnv({ EXACT_SYNC_TABLES: 'none' }).syncTables).toEqual([]);
    expect(exactConfigFromEnv({ EXACT_SYNC_TABLES: 'Journals, BankEntries' }).syncTables).toEqual(['Journals', 'BankEntries']);
    expect(() => exactConfigFromEnv({ EXACT_SYNC_TABLES: 'Journals,Invoices' })).toThrow(/EXACT_SYNC_TABLES: unknown table Invoices/);
  });

  const entry = (lines: ExactRow[], extra: ExactRow = {}): ExactRow =>
    ({
      EntryID: 'AAAAAAAA-0000-4000-8000-000000000001',
      EntryNumber: '26000001',
      JournalCode: '10',
      Currency: 'EUR',
      OpeningBalanceFC: '100.005',
      ClosingBalanceFC: '110.02',
      FinancialYear: '2026',
      FinancialPeriod: '3',
      Status: '20',
      BankStatementDocument: null,
      Created: '/Date(1772355600000)/',
      Modified: '/Date(1772355600999)/',
      BankEntryLines: { results: lines },
      ...extra,
    }) as unknown as ExactRow;
  const line = (n: number, amount: string, day: number): ExactRow => ({
    ID: `BBBBBBBB-0000-4000-8000-00000000000${n}`,
    LineNumber: String(n),
    Date: `/Date(${Date.UTC(2026, 2, day)})/`,
    AmountFC: amount,
    AmountDC: amount,
    ExchangeRate: '1',
    Description: null,
    Account: null,
    GLAccount: null,
    OurRef: null,
    Notes: null,
    Document: null,
    OffsetID: null,
    Created: '/Date(1772355600000)/',
    Creator: null,
    Modified: '/Date(1772355600000)/',
    Modifier: null,
  });

  it("numbers an entry's lines by Exact's LineNumber with the balance after each, rounded from the doubles' text", () => {
    const kept = new Map([['bbbbbbbb-0000-4000-8000-000000000002', { reconciliationStatus: 50, openAmountFC: null }]]);
    const { entry: e, lines } = bankEntryFromExact(entry([line(2, '-2.675', 4), line(1, '12.345', 3)]), 7, 'EUR', 'bank-1', kept);
    expect(e).toMatchObject({ entryID: 'aaaaaaaa-0000-4000-8000-000000000001', openingBalanceFC: '100.01', closingBalanceFC: '110.02' });
    expect(e.entryDate.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(lines.map((l) => [l.lineNumber, l.amountFC, l.balanceAfterFC, l.reconciliationStatus])).toEqual([
      [1, '12.35', '112.36', null],
      [2, '-2.68', '109.68', 50],
    ]);
    expect(lines.every((l) => l.entryDate === e.entryDate && l.journalCode === '10' && l.entryNumber === 26000001)).toBe(true);
  });

  it('rounds to the currency minor units, dates an entry without lines on its period, and names a missing field', () => {
    const yen = bankEntryFromExact(entry([], { Currency: 'JPY', OpeningBalanceFC: '1234.5' }), 7, 'EUR', 'bank-1', new Map());
    expect(yen.entry.openingBalanceFC).toBe('1235.00');
    expect(yen.entry.entryDate.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(() => bankEntryFromExact(entry([], { EntryNumber: null }), 7, 'EUR', 'b', new Map())).toThrow(ExactMalformedError);
    expect(() => bankEntryFromExact(entry([], { EntryNumber: null }), 7, 'EUR', 'b', new Map())).toThrow(/EntryNumber/);
  });
});

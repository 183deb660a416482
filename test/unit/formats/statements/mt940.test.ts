import fs from 'node:fs';
import Decimal from 'decimal.js';
import iconv from 'iconv-lite';
import YAML from 'yaml';
import { parseMt940, type StatementFile } from '../../../../src/formats/statements';
import { describeWithShared, sharedFile } from '../../../support/shared-files';
import { statementError } from '../../../support/statement-files';

/**
 * MT940 (SWIFT Customer Statement Message, the Dutch banks' variants). The fixtures of ../shared
 * come with the values a reference parser (the Python mt940 library) reads, as YAML with Python
 * type tags: the tags are ignored, dates are Python `date` pickles (year high, year low, month, day).
 */

type Yaml = Record<string, any>;

/** The reference's values: tags dropped, `[value]` wrappers unwrapped, dates as ISO days. */
function plain(value: unknown): any {
  if (value instanceof Uint8Array) {
    const b = Buffer.from(value);
    return `${b[0] * 256 + b[1]}-${String(b[2]).padStart(2, '0')}-${String(b[3]).padStart(2, '0')}`;
  }
  if (Array.isArray(value)) return value.length === 1 ? plain(value[0]) : value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'transactions' || Array.isArray((value as Yaml)[k]))
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

function reference(name: string): { data: Yaml; transactions: Yaml[] } {
  const doc = YAML.parse(fs.readFileSync(sharedFile(`fixtures/mt940/${name}`)!, 'utf8'), {
    schema: 'yaml-1.1',
    logLevel: 'silent',
    maxAliasCount: -1,
  });
  return { data: plain(doc.data), transactions: doc.transactions.map((t: Yaml) => plain(t.data)) };
}

function fixture(name: string): Buffer {
  return fs.readFileSync(sharedFile(`fixtures/mt940/${name}`)!);
}

/** Our lines of every statement against the reference's transactions (it lists them all in one list). */
function compareLines(file: StatementFile, transactions: Yaml[], except: number[] = []): void {
  const lines = file.statements.flatMap((s) => s.lines);
  expect(lines).toHaveLength(transactions.length);
  transactions.forEach((t, i) => {
    const line = lines[i];
    expect(new Decimal(line.amount).equals(t.amount.amount)).toBe(true);
    expect(line.currency).toBe(t.amount.currency);
    expect(line.valueDate).toBe(t.date);
    // the entry date (MMDD) is the booking date; without one, the value date is
    expect(line.bookingDate).toBe(t.entry_date ?? t.date);
    expect(line.bankTransactionCode.swift).toBe(t.id);
    expect(line.reversal).toBe(t.status.startsWith('R'));
    // NONREF and EREF only say there is no reference here
    expect(line.customerReference).toBe(['NONREF', 'EREF'].includes(t.customer_reference) ? null : t.customer_reference);
    expect(line.bankReference).toBe(t.bank_reference);
    expect(line.extra.supplementaryDetails ?? '').toBe(t.extra_details);
    if (!except.includes(i)) expect(line.description).toBe(t.transaction_details);
  });
}

describeWithShared('fixtures/mt940')('MT940 files of ../shared/fixtures/mt940', () => {
  it('reads jejik-abnamro.sta: two messages, the second with intermediate balances (:60M:, :62M:)', () => {
    const file = parseMt940(fixture('jejik-abnamro.sta'), { verify: false });
    const ref = reference('jejik-abnamro.expected.yml');
    compareLines(file, ref.transactions);
    const [first, second] = file.statements;
    expect(first.account).toMatchObject({
      identification: ref.data.account_identification,
      otherId: '517852257',
      iban: null,
      bic: 'ABNANL2A',
    });
    expect(first.openingBalance).toEqual({ amount: '3236.28', date: ref.data.final_opening_balance.date });
    expect(new Decimal(first.openingBalance.amount).equals(ref.data.final_opening_balance.amount.amount)).toBe(true);
    expect(new Decimal(first.closingBalance.amount).equals(ref.data.final_closing_balance.amount.amount)).toBe(true);
    expect(new Decimal(second.openingBalance.amount).equals(ref.data.intermediate_opening_balance.amount.amount)).toBe(true);
    expect(new Decimal(second.closingBalance.amount).equals(ref.data.intermediate_closing_balance.amount.amount)).toBe(true);
    expect([second.statementNumber, second.sequence, second.statementId]).toEqual([
      ref.data.statement_number,
      ref.data.sequence_number,
      ref.data.transaction_reference,
    ]);
    expect(first.statementNumber).toBe('19321');
    // 3236.28 - 321.44 = 2914.84 against 876.84; 2876.84 - 24.49 = 2852.35 against 1849.75
    expect(file.problems.map((p) => [p.rule, p.statementIndex])).toEqual([
      ['UNBALANCED', 0],
      ['UNBALANCED', 1],
    ]);
  });

  it('reads jejik-ing.sta and keeps the :86: after :62F: for the statement, not its last line', () => {
    const file = parseMt940(fixture('jejik-ing.sta'), { verify: false });
    const ref = reference('jejik-ing.expected.yml');
    // the reference glues the statement's :86: (and the -XXX that ends the message) to the last line
    compareLines(file, ref.transactions, [6]);
    const s = file.statements[0];
    expect(ref.transactions[6].transaction_details).toBe(`${s.lines[6].description}\nD000004C000002D25,24C28,71\n-XXX`);
    expect(s.information).toBe('D000004C000002D25,24C28,71');
    expect(s.account).toMatchObject({ identification: ref.data.account_identification, bic: 'INGBNL2A' });
    expect([s.statementNumber, s.statementId]).toEqual([ref.data.statement_number, ref.data.transaction_reference]);
    expect(new Decimal(s.closingBalance.amount).equals(ref.data.final_closing_balance.amount.amount)).toBe(true);
    expect(s.closingBalance.date).toBe(ref.data.final_closing_balance.date);
  });

  it('reads jejik-rabobank-iban.sta: two messages without separators, name across a mid-word line break, and balances', () => {
    const file = parseMt940(fixture('jejik-rabobank-iban.sta'));
    const ref = reference('jejik-rabobank-iban.expected.yml');
    compareLines(file, ref.transactions);
    expect(file.statements.map((s) => [s.openingBalance.amount, s.closingBalance.amount])).toEqual([
      ['1000.00', '965.00'],
      ['965.00', '930.00'],
    ]);
    const last = file.statements[1];
    expect(new Decimal(last.closingBalance.amount).equals(ref.data.final_closing_balance.amount.amount)).toBe(true);
    const [first, second] = file.statements[0].lines;
    // /BENM//NAME/CONTRA ACCOUN + T HOLDER: the field is cut at a fixed width, mid-word
    expect(first).toMatchObject({
      counterparty: { name: 'CONTRA ACCOUNT HOLDER', otherId: 'NL70ABNA0987654321' },
      endToEndId: '01-01-2013 12:00 0030000987654321',
    });
    expect(first.extra.settlementDate).toBe('2013-07-11');
    expect(second).toMatchObject({
      counterparty: { name: 'JOHN DOE', otherId: 'P001234567' },
      remittance: { unstructured: 'Reference 201301234' },
    });
    // NL71RABO0123456789 fails the IBAN check digits (a made-up number): another account number
    expect(last.account).toMatchObject({ iban: null, otherId: 'NL71RABO0123456789' });
  });

  it('reads jejik-triodos.sta: the > subfields give the counterparty account and the remittance', () => {
    const file = parseMt940(fixture('jejik-triodos.sta'), { verify: false });
    const ref = reference('jejik-triodos.expected.yml');
    compareLines(file, ref.transactions);
    const s = file.statements[0];
    expect(s.account).toMatchObject({ identification: 'TRIODOSBANK/0390123456', otherId: '0390123456' });
    expect(s.lines.map((l) => [l.counterparty.otherId, l.remittance.unstructured, l.bankTransactionCode.proprietary?.code])).toEqual([
      ['0987654321', 'ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010', '000'],
      ['0133967858', 'HUUR KANTOOR - FEB 2010', '000'],
    ]);
    expect(file.problems.map((p) => p.message)).toEqual([
      'opening balance 4975.09 plus the movements -715.70 is 4259.39, but the closing balance is 4370.79 (a difference of 111.40)',
    ]);
  });
});

describe('MT940 files made here, one per trap of the format', () => {
  const ing = [
    '{1:F01INGBNL2ABXXX0000000000}',
    '{2:I940INGBNL2AXXXN}',
    '{4:',
    ':20:P260302000000001',
    ':25:NL69INGB0123456789EUR',
    ':28C:00042/1',
    ':60F:C260301EUR1000,00',
    ':61:2603020302C250,50NTRFEREF//00000000001005',
    '/TRCD/00100/',
    ':86:/EREF/E2E-20260302-1//CNTP/BE71096123456769/GKCCBEBB/KLANT N',
    'V/BRUSSEL///REMI/STRD/CUR/+++123/4567/89002+++/',
    ':61:2603020302D100,NTRFPREF//00000000001006',
    '/TRCD/00200/',
    ':86:/PREF/M000000003333333//CNTP/NL91ABNA0417164300/ABNANL2A/SUPPLIER B',
    'V/AMSTERDAM///REMI/USTD//Factuur 2026/0042 en',
    ' 0043/',
    ':61:2603020302RD5,00NRTIEREF//00000000001007',
    ':86:/RTRN/MS03//EREF/E2E-OLD//CNTP/NL91ABNA0417164300/ABNANL2A/J.JANSSEN///REM',
    'I/USTD//Terugboeking/',
    ':62F:C260302EUR1155,50',
    ':64:C260302EUR1155,50',
    ':86:/SUM/1/2/100,00/255,50/',
    '-}',
  ];

  it('reads ING structured :86: codes, cut mid-word and mid-code, with the account and currency of :25:', () => {
    const s = parseMt940(ing.join('\r\n')).statements[0];
    expect(s.account).toMatchObject({ iban: 'NL69INGB0123456789', bic: 'INGBNL2A', currency: 'EUR' });
    expect([s.statementNumber, s.sequence, s.information]).toEqual(['00042', '1', '/SUM/1/2/100,00/255,50/']);
    expect(s.lines.map((l) => [l.amount, l.counterparty.name, l.counterparty.iban, l.counterparty.bic, l.endToEndId])).toEqual([
      ['250.50', 'KLANT NV', 'BE71096123456769', 'GKCCBEBB', 'E2E-20260302-1'],
      ['-100.00', 'SUPPLIER BV', 'NL91ABNA0417164300', 'ABNANL2A', null],
      ['5.00', 'J.JANSSEN', 'NL91ABNA0417164300', 'ABNANL2A', 'E2E-OLD'],
    ]);
    expect(s.lines[0].remittance.structured).toEqual({ type: 'BE', reference: '123456789002', issuer: 'CUR', valid: true });
    expect(s.lines[1].remittance.unstructured).toBe('Factuur 2026/0042 en 0043');
    expect(s.lines[1].extra).toMatchObject({ paymentInformationId: 'M000000003333333', transactionCode: '00200' });
    // RD: the reversal of a debit is money in
    expect([s.lines[2].reversal, s.lines[2].extra.returnReason, s.lines[2].remittance.unstructured]).toEqual([
      true,
      'MS03',
      'Terugboeking',
    ]);
    expect(s.lines[0].counterparty.address).toBe('BRUSSEL');
  });

  it('reads ABN AMRO SEPA codes and German ?-subfields', () => {
    const text = [
      'ABNANL2A',
      '940',
      'ABNANL2A',
      ':20:ABN AMRO BANK NV',
      ':25:NL91ABNA0417164300',
      ':28:00015/1',
      ':60F:C260301EUR0,00',
      ':61:2603020302C10,00N654NONREF',
      ':86:/TRTP/SEPA OVERBOEKING/IBAN/BE71096123456769/BIC/GKCCBEBB/NAME/KLANT NV/REMI/FACTUUR 7/EREF/NOTPROVIDED',
      ':61:260302D2,5N020NONREF',
      ':86:166?00SEPA-UEBERWEISUNG?20Miete Maerz?21 2026?30COBADEFFXXX?31DE89370400440532013000?32Max Mustermann',
      ':62F:C260302EUR7,50',
      '-',
    ];
    const lines = parseMt940(text.join('\n')).statements[0].lines;
    expect(
      lines.map((l) => [l.counterparty.name, l.counterparty.iban, l.counterparty.bic, l.remittance.unstructured, l.endToEndId]),
    ).toEqual([
      ['KLANT NV', 'BE71096123456769', 'GKCCBEBB', 'FACTUUR 7', null],
      ['Max Mustermann', 'DE89370400440532013000', 'COBADEFFXXX', 'Miete Maerz 2026', null],
    ]);
    expect(lines[0].extra.transactionType).toBe('SEPA OVERBOEKING');
    expect(lines[1].bankTransactionCode.proprietary).toEqual({ code: '166', issuer: null });
  });

  it("skips Rabobank's :940: header and reads messages that follow each other without a separator", () => {
    const text = [
      ':940:',
      ':20:940S260302',
      ':25:NL91ABNA0417164300',
      ':28C:0',
      ':60F:C260301EUR000000000100,00',
      ':61:260302D000000000010,00N102EREF',
      'NL69INGB0123456789',
      ':86:/EREF/E2E-9/BENM//NAME/ING KLANT/REMI/Factuur 9',
      ':62F:C260302EUR000000000090,00',
      ':20:940S260303',
      ':25:NL91ABNA0417164300',
      ':28C:0',
      ':60F:C260302EUR000000000090,00',
      ':62F:C260303EUR000000000090,00',
    ].join('\r\n');
    const file = parseMt940(text);
    expect(file.statements.map((s) => [s.statementId, s.openingBalance.amount, s.closingBalance.amount, s.lines.length])).toEqual([
      ['940S260302', '100.00', '90.00', 1],
      ['940S260303', '90.00', '90.00', 0],
    ]);
    expect(file.statements[0].lines[0]).toMatchObject({
      counterparty: { name: 'ING KLANT', iban: 'NL69INGB0123456789' },
      endToEndId: 'E2E-9',
      remittance: { unstructured: 'Factuur 9' },
    });
  });

  const simple = (lines61: string[]) =>
    [':20:TEST', ':25:NL91ABNA0417164300', ':28C:1', ':60F:C260301EUR100,00', ...lines61, ':62F:C260302EUR90,00', '-'].join('\n');

  it('reads a :61: with line breaks inside it and its supplementary details on the next line', () => {
    const line = parseMt940(simple([':61:2603020302', 'D10,00', 'NTRFNONREF//B123', 'NL91ABNA0417164300', ':86:paid'])).statements[0]
      .lines[0];
    expect([line.amount, line.valueDate, line.bankReference, line.counterparty.iban, line.description]).toEqual([
      '-10.00',
      '2026-03-02',
      'B123',
      'NL91ABNA0417164300',
      'paid',
    ]);
  });

  it('puts the entry date of a line across a year end in the next year', () => {
    const text = [
      ':20:T',
      ':25:NL91ABNA0417164300',
      ':28C:1',
      ':60F:C251231EUR0,00',
      ':61:2512310102C1,NTRFNONREF',
      ':62F:C260102EUR1,',
    ].join('\n');
    expect(parseMt940(text).statements[0].lines[0]).toMatchObject({ valueDate: '2025-12-31', bookingDate: '2026-01-02', amount: '1.00' });
  });

  it('skips :NS: blocks and keeps the :86: with the :61: before them', () => {
    const line = parseMt940(simple([':61:260302D10,00NTRFNONREF', ':NS:22Bank internal 1', '23more', ':86:text of the line'])).statements[0]
      .lines[0];
    expect(line.description).toBe('text of the line');
  });

  it('refuses an unbalanced statement (UNBALANCED), naming its :62F: line', () => {
    const error = statementError(() => parseMt940(simple([':61:260302D10,01NTRFNONREF'])));
    expect([error.rule, error.line, error.statementIndex]).toEqual(['UNBALANCED', 6, 0]);
    expect(error.message).toContain('is 89.99, but the closing balance is 90.00 (a difference of 0.01)');
  });

  it.each<[string, string, string, number]>([
    ['a missing closing balance', simple([':61:260302D10,00NTRFNONREF']).replace(':62F:', ':64:'), 'MISSING_BALANCE', 4],
    ['an impossible date', simple([':61:260230D10,00NTRFNONREF']), 'BAD_DATE', 5],
    ['an amount without its decimal comma', simple([':61:260302D10.00NTRFNONREF']), 'BAD_RECORD', 5],
    ['a balance that is no balance', simple([]).replace(':60F:C260301EUR100,00', ':60F:X260301EUR100,00'), 'BAD_RECORD', 4],
    ['text that is no MT940', 'hello\nworld\n', 'UNKNOWN_FORMAT', 0],
  ])('refuses %s', (_, text, rule, line) => {
    const error = statementError(() => parseMt940(text));
    expect([error.rule, error.line ?? 0]).toEqual([rule, line]);
  });

  it('reads ISO-8859-1 text and UTF-8 text alike', () => {
    const text = simple([':61:260302D10,00NTRFNONREF', ':86:/NAME/Société Générale/REMI/Frühjahr']);
    for (const bytes of [iconv.encode(text, 'latin1'), Buffer.from(text, 'utf8')]) {
      const line = parseMt940(bytes).statements[0].lines[0];
      expect([line.counterparty.name, line.remittance.unstructured]).toEqual(['Société Générale', 'Frühjahr']);
    }
  });
});

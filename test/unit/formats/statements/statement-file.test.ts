import fs from 'node:fs';
import {
  checkStatementBalance,
  detectStatementFormat,
  parseStatementFile,
  StatementFormatError,
  streamStatementFile,
  type StatementEvent,
} from '../../../../src/formats/statements';
import { describeWithShared, sharedFile } from '../../../support/shared-files';
import { camtFile, codaFile, statementError } from '../../../support/statement-files';

/** One shape for three formats: detection, dispatch, the balance rule and streaming of every format. */

/** The same day of one account, written in each format. */
const coda = codaFile({
  statements: [
    {
      iban: 'BE68539007547034',
      opening: '1000.00',
      movements: [
        {
          amount: '250.50',
          ogm: '123456789002',
          counterpartyName: 'Klant NV',
          counterpartyAccount: 'BE71096123456769',
          endToEndId: 'E2E-1',
        },
        { amount: '-99.99', text: 'Rent March', counterpartyName: 'Landlord BV', counterpartyAccount: 'NL91ABNA0417164300' },
      ],
    },
  ],
});
const camt = camtFile([
  {
    iban: 'BE68539007547034',
    opening: '1000.00',
    entries: [
      { amount: '250.50', ref: '123456789002', refIssuer: 'BBA', name: 'Klant NV', iban: 'BE71096123456769', endToEndId: 'E2E-1' },
      { amount: '-99.99', ustrd: 'Rent March', name: 'Landlord BV', iban: 'NL91ABNA0417164300' },
    ],
  },
]);
const mt940 = [
  ':20:STATEMENT1',
  ':25:BE68539007547034',
  ':28C:1',
  ':60F:C260302EUR1000,00',
  ':61:2603020302C250,50NTRFEREF',
  ':86:/EREF/E2E-1//CNTP/BE71096123456769//Klant NV////REMI/STRD/CUR/123456789002/',
  ':61:2603020302D99,99NTRFNONREF',
  ':86:/CNTP/NL91ABNA0417164300//Landlord BV////REMI/USTD//Rent March/',
  ':62F:C260302EUR1150,51',
  '-',
].join('\n');

describe('statement files in one shape', () => {
  it.each([
    ['coda', coda],
    ['camt053', camt],
    ['mt940', mt940],
  ])('reads the same day from %s', (format, text) => {
    expect(detectStatementFormat(text)).toBe(format);
    expect(detectStatementFormat(Buffer.from(text))).toBe(format);
    const file = parseStatementFile(Buffer.from(text));
    expect(file.format).toBe(format);
    const s = file.statements[0];
    expect([s.account.iban, s.account.currency, s.openingBalance.amount, s.closingBalance.amount, s.closingBalance.date]).toEqual([
      'BE68539007547034',
      'EUR',
      '1000.00',
      '1150.51',
      '2026-03-02',
    ]);
    expect(s.lines.map((l) => [l.amount, l.bookingDate, l.counterparty.name, l.counterparty.iban, l.endToEndId, l.remittance])).toEqual([
      [
        '250.50',
        '2026-03-02',
        'Klant NV',
        'BE71096123456769',
        'E2E-1',
        { structured: expect.objectContaining({ type: 'BE', reference: '123456789002', valid: true }), unstructured: null },
      ],
      ['-99.99', '2026-03-02', 'Landlord BV', 'NL91ABNA0417164300', null, { structured: null, unstructured: 'Rent March' }],
    ]);
    expect(checkStatementBalance(s)).toEqual([]);
  });

  it.each([
    ['coda', coda],
    ['camt053', camt],
    ['mt940', mt940],
  ])('reads %s after a byte order mark, as text or as bytes', (format, text) => {
    for (const input of [`\uFEFF${text}`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
      const file = parseStatementFile(input);
      expect([file.format, file.statements[0].closingBalance.amount, file.statements[0].statementNumber]).toEqual([
        format,
        '1150.51',
        expect.any(String),
      ]);
    }
  });

  it('finds a statement that no longer balances once a line is changed, for the import service', () => {
    const s = parseStatementFile(camt).statements[0];
    s.lines[1].amount = '-100.00';
    expect(checkStatementBalance(s).map((p) => [p.rule, p.message])).toEqual([
      [
        'UNBALANCED',
        'opening balance 1000.00 plus the movements 150.50 is 1150.50, but the closing balance is 1150.51 (a difference of 0.01)',
      ],
    ]);
    s.lines[1].currency = 'USD';
    expect(checkStatementBalance(s).map((p) => p.rule)).toEqual(['CURRENCY_MISMATCH', 'UNBALANCED']);
  });

  it('keeps the first 1000 problems of a broken file, counts the rest, and spells out ten in the message', () => {
    const broken = camtFile([
      {
        iban: 'BE68539007547034',
        opening: '0',
        entries: Array.from({ length: 1003 }, () => ({ amount: '3.00', details: [{ amount: '1.00' }, { amount: '1.00' }] })),
      },
    ]);
    const error = statementError(() => parseStatementFile(broken));
    expect([error.problems.length, error.more, error.rule]).toEqual([1000, 3, 'BATCH_TOTAL']);
    expect(error.message.split('; ')).toHaveLength(11);
    expect(error.message).toMatch(/; and 993 more problems$/);
    expect(parseStatementFile(broken, { verify: false }).problems).toHaveLength(1003);
  });

  it('refuses what is none of the three (UNKNOWN_FORMAT), and a format named by the caller that does not fit', () => {
    for (const text of ['', 'Date;Amount\n2026-03-02;1.00\n', '<html><body/></html>']) {
      expect(detectStatementFormat(text)).toBeNull();
      expect(() => parseStatementFile(text)).toThrow(StatementFormatError);
    }
    expect(() => parseStatementFile(mt940, { format: 'camt053' })).toThrow(/not well formed|no XML document/);
  });

  it.each([
    ['coda', coda],
    ['camt053', camt],
    ['mt940', mt940],
  ] as const)('streams %s as lines, then the statement', async (format, text) => {
    const events: StatementEvent[] = [];
    for await (const event of streamStatementFile([Buffer.from(text)], format)) events.push(event);
    expect(events.map((e) => e.kind)).toEqual(['line', 'line', 'statement']);
    const { lines, ...header } = parseStatementFile(text).statements[0];
    expect(events[2]).toEqual({ kind: 'statement', statement: header });
    expect(lines).toHaveLength(header.lineCount);
  });

  it('streams problems as events when asked not to verify', async () => {
    const events: StatementEvent[] = [];
    for await (const event of streamStatementFile([mt940.replace(':62F:C260302EUR1150,51', ':62F:C260302EUR1150,00')], 'mt940', {
      verify: false,
    })) {
      events.push(event);
    }
    expect(events.map((e) => (e.kind === 'problem' ? e.problem.rule : e.kind))).toEqual(['line', 'line', 'statement', 'UNBALANCED']);
  });
});

describeWithShared('fixtures')('the files of ../shared/fixtures', () => {
  it('are detected by their content', () => {
    const dir = sharedFile('fixtures')!;
    const formats = { coda: 'coda', camt053: 'camt053', mt940: 'mt940' } as const;
    for (const [folder, format] of Object.entries(formats)) {
      for (const name of fs.readdirSync(`${dir}/${folder}`).filter((n) => /\.(cod|xml|sta)$/.test(n))) {
        expect([name, detectStatementFormat(fs.readFileSync(`${dir}/${folder}/${name}`))]).toEqual([name, format]);
      }
    }
  });
});

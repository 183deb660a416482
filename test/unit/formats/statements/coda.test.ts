import fs from 'node:fs';
import iconv from 'iconv-lite';
import { parseCoda, streamCoda, type StatementEvent, type StatementFile } from '../../../../src/formats/statements';
import { describeWithShared, sharedFile } from '../../../support/shared-files';
import { codaFile, type CodaFileSpec, statementError } from '../../../support/statement-files';

/**
 * CODA (Febelfin 2.6 / 2.8). Expected values are read off the records by the standard's positions
 * (noted beside each), not taken from the parser.
 */

function fixture(name: string): Buffer {
  return fs.readFileSync(sharedFile(`fixtures/coda/${name}`)!);
}

function problemsOf(file: StatementFile): string[] {
  return file.problems.map((p) => p.rule);
}

describeWithShared('fixtures/coda')('CODA files of ../shared/fixtures/coda', () => {
  it('reads oca-2012-01-11.cod: account, balances, movements, globalised details and structured communication', () => {
    const file = parseCoda(fixture('oca-2012-01-11.cod'), { verify: false });
    expect(file.statements).toHaveLength(1);
    const s = file.statements[0];
    // record 1: structure 2 (Belgian IBAN) at 2, statement 135 at 3-5, sign 0 at 43, 11812.700 at 44-58, 270710 at 59-64
    expect(s.account).toMatchObject({
      iban: 'BE46737018594236',
      currency: 'EUR',
      holderName: 'NOVIAT NV',
      description: 'KBC-Business Comfortrekening',
      bic: 'KREDBEBB',
    });
    expect(s.statementNumber).toBe('135');
    expect(s.openingBalance).toEqual({ amount: '11812.70', date: '2010-07-27' });
    // record 8: 13646.050 at 43-57, 110112 at 58-63
    expect(s.closingBalance).toEqual({ amount: '13646.05', date: '2012-01-11' });
    expect(s.createdAt).toBe('2012-01-11');
    // 5 movements; 0003 and 0004 are globalised (type 3 with two type-8 details each): 3 + 2 x 2 lines
    expect(s.lines.map((l) => [l.sequence, l.amount])).toEqual([
      ['0001/0000', '-435.00'],
      ['0002/0000', '3044.45'],
      ['0003/0001', '-419.92'],
      ['0003/0002', '-59.12'],
      ['0004/0001', '-419.92'],
      ['0004/0002', '-59.12'],
      ['0005/0000', '63.74'],
    ]);
    expect(s.lines[2].batch).toEqual({ entryReference: '0003', count: 2, total: '-479.04', index: 1 });
    // the details have no communication of their own: the movement's (2.1 63-115) is theirs
    expect(s.lines[2].remittance.unstructured).toBe('KBC-INVESTERINGSKREDIET 737-6543210-21');
    expect(s.lines[2].bankTransactionCode.coda).toEqual({ type: '8', family: '13', operation: '41', category: '066' });
    // 0002: communication type 1 at 62, type 101 at 63-65, 240283842818 (2402838428 mod 97 = 18)
    expect(s.lines[1].remittance.structured).toEqual({ type: 'BE', reference: '240283842818', issuer: null, valid: true });
    // 2.2 BIC at 99-109, 2.3 account at 11-47 and name at 48-82, 3.1/3.2 type 001 name, street, locality
    expect(s.lines[1].counterparty).toEqual({
      name: 'PARTNER 2',
      iban: 'BE61310126985517',
      otherId: null,
      bic: 'BBRUBEBB',
      address: 'MOLENSTRAAT 60, 9340 LEDE',
    });
    // 2.2 positions 64-98
    expect(s.lines[6].endToEndId).toBe('362/363');
    expect(s.lines[6].bookingDate).toBe('2012-01-11');
  });

  it('finds what does not add up in oca-2012-01-11.cod: record 8 names another account, the balance is 118.24 off', () => {
    const file = parseCoda(fixture('oca-2012-01-11.cod'), { verify: false });
    // record 9: 22 records, debit 1393.080 (435.00 + 479.04 + 479.04) and credit 3108.190 (3044.45 + 63.74) hold
    expect(problemsOf(file)).toEqual(['RECORD_MISMATCH', 'UNBALANCED']);
    // 11812.70 + 3108.19 - 1393.08 = 13527.81, record 8 says 13646.05
    expect(file.problems[1].message).toContain('is 13527.81, but the closing balance is 13646.05 (a difference of 118.24)');
    expect(file.problems[0].message).toContain('account BE44734024486445');
    const error = statementError(() => parseCoda(fixture('oca-2012-01-11.cod')));
    expect(error.problems.map((p) => p.rule)).toEqual(['RECORD_MISMATCH', 'UNBALANCED']);
    expect(error.line).toBe(23);
  });

  it('accepts php-coda-parser-sample1.cod as it is: four credits of 80.00 in all close the balance', () => {
    const file = parseCoda(fixture('php-coda-parser-sample1.cod'));
    const s = file.statements[0];
    // structure 0: a Belgian number 138536152215 (1385361522 mod 97 = 53, not 15: no IBAN can be made)
    expect(s.account).toMatchObject({ iban: null, otherId: '138536152215', currency: 'EUR' });
    expect([s.openingBalance.amount, s.closingBalance.amount]).toEqual(['17752.12', '17832.12']);
    expect(s.lines.map((l) => l.amount)).toEqual(['5.00', '25.00', '20.00', '30.00']);
    // type 101 says structured; 0000035051 mod 97 = 34, not 58: kept as BE, not valid
    expect(s.lines[0].remittance.structured).toEqual({ type: 'BE', reference: '000003505158', issuer: null, valid: false });
    // BE22313215646432 fails the IBAN check: kept as another account number
    expect(s.lines[0].counterparty).toMatchObject({
      name: 'KLANT1 MET NAAM1',
      iban: null,
      otherId: 'BE22313215646432',
      address: 'GROTE WEG 32, 3215 HASSELT',
    });
    expect(file.problems).toEqual([]);
  });

  it('joins the information records of php-coda-parser-sample2.cod that cut words, and splits its globalised charge', () => {
    const file = parseCoda(fixture('php-coda-parser-sample2.cod'), { verify: false });
    const s = file.statements[0];
    expect(s.lines.map((l) => l.amount)).toEqual(['-8.00', '-1.68']);
    expect(s.lines[0].batch).toEqual({ entryReference: '0001', count: 2, total: '-9.68', index: 1 });
    // 3.1 0003 ends "Avenue Marni", 3.1 0004 begins "x 24": one text
    expect(s.lines[0].description).toContain('ING Belgique SA - Avenue Marnix 24, B-1000 Bruxelles');
    expect(s.lines[0].description).toContain('Total au debit du compte BE15 2315 2135 2111 : - 3,22 EUR');
    // detail 0002 carries structured communication type 106 (62 is 1, 63-65 106)
    expect(s.lines[1].extra.codaCommunicationType).toBe('106');
    expect(problemsOf(file)).toEqual(['RECORD_MISMATCH', 'UNBALANCED']);
  });

  it('refuses php-coda-parser-sample3.cod for its record 9: 16 records and 859.09 / 163.35 claimed, 6 and 812.69 / 0.00 found', () => {
    const file = parseCoda(fixture('php-coda-parser-sample3.cod'), { verify: false });
    expect(problemsOf(file)).toEqual(['RECORD_MISMATCH', 'UNBALANCED', 'RECORD9_COUNT', 'RECORD9_TOTAL', 'RECORD9_TOTAL']);
    expect(file.problems.slice(2).map((p) => p.message)).toEqual([
      'record 9 counts 16 records, but 6 records 1, 2, 3, 4 and 8 precede it',
      'record 9 gives debit total 859.09, but the debit movements add up to 812.69',
      'record 9 gives credit total 163.35, but the credit movements add up to 0.00',
    ]);
    const s = file.statements[0];
    expect(s.account).toMatchObject({ iban: null, otherId: '732XXXXXXXXX' });
    // a loan repayment (type 3) with its capital and interest (type 8): 805.73 + 6.96 = 812.69
    expect(s.lines.map((l) => [l.amount, l.remittance.unstructured])).toEqual([
      ['-805.73', 'and continues here'],
      ['-6.96', 'or here'],
    ]);
    expect(s.lines[1].counterparty.otherId).toBe('XXXXXXXXXXXX');
  });
});

describe('CODA files made here, one per trap of the format', () => {
  const base: CodaFileSpec = {
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
            bic: 'GKCCBEBB',
            endToEndId: 'E2E-1',
          },
          {
            amount: '-100.00',
            text: 'Salaries',
            details: [
              { amount: '-60.00', counterpartyName: 'Employee A', text: 'March A' },
              { amount: '-40.00', counterpartyName: 'Employee B', text: 'March B' },
            ],
          },
        ],
      },
    ],
  };

  it('takes the details of a globalised movement as the lines, counting its amount once', () => {
    const file = parseCoda(codaFile(base));
    const lines = file.statements[0].lines;
    expect(lines.map((l) => [l.sequence, l.amount, l.counterparty.name, l.remittance.unstructured])).toEqual([
      ['0001/0000', '250.50', 'Klant NV', null],
      ['0002/0001', '-60.00', 'Employee A', 'March A'],
      ['0002/0002', '-40.00', 'Employee B', 'March B'],
    ]);
    // 1000.00 + 250.50 - 100.00 = 1150.50: the movement's -100.00 is not counted beside its details
    expect(file.statements[0].closingBalance.amount).toBe('1150.50');
    expect(lines[1].batch).toEqual({ entryReference: '0002', count: 2, total: '-100.00', index: 1 });
  });

  it('refuses details that do not add up to their movement (BATCH_TOTAL) and keeps the movement as the line', () => {
    const spec = structuredClone(base);
    spec.statements[0].movements[1].details![1].amount = '-30.00';
    const file = parseCoda(codaFile(spec), { verify: false });
    expect(problemsOf(file)).toEqual(['BATCH_TOTAL']);
    expect(file.problems[0].message).toBe(
      'the 2 details of movement 0002 add up to -90.00, but the movement is -100.00, so it is kept as one line',
    );
    expect(file.statements[0].lines.map((l) => l.amount)).toEqual(['250.50', '-100.00']);
    expect(statementError(() => parseCoda(codaFile(spec))).rule).toBe('BATCH_TOTAL');
  });

  it('reads several statements of several accounts in one file, each with its own lines', () => {
    const spec: CodaFileSpec = {
      statements: [
        base.statements[0],
        { iban: 'BE62510007547061', currency: 'USD', number: '017', opening: '-5.00', movements: [{ amount: '12.34', text: 'dollars' }] },
      ],
    };
    const file = parseCoda(codaFile(spec));
    expect(
      file.statements.map((s) => [s.index, s.account.iban, s.account.currency, s.statementNumber, s.closingBalance.amount, s.lines.length]),
    ).toEqual([
      [0, 'BE68539007547034', 'EUR', '001', '1150.50', 3],
      [1, 'BE62510007547061', 'USD', '017', '7.34', 1],
    ]);
  });

  it('reads a file of several groups (record 0 ... record 9 twice), checking each record 9 against its own group', () => {
    const second: CodaFileSpec = {
      statements: [{ iban: 'BE62510007547061', opening: '0', movements: [{ amount: '-7.00' }] }],
      trailer: { debit: '8.00' },
    };
    const file = parseCoda(codaFile(base) + codaFile(second), { verify: false });
    expect(file.statements.map((s) => [s.index, s.account.iban, s.source.first])).toEqual([
      [0, 'BE68539007547034', 2],
      [1, 'BE62510007547061', 18],
    ]);
    expect(file.problems.map((p) => [p.rule, p.line, p.message])).toEqual([
      ['RECORD9_TOTAL', 23, 'record 9 gives debit total 8.00, but the debit movements add up to 7.00'],
    ]);
  });

  it('refuses an unbalanced statement (UNBALANCED), naming the difference and the record 8', () => {
    const spec = structuredClone(base);
    spec.statements[0].closing = '1150.00';
    const error = statementError(() => parseCoda(codaFile(spec)));
    expect(error.rule).toBe('UNBALANCED');
    expect(error.statementIndex).toBe(0);
    expect(error.line).toBe(15);
    expect(error.message).toContain(
      'opening balance 1000.00 plus the movements 150.50 is 1150.50, but the closing balance is 1150.00 (a difference of -0.50)',
    );
  });

  it('refuses a wrong record 9 total (RECORD9_TOTAL) and a wrong record count (RECORD9_COUNT)', () => {
    const total = statementError(() => parseCoda(codaFile({ ...base, trailer: { credit: '250.00' } })));
    expect(total.problems.map((p) => [p.rule, p.message])).toEqual([
      ['RECORD9_TOTAL', 'record 9 gives credit total 250.00, but the credit movements add up to 250.50'],
    ]);
    // the debit total is the movement's 100.00, not its details' again
    const count = statementError(() => parseCoda(codaFile({ ...base, trailer: { count: 11 } })));
    // record 1, 4 x (2.1, 2.2, 2.3) and record 8
    expect(count.problems.map((p) => [p.rule, p.message])).toEqual([
      ['RECORD9_COUNT', 'record 9 counts 11 records, but 14 records 1, 2, 3, 4 and 8 precede it'],
    ]);
  });

  it('joins information records that continue one text across their fixed width', () => {
    const spec: CodaFileSpec = {
      statements: [
        {
          iban: 'BE68539007547034',
          opening: '0',
          movements: [{ amount: '1.00', text: 'Invoice 7', information: ['x'.repeat(70) + 'Mar', 'nix 24, Brussels'] }],
        },
      ],
    };
    const line = parseCoda(codaFile(spec)).statements[0].lines[0];
    expect(line.remittance.unstructured).toBe(`Invoice 7 ${'x'.repeat(70)}Marnix 24, Brussels`);
  });

  it('reads a record 1 whose account structure a bank left blank, and counterparty IBANs written with spaces', () => {
    const spec: CodaFileSpec = {
      statements: [
        {
          iban: 'BE68539007547034',
          structure: ' ',
          opening: '0',
          movements: [{ amount: '1.00', counterpartyAccount: 'be71 0961 2345 6769' }],
        },
      ],
    };
    const s = parseCoda(codaFile(spec)).statements[0];
    expect(s.account).toMatchObject({ iban: 'BE68539007547034', currency: 'EUR' });
    expect(s.lines[0].counterparty.iban).toBe('BE71096123456769');
  });

  it('takes statement numbers as the bank gives them: 001 again in a new year', () => {
    const spec: CodaFileSpec = {
      statements: [
        { iban: 'BE68539007547034', number: '365', opening: '0', date: '2025-12-31', movements: [{ amount: '1.00' }] },
        { iban: 'BE68539007547034', number: '001', opening: '1.00', date: '2026-01-02', movements: [{ amount: '2.00' }] },
      ],
    };
    const statements = parseCoda(codaFile(spec)).statements;
    expect(statements.map((s) => [s.statementNumber, s.closingBalance.date])).toEqual([
      ['365', '2025-12-31'],
      ['001', '2026-01-02'],
    ]);
  });

  it('reads ISO-8859-1 text, UTF-8 text and, when asked, CP850', () => {
    const text = codaFile({
      statements: [
        {
          iban: 'BE68539007547034',
          opening: '0',
          movements: [{ amount: '1.00', counterpartyName: 'Société Générale', text: 'Frühjahr à Liège' }],
        },
      ],
    });
    for (const [bytes, options] of [
      [iconv.encode(text, 'latin1'), {}],
      [Buffer.from(text, 'utf8'), {}],
      [iconv.encode(text, 'cp850'), { encoding: 'cp850' }],
    ] as const) {
      const line = parseCoda(bytes, options).statements[0].lines[0];
      expect([line.counterparty.name, line.remittance.unstructured]).toEqual(['Société Générale', 'Frühjahr à Liège']);
    }
    expect(() => parseCoda(text, { encoding: 'no-such-encoding' })).toThrow('unknown text encoding "no-such-encoding"');
  });

  it('accepts records whose trailing blanks were stripped, and reads the duplicate flag and the free message', () => {
    const text = codaFile({ statements: [{ ...base.statements[0], freeMessage: 'New tariffs from April' }] })
      .split('\r\n')
      .map((r, i) => (i === 0 ? `${r.slice(0, 16)}D${r.slice(17)}` : r).trimEnd())
      .join('\n');
    const s = parseCoda(text).statements[0];
    expect(s.duplicate).toBe(true);
    expect(s.information).toBe('New tariffs from April');
  });

  const lines = () => codaFile(base).split('\r\n');
  it.each<[string, (records: string[]) => void, string, number, string]>([
    ['a record longer than 128 characters', (r) => (r[2] += 'X'), 'BAD_RECORD', 3, 'a CODA record has 128 characters, this one 129'],
    ['an unknown record identification', (r) => (r[2] = `7${r[2].slice(1)}`), 'BAD_RECORD', 3, '"7" is not a CODA record identification'],
    ['an impossible value date', (r) => (r[2] = r[2].slice(0, 47) + '310226' + r[2].slice(53)), 'BAD_DATE', 3, '"310226" is not a date'],
    [
      'an amount that is not digits',
      (r) => (r[2] = r[2].slice(0, 32) + '00000000025O500' + r[2].slice(47)),
      'BAD_AMOUNT',
      3,
      'is not 15 digits',
    ],
    [
      'a record 2.2 without its record 2.1',
      (r) => r.splice(2, 1),
      'BAD_RECORD',
      3,
      'record 2.2 of movement 0001/0000 does not follow its record 2.1',
    ],
    ['a detail without its movement', (r) => r.splice(5, 3), 'BAD_RECORD', 6, 'detail 0001 of movement 0002 comes without its movement'],
    ['no record 8', (r) => r.splice(r.length - 3, 1), 'MISSING_BALANCE', 15, 'record 9 before record 8'],
    ['no record 9', (r) => r.splice(r.length - 2, 1), 'BAD_RECORD', 15, 'the file ends without record 9'],
    ['CODA version 1', (r) => (r[0] = r[0].slice(0, 127) + '1'), 'BAD_RECORD', 1, 'only version 2'],
    ['a file without statements', (r) => r.splice(1, r.length - 3), 'BAD_RECORD', 2, 'the file holds no statement (no record 1)'],
    ['an empty file', (r) => r.splice(0, r.length), 'BAD_RECORD', 0, 'the file is empty'],
  ])('refuses %s, naming the line', (_, change, rule, line, message) => {
    const records = lines();
    change(records);
    const error = statementError(() => parseCoda(records.join('\r\n')));
    expect([error.rule, error.line]).toEqual([rule, line]);
    expect(error.message).toContain(message);
  });

  it('streams the same lines and statements as the whole-file parse, from chunks that split records and characters', async () => {
    const text = codaFile({
      statements: [
        {
          iban: 'BE68539007547034',
          opening: '0',
          movements: [{ amount: '1.00', counterpartyName: 'Zoë Ørsted' }, ...base.statements[0].movements],
        },
      ],
    });
    const bytes = Buffer.from(text, 'utf8');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const events: StatementEvent[] = [];
    for await (const event of streamCoda(chunks)) events.push(event);
    const whole = parseCoda(bytes).statements[0];
    const { lines: wholeLines, ...header } = whole;
    expect(events.filter((e) => e.kind === 'line').map((e) => (e as { line: unknown }).line)).toEqual(wholeLines);
    expect(events[events.length - 1]).toEqual({ kind: 'statement', statement: header });
    expect(wholeLines[0].counterparty.name).toBe('Zoë Ørsted');
  });

  it('throws at the end of a stream whose statement does not balance, after yielding its lines', async () => {
    const spec = structuredClone(base);
    spec.statements[0].closing = '1.00';
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of streamCoda([codaFile(spec)])) seen.push(event.kind);
      })(),
    ).rejects.toMatchObject({ rule: 'UNBALANCED' });
    expect(seen).toEqual(['line', 'line', 'line', 'statement']);
  });
});

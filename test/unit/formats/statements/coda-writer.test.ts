import { parseCoda, writeCoda, type CodaFileToWrite } from '../../../../src/formats/statements';

/**
 * The CODA writer (src/formats/statements/coda/writer.ts) for our tests and benchmarks: what it
 * writes is a valid Febelfin 2.6 file (128-character records, record 9's count and totals, the
 * balance rule), and parseCoda reads back every value it was given. Expected record positions are
 * the standard's.
 */
const FILE: CodaFileToWrite = {
  creationDate: '2026-03-02',
  bankId: '725',
  bic: 'KREDBEBB',
  fileReference: 'LBL0001',
  statements: [
    {
      account: 'BE68 5390 0754 7034',
      currency: 'EUR',
      statementNumber: '041',
      openingBalance: '1000.00',
      openingBalanceDate: '2026-02-27',
      closingBalance: '1834.57',
      statementDate: '2026-03-02',
      holderName: 'Cashflow Gateway BV',
      lines: [
        {
          bookingDate: '2026-03-02',
          valueDate: '2026-02-28',
          amount: '1250.00',
          counterpartyName: 'Peeters Bakkerij BV',
          counterpartyAccount: 'BE71096123456769',
          counterpartyBic: 'GKCCBEBB',
          structuredReference: '003000001246',
          bankReference: 'L100101-000001',
        },
        {
          bookingDate: '2026-03-02',
          amount: '-412.93',
          // longer than record 2.3's 35 characters: written as information type 001 (70)
          counterpartyName: 'Van den Broeck Groothandel in Kantoorbenodigdheden NV',
          counterpartyAccount: 'NL91ABNA0417164300',
          counterpartyBic: 'ABNANL2A',
          endToEndId: 'B100101-00003-12',
          // 2.1 holds 53 characters, 2.2 53, 2.3 43: this runs into 2.3
          unstructuredRemittance:
            'Factuur INV-204466 van 12 februari 2026, levering van kantoormateriaal en papier voor de vestiging in Antwerpen-Berchem',
          transactionCode: '00101000',
        },
        {
          bookingDate: '2026-03-02',
          amount: '-2.50',
          unstructuredRemittance: 'Kosten rekening',
          transactionCode: '08037000',
        },
        {
          // a mistyped structured communication is written as given, with free text in 3.1-3.3
          bookingDate: '2026-03-01',
          amount: '0.00',
          structuredReference: '003000001247',
          unstructuredRemittance: 'x'.repeat(80) + ' Zoë en René',
        },
      ],
    },
    {
      account: 'NL91ABNA0417164300',
      currency: 'EUR',
      statementNumber: null,
      openingBalance: '-10.00',
      closingBalance: '-10.00',
      statementDate: '2026-03-02',
      lines: [],
    },
  ],
};

describe('the CODA writer', () => {
  const text = writeCoda(FILE);
  const records = text.split('\r\n').filter(Boolean);

  it('writes 128-character records: 0, 1, 2.1-2.3, 3.1-3.2, 8 and 9 in order', () => {
    expect(records.every((r) => r.length === 128)).toBe(true);
    expect(records.map((r) => (r[0] === '2' || r[0] === '3' ? r.slice(0, 2) : r[0]))).toEqual([
      '0',
      '1',
      '21',
      '22',
      '23',
      '21',
      '22',
      '23',
      '31',
      '21',
      '21',
      '31',
      '32',
      '8',
      '1',
      '8',
      '9',
    ]);
    // record 9: positions 17-22 count records 1, 2, 3 and 8; 23-37 debit total 415.430, 38-52 credit 1250.000
    const nine = records[records.length - 1];
    expect(nine.slice(16, 22)).toBe(String(records.length - 2).padStart(6, '0'));
    expect(nine.slice(22, 37)).toBe('000000000415430');
    expect(nine.slice(37, 52)).toBe('000000001250000');
    // record 1: structure 2 (Belgian IBAN) at 2, statement 041 at 3-5, sign 0 at 43, 1000.000 at 44-58
    expect(records[1].slice(1, 5)).toBe('2041');
    expect(records[1].slice(42, 58)).toBe('0000000001000000');
    // the NL account is a foreign IBAN: structure 3
    expect(records[14][1]).toBe('3');
  });

  it('is read back by parseCoda with the values it was given, and passes its checks', () => {
    const file = parseCoda(Buffer.from(text, 'latin1'));
    expect(file.problems).toEqual([]);
    expect(file.statements).toHaveLength(2);
    const [s, t] = file.statements;
    expect(s.account).toMatchObject({ iban: 'BE68539007547034', currency: 'EUR', bic: 'KREDBEBB', holderName: 'Cashflow Gateway BV' });
    expect(s.statementNumber).toBe('041');
    expect(s.openingBalance).toEqual({ amount: '1000.00', date: '2026-02-27' });
    expect(s.closingBalance).toEqual({ amount: '1834.57', date: '2026-03-02' });
    expect(s.createdAt).toBe('2026-03-02');
    const back = s.lines.map((l) => ({
      bookingDate: l.bookingDate,
      valueDate: l.valueDate,
      amount: l.amount,
      name: l.counterparty.name,
      account: l.counterparty.iban,
      bic: l.counterparty.bic,
      structured: l.remittance.structured?.reference ?? null,
      valid: l.remittance.structured?.valid ?? null,
      text: l.remittance.unstructured,
      endToEndId: l.endToEndId,
      bankReference: l.bankReference,
      code: l.bankTransactionCode.coda && Object.values(l.bankTransactionCode.coda).join(''),
    }));
    const given = FILE.statements[0].lines;
    expect(back).toEqual([
      {
        bookingDate: '2026-03-02',
        valueDate: '2026-02-28',
        amount: '1250.00',
        name: given[0].counterpartyName,
        account: 'BE71096123456769',
        bic: 'GKCCBEBB',
        structured: '003000001246',
        valid: true,
        text: null,
        endToEndId: null,
        bankReference: 'L100101-000001',
        code: '00150000',
      },
      {
        bookingDate: '2026-03-02',
        valueDate: null,
        amount: '-412.93',
        name: given[1].counterpartyName,
        account: 'NL91ABNA0417164300',
        bic: 'ABNANL2A',
        structured: null,
        valid: null,
        text: given[1].unstructuredRemittance,
        endToEndId: 'B100101-00003-12',
        bankReference: null,
        code: '00101000',
      },
      {
        bookingDate: '2026-03-02',
        valueDate: null,
        amount: '-2.50',
        name: null,
        account: null,
        bic: null,
        structured: null,
        valid: null,
        text: 'Kosten rekening',
        endToEndId: null,
        bankReference: null,
        code: '08037000',
      },
      {
        bookingDate: '2026-03-01',
        valueDate: null,
        amount: '0.00',
        name: null,
        account: null,
        bic: null,
        structured: '003000001247',
        valid: false,
        text: given[3].unstructuredRemittance,
        endToEndId: null,
        bankReference: null,
        code: '00150000',
      },
    ]);
    expect(t.account.iban).toBe('NL91ABNA0417164300');
    // no number is written as 000 (positions 3-5), which storing a statement takes as none
    expect(t.statementNumber).toBe('000');
    expect(t.lines).toEqual([]);
  });

  it('refuses what CODA cannot hold, naming the statement and line', () => {
    const line = FILE.statements[0].lines[0];
    const withLine = (l: object) => ({ ...FILE, statements: [{ ...FILE.statements[0], lines: [{ ...line, ...l }] }] });
    expect(() => writeCoda(withLine({ bankReference: 'x'.repeat(22) }))).toThrow('statements[0].lines[0].bankReference');
    expect(() => writeCoda(withLine({ structuredReference: '+++003/0000/01246+++' }))).toThrow(
      'statements[0].lines[0].structuredReference',
    );
    expect(() => writeCoda(withLine({ structuredReference: null, unstructuredRemittance: 'x'.repeat(150) }))).toThrow(
      'at most 149 characters',
    );
    expect(() => writeCoda(withLine({ counterpartyName: 'Zoë ₤ Ő' }))).toThrow('ISO-8859-1');
    expect(() => writeCoda({ ...FILE, statements: [{ ...FILE.statements[0], account: '123' }] })).toThrow('statements[0].account');
  });
});

import fs from 'node:fs';
import Decimal from 'decimal.js';
import iconv from 'iconv-lite';
import {
  parseCamt053,
  streamCamt053,
  type BankStatement,
  type StatementEvent,
  type StatementLine,
} from '../../../../src/formats/statements';
import { minorUnits } from '../../../../src/platform/currency';
import { describeWithShared, sharedFile } from '../../../support/shared-files';
import { camtFile, type CamtStatementSpec, statementError } from '../../../support/statement-files';

/**
 * camt.053 (ISO 20022 BankToCustomerStatement). The fixtures of ../shared come with the values a
 * reference parser (genkgo/camt) reads from them: its statement and entries of the last `Stmt`,
 * amounts in minor units of their currency, dates as date-times in UTC.
 */

type Json = Record<string, any>;

function fixture(name: string): Buffer {
  return fs.readFileSync(sharedFile(`fixtures/camt053/${name}`)!);
}

function expected(name: string): Json {
  return JSON.parse(fs.readFileSync(sharedFile(`fixtures/camt053/${name}`)!, 'utf8'));
}

/** A Money value (`{ getAmount: '885', getCurrency: { getCode: 'EUR' } }`) as a decimal. */
function money(m: Json): Decimal {
  return new Decimal(m.getAmount).div(10 ** minorUnits(m.getCurrency.getCode));
}

const same = (ours: string, theirs: Decimal) => expect(new Decimal(ours).equals(theirs) ? theirs.toFixed() : ours).toBe(theirs.toFixed());

/** Checks our last statement and its lines against the reference's values. */
function compareWithReference(json: string, statement: BankStatement): void {
  const lines = statement.lines;
  const ref = expected(json);
  const record = ref.getEntries[0].getRecord;
  expect(statement.statementId).toBe(record.getId);
  expect(statement.account.identification).toBe(record.getAccount.getIdentification);
  const opening = record.getBalances.find((b: Json) => b.getType === 'opening');
  const closing = record.getBalances.find((b: Json) => b.getType === 'closing');
  same(statement.openingBalance.amount, money(opening.getAmount));
  same(statement.closingBalance.amount, money(closing.getAmount));
  expect(statement.openingBalance.date).toBe(opening.getDate['0'].slice(0, 10));
  expect(statement.closingBalance.date).toBe(closing.getDate['0'].slice(0, 10));
  expect(lines).toHaveLength(ref.getEntries.length);
  ref.getEntries.forEach((entry: Json, i: number) => {
    const line = lines[i];
    same(line.amount, money(entry.getAmount));
    expect(line.currency).toBe(entry.getAmount.getCurrency.getCode);
    // the file's dates and date-times fall on the same day in UTC here; the rule is the file's own day
    expect(line.bookingDate).toBe(entry.getBookingDate['0'].slice(0, 10));
    expect(line.valueDate).toBe(entry.getValueDate['0'].slice(0, 10));
    expect(line.bankReference).toBe(entry.getAccountServicerReference);
    expect(line.reversal).toBe(entry.getReversalIndicator);
    expect(line.status).toBe(entry.getStatus);
    const code = entry.getBankTransactionCode;
    expect(line.bankTransactionCode.iso).toEqual(
      code.getDomain
        ? { domain: code.getDomain.getCode, family: code.getDomain.getFamily.getCode, subFamily: code.getDomain.getFamily.getSubFamilyCode }
        : null,
    );
    expect(line.bankTransactionCode.proprietary?.code ?? null).toBe(code.getProprietary?.getCode ?? null);
    const tx = entry.getTransactionDetail;
    expect(line.endToEndId).toBe(tx.getReference.getEndToEndId);
    // the counterparty of a credit is the debtor; a file naming only the creditor names it
    const parties: Json[] = tx.getRelatedParties;
    const kind = (p: Json) => p.getRelatedPartyType.__CLASS__.split('\\').pop();
    const party = parties.find((p) => kind(p) === (entry.getCreditDebitIndicator === 'CRDT' ? 'Debtor' : 'Creditor')) ?? parties[0];
    expect(line.counterparty.name).toBe(party.getRelatedPartyType.getName);
    expect(line.counterparty.iban).toBe(party.getAccount.getIban.getIban);
    const rmt = tx.getRemittanceInformation;
    expect(line.remittance.unstructured).toBe(rmt.getUnstructuredBlock?.getMessage ?? null);
    expect(line.remittance.structured?.reference ?? null).toBe(rmt.getCreditorReferenceInformation?.getRef ?? null);
  });
}

describeWithShared('fixtures/camt053')('camt.053 files of ../shared/fixtures/camt053', () => {
  it.each([
    ['genkgo-camt053.v2.minimal.xml', 'genkgo-camt053.v2.minimal.expected.json', '001.02'],
    ['genkgo-camt053.v4.xml', 'genkgo-camt053.v4.expected.json', '001.04'],
    ['genkgo-camt053.v8.xml', 'genkgo-camt053.v8.expected.json', '001.08'],
    ['genkgo-camt053.v2.five.decimals.xml', 'genkgo-camt053.v2.five.decimals.expected.json', '001.02'],
    ['genkgo-camt053.v2.multi.statement.xml', 'genkgo-camt053.v2.multi.statement.expected.json', '001.02'],
  ])('reads %s as the reference parser does', (xml, json, version) => {
    const file = parseCamt053(fixture(xml), { verify: false });
    expect(file.formatVersion).toBe(version);
    compareWithReference(json, file.statements[file.statements.length - 1]);
  });

  it('reads the account of .04 from Id/Othr/Id (a valid IBAN there is the IBAN) and the owner from Ownr/Nm', () => {
    const s = parseCamt053(fixture('genkgo-camt053.v4.xml'), { verify: false }).statements[0];
    expect(s.account).toMatchObject({ iban: 'NL26VAYB8060476890', otherId: null, holderName: 'FINPETROL', currency: 'EUR' });
    // .08 wraps the parties in Pty and the status in Sts/Cd
    const v8 = parseCamt053(fixture('genkgo-camt053.v8.xml'), { verify: false }).statements[0].lines[0];
    expect([v8.counterparty.name, v8.status, v8.bookingDate]).toEqual(['NAME NAME', 'BOOK', '2014-12-31']);
  });

  it('keeps the amounts of genkgo-camt053.v2.five.decimals.xml exact and finds it 0.05 off', () => {
    const file = parseCamt053(fixture('genkgo-camt053.v2.five.decimals.xml'), { verify: false });
    const s = file.statements[0];
    expect([s.openingBalance.amount, s.lines[0].amount, s.closingBalance.amount]).toEqual(['18.15', '8.85', '27.05']);
    expect(file.problems.map((p) => [p.rule, p.message])).toEqual([
      ['UNBALANCED', 'opening balance 18.15 plus the movements 8.85 is 27.00, but the closing balance is 27.05 (a difference of 0.05)'],
    ]);
  });

  it('finds the closing balance of genkgo-camt053.v2.minimal.xml in SEK, a debit, on a EUR account', () => {
    const file = parseCamt053(fixture('genkgo-camt053.v2.minimal.xml'), { verify: false });
    expect(file.problems.map((p) => [p.rule, p.line])).toEqual([
      ['CURRENCY_MISMATCH', 'Document/BkToCstmrStmt/Stmt[1]/Bal[2]'],
      ['UNBALANCED', 'Document/BkToCstmrStmt/Stmt[1]'],
    ]);
    expect(statementError(() => parseCamt053(fixture('genkgo-camt053.v2.minimal.xml'))).rule).toBe('CURRENCY_MISMATCH');
  });

  it('accepts genkgo-camt053.v2.multi.statement.xml: two statements that each balance', () => {
    const file = parseCamt053(fixture('genkgo-camt053.v2.multi.statement.xml'));
    expect(
      file.statements.map((s) => [s.statementId, s.openingBalance.amount, s.lines.map((l) => l.amount), s.closingBalance.amount]),
    ).toEqual([
      ['253EURNL26VAYB8060476890', '18.15', ['8.85'], '27.00'],
      ['254EURNL26VAYB8060476890', '27.00', ['-7.00'], '20.00'],
    ]);
  });

  it('splits the batch entry of oca-camt053.xml into its two reversed direct debits', () => {
    const file = parseCamt053(fixture('oca-camt053.xml'), { verify: false });
    const s = file.statements[0];
    expect(s.account).toMatchObject({ iban: 'NL77ABNA0574908765', bic: 'ABNANL2A', currency: 'EUR', description: 'Example company' });
    expect(s.lines.map((l) => [l.sequence, l.amount, l.reversal, l.batch?.index ?? null])).toEqual([
      ['1', '-754.25', false, null],
      ['2/1', '-564.05', true, 1],
      ['2/2', '-100.00', true, 2],
      ['3', '1405.31', false, null],
    ]);
    expect(s.lines[1].batch).toEqual({ entryReference: '2', count: 2, total: '-664.05', index: 1 });
    expect(s.lines[1]).toMatchObject({
      endToEndId: 'TESTBANK/NL/20141229/01206408',
      extra: { mandateId: 'NL22ZZZ524885430000-C0125.1', returnReason: 'AC06' },
    });
    // a credit: the debtor; AddtlTxInf is the text a person reads
    expect(s.lines[3].counterparty).toEqual({
      name: '3rd party Media',
      iban: 'NL69ABNA0522123643',
      otherId: null,
      bic: 'ABNANL2A',
      address: 'SOMESTREET 570-A, 1276 ML HOUSCITY, NL',
    });
    expect(s.lines[3].description).toBe('#RD PARTY MEDIA CUSNO 90782 4210773');
    // 15568.27 - 754.25 - 664.05 + 1405.31 = 15555.28; CLBD says 15121.12
    expect(file.problems.map((p) => p.message)).toEqual([
      'opening balance 15568.27 plus the movements -12.99 is 15555.28, but the closing balance is 15121.12 (a difference of -434.16)',
    ]);
  });
});

describe('camt.053 files made here, one per trap of the format', () => {
  const statement: CamtStatementSpec = {
    iban: 'BE68539007547034',
    opening: '100.00',
    entries: [
      {
        amount: '25.00',
        name: 'Klant NV',
        iban: 'BE71096123456769',
        bic: 'GKCCBEBB',
        ref: '+++123/4567/89002+++',
        refIssuer: 'BBA',
        endToEndId: 'E2E-1',
      },
      {
        amount: '-30.00',
        acctSvcrRef: 'BATCH-9',
        details: [
          { amount: '-10.00', name: 'Supplier A', ustrd: 'inv 1' },
          { amount: '-20.00', name: 'Supplier B', ustrd: 'inv 2' },
        ],
      },
    ],
  };

  it.each(['001.02', '001.04', '001.08', '001.13'])('splits a batch entry into its TxDtls with their own amounts (%s)', (version) => {
    const file = parseCamt053(camtFile([statement], version));
    const lines = file.statements[0].lines;
    expect(lines.map((l) => [l.sequence, l.amount, l.counterparty.name, l.remittance.unstructured, l.batch])).toEqual([
      ['1', '25.00', 'Klant NV', null, null],
      ['2/1', '-10.00', 'Supplier A', 'inv 1', { entryReference: 'BATCH-9', count: 2, total: '-30.00', index: 1 }],
      ['2/2', '-20.00', 'Supplier B', 'inv 2', { entryReference: 'BATCH-9', count: 2, total: '-30.00', index: 2 }],
    ]);
    expect(lines[0].remittance.structured).toEqual({ type: 'BE', reference: '123456789002', issuer: 'BBA', valid: true });
    expect(lines[0].counterparty.bic).toBe('GKCCBEBB');
    expect(file.statements[0].closingBalance.amount).toBe('95.00');
  });

  it('refuses batch details that do not add up to their entry (BATCH_TOTAL) and keeps the entry as one line', () => {
    const spec = structuredClone(statement);
    spec.entries[1].details![1].amount = '-21.00';
    const file = parseCamt053(camtFile([spec]), { verify: false });
    expect(file.problems.map((p) => [p.rule, p.line])).toEqual([['BATCH_TOTAL', 'Document/BkToCstmrStmt/Stmt[1]/Ntry[2]']]);
    expect(file.statements[0].lines.map((l) => [l.amount, l.batch])).toEqual([
      ['25.00', null],
      ['-30.00', { entryReference: 'BATCH-9', count: 2, total: '-30.00', index: null }],
    ]);
  });

  it('keeps a batch whose details carry no amounts, or that only counts them (NbOfTxs), as one line', () => {
    const spec = structuredClone(statement);
    delete spec.entries[1].details![0].amount;
    spec.entries.push({ amount: '-5.00', nbOfTxs: 3, addtlNtryInf: 'Collective payment of 3' });
    const lines = parseCamt053(camtFile([spec])).statements[0].lines;
    expect(lines.map((l) => [l.amount, l.batch?.count ?? null, l.batch?.index ?? null])).toEqual([
      ['25.00', null, null],
      ['-30.00', 2, null],
      ['-5.00', 3, null],
    ]);
    // the only text of that entry is AddtlNtryInf; a batch kept whole is no one detail's payment
    expect(lines[2].description).toBe('Collective payment of 3');
    expect(lines[1].counterparty.name).toBeNull();
  });

  it('reads several statements of several accounts in one file', () => {
    const file = parseCamt053(
      camtFile([
        statement,
        { iban: 'NL91ABNA0417164300', currency: 'USD', opening: '0', entries: [{ amount: '1.50', name: 'US customer' }] },
      ]),
    );
    expect(file.statements.map((s) => [s.index, s.account.iban, s.account.currency, s.statementNumber, s.lines.length])).toEqual([
      [0, 'BE68539007547034', 'EUR', '1', 3],
      [1, 'NL91ABNA0417164300', 'USD', '2', 1],
    ]);
  });

  it('keeps five decimals as the file gives them, and counts only booked entries in the balance', () => {
    const spec: CamtStatementSpec = {
      iban: 'BE68539007547034',
      opening: '0.00001',
      closing: '1.23457',
      entries: [{ amount: '1.23456' }, { amount: '99.00', status: 'PDNG' }],
    };
    const file = parseCamt053(camtFile([spec]));
    expect(file.statements[0].openingBalance.amount).toBe('0.00001');
    expect(file.statements[0].lines.map((l) => [l.amount, l.status])).toEqual([
      ['1.23456', 'BOOK'],
      ['99.00', 'PDNG'],
    ]);
  });

  it('refuses an unbalanced statement (UNBALANCED)', () => {
    const error = statementError(() => parseCamt053(camtFile([{ ...statement, closing: '96.00' }])));
    expect([error.rule, error.line]).toEqual(['UNBALANCED', 'Document/BkToCstmrStmt/Stmt[1]']);
    expect(error.message).toContain('is 95.00, but the closing balance is 96.00 (a difference of 1.00)');
  });

  it('takes PRCD as the opening balance when OPBD is missing, and refuses a statement without CLBD', () => {
    const xml = camtFile([statement]);
    expect(parseCamt053(xml.replace('<Cd>OPBD</Cd>', '<Cd>PRCD</Cd>')).statements[0].openingBalance.amount).toBe('100.00');
    const error = statementError(() => parseCamt053(xml.replace('<Cd>CLBD</Cd>', '<Cd>CLAV</Cd>')));
    expect(error.rule).toBe('MISSING_BALANCE');
    expect(error.message).toContain('the statement has no closing balance (Bal of type CLBD)');
  });

  it('reads elements under a namespace prefix, and the encoding the XML declaration names', () => {
    const xml = camtFile([{ ...statement, entries: [{ amount: '1.00', name: 'Société Générale' }] }], '001.08')
      .replace(/<(\/?)(\w+)/g, '<$1ns2:$2')
      .replace('<?ns2:xml', '<?xml')
      .replace('xmlns=', 'xmlns:ns2=')
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const file = parseCamt053(iconv.encode(xml, 'latin1'));
    expect(file.statements[0].lines[0].counterparty.name).toBe('Société Générale');
    expect(file.formatVersion).toBe('001.08');
  });

  it('takes NOTPROVIDED as no end-to-end id and classifies RF and other creditor references', () => {
    const spec: CamtStatementSpec = {
      iban: 'BE68539007547034',
      opening: '0',
      entries: [
        { amount: '1.00', endToEndId: 'NOTPROVIDED', ref: 'RF18 5390 0754 7034' },
        { amount: '2.00', ref: 'INV-2026-0001' },
      ],
    };
    const lines = parseCamt053(camtFile([spec])).statements[0].lines;
    expect(lines.map((l) => [l.endToEndId, l.remittance.structured])).toEqual([
      [null, { type: 'RF', reference: 'RF18539007547034', issuer: null, valid: true }],
      [null, { type: 'OTHER', reference: 'INV-2026-0001', issuer: null, valid: false }],
    ]);
  });

  it.each<[string, string, string, string]>([
    ['a camt.054 notification', 'camt.054.001.08', 'UNKNOWN_FORMAT', 'the XML is camt.054, not an ISO 20022 camt.053 statement'],
    ['XML that is not well formed', '</Ntry>', 'BAD_RECORD', 'the XML is not well formed'],
    ['an amount with a decimal comma', '<Amt Ccy="EUR">25.00</Amt>', 'BAD_AMOUNT', 'amount "25,00" is not an ISO 20022 amount'],
    ['an impossible booking date', '<BookgDt><Dt>2026-03-02</Dt>', 'BAD_DATE', '"2026-02-30" is not a date'],
  ])('refuses %s', (_, find, rule, message) => {
    const xml = camtFile([statement]);
    const broken =
      find === 'camt.054.001.08'
        ? xml.replace('camt.053.001.02', find)
        : find === '</Ntry>'
          ? xml.replace('</Ntry>', '</Ntr>')
          : find.startsWith('<Amt')
            ? xml.replace(find, '<Amt Ccy="EUR">25,00</Amt>')
            : xml.replace(find, '<BookgDt><Dt>2026-02-30</Dt>');
    const error = statementError(() => parseCamt053(broken));
    expect(error.rule).toBe(rule);
    expect(error.message).toContain(message);
  });

  it('names the entry and the XML line of a bad value', () => {
    const xml = camtFile([statement]).replace('<Amt Ccy="EUR">30.00</Amt>', '<Amt Ccy="EUR">3O.00</Amt>');
    const error = statementError(() => parseCamt053(xml));
    expect(error.line).toMatch(/^Document\/BkToCstmrStmt\/Stmt\[1\]\/Ntry\[2\] \(XML line \d+\)$/);
  });

  it('streams the same lines and statements as the whole-file parse, from chunks that split characters', async () => {
    const xml = Buffer.from(camtFile([{ ...statement, entries: [...statement.entries, { amount: '3.00', name: 'Zoë Ørsted' }] }]), 'utf8');
    const chunks = Array.from({ length: Math.ceil(xml.length / 5) }, (_, i) => xml.subarray(i * 5, i * 5 + 5));
    const events: StatementEvent[] = [];
    for await (const event of streamCamt053(chunks)) events.push(event);
    const { lines, ...header } = parseCamt053(xml).statements[0];
    expect(events.filter((e) => e.kind === 'line').map((e) => (e as { line: StatementLine }).line)).toEqual(lines);
    expect(events[events.length - 1]).toEqual({ kind: 'statement', statement: header });
    expect(lines[3].counterparty.name).toBe('Zoë Ørsted');
  });
});

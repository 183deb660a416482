import fs from 'node:fs';
import { composeIBAN } from 'ibantools';
import {
  CAMT_DOCUMENT_CLOSE,
  camtDocumentOpen,
  camtEntry,
  camtStatementOpen,
  codaFile,
  type CamtEntrySpec,
  type CodaMovementSpec,
} from '../test/support/statement-files';
import { createBelgianReference, parseBelgianReference } from '../src/formats/structured-reference';

/**
 * The generated statement files of the statement benchmarks (bench/statements.ts parses them,
 * bench/statement-import.ts imports them): a CODA file and a camt.053.001.08 file of any number
 * of transactions over STATEMENTS statements of as many own accounts (OWN), with counterparties
 * among 1,000 valid IBANs, structured and unstructured remittance and one batch in 50.
 */
export const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 100_000);
/** Statements per file: CODA numbers at most 9999 movements in one. */
export const STATEMENTS = Math.max(10, Math.ceil(TRANSACTIONS / 9000));

/** 1,000 different valid Belgian IBANs for the counterparties (so no cache of a few could flatter the parser). */
const IBANS = Array.from({ length: 1000 }, (_, i) => {
  const ten = String(5_390_000_000 + i * 7919);
  const bban = ten + String(Number(BigInt(ten) % 97n) || 97).padStart(2, '0');
  return composeIBAN({ countryCode: 'BE', bban })!;
});
/** The own accounts of the statements, one per statement. */
export const OWN = IBANS.slice(0, STATEMENTS);

function ogm(i: number): string {
  return parseBelgianReference(createBelgianReference(String(1_000_000_000 + i)))!;
}

function codaMovement(i: number): CodaMovementSpec {
  const amount = `${i % 7 === 0 ? '-' : ''}${(i % 9973) + 1}.${String(i % 100).padStart(2, '0')}`;
  if (i % 50 === 0) {
    // a globalised movement: two details, which become the lines
    const a = (i % 97) + 1;
    return {
      amount: `-${a + 2}.00`,
      text: 'COLLECTIVE PAYMENT',
      details: [
        { amount: `-${a}.00`, counterpartyName: `Supplier ${i}`, counterpartyAccount: IBANS[i % IBANS.length], text: `invoice ${i}` },
        { amount: '-2.00', text: 'charges' },
      ],
    };
  }
  return i % 3 === 0
    ? {
        amount,
        text: `Invoice ${i} paid by customer ${i % 1000}`,
        counterpartyName: `Customer ${i % 1000} BV`,
        counterpartyAccount: IBANS[i % IBANS.length],
        bic: 'GKCCBEBB',
      }
    : {
        amount,
        ogm: ogm(i),
        counterpartyName: `Customer ${i % 1000} NV`,
        counterpartyAccount: IBANS[i % IBANS.length],
        bic: 'KREDBEBB',
        endToEndId: `E2E-${i}`,
      };
}

/** Movements per statement so that the lines (details of globalised movements counted) make TRANSACTIONS. */
export function writeCoda(file: string, transactions: number): number {
  const statements = [];
  let lines = 0;
  let i = 0;
  for (let s = 0; s < STATEMENTS; s++) {
    const movements: CodaMovementSpec[] = [];
    const target = Math.round((transactions * (s + 1)) / STATEMENTS);
    while (lines < target) {
      const m = codaMovement(i++);
      lines += m.details?.length ?? 1;
      movements.push(m);
    }
    statements.push({ iban: OWN[s], number: String(s + 1).padStart(3, '0'), opening: '10000.00', movements });
  }
  // record 9 counts at most 999999 records (positions 17-22): a group of 25 statements stays below
  fs.writeFileSync(file, '');
  for (let g = 0; g < statements.length; g += 25) fs.appendFileSync(file, codaFile({ statements: statements.slice(g, g + 25) }), 'latin1');
  return lines;
}

function camtSpec(i: number): CamtEntrySpec {
  const amount = `${i % 7 === 0 ? '-' : ''}${(i % 9973) + 1}.${String(i % 100).padStart(2, '0')}`;
  const base = {
    acctSvcrRef: `SVC-${i}`,
    endToEndId: `E2E-${i}`,
    name: `Customer ${i % 1000} NV`,
    iban: IBANS[i % IBANS.length],
    bic: 'GKCCBEBB',
  };
  if (i % 50 === 0) {
    const a = (i % 97) + 1;
    return {
      ...base,
      amount: `${a + 3}.00`,
      details: [
        { ...base, amount: `${a}.00`, ustrd: `invoice ${i}` },
        { ...base, amount: '3.00', ref: ogm(i), refIssuer: 'BBA' },
      ],
    };
  }
  return i % 3 === 0
    ? { ...base, amount, ustrd: `Invoice ${i} paid by customer ${i % 1000}` }
    : { ...base, amount, ref: ogm(i), refIssuer: 'BBA', addtlNtryInf: 'SEPA credit transfer' };
}

export function writeCamt(file: string, transactions: number): number {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, camtDocumentOpen('001.08'));
  let lines = 0;
  let i = 0;
  for (let s = 0; s < STATEMENTS; s++) {
    const entries: CamtEntrySpec[] = [];
    const target = Math.round((transactions * (s + 1)) / STATEMENTS);
    while (lines < target) {
      const e = camtSpec(i++);
      lines += e.details?.length ?? 1;
      entries.push(e);
    }
    const spec = { iban: OWN[s], opening: '10000.00', entries };
    const parts = [camtStatementOpen(spec, s)];
    for (const e of entries) parts.push(camtEntry(e, 'EUR', '001.08'));
    parts.push('</Stmt>\n');
    fs.writeSync(fd, parts.join(''));
  }
  fs.writeSync(fd, CAMT_DOCUMENT_CLOSE);
  fs.closeSync(fd);
  return lines;
}

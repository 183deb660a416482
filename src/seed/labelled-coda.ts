import { CodaStatementToWrite, writeCoda } from '../formats/statements';
import { StatementLineToStore, StatementToStore } from '../modules/financial-accounts/statement.input';

/**
 * Generated statements (labelled-statements.ts) as CODA files, so that the labelled lines can also
 * go through the file import: one file per own account, all its statements in one record group,
 * written by the CODA writer (formats/statements/coda/writer.ts) in ISO-8859-1.
 *
 * What the file import then gives differs from the generated StatementToStore in three ways only,
 * as CODA holds them: the bank transaction code is Febelfin's eight digits (CODA_TRANSACTION_CODES),
 * an RF creditor reference (not a Belgian structured communication, CODA's type 101) travels as
 * the first words of the free text, and each line has its source line. The labels stay valid:
 * they are keyed by the bankReference, which the file keeps.
 */
export interface LabelledCodaFile {
  divisionCode: number;
  account: string;
  fileName: string;
  /** The file's bytes (ISO-8859-1). */
  content: Buffer;
}

/** Febelfin transaction codes (type, family, operation, category) for the ISO codes the generators write. */
export const CODA_TRANSACTION_CODES: Record<string, string> = {
  'PMNT/RCDT/ESCT': '00150000', // family 01 credit transfers, 50 transfer in your favour
  'PMNT/ICDT/ESCT': '00101000', // family 01, 01 individual transfer order
  'PMNT/ICDT/BOOK': '00101000',
  'PMNT/IDDT/ESDD': '00550000', // family 05 direct debit, 50 credit after collection
  'ACMT/MDOP/CHRG': '08037000', // family 80 fees and commissions, 37 various fees
};

/** The CODA code of a line: its ISO code mapped, else a credit transfer in or out by the sign. */
export function codaTransactionCode(line: Pick<StatementLineToStore, 'amount' | 'bankTransactionCode'>): string {
  return CODA_TRANSACTION_CODES[line.bankTransactionCode ?? ''] ?? (line.amount.startsWith('-') ? '00101000' : '00150000');
}

/** The CODA files of `statements` (in their order), one per account; `creationDate` defaults to the last statement's date. */
export function labelledCodaFiles(statements: readonly StatementToStore[], holderName = 'Demo'): LabelledCodaFile[] {
  const byAccount = new Map<string, StatementToStore[]>();
  for (const s of statements) {
    const list = byAccount.get(s.account);
    if (list) list.push(s);
    else byAccount.set(s.account, [s]);
  }
  return [...byAccount.entries()].map(([account, list]) => {
    const written: CodaStatementToWrite[] = list.map((s) => ({
      account: s.account,
      currency: s.currency,
      statementNumber: s.statementNumber,
      openingBalance: s.openingBalance,
      openingBalanceDate: s.openingBalanceDate,
      closingBalance: s.closingBalance,
      statementDate: s.statementDate,
      holderName,
      lines: s.lines.map((l) => {
        const belgian = l.structuredReference && /^\d{12}$/.test(l.structuredReference) ? l.structuredReference : null;
        const other = l.structuredReference && !belgian ? l.structuredReference : null;
        return {
          bookingDate: l.bookingDate,
          valueDate: l.valueDate,
          amount: l.amount,
          counterpartyName: l.counterpartyName,
          counterpartyAccount: l.counterpartyAccount,
          counterpartyBic: l.counterpartyBic,
          structuredReference: belgian,
          unstructuredRemittance: [other, l.unstructuredRemittance].filter(Boolean).join(' ') || null,
          endToEndId: l.endToEndId,
          bankReference: l.bankReference,
          transactionCode: codaTransactionCode(l),
        };
      }),
    }));
    const last = list[list.length - 1].statementDate;
    const text = writeCoda({ creationDate: last, statements: written, bic: null, fileReference: `L${list[0].divisionCode}` });
    return { divisionCode: list[0].divisionCode, account, fileName: `${account}-${last}.cod`, content: Buffer.from(text, 'latin1') };
  });
}

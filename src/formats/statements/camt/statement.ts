import { problem, type StatementProblem } from '../errors';
import type { StatementAccount, StatementBalance, StatementHeader } from '../types';
import { accountNumber, bicOrNull, camtAmount, currencyCode, isoDate, textOrNull, ValueProblem } from '../values';
import { child, firstText, textAt, type XmlNode } from './nodes';

/**
 * The header of a camt.053 statement (`Stmt`, ISO 20022 AccountStatement) from its children other
 * than the entries: `Id`, `ElctrncSeqNb`, `LglSeqNb`, `CreDtTm`, `CpyDplctInd`, `Acct`, `Bal` and
 * `AddtlStmtInf`. The opening balance is the `Bal` of type OPBD (else PRCD, the previous closing
 * booked balance some banks send instead), the closing one CLBD.
 */

/** What the reader keeps of a `Stmt` besides its entries. */
export interface StatementParts {
  index: number;
  /** XML path of the statement. */
  path: string;
  formatVersion: string | null;
  /** Children of `Stmt` other than `Ntry`, in file order. */
  parts: XmlNode[];
}

/** The account and its currency: `Acct/Ccy`, else the opening (or closing) balance's currency. */
export function statementAccount(s: StatementParts): StatementAccount {
  const acct = s.parts.find((p) => p.name === 'Acct');
  if (!acct) throw new ValueProblem('BAD_RECORD', 'the statement has no Acct (account)');
  const identification = firstText(acct, ['Id', 'IBAN'], ['Id', 'Othr', 'Id']);
  if (!identification) throw new ValueProblem('BAD_RECORD', 'the statement account has neither Id/IBAN nor Id/Othr/Id');
  const balances = s.parts.filter((p) => p.name === 'Bal');
  const fromBalance = (codes: string[]) =>
    balances.find((b) => codes.includes(balanceType(b)))?.children.find((c) => c.name === 'Amt')?.attributes.Ccy;
  const currency = textAt(acct, 'Ccy') ?? fromBalance(['OPBD', 'PRCD']) ?? fromBalance(['CLBD']);
  if (!currency) throw new ValueProblem('BAD_RECORD', 'the statement names no currency (no Acct/Ccy and no balance with one)');
  const servicer = child(child(acct, 'Svcr'), 'FinInstnId');
  return {
    ...accountNumber(identification),
    identification,
    bic: bicOrNull(firstText(servicer, ['BICFI'], ['BIC'])),
    currency: currencyCode(currency),
    holderName: firstText(acct, ['Ownr', 'Nm'], ['Ownr', 'Pty', 'Nm']),
    description: textAt(acct, 'Nm'),
  };
}

function balanceType(bal: XmlNode): string {
  return firstText(bal, ['Tp', 'CdOrPrtry', 'Cd'], ['Tp', 'CdOrPrtry', 'Prtry']) ?? '';
}

interface ReadBalance extends StatementBalance {
  currency: string;
  path: string;
}

function readBalance(s: StatementParts, codes: string[], what: string): ReadBalance {
  const balances = s.parts.filter((p) => p.name === 'Bal');
  for (const code of codes) {
    const i = balances.findIndex((b) => balanceType(b) === code);
    if (i < 0) continue;
    const bal = balances[i];
    const amt = child(bal, 'Amt');
    const currency = amt?.attributes.Ccy;
    if (!amt || !currency) throw new ValueProblem('BAD_RECORD', `the ${code} balance has no Amt with a Ccy attribute`);
    const dt = child(bal, 'Dt');
    const day = firstText(dt, ['Dt'], ['DtTm']);
    return {
      amount: camtAmount(amt.text, textAt(bal, 'CdtDbtInd') ?? '', currency),
      currency,
      date: day === null ? null : isoDate(day),
      path: `${s.path}/Bal[${i + 1}]`,
    };
  }
  throw new ValueProblem('MISSING_BALANCE', `the statement has no ${what} balance (Bal of type ${codes.join(' or ')})`);
}

/** The header, and the problems of its balances' currencies (CURRENCY_MISMATCH). */
export function statementHeader(
  s: StatementParts,
  account: StatementAccount,
  lineCount: number,
): { header: StatementHeader; problems: StatementProblem[] } {
  const opening = readBalance(s, ['OPBD', 'PRCD'], 'opening');
  const closing = readBalance(s, ['CLBD'], 'closing');
  const problems = [opening, closing]
    .filter((b) => b.currency !== account.currency)
    .map((b) =>
      problem(
        'CURRENCY_MISMATCH',
        s.index,
        b.path,
        `a balance is in ${b.currency}, the account ${account.identification} in ${account.currency}`,
      ),
    );
  const text = (name: string) => textOrNull(s.parts.find((p) => p.name === name)?.text);
  const duplicate = text('CpyDplctInd');
  const information = s.parts.filter((p) => p.name === 'AddtlStmtInf').map((p) => p.text.trim());
  const header: StatementHeader = {
    format: 'camt053',
    formatVersion: s.formatVersion,
    index: s.index,
    account,
    statementNumber: text('LglSeqNb') ?? text('ElctrncSeqNb'),
    sequence: text('ElctrncSeqNb'),
    statementId: text('Id'),
    createdAt: text('CreDtTm'),
    statementDate: closing.date,
    openingBalance: { amount: opening.amount, date: opening.date },
    closingBalance: { amount: closing.amount, date: closing.date },
    duplicate: duplicate === 'DUPL' || duplicate === 'CODU',
    information: textOrNull(information.join('\n')),
    lineCount,
    source: { first: s.path, last: s.path },
  };
  return { header, problems };
}

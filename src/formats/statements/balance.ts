import { Dec, DecimalSum } from '../../platform/decimal';
import { problem, type StatementProblem } from './errors';
import type { BankStatement, StatementHeader, StatementLine } from './types';
import { moneyText } from './values';

/**
 * The balance rule every statement obeys, whatever its format: the opening balance plus the booked
 * movements is the closing balance, all in the account's currency (Febelfin CODA 2.6 records 1, 2.1
 * and 8; ISO 20022 camt.053 `Bal` OPBD/PRCD and CLBD with the `Ntry` amounts; SWIFT MT940
 * `:60F:`/`:60M:`, `:61:` and `:62F:`/`:62M:`).
 */

/** Lines that move the balance: booked ones (CAMT `Sts` BOOK, and all CODA and MT940 lines). */
export function isBooked(line: Pick<StatementLine, 'status'>): boolean {
  return line.status === null || line.status === 'BOOK';
}

/**
 * Running total of a statement's lines, so a streaming parser checks the balance without keeping
 * the lines. Lines in another currency than the account's are counted apart and reported.
 */
export class StatementTally {
  /** The booked movements in the account's currency, summed exactly (BigInt hundredths for two-decimal amounts). */
  private readonly movements = new DecimalSum();
  private count = 0;
  private foreign: StatementLine[] = [];

  add(line: StatementLine, accountCurrency: string | null): void {
    this.count++;
    if (!isBooked(line)) return;
    if (accountCurrency !== null && line.currency !== accountCurrency) {
      if (this.foreign.length < 3) this.foreign.push(line);
      return;
    }
    this.movements.add(line.amount);
  }

  get lineCount(): number {
    return this.count;
  }

  /** Every problem of the statement's balance (none when it balances). */
  problems(header: StatementHeader): StatementProblem[] {
    const found: StatementProblem[] = [];
    for (const line of this.foreign) {
      found.push(
        problem(
          'CURRENCY_MISMATCH',
          header.index,
          line.source,
          `line ${line.sequence} is in ${line.currency}, the account ${header.account.identification} in ${header.account.currency}`,
        ),
      );
    }
    const sum = this.movements.value;
    const expected = new Dec(header.openingBalance.amount).plus(sum);
    if (!expected.equals(header.closingBalance.amount)) {
      const money = (d: Dec) => moneyText(d, header.account.currency);
      const difference = new Dec(header.closingBalance.amount).minus(expected);
      found.push(
        problem(
          'UNBALANCED',
          header.index,
          header.source.last,
          `opening balance ${header.openingBalance.amount} plus the movements ${money(sum)} is ${money(expected)}, ` +
            `but the closing balance is ${header.closingBalance.amount} (a difference of ${money(difference)})`,
        ),
      );
    }
    return found;
  }
}

/**
 * Checks a parsed statement: every booked line in the account's currency, and opening balance plus
 * booked lines equal to the closing balance. Returns the problems (UNBALANCED, CURRENCY_MISMATCH),
 * an empty list when the statement balances. Reusable by the import service after edits.
 */
export function checkStatementBalance(statement: BankStatement): StatementProblem[] {
  const tally = new StatementTally();
  for (const line of statement.lines) tally.add(line, statement.account.currency);
  return tally.problems(statement);
}

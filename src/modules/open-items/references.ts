import { ObjectLiteral } from 'typeorm';
import { DivisionScope } from '../../access/division-scope';
import { canonicalCurrency } from '../../platform/currency';
import { Account } from '../accounts/account.entity';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { Contact } from '../contacts/contact.entity';
import { Division } from '../divisions/division.entity';
import { GLAccount } from '../gl-accounts/gl-account.entity';
import { Journal } from '../journals/journal.entity';
import { PaymentCondition } from '../payment-conditions/payment-condition.entity';
import { OpenItemKind, OpenItemValues, RowAt } from './open-item';
import { bicProblem, ibanProblem, looksLikeIban } from './row-rules';

type Rows<T> = Map<string, T>;
const key = (division: number, value: unknown) => `${division}|${String(value)}`;

/** The counterparty each checked row points at, by its position in the input. */
export type CheckedAccounts = readonly Account[];

/**
 * The rules of open items that read other rows, checked for a whole bulk input with one query per
 * referenced table: everything an item points at must exist in the item's own division, read
 * through the caller's scope (so a row of a division the caller was not granted is as good as
 * missing). The G/L account must be of the side's type (22 payable, 20 receivable), the account
 * its counterparty (a supplier, a customer), the counterparty's bank account its own and the own
 * bank account the division's. Returns the counterparty of each row. `positions` are the rows'
 * places in the caller's input (errors name `input[i]`), when the rows are not all of it.
 */
export async function checkReferences(
  kind: OpenItemKind,
  scope: DivisionScope,
  rows: OpenItemValues[],
  positions?: readonly number[],
): Promise<CheckedAccounts> {
  const { error, counterparty: side } = kind;
  rows.forEach((r, i) => {
    const index = positions?.[i] ?? i;
    if (!scope.allows(Number(r.divisionCode))) {
      throw error('DIVISION_NOT_GRANTED', 'divisionCode', `division ${r.divisionCode} is not granted to this caller`, { index });
    }
  });
  const [gl, accounts, banks, journals, conditions, contacts] = await Promise.all([
    load(
      scope,
      GLAccount,
      'id',
      rows.map((r) => r.glAccountID),
    ),
    load(
      scope,
      Account,
      'id',
      rows.map((r) => r.accountID),
    ),
    load(
      scope,
      BankAccount,
      'id',
      rows.flatMap((r) => [r.accountBankAccountID, r.bankAccountID]),
    ),
    load(
      scope,
      Journal,
      'code',
      rows.map((r) => r.journalCode),
    ),
    load(
      scope,
      PaymentCondition,
      'code',
      rows.map((r) => r.paymentConditionCode),
    ),
    load(
      scope,
      Contact,
      'id',
      rows.map((r) => r.accountContactID),
    ),
  ]);
  return rows.map((r, i) => {
    const division = Number(r.divisionCode);
    const at = { index: positions?.[i] ?? i, ...(r.id ? { id: String(r.id) } : {}) };
    const unknown = (field: string, what: string) =>
      error('UNKNOWN_REFERENCE', field, `${what} does not exist in division ${division}`, at);
    const glAccount = gl.get(key(division, r.glAccountID));
    if (!glAccount) throw unknown('glAccountID', `G/L account ${r.glAccountID}`);
    if (glAccount.type !== side.glAccountType) {
      const needs = `type ${side.glAccountType} (${side.glAccountTypeName})`;
      const why = `G/L account ${glAccount.code} is of type ${glAccount.type}, a ${kind.noun} needs ${needs}`;
      throw error(side.rules.glAccount, 'glAccountID', why, at);
    }
    const account = accounts.get(key(division, r.accountID));
    if (!account) throw unknown('accountID', `account ${r.accountID}`);
    if (!side.isOne(account)) throw error(side.rules.account, 'accountID', `account ${account.code.trim()} is not a ${side.noun}`, at);
    if (r.accountBankAccountID) {
      const bank = banks.get(key(division, r.accountBankAccountID));
      if (!bank) throw unknown('accountBankAccountID', `bank account ${r.accountBankAccountID}`);
      if (bank.accountID !== r.accountID) {
        const why = `bank account ${bank.bankAccount} does not belong to the ${side.noun}`;
        throw error(side.rules.bankAccount, 'accountBankAccountID', why, at);
      }
      checkBankIdentifiers(kind, bank, 'accountBankAccountID', at);
    }
    if (r.bankAccountID) {
      const own = banks.get(key(division, r.bankAccountID));
      if (!own) throw unknown('bankAccountID', `bank account ${r.bankAccountID}`);
      if (own.accountID !== null) {
        const why = `bank account ${own.bankAccount} is not an own bank account of the division`;
        throw error('BANK_ACCOUNT_NOT_OWN', 'bankAccountID', why, at);
      }
      checkBankIdentifiers(kind, own, 'bankAccountID', at);
    }
    if (!journals.has(key(division, r.journalCode))) throw unknown('journalCode', `journal ${r.journalCode}`);
    if (r.paymentConditionCode && !conditions.has(key(division, r.paymentConditionCode))) {
      throw unknown('paymentConditionCode', `payment condition ${r.paymentConditionCode}`);
    }
    if (r.accountContactID) {
      const contact = contacts.get(key(division, r.accountContactID));
      if (!contact || contact.accountID !== r.accountID) {
        throw error('UNKNOWN_REFERENCE', 'accountContactID', `contact ${r.accountContactID} is not a contact of the ${side.noun}`, at);
      }
    }
    return account;
  });
}

/**
 * The currency of each division of `divisionCodes` the scope can see (AmountDC is in it), canonical.
 * A division the caller cannot see is absent: checkReferences refuses its rows.
 */
export async function divisionCurrencies(scope: DivisionScope, divisionCodes: unknown[]): Promise<Map<number, string>> {
  const codes = [...new Set(divisionCodes.map(Number).filter((d) => Number.isSafeInteger(d) && scope.allows(d)))];
  if (!codes.length) return new Map();
  const rows = await scope.select(Division, 'd').select(['d.code', 'd.currency']).where('d.code IN (:...codes)', { codes }).getMany();
  return new Map(rows.map((d) => [d.code, String(canonicalCurrency(d.currency))]));
}

/** An IBAN-shaped number must be a valid IBAN; a BIC, when present, a valid BIC. */
function checkBankIdentifiers(kind: OpenItemKind, bank: BankAccount, field: string, at: RowAt): void {
  if (looksLikeIban(bank.bankAccount)) {
    const problem = ibanProblem(bank.bankAccount);
    if (problem) throw kind.error('INVALID_IBAN', field, problem, at);
  }
  const bic = bicProblem(bank.bic);
  if (bic) throw kind.error('INVALID_BIC', field, bic, at);
}

async function load<T extends ObjectLiteral & { divisionCode: number }>(
  scope: DivisionScope,
  entity: new () => T,
  field: string,
  values: unknown[],
): Promise<Rows<T>> {
  const wanted = [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
  const found: Rows<T> = new Map();
  if (!wanted.length) return found;
  const rows = await scope.select(entity, 't').where(`t.${field} IN (:...wanted)`, { wanted }).getMany();
  for (const r of rows) found.set(key(r.divisionCode, r[field]), r);
  return found;
}

import { ObjectLiteral } from 'typeorm';
import { DivisionScope } from '../../access/division-scope';
import { Account } from '../accounts/account.entity';
import { BankAccount } from '../bank-accounts/bank-account.entity';
import { Contact } from '../contacts/contact.entity';
import { Division } from '../divisions/division.entity';
import { GLAccount } from '../gl-accounts/gl-account.entity';
import { Journal } from '../journals/journal.entity';
import { PaymentCondition } from '../payment-conditions/payment-condition.entity';
import { canonicalCurrency } from '../../platform/currency';
import { PaymentRule, ruleError } from './payment.errors';
import { bicProblem, ibanProblem, looksLikeIban, PaymentValues } from './payment.rules';

/** G/L account type of accounts payable: the only type a payment may book on. */
export const GL_TYPE_ACCOUNTS_PAYABLE = 22;

type Rows<T> = Map<string, T>;
const key = (division: number, value: unknown) => `${division}|${String(value)}`;

/**
 * The rules of a payment that read other rows, checked for a whole bulk input with one query per
 * referenced table: everything a payment points at must exist in the payment's own division,
 * read through the caller's scope (so a row of a division the caller was not granted is as
 * good as missing).
 */
export async function checkReferences(scope: DivisionScope, rows: PaymentValues[]): Promise<void> {
  rows.forEach((r, index) => {
    if (!scope.allows(Number(r.divisionCode))) {
      throw ruleError(PaymentRule.DIVISION_NOT_GRANTED, 'divisionCode', `division ${r.divisionCode} is not granted to this caller`, { index });
    }
  });
  const [gl, accounts, banks, journals, conditions, contacts] = await Promise.all([
    load(scope, GLAccount, 'id', rows.map((r) => r.glAccountID)),
    load(scope, Account, 'id', rows.map((r) => r.accountID)),
    load(scope, BankAccount, 'id', rows.flatMap((r) => [r.accountBankAccountID, r.bankAccountID])),
    load(scope, Journal, 'code', rows.map((r) => r.journalCode)),
    load(scope, PaymentCondition, 'code', rows.map((r) => r.paymentConditionCode)),
    load(scope, Contact, 'id', rows.map((r) => r.accountContactID)),
  ]);
  rows.forEach((r, index) => {
    const division = Number(r.divisionCode);
    const at = { index, ...(r.id ? { id: String(r.id) } : {}) };
    const glAccount = gl.get(key(division, r.glAccountID));
    if (!glAccount) throw ruleError(PaymentRule.UNKNOWN_REFERENCE, 'glAccountID', `G/L account ${r.glAccountID} does not exist in division ${division}`, at);
    if (glAccount.type !== GL_TYPE_ACCOUNTS_PAYABLE) {
      throw ruleError(PaymentRule.GL_ACCOUNT_NOT_PAYABLE, 'glAccountID', `G/L account ${glAccount.code} is of type ${glAccount.type}, a payment needs type 22 (Accounts payable)`, at);
    }
    const account = accounts.get(key(division, r.accountID));
    if (!account) throw ruleError(PaymentRule.UNKNOWN_REFERENCE, 'accountID', `account ${r.accountID} does not exist in division ${division}`, at);
    if (!account.isSupplier) throw ruleError(PaymentRule.ACCOUNT_NOT_SUPPLIER, 'accountID', `account ${account.code.trim()} is not a supplier`, at);
    if (r.accountBankAccountID) {
      const bank = banks.get(key(division, r.accountBankAccountID));
      if (!bank) throw ruleError(PaymentRule.UNKNOWN_REFERENCE, 'accountBankAccountID', `bank account ${r.accountBankAccountID} does not exist in division ${division}`, at);
      if (bank.accountID !== r.accountID) throw ruleError(PaymentRule.BANK_ACCOUNT_NOT_SUPPLIERS, 'accountBankAccountID', `bank account ${bank.bankAccount} does not belong to the supplier`, at);
      checkBankIdentifiers(bank, 'accountBankAccountID', at);
    }
    if (r.bankAccountID) {
      const own = banks.get(key(division, r.bankAccountID));
      if (!own) throw ruleError(PaymentRule.UNKNOWN_REFERENCE, 'bankAccountID', `bank account ${r.bankAccountID} does not exist in division ${division}`, at);
      if (own.accountID !== null) throw ruleError(PaymentRule.BANK_ACCOUNT_NOT_OWN, 'bankAccountID', `bank account ${own.bankAccount} is not an own bank account of the division`, at);
      checkBankIdentifiers(own, 'bankAccountID', at);
    }
    if (!journals.has(key(division, r.journalCode))) throw ruleError(PaymentRule.UNKNOWN_REFERENCE, 'journalCode', `journal ${r.journalCode} does not exist in division ${division}`, at);
    if (r.paymentConditionCode && !conditions.has(key(division, r.paymentConditionCode))) {
      throw ruleError(PaymentRule.UNKNOWN_REFERENCE, 'paymentConditionCode', `payment condition ${r.paymentConditionCode} does not exist in division ${division}`, at);
    }
    if (r.accountContactID) {
      const contact = contacts.get(key(division, r.accountContactID));
      if (!contact || contact.accountID !== r.accountID) throw ruleError(PaymentRule.UNKNOWN_REFERENCE, 'accountContactID', `contact ${r.accountContactID} is not a contact of the supplier`, at);
    }
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
function checkBankIdentifiers(bank: BankAccount, field: string, at: { index?: number }): void {
  if (looksLikeIban(bank.bankAccount)) {
    const problem = ibanProblem(bank.bankAccount);
    if (problem) throw ruleError(PaymentRule.INVALID_IBAN, field, problem, at);
  }
  const bic = bicProblem(bank.bic);
  if (bic) throw ruleError(PaymentRule.INVALID_BIC, field, bic, at);
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

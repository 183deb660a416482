import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision } from './common';

/**
 * Allocation rules (Exact Online's "toewijzingsregels"): when every given word appears in a bank
 * line's texts, or the line's counterparty IBAN is the given one, the line is proposed for the
 * rule's account and G/L account (bank fees, rent, salaries, transfers between own accounts).
 */
export const ALLOCATION_RULES: CatalogTable = {
  name: 'AllocationRules',
  typeName: 'AllocationRule',
  labelEn: 'Allocation rules',
  labelNl: 'Toewijzingsregels',
  description:
    'Rules of bank reconciliation: a bank line whose texts hold all the Words (or whose counterparty IBAN is ' +
    'CounterpartyBankAccount; both when both are given) is proposed for the G/L account and account of the rule.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  // createAllocationRule, updateAllocationRule, deleteAllocationRule (scope reconciliation:write).
  allows: { read: true, insert: true, update: true, delete: true },
  columns: [
    ...idAndDivision('allocation rule'),
    col('Description', 'string', 'Description', 'Omschrijving', 'What the rule is for (e.g. Bank fees).', { length: 60, required: true }),
    col(
      'Words',
      'string',
      'Words',
      'Woorden',
      "Words separated by spaces that must all appear in the line's description, remittance information or counterparty name " +
        '(case and accents ignored); empty when the rule is on the IBAN only.',
      { length: 200 },
    ),
    col(
      'CounterpartyBankAccount',
      'string',
      'Counterparty IBAN',
      'IBAN tegenpartij',
      'IBAN (electronic form) the line must come from or go to; empty when the rule is on words only.',
      { length: 50 },
    ),
    col('Account', 'guid', 'Account', 'Relatie', 'Account the line is assigned to (optional).', { field: 'accountID' }),
    col('GLAccount', 'guid', 'G/L account', 'Grootboekrekening', 'G/L account the line is booked to.', {
      required: true,
      field: 'glAccountID',
    }),
    col('Priority', 'int32', 'Priority', 'Prioriteit', 'Order among rules: lower first; the first rule that applies wins.', {
      required: true,
    }),
    ...auditColumns(),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the rule.' },
    { name: 'account', table: 'Accounts', on: [['Account', 'ID']], kind: 'one', doc: 'Account the rule assigns.' },
    { name: 'glAccount', table: 'GLAccounts', on: [['GLAccount', 'ID']], kind: 'one', doc: 'G/L account the rule books to.' },
  ],
};

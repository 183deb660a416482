import { col } from '../column';
import { CatalogColumn, CatalogRelation, CatalogTable } from '../types';
import { idAndDivision, READ_ONLY } from './common';

/**
 * Reconciliation (issue 13): what settled each bank entry line. Every action on a line (accept a
 * proposal, link it by hand, book it to a G/L account, ignore it, match it automatically, undo)
 * is one ReconciliationActions row; the matches it made are ReconciliationMatches rows that name
 * the action; the proposals of the matching engine are kept in ReconciliationProposals with their
 * confidence and reasons; the per-division settings in ReconciliationSettings. Rows are written by
 * the reconciliation mutations only (READ_ONLY as tables) and never deleted: an undone action and
 * its matches keep their rows, with Undone and UndoneBy set.
 */
export const MONEY = { precision: 18, scale: 2 } as const;

/** The Part column of actions and matches: the part of a split line acted on (empty: the whole line). */
const partColumn = (what: string) =>
  col('Part', 'guid', 'Part', 'Deel', `The part of a split line ${what} (ReconciliationParts); empty for the whole line.`, {
    field: 'partID',
  });
const toPart = (doc: string): CatalogRelation => ({ name: 'part', table: 'ReconciliationParts', on: [['Part', 'ID']], kind: 'one', doc });

export const created = (): CatalogColumn[] => [
  col('Created', 'datetime', 'Created', 'Gemaakt', 'When the row was written.', { required: true }),
  col('Creator', 'guid', 'Creator', 'Aanmaker', 'User ID of who wrote it (the user of the import for automatic matches).', {
    field: 'creatorID',
  }),
];

export const undone = (what: string): CatalogColumn[] => [
  col('Undone', 'datetime', 'Undone', 'Ongedaan gemaakt', `When the ${what} was undone; empty while it holds.`),
  col('UndoneBy', 'guid', 'Undone by', 'Ongedaan gemaakt door', `User ID of who undid the ${what}.`, { field: 'undoneByID' }),
];

export const toLine = (doc: string): CatalogRelation => ({
  name: 'bankEntryLine',
  table: 'BankEntryLines',
  on: [['BankEntryLine', 'ID']],
  kind: 'one',
  doc,
});
export const toDivision = (what: string): CatalogRelation => ({
  name: 'division',
  table: 'Divisions',
  on: [['Division', 'Code']],
  kind: 'one',
  doc: `Division of the ${what}.`,
});
export const lineColumn = (doc: string) =>
  col('BankEntryLine', 'guid', 'Bank entry line', 'Bankboekingsregel', doc, { required: true, field: 'bankEntryLineID' });

export const RECONCILIATION_ACTIONS: CatalogTable = {
  name: 'ReconciliationActions',
  typeName: 'ReconciliationAction',
  labelEn: 'Reconciliation actions',
  labelNl: 'Afletteracties',
  description:
    'Who did what to a bank entry line and when: accepted a proposal (ACCEPT), matched it automatically (AUTO), linked it by hand ' +
    '(LINK), booked it to a G/L account (BOOK), ignored it (IGNORE), split it into parts (SPLIT) or undid an earlier action (UNDO). ' +
    'An action on a part of a split line names the part (Part). An undone action keeps its row with Undone and UndoneBy set.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('action'),
    lineColumn('The bank entry line acted on.'),
    partColumn('acted on'),
    col('ActionType', 'string', 'Action', 'Actie', 'ACCEPT, AUTO, LINK, BOOK, IGNORE, SPLIT or UNDO.', { length: 10, required: true }),
    col('Proposal', 'guid', 'Proposal', 'Voorstel', 'The proposal accepted (ACCEPT, AUTO).', { field: 'proposalID' }),
    col('UndoOf', 'guid', 'Undo of', 'Ongedaan maken van', 'The action an UNDO undid.', { field: 'undoOfID' }),
    col('Reason', 'string', 'Reason', 'Reden', 'Why the line was ignored (IGNORE), or a note of the user.', { length: 255 }),
    col(
      'PreviousStatus',
      'int16',
      'Previous status',
      'Vorige status',
      "The line's ReconciliationStatus before the action (empty: never looked at), restored by its undo.",
    ),
    col(
      'PreviousOpenAmountFC',
      'decimal',
      'Previous open amount',
      'Vorig open bedrag',
      "The line's OpenAmountFC before the action (empty: the whole amount), restored by its undo.",
      MONEY,
    ),
    ...created(),
    ...undone('action'),
  ],
  relations: [
    toDivision('action'),
    toLine('The bank entry line acted on.'),
    toPart('The part of a split line acted on.'),
    { name: 'matches', table: 'ReconciliationMatches', on: [['ID', 'Action']], kind: 'many', doc: 'The matches the action made.' },
    { name: 'parts', table: 'ReconciliationParts', on: [['ID', 'Action']], kind: 'many', doc: 'The parts a SPLIT made.' },
  ],
};

export const RECONCILIATION_MATCHES: CatalogTable = {
  name: 'ReconciliationMatches',
  typeName: 'ReconciliationMatch',
  labelEn: 'Reconciliation matches',
  labelNl: 'Afletteringen bankregels',
  description:
    'What a bank entry line settled, one row per item: a receivable (RECEIVABLE) or payment (PAYMENT) with the amount applied and ' +
    'the difference booked, a G/L account (GLACCOUNT), or the credit the excess of an over-payment became (CREDIT). AmountFC is in ' +
    "the line's sign, so the amounts of a line's matches add up to the part of the line that is settled.",
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('match'),
    col('Action', 'guid', 'Action', 'Actie', 'The action that made the match.', { required: true, field: 'actionID' }),
    lineColumn('The bank entry line that settled the item.'),
    partColumn('that settled the item'),
    col('MatchType', 'string', 'Match type', 'Afletteringssoort', 'RECEIVABLE, PAYMENT, GLACCOUNT or CREDIT.', {
      length: 10,
      required: true,
    }),
    col('Receivable', 'guid', 'Receivable', 'Debiteurpost', 'The receivable settled (RECEIVABLE) or made (CREDIT).', {
      field: 'receivableID',
    }),
    col('Payment', 'guid', 'Payment', 'Crediteurpost', 'The payment settled (PAYMENT).', { field: 'paymentID' }),
    col(
      'RemainderItem',
      'guid',
      'Remainder item',
      'Restpost',
      'For a partial match: the new open part that keeps the remaining amount (as a split makes it); removed again by the undo.',
      { field: 'remainderItemID' },
    ),
    col('Account', 'guid', 'Account', 'Relatie', 'The customer or supplier of the item.', { field: 'accountID' }),
    col('GLAccount', 'guid', 'G/L account', 'Grootboekrekening', 'The G/L account booked (GLACCOUNT) or the payment difference account.', {
      field: 'glAccountID',
    }),
    col('AmountFC', 'decimal', 'Amount', 'Bedrag', "Part of the line applied, in the line's currency and sign.", {
      ...MONEY,
      required: true,
    }),
    col(
      'DifferenceFC',
      'decimal',
      'Payment difference',
      'Betalingsverschil',
      "Difference booked to the payment difference G/L account (GLAccount), in the line's sign: the item's amount minus the " +
        'amount applied, within the division tolerance.',
      MONEY,
    ),
    col(
      'PreviousValues',
      'string',
      'Previous values',
      'Vorige waarden',
      'The columns of the item the match changed, as they were before (JSON by Exact column name): what the undo restores.',
      { length: 2000 },
    ),
    ...created(),
    ...undone('match'),
  ],
  relations: [
    toDivision('match'),
    toLine('The bank entry line that settled the item.'),
    toPart('The part of a split line that settled the item.'),
    { name: 'action', table: 'ReconciliationActions', on: [['Action', 'ID']], kind: 'one', doc: 'The action that made the match.' },
    { name: 'receivable', table: 'Receivables', on: [['Receivable', 'ID']], kind: 'one', doc: 'The receivable settled or made.' },
    { name: 'payment', table: 'Payments', on: [['Payment', 'ID']], kind: 'one', doc: 'The payment settled.' },
    { name: 'glAccount', table: 'GLAccounts', on: [['GLAccount', 'ID']], kind: 'one', doc: 'The G/L account booked.' },
    { name: 'account', table: 'Accounts', on: [['Account', 'ID']], kind: 'one', doc: 'The customer or supplier.' },
  ],
};

export const RECONCILIATION_PROPOSALS: CatalogTable = {
  name: 'ReconciliationProposals',
  typeName: 'ReconciliationProposal',
  labelEn: 'Reconciliation proposals',
  labelNl: 'Afletteringsvoorstellen',
  description:
    'What the matching engine proposes for a bank entry line, best first (Rank 1), with its Confidence (0 to 1) and the Reasons ' +
    '(which rule, which fields agreed). Proposals of a line are replaced when it is proposed again; an accepted one keeps its row.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('proposal'),
    lineColumn('The bank entry line the proposal is for.'),
    col('Rank', 'int32', 'Rank', 'Rang', "1 for the line's best proposal, then 2, 3, ...", { required: true }),
    col('MatchType', 'string', 'Match type', 'Afletteringssoort', 'RECEIVABLES, PAYMENTS, BATCH or GLACCOUNT.', {
      length: 12,
      required: true,
    }),
    col(
      'Items',
      'string',
      'Items',
      'Posten',
      'The open items proposed with the amount applied to each (JSON list of {id, amountFC}; amounts in the sign of the item).',
      { length: 4000, required: true },
    ),
    col('Account', 'guid', 'Account', 'Relatie', 'The counterparty the engine decided.', { field: 'accountID' }),
    col('GLAccount', 'guid', 'G/L account', 'Grootboekrekening', 'The G/L account proposed (GLACCOUNT).', { field: 'glAccountID' }),
    col('DifferenceFC', 'decimal', 'Difference', 'Verschil', "The line's amount minus what the items settle.", {
      ...MONEY,
      required: true,
    }),
    col('Confidence', 'decimal', 'Confidence', 'Zekerheid', 'How sure the engine is, from 0 to 1.', {
      precision: 5,
      scale: 4,
      required: true,
    }),
    col('Reasons', 'string', 'Reasons', 'Redenen', 'Why: JSON list of {rule, fields, detail}.', { length: 4000, required: true }),
    col('Status', 'string', 'Status', 'Status', 'PROPOSED, ACCEPTED or SUPERSEDED (a newer proposal or a match replaced it).', {
      length: 10,
      required: true,
    }),
    ...created(),
  ],
  relations: [toDivision('proposal'), toLine('The bank entry line the proposal is for.')],
};

export const RECONCILIATION_SETTINGS: CatalogTable = {
  name: 'ReconciliationSettings',
  typeName: 'ReconciliationSetting',
  labelEn: 'Reconciliation settings',
  labelNl: 'Afletterinstellingen',
  description:
    'Per division: the confidence from which proposals are applied automatically, the largest payment difference that may be ' +
    'booked, and the G/L account it is booked to. A division without a row uses the defaults (threshold 0.9, tolerance 0.00).',
  partitionColumn: 'Division',
  primaryKey: 'Division',
  allows: READ_ONLY,
  columns: [
    col('Division', 'int32', 'Division', 'Divisie', 'Division code.', { required: true, field: 'divisionCode' }),
    col('AutoApplyThreshold', 'decimal', 'Automatic threshold', 'Drempel automatisch', 'Proposals from this confidence on are applied.', {
      precision: 5,
      scale: 4,
      required: true,
    }),
    col('ToleranceFC', 'decimal', 'Tolerance', 'Tolerantie', 'Largest payment difference (absolute) that may be booked.', {
      ...MONEY,
      required: true,
    }),
    col(
      'PaymentDifferenceGLAccount',
      'guid',
      'Payment difference G/L account',
      'Grootboekrekening betalingsverschillen',
      'Where payment differences are booked (transaction type 83, Payment difference).',
      { field: 'paymentDifferenceGLAccountID' },
    ),
    col('Modified', 'datetime', 'Modified', 'Gewijzigd', 'Last modified date.', { required: true }),
    col('Modifier', 'guid', 'Modifier', 'Wijziger', 'User ID of modifier.', { field: 'modifierID' }),
  ],
  relations: [
    toDivision('settings'),
    {
      name: 'paymentDifferenceGLAccount',
      table: 'GLAccounts',
      on: [['PaymentDifferenceGLAccount', 'ID']],
      kind: 'one',
      doc: 'The payment difference G/L account.',
    },
  ],
};

import { col } from '../column';
import { CatalogTable } from '../types';
import { READ_ONLY } from './common';
import { entryColumns, lineAuditColumns, lineColumns, lineRelations } from './financial-entries.common';

export const BANK_ENTRIES: CatalogTable = {
  name: 'BankEntries',
  typeName: 'BankEntry',
  labelEn: 'Bank entries',
  labelNl: 'Bankboekingen',
  description:
    'What an imported bank statement becomes (Exact Online FinancialTransaction/BankEntries): one entry per statement of an own ' +
    'bank account, in the bank journal of that account. Opening balance plus the lines is the closing balance; the opening ' +
    "balance equals the closing balance of the journal's previous entry (a difference is stored only when accepted, in BalanceGapFC).",
  partitionColumn: 'Division',
  primaryKey: 'EntryID',
  allows: READ_ONLY,
  columns: [
    ...entryColumns('bank'),
    col('BankAccountID', 'guid', 'Own bank account ID', 'Bankrekening ID', "The own bank account the statement is about (the journal's).", {
      required: true,
    }),
    col('BankAccountNumber', 'string', 'Own bank account number', 'Bankrekeningnummer', 'IBAN (or other number) of the own bank account.', {
      length: 50,
      derived: { relation: 'bankAccount', column: 'BankAccount' },
    }),
    col(
      'StatementNumber',
      'string',
      'Statement number',
      'Afschriftnummer',
      'Number of the statement as the bank gives it (CODA restarts it every year, so it is unique per FinancialYear).',
      { length: 35 },
    ),
    col(
      'OpeningBalanceDate',
      'datetime',
      'Opening balance date',
      'Datum beginsaldo',
      'Date of the opening balance as the statement gives it, if it does.',
    ),
    col(
      'BalanceGapFC',
      'decimal',
      'Balance gap',
      'Saldoverschil',
      "Opening balance minus the closing balance of the journal's previous entry, when they differ (a statement is missing): " +
        'stored only when the import accepted the gap; empty when the balances connect.',
      { precision: 18, scale: 2 },
    ),
    col(
      'BankStatementDocument',
      'guid',
      'Bank statement document',
      'Document bankafschrift',
      'Document holding the imported statement file.',
      { field: 'bankStatementDocumentID' },
    ),
    col(
      'BankStatementDocumentNumber',
      'int32',
      'Bank statement document number',
      'Documentnummer bankafschrift',
      'Number of the document holding the statement file.',
      { derived: { relation: 'bankStatementDocument', column: 'DocumentNumber' } },
    ),
    col(
      'BankStatementDocumentSubject',
      'string',
      'Bank statement document subject',
      'Onderwerp document bankafschrift',
      'Subject of the document holding the statement file.',
      { length: 256, derived: { relation: 'bankStatementDocument', column: 'Subject' } },
    ),
    col(
      'StatementHash',
      'string',
      'Statement hash',
      'Afschrifthash',
      'SHA-256 of the statement as stored (header and lines): a statement sent again is recognised by it and stored once.',
      { length: 64, required: true },
    ),
    col(
      'FileHash',
      'string',
      'File hash',
      'Bestandshash',
      'SHA-256 of the statement file the entry was imported from: the same file sent again is recognised by it.',
      { length: 64 },
    ),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the entry.' },
    { name: 'journal', table: 'Journals', on: [['JournalCode', 'Code']], kind: 'one', doc: 'Bank journal of the entry.' },
    {
      name: 'bankAccount',
      table: 'BankAccounts',
      on: [['BankAccountID', 'ID']],
      kind: 'one',
      doc: 'The own bank account of the statement.',
    },
    {
      name: 'bankStatementDocument',
      table: 'Documents',
      on: [['BankStatementDocument', 'ID']],
      kind: 'one',
      doc: 'Document holding the statement file.',
    },
    { name: 'lines', table: 'BankEntryLines', on: [['EntryID', 'EntryID']], kind: 'many', doc: 'Lines (transactions) of the statement.' },
  ],
};

export const BANK_ENTRY_LINES: CatalogTable = {
  name: 'BankEntryLines',
  typeName: 'BankEntryLine',
  labelEn: 'Bank entry lines',
  labelNl: 'Bankboekingsregels',
  description:
    'The transactions of bank statements (Exact Online FinancialTransaction/BankEntryLines), with what the statement tells about ' +
    "each: the counterparty, its IBAN and BIC, structured and unstructured remittance information, references and the bank's code.",
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...lineColumns('bank'),
    col('ValueDate', 'datetime', 'Value date', 'Valutadatum', 'Value date of the movement (interest counts from it).'),
    col('CounterpartyName', 'string', 'Counterparty name', 'Naam tegenpartij', 'Name of the other party as the bank gives it.', {
      length: 140,
    }),
    col(
      'CounterpartyBankAccount',
      'string',
      'Counterparty bank account',
      'Rekening tegenpartij',
      'Account of the other party: an IBAN in electronic form, or another account number as the bank writes it.',
      { length: 50 },
    ),
    col('CounterpartyBIC', 'string', 'Counterparty BIC', 'BIC tegenpartij', "BIC of the other party's bank.", { length: 11 }),
    col(
      'PaymentReference',
      'string',
      'Payment reference',
      'Betalingskenmerk',
      'Structured remittance information: a Belgian structured communication (12 digits), an ISO 11649 RF reference ' +
        'or another creditor reference.',
      { length: 35 },
    ),
    col(
      'RemittanceInformation',
      'string',
      'Remittance information',
      'Mededeling',
      'Unstructured remittance information (the free communication).',
      { length: 1000 },
    ),
    col(
      'EndToEndID',
      'string',
      'End-to-end ID',
      'End-to-end ID',
      'SEPA end-to-end identification: for a payment the gateway made, the EndToEndId of its pain.001 file.',
      { length: 35 },
    ),
    col(
      'BankReference',
      'string',
      'Bank reference',
      'Bankreferentie',
      "The bank's own reference of the movement (CAMT AcctSvcrRef, CODA bank reference, MT940 reference after //).",
      { length: 35 },
    ),
    col(
      'BankTransactionCode',
      'string',
      'Bank transaction code',
      'Transactiecode bank',
      "The bank's code of the kind of movement: ISO domain/family/subfamily, the CODA code, a proprietary or SWIFT code.",
      { length: 35 },
    ),
    col(
      'SourceLine',
      'string',
      'Source line',
      'Bronregel',
      'Where the line is in the statement file: its line number (CODA, MT940) or XML path (CAMT).',
      { length: 255 },
    ),
    col(
      'ReconciliationStatus',
      'int16',
      'Reconciliation status',
      'Afletterstatus',
      'Where the line stands in reconciliation: empty or 10 Open, 20 Proposed (waits on the processing list), 30 Split (its ' +
        'parts wait), 50 Matched, 60 Ignored (docs/reconciliation.md).',
    ),
    col(
      'OpenAmountFC',
      'decimal',
      'Open amount',
      'Open bedrag',
      'Part of the line not yet settled (an over-payment that stays on the line); empty while nothing is settled (the whole AmountFC).',
      { precision: 18, scale: 2 },
    ),
    ...lineAuditColumns(),
  ],
  relations: [
    ...lineRelations(),
    { name: 'entry', table: 'BankEntries', on: [['EntryID', 'EntryID']], kind: 'one', doc: 'The bank entry (statement) of the line.' },
    {
      name: 'reconciliationProposals',
      table: 'ReconciliationProposals',
      on: [['ID', 'BankEntryLine']],
      kind: 'many',
      doc: 'What the matching engine proposes for the line (best first by Rank).',
    },
    {
      name: 'reconciliationMatches',
      table: 'ReconciliationMatches',
      on: [['ID', 'BankEntryLine']],
      kind: 'many',
      doc: 'What the line settled (undone matches included, with Undone set).',
    },
    {
      name: 'reconciliationParts',
      table: 'ReconciliationParts',
      on: [['ID', 'BankEntryLine']],
      kind: 'many',
      doc: 'The parts of a split line, each settled on its own (those of an undone split included, with Undone set).',
    },
  ],
};

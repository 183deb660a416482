import { col } from '../column';
import { CatalogColumn } from '../types';

/**
 * The columns of Exact Online's Cashflow Receivables table (the incoming open items), in the
 * order of Exact's REST reference (shared/reference/incoming.md). Column names are Exact's,
 * `field` the GraphQL name. As for Payments: amounts are exact DECIMAL (Exact sends doubles), and
 * names, codes and descriptions of related rows are derived through `derived.relation`, never
 * stored. The direct debit mandate columns are stored: the gateway has no mandate table yet.
 */
const money = { precision: 18, scale: 2 };
const of = (relation: string, column: string) => ({ derived: { relation, column } });
const DOCS = {
  batchCode:
    'When processing receivables, all receivables with the same processing data are put in a batch. ' +
    'This field contains the code of that batch.',
  contact:
    'Contact person copied from the sales invoice linked to the related sales entry. ' +
    'Used as preferred contact when sending reminders.',
  currency:
    'The currency of the receivable. This currency can only deviate from the division currency ' +
    'if the module Currency is in the license.',
  entryID:
    'The unique identifier for a set of receivables. A receivable can be split so that one part is received on a different date. ' +
    'In that case the two records get a different EntryID.',
  reference:
    'Payment reference of the receivable. For a Belgian customer the structured communication (OGM/VCS, +++123/4567/89002+++) ' +
    'of the invoice, generated when none is given, by which the bank transaction is matched.',
  batchNumber:
    'Number assigned during the processing of receivables: each batch of the bank export file gets a sequence number, ' +
    'stored for each receivable in that batch.',
  status: 'The status of the receivable: 20 Open, 30 Selected (for collection), 40 Processed (collection file made), 50 Matched.',
  yourRef:
    'Invoice number. In case the receivable belongs to a bank entry line and is matched with one invoice, ' +
    'YourRef is filled with the YourRef of this invoice.',
};

export const RECEIVABLE_COLUMNS: readonly CatalogColumn[] = [
  col('Account', 'guid', 'Customer', 'Klant', 'The customer from whom the receivable will come.', { field: 'accountID', required: true }),
  col(
    'AccountBankAccountID',
    'guid',
    'Customer bank account ID',
    'Bankrekening ID klant',
    'The bank account of the customer, from which the receivable will come (collected from, for a direct debit).',
  ),
  col(
    'AccountBankAccountNumber',
    'string',
    'Customer bank account number',
    'Bankrekeningnummer klant',
    'The bank account number of the customer, from which the receivable will come.',
    { length: 50, ...of('accountBankAccount', 'BankAccount') },
  ),
  col('AccountCode', 'string', 'Customer code', 'Klantcode', 'The code of the customer from whom the receivable will come.', {
    length: 18,
    ...of('account', 'Code'),
  }),
  col('AccountContact', 'guid', 'Customer contact', 'Contactpersoon klant', DOCS.contact, { field: 'accountContactID' }),
  col('AccountContactName', 'string', 'Customer contact name', 'Naam contactpersoon klant', 'Name of the contact person of the customer.', {
    length: 100,
    ...of('accountContact', 'FullName'),
  }),
  col('AccountName', 'string', 'Customer name', 'Klantnaam', 'Name of the customer.', { length: 50, ...of('account', 'Name') }),
  col(
    'AmountDC',
    'decimal',
    'Amount (division currency)',
    'Bedrag administratievaluta',
    'The amount in default currency (division currency). Receivables are matched on this amount.',
    { ...money, required: true },
  ),
  col(
    'AmountDiscountDC',
    'decimal',
    'Discount amount (division currency)',
    'Kortingsbedrag (divisievaluta)',
    'The amount of the discount in the default currency.',
    money,
  ),
  col(
    'AmountDiscountFC',
    'decimal',
    'Discount amount (foreign currency)',
    'Kortingsbedrag (vreemde valuta)',
    'The amount of the discount. This is in the amount of the selected currency.',
    money,
  ),
  col(
    'AmountFC',
    'decimal',
    'Amount (foreign currency)',
    'Bedrag vreemde valuta',
    'The amount of the receivable. This is in the amount of the selected currency.',
    { ...money, required: true },
  ),
  col('BankAccountID', 'guid', 'Own bank account ID', 'Bankrekening ID', 'Own bank account on which the receivable will come.'),
  col(
    'BankAccountNumber',
    'string',
    'Own bank account number',
    'Bankrekeningnummer',
    'Own bank account number on which the receivable will come.',
    { length: 50, ...of('bankAccount', 'BankAccount') },
  ),
  col('CashflowTransactionBatchCode', 'string', 'Cash flow transaction batch code', 'Kasstroom transactie batchcode', DOCS.batchCode, {
    length: 30,
  }),
  col('Created', 'datetime', 'Created', 'Gemaakt', 'Creation date.', { required: true }),
  col('Creator', 'guid', 'Creator', 'Aanmaker', 'User ID of creator.', { field: 'creatorID', required: true }),
  col('CreatorFullName', 'string', 'Creator full name', 'Volledige naam aanmaker', 'Name of the creator.', {
    length: 240,
    ...of('creator', 'FullName'),
  }),
  col('Currency', 'string', 'Currency', 'Valuta', DOCS.currency, { length: 30, required: true }),
  col(
    'Description',
    'string',
    'Description',
    'Omschrijving',
    'Extra description for the receivable that may be included in the bank export file.',
    { length: 255 },
  ),
  col('DirectDebitMandate', 'guid', 'Direct debit mandate', 'Incassomachtiging', 'Direct debit mandate used to collect the receivable.', {
    field: 'directDebitMandateID',
  }),
  col(
    'DirectDebitMandateDescription',
    'string',
    'Mandate description',
    'Omschrijving machtiging',
    'Description of the direct debit mandate.',
    { length: 100 },
  ),
  col(
    'DirectDebitMandatePaymentType',
    'int16',
    'Mandate payment type',
    'Betalingstype machtiging',
    'Payment type of the direct debit mandate: 0 one-off, 1 recurrent.',
  ),
  col(
    'DirectDebitMandateReference',
    'string',
    'Mandate reference',
    'Kenmerk machtiging',
    'Unique reference of the direct debit mandate (SEPA MndtId, at most 35 characters).',
    { length: 35 },
  ),
  col('DirectDebitMandateType', 'int16', 'Mandate type', 'Type machtiging', 'Type of the direct debit mandate: 0 Core, 1 B2B.'),
  col(
    'DiscountDueDate',
    'datetime',
    'Discount due date',
    'Vervaldatum korting',
    'Date before which the customer must pay to be eligible for the discount.',
  ),
  col('Division', 'int32', 'Division', 'Divisie', 'Division code.', { field: 'divisionCode', required: true }),
  col(
    'Document',
    'guid',
    'Document',
    'Document',
    'Document that is created when processing collections. The bank export file is attached to the document.',
    { field: 'documentID' },
  ),
  col('DocumentNumber', 'int32', 'Document number', 'Documentnummer', 'Number of the document.', of('document', 'DocumentNumber')),
  col('DocumentSubject', 'string', 'Document subject', 'Onderwerp document', 'Subject of the document.', {
    length: 256,
    ...of('document', 'Subject'),
  }),
  col('DueDate', 'datetime', 'Due date', 'Vervaldatum', 'Date before which the customer must pay.', { required: true }),
  col(
    'EndDate',
    'datetime',
    'End date',
    'Einddatum',
    'Date since when the receivable is no longer an outstanding item. This is the highest invoice date of all matched receivables.',
  ),
  col(
    'EndPeriod',
    'int16',
    'End period',
    'Eindperiode',
    'Period since when the receivable is no longer an outstanding item. This is the highest period of all matched receivables.',
  ),
  col('EndToEndID', 'string', 'End-to-end ID', 'End-to-end-ID', 'The SEPA EndToEndId used when collecting the receivable.', {
    field: 'endToEndID',
    length: 35,
  }),
  col(
    'EndYear',
    'int16',
    'End year',
    'Eindjaar',
    'Year (of period) since when the receivable is no longer an outstanding item. Used in combination with EndPeriod.',
  ),
  col('EntryDate', 'datetime', 'Entry date', 'Boekdatum', 'Processing date of the receivable.'),
  col('EntryID', 'guid', 'Entry ID', 'Boeking ID', DOCS.entryID, { required: true }),
  col('EntryNumber', 'int32', 'Entry number', 'Boekingnummer', 'Entry number of the linked transaction.'),
  col('GLAccount', 'guid', 'G/L account', 'Grootboekrekening', 'G/L account of the receivable. Must be of type 20 (Accounts receivable).', {
    field: 'glAccountID',
    required: true,
  }),
  col('GLAccountCode', 'string', 'G/L account code', 'Grootboekrekeningcode', 'Code of the G/L account.', {
    length: 30,
    ...of('glAccount', 'Code'),
  }),
  col('GLAccountDescription', 'string', 'G/L account description', 'Omschrijving grootboekrekening', 'Description of the G/L account.', {
    length: 60,
    ...of('glAccount', 'Description'),
  }),
  col('ID', 'guid', 'ID', 'ID', 'Identifier of the receivable.', { required: true }),
  col('InvoiceDate', 'datetime', 'Invoice date', 'Factuurdatum', 'Invoice date of the linked transaction.', { required: true }),
  col('InvoiceNumber', 'int32', 'Invoice number', 'Factuurnummer', 'Invoice number of the linked transaction.'),
  col(
    'IsBatchBooking',
    'int16',
    'Is batch booking',
    'Is batchboeking',
    'Whether the receivable is part of a batch booking (1) or not (0).',
  ),
  col('IsFullyPaid', 'boolean', 'Is fully paid', 'Volledig betaald', 'Whether the customer has paid the receivable in full.'),
  col('Journal', 'string', 'Journal', 'Dagboek', 'Journal of the linked transaction.', {
    field: 'journalCode',
    length: 20,
    required: true,
  }),
  col('JournalDescription', 'string', 'Journal description', 'Dagboekomschrijving', 'Description of the journal.', {
    length: 60,
    ...of('journal', 'Description'),
  }),
  col('LastPaymentDate', 'datetime', 'Last payment date', 'Laatste betaaldatum', 'Date of the last payment received for the receivable.'),
  col('Modified', 'datetime', 'Modified', 'Gewijzigd', 'Last modified date.', { required: true }),
  col('Modifier', 'guid', 'Modifier', 'Wijziger', 'User ID of modifier.', { field: 'modifierID', required: true }),
  col('ModifierFullName', 'string', 'Modifier full name', 'Volledige naam wijziger', 'Name of modifier.', {
    length: 240,
    ...of('modifier', 'FullName'),
  }),
  col('PaymentCondition', 'string', 'Payment condition', 'Betalingsvoorwaarde', 'Payment condition of the linked transaction.', {
    field: 'paymentConditionCode',
    length: 2,
  }),
  col(
    'PaymentConditionDescription',
    'string',
    'Payment condition description',
    'Omschrijving betalingsvoorwaarde',
    'Description of the payment condition.',
    { length: 60, ...of('paymentCondition', 'Description') },
  ),
  col('PaymentDays', 'int32', 'Payment days', 'Betalingsdagen', 'Number of days between invoice date and due date.'),
  col(
    'PaymentDaysDiscount',
    'int32',
    'Payment discount days',
    'Kortingsdagen betaling',
    'Number of days between invoice date and due date of the discount.',
  ),
  col(
    'PaymentDiscountPercentage',
    'decimal',
    'Payment discount percentage',
    'Kortingspercentage betaling',
    'Payment discount percentage.',
    { precision: 9, scale: 4 },
  ),
  col(
    'PaymentInformationID',
    'string',
    'Payment information ID',
    'Betalingsinformatie-ID',
    'The SEPA PmtInfId of the collection the receivable was processed in.',
    { field: 'paymentInformationID', length: 35 },
  ),
  col(
    'PaymentMethod',
    'string',
    'Payment method',
    'Betalingsmethode',
    'Method of payment. B = On credit (default), I = Collection (direct debit), K = Cash, V = Credit card.',
    { length: 1, required: true },
  ),
  col('PaymentReference', 'string', 'Payment reference', 'Betalingskenmerk', DOCS.reference, { length: 60 }),
  col(
    'RateFC',
    'decimal',
    'Exchange rate',
    'Wisselkoers vreemde valuta',
    'Exchange rate from receivable currency to division currency. AmountFC * RateFC = AmountDC.',
    { precision: 18, scale: 8, required: true },
  ),
  col('ReceivableBatchNumber', 'int32', 'Receivable batch number', 'Batchnummer vordering', DOCS.batchNumber),
  col(
    'ReceivableSelected',
    'datetime',
    'Receivable selected',
    'Vordering geselecteerd',
    'Date and time since when the receivable is selected to be collected.',
  ),
  col('ReceivableSelector', 'guid', 'Receivable selector', 'Selecteerder vordering', 'User who selected the receivable to be collected.', {
    field: 'receivableSelectorID',
  }),
  col(
    'ReceivableSelectorFullName',
    'string',
    'Receivable selector full name',
    'Volledige naam selecteerder vordering',
    'Name of the receivable selector.',
    { length: 240, ...of('receivableSelector', 'FullName') },
  ),
  col('Source', 'int32', 'Source', 'Bron', 'The source of the receivable: 1 Manual, 2 Reconcile, 3 Match, 4 Import, 5 Process.', {
    required: true,
  }),
  col('Status', 'int16', 'Status', 'Status', DOCS.status, { required: true }),
  col(
    'TransactionAmountDC',
    'decimal',
    'Transaction amount (division currency)',
    'Transactiebedrag administratievaluta',
    'Total amount of the linked transaction in default currency (division currency).',
    money,
  ),
  col(
    'TransactionAmountFC',
    'decimal',
    'Transaction amount (foreign currency)',
    'Transactiebedrag vreemde valuta',
    'Total amount of the linked transaction in the selected currency.',
    money,
  ),
  col('TransactionDueDate', 'datetime', 'Transaction due date', 'Vervaldatum transactie', 'Due date of the linked transaction.'),
  col('TransactionEntryID', 'guid', 'Transaction entry ID', 'Mutatie invoer-ID', 'Linked transaction (the sales entry).', {
    field: 'transactionEntryID',
  }),
  col(
    'TransactionID',
    'guid',
    'Transaction ID',
    'Transactie-ID',
    'Linked transaction line. Use this as reference to BankEntryLines and CashEntryLines.',
    { field: 'transactionID' },
  ),
  col(
    'TransactionIsReversal',
    'boolean',
    'Transaction is reversal',
    'Transactie is terugboeking',
    'Indicates if the linked transaction is a reversal entry.',
  ),
  col(
    'TransactionReportingPeriod',
    'int16',
    'Transaction reporting period',
    'Rapportageperiode transactie',
    'Period of the linked transaction.',
  ),
  col('TransactionReportingYear', 'int16', 'Transaction reporting year', 'Rapportagejaar transactie', 'Year of the linked transaction.'),
  col('TransactionStatus', 'int16', 'Transaction status', 'Transactiestatus', 'Status of the linked transaction.'),
  col(
    'TransactionType',
    'int32',
    'Transaction type',
    'Transactiesoort',
    'Type of the linked transaction (20 Sales entry, 21 Sales credit note, ...).',
  ),
  col('YourRef', 'string', 'Your reference', 'Uw referentie', DOCS.yourRef, { length: 30 }),
];

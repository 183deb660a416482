import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from './column-types';

/** The Cashflow tables as of the foundation: every stored catalog column and its indexes. */
export class Initial1763740800000 implements MigrationInterface {
  name = 'Initial1763740800000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'Payments',
        columns: [
          column(qr, 'Account', 'guid', { nullable: false }),
          column(qr, 'AccountBankAccountID', 'guid', { nullable: true }),
          column(qr, 'AccountContact', 'guid', { nullable: true }),
          column(qr, 'AmountDC', 'decimal', { precision: 18, scale: 2, nullable: false }),
          column(qr, 'AmountDiscountDC', 'decimal', { precision: 18, scale: 2, nullable: true }),
          column(qr, 'AmountDiscountFC', 'decimal', { precision: 18, scale: 2, nullable: true }),
          column(qr, 'AmountFC', 'decimal', { precision: 18, scale: 2, nullable: false }),
          column(qr, 'BankAccountID', 'guid', { nullable: true }),
          column(qr, 'CashflowTransactionBatchCode', 'string', { length: 30, nullable: true }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'CreatedUtc', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: false }),
          column(qr, 'Currency', 'string', { length: 30, nullable: false }),
          column(qr, 'Description', 'string', { length: 255, nullable: true }),
          column(qr, 'DiscountDueDate', 'datetime', { nullable: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Document', 'guid', { nullable: true }),
          column(qr, 'DueDate', 'datetime', { nullable: false }),
          column(qr, 'EndDate', 'datetime', { nullable: true }),
          column(qr, 'EndPeriod', 'int16', { nullable: true }),
          column(qr, 'EndYear', 'int16', { nullable: true }),
          column(qr, 'EntryDate', 'datetime', { nullable: true }),
          column(qr, 'EntryID', 'guid', { nullable: false }),
          column(qr, 'EntryNumber', 'int32', { nullable: true }),
          column(qr, 'GLAccount', 'guid', { nullable: false }),
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'InvoiceDate', 'datetime', { nullable: false }),
          column(qr, 'InvoiceNumber', 'int32', { nullable: true }),
          column(qr, 'IsBatchBooking', 'int16', { nullable: true }),
          column(qr, 'Journal', 'string', { length: 20, nullable: false }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'ModifiedUtc', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: false }),
          column(qr, 'PaymentBatchNumber', 'int32', { nullable: true }),
          column(qr, 'PaymentCondition', 'string', { length: 2, nullable: true }),
          column(qr, 'PaymentDays', 'int32', { nullable: true }),
          column(qr, 'PaymentDaysDiscount', 'int32', { nullable: true }),
          column(qr, 'PaymentDiscountPercentage', 'decimal', { precision: 9, scale: 4, nullable: true }),
          column(qr, 'PaymentMethod', 'string', { length: 1, nullable: false }),
          column(qr, 'PaymentReference', 'string', { length: 60, nullable: true }),
          column(qr, 'PaymentSelected', 'datetime', { nullable: true }),
          column(qr, 'PaymentSelector', 'guid', { nullable: true }),
          column(qr, 'RateFC', 'decimal', { precision: 18, scale: 8, nullable: false }),
          column(qr, 'Source', 'int32', { nullable: false }),
          column(qr, 'Status', 'int16', { nullable: false }),
          column(qr, 'TransactionAmountDC', 'decimal', { precision: 18, scale: 2, nullable: true }),
          column(qr, 'TransactionAmountFC', 'decimal', { precision: 18, scale: 2, nullable: true }),
          column(qr, 'TransactionDueDate', 'datetime', { nullable: true }),
          column(qr, 'TransactionEntryID', 'guid', { nullable: true }),
          column(qr, 'TransactionID', 'guid', { nullable: true }),
          column(qr, 'TransactionIsReversal', 'boolean', { nullable: true }),
          column(qr, 'TransactionReportingPeriod', 'int16', { nullable: true }),
          column(qr, 'TransactionReportingYear', 'int16', { nullable: true }),
          column(qr, 'TransactionStatus', 'int16', { nullable: true }),
          column(qr, 'TransactionType', 'int32', { nullable: true }),
          column(qr, 'YourRef', 'string', { length: 30, nullable: true }),
          { name: 'Version', type: 'int', isNullable: false, default: 1 },
        ],
        indices: [
          new TableIndex({ name: 'IX_Payments_Division_Status_DueDate', columnNames: ['Division', 'Status', 'DueDate'] }),
          new TableIndex({ name: 'IX_Payments_Division_DueDate', columnNames: ['Division', 'DueDate'] }),
          new TableIndex({ name: 'IX_Payments_Division_Account', columnNames: ['Division', 'Account'] }),
          new TableIndex({
            name: 'IX_Payments_Division_CashflowTransactionBatchCode',
            columnNames: ['Division', 'CashflowTransactionBatchCode'],
          }),
          new TableIndex({ name: 'IX_Payments_Division_GLAccount', columnNames: ['Division', 'GLAccount'] }),
          new TableIndex({ name: 'IX_Payments_Division_EntryID', columnNames: ['Division', 'EntryID'] }),
          new TableIndex({ name: 'IX_Payments_Division_InvoiceDate', columnNames: ['Division', 'InvoiceDate'] }),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'Divisions',
        columns: [
          column(qr, 'Code', 'int32', { nullable: false, primary: true }),
          column(qr, 'Description', 'string', { length: 50, nullable: false }),
          column(qr, 'CompanyName', 'string', { length: 50, nullable: true }),
          column(qr, 'Label', 'string', { length: 128, nullable: true }),
          column(qr, 'ShortName', 'int64', { nullable: true }),
          column(qr, 'Currency', 'string', { length: 3, nullable: false }),
          column(qr, 'Country', 'string', { length: 2, nullable: false }),
          column(qr, 'VATNumber', 'string', { length: 35, nullable: true }),
          column(qr, 'ChamberOfCommerceNumber', 'string', { length: 60, nullable: true }),
          column(qr, 'RSIN', 'string', { length: 9, nullable: true }),
          column(qr, 'WageTaxNumber', 'string', { length: 60, nullable: true }),
          column(qr, 'IBAN', 'string', { length: 50, nullable: true }),
          column(qr, 'BIC', 'string', { length: 11, nullable: true }),
          column(qr, 'OwnerCompanyName', 'string', { length: 50, nullable: true }),
          column(qr, 'OwnerCompanyNumber', 'string', { length: 18, nullable: true }),
          column(qr, 'Status', 'int16', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
        ],
        indices: [],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'GLAccounts',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Code', 'string', { length: 30, nullable: false }),
          column(qr, 'Description', 'string', { length: 60, nullable: false }),
          column(qr, 'Type', 'int32', { nullable: false }),
          column(qr, 'BalanceSide', 'string', { length: 1, nullable: false }),
          column(qr, 'BalanceType', 'string', { length: 1, nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'IX_GLAccounts_Division_Code', columnNames: ['Division', 'Code'], isUnique: true }),
          new TableIndex({ name: 'IX_GLAccounts_Division_Type', columnNames: ['Division', 'Type'] }),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'Accounts',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Code', 'string', { length: 18, nullable: false }),
          column(qr, 'Name', 'string', { length: 50, nullable: false }),
          column(qr, 'IsSupplier', 'boolean', { nullable: false }),
          column(qr, 'IsSales', 'boolean', { nullable: false }),
          column(qr, 'VATNumber', 'string', { length: 35, nullable: true }),
          column(qr, 'ChamberOfCommerce', 'string', { length: 30, nullable: true }),
          column(qr, 'Country', 'string', { length: 2, nullable: true }),
          column(qr, 'City', 'string', { length: 50, nullable: true }),
          column(qr, 'Email', 'string', { length: 100, nullable: true }),
          column(qr, 'Status', 'string', { length: 1, nullable: true }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'IX_Accounts_Division_Code', columnNames: ['Division', 'Code'], isUnique: true }),
          new TableIndex({ name: 'IX_Accounts_Division_Name', columnNames: ['Division', 'Name'] }),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'Contacts',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Account', 'guid', { nullable: false }),
          column(qr, 'FirstName', 'string', { length: 50, nullable: true }),
          column(qr, 'LastName', 'string', { length: 50, nullable: false }),
          column(qr, 'FullName', 'string', { length: 100, nullable: false }),
          column(qr, 'Email', 'string', { length: 100, nullable: true }),
          column(qr, 'Phone', 'string', { length: 30, nullable: true }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
        ],
        indices: [new TableIndex({ name: 'IX_Contacts_Division_Account', columnNames: ['Division', 'Account'] })],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'BankAccounts',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Account', 'guid', { nullable: true }),
          column(qr, 'BankAccount', 'string', { length: 50, nullable: false }),
          column(qr, 'BIC', 'string', { length: 11, nullable: true }),
          column(qr, 'BankAccountHolderName', 'string', { length: 70, nullable: true }),
          column(qr, 'Currency', 'string', { length: 3, nullable: true }),
          column(qr, 'Description', 'string', { length: 60, nullable: true }),
          column(qr, 'Main', 'boolean', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'IX_BankAccounts_Division_Account', columnNames: ['Division', 'Account'] }),
          new TableIndex({ name: 'IX_BankAccounts_Division_BankAccount', columnNames: ['Division', 'BankAccount'] }),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'Journals',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Code', 'string', { length: 20, nullable: false }),
          column(qr, 'Description', 'string', { length: 60, nullable: false }),
          column(qr, 'Type', 'int32', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
        ],
        indices: [new TableIndex({ name: 'IX_Journals_Division_Code', columnNames: ['Division', 'Code'], isUnique: true })],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'PaymentConditions',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Code', 'string', { length: 2, nullable: false }),
          column(qr, 'Description', 'string', { length: 60, nullable: false }),
          column(qr, 'PaymentDays', 'int32', { nullable: false }),
          column(qr, 'DiscountPaymentDays', 'int32', { nullable: true }),
          column(qr, 'DiscountPercentage', 'decimal', { precision: 9, scale: 4, nullable: true }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
        ],
        indices: [new TableIndex({ name: 'IX_PaymentConditions_Division_Code', columnNames: ['Division', 'Code'], isUnique: true })],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'Users',
        columns: [
          column(qr, 'UserID', 'guid', { nullable: false, primary: true }),
          column(qr, 'UserName', 'string', { length: 100, nullable: false }),
          column(qr, 'FullName', 'string', { length: 240, nullable: false }),
          column(qr, 'Email', 'string', { length: 100, nullable: true }),
          column(qr, 'Created', 'datetime', { nullable: false }),
        ],
        indices: [new TableIndex({ name: 'IX_Users_UserName', columnNames: ['UserName'], isUnique: true })],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'Documents',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'DocumentNumber', 'int32', { nullable: false }),
          column(qr, 'Subject', 'string', { length: 256, nullable: false }),
          column(qr, 'Type', 'int32', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'IX_Documents_Division_DocumentNumber', columnNames: ['Division', 'DocumentNumber'], isUnique: true }),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'DocumentAttachments',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'Document', 'guid', { nullable: false }),
          column(qr, 'FileName', 'string', { length: 255, nullable: false }),
          column(qr, 'MediaType', 'string', { length: 100, nullable: false }),
          column(qr, 'FileSize', 'int32', { nullable: false }),
          column(qr, 'Attachment', 'blob', { nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
        ],
        indices: [new TableIndex({ name: 'IX_DocumentAttachments_Division_Document', columnNames: ['Division', 'Document'] })],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'PaymentBatches',
        columns: [
          column(qr, 'ID', 'guid', { nullable: false, primary: true }),
          column(qr, 'Division', 'int32', { nullable: false }),
          column(qr, 'CashflowTransactionBatchCode', 'string', { length: 30, nullable: false }),
          column(qr, 'BankAccountID', 'guid', { nullable: false }),
          column(qr, 'ExecutionDate', 'datetime', { nullable: false }),
          column(qr, 'FileFormat', 'string', { length: 20, nullable: false }),
          column(qr, 'BatchBooking', 'boolean', { nullable: false }),
          column(qr, 'Document', 'guid', { nullable: true }),
          column(qr, 'PaymentCount', 'int32', { nullable: false }),
          column(qr, 'TotalAmountDC', 'decimal', { precision: 18, scale: 2, nullable: false }),
          column(qr, 'Currency', 'string', { length: 3, nullable: false }),
          column(qr, 'Created', 'datetime', { nullable: false }),
          column(qr, 'Creator', 'guid', { nullable: true }),
          column(qr, 'Modified', 'datetime', { nullable: false }),
          column(qr, 'Modifier', 'guid', { nullable: true }),
        ],
        indices: [
          new TableIndex({
            name: 'IX_PaymentBatches_Division_CashflowTransactionBatchCode',
            columnNames: ['Division', 'CashflowTransactionBatchCode'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IX_PaymentBatches_Division_ExecutionDate', columnNames: ['Division', 'ExecutionDate'] }),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('PaymentBatches');
    await qr.dropTable('DocumentAttachments');
    await qr.dropTable('Documents');
    await qr.dropTable('Users');
    await qr.dropTable('PaymentConditions');
    await qr.dropTable('Journals');
    await qr.dropTable('BankAccounts');
    await qr.dropTable('Contacts');
    await qr.dropTable('Accounts');
    await qr.dropTable('GLAccounts');
    await qr.dropTable('Divisions');
    await qr.dropTable('Payments');
  }
}

import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const PAYMENT_CONDITIONS: CatalogTable = {
  name: 'PaymentConditions',
  typeName: 'PaymentCondition',
  labelEn: 'Payment conditions',
  labelNl: 'Betalingscondities',
  description: 'Payment conditions of a division: payment days and discount terms.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('payment condition'),
    col('Code', 'string', 'Code', 'Code', 'Code of the payment condition, unique in the division.', { length: 2, required: true }),
    col('Description', 'string', 'Description', 'Omschrijving', 'Description of the payment condition.', { length: 60, required: true }),
    col('PaymentDays', 'int32', 'Payment days', 'Betalingsdagen', 'Number of days between invoice date and due date.', { required: true }),
    col('DiscountPaymentDays', 'int32', 'Discount days', 'Kortingsdagen', 'Number of days between invoice date and the discount due date.'),
    col(
      'DiscountPercentage',
      'decimal',
      'Discount percentage',
      'Kortingspercentage',
      'Discount percentage when paid within the discount days.',
      { precision: 9, scale: 4 },
    ),
    ...auditColumns(),
  ],
  relations: [{ name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the payment condition.' }],
};

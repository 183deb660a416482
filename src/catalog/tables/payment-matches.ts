import { col } from '../column';
import { CatalogTable } from '../types';
import { idAndDivision, READ_ONLY } from './common';

export const PAYMENT_MATCHES: CatalogTable = {
  name: 'PaymentMatches',
  typeName: 'PaymentMatch',
  labelEn: 'Payment matches',
  labelNl: 'Betalingsafletteringen',
  description:
    'Which payments were matched (Status 50) together, with a bank statement line or with each other; undoing a match removes its rows.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('match line'),
    col('MatchID', 'guid', 'Match ID', 'Aflettering ID', 'Identifier shared by the payments matched together.', { required: true }),
    col('Payment', 'guid', 'Payment', 'Betaling', 'The matched payment.', { required: true, field: 'paymentID' }),
    col(
      'BankStatementLineReference',
      'string',
      'Bank statement line reference',
      'Referentie bankafschriftlijn',
      'Reference of the bank statement line the payment was matched with; empty when payments were matched with each other.',
      { length: 60 },
    ),
    col(
      'PreviousStatus',
      'int16',
      'Previous status',
      'Vorige status',
      'Status of the payment before the match (restored when the match is undone).',
      { required: true },
    ),
    col(
      'MatchDate',
      'datetime',
      'Match date',
      'Afletterdatum',
      'Date the items stopped being outstanding (the EndDate given to the payments).',
      { required: true },
    ),
    col('Created', 'datetime', 'Created', 'Gemaakt', 'Creation date.', { required: true }),
    col('Creator', 'guid', 'Creator', 'Aanmaker', 'User ID of creator.', { field: 'creatorID' }),
  ],
  relations: [
    { name: 'division', table: 'Divisions', on: [['Division', 'Code']], kind: 'one', doc: 'Division of the match.' },
    { name: 'payment', table: 'Payments', on: [['Payment', 'ID']], kind: 'one', doc: 'The matched payment.' },
  ],
};

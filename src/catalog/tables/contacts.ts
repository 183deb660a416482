import { col } from '../column';
import { CatalogTable } from '../types';
import { auditColumns, idAndDivision, READ_ONLY } from './common';

export const CONTACTS: CatalogTable = {
  name: 'Contacts',
  typeName: 'Contact',
  labelEn: 'Contacts',
  labelNl: 'Contactpersonen',
  description: 'Contact persons of accounts.',
  partitionColumn: 'Division',
  primaryKey: 'ID',
  allows: READ_ONLY,
  columns: [
    ...idAndDivision('contact'),
    col('Account', 'guid', 'Account', 'Relatie', 'The account the contact belongs to.', { required: true, field: 'accountID' }),
    col('FirstName', 'string', 'First name', 'Voornaam', 'First name.', { length: 50 }),
    col('LastName', 'string', 'Last name', 'Achternaam', 'Last name.', { length: 50, required: true }),
    col('FullName', 'string', 'Full name', 'Volledige naam', 'Full name of the contact.', { length: 100, required: true }),
    col('Email', 'string', 'Email', 'E-mail', 'Email address.', { length: 100 }),
    col('Phone', 'string', 'Phone', 'Telefoon', 'Phone number.', { length: 30 }),
    ...auditColumns(),
  ],
  relations: [{ name: 'account', table: 'Accounts', on: [['Account', 'ID']], kind: 'one', doc: 'The account of the contact.' }],
};

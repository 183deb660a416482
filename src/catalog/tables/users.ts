import { col } from '../column';
import { CatalogTable } from '../types';
import { READ_ONLY } from './common';

export const USERS: CatalogTable = {
  name: 'Users',
  typeName: 'User',
  labelEn: 'Users',
  labelNl: 'Gebruikers',
  description:
    'Users who create, modify and select payments. Users are not partitioned, but a caller sees a user (name, e-mail) only while ' +
    'the user acts in one of its divisions: is the creator, modifier or selector of a payment there.',
  primaryKey: 'UserID',
  visibleThroughActors: true,
  allows: READ_ONLY,
  columns: [
    col('UserID', 'guid', 'User ID', 'Gebruiker ID', 'Identifier of the user.', { required: true, field: 'id' }),
    col('UserName', 'string', 'User name', 'Gebruikersnaam', 'Login name of the user.', { length: 100, required: true }),
    col('FullName', 'string', 'Full name', 'Volledige naam', 'Full name of the user.', { length: 240, required: true }),
    col('Email', 'string', 'Email', 'E-mail', 'E-mail address of the user (shown, like the row, only where the user acts).', {
      length: 100,
    }),
    col('Created', 'datetime', 'Created', 'Gemaakt', 'Creation date.', { required: true }),
  ],
  relations: [],
};

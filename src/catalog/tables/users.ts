import { col } from '../column';
import { CatalogTable } from '../types';
import { READ_ONLY } from './common';

export const USERS: CatalogTable = {
  name: 'Users',
  typeName: 'User',
  labelEn: 'Users',
  labelNl: 'Gebruikers',
  description: 'Users who create, modify and select payments. Users are not partitioned; only their names are exposed.',
  primaryKey: 'UserID',
  allows: READ_ONLY,
  columns: [
    col('UserID', 'guid', 'User ID', 'Gebruiker ID', 'Identifier of the user.', { required: true, field: 'id' }),
    col('UserName', 'string', 'User name', 'Gebruikersnaam', 'Login name of the user.', { length: 100, required: true }),
    col('FullName', 'string', 'Full name', 'Volledige naam', 'Full name of the user.', { length: 240, required: true }),
    col('Email', 'string', 'Email', 'E-mail', 'Email address of the user.', { length: 100 }),
    col('Created', 'datetime', 'Created', 'Gemaakt', 'Creation date.', { required: true }),
  ],
  relations: [],
};

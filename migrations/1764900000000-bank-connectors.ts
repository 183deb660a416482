import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * Bank connectors (issue 15): connections to Ponto Connect and CodaBox, the remote accounts or
 * feeds of each mapped to an own bank account, the runs (pulls, connects, pushes) with their
 * outcome, and Ponto's transactions as they arrive (booked ones until their statement is stored,
 * pending ones until they are booked). Gateway bookkeeping outside the catalog: never served by
 * the SQL layer or exports; secrets are sealed (SecretBox) in `SealedSecrets` and nowhere else.
 */
const text = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });

export class BankConnectors1764900000000 implements MigrationInterface {
  name = 'BankConnectors1764900000000';

  async up(qr: QueryRunner): Promise<void> {
    const guid = (name: string, nullable = false) => column(qr, name, 'guid', { nullable, primary: name === 'ID' });
    const str = (name: string, length: number, nullable = true) => column(qr, name, 'string', { length, nullable });
    const int = (name: string, nullable = false) => column(qr, name, 'int32', { nullable });
    const at = (name: string, nullable = false) => column(qr, name, 'datetime', { nullable });
    await qr.createTable(
      new Table({
        name: 'BankConnections',
        columns: [
          guid('ID'),
          int('Division'),
          str('Provider', 20, false),
          str('Status', 30, false),
          str('Description', 100),
          text('Settings', false),
          text('SealedSecrets'),
          at('Created'),
          at('Modified'),
        ],
        indices: [new TableIndex({ name: 'IX_BankConnections_Division', columnNames: ['Division', 'Provider'] })],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'BankConnectionAccounts',
        columns: [
          guid('ID'),
          guid('ConnectionID'),
          int('Division'),
          str('RemoteID', 100, false),
          str('Reference', 50),
          str('Currency', 3),
          guid('BankAccountID', true),
          str('Cursor', 200),
          str('CurrentBalance', 40),
          str('BalanceDate', 10),
          at('SynchronizedAt', true),
        ],
        indices: [
          new TableIndex({
            name: 'IX_BankConnectionAccounts_Remote',
            columnNames: ['Division', 'ConnectionID', 'RemoteID'],
            isUnique: true,
          }),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'BankConnectionRuns',
        columns: [
          guid('ID'),
          guid('ConnectionID'),
          int('Division'),
          str('Kind', 20, false),
          str('Status', 20, false),
          at('Started'),
          at('Finished', true),
          int('Files'),
          int('Transactions'),
          int('StatementsCreated'),
          int('StatementsAlreadyImported'),
          int('PendingTransactions'),
          str('ErrorCode', 60),
          str('Message', 1000),
        ],
        indices: [new TableIndex({ name: 'IX_BankConnectionRuns_Connection', columnNames: ['Division', 'ConnectionID', 'Started'] })],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'BankRemoteTransactions',
        columns: [
          guid('ID'),
          int('Division'),
          guid('ConnectionAccountID'),
          str('RemoteID', 100, false),
          str('Status', 10, false),
          str('ExecutionDate', 10, false),
          str('Amount', 40, false),
          text('Line', false),
          guid('EntryID', true),
          at('Updated'),
        ],
        indices: [
          new TableIndex({
            name: 'IX_BankRemoteTransactions_Remote',
            columnNames: ['Division', 'ConnectionAccountID', 'Status', 'RemoteID'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['BankRemoteTransactions', 'BankConnectionRuns', 'BankConnectionAccounts', 'BankConnections']) await qr.dropTable(t);
  }
}

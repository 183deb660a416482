import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { column } from './column-types';

/**
 * Bank connectors, second part (issue 15): who started each run and which payment batch a push
 * sent, what a pull reconciled; the payments sent to Ponto (a bulk payment or single payments) with
 * Ponto's id, the link where the user signs and the status followed until the bank's answer; and
 * which stored file line a Ponto transaction was recognised in (the dedup between Ponto and files,
 * docs/bank-connectors.md). Gateway bookkeeping outside the catalog, like the connector tables.
 */
export class BankPaymentOrders1765020000000 implements MigrationInterface {
  name = 'BankPaymentOrders1765020000000';

  async up(qr: QueryRunner): Promise<void> {
    const guid = (name: string, nullable = false) => column(qr, name, 'guid', { nullable, primary: name === 'ID' });
    const str = (name: string, length: number, nullable = true) => column(qr, name, 'string', { length, nullable });
    const int = (name: string, nullable = false) => column(qr, name, 'int32', { nullable });
    const at = (name: string, nullable = false) => column(qr, name, 'datetime', { nullable });
    await qr.addColumns('BankConnectionRuns', [
      new TableColumn(str('StartedBy', 100)),
      new TableColumn(guid('BatchID', true)),
      new TableColumn({ ...int('LinesReconciled'), default: 0 }),
      new TableColumn({ ...int('LinesMatched'), default: 0 }),
    ]);
    await qr.addColumn('BankRemoteTransactions', new TableColumn(guid('LineID', true)));
    await qr.createTable(
      new Table({
        name: 'BankPaymentOrders',
        columns: [
          guid('ID'),
          int('Division'),
          guid('ConnectionID'),
          guid('RunID'),
          guid('BatchID'),
          str('RemoteAccountID', 100, false),
          str('RemoteID', 100, false),
          str('Kind', 10, false),
          str('EndToEndID', 35),
          str('Amount', 40, false),
          int('PaymentCount'),
          str('Status', 60, false),
          str('RedirectLink', 1000),
          at('Created'),
          at('Checked', true),
          at('Finished', true),
        ],
        indices: [
          new TableIndex({ name: 'IX_BankPaymentOrders_Batch', columnNames: ['Division', 'BatchID'] }),
          new TableIndex({ name: 'IX_BankPaymentOrders_Open', columnNames: ['Division', 'Finished'] }),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('BankPaymentOrders');
    await qr.dropColumn('BankRemoteTransactions', 'LineID');
    for (const c of ['LinesMatched', 'LinesReconciled', 'BatchID', 'StartedBy']) await qr.dropColumn('BankConnectionRuns', c);
  }
}

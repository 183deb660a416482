import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_NUMBER } from './epoch-column';

/**
 * How a run ended: running, succeeded, failed, skipped (another process held the division), or
 * interrupted (its process ended mid-run; the next run continued where its last page left off).
 */
export type ExactSyncRunState = 'running' | 'succeeded' | 'failed' | 'skipped' | 'interrupted';

/** One sync run of a gateway division: what it brought in and what it cost. */
@Entity('ExactSyncRuns')
export class ExactSyncRun {
  @PrimaryColumn({ name: 'ID', type: 'varchar', length: 36 })
  declare id: string;

  @Column({ name: 'Division', type: 'int' })
  declare division: number;

  @Column({ name: 'State', type: 'varchar', length: 20 })
  declare state: ExactSyncRunState;

  /** 1 for a full reload, 0 for an incremental run. */
  @Column({ name: 'Full', type: 'smallint' })
  declare full: number;

  @Column({ name: 'Started', type: 'bigint', transformer: BIGINT_NUMBER })
  declare started: number;

  @Column({ name: 'Finished', type: 'bigint', nullable: true, transformer: BIGINT_NUMBER })
  declare finished: number | null;

  /** Rows received from Exact. */
  @Column({ name: 'RowsIn', type: 'int' })
  declare rowsIn: number;

  /** Rows received that were stored before (changed at Exact). */
  @Column({ name: 'RowsChanged', type: 'int' })
  declare rowsChanged: number;

  @Column({ name: 'RowsDeleted', type: 'int' })
  declare rowsDeleted: number;

  /** API calls made (token calls excluded). */
  @Column({ name: 'Calls', type: 'int' })
  declare calls: number;

  @Column({ name: 'LastError', type: 'varchar', length: 500, nullable: true })
  declare lastError: string | null;
}

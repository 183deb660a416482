import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_NUMBER } from './epoch-column';

/**
 * Per gateway division and sync endpoint: the highest Exact Timestamp stored (the next
 * incremental run asks for `Timestamp gt` it), and the endpoint's health (consecutive failures,
 * not called again before BlockedUntil). HighTimestamp 1 means "load everything" (Exact's
 * documented start value for sync endpoints). CompletedAt (migration 1765060000000): the end of
 * the last whole read of an endpoint read whole.
 */
@Entity('ExactSyncStates')
export class ExactSyncState {
  @PrimaryColumn({ name: 'Division', type: 'int' })
  declare division: number;

  @PrimaryColumn({ name: 'Endpoint', type: 'varchar', length: 60 })
  declare endpoint: string;

  @Column({ name: 'HighTimestamp', type: 'bigint', transformer: BIGINT_NUMBER })
  declare highTimestamp: number;

  @Column({ name: 'Failures', type: 'int' })
  declare failures: number;

  @Column({ name: 'BlockedUntil', type: 'bigint', transformer: BIGINT_NUMBER })
  declare blockedUntil: number;

  @Column({ name: 'LastError', type: 'varchar', length: 500, nullable: true })
  declare lastError: string | null;

  @Column({ name: 'Modified', type: 'bigint', transformer: BIGINT_NUMBER })
  declare modified: number;

  /** When the last whole read of a table without change tracking ended (epoch ms; 0 never): see EXACT_REFERENCE_REFRESH. */
  @Column({ name: 'CompletedAt', type: 'bigint', transformer: BIGINT_NUMBER, default: 0 })
  declare completedAt: number;
}

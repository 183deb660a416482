import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The stored outcome of a mutation sent with an idempotency key. Not in the catalog on purpose:
 * it holds other callers' responses and must never be listed or queried through GraphQL/SQL.
 */
@Entity('IdempotencyKeys')
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'PrincipalID', type: 'varchar', length: 100 })
  declare principalID: string;

  @PrimaryColumn({ name: 'IdempotencyKey', type: 'varchar', length: 100 })
  declare idempotencyKey: string;

  @Column({ name: 'Operation', type: 'varchar', length: 60 })
  declare operation: string;

  /** sha256 of the operation and its canonical input. */
  @Column({ name: 'RequestHash', type: 'varchar', length: 64 })
  declare requestHash: string;

  /** JSON of the first result, replayed on retries. */
  @Column({ name: 'Response', type: 'blob' })
  declare response: Buffer;

  @Column({ name: 'Created', type: 'datetime' })
  declare created: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_NUMBER } from './epoch-column';

/**
 * The shared call budget of one Exact division (written by src/db/call-budget.ts with atomic
 * statements; mapped here to be read for status answers only).
 */
@Entity('ExactCallBudgets')
export class ExactCallBudget {
  /** `exact:<base URL>:<Exact division>`. */
  @PrimaryColumn({ name: 'Name', type: 'varchar', length: 100 })
  declare name: string;

  @Column({ name: 'MinutelyLimit', type: 'int' })
  declare minutelyLimit: number;

  @Column({ name: 'MinutelyRemaining', type: 'int' })
  declare minutelyRemaining: number;

  @Column({ name: 'MinutelyReset', type: 'bigint', transformer: BIGINT_NUMBER })
  declare minutelyReset: number;

  @Column({ name: 'DailyLimit', type: 'int' })
  declare dailyLimit: number;

  @Column({ name: 'DailyRemaining', type: 'int' })
  declare dailyRemaining: number;

  @Column({ name: 'DailyReset', type: 'bigint', transformer: BIGINT_NUMBER })
  declare dailyReset: number;
}

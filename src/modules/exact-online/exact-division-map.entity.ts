import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_NUMBER } from './epoch-column';

/** Which Exact division (System/Divisions Code) feeds a gateway division, through which consent. */
@Entity('ExactDivisionMaps')
export class ExactDivisionMap {
  /** The gateway division whose synced rows are Exact's. */
  @PrimaryColumn({ name: 'Division', type: 'int' })
  declare division: number;

  @Column({ name: 'ConnectionID', type: 'varchar', length: 36 })
  declare connectionID: string;

  @Column({ name: 'ExactDivision', type: 'int' })
  declare exactDivision: number;

  @Column({ name: 'Created', type: 'bigint', transformer: BIGINT_NUMBER })
  declare created: number;
}

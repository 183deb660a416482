import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, UUIDScalar } from '../../graphql/scalars';

/** One sync run of a connected division (ExactSyncRuns), as the admin queries show it. */
@ObjectType('ExactSyncRun', { description: 'One sync run of a division connected to Exact Online.' })
export class ExactSyncRunType {
  @Field(() => UUIDScalar)
  declare id: string;

  @Field(() => Int, { description: 'The gateway division.' })
  declare division: number;

  @Field(() => String, {
    description: 'running, succeeded, failed, skipped (another process was syncing), interrupted (its process ended mid-run).',
  })
  declare state: string;

  @Field(() => Boolean, { description: 'A full reload (first load, --full, or Timestamps that restarted).' })
  declare full: boolean;

  @Field(() => DateTimeScalar)
  declare started: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  declare finished: Date | null;

  @Field(() => Int, { description: 'Rows received from Exact and stored.' })
  declare rowsIn: number;

  @Field(() => Int, { description: 'Of rowsIn, rows stored before (changed at Exact).' })
  declare rowsChanged: number;

  @Field(() => Int, { description: 'Rows deleted because Exact deleted them (sync/Deleted).' })
  declare rowsDeleted: number;

  @Field(() => Int, { description: 'API calls made (token calls not counted).' })
  declare calls: number;

  @Field(() => String, { nullable: true })
  declare lastError: string | null;
}

/** A connected division's status: never a token or a secret. */
@ObjectType('ExactConnection', { description: 'A gateway division connected to an Exact Online division (scope admin).' })
export class ExactConnectionType {
  @Field(() => Int, { description: 'The gateway division whose payables and receivables come from Exact.' })
  declare division: number;

  @Field(() => Int, { description: 'The Exact division (System/Divisions Code).' })
  declare exactDivision: number;

  @Field(() => String, { description: 'connected, or needs_consent (Exact refused the refresh token: connect again).' })
  declare state: string;

  @Field(() => String, { nullable: true, description: 'Who consented (current/Me FullName).' })
  declare exactUserName: string | null;

  @Field(() => String, { nullable: true, description: 'The last error of the consent (never a token).' })
  declare lastError: string | null;

  @Field(() => ExactSyncRunType, { nullable: true })
  declare lastRun: ExactSyncRunType | null;

  @Field(() => Int, { nullable: true, description: 'Calls left in the current minute (shared by every process).' })
  declare callsLeftThisMinute: number | null;

  @Field(() => Int, { nullable: true, description: 'Calls left today.' })
  declare callsLeftToday: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next call is allowed (now when calls are left).' })
  declare nextAllowedCall: Date | null;

  @Field(() => [ExactEndpointType], { description: 'Per sync endpoint: high-water mark and health.' })
  declare endpoints: ExactEndpointType[];
}

@ObjectType('ExactEndpoint', { description: 'A sync endpoint of a connected division.' })
export class ExactEndpointType {
  @Field(() => String)
  declare endpoint: string;

  @Field(() => String, { description: 'Highest Exact Timestamp stored (text: a 64-bit row version).' })
  declare highTimestamp: string;

  @Field(() => Int, { description: 'Consecutive failed runs.' })
  declare failures: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Not called again before this time (it kept failing).' })
  declare blockedUntil: Date | null;

  @Field(() => String, { nullable: true })
  declare lastError: string | null;
}

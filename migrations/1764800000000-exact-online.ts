import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/**
 * Exact Online connector (issue 14): the gateway's own bookkeeping, outside the catalog (never
 * served through GraphQL lists, SQL or exports).
 *
 * - ExactConnections: one per consent (an Exact user's authorization of this app), with the OAuth
 *   tokens sealed by SecretBox (platform/secret-box.ts), their expiry, the state (connected /
 *   needs_consent) and the last error. One consent covers every Exact division the user may see,
 *   and its refresh token is single-use, so the divisions of one consent share one token chain.
 * - ExactDivisionMaps: which Exact division (System/Divisions `Code`) feeds which gateway division,
 *   through which connection. A gateway division is fed by at most one Exact division.
 * - ExactSyncStates: per division and sync endpoint, the highest Exact `Timestamp` stored (the
 *   high-water mark an incremental run starts from), the endpoint's consecutive failures and the
 *   time until which it is not called again.
 * - ExactSyncRuns: one row per run (rows in / changed / deleted, calls used, state, last error).
 * - ExactCallBudgets: the rate-limit budget per Exact division, shared by every process through
 *   the database (src/db/call-budget.ts), from Exact's X-RateLimit-* headers.
 *
 * Times are epoch milliseconds (bigint), as in Leases, so they compare the same on both databases.
 */
const text = (name: string, length: number, nullable = true): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const big = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
const int = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'int', isNullable: nullable });

export class ExactOnline1764800000000 implements MigrationInterface {
  name = 'ExactOnline1764800000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'ExactConnections',
        columns: [
          { ...text('ID', 36, false), isPrimary: true },
          text('BaseUrl', 200, false),
          text('State', 20, false),
          text('ExactUserName', 100),
          { name: 'AccessToken', type: 'text', isNullable: true },
          big('AccessTokenExpiresAt'),
          { name: 'RefreshToken', type: 'text', isNullable: true },
          big('RefreshedAt'),
          text('LastError', 500),
          big('Created', false),
          big('Modified', false),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'ExactDivisionMaps',
        columns: [
          { ...int('Division', false), isPrimary: true },
          text('ConnectionID', 36, false),
          int('ExactDivision', false),
          big('Created', false),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'ExactSyncStates',
        columns: [
          { ...int('Division', false), isPrimary: true },
          { ...text('Endpoint', 60, false), isPrimary: true },
          big('HighTimestamp', false),
          int('Failures', false),
          big('BlockedUntil', false),
          text('LastError', 500),
          big('Modified', false),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'ExactSyncRuns',
        columns: [
          { ...text('ID', 36, false), isPrimary: true },
          int('Division', false),
          text('State', 20, false),
          { name: 'Full', type: 'smallint', isNullable: false },
          big('Started', false),
          big('Finished'),
          int('RowsIn', false),
          int('RowsChanged', false),
          int('RowsDeleted', false),
          int('Calls', false),
          text('LastError', 500),
        ],
        indices: [{ name: 'IX_ExactSyncRuns_Division_Started', columnNames: ['Division', 'Started'] }],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'ExactCallBudgets',
        columns: [
          { ...text('Name', 100, false), isPrimary: true },
          int('MinutelyLimit', false),
          int('MinutelyRemaining', false),
          big('MinutelyReset', false),
          int('DailyLimit', false),
          int('DailyRemaining', false),
          big('DailyReset', false),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['ExactCallBudgets', 'ExactSyncRuns', 'ExactSyncStates', 'ExactDivisionMaps', 'ExactConnections'])
      await qr.dropTable(t);
  }
}

import { allDivisionCodes } from '../../src/access/authenticate';
import { DivisionScope } from '../../src/access/division-scope';
import { preparedQuery } from '../../src/db/bounded-query';
import { AggregateBuilder } from '../../src/query/aggregate-builder';
import { ListQueryBuilder } from '../../src/query/list-query-builder';
import { openSeededDatabase, TEST_DATABASE, TestDatabase } from '../support/database';

/**
 * On MariaDB the dashboard list (open payments of one division in a due-date window, by due
 * date) and the grouped aggregate (sum and count by status and month over one division) are
 * planned on an index that leads with the division. The statements are the ones the query layer
 * really sends, captured on their way out of the division scope.
 */
const onMariaDb = TEST_DATABASE === 'mariadb' ? describe : describe.skip;

let t: TestDatabase;
let scope: DivisionScope;
let division: number;
const sent: { sql: string; params: unknown[] }[] = [];

onMariaDb('EXPLAIN on MariaDB', () => {
  beforeAll(async () => {
    t = await openSeededDatabase('explain', { divisions: 8, payments: 4000 });
    const divisions = await allDivisionCodes(t.db);
    division = divisions[3];
    scope = new DivisionScope(t.db, divisions);
    const raw = scope.rawQuery.bind(scope);
    scope.rawQuery = (<R>(sql: string, params: unknown[]) => {
      sent.push({ sql, params });
      return raw<R>(sql, params);
    }) as typeof scope.rawQuery;
    await scope.rawQuery('ANALYZE TABLE `Payments`', []);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function explain(run: () => Promise<unknown>) {
    sent.length = 0;
    await run();
    expect(sent).toHaveLength(1);
    const sql = sent[0].sql.replace(/^SET STATEMENT max_statement_time = [\d.]+ FOR /, '');
    return scope.rawQuery<{ table: string; key: string | null; type: string }>(`EXPLAIN ${sql}`, sent[0].params);
  }

  it('plans the dashboard list on an index leading with Division', async () => {
    const builder = new ListQueryBuilder(scope, {
      maxPageSize: 1000,
      statementTimeoutMs: 10_000,
      cursorSecret: 'explain-test-cursor-secret-of-32-chars',
    });
    const plan = await explain(() =>
      builder.page('Payments', {
        where: {
          divisionCode: { eq: division },
          status: { eq: 20 },
          dueDate: { between: { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-08-31T00:00:00Z') } },
        },
        orderBy: [{ field: 'DueDate' }],
        first: 100,
      }),
    );
    const payments = plan.find((r) => r.table === 't')!;
    expect(payments.key).toMatch(/^IX_Payments_Division_/);
    expect(payments.type).toBe('range');
  });

  it('looks the rows the dashboard page joins for display up by their primary key', async () => {
    const builder = new ListQueryBuilder(scope, {
      maxPageSize: 1000,
      statementTimeoutMs: 10_000,
      cursorSecret: 'explain-test-cursor-secret-of-32-chars',
    });
    const columns = (...names: string[]) => new Set(names);
    const plan = await explain(() =>
      builder.page(
        'Payments',
        { where: { status: { eq: 20 } }, orderBy: [{ field: 'DueDate' }], first: 100 },
        {
          columns: columns('ID', 'Division', 'DueDate'),
          prefetch: [
            { name: 'account', columns: columns('Name') },
            { name: 'glAccount', columns: columns('Code') },
            { name: 'bankAccount', columns: columns('BankAccount') },
          ],
        },
      ),
    );
    expect(sent[0].sql).toContain('FORCE INDEX (PRIMARY)');
    // Without the hint MariaDB picks a covering (Division, Name) index and reads the division.
    for (const alias of ['j_account_', 'j_glAccount_', 'j_bankAccount_']) {
      const row = plan.find((r) => r.table.startsWith(alias))!;
      expect({ alias, key: row.key, type: row.type }).toEqual({ alias, key: 'PRIMARY', type: 'eq_ref' });
    }
  });

  it('runs a statement unprepared when the server allows no more prepared statements', async () => {
    const [{ v }] = await scope.rawQuery<{ v: string }>('SELECT @@GLOBAL.max_prepared_stmt_count AS v', []);
    // Global, but harmless to other tests meanwhile: they fall back the same way.
    await scope.rawQuery('SET GLOBAL max_prepared_stmt_count = 0', []);
    try {
      const unique = `${Date.now()}${Math.random()}`.replace('.', '');
      const rows = await preparedQuery(t.db, `SELECT COUNT(*) AS n, '${unique}' AS u FROM Divisions WHERE Code > ?`, [0]);
      expect(Number(rows[0].n)).toBeGreaterThan(0);
    } finally {
      await scope.rawQuery(`SET GLOBAL max_prepared_stmt_count = ${Number(v)}`, []);
    }
  });

  it('plans the grouped aggregate on an index leading with Division', async () => {
    const builder = new AggregateBuilder(scope, { maxPageSize: 1000, statementTimeoutMs: 10_000 });
    const plan = await explain(() =>
      builder.groups(
        'Payments',
        { where: { divisionCode: { eq: division } }, groupBy: [{ field: 'Status' }, { field: 'DueDate', bucket: 'month' as never }] },
        { sum: new Set(['amountDC']), avg: new Set(), min: new Set(), max: new Set() },
      ),
    );
    const payments = plan.find((r) => r.table === 't')!;
    expect(payments.key).toMatch(/^IX_Payments_Division_/);
  });
});

if (TEST_DATABASE !== 'mariadb') {
  it('EXPLAIN checks run on MariaDB only (TEST_DATABASE=mariadb)', () => {
    expect(TEST_DATABASE).toBe('sqlite');
  });
}

import { DivisionScope } from '../../src/access/division-scope';
import { loadConfig } from '../../src/platform/config';
import { GatewayError } from '../../src/platform/errors';
import { SqlService } from '../../src/sql/sql.service';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * The SQL layer's safety: an injection and escape corpus is refused or harmless, a caller
 * granted division A never sees B through joins, subqueries or unions, and every statement is
 * bounded by the row limit and the statement timeout.
 */
let t: TestDatabase;
let gw: TestGateway;
let A: number;
let B: number;
let countsBefore: Record<string, number>;

const TABLES = ['Payments', 'Accounts', 'GLAccounts', 'Divisions', 'Users', 'Journals'];

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of TABLES) {
    const q = t.db.dialect.quote(name);
    out[name] = Number((await t.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${q}`))[0].n);
  }
  return out;
}

beforeAll(async () => {
  t = await openSeededDatabase('sql_safety');
  gw = await startTestGateway(t.db);
  const divisions = (
    await t.db.dataSource.query(`SELECT ${t.db.dialect.quote('Code')} AS c FROM ${t.db.dialect.quote('Divisions')} ORDER BY 1`)
  ).map((r: { c: number }) => Number(r.c));
  [A, B] = divisions;
  countsBefore = await counts();
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** The SQL layer as a caller granted only division A. */
function onlyA(config = loadConfig()) {
  return new SqlService(new DivisionScope(t.db, [A]), config);
}

async function outcome(query: string, parameters: Record<string, unknown> = {}) {
  try {
    return { rows: (await onlyA().run(query, parameters)).rows };
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    return { error };
  }
}

describe('injection and escape corpus', () => {
  // Each entry must be refused with BAD_USER_INPUT, or run and return nothing outside division A.
  const corpus: [string, Record<string, unknown>?][] = [
    ['select * from Payments; drop table Payments'],
    ['select ID from Payments; delete from Payments'],
    ['drop table Payments'],
    ['delete from Payments'],
    ['update Payments set AmountDC = 0'],
    ["insert into Payments (ID) values ('x')"],
    ['truncate table Payments'],
    ['create table x (a int)'],
    ['select ID from Payments -- where Division = 1'],
    ['select ID, Division from Payments /* comment */ where 1 = 1'],
    ['select ID from Payments #comment\n where Status = 20'],
    ['select ID from Payments union select name from sqlite_master'],
    ['select ID from Payments union select table_name from information_schema.tables'],
    ['select * from information_schema.tables'],
    ['select * from mysql.user'],
    ['select * from sqlite_master'],
    ['select User from mysql.user union select ID from Payments'],
    ['select sleep(5)'],
    ['select ID from Payments where sleep(5) = 0'],
    ["select benchmark(100000000, md5('x'))"],
    ['select pg_sleep(5)'],
    ["select load_file('/etc/passwd')"],
    ['select randomblob(1000000000)'],
    ['select @@version'],
    ['select @x := 1'],
    ["select ID from Payments into outfile '/tmp/pwned.csv'"],
    ["select ID from Payments into dumpfile '/tmp/pwned'"],
    ['select ID from Payments for update'],
    ['select ID from Payments lock in share mode'],
    ["select ID, Division from Payments where Description = 'x' or '1'='1'"],
    ["select ID, Division from Payments where Description = 'x'' or ''1''=''1'"],
    ["select ID, Division from Payments where Description = 'x\\' or 1=1 -- '"],
    ['select ID, Division from Payments where Division = 999 or 1 = 1'],
    ['select ID, Division from Payments where Division = {B}'],
    ['select `ID`, `Division` from `Payments` where `Division` = 1 or `1` = `1`'],
    ['select * from `Payments`; drop table x`'],
    ['select * from `Payments``; drop table x`'],
    ['select ID, Division from Payments where ID = :id', { id: "' or 1=1 --" }],
    ['select ID, Division from Payments where ID = :id', { id: "'; drop table Payments; --" }],
    ['select ID, Division from Payments where Status in (:s)', { s: [20, '30) or (1=1'] }],
    ['select ID from Payments where ID in (select ID from Payments.Payments)'],
    ["select x'41'"],
    ['select cast(AmountDC as char) from Payments'],
    ['select char(65)'],
    ['with x as (select * from Payments) select * from x'],
    ['select ID from Payments procedure analyse()'],
    ['select * from Payments where ID = (select ID from Users limit 1) or 1=1'],
    ['select ID, Division from Payments p where exists (select 1 from Payments q where q.Division <> p.Division)'],
    ['select 1 from dual'],
    ['SeLeCt ID, Division FrOm pAyMeNtS wHeRe DiViSiOn <> 0'],
  ];

  it.each(corpus.map(([q, p]) => [q.replace(/\n/g, ' '), q, p] as const))('%s', async (_title, query, parameters) => {
    const result = await outcome(query.replace('{B}', String(B)), parameters ?? {});
    if (result.error) {
      expect(result.error.code).toBe('BAD_USER_INPUT');
      expect(result.error.message).toMatch(/^query: |^parameters: /);
      return;
    }
    // Harmless: whatever it returned lies in division A.
    for (const row of result.rows!) if ('Division' in row) expect(row.Division).toBe(A);
  });

  it('left every table as it was', async () => {
    expect(await counts()).toEqual(countsBefore);
  });

  it('answers refusals over HTTP as BAD_USER_INPUT with the position', async () => {
    const res = await gw.gql('query Q($q: String!) { sql(query: $q) { rowCount } }', {
      q: 'select ID from Payments;\n drop table Payments',
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', line: 2 });
  });
});

describe('division isolation', () => {
  const queries = [
    // joins, derived columns, subqueries in FROM and IN, correlated and scalar subqueries, unions
    'select p.Division, a.Division as accountDivision from Payments p join Accounts a on a.ID = p.Account',
    'select p.Division from Payments p left join Accounts a on a.Division <> p.Division',
    'select p.Division, p.AccountName, p.GLAccountCode, p.DivisionName from Payments p',
    'select Division from Payments where Account in (select ID from Accounts)',
    'select x.Division from (select Division, count(*) n from Payments group by Division) x',
    'select Division from Payments union all select Division from Accounts union all select Division from GLAccounts',
    'select Division, (select count(*) from Payments) as everyone from Payments',
    'select Code as Division from Divisions',
    'select Division from Payments where Division = {B}',
    'select Division from (select * from Payments where Division in ({A}, {B})) p',
  ];

  it.each(queries)('%s', async (query) => {
    const rows = (await onlyA().run(query.replace('{B}', String(B)).replace('{A}', String(A)))).rows;
    for (const row of rows) {
      for (const [k, v] of Object.entries(row)) if (/division$/i.test(k)) expect(v).toBe(A);
    }
  });

  it('counts only division A rows, whatever path the query takes', async () => {
    const q = t.db.dialect.quote;
    const direct = Number((await t.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${q('Payments')} WHERE ${q('Division')} = ${A}`))[0].n);
    const viaSql = await onlyA().run(`
      select count(*) as n from Payments
      union all select (select count(*) from Payments p join Accounts a on a.ID = p.Account)
      union all select count(*) from (select ID from Payments union select ID from Payments) x
      union all select count(*) from Payments where ID in (select ID from Payments)`);
    expect(viaSql.rows.map((r) => r.n)).toEqual([direct, direct, direct, direct]);
    expect(direct).toBeGreaterThan(0);
  });

  it('refuses divisions the caller was not granted (GraphQL divisions argument)', async () => {
    const all = await gw.gql('{ sql(query: "select count(*) as n from Payments") { rows } }');
    const one = await gw.gql(
      `{ sql(query: "select Division, count(*) as n from Payments group by Division", divisions: [${A}]) { rows } }`,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data.sql.rows).toEqual([{ Division: A, n: expect.any(Number) }]);
    expect(one.data.sql.rows[0].n).toBeLessThan(all.data.sql.rows[0].n);
  });
});

describe('bounds', () => {
  it('refuses a result larger than the row limit instead of cutting it', async () => {
    const small = onlyA({ ...loadConfig(), sqlMaxRows: 10 });
    await expect(small.run('select ID from Payments')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rowLimit: 10 } });
    expect((await small.run('select ID from Payments limit 10')).rows).toHaveLength(10);
  });

  it('stops a statement that runs past the statement timeout (TIMEOUT)', async () => {
    const hurried = onlyA({ ...loadConfig(), statementTimeoutMs: 50 });
    await expect(
      hurried.run('select count(*) from Payments a cross join Payments b cross join Payments c cross join Payments d'),
    ).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
  });
});

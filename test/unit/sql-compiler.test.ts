import { mysqlDialect, sqliteDialect } from '../../src/db/dialect';
import { GatewayError } from '../../src/platform/errors';
import { SelectStatementCompiler } from '../../src/sql/compile';
import { parseSelect } from '../../src/sql/parse';
import { findTable } from '../../src/catalog';

/** The division scope's condition, as DivisionScope.conditionFor writes it for divisions 1 and 2. */
const conditionFor = (tableName: string, alias: string) => {
  const t = findTable(tableName)!;
  return t.partitionColumn ? `"${alias}"."${t.partitionColumn}" IN (1, 2)` : undefined;
};

function compile(query: string, parameters: Record<string, unknown> = {}, dialect = sqliteDialect) {
  return new SelectStatementCompiler({ dialect, conditionFor, parameters }).compile(parseSelect(query));
}

function refusal(query: string, parameters: Record<string, unknown> = {}): GatewayError {
  try {
    compile(query, parameters);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('SQL compiler', () => {
  it('puts the division condition on every catalog table reference: FROM, JOIN, subqueries, UNION and derived-column joins', () => {
    const { sql } = compile(`
      select p.AccountName, a.Name, (select count(*) from GLAccounts g where g.ID = p.GLAccount) as n
      from Payments p join Accounts a on a.ID = p.Account
      where p.Account in (select ID from Accounts where Name like 'A%')
      union all
      select Description, Description, 1 from Journals`);
    // Payments, its account join (AccountName), Accounts, GLAccounts, Accounts (IN), Journals.
    expect(sql.match(/IN \(1, 2\)/g)).toHaveLength(6);
    expect(sql).not.toMatch(/FROM "(Payments|Accounts|GLAccounts|Journals)" AS/);
  });

  it('reads NOT (expr) as the negation the parser calls a function', () => {
    const { sql } = compile('select ID from Payments p where NOT (p.Status <> 20) and not p.Status = 30');
    expect(sql).toContain('(NOT ("p"."Status" <> 20))');
    expect(sql).toContain('(NOT ("p"."Status" = 30))');
  });

  it('binds literals and parameters as placeholders and never copies the query text', () => {
    const { sql, parameters } = compile("select ID from Payments where Description = 'x'' or 1=1 --' and Status = :s and Journal in (:j)", {
      s: 20,
      j: ['70', '71'],
    });
    expect(sql).not.toContain('or 1=1');
    expect(parameters).toEqual(["x' or 1=1 --", '70', '71']);
    expect(sql).toContain('"Status" = 20');
  });

  it('compiles money to the exact decimal functions on SQLite and to DECIMAL arithmetic on MariaDB', () => {
    const q = 'select sum(AmountDC), avg(AmountDC), max(AmountDC * RateFC) from Payments where AmountDC > 100.5 order by 1';
    const lite = compile(q);
    expect(lite.sql).toContain('dec_sum(');
    expect(lite.sql).toContain('dec_round(dec_avg(');
    expect(lite.sql).toContain('dec_max(dec_mul(');
    expect(lite.sql).toContain('dec_cmp("Payments"."AmountDC", \'100.5\') > 0');
    expect(lite.sql).toContain('ORDER BY dec_key(');
    expect(lite.columns.map((c) => c.type)).toEqual([
      { kind: 'decimal', scale: 2 },
      { kind: 'decimal', scale: 6 },
      { kind: 'decimal', scale: 10 },
    ]);
    const maria = compile(q, {}, mysqlDialect);
    expect(maria.sql).toContain('SUM(`Payments`.`AmountDC`)');
    expect(maria.sql).toContain('`Payments`.`AmountDC` > 100.5');
  });

  it('reads derived columns through the catalog relation, scoped and joined on the division', () => {
    const { sql } = compile('select AccountName, GLAccountCode from Payments');
    expect(sql).toContain(
      'LEFT JOIN "Accounts" "r0" ON "r0"."ID" = "s"."Account" AND "r0"."Division" = "s"."Division" AND "r0"."Division" IN (1, 2)',
    );
    expect(sql).toContain('LEFT JOIN "GLAccounts" "r1"');
  });

  it('expands * to the catalog columns in catalog order', () => {
    const { columns } = compile('select * from Payments');
    expect(columns).toHaveLength(81);
    expect(columns[0].name).toBe('Account');
  });

  it('applies the row limit to the outer statement only, never raising a smaller LIMIT', () => {
    const c = (q: string) =>
      new SelectStatementCompiler({ dialect: sqliteDialect, conditionFor, rowLimit: 11 }).compile(parseSelect(q)).sql;
    expect(c('select ID from Payments')).toMatch(/LIMIT 11$/);
    expect(c('select ID from Payments limit 5 offset 2')).toMatch(/LIMIT 5 OFFSET 2$/);
    expect(c('select ID from Payments limit 500')).toMatch(/LIMIT 11$/);
    expect(c('select Code from Divisions union select Division from Journals order by 1')).toMatch(/ORDER BY "u"."Code" ASC LIMIT 11$/);
  });

  it.each([
    ['delete from Payments', /only SELECT/],
    ['select 1; select 2', /only one statement/],
    ['select * from Payments; drop table Payments', /only one statement/],
    ['select * from Secrets', /unknown table Secrets/],
    ['select * from information_schema.tables', /not a catalog table/],
    ['select Nope from Payments', /unknown column Nope/],
    ['select sleep(1) from Payments', /unknown function SLEEP/],
    ['select benchmark(10, 1)', /unknown function BENCHMARK/],
    ['select @@version', /variable/],
    ["select ID from Payments into outfile '/tmp/x'", /INTO/],
    ['select ID from Payments for update', /locking/],
    ['with x as (select 1) select * from x', /WITH/],
    ['select Division from Payments p, Accounts a', /ambiguous/],
    ['select sum(AmountDC) from Payments where count(*) > 1', /aggregate/],
    ['select ID from Payments where ID = :missing', /parameter :missing/],
    ["select ID from Payments where InvoiceDate > 'yesterday'", /not a date/],
    ['select upper(AmountDC) from Payments', /needs text/],
    ['select ID from Payments intersect select ID from Payments', /not supported|syntax/],
  ])('refuses %s', (query, message) => {
    const e = refusal(query);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(message);
  });

  it('gives the line and column of what it refuses', () => {
    const e = refusal('select ID,\n  Nope\nfrom Payments');
    expect(e.extensions).toMatchObject({ field: 'query', line: 2, column: 3 });
    expect(e.message).toBe('query: line 2, column 3: unknown column Nope');
    const syntax = refusal('select ID from\nPayments where = 1');
    expect(syntax.extensions).toMatchObject({ line: 2 });
  });
});

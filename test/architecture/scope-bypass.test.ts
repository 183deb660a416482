import path from 'node:path';
import { checkProject, checkSource, formatViolation } from './scope-bypass-checker';

/**
 * The division scope is the only door to rows: no code outside src/access and src/db may reach
 * the data source, an entity manager, a repository, a query builder or raw SQL. This test fails
 * with the offending places when someone adds such code.
 */
describe('architecture: nothing bypasses the division scope', () => {
  it('finds no raw repository, manager, data source, query builder or query() outside src/access and src/db', () => {
    const violations = checkProject(path.resolve(__dirname, '..', '..')).map(formatViolation);
    expect(violations).toEqual([]);
  });
});

describe('the bypass checker itself', () => {
  const violating = `
    import { DataSource, EntityManager, getRepository as repo, Brackets, SelectQueryBuilder } from 'typeorm';
    import mysql from 'mysql2/promise';
    import { Payment } from '../modules/payments/payment.entity';

    export async function leak(db: { dataSource: DataSource }, ctx: any, manager: EntityManager) {
      const rows = await db.dataSource.getRepository(Payment).find();
      const more = await db['dataSource'].manager.createQueryBuilder(Payment, 'p').getMany();
      const raw = await ctx.scope.db.query('SELECT * FROM Payments');
      const { manager: m } = db.dataSource;
      const qb = ctx.scope.select(Payment, 'p').connection.createQueryRunner();
      const r = repo(Payment);
      const t = await import('typeorm');
      return [rows, more, raw, m, qb, r, t, mysql];
    }
  `;

  it('reports a source file that reads a partitioned entity through a raw repository, with places', () => {
    const found = checkSource('src/modules/payments/leaky.service.ts', violating).map(formatViolation);
    const at = (rest: string) => `src/modules/payments/leaky.service.ts:${rest}`;
    expect(found).toEqual(
      [
        '2:14 imports DataSource from typeorm',
        '2:26 imports EntityManager from typeorm',
        '2:41 imports getRepository from typeorm',
        '3:5 imports the database driver mysql2/promise',
        '7:40 uses .getRepository',
        '7:29 uses .dataSource',
        '8:51 uses .createQueryBuilder',
        '8:43 uses .manager',
        '8:29 uses .dataSource',
        '9:38 calls .query()',
        '10:15 destructures manager',
        '10:33 uses .dataSource',
        '11:60 uses .createQueryRunner',
        '11:49 uses .connection',
        '13:23 loads typeorm dynamically',
      ].map(at),
    );
    // Query-builder types and Brackets are harmless and stay allowed.
    expect(found.join('\n')).not.toMatch(/Brackets|SelectQueryBuilder/);
  });

  it("allows the scope's raw-SQL doors only to the SQL compilers", () => {
    const code =
      "export const f = (ctx: any) => ctx.scope.rawQuery('SELECT * FROM Payments', []);\nexport const g = (s: any) => s.streamQuery('SELECT 1', [], { timeoutMs: 1 });\n";
    expect(checkSource('src/modules/payments/report.ts', code).map(formatViolation)).toEqual([
      'src/modules/payments/report.ts:1:42 uses .rawQuery outside the SQL compilers (src/query/, src/sql/)',
      'src/modules/payments/report.ts:2:32 uses .streamQuery outside the SQL compilers (src/query/, src/sql/)',
    ]);
    expect(checkSource('src/sql/sql.service.ts', code)).toEqual([]);
    expect(checkSource('src/query/run-statement.ts', code)).toEqual([]);
  });

  it('lets only the graphql-jit executor call .query(), and checks it for everything else', () => {
    const code = "export const run = (compiled: any, db: any) => compiled.query(undefined, {}, {}) && db.dataSource.query('SELECT 1');\n";
    expect(checkSource('src/graphql/jit-gateway.ts', code).map(formatViolation)).toEqual([
      'src/graphql/jit-gateway.ts:1:88 uses .dataSource',
    ]);
    expect(checkSource('src/modules/x.ts', code).map(formatViolation)).toEqual([
      'src/modules/x.ts:1:57 calls .query()',
      'src/modules/x.ts:1:99 calls .query()',
      'src/modules/x.ts:1:88 uses .dataSource',
    ]);
  });

  it('reports code outside src/access that imports the API key table', () => {
    const found = checkSource('src/modules/x.ts', "import { ApiKeyRecord } from '../access/api-key.entity';\n").map(formatViolation);
    expect(found).toEqual(['src/modules/x.ts:1:1 imports the API key table (credentials belong to src/access)']);
  });

  it('accepts code that goes through the scope', () => {
    const clean = `
      import { SelectQueryBuilder } from 'typeorm';
      export async function ok(ctx: any, req: { query: Record<string, string> }) {
        const page = req.query.first;
        const rows = await ctx.scope.select(Payment, 'p').where('p.status = :s', { s: 20 }).getMany();
        await ctx.scope.update(Payment, { status: 30 }, 'ID = :id', { id: page });
        return ctx.scope.select(Payment, 'p').getCount();
      }
    `;
    expect(checkSource('src/modules/x.ts', clean)).toEqual([]);
  });
});

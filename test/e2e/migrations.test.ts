import { MIGRATIONS } from '../../migrations';
import { actorColumns, CATALOG } from '../../src/catalog';
import { ApiKeyRecord } from '../../src/access/api-key.entity';
import { seed } from '../../src/seed/seed';
import { openTestDatabase, TEST_TODAY, TestDatabase } from '../support/database';

/**
 * The migrations (never `synchronize`) build every table, column and index the entities map,
 * undo cleanly to an empty database, and build it again.
 */
let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase('migrations');
});
afterAll(async () => {
  await t?.close();
});

async function expectSchemaOfEntities(): Promise<void> {
  const qr = t.db.dataSource.createQueryRunner();
  try {
    for (const meta of t.db.dataSource.entityMetadatas) {
      const table = await qr.getTable(meta.tableName);
      expect({ table: meta.tableName, exists: Boolean(table) }).toEqual({ table: meta.tableName, exists: true });
      const columns = new Map(table!.columns.map((c) => [c.name.toLowerCase(), c]));
      for (const c of meta.columns) {
        const physical = columns.get(c.databaseName.toLowerCase());
        expect({ column: `${meta.tableName}.${c.databaseName}`, exists: Boolean(physical) }).toEqual({
          column: `${meta.tableName}.${c.databaseName}`,
          exists: true,
        });
        expect({ column: `${meta.tableName}.${c.databaseName}`, nullable: physical!.isNullable }).toEqual({
          column: `${meta.tableName}.${c.databaseName}`,
          nullable: c.isNullable,
        });
      }
      const indexes = new Set(table!.indices.map((i) => i.name));
      for (const index of meta.indices) expect([...indexes]).toContain(index.name);
    }
  } finally {
    await qr.release();
  }
}

async function existingTables(): Promise<string[]> {
  const qr = t.db.dataSource.createQueryRunner();
  try {
    const found: string[] = [];
    for (const meta of t.db.dataSource.entityMetadatas) if (await qr.hasTable(meta.tableName)) found.push(meta.tableName);
    return found;
  } finally {
    await qr.release();
  }
}

describe('migrations', () => {
  it('build every table, column and index the entities map', async () => {
    expect(await t.db.dataSource.showMigrations()).toBe(false);
    await expectSchemaOfEntities();
  });

  it('lead every index of a partitioned table with its division', async () => {
    for (const meta of t.db.dataSource.entityMetadatas) {
      const partitioned = meta.columns.some((c) => c.databaseName === 'Division');
      if (!partitioned || meta.tableName === 'Divisions') continue;
      for (const index of meta.indices)
        expect({ index: index.name, first: index.columns[0].databaseName }).toEqual({ index: index.name, first: 'Division' });
    }
  });

  it('index (Division, column) every column through which users act (the users a caller may see)', async () => {
    const users = CATALOG.find((x) => x.visibleThroughActors)!;
    const actors = actorColumns(users);
    expect(actors.length).toBeGreaterThan(0);
    for (const { table, column } of actors) {
      const meta = t.db.dataSource.getMetadata(table.name);
      const indexed = meta.indices.some((i) => i.columns.map((c) => c.databaseName).join(',') === `${table.partitionColumn},${column}`);
      expect({ actor: `${table.name}.${column}`, indexed }).toEqual({ actor: `${table.name}.${column}`, indexed: true });
    }
  });

  it('undo down to an empty database, then run up again into a usable one', async () => {
    const ds = t.db.dataSource;
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await existingTables()).toEqual([]);
    expect(await ds.showMigrations()).toBe(true);

    const executed = await ds.runMigrations({ transaction: 'each' });
    expect(executed.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    await expectSchemaOfEntities();
    const result = await seed(t.db, { divisions: 1, payments: 20, seed: 1, today: TEST_TODAY, suppliersPerDivision: 3 });
    expect(result.payments).toBe(20);
  });

  it('adds the receivable scopes to API keys that held every scope, and takes them away again on the way down', async () => {
    const ds = t.db.dataSource;
    const q = t.db.dialect.quote;
    const executed = async () => (await ds.query(`SELECT ${q('name')} AS n FROM ${q('migrations')}`)).map((r: { n: string }) => r.n);
    const undoReceivables = async () => {
      while ((await executed()).includes('Receivables1764300000000')) await ds.undoLastMigration({ transaction: 'each' });
    };
    await undoReceivables();
    expect(await existingTables()).not.toContain('Receivables');
    const every = ['admin', 'payments:write', 'payments:process', 'payments:select', 'analytics', 'payments:read'];
    const key = (keyId: string, scopes: string[]) =>
      Object.assign(new ApiKeyRecord(), {
        keyId,
        name: keyId,
        secretHash: 'x'.repeat(64),
        divisions: 'all',
        scopes: scopes.join(' '),
        userId: '00000000-0000-4000-8000-000000000001',
        created: new Date(),
        createdBy: 'test',
        expires: null,
        revoked: null,
      });
    await ds.getRepository(ApiKeyRecord).insert([key('allscopes', every), key('reader', ['payments:read', 'analytics'])]);
    const scopesOf = async () => Object.fromEntries((await ds.getRepository(ApiKeyRecord).find()).map((k) => [k.keyId, k.scopes]));

    await ds.runMigrations({ transaction: 'each' });
    expect(await existingTables()).toContain('Receivables');
    const reader = 'payments:read analytics';
    // The bank entries and statement import migrations, which run after it, add their scopes to the same key.
    const all = [...every, 'receivables:read', 'receivables:write', 'statements:read', 'cash:write', 'statements:import'];
    expect(await scopesOf()).toEqual({ allscopes: all.join(' '), reader });
    await undoReceivables();
    expect(await scopesOf()).toEqual({ allscopes: every.join(' '), reader });
    await ds.runMigrations({ transaction: 'each' });
    await ds.getRepository(ApiKeyRecord).clear();
    await expectSchemaOfEntities();
  });
});

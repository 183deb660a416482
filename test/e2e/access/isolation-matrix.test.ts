import { getNamedType, GraphQLObjectType } from 'graphql';
import { ObjectLiteral } from 'typeorm';
import { allDivisionCodes } from '../../../src/access/authenticate';
import { CATALOG, CatalogTable, table } from '../../../src/catalog';
import { entityOf } from '../../../src/modules/entities';
import { buildGatewaySchema } from '../../../src/modules/schema';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { Gql, GraphQLResult, startTestGateway, TestGateway } from '../../support/gateway';
import { plantAllocationRules, plantReconciliation } from '../../support/reconciliation-apply';

/**
 * The isolation matrix: a caller granted division A sees and changes nothing of division B, for
 * every root field, nested relation, aggregate and mutation of the schema. Generic entity fields
 * are covered from the catalog; every other root field must be listed in OTHER_FIELDS with the
 * test that covers it, so a new field cannot slip in untested.
 */
const OTHER_FIELDS: Record<string, string> = {
  'Query.exactConnections': 'exact-online/gateway.test.ts: connections of other divisions are invisible',
  'Query.syncRuns': 'exact-online/gateway.test.ts: runs of other divisions are invisible',
  'Query.apiKeys': 'key-management.test.ts: keys of other divisions are invisible',
  'Query.bankConnections': 'bank-connectors/codabox.test.ts: another division sees no connection, account or run',
  'Query.bankConnectionRuns': "bank-connectors/codabox.test.ts: another division's connection is NOT_FOUND, its runs invisible",
  'Query.bankPaymentOrders': "bank-connectors/connector-actions.test.ts: another division's admin sees none of the payments sent",
  'Mutation.pullBankConnection': "bank-connectors/connector-actions.test.ts: another division's connection is NOT_FOUND, no run written",
  'Mutation.pushPaymentBatchToPonto': "bank-connectors/connector-actions.test.ts: another division's connection is NOT_FOUND, nothing sent",
  'Mutation.followBankPayments': "bank-connectors/connector-actions.test.ts: another division's batch is NOT_FOUND, nothing asked",
  'Mutation.createApiKey': 'key-management.test.ts: cannot grant a division not held',
  'Mutation.revokeApiKey': 'key-management.test.ts: keys of other divisions answer NOT_FOUND',
  'Mutation.createPayment': 'payment-isolation.test.ts: a write into a division not granted is FORBIDDEN',
  'Mutation.createPayments': 'payment-isolation.test.ts: a write into a division not granted is FORBIDDEN',
  'Mutation.updatePayment': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.updatePayments': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.deletePayment': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.deletePayments': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.splitPayment': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.selectPayments': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.deselectPayments': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.processPayments': 'payment-isolation.test.ts: a run in a division not granted is FORBIDDEN, its payments NOT_FOUND',
  'Mutation.matchPayments': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.unmatchPayments': "payment-isolation.test.ts: another division's payment is NOT_FOUND",
  'Mutation.createReceivable': 'receivable-writes.test.ts: a write into a division not granted is FORBIDDEN',
  'Mutation.createReceivables': 'receivable-writes.test.ts: a write into a division not granted is FORBIDDEN',
  'Mutation.updateReceivable': "receivable-writes.test.ts: another division's receivable is NOT_FOUND",
  'Mutation.updateReceivables': "receivable-writes.test.ts: another division's receivable is NOT_FOUND",
  'Mutation.deleteReceivable': "receivable-writes.test.ts: another division's receivable is NOT_FOUND",
  'Mutation.deleteReceivables': "receivable-writes.test.ts: another division's receivable is NOT_FOUND",
  'Mutation.splitReceivable': "receivable-writes.test.ts: another division's receivable is NOT_FOUND",
  'Query.receivablesAggregate': 'aggregate-isolation.test.ts: groups only the granted divisions; naming another is FORBIDDEN',
  'Query.receivableAgeing': 'aggregate-isolation.test.ts: ages only the granted divisions; naming another is FORBIDDEN',
  'Query.financialAccounts':
    "isolation-matrix.test.ts, financial accounts: only the granted divisions' accounts, transactions, bank accounts",
  'Query.financialAccount': "isolation-matrix.test.ts, financial accounts: another division's account is NOT_FOUND",
  'Mutation.createCashEntry': 'isolation-matrix.test.ts, financial accounts: a cash entry into a division not granted is FORBIDDEN',
  'Mutation.deleteCashEntry': "isolation-matrix.test.ts, financial accounts: another division's cash entry is NOT_FOUND",
  'Mutation.importBankStatements':
    "randomised-statement-import-isolation.test.ts: a statement of another division's account is FORBIDDEN as one of nobody's, nothing stored",
  'Query.paymentsAggregate': 'aggregate-isolation.test.ts: groups only the granted divisions; naming another is FORBIDDEN',
  'Query.paymentBatchesAggregate': 'aggregate-isolation.test.ts: groups only the granted divisions; naming another is FORBIDDEN',
  'Query.paymentConditionsAggregate': 'aggregate-isolation.test.ts: groups only the granted divisions; naming another is FORBIDDEN',
  'Query.paymentAgeing': 'aggregate-isolation.test.ts: ages only the granted divisions; naming another is FORBIDDEN',
  'Query.catalog': 'catalog.test.ts: table and column metadata only, no rows of any division',
  'Query.reconciliationList':
    'randomised-isolation.test.ts: a root list of BankEntryLines like any (generated queries; planted reconciliation rows)',
  'Query.reconciliationStatus': 'reconciliation-isolation.test.ts: answers for the granted divisions only; naming another is FORBIDDEN',
  'Mutation.acceptReconciliationProposal': "reconciliation-isolation.test.ts: another division's proposal is NOT_FOUND, nothing changes",
  'Mutation.acceptReconciliationProposals': "reconciliation-isolation.test.ts: another division's proposal is NOT_FOUND, nothing changes",
  'Mutation.linkBankEntryLine':
    "reconciliation-isolation.test.ts: another division's line or item is NOT_FOUND; reconciliation-apply.test.ts: ITEM_NOT_MATCHABLE",
  'Mutation.bookBankEntryLine': "reconciliation-isolation.test.ts: another division's line or G/L account is NOT_FOUND",
  'Mutation.ignoreBankEntryLine': "reconciliation-isolation.test.ts: another division's line (or part of a split line) is NOT_FOUND",
  'Mutation.splitBankEntryLine':
    "reconciliation-isolation.test.ts: another division's line is NOT_FOUND; reconciliation-split.test.ts: a part never settles another division's item",
  'Mutation.undoReconciliationAction': "reconciliation-isolation.test.ts: another division's action is NOT_FOUND",
  'Mutation.reconcileBankLines': 'reconciliation-isolation.test.ts: changes nothing outside the granted (or named) divisions',
  'Mutation.setReconciliationSettings': 'reconciliation-isolation.test.ts: a division not granted is FORBIDDEN',
  'Mutation.createAllocationRule': 'allocation-rules.test.ts: a rule in a division not granted is FORBIDDEN',
  'Mutation.updateAllocationRule': "allocation-rules.test.ts: another division's rule is NOT_FOUND",
  'Mutation.deleteAllocationRule': "allocation-rules.test.ts: another division's rule is NOT_FOUND",
  'Query.sql':
    'sql-safety.test.ts: division isolation through joins, derived columns, subqueries and unions; sql-http.test.ts: a key granted one division',
};

let t: TestDatabase;
let gw: TestGateway;
let D1: number;
let D2: number;
let D3: number;
let asA: Gql;

const pkField = (x: CatalogTable) => x.columns.find((c) => c.name === x.primaryKey)!.field;
const partField = (x: CatalogTable) => (x.partitionColumn ? x.columns.find((c) => c.name === x.partitionColumn)!.field : undefined);
const rowsOf = (name: string): Promise<ObjectLiteral[]> => t.db.dataSource.getRepository(entityOf(name)).find();

/** Root list and lookup fields per catalog table, found in the schema by their types. */
function entityRootFields() {
  const query = buildGatewaySchema().getQueryType()!;
  const out: { t: CatalogTable; list: string; one: string }[] = [];
  for (const x of CATALOG) {
    const fields = Object.values(query.getFields());
    // The table's own list (bankEntryLines), not another list of its rows (reconciliationList).
    const lists = fields.filter((f) => getNamedType(f.type).name === `${x.typeName}Connection`);
    const list = lists.find((f) => f.name.toLowerCase() === x.name.toLowerCase()) ?? lists[0];
    const one = fields.find((f) => getNamedType(f.type).name === x.typeName && f.args.some((a) => a.name === pkField(x)));
    if (list && one) out.push({ t: x, list: list.name, one: one.name });
  }
  return out;
}
const ENTITY_FIELDS = entityRootFields();

beforeAll(async () => {
  t = await openSeededDatabase('isolation_matrix', { divisions: 3, payments: 300 });
  [D1, D2, D3] = await allDivisionCodes(t.db);
  // Rows of the reconciliation tables in every division (the seed has none).
  await plantReconciliation(t.db, [D1, D2, D3]);
  await plantAllocationRules(t.db, [D1, D2, D3]);
  // Pages of 1000 with nested lists under them: far over the default cost limit, on purpose.
  gw = await startTestGateway(t.db, { MAX_QUERY_COST: '100000000' });
  asA = await gw.as({ divisions: [D1], name: 'division A only' });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

async function listAll(gql: Gql, field: string, selection: string, headers?: Record<string, string>): Promise<ObjectLiteral[]> {
  const out: ObjectLiteral[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResult = await gql(
      `query($after: String) { ${field}(first: 1000, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } totalCount } }`,
      { after },
      headers,
    );
    expect(res.errors).toBeUndefined();
    out.push(...res.data[field].nodes);
    if (!res.data[field].pageInfo.hasNextPage) return out;
    after = res.data[field].pageInfo.endCursor;
  }
}

describe('isolation matrix', () => {
  it('covers every root field of the schema', () => {
    const schema = buildGatewaySchema();
    // Lists and lookups are covered below; every `<list>Aggregate` by aggregate-isolation.test.ts, which takes them from the schema.
    const generic = new Set(ENTITY_FIELDS.flatMap((f) => [`Query.${f.list}`, `Query.${f.one}`, `Query.${f.list}Aggregate`]));
    const all = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .filter((x): x is GraphQLObjectType => Boolean(x))
      .flatMap((type) => Object.keys(type.getFields()).map((f) => `${type.name}.${f}`));
    const uncovered = all
      .filter((f) => !generic.has(f) && !(f in OTHER_FIELDS))
      .map(
        (f) =>
          `${f} is not in the isolation matrix: add it to OTHER_FIELDS in test/e2e/access/isolation-matrix.test.ts with the test that proves a caller of division A cannot see or change division B through it`,
      );
    expect(uncovered).toEqual([]);
    const tables = ['Payments', 'Receivables', 'Divisions', 'Accounts', 'PaymentBatches', 'Users'];
    expect(ENTITY_FIELDS.map((f) => f.t.name)).toEqual(expect.arrayContaining(tables));
  });

  it('root lists show the caller only rows of its divisions, all of them, and count only those', async () => {
    // Users: those acting in division A (user-privacy.test.ts covers the rule in depth).
    const actors = new Set(
      (await rowsOf('Payments')).filter((p) => p.divisionCode === D1).flatMap((p) => [p.creatorID, p.modifierID, p.paymentSelectorID]),
    );
    for (const { t: x, list } of ENTITY_FIELDS) {
      const part = partField(x);
      const rows = await listAll(asA, list, [pkField(x), part].filter(Boolean).join(' '));
      const expected = (await rowsOf(x.name)).filter((r) => (part ? r[part] === D1 : !x.visibleThroughActors || actors.has(r[pkField(x)])));
      expect({ table: x.name, ids: rows.map((r) => r[pkField(x)]).sort() }).toEqual({
        table: x.name,
        ids: expected.map((r) => r[pkField(x)]).sort(),
      });
      if (part) {
        expect(expected.length).toBeGreaterThan(0);
        for (const r of rows) expect({ table: x.name, division: r[part] }).toEqual({ table: x.name, division: D1 });
      }
      const counted = await asA(`{ ${list} { totalCount } }`);
      expect(counted.data[list].totalCount).toBe(expected.length);
    }
  });

  it('lookups by key answer NOT_FOUND for a row of another division, also through header and argument selection', async () => {
    const all = await gw.as({ divisions: 'all', name: 'all divisions' });
    for (const { t: x, one } of ENTITY_FIELDS) {
      const part = partField(x);
      if (!part) continue;
      const rows = await rowsOf(x.name);
      const mine = rows.find((r) => r[part] === D1)!;
      const theirs = rows.find((r) => r[part] === D2)!;
      const q = `query($k: ${x.columns.find((c) => c.name === x.primaryKey)!.type === 'guid' ? 'UUID' : 'Int'}!, $d: [Int!]) { ${one}(${pkField(x)}: $k, divisions: $d) { ${pkField(x)} ${part} } }`;
      const ok = await asA(q, { k: mine[pkField(x)] });
      expect(ok.errors).toBeUndefined();
      expect(ok.data[one][part]).toBe(D1);
      const attempts = [
        await asA(q, { k: theirs[pkField(x)] }),
        await all(q, { k: theirs[pkField(x)] }, { 'x-cashflow-divisions': String(D1) }),
        await all(q, { k: theirs[pkField(x)], d: [D1, D3] }),
      ];
      for (const res of attempts) {
        expect({ table: x.name, code: res.errors?.[0].extensions?.code }).toEqual({ table: x.name, code: 'NOT_FOUND' });
        expect(res.data).toBeNull();
      }
      const visible = await all(q, { k: theirs[pkField(x)] });
      expect(visible.data[one][part]).toBe(D2);
    }
  });

  it('nested relations (and the columns read through them) never reach another division', async () => {
    // A row of division A pointing at rows of division B must not show them: loader keys carry
    // the division of the referencing row. Plant such references directly in the database.
    const payment = (await rowsOf('Payments')).find((r) => r.divisionCode === D1)!;
    const receivable = (await rowsOf('Receivables')).find((r) => r.divisionCode === D1)!;
    const foreignAccount = (await rowsOf('Accounts')).find((r) => r.divisionCode === D2)!;
    const foreignGl = (await rowsOf('GLAccounts')).find((r) => r.divisionCode === D2)!;
    const repo = t.db.dataSource.getRepository(entityOf('Payments'));
    const receivables = t.db.dataSource.getRepository(entityOf('Receivables'));
    await repo.update({ id: payment.id }, { accountID: foreignAccount.id, glAccountID: foreignGl.id } as never);
    await receivables.update({ id: receivable.id }, { accountID: foreignAccount.id, glAccountID: foreignGl.id } as never);
    try {
      for (const { t: x, list } of ENTITY_FIELDS) {
        const part = partField(x);
        const rels = x.relations.filter((r) => r.kind === 'one');
        if (!part || rels.length === 0) continue;
        const derived = x.columns.filter((c) => c.derived).map((c) => c.field);
        const selection = [
          pkField(x),
          part,
          ...derived,
          ...rels.map((r) => `${r.name} { ${pkField(table(r.table))} ${partField(table(r.table)) ?? ''} }`),
        ].join(' ');
        for (const caller of [asA, gw.gql]) {
          const rows = await listAll(caller, list, selection, caller === gw.gql ? { 'x-cashflow-divisions': 'all' } : undefined);
          for (const row of rows) {
            for (const r of rels) {
              const target = table(r.table);
              const related = row[r.name];
              if (!related || !target.partitionColumn) continue;
              // Same division as the row that points at it, and (for A) only division A.
              expect({ path: `${x.name}.${r.name}`, division: related[partField(target)!] }).toEqual({
                path: `${x.name}.${r.name}`,
                division: row[part],
              });
              if (caller === asA) expect(related[partField(target)!]).toBe(D1);
            }
          }
        }
      }
      const planted = await asA(`query($id: UUID!) { payment(id: $id) { account { id } accountName glAccount { id } glAccountCode } }`, {
        id: payment.id,
      });
      expect(planted.errors).toBeUndefined();
      expect(planted.data.payment).toEqual({ account: null, accountName: null, glAccount: null, glAccountCode: null });
      expect(JSON.stringify(planted.data)).not.toContain(foreignAccount.name);
      const q = `query($id: UUID!) { receivable(id: $id) { account { id } accountName accountCode glAccount { id } glAccountCode } }`;
      const plantedReceivable = await asA(q, { id: receivable.id });
      expect(plantedReceivable.errors).toBeUndefined();
      const none = { account: null, accountName: null, accountCode: null, glAccount: null, glAccountCode: null };
      expect(plantedReceivable.data.receivable).toEqual(none);
    } finally {
      await repo.update({ id: payment.id }, { accountID: payment.accountID, glAccountID: payment.glAccountID } as never);
      await receivables.update({ id: receivable.id }, { accountID: receivable.accountID, glAccountID: receivable.glAccountID } as never);
    }
  });

  it.each([
    ['Payments', 'payments', 'PaymentWhere'],
    ['Receivables', 'receivables', 'ReceivableWhere'],
  ])("filters and sorts of %s through relations never match or reveal another division's rows", async (name, list, whereType) => {
    const item = (await rowsOf(name)).find((r) => r.divisionCode === D1)!;
    const foreign = (await rowsOf('Accounts')).find((r) => r.divisionCode === D2)!;
    const repo = t.db.dataSource.getRepository(entityOf(name));
    await repo.update({ id: item.id }, { accountID: foreign.id } as never);
    try {
      const Q = `query($w: ${whereType}) { ${list}(where: $w, first: 1000) { nodes { id divisionCode accountName account { id } } } }`;
      for (const caller of [asA, gw.gql]) {
        for (const w of [
          { accountName: { eq: foreign.name } },
          { account: { name: { eq: foreign.name } } },
          { account: { id: { eq: foreign.id } } },
          { account: { divisionCode: { eq: D2 } } },
        ]) {
          const res = await caller(Q, { w });
          expect(res.errors).toBeUndefined();
          // The D1 item points at a D2 account: no filter through that relation may match it.
          expect(res.data[list].nodes.filter((n: { id: string }) => n.id === item.id)).toEqual([]);
          if (caller === asA) expect(res.data[list].nodes.every((n: { divisionCode: number }) => n.divisionCode === D1)).toBe(true);
        }
      }
      const sorted = await asA(`{ ${list}(first: 1000, orderBy: [{ account: name }]) { nodes { id accountName } } }`);
      expect(sorted.data[list].nodes.find((n: { id: string }) => n.id === item.id).accountName).toBeNull();
      expect(JSON.stringify(sorted.data)).not.toContain(foreign.name);
    } finally {
      await repo.update({ id: item.id }, { accountID: item.accountID } as never);
    }
  });

  it("nested lists (to-many) show only rows of the parent's division, even when another division points at the parent", async () => {
    // A division-2 payment naming a division-1 supplier must not appear under that supplier; the
    // same for a division-2 receivable naming a division-1 account.
    const account = (await rowsOf('Accounts')).find((r) => r.divisionCode === D1)!;
    const payment = (await rowsOf('Payments')).find((r) => r.divisionCode === D2)!;
    const receivable = (await rowsOf('Receivables')).find((r) => r.divisionCode === D2)!;
    const repo = t.db.dataSource.getRepository(entityOf('Payments'));
    const receivables = t.db.dataSource.getRepository(entityOf('Receivables'));
    await repo.update({ id: payment.id }, { accountID: account.id } as never);
    await receivables.update({ id: receivable.id }, { accountID: account.id } as never);
    try {
      const schema = buildGatewaySchema();
      let checked = 0;
      for (const { t: x, list } of ENTITY_FIELDS) {
        const part = partField(x);
        const node = schema.getType(x.typeName) as GraphQLObjectType;
        const nested = Object.values(node.getFields()).filter((f) => getNamedType(f.type).name.endsWith('Connection'));
        if (!part || nested.length === 0) continue;
        const selection = nested.map((f) => {
          const child = CATALOG.find((c) => `${c.typeName}Connection` === getNamedType(f.type).name)!;
          return `${f.name}(first: 1000) { nodes { ${pkField(child)} ${partField(child) ?? ''} } }`;
        });
        for (const caller of [asA, gw.gql]) {
          const rows = await listAll(caller, list, [pkField(x), part, ...selection].join(' '));
          for (const row of rows) {
            for (const f of nested) {
              const child = CATALOG.find((c) => `${c.typeName}Connection` === getNamedType(f.type).name)!;
              for (const n of row[f.name].nodes) {
                checked++;
                if (child.partitionColumn)
                  expect({ path: `${x.name}.${f.name}`, division: n[partField(child)!] }).toEqual({
                    path: `${x.name}.${f.name}`,
                    division: row[part],
                  });
                if (row[part] === D1) expect([payment.id, receivable.id]).not.toContain(n[pkField(child)]);
              }
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    } finally {
      await repo.update({ id: payment.id }, { accountID: payment.accountID } as never);
      await receivables.update({ id: receivable.id }, { accountID: receivable.accountID } as never);
    }
  });

  it('aggregates (counts) exclude other divisions', async () => {
    const expected = (await rowsOf('Payments')).filter((r) => r.divisionCode === D1).length;
    const res = await asA('{ payments { totalCount } }');
    expect(res.data.payments.totalCount).toBe(expected);
    const total = await gw.gql('{ payments { totalCount } }');
    expect(total.data.payments.totalCount).toBe(300);
  });
});

describe('partition selection', () => {
  const Q = '{ payments(first: 1000) { nodes { divisionCode } } }';
  const divisionsOf = (res: { data?: { payments: { nodes: { divisionCode: number }[] } } }) =>
    [...new Set(res.data!.payments.nodes.map((n) => n.divisionCode))].sort();

  it('defaults to every granted division; the header and the argument narrow it', async () => {
    expect(divisionsOf(await gw.gql(Q))).toEqual([D1, D2, D3]);
    expect(divisionsOf(await gw.gql(Q, {}, { 'x-cashflow-divisions': 'all' }))).toEqual([D1, D2, D3]);
    expect(divisionsOf(await gw.gql(Q, {}, { 'x-cashflow-divisions': `${D1}, ${D3}` }))).toEqual([D1, D3]);
    expect(divisionsOf(await gw.gql(`{ payments(first: 1000, divisions: [${D2}]) { nodes { divisionCode } } }`))).toEqual([D2]);
    const both = await gw.gql(
      `{ a: payments(first: 1000, divisions: [${D1}]) { totalCount } b: payments(first: 1000, divisions: [${D2}]) { totalCount } }`,
    );
    expect(both.data.a.totalCount + both.data.b.totalCount).toBeLessThan(300);
  });

  it("a compiled statement reused by later requests (MariaDB) never carries one caller's divisions to another", async () => {
    const asB = await gw.as({ divisions: [D2], name: 'division B only' });
    const q = `{ payments(first: 1000, where: { amountDC: { gt: "0" } }, orderBy: [{ field: dueDate }]) { nodes { divisionCode account { divisionCode } } } }`;
    for (let round = 0; round < 3; round++) {
      expect(divisionsOf(await asA(q))).toEqual([D1]);
      expect(divisionsOf(await asB(q))).toEqual([D2]);
      expect(divisionsOf(await gw.gql(q))).toEqual([D1, D2, D3]);
      expect(divisionsOf(await gw.gql(q, {}, { 'x-cashflow-divisions': `${D3}` }))).toEqual([D3]);
      for (const res of [await asA(q), await asB(q)])
        for (const n of res.data.payments.nodes) expect(n.account === null || n.account.divisionCode === n.divisionCode).toBe(true);
    }
  });

  it('refuses a division that is not granted with FORBIDDEN, never dropping it silently', async () => {
    const header = await asA(Q, {}, { 'x-cashflow-divisions': `${D1},${D2}` });
    expect(header.status).toBe(403);
    expect(header.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', division: D2 });
    const arg = await asA(`{ payments(divisions: [${D1}, ${D2}]) { totalCount } }`);
    expect(arg.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', division: D2 });
    expect(arg.data).toBeNull();
    const outsideHeader = await gw.gql(`{ payments(divisions: [${D2}]) { totalCount } }`, {}, { 'x-cashflow-divisions': String(D1) });
    expect(outsideHeader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await gw.gql(Q, {}, { 'x-cashflow-divisions': '999999' });
    expect(unknown.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a malformed selection naming the header', async () => {
    const res = await gw.gql(Q, {}, { 'x-cashflow-divisions': 'one,two' });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/^X-Cashflow-Divisions/);
    const empty = await gw.gql('{ payments(divisions: []) { totalCount } }');
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('financial accounts', () => {
  const ACCOUNTS = `query($d: [Int!]) {
    financialAccounts(divisions: $d) {
      id divisionCode journalCode bankAccountID bankAccountNumber bankAccount { id divisionCode } journal { id divisionCode }
      currentBalance balanceAt(date: "2030-01-01T00:00:00Z")
      transactions(first: 1000) { nodes { id divisionCode bankEntryLine { id divisionCode } cashEntryLine { id divisionCode } } totalCount }
    }
  }`;
  const financialJournals = async (division: number) =>
    (await rowsOf('Journals'))
      .filter((j) => j.divisionCode === division && (j.type === 10 || j.type === 12))
      .map((j) => j.id)
      .sort();

  it("list only the granted divisions' accounts, with only their transactions", async () => {
    const res = await asA(ACCOUNTS);
    expect(res.errors).toBeUndefined();
    const accounts = res.data.financialAccounts as ObjectLiteral[];
    expect(accounts.map((a) => a.id).sort()).toEqual(await financialJournals(D1));
    const lines = new Map([...(await rowsOf('BankEntryLines')), ...(await rowsOf('CashEntryLines'))].map((l) => [l.id, l]));
    let seen = 0;
    for (const a of accounts) {
      expect(a.divisionCode).toBe(D1);
      expect(a.journal.divisionCode).toBe(D1);
      if (a.bankAccount) expect(a.bankAccount.divisionCode).toBe(D1);
      for (const n of a.transactions.nodes) {
        seen++;
        expect({ id: n.id, division: lines.get(n.id)?.divisionCode, journal: lines.get(n.id)?.journalCode }).toEqual({
          id: n.id,
          division: D1,
          journal: a.journalCode,
        });
        expect((n.bankEntryLine ?? n.cashEntryLine).divisionCode).toBe(D1);
      }
      expect(a.transactions.totalCount).toBe(a.transactions.nodes.length);
    }
    expect(seen).toBeGreaterThan(0);
    const narrowed = await asA(ACCOUNTS, { d: [D1, D2] });
    expect(narrowed.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', division: D2 });
  });

  it("answer NOT_FOUND for another division's account, also through header and argument selection", async () => {
    const all = await gw.as({ divisions: 'all', name: 'all divisions' });
    const [theirs] = await financialJournals(D2);
    const Q = 'query($id: UUID!, $d: [Int!]) { financialAccount(id: $id, divisions: $d) { id divisionCode } }';
    for (const res of [
      await asA(Q, { id: theirs }),
      await all(Q, { id: theirs }, { 'x-cashflow-divisions': String(D1) }),
      await all(Q, { id: theirs, d: [D1, D3] }),
    ]) {
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(res.data).toBeNull();
    }
    expect((await all(Q, { id: theirs })).data.financialAccount.divisionCode).toBe(D2);
  });

  it("never show another division's bank account through a journal that points at it", async () => {
    const repo = t.db.dataSource.getRepository(entityOf('Journals'));
    const journal = (await rowsOf('Journals')).find((j) => j.divisionCode === D1 && j.type === 12 && j.bankAccountID)!;
    const foreign = (await rowsOf('BankAccounts')).find((b) => b.divisionCode === D2 && b.accountID === null)!;
    await repo.update({ id: journal.id }, { bankAccountID: foreign.id } as never);
    try {
      for (const caller of [asA, gw.gql]) {
        const res = await caller(ACCOUNTS, { d: [D1] });
        const planted = res.data.financialAccounts.find((a: ObjectLiteral) => a.id === journal.id);
        expect(planted).toMatchObject({ bankAccountID: null, bankAccountNumber: null, bankAccount: null });
        expect(JSON.stringify(res.data)).not.toContain(foreign.bankAccount);
      }
    } finally {
      await repo.update({ id: journal.id }, { bankAccountID: journal.bankAccountID } as never);
    }
  });

  it("refuse cash entries into a division not granted and find no other division's entry to delete", async () => {
    const journal = (await rowsOf('Journals')).find((j) => j.divisionCode === D2 && j.type === 10)!;
    const entry = (await rowsOf('CashEntries')).find((e) => e.divisionCode === D2)!;
    const before = [(await rowsOf('CashEntries')).length, (await rowsOf('CashEntryLines')).length];
    const input = {
      divisionCode: D2,
      journalCode: journal.code,
      entryDate: '2026-06-30T00:00:00Z',
      closingBalanceFC: '1.00',
      lines: [{ amountFC: '1.00' }],
    };
    const created = await asA('mutation($input: CashEntryCreateInput!) { createCashEntry(input: $input) { entryID } }', { input });
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', division: D2 });
    const deleted = await asA('mutation($id: UUID!, $v: Int!) { deleteCashEntry(entryID: $id, version: $v) { deletedEntryID } }', {
      id: entry.entryID,
      v: entry.version,
    });
    expect(deleted.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect([(await rowsOf('CashEntries')).length, (await rowsOf('CashEntryLines')).length]).toEqual(before);
  });
});

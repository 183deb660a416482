import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

let t: TestDatabase;
let gw: TestGateway;

beforeAll(async () => {
  t = await openSeededDatabase('foundation');
  gw = await startTestGateway(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const PAGE = `query Page($first: Int) {
  payments(first: $first) {
    nodes {
      id amountDC accountName glAccountCode divisionName
      account { code } glAccount { type } division { description }
      batch { cashflowTransactionBatchCode } creator { fullName } document { documentNumber }
    }
  }
}`;

describe('foundation', () => {
  it('answers a page of payments with related names read from the referenced rows', async () => {
    const res = await gw.gql(PAGE, { first: 10 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.payments.nodes;
    expect(nodes).toHaveLength(10);
    for (const p of nodes) {
      expect(p.accountName).toBeTruthy();
      expect(p.glAccount.type).toBe(22);
      expect(p.divisionName).toBe(p.division.description);
      expect(p.account.code).toBeTruthy();
    }
  });

  it('runs a bounded number of statements whatever the page size (no N+1)', async () => {
    const small = await gw.gql(PAGE, { first: 10 });
    const large = await gw.gql(PAGE, { first: 100 });
    expect(large.errors).toBeUndefined();
    expect(large.data.payments.nodes).toHaveLength(100);
    // 1 page + one per relation selected (account, glAccount, division, batch, creator, document).
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(1 + 6);
  });
});

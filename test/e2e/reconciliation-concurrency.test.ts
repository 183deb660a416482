import { ReconciliationMatch } from '../../src/modules/reconciliation/match-line.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { Gql, startTestGateway, TestGateway } from '../support/gateway';
import { ReceivableFixture, receivableFixture } from '../support/receivables';
import { bankLines, propose, receivable, receivableNow, receivablesProposal } from '../support/reconciliation-apply';

/**
 * Two users accepting overlapping proposals at the same time, over real HTTP, each with an API
 * key of their own: an item is never settled twice. Whoever locks the item first settles it; the
 * other's transaction waits on the row lock (SELECT ... FOR UPDATE on MariaDB; SQLite runs
 * writers one at a time), then sees Status 50 and answers CONFLICT with nothing written.
 */
let t: TestDatabase;
let gw: TestGateway;
let f: ReceivableFixture;
let alice: Gql;
let bob: Gql;

beforeAll(async () => {
  t = await openSeededDatabase('reconciliation_concurrency', { divisions: 2, payments: 40 });
  gw = await startTestGateway(t.db);
  f = await receivableFixture(t.db);
  alice = await gw.as({ name: 'alice', scopes: ['reconciliation:read', 'reconciliation:write'] });
  bob = await gw.as({ name: 'bob', scopes: ['reconciliation:read', 'reconciliation:write'] });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const ACCEPT = `mutation($id: UUID!) { acceptReconciliationProposal(proposalID: $id) { id } }`;

/** Matches of an item that hold (not undone). */
const holding = (receivableID: string) =>
  t.db.dataSource.manager.findBy(ReconciliationMatch, { receivableID }).then((rows) => rows.filter((m) => m.undone === null).length);

/** Both accept at once; exactly one wins, the other gets CONFLICT. Returns which won. */
async function race(first: string, second: string): Promise<'first' | 'second'> {
  const [a, b] = await Promise.all([alice(ACCEPT, { id: first }), bob(ACCEPT, { id: second })]);
  const outcome = [a, b].map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK'));
  expect(outcome.sort()).toEqual(['CONFLICT', 'OK']);
  return a.errors ? 'second' : 'first';
}

describe('two users accepting overlapping proposals at once', () => {
  it('never settle one invoice twice', async () => {
    for (let round = 0; round < 6; round++) {
      const r = await receivable(t.db, f, '150.00');
      const lines = await bankLines(t.db, f.division, [{ amount: '150.00' }, { amount: '150.00' }]);
      const [p1, p2] = await propose(
        t.db,
        f.division,
        lines.map((l) => receivablesProposal(l, [{ id: r.id, amountFC: '150.00' }])),
      );
      await race(p1.id, p2.id);
      expect(await holding(r.id)).toBe(1);
      expect((await receivableNow(t.db, r.id)).status).toBe(50);
    }
  });

  it('never settle the shared invoice of two combinations twice, and leave the loser untouched', async () => {
    for (let round = 0; round < 4; round++) {
      const [r1, r2, r3] = [await receivable(t.db, f, '10.00'), await receivable(t.db, f, '20.00'), await receivable(t.db, f, '30.00')];
      const lines = await bankLines(t.db, f.division, [{ amount: '30.00' }, { amount: '50.00' }]);
      const stored = await propose(t.db, f.division, [
        receivablesProposal(lines[0], [
          { id: r1.id, amountFC: '10.00' },
          { id: r2.id, amountFC: '20.00' },
        ]),
        receivablesProposal(lines[1], [
          { id: r2.id, amountFC: '20.00' },
          { id: r3.id, amountFC: '30.00' },
        ]),
      ]);
      // storeProposals answers in the order it read the lines: find each line's own.
      const [p1, p2] = lines.map((l) => stored.find((p) => p.bankEntryLineID === l.id)!);
      const winner = await race(p1.id, p2.id);
      const statuses = await Promise.all([r1, r2, r3].map(async (r) => (await receivableNow(t.db, r.id)).status));
      expect(statuses).toEqual(winner === 'first' ? [50, 50, 20] : [20, 50, 50]);
      expect(await holding(r2.id)).toBe(1);
    }
  });
});

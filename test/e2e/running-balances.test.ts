import { allDivisionCodes } from '../../src/access/authenticate';
import { StatementToStore } from '../../src/modules/financial-accounts/statement.input';
import { Dec } from '../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { executeAs } from '../support/execute';
import { dayText, ownBankAccount, store } from '../support/statements';

/**
 * Running balances of financial accounts against an independent computation: random statements
 * (same-day statements, statements without lines, several booking days per statement, lines out
 * of booking order in the file) are stored through the statement service in a shuffled order
 * (gaps accepted while a statement is missing, closed when it arrives). The expected transactions
 * are computed here from the statements alone: statements by date, lines by booking date (ties
 * in file order), the balance after each the running sum from the first opening balance. Every
 * page (first, middle, last, walking forward and backward with random page sizes) and balanceAt
 * on every boundary must agree exactly.
 */
let t: TestDatabase;
let D: number;

/** mulberry32, seeded: the same statements on every run and database. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, chance: (p: number) => next() < p };
}

interface Expected {
  amount: string;
  balanceAfter: string;
  date: string;
}

/** A chain of balanced, continuous statements: `count` of them from day `start`. */
function statements(rng: ReturnType<typeof prng>, iban: string, count: number): StatementToStore[] {
  const out: StatementToStore[] = [];
  let balance = new Dec(rng.int(-50_000, 500_000)).dividedBy(100);
  let day = rng.int(0, 30);
  for (let k = 0; k < count; k++) {
    const previousDay = day;
    const sameDay = k > 0 && rng.chance(0.15);
    if (!sameDay) day += rng.int(1, 9);
    const lines = Array.from({ length: rng.chance(0.1) ? 0 : rng.int(1, 12) }, () => ({
      // Lines of a statement fall after the previous statement's day (its own day for a second statement that day).
      bookingDate: dayText(sameDay || k === 0 ? day - (k === 0 ? rng.int(0, 3) : 0) : rng.int(previousDay + 1, day)),
      amount: new Dec(rng.int(-900_000, 900_000)).dividedBy(100).toFixed(2),
      counterpartyName: `party ${rng.int(1, 50)}`,
    }));
    const closing = lines.reduce((s, l) => s.plus(l.amount), balance);
    out.push({
      divisionCode: D,
      account: iban,
      currency: 'EUR',
      statementNumber: rng.chance(0.1) ? null : String(k + 1),
      statementDate: dayText(day),
      openingBalance: balance.toFixed(2),
      openingBalanceDate: k === 0 ? dayText(day - 5) : dayText(previousDay),
      closingBalance: closing.toFixed(2),
      lines,
    });
    balance = closing;
  }
  return out;
}

/** The transactions in the account's order with the balance after each, computed from the statements alone. */
function expectedTransactions(chain: StatementToStore[]): Expected[] {
  const out: Expected[] = [];
  let balance = new Dec(chain[0].openingBalance);
  // The chain is in date order already (same-day statements in the order they were made).
  for (const s of chain) {
    const lines = s.lines
      .map((l, i) => ({ l, i }))
      .sort((a, b) => (a.l.bookingDate < b.l.bookingDate ? -1 : a.l.bookingDate > b.l.bookingDate ? 1 : a.i - b.i));
    for (const { l } of lines) {
      balance = balance.plus(l.amount);
      out.push({ amount: l.amount, balanceAfter: balance.toFixed(2), date: `${l.bookingDate}T00:00:00.000Z` });
    }
    expect(balance.toFixed(2)).toBe(new Dec(s.closingBalance).toFixed(2));
  }
  return out;
}

/** The balance at the end of `day`: the first opening balance plus every line booked by then (null before the opening date). */
function expectedBalanceAt(chain: StatementToStore[], day: string): string | null {
  if (day < chain[0].openingBalanceDate!) return null;
  const booked = chain.flatMap((s) => s.lines).filter((l) => l.bookingDate <= day);
  return booked.reduce((sum, l) => sum.plus(l.amount), new Dec(chain[0].openingBalance)).toFixed(2);
}

const PAGE = `query($id: UUID!, $first: Int, $after: String, $last: Int, $before: String) {
  financialAccount(id: $id) {
    transactions(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { amount balanceAfter date entryNumber lineNumber } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      totalCount
    }
  }
}`;

type Edge = { cursor: string; node: { amount: string; balanceAfter: string; date: string } };
type Connection = {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
};

async function page(id: string, args: Record<string, unknown>): Promise<Connection> {
  const res = await executeAs(t.db, { divisions: [D] }, PAGE, { id, ...args });
  expect(res.errors).toBeUndefined();
  return res.data!.financialAccount.transactions as Connection;
}

const shape = (edges: Edge[]): Expected[] =>
  edges.map((e) => ({ amount: e.node.amount, balanceAfter: e.node.balanceAfter, date: e.node.date }));

const accounts: { id: string; chain: StatementToStore[]; expected: Expected[] }[] = [];

beforeAll(async () => {
  t = await openSeededDatabase('running_balances', { divisions: 2, payments: 20 });
  [D] = await allDivisionCodes(t.db);
  const rng = prng(20261212);
  for (const [code, count] of [
    ['R1', 45],
    ['R2', 25],
    ['R3', 3],
  ] as const) {
    const { iban, journal } = await ownBankAccount(t.db, D, code);
    const chain = statements(rng, iban, count);
    // Shuffled by statement day (a day's statements keep their order): a statement that arrives
    // before its predecessor is stored with an accepted gap, which the predecessor then closes.
    const days = [...new Set(chain.map((s) => s.statementDate))].sort(() => rng.next() - 0.5);
    for (const d of days) for (const s of chain.filter((x) => x.statementDate === d)) await store(t.db, [D], s, { acceptGap: true });
    accounts.push({ id: journal.id, chain, expected: expectedTransactions(chain) });
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('running balances against an independent computation', () => {
  it('have no gap left once every statement arrived, and end at the last closing balance', async () => {
    for (const a of accounts) {
      const res = await executeAs(
        t.db,
        { divisions: [D] },
        `query($id: UUID!) { financialAccount(id: $id) { currentBalance lastStatementDate balanceGaps { entryID } } }`,
        { id: a.id },
      );
      const last = a.chain[a.chain.length - 1];
      expect(res.data!.financialAccount).toEqual({
        currentBalance: last.closingBalance,
        lastStatementDate: `${last.statementDate}T00:00:00.000Z`,
        balanceGaps: [],
      });
      expect(a.expected[a.expected.length - 1].balanceAfter).toBe(last.closingBalance);
    }
  });

  it('agree on every transaction walking forward with random page sizes', async () => {
    const rng = prng(7);
    for (const a of accounts) {
      const seen: Edge[] = [];
      let after: string | null = null;
      for (;;) {
        const p = await page(a.id, { first: rng.int(1, 40), after });
        seen.push(...p.edges);
        expect(p.totalCount).toBe(a.expected.length);
        expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(shape(seen)).toEqual(a.expected);
    }
  });

  it('agree on the first, a middle and the last page, and walking backward', async () => {
    const rng = prng(11);
    for (const a of accounts.filter((x) => x.expected.length > 60)) {
      const n = a.expected.length;
      const first = await page(a.id, { first: 25 });
      expect(shape(first.edges)).toEqual(a.expected.slice(0, 25));
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const all = (await page(a.id, { first: n })).edges;
      for (let k = 0; k < 5; k++) {
        const i = rng.int(0, n - 2);
        const middle = await page(a.id, { first: 25, after: all[i].cursor });
        expect(shape(middle.edges)).toEqual(a.expected.slice(i + 1, i + 26));
        const before = await page(a.id, { last: 25, before: all[i + 1].cursor });
        expect(shape(before.edges)).toEqual(a.expected.slice(Math.max(0, i + 1 - 25), i + 1));
      }
      const last = await page(a.id, { last: 25 });
      expect(shape(last.edges)).toEqual(a.expected.slice(n - 25));
      expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const seen: Edge[] = [];
      let before: string | null = null;
      for (;;) {
        const p = await page(a.id, { last: rng.int(1, 40), before });
        seen.unshift(...p.edges);
        if (!p.pageInfo.hasPreviousPage) break;
        before = p.pageInfo.startCursor;
      }
      expect(shape(seen)).toEqual(a.expected);
    }
  });

  it('give the balance on every day: before the first line, on and between statement dates, after the last', async () => {
    for (const a of accounts) {
      const first = a.chain[0];
      const lastDay = a.chain[a.chain.length - 1].statementDate;
      const days = new Set<string>([first.openingBalanceDate!, dayText(-40), lastDay, '2030-01-01']);
      const end = new Date(`${lastDay}T00:00:00Z`);
      for (let d = new Date(`${first.openingBalanceDate}T00:00:00Z`); d <= end; d = new Date(d.getTime() + 86_400_000))
        days.add(d.toISOString().slice(0, 10));
      const list = [...days].sort();
      const fields = list.map((d, i) => `b${i}: balanceAt(date: "${d}T12:00:00Z")`).join(' ');
      const res = await executeAs(t.db, { divisions: [D] }, `query($id: UUID!) { financialAccount(id: $id) { ${fields} } }`, { id: a.id });
      expect(res.errors).toBeUndefined();
      const got = list.map((d, i) => [d, res.data!.financialAccount[`b${i}`]]);
      expect(got).toEqual(list.map((d) => [d, expectedBalanceAt(a.chain, d)]));
      // Before the first line (on the opening balance date): the opening balance; before that day: unknown.
      expect(got.find(([d]) => d === first.openingBalanceDate)![1]).toBe(first.openingBalance);
      expect(got.find(([d]) => d === dayText(-40))![1]).toBeNull();
      expect(got.find(([d]) => d === '2030-01-01')![1]).toBe(a.chain[a.chain.length - 1].closingBalance);
    }
  });

  it('refuses a cursor of another account and a page beyond the limit, naming the argument', async () => {
    const [a, b] = accounts;
    const p = await page(a.id, { first: 2 });
    const res = await executeAs(t.db, { divisions: [D] }, PAGE, { id: b.id, first: 2, after: p.pageInfo.endCursor });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.errors?.[0].message).toMatch(/^after: /);
    const big = await executeAs(t.db, { divisions: [D] }, PAGE, { id: a.id, first: 1_000_000 });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', rule: 'INVALID_VALUE' });
  });
});

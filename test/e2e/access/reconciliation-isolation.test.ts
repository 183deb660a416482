import { allDivisionCodes } from '../../../src/access/authenticate';
import { GLAccount } from '../../../src/modules/gl-accounts/gl-account.entity';
import { BankEntryLine } from '../../../src/modules/financial-accounts/bank-entry-line.entity';
import { Payment } from '../../../src/modules/payments/payment.entity';
import { Receivable } from '../../../src/modules/receivables/receivable.entity';
import { IsNull } from 'typeorm';
import { ReconciliationPart } from '../../../src/modules/reconciliation/line-part.entity';
import { Dec } from '../../../src/platform/decimal';
import { ReconciliationAction } from '../../../src/modules/reconciliation/match-action.entity';
import { ReconciliationMatch } from '../../../src/modules/reconciliation/match-line.entity';
import { ReconciliationProposal } from '../../../src/modules/reconciliation/proposal-record.entity';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { executeAs } from '../../support/execute';
import { plantReconciliation } from '../../support/reconciliation-apply';

/**
 * Randomised isolation of the reconciliation mutations and queries: callers granted random
 * divisions accept proposals, link lines to items, book, ignore, split lines and settle their
 * parts, undo, reconcile, set settings
 * and read the status, on rows of random divisions. A row of a division not granted is NOT_FOUND
 * (or FORBIDDEN for a division named), and nothing of that division changes; a line of one
 * division never settles an item of another, whoever is granted both. The reads (lists, nested
 * lists, the processing list) are covered by randomised-isolation.test.ts, which plants the same
 * rows (plantReconciliation).
 */
const OPERATIONS = Number(process.env.RECONCILIATION_OPERATIONS ?? 240);
const SEED = Number(process.env.ISOLATION_SEED ?? 20261130);
const LONG = 240_000;

let t: TestDatabase;
let divisions: number[];

beforeAll(async () => {
  t = await openSeededDatabase('reconciliation_isolation', { divisions: 3, payments: 120 });
  divisions = await allDivisionCodes(t.db);
  await plantReconciliation(t.db, divisions);
});
afterAll(async () => {
  await t?.close();
});

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const subset = <T>(xs: readonly T[]): T[] => {
    for (;;) {
      const s = xs.filter(() => next() < 0.5);
      if (s.length) return s;
    }
  };
  return { next, pick, subset };
}

/** What each division holds of the reconciliation and its items: equal before and after means untouched. */
async function fingerprint(division: number): Promise<string> {
  const m = t.db.dataSource.manager;
  const where = { divisionCode: division };
  const parts = await Promise.all([
    m.find(ReconciliationAction, { where, order: { id: 'ASC' } }).then((r) => r.map((a) => [a.id, a.undone !== null])),
    m.find(ReconciliationProposal, { where, order: { id: 'ASC' } }).then((r) => r.map((p) => [p.id, p.status])),
    m.find(BankEntryLine, { where, order: { id: 'ASC' } }).then((r) => r.map((l) => [l.id, l.reconciliationStatus, l.openAmountFC])),
    m
      .find(ReconciliationPart, { where, order: { id: 'ASC' } })
      .then((r) => r.map((x) => [x.id, x.reconciliationStatus, x.undone !== null])),
    m.find(Receivable, { where, order: { id: 'ASC' } }).then((r) => r.map((x) => [x.id, x.version, x.status])),
    m.find(Payment, { where, order: { id: 'ASC' } }).then((r) => r.map((x) => [x.id, x.status])),
  ]);
  return JSON.stringify(parts);
}

type Op = { name: string; division: number; query: string; variables: Record<string, unknown>; divisionsArg?: number[] };

describe('randomised isolation of reconciliation', () => {
  it(
    `${OPERATIONS} generated reconciliation mutations and reads never reach a division not granted`,
    async () => {
      const rng = prng(SEED);
      const m = t.db.dataSource.manager;
      const stats: Record<string, number> = { ok: 0, notFound: 0, forbidden: 0, refused: 0 };
      for (let i = 0; i < OPERATIONS; i++) {
        const granted = rng.subset(divisions);
        const lines = await m.find(BankEntryLine, { take: 400 });
        const line = rng.pick(lines);
        const item = rng.pick(await m.find(Receivable, { where: { status: 20 }, take: 200 }));
        const gl = rng.pick(await m.findBy(GLAccount, { divisionCode: rng.pick(divisions) }));
        const proposal = rng.pick(await m.find(ReconciliationProposal, { take: 200 }));
        const action = rng.pick(await m.find(ReconciliationAction, { take: 200 }));
        const part = rng.pick(await m.find(ReconciliationPart, { where: { undone: IsNull() }, take: 200 }));
        const whole = new Dec(line.amountFC);
        const cent = whole.isNegative() ? '-0.01' : '0.01';
        const candidates: Op[] = [
          {
            name: 'split',
            division: line.divisionCode,
            query: `mutation($l: UUID!, $p: [BankEntryLinePartInput!]!) { splitBankEntryLine(lineID: $l, parts: $p) { id divisionCode } }`,
            variables: { l: line.id, p: [{ amountFC: whole.minus(cent).toFixed(2) }, { amountFC: cent }] },
          },
          {
            name: 'ignorePart',
            division: part.divisionCode,
            query: `mutation($l: UUID!) { ignoreBankEntryLine(lineID: $l, reason: "part") { id divisionCode } }`,
            variables: { l: part.id },
          },
          {
            name: 'link',
            division: line.divisionCode,
            query: `mutation($i: LinkBankEntryLineInput!) { linkBankEntryLine(input: $i) { id divisionCode } }`,
            variables: { i: { lineID: line.id, items: [{ receivableID: item.id, amountFC: '0.01' }] } },
          },
          {
            name: 'book',
            division: line.divisionCode,
            query: `mutation($l: UUID!, $g: UUID!) { bookBankEntryLine(lineID: $l, glAccountID: $g) { id divisionCode } }`,
            variables: { l: line.id, g: gl.id },
          },
          {
            name: 'ignore',
            division: line.divisionCode,
            query: `mutation($l: UUID!) { ignoreBankEntryLine(lineID: $l, reason: "test") { id divisionCode } }`,
            variables: { l: line.id },
          },
          {
            name: 'accept',
            division: proposal.divisionCode,
            query: `mutation($p: UUID!) { acceptReconciliationProposal(proposalID: $p) { id divisionCode } }`,
            variables: { p: proposal.id },
          },
          {
            name: 'acceptMany',
            division: proposal.divisionCode,
            query: `mutation($p: [UUID!]!) { acceptReconciliationProposals(proposalIDs: $p) { id divisionCode } }`,
            variables: { p: [proposal.id] },
          },
          {
            name: 'undo',
            division: action.divisionCode,
            query: `mutation($a: UUID!) { undoReconciliationAction(actionID: $a) { id divisionCode } }`,
            variables: { a: action.id },
          },
          {
            name: 'settings',
            division: gl.divisionCode,
            query: `mutation($d: Int!) { setReconciliationSettings(input: { divisionCode: $d, toleranceFC: "0.10" }) { divisionCode } }`,
            variables: { d: gl.divisionCode },
          },
        ];
        const op = rng.pick(candidates);
        const where = `#${i} (seed ${SEED}) ${op.name} on division ${op.division}, granted [${granted}]`;
        const before = await Promise.all(divisions.filter((d) => !granted.includes(d)).map(fingerprint));
        const res = await executeAs(t.db, { divisions: granted }, op.query, op.variables);
        const code = res.errors?.[0]?.extensions?.code as string | undefined;
        if (!granted.includes(op.division)) {
          expect({ where, code }).toEqual({ where, code: op.name === 'settings' ? 'FORBIDDEN' : 'NOT_FOUND' });
          stats[op.name === 'settings' ? 'forbidden' : 'notFound']++;
        } else if (code) {
          // A business refusal (settled already, an item of another division, ...), never an internal error.
          expect({ where, code: ['CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND'].includes(code) }).toEqual({ where, code: true });
          stats.refused++;
        } else {
          const value = Object.values(res.data as Record<string, { divisionCode: number } | { divisionCode: number }[]>)[0];
          const answer = Array.isArray(value) ? value[0] : value;
          expect({ where, division: answer.divisionCode }).toEqual({ where, division: op.division });
          stats.ok++;
        }
        const after = await Promise.all(divisions.filter((d) => !granted.includes(d)).map(fingerprint));
        expect({ where, untouched: after }).toEqual({ where, untouched: before });
      }
      // No line settled an item of another division (the planted cross-division matches aside).
      const matches = await m.find(ReconciliationMatch);
      for (const match of matches.filter((x) => x.amountFC !== '0.01' || x.receivableID === null)) {
        const itemID = match.receivableID ?? match.paymentID;
        if (!itemID) continue;
        const item = (await m.findOneBy(Receivable, { id: itemID })) ?? (await m.findOneBy(Payment, { id: itemID }));
        if (item) expect({ match: match.id, division: item.divisionCode }).toEqual({ match: match.id, division: match.divisionCode });
      }
      expect(stats.ok).toBeGreaterThan(0);
      expect(stats.notFound).toBeGreaterThan(0);
      console.log(`randomised reconciliation isolation: ${JSON.stringify(stats)}`);
    },
    LONG,
  );

  it(
    'reconciliationStatus and reconcileBankLines answer for the granted divisions only',
    async () => {
      const rng = prng(SEED + 1);
      for (let i = 0; i < 40; i++) {
        const granted = rng.subset(divisions);
        const divisionsArg = rng.next() < 0.3 ? rng.subset(divisions) : undefined;
        const status = await executeAs(
          t.db,
          { divisions: granted },
          `query($d: [Int!]) { reconciliationStatus(divisions: $d) { divisionCode } }`,
          {
            d: divisionsArg ?? null,
          },
        );
        const where = `#${i} granted [${granted}] divisions ${JSON.stringify(divisionsArg)}`;
        if (divisionsArg?.some((d) => !granted.includes(d))) {
          expect({ where, code: status.errors?.[0]?.extensions?.code }).toEqual({ where, code: 'FORBIDDEN' });
          continue;
        }
        const seeing = divisionsArg ?? granted;
        const seen = (status.data!.reconciliationStatus as { divisionCode: number }[]).map((s) => s.divisionCode);
        expect({ where, outside: seen.filter((d) => !seeing.includes(d)) }).toEqual({ where, outside: [] });
        const before = await Promise.all(divisions.filter((d) => !seeing.includes(d)).map(fingerprint));
        const run = await executeAs(
          t.db,
          { divisions: granted },
          `mutation($d: [Int!]) { reconcileBankLines(divisions: $d, from: "2025-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { lines } }`,
          { d: divisionsArg ?? null },
        );
        expect({ where, errors: run.errors }).toEqual({ where, errors: undefined });
        expect(await Promise.all(divisions.filter((d) => !seeing.includes(d)).map(fingerprint))).toEqual(before);
      }
    },
    LONG,
  );
});

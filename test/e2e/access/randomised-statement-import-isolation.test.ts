import { allDivisionCodes } from '../../../src/access/authenticate';
import { BankEntry } from '../../../src/modules/financial-accounts/bank-entry.entity';
import { Dec } from '../../../src/platform/decimal';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { executeAs } from '../../support/execute';
import { startTestGateway, TestGateway } from '../../support/gateway';
import { camtFile, codaFile } from '../../support/statement-files';
import { belgianIban, ownBankAccount } from '../../support/statements';

/**
 * Randomised isolation of the statement import (the randomised isolation test's companion for the
 * writes of issue 12): callers granted random divisions import generated files through
 * importBankStatements and POST /statements (sometimes narrowed with `divisions=`), each file
 * holding statements of random own accounts of any division, or of an account of nobody. The
 * expected outcome follows from the rule alone: a file is stored only when every account is an
 * own account of the divisions the caller imports into, and then only there; otherwise it is
 * FORBIDDEN in the same words whether the account is another division's or nobody's, and no
 * division's entries change.
 */
const IMPORTS = Number(process.env.IMPORT_QUERIES ?? 60);
const SEED = Number(process.env.ISOLATION_SEED ?? 20261121) + 7;
const LONG = 240_000;

let t: TestDatabase;
let gw: TestGateway;
let divisions: number[];
interface Account {
  iban: string;
  division: number | null;
  closing: string;
  number: number;
}
const accounts: Account[] = [];

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
  return { next, pick, subset, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

beforeAll(async () => {
  t = await openSeededDatabase('statement_import_isolation', { divisions: 3, payments: 30 });
  gw = await startTestGateway(t.db);
  divisions = await allDivisionCodes(t.db);
  let n = 0;
  for (const d of divisions) {
    for (let i = 0; i < 2; i++) {
      const { iban } = await ownBankAccount(t.db, d, `RI${++n}`);
      accounts.push({ iban, division: d, closing: '0.00', number: 0 });
    }
  }
  accounts.push({ iban: belgianIban(7_300_003), division: null, closing: '0.00', number: 0 });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

const IMPORT = `mutation($files: [StatementFileUpload!]!) {
  importBankStatements(files: $files) { files { outcome statements { account divisionCode outcome } problems { code rule message } } }
}`;

/** A camt.053 document with each statement's sequence numbers set to `numbers` (the generator numbers them 1, 2, ...). */
function numbered(xml: string, numbers: number[]): string {
  let k = 0;
  return xml.replace(/<ElctrncSeqNb>\d+<\/ElctrncSeqNb><LglSeqNb>\d+<\/LglSeqNb>/g, () => {
    const n = numbers[k++];
    return `<ElctrncSeqNb>${n}</ElctrncSeqNb><LglSeqNb>${n}</LglSeqNb>`;
  });
}

async function entriesPerDivision(): Promise<Record<number, number>> {
  const out: Record<number, number> = {};
  for (const d of divisions) out[d] = await t.db.dataSource.getRepository(BankEntry).countBy({ divisionCode: d });
  return out;
}

describe('randomised isolation of the statement import', () => {
  it(
    `${IMPORTS} generated imports store only into the caller's divisions and refuse other accounts alike`,
    async () => {
      const rng = prng(SEED);
      const stats = { imported: 0, forbidden: 0, graphql: 0, http: 0 };
      for (let i = 0; i < IMPORTS; i++) {
        const granted = rng.subset(divisions);
        const viaHttp = rng.next() < 0.5;
        const narrowed = viaHttp && rng.next() < 0.3 ? rng.subset(granted) : undefined;
        const into = narrowed ?? granted;
        const chosen = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(accounts)))];
        const day = `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const amounts = chosen.map(() => new Dec(rng.int(-50000, 50000)).div(100).toFixed(2));
        const coda = rng.next() < 0.5;
        const file = coda
          ? codaFile({
              creationDate: day,
              statements: chosen.map((a, k) => ({
                iban: a.iban,
                number: String(a.number + 1).padStart(3, '0'),
                opening: a.closing,
                date: day,
                movements: [{ amount: amounts[k] }],
              })),
            })
          : numbered(
              camtFile(
                chosen.map((a, k) => ({
                  iban: a.iban,
                  opening: a.closing,
                  date: day,
                  entries: [{ amount: amounts[k], bookingDate: day }],
                })),
              ),
              chosen.map((a) => a.number + 1),
            );
        const allowed = chosen.every((a) => a.division !== null && into.includes(a.division));
        const before = await entriesPerDivision();
        let result: {
          outcome: string;
          statements: { divisionCode: number | null }[];
          problems: { code: string; rule: string; message: string }[];
        };
        const where = `import #${i} (seed ${SEED}) granted [${granted}] into [${into}] accounts ${chosen.map((a) => `${a.iban}@${a.division}`)}`;
        if (viaHttp) {
          stats.http++;
          const headers = await gw.headersFor({ divisions: granted, scopes: ['statements:import'] });
          const res = await gw.request(`/statements${narrowed ? `?divisions=${narrowed.join(',')}` : ''}`, {
            method: 'POST',
            body: file,
            headers,
          });
          expect({ where, status: res.status }).toEqual({ where, status: 200 });
          result = ((await res.json()) as { files: (typeof result)[] }).files[0];
        } else {
          stats.graphql++;
          const res = await executeAs(t.db, { divisions: granted, scopes: ['statements:import'] }, IMPORT, {
            files: [{ content: file, encoding: 'TEXT' }],
          });
          expect({ where, errors: res.errors }).toEqual({ where, errors: undefined });
          result = res.data!.importBankStatements.files[0];
        }
        const after = await entriesPerDivision();
        if (allowed) {
          stats.imported++;
          expect({ where, outcome: result.outcome, problems: result.problems }).toEqual({ where, outcome: 'IMPORTED', problems: [] });
          const expected = { ...before };
          for (const a of chosen) expected[a.division!]++;
          expect({ where, after }).toEqual({ where, after: expected });
          chosen.forEach((a, k) => {
            a.closing = new Dec(a.closing).plus(amounts[k]).toFixed(2);
            a.number++;
          });
        } else {
          stats.forbidden++;
          expect({ where, outcome: result.outcome, after }).toEqual({ where, outcome: 'REFUSED', after: before });
          const outside = chosen.filter((a) => a.division === null || !into.includes(a.division));
          expect({ where, problems: result.problems.map((p) => [p.code, p.rule]) }).toEqual({
            where,
            problems: outside.map(() => ['FORBIDDEN', 'ACCOUNT_NOT_IN_DIVISIONS']),
          });
          // The same words for another division's account and for nobody's.
          const words = new Set(result.problems.map((p, k) => p.message.replace(outside[k].iban, 'X').replace(/statement \d+/, 'S')));
          expect({ where, words: words.size }).toEqual({ where, words: 1 });
        }
        for (const s of result.statements) {
          expect({ where, division: s.divisionCode === null || into.includes(s.divisionCode) }).toEqual({ where, division: true });
        }
      }
      expect(stats.imported).toBeGreaterThan(IMPORTS / 10);
      expect(stats.forbidden).toBeGreaterThan(IMPORTS / 10);
      console.log(`randomised statement import isolation: ${JSON.stringify(stats)}`);
    },
    LONG,
  );
});

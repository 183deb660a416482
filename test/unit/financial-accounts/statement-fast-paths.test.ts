import { createHash } from 'node:crypto';
import { checkAmount, checkBalance } from '../../../src/modules/financial-accounts/entry-rules';
import { lineRows } from '../../../src/modules/financial-accounts/entry-rows';
import {
  checkStatement,
  checkStatementAsync,
  statementDigest,
  statementHash,
  StatementLineToStore,
} from '../../../src/modules/financial-accounts/statement.input';
import { Dec, DecimalSum, fromHundredths, hundredthsOf } from '../../../src/platform/decimal';
import { GatewayError } from '../../../src/platform/errors';

/**
 * The statement store's quick ways (amounts checked as text, sums and running balances in BigInt
 * hundredths, the statement hash written a line at a time) against the general ones they stand
 * for: decimal.js and JSON.stringify of the whole checked statement. Random values, a fixed seed.
 */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

/** What checkAmount gave before its quick way: decimal.js for every amount. */
function slowAmount(text: string, scale: number): string | 'refused' {
  const d = new Dec(text.trim());
  if (d.decimalPlaces() > scale || d.abs().trunc().toFixed().length > 16) return 'refused';
  return d.toFixed(2);
}

const outcome = (run: () => string): string => {
  try {
    return run();
  } catch (error) {
    if (error instanceof GatewayError) return 'refused';
    throw error;
  }
};

describe('checkAmount', () => {
  it('gives what decimal.js gives for every shape of amount, in currencies of 2 and 0 decimals', () => {
    const next = random(7);
    const shapes = ['0', '-0', '0.00', '-0.00', '0.5', '-0.05', '12', '12.', '.5', '+3.1', '007.10', '12.5', '-12.50', '12.345', '1.10'];
    for (let i = 0; i < 2000; i++) {
      const digits = String(Math.floor(next() * 10 ** Math.floor(next() * 18)));
      const decimals = String(Math.floor(next() * 1000)).slice(0, Math.floor(next() * 4));
      shapes.push(`${next() < 0.3 ? '-' : ''}${digits}${decimals ? `.${decimals}` : ''}`);
    }
    for (const text of shapes) {
      expect([text, outcome(() => checkAmount(text, 'amount', 'EUR'))]).toEqual([text, slowAmount(text, 2)]);
      expect([text, outcome(() => checkAmount(text, 'amount', 'JPY'))]).toEqual([text, slowAmount(text, 0)]);
    }
  });
});

describe('sums in hundredths', () => {
  it('round-trips money text with two places and leaves other text to decimal.js', () => {
    for (const text of ['0.00', '-0.05', '12.50', '-123456789012345678.99']) expect(fromHundredths(hundredthsOf(text)!)).toBe(text);
    expect([hundredthsOf('1.5'), hundredthsOf('1'), hundredthsOf('1.234')]).toEqual([null, null, null]);
  });

  it('DecimalSum adds and subtracts as decimal.js does, amounts of two places or not', () => {
    const next = random(5);
    const sum = new DecimalSum();
    let expected = new Dec(0);
    for (let i = 0; i < 1000; i++) {
      const places = [2, 2, 2, 3, 0][i % 5];
      const text = new Dec(Math.floor(next() * 2_000_000) - 1_000_000).div(10 ** places).toFixed(places);
      if (i % 3) sum.add(text);
      else sum.subtract(text);
      expected = i % 3 ? expected.plus(text) : expected.minus(text);
    }
    expect(sum.value.equals(expected)).toBe(true);
    expect(new DecimalSum().value.toFixed(2)).toBe('0.00');
  });

  it('checkBalance and the running balances agree with decimal.js', () => {
    const next = random(11);
    const amounts = Array.from({ length: 500 }, () => new Dec(Math.floor(next() * 2_000_000) - 1_000_000).div(100).toFixed(2));
    const closing = amounts.reduce((sum, a) => sum.plus(a), new Dec('1234.56')).toFixed(2);
    expect(() => checkBalance('1234.56', amounts, closing, 'closingBalance')).not.toThrow();
    expect(() => checkBalance('1234.56', amounts, new Dec(closing).plus('0.01').toFixed(2), 'closingBalance')).toThrow(
      /difference of 0.01/,
    );
    const day = new Date('2026-03-02T00:00:00Z');
    const head = {
      entryID: 'e',
      divisionCode: 1,
      journalCode: 'B',
      entryNumber: 1,
      entryDate: day,
      currency: 'EUR',
      openingBalanceFC: '1234.56',
      divisionCurrency: 'EUR',
    };
    const audit = { created: day, creatorID: null, modified: day, modifierID: null };
    const rows = lineRows(
      head,
      amounts.map((amountFC) => ({ date: day, amountFC, columns: {} })),
      audit,
      () => 'id',
    );
    let balance = new Dec('1234.56');
    expect(rows.map((r) => r.balanceAfterFC)).toEqual(amounts.map((a) => (balance = balance.plus(a)).toFixed(2)));
    // a running balance beyond DECIMAL(18,2) is refused naming the line
    const big = ['9999999999999999.00', '1.00'].map((amountFC) => ({ date: day, amountFC, columns: {} }));
    expect(() => lineRows({ ...head, openingBalanceFC: '0.00' }, big, audit, () => 'id')).toThrow(/lines\[1\]\.amount/);
  });
});

describe('statementHash', () => {
  it('is the SHA-256 of JSON.stringify of the checked statement', () => {
    const next = random(3);
    const texts = [null, 'plain', 'quote " and \\ backslash', 'Ünïcödé € 😀', '  spaced  ', 'lone \ud800 surrogate', 'separator \u2028'];
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    const lines: StatementLineToStore[] = Array.from({ length: 2500 }, (_, i) => ({
      bookingDate: pick(['2026-03-01', '2026-03-02']),
      valueDate: pick([null, '2026-02-28', '2026-03-02']),
      amount: i % 2 ? '-1.25' : '1.25',
      description: pick(texts),
      counterpartyName: pick(texts),
      counterpartyAccount: pick([null, 'BE68 5390 0754 7034', '123-456']),
      counterpartyBic: pick([null, 'gkccbebb']),
      structuredReference: pick([null, '123456789002']),
      unstructuredRemittance: pick(texts),
      endToEndId: pick([null, `E2E-${i}`]),
      bankReference: pick([null, `REF${i}`]),
      bankTransactionCode: pick([null, 'PMNT/RCDT/ESCT']),
      sourceLine: pick([null, i, `Document/Stmt[1]/Ntry[${i}]`]),
    }));
    for (const statementNumber of [null, '001']) {
      const checked = checkStatement({
        divisionCode: 100101,
        account: 'BE68539007547034',
        currency: 'EUR',
        statementNumber,
        statementDate: '2026-03-02',
        openingBalance: '10.00',
        openingBalanceDate: statementNumber ? '2026-03-01' : null,
        closingBalance: '10.00',
        lines,
      });
      const { hash, ...rest } = checked;
      expect(hash).toBe(createHash('sha256').update(JSON.stringify(rest)).digest('hex'));
      expect(statementHash({ ...rest, lines: [] })).toBe(
        createHash('sha256')
          .update(JSON.stringify({ ...rest, lines: [] }))
          .digest('hex'),
      );
    }
  });
});

describe('statementDigest', () => {
  it('is statementHash, computed off the main thread', async () => {
    const day = '2026-03-02';
    const lines = Array.from({ length: 2345 }, (_, i) => ({ bookingDate: day, amount: '1.00', description: `Ünï ${i}` }));
    const input = {
      divisionCode: 100101,
      account: 'BE68539007547034',
      currency: 'EUR',
      statementDate: day,
      openingBalance: '0.00',
      closingBalance: '2345.00',
      lines,
    };
    const { hash, ...rest } = checkStatement(input);
    expect(await statementDigest(rest)).toBe(hash);
    expect((await checkStatementAsync(input)).hash).toBe(hash);
  });
});

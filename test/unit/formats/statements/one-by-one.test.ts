import { streamStatementFile, type StatementEvent } from '../../../../src/formats/statements';
import { oneByOne } from '../../../../src/formats/statements/events';
import { codaFile } from '../../../support/statement-files';

/**
 * oneByOne: the per-event streams (streamCoda, streamCamt053, streamStatementFile) hand out the
 * parser's batches one item at a time. It must keep the order, skip empty batches, pass errors on,
 * and end the batches' generator (the parse) when its reader stops early.
 */
describe('oneByOne', () => {
  async function* batches(log: string[], fail = false): AsyncGenerator<number[]> {
    try {
      yield [1, 2];
      yield [];
      yield [3];
      if (fail) throw new Error('broken chunk');
      yield [4, 5, 6];
    } finally {
      log.push('closed');
    }
  }

  it('yields every item in order across batches, empty ones included', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const n of oneByOne(batches(log))) seen.push(n);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log).toEqual(['closed']);
  });

  it('passes an error of the batches on after the items before it', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of oneByOne(batches(log, true))) seen.push(n);
      })(),
    ).rejects.toThrow('broken chunk');
    expect(seen).toEqual([1, 2, 3]);
    expect(log).toEqual(['closed']);
  });

  it('ends the batches when its reader stops early, and stays done', async () => {
    const log: string[] = [];
    const items = oneByOne(batches(log));
    for await (const n of items) if (n === 2) break;
    expect(log).toEqual(['closed']);
    expect(await items.next()).toEqual({ value: undefined, done: true });
  });

  it('gives the same events as the whole-file parse of a CODA file', async () => {
    const text = codaFile({
      statements: [
        { iban: 'BE68539007547034', number: '001', opening: '100.00', movements: [{ amount: '12.50' }, { amount: '-2.25' }] },
        { iban: 'BE68539007547034', number: '002', opening: '110.25', movements: [{ amount: '1.00' }] },
      ],
    });
    const events: StatementEvent[] = [];
    for await (const e of streamStatementFile([Buffer.from(text, 'latin1')], 'coda')) events.push(e);
    const kinds = events.map((e) =>
      e.kind === 'line' ? `line ${e.line.amount}` : e.kind === 'statement' ? `statement ${e.statement.closingBalance.amount}` : e.kind,
    );
    expect(kinds).toEqual(['line 12.50', 'line -2.25', 'statement 110.25', 'line 1.00', 'statement 111.25']);
  });
});

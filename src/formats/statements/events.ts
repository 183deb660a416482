import { MAX_PROBLEMS, StatementFormatError, type StatementProblem } from './errors';
import { chunksOf, type ChunkSource, type StatementInput } from './text';
import type { BankStatement, StatementEvent, StatementFile, StatementFormat, StatementHeader, StatementLine } from './types';

/**
 * The plumbing shared by the CODA and CAMT parsers: they are push parsers (chunks in, events out),
 * so one core serves the whole-file functions (all chunks at once, events collected into
 * statements) and the streaming ones (events yielded chunk by chunk, memory bounded).
 */

/** Events of a parser waiting to be taken, and the problems found so far. */
export class EventSink {
  private queue: StatementEvent[] = [];
  readonly problems: StatementProblem[] = [];

  constructor(readonly verify: boolean) {}

  line(statementIndex: number, line: StatementLine): void {
    this.queue.push({ kind: 'line', statementIndex, line });
  }

  statement(header: StatementHeader): void {
    this.queue.push({ kind: 'statement', statement: header });
  }

  /** Problems found beyond MAX_PROBLEMS, counted only. */
  more = 0;

  /** A consistency problem: kept for the final verdict, or reported as an event when not verifying. */
  problem(found: StatementProblem): void {
    if (this.verify && this.problems.length >= MAX_PROBLEMS) {
      this.more++;
      return;
    }
    this.problems.push(found);
    if (!this.verify) this.queue.push({ kind: 'problem', problem: found });
  }

  /** Events since the last call. */
  take(): StatementEvent[] {
    const taken = this.queue;
    this.queue = [];
    return taken;
  }

  /** At the end of the input: refuse the file when verifying and anything was found. */
  finish(): void {
    if (this.verify && this.problems.length) throw new StatementFormatError(this.problems, this.more);
  }
}

/** A parser that takes its input in chunks. */
export interface PushParser {
  readonly format: StatementFormat;
  readonly sink: EventSink;
  write(chunk: Uint8Array | string): void;
  /** Ends the input: checks what only the end can tell, then `sink.finish()`. */
  end(): void;
}

/** Statements of a list of events: each header with the lines reported before it. */
export function collectEvents(format: StatementFormat, events: Iterable<StatementEvent>): StatementFile {
  const statements: BankStatement[] = [];
  const problems: StatementProblem[] = [];
  const pending = new Map<number, StatementLine[]>();
  for (const event of events) {
    if (event.kind === 'line') {
      const lines = pending.get(event.statementIndex);
      if (lines) lines.push(event.line);
      else pending.set(event.statementIndex, [event.line]);
    } else if (event.kind === 'statement') {
      statements.push({ ...event.statement, lines: pending.get(event.statement.index) ?? [] });
      pending.delete(event.statement.index);
    } else problems.push(event.problem);
  }
  return { format, formatVersion: statements[0]?.formatVersion ?? null, statements, problems };
}

/** The whole input through a push parser, collected into statements. */
export function parseWhole(parser: PushParser, input: StatementInput): StatementFile {
  parser.write(input);
  const first = parser.sink.take();
  parser.end();
  return collectEvents(parser.format, first.concat(parser.sink.take()));
}

/** Events of a streamed input, yielded after each chunk. */
export function streamEvents(parser: PushParser, source: ChunkSource): AsyncGenerator<StatementEvent> {
  return oneByOne(streamEventBatches(parser, source));
}

/**
 * The items of batches one by one, as an async generator. Written out rather than as `yield*
 * batch` in an async generator function, which takes several promise turns per item where a
 * ready item needs one: a file of 100,000 lines is 100,000 items (issue 12, Performance).
 * `return` and `throw` reach the batches' generator, so a reader that stops early ends the parse.
 */
export function oneByOne<T>(batches: AsyncGenerator<T[]>): AsyncGenerator<T> {
  let batch: T[] = [];
  let at = 0;
  let done = false;
  const ended = (): IteratorResult<T, undefined> => {
    done = true;
    batch = [];
    return { value: undefined, done: true };
  };
  const pull = async (): Promise<IteratorResult<T, undefined>> => {
    while (at >= batch.length) {
      if (done) return { value: undefined, done: true };
      const r = await batches.next();
      if (r.done) return ended();
      batch = r.value;
      at = 0;
    }
    return { value: batch[at++], done: false };
  };
  const it: AsyncGenerator<T, undefined> = {
    next() {
      return at < batch.length ? Promise.resolve({ value: batch[at++], done: false }) : pull();
    },
    async return() {
      ended();
      await batches.return(undefined);
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      ended();
      await batches.throw(error);
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
    async [Symbol.asyncDispose]() {
      await it.return(undefined);
    },
  };
  return it;
}

/**
 * The same events in batches: those each chunk completed (none empty), so a reader of many lines
 * awaits once per chunk instead of once per line through two async generators.
 */
export async function* streamEventBatches(parser: PushParser, source: ChunkSource): AsyncGenerator<StatementEvent[]> {
  for await (const chunk of chunksOf(source)) {
    parser.write(chunk);
    const taken = parser.sink.take();
    if (taken.length) yield taken;
  }
  parser.end();
  const rest = parser.sink.take();
  if (rest.length) yield rest;
}

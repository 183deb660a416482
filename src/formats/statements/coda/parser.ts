import { Dec, DecimalSum } from '../../../platform/decimal';
import { StatementTally } from '../balance';
import { formatError, problem, StatementFormatError } from '../errors';
import { EventSink, type PushParser } from '../events';
import { LineSplitter } from '../text';
import type { StatementHeader } from '../types';
import { bicOrNull, codaAmount, dateDDMMYY, ValueProblem } from '../values';
import { movementLines, type Movement } from './movements';
import {
  accountZone,
  freeMessage,
  headerRecord,
  informationRecord,
  movement2Record,
  movement3Record,
  movementRecord,
  newBalanceRecord,
  oldBalanceRecord,
  trailerRecord,
  type CodaAccount,
  type HeaderRecord,
  type OldBalanceRecord,
} from './records';

/** A record group: record 0 to record 9. */
interface Group {
  header: HeaderRecord;
  /** Records 1, 2, 3, 4 and 8 seen (what record 9 positions 17-22 count). */
  records: number;
  /** Totals of the movements (not their details), as record 9 gives them. */
  debit: DecimalSum;
  credit: DecimalSum;
}

interface OpenStatement {
  index: number;
  r1: OldBalanceRecord;
  account: CodaAccount;
  opening: string;
  openingDate: string | null;
  firstLine: number;
  tally: StatementTally;
  lineIndex: number;
  information: string[];
}

/**
 * A push parser of CODA files (Febelfin CODA 2.6 / 2.8). Records are read one physical line at a
 * time; a file holds one or more groups (record 0 ... record 9), each with one or more statements
 * (record 1 ... record 8), possibly of several accounts. Movements (2.1-2.3) and their information
 * (3.1-3.3) become lines when the next movement starts, so memory holds one movement at a time.
 */
export class CodaParser implements PushParser {
  readonly format = 'coda' as const;
  readonly sink: EventSink;
  private readonly splitter: LineSplitter;
  private lineNo = 0;
  /** Records read (lines that are not blank). */
  private records = 0;
  private statements = 0;
  private group: Group | null = null;
  private statement: OpenStatement | null = null;
  /** The movement being read (detail number 0000) and every record 2.1 of it in file order. */
  private movement: Movement | null = null;
  private movementRecords: Movement[] = [];
  private info: Movement['info'][number] | null = null;

  constructor(options: { verify: boolean; encoding: string }) {
    this.sink = new EventSink(options.verify);
    this.splitter = new LineSplitter(options.encoding);
  }

  write(chunk: Uint8Array | string): void {
    const lines: string[] = [];
    this.splitter.push(chunk, lines);
    for (const line of lines) this.record(line);
  }

  end(): void {
    const lines: string[] = [];
    this.splitter.end(lines);
    for (const line of lines) this.record(line);
    if (this.statement) throw this.error('MISSING_BALANCE', 'the file ends before record 8 (new balance) closes the statement');
    if (this.group) throw this.error('BAD_RECORD', 'the file ends without record 9 (trailer)');
    if (this.statements === 0)
      throw this.error('BAD_RECORD', this.records ? 'the file holds no statement (no record 1)' : 'the file is empty');
    this.sink.finish();
  }

  private error(rule: Parameters<typeof formatError>[0], message: string): StatementFormatError {
    return formatError(rule, this.statement?.index ?? null, this.lineNo, message);
  }

  private record(line: string): void {
    this.lineNo++;
    const text = this.lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    if (text.trim() === '') return;
    this.records++;
    if (text.length > 128) throw this.error('BAD_RECORD', `a CODA record has 128 characters, this one ${text.length}`);
    // some programs strip the trailing blanks of a record: they are blanks all the same
    const r = text.length < 128 ? text.padEnd(128, ' ') : text;
    try {
      this.dispatch(r);
    } catch (e) {
      if (e instanceof ValueProblem) throw this.error(e.rule, `record ${r[0]}${'23'.includes(r[0]) ? `.${r[1]}` : ''}: ${e.message}`);
      throw e;
    }
  }

  private dispatch(r: string): void {
    switch (r[0]) {
      case '0':
        return this.header(r);
      case '1':
        return this.oldBalance(r);
      case '2':
        return this.movementRecord(r);
      case '3':
        return this.informationRecord(r);
      case '4':
        this.inStatement('4').information.push(freeMessage(r).trim());
        this.flush();
        this.count();
        return;
      case '8':
        return this.newBalance(r);
      case '9':
        return this.trailer(r);
      default:
        throw new ValueProblem('BAD_RECORD', `${JSON.stringify(r[0])} is not a CODA record identification (0, 1, 2, 3, 4, 8 or 9)`);
    }
  }

  private count(): void {
    if (this.group) this.group.records++;
  }

  private inStatement(what: string): OpenStatement {
    if (!this.statement) throw new ValueProblem('BAD_RECORD', `record ${what} outside a statement (no record 1 before it)`);
    return this.statement;
  }

  private header(r: string): void {
    if (this.group) throw new ValueProblem('BAD_RECORD', 'record 0 before record 9 closed the previous group');
    const header = headerRecord(r);
    if (header.version !== '2') {
      throw new ValueProblem('BAD_RECORD', `CODA version ${JSON.stringify(header.version)} (position 128); only version 2 (2.x) is read`);
    }
    this.group = { header, records: 0, debit: new DecimalSum(), credit: new DecimalSum() };
  }

  private oldBalance(r: string): void {
    if (!this.group) throw new ValueProblem('BAD_RECORD', 'record 1 before record 0 (header)');
    if (this.statement) throw new ValueProblem('BAD_RECORD', 'record 1 before record 8 closed the previous statement');
    const r1 = oldBalanceRecord(r);
    const account = accountZone(r1.structure, r1.zone);
    this.statement = {
      index: this.statements++,
      r1,
      account,
      opening: codaAmount(r1.sign, r1.amount, account.currency),
      openingDate: dateDDMMYY(r1.date),
      firstLine: this.lineNo,
      tally: new StatementTally(),
      lineIndex: 0,
      information: [],
    };
    this.count();
  }

  private movementRecord(r: string): void {
    const statement = this.inStatement('2');
    this.count();
    const article = r[1];
    if (article === '1') {
      const record = movementRecord(r);
      const movement: Movement = {
        record,
        line: this.lineNo,
        amount: codaAmount(record.sign, record.amount, statement.account.currency),
        r22: null,
        r23: null,
        info: [],
        children: [],
      };
      dateDDMMYY(record.valueDate);
      dateDDMMYY(record.entryDate);
      if (record.detail === '0000') {
        this.flush();
        this.movement = movement;
        // debits count as a positive total, as record 9 gives them
        if (movement.amount.startsWith('-')) this.group!.debit.subtract(movement.amount);
        else this.group!.credit.add(movement.amount);
      } else {
        const top = this.movement;
        if (!top || top.record.sequence !== record.sequence) {
          throw new ValueProblem(
            'BAD_RECORD',
            `detail ${record.detail} of movement ${record.sequence} comes without its movement (detail 0000)`,
          );
        }
        // type 9 details a type 7 detail (Febelfin: "detail of 7"); the others detail the movement
        const parent =
          record.transactionCode[0] === '9' ? [...top.children].reverse().find((c) => c.record.transactionCode[0] === '7') : undefined;
        (parent ?? top).children.push(movement);
      }
      this.movementRecords.push(movement);
      this.info = null;
      return;
    }
    if (article !== '2' && article !== '3') throw new ValueProblem('BAD_RECORD', `record 2.${article} does not exist (2.1, 2.2 or 2.3)`);
    if (article === '2') {
      const rec = movement2Record(r);
      this.detailOf(rec.sequence, rec.detail, article).r22 = rec;
    } else {
      const rec = movement3Record(r);
      this.detailOf(rec.sequence, rec.detail, article).r23 = rec;
    }
  }

  /** The record 2.1 a record 2.2 or 2.3 continues: the last one read, of the same sequence and detail. */
  private detailOf(sequence: string, detail: string, article: string): Movement {
    const last = this.movementRecords[this.movementRecords.length - 1];
    if (!last || last.record.sequence !== sequence || last.record.detail !== detail) {
      throw new ValueProblem('BAD_RECORD', `record 2.${article} of movement ${sequence}/${detail} does not follow its record 2.1`);
    }
    return last;
  }

  private informationRecord(r: string): void {
    this.inStatement('3');
    this.count();
    const info = informationRecord(r);
    if (info.article !== '1' && info.article !== '2' && info.article !== '3') {
      throw new ValueProblem('BAD_RECORD', `record 3.${String(info.article)} does not exist (3.1, 3.2 or 3.3)`);
    }
    if (info.article === '1') {
      if (!this.movement || this.movement.record.sequence !== info.sequence) {
        throw new ValueProblem('BAD_RECORD', `record 3.1 of movement ${info.sequence} comes without that movement`);
      }
      // information belongs to the movement or detail of its transaction code, else to the movement
      const target = [...this.movementRecords].reverse().find((m) => m.record.transactionCode === info.transactionCode) ?? this.movement;
      this.info = [info];
      target.info.push(this.info);
      return;
    }
    if (!this.info || this.info[0].sequence !== info.sequence) {
      throw new ValueProblem('BAD_RECORD', `record 3.${info.article} of movement ${info.sequence} does not follow its record 3.1`);
    }
    this.info.push(info);
  }

  /** The movement read so far becomes lines. */
  private flush(): void {
    const statement = this.statement;
    if (!this.movement || !statement) return;
    const lines = movementLines(this.movement, statement.account.currency, statement.lineIndex, (rule, line, message) =>
      this.sink.problem(problem(rule, statement.index, line, message)),
    );
    for (const line of lines) {
      statement.tally.add(line, statement.account.currency);
      this.sink.line(statement.index, line);
    }
    statement.lineIndex += lines.length;
    this.movement = null;
    this.movementRecords = [];
    this.info = null;
  }

  private newBalance(r: string): void {
    const statement = this.inStatement('8');
    this.flush();
    this.count();
    const r8 = newBalanceRecord(r);
    const account = accountZone(statement.r1.structure, r8.zone);
    const mismatches: string[] = [];
    if (r8.statementNumber !== statement.r1.statementNumber)
      mismatches.push(`statement ${r8.statementNumber} instead of ${statement.r1.statementNumber}`);
    if (account.identification !== statement.account.identification) {
      mismatches.push(`account ${account.identification} instead of ${statement.account.identification}`);
    }
    if (account.currency !== statement.account.currency)
      mismatches.push(`currency ${account.currency} instead of ${statement.account.currency}`);
    if (mismatches.length) {
      this.sink.problem(
        problem(
          'RECORD_MISMATCH',
          statement.index,
          this.lineNo,
          `record 8 names ${mismatches.join(', ')} (record 1, line ${statement.firstLine})`,
        ),
      );
    }
    const closingDate = dateDDMMYY(r8.date);
    const group = this.group!;
    const header: StatementHeader = {
      format: 'coda',
      formatVersion: group.header.version,
      index: statement.index,
      account: {
        iban: statement.account.iban,
        otherId: statement.account.otherId,
        identification: statement.account.identification,
        bic: bicOrNull(group.header.bic),
        currency: statement.account.currency,
        holderName: statement.r1.holderName || null,
        description: statement.r1.description || null,
      },
      statementNumber: statement.r1.statementNumber.trim() || null,
      sequence: statement.r1.codaSequence.trim() || null,
      statementId: group.header.fileReference || null,
      createdAt: dateDDMMYY(group.header.creationDate),
      statementDate: closingDate,
      openingBalance: { amount: statement.opening, date: statement.openingDate },
      closingBalance: { amount: codaAmount(r8.sign, r8.amount, statement.account.currency), date: closingDate },
      duplicate: group.header.duplicate,
      information: statement.information.filter(Boolean).join('\n') || null,
      lineCount: statement.tally.lineCount,
      source: { first: statement.firstLine, last: this.lineNo },
    };
    for (const found of statement.tally.problems(header)) this.sink.problem(found);
    this.sink.statement(header);
    this.statement = null;
  }

  private trailer(r: string): void {
    const group = this.group;
    if (!group) throw new ValueProblem('BAD_RECORD', 'record 9 without record 0 (header) before it');
    if (this.statement) throw new ValueProblem('MISSING_BALANCE', 'record 9 before record 8 (new balance) closed the statement');
    const r9 = trailerRecord(r);
    if (!/^\d{6}$/.test(r9.count) || !/^\d{15}$/.test(r9.debit) || !/^\d{15}$/.test(r9.credit)) {
      throw new ValueProblem('BAD_RECORD', 'record 9 positions 17-52 are not the record count and two 15-digit totals');
    }
    if (Number(r9.count) !== group.records) {
      this.sink.problem(
        problem(
          'RECORD9_COUNT',
          null,
          this.lineNo,
          `record 9 counts ${Number(r9.count)} records, but ${group.records} records 1, 2, 3, 4 and 8 precede it`,
        ),
      );
    }
    for (const [side, given, found] of [
      ['debit', r9.debit, group.debit.value],
      ['credit', r9.credit, group.credit.value],
    ] as const) {
      const total = new Dec(given).div(1000);
      if (!total.equals(found)) {
        const text = (d: Dec) => d.toFixed(Math.max(2, d.decimalPlaces()));
        this.sink.problem(
          problem(
            'RECORD9_TOTAL',
            null,
            this.lineNo,
            `record 9 gives ${side} total ${text(total)}, but the ${side} movements add up to ${text(found)}`,
          ),
        );
      }
    }
    this.group = null;
  }
}

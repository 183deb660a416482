import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DivisionScope } from '../../access/division-scope';
import { toFixedScale } from '../../platform/decimal';
import { prepare, run } from '../../query/run-statement';
import { ListFilterCompiler, Statement } from '../../query/filter-sql';
import { businessDateProblem } from '../../platform/dates';
import { OpenItemKind } from './open-item';
import { OPEN_STATUSES } from './status';

export enum AgeingLevel {
  OVERALL = 'overall',
  DIVISION = 'division',
  ACCOUNT = 'account',
}

/** One line of an ageing: the open AmountDC per bucket, exact decimal text. */
export interface AgeingRow {
  divisionCode: number | null;
  accountID: string | null;
  accountName: string | null;
  count: number;
  notYetDue: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
  total: string;
}

/** Buckets by days overdue (as-of date minus due date), inclusive bounds; null is open-ended. */
export const AGEING_BUCKETS = [
  ['notYetDue', null, 0],
  ['days1to30', 1, 30],
  ['days31to60', 31, 60],
  ['days61to90', 61, 90],
  ['over90', 91, null],
] as const;

/**
 * Ageing of one side's open items (Status 20 Open and 30 Selected) as of a date: the open amount
 * (AmountDC, division currency) of the items invoiced on or before that date, by how many days
 * past their due date they are, overall, per division or per account (supplier or customer). One
 * GROUP BY statement with exact decimal sums, through the division scope and the list filter
 * compiler (so `where` narrows it like any list). `asOf` is a day (midnight UTC) and a business
 * date (BAD_USER_INPUT naming asOf outside the years 1901 to 2099, rule INVALID_VALUE).
 */
export async function openItemAgeing(
  kind: OpenItemKind,
  scope: DivisionScope,
  options: { statementTimeoutMs: number },
  asOf: Date,
  level: AgeingLevel,
  where?: Record<string, unknown> | null,
): Promise<AgeingRow[]> {
  const asOfProblem = businessDateProblem(asOf);
  if (asOfProblem) throw kind.error('INVALID_VALUE', 'asOf', asOfProblem);
  const t = kind.table;
  const stmt = new Statement(scope);
  const qb = scope.select(kind.entity, 't') as unknown as SelectQueryBuilder<ObjectLiteral>;
  const c = new ListFilterCompiler(stmt, qb, t, 't');
  const d = c.dialect;
  const condition = c.where(where);
  if (condition) qb.andWhere(condition);
  qb.andWhere(`${c.stored('Status')} IN ${stmt.params.list([...OPEN_STATUSES])}`);
  const asOfParam = stmt.params.one(asOf);
  qb.andWhere(`${c.stored('InvoiceDate')} <= ${stmt.params.one(new Date(asOf.getTime() + 86_399_999))}`);

  const overdue = d.daysBetween(c.stored('DueDate'), asOfParam);
  const amount = c.stored('AmountDC');
  qb.select('COUNT(*)', 'n');
  for (const [name, from, to] of AGEING_BUCKETS) {
    const cond = [from === null ? '' : `${overdue} >= ${from}`, to === null ? '' : `${overdue} <= ${to}`].filter(Boolean).join(' AND ');
    qb.addSelect(d.decimalAggregate('sum', `CASE WHEN ${cond} THEN ${amount} END`), name);
  }
  qb.addSelect(d.decimalAggregate('sum', amount), 'total');
  const groups: string[] = [];
  if (level !== AgeingLevel.OVERALL) groups.push(c.stored('Division'));
  if (level === AgeingLevel.ACCOUNT) {
    groups.push(c.stored('Account'));
    qb.addSelect(`MAX(${c.column('AccountName').sql})`, 'accountName');
    qb.addSelect(c.stored('Account'), 'accountID');
  }
  if (groups.length) {
    qb.addSelect(c.stored('Division'), 'divisionCode');
    qb.groupBy(groups.join(', '));
    groups.forEach((g, i) => (i === 0 ? qb.orderBy(g, 'ASC') : qb.addOrderBy(g, 'ASC')));
  }
  qb.setParameters(stmt.params.values);
  const rows = await run<ObjectLiteral>(scope, prepare(qb, scope, options.statementTimeoutMs), options.statementTimeoutMs, true);
  const money = (v: unknown) => toFixedScale(v === null || v === undefined ? '0' : String(v), 2);
  return rows
    .filter((r) => level === AgeingLevel.OVERALL || Number(r.n) > 0)
    .map((r) => ({
      divisionCode: r.divisionCode === undefined || r.divisionCode === null ? null : Number(r.divisionCode),
      accountID: (r.accountID as string | undefined) ?? null,
      accountName: (r.accountName as string | undefined) ?? null,
      count: Number(r.n),
      notYetDue: money(r.notYetDue),
      days1to30: money(r.days1to30),
      days31to60: money(r.days31to60),
      days61to90: money(r.days61to90),
      over90: money(r.over90),
      total: money(r.total),
    }));
}

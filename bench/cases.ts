import { BASELINE_SQL } from './baseline-sql';

/**
 * The questions of `npm run bench` (bench/run.ts), each asked of the gateway (a GraphQL
 * operation) and of the baseline (a route of bench/baseline-server.ts and its statement in
 * bench/baseline-sql.ts). The plan check (bench/plan-check.ts) and its test use them too.
 */
export const LIST = `query List($d: [Int!], $from: DateTime!, $to: DateTime!) {
  payments(divisions: $d, first: 100, where: { status: { eq: OPEN }, dueDate: { between: { from: $from, to: $to } } }, orderBy: [{ field: dueDate }]) {
    nodes { id amountDC dueDate description account { name } glAccount { code } journal { description } division { description } bankAccount { bankAccount } paymentCondition { description } }
    pageInfo { endCursor hasNextPage }
  }
}`;
export const DEEP = `query Deep($d: [Int!], $after: String) {
  payments(divisions: $d, first: 100, after: $after, orderBy: [{ field: dueDate }]) {
    nodes { id amountDC dueDate description account { name } glAccount { code } journal { description } division { description } bankAccount { bankAccount } paymentCondition { description } }
    pageInfo { endCursor hasNextPage }
  }
}`;
export const TOTALS = `query Totals($d: [Int!]) { paymentsAggregate(divisions: $d, groupBy: [{ field: status }, { field: dueDate, bucket: MONTH }]) { key { status dueDate } count sum { amountDC } } }`;
export const AGEING = `query Ageing($asOf: DateTime!) { paymentAgeing(asOf: $asOf, by: DIVISION) { divisionCode count notYetDue days1to30 days31to60 days61to90 over90 total } }`;
/** The cursor of the row at `offset` of a division's payments by due date (where case (b) starts). */
export const CURSOR_AT = `query($d: [Int!], $offset: Int!) { payments(divisions: $d, first: 1, offset: $offset, orderBy: [{ field: dueDate }]) { edges { cursor node { id dueDate } } } }`;

/** One question on both sides. */
export interface BenchCase {
  letter: keyof typeof BASELINE_SQL;
  name: string;
  /** The GraphQL request body sent to the gateway's /graphql. */
  gateway: { query: string; variables: Record<string, unknown> };
  /** The baseline's route parameters (its query string). */
  baseline: URLSearchParams;
  /** Fewer connections and a longer run for statements that read most of the table. */
  heavy?: boolean;
}

/** What the cases are asked about. */
export interface CaseInputs {
  /** The division of (a)-(c); `divisions`: all of them, for (d). */
  division: number;
  divisions: number[];
  /** (a)'s due window and (d)'s date, ISO 8601. */
  from: string;
  to: string;
  asOf: string;
  /** Where (b) starts: the gateway's cursor and the row it stands for. */
  deep: { after: string; due: string; id: string };
}

const params = (p: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(p).map(([k, v]): [string, string] => [k, String(v)]));

/** The four questions (a)-(d) of the benchmark. */
export function benchCases(i: CaseInputs): BenchCase[] {
  const d = [i.division];
  return [
    {
      letter: 'a',
      name: '(a) 100 open payments of a division in a due window, 6 relations',
      gateway: { query: LIST, variables: { d, from: i.from, to: i.to } },
      baseline: params({ division: i.division, from: i.from, to: i.to }),
    },
    {
      letter: 'b',
      name: '(b) the same page shape at page 500 by cursor',
      gateway: { query: DEEP, variables: { d, after: i.deep.after } },
      baseline: params({ division: i.division, due: i.deep.due, id: i.deep.id }),
    },
    {
      letter: 'c',
      name: '(c) count and sum by status and month, one division',
      gateway: { query: TOTALS, variables: { d } },
      baseline: params({ division: i.division }),
    },
    {
      letter: 'd',
      name: '(d) ageing of open payables, all divisions',
      gateway: { query: AGEING, variables: { asOf: i.asOf } },
      baseline: params({ asOf: i.asOf, divisions: i.divisions.join(',') }),
      heavy: true,
    },
  ];
}

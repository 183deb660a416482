import type { Statement } from './plan-check';

/**
 * The baseline's hand-written SQL for each case of bench/run.ts, shared by the baseline server
 * (bench/baseline-server.ts) and the check that it is at least as good as the gateway's
 * (bench/plan-check.ts, test/e2e/benchmark-baseline.test.ts).
 *
 * Honest by construction (issue 11, §9): each statement reads only the columns the answer needs,
 * joins a related row by its primary key with the same `FORCE INDEX (PRIMARY)` hint the gateway's
 * statement carries (src/db/dialect.ts, primaryKeyJoin: without it MariaDB may read a division's
 * accounts through the covering (Division, Name) index for every payment), restricts every joined
 * table to the division as the gateway's does, and is sent as a prepared statement (mysql2
 * `execute`), as the gateway sends its reads. The check then compares the rows each side's
 * statements actually read.
 */

/** The case's parameters, as the baseline server takes them from its query string. */
export type CaseParameters = URLSearchParams;

const LIST_COLUMNS = `p.ID, p.AmountDC, p.DueDate, p.Description,
    a.Name AS AccountName, g.Code AS GLAccountCode, j.Description AS JournalDescription,
    d.Description AS DivisionName, b.BankAccount AS BankAccountNumber, pc.Description AS ConditionDescription`;

/** The list's joins, each restricted to the division (`?` once per join, then the rest). */
const LIST_JOINS = `FROM Payments p
  LEFT JOIN Divisions d FORCE INDEX (PRIMARY) ON d.Code = p.Division AND d.Code = ?
  LEFT JOIN Accounts a FORCE INDEX (PRIMARY) ON a.ID = p.Account AND a.Division = p.Division AND a.Division = ?
  LEFT JOIN BankAccounts b FORCE INDEX (PRIMARY) ON b.ID = p.BankAccountID AND b.Division = p.Division AND b.Division = ?
  LEFT JOIN GLAccounts g FORCE INDEX (PRIMARY) ON g.ID = p.GLAccount AND g.Division = p.Division AND g.Division = ?
  LEFT JOIN Journals j ON j.Code = p.Journal AND j.Division = p.Division AND j.Division = ?
  LEFT JOIN PaymentConditions pc ON pc.Code = p.PaymentCondition AND pc.Division = p.Division AND pc.Division = ?`;
const JOINED = 6;

const division = (q: CaseParameters): number => Number(q.get('division'));
const joined = (q: CaseParameters): number[] => Array.from({ length: JOINED }, () => division(q));

/** The statement of each case (a)-(d), from the case's parameters. */
export const BASELINE_SQL: Record<'a' | 'b' | 'c' | 'd', (q: CaseParameters) => Statement> = {
  // (a) 100 open payments of one division due in a window, six related fields.
  a: (q) => ({
    sql: `SELECT ${LIST_COLUMNS} ${LIST_JOINS}
      WHERE p.Division = ? AND p.Status = 20 AND p.DueDate BETWEEN ? AND ? ORDER BY p.DueDate, p.ID LIMIT 101`,
    parameters: [...joined(q), division(q), new Date(q.get('from')!), new Date(q.get('to')!)],
  }),
  // (b) the same page shape deep in one division's list, by keyset (due date, id).
  b: (q) => {
    const due = new Date(q.get('due')!);
    return {
      sql: `SELECT ${LIST_COLUMNS} ${LIST_JOINS}
        WHERE p.Division = ? AND p.DueDate >= ? AND (p.DueDate > ? OR (p.DueDate = ? AND p.ID > ?)) ORDER BY p.DueDate, p.ID LIMIT 101`,
      parameters: [...joined(q), division(q), due, due, due, q.get('id')],
    };
  },
  // (c) count and sum by status and due month over one division.
  c: (q) => ({
    sql: `SELECT Status, DATE_FORMAT(DueDate, '%Y-%m-01') AS Month, COUNT(*) AS n, SUM(AmountDC) AS total
      FROM Payments WHERE Division = ? GROUP BY Status, Month ORDER BY Status, Month`,
    parameters: [division(q)],
  }),
  // (d) ageing of open payables per division, over the divisions given (all of them).
  d: (q) => {
    const asOf = new Date(q.get('asOf')!);
    const divisions = q.get('divisions')!.split(',').map(Number);
    const days = 'DATEDIFF(?, DueDate)';
    const bucket = (cond: string) => `SUM(CASE WHEN ${cond} THEN AmountDC END)`;
    return {
      sql: `SELECT Division, COUNT(*) AS n, ${bucket(`${days} <= 0`)} AS b0, ${bucket(`${days} BETWEEN 1 AND 30`)} AS b1,
          ${bucket(`${days} BETWEEN 31 AND 60`)} AS b2, ${bucket(`${days} BETWEEN 61 AND 90`)} AS b3, ${bucket(`${days} > 90`)} AS b4,
          SUM(AmountDC) AS total
        FROM Payments WHERE Status IN (20, 30) AND InvoiceDate < ? + INTERVAL 1 DAY AND Division IN (${divisions.map(() => '?').join(', ')})
        GROUP BY Division ORDER BY Division`,
      parameters: [...Array.from({ length: 5 }, () => asOf), asOf, ...divisions],
    };
  },
};

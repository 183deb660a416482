import http from 'node:http';
import { createPool, RowDataPacket } from 'mysql2/promise';

/**
 * The baseline: a minimal Node HTTP handler that sends hand-written SQL through mysql2 and
 * answers the same JSON as the gateway (same fields, same nesting), one statement per request.
 */
const pool = createPool({
  uri: process.env.BENCH_DATABASE_URL!,
  connectionLimit: 20,
  timezone: 'Z',
  decimalNumbers: false,
  supportBigNumbers: true,
  bigNumberStrings: true,
});

const LIST = `SELECT p.ID, p.AmountDC, p.DueDate, p.Description,
    a.Name AS AccountName, g.Code AS GLAccountCode, j.Description AS JournalDescription,
    d.Description AS DivisionName, b.BankAccount AS BankAccountNumber, pc.Description AS ConditionDescription
  FROM Payments p
  LEFT JOIN Accounts a ON a.Division = p.Division AND a.ID = p.Account
  LEFT JOIN GLAccounts g ON g.Division = p.Division AND g.ID = p.GLAccount
  LEFT JOIN Journals j ON j.Division = p.Division AND j.Code = p.Journal
  LEFT JOIN Divisions d ON d.Code = p.Division
  LEFT JOIN BankAccounts b ON b.Division = p.Division AND b.ID = p.BankAccountID
  LEFT JOIN PaymentConditions pc ON pc.Division = p.Division AND pc.Code = p.PaymentCondition`;

function page(rows: RowDataPacket[]) {
  const nodes = rows.slice(0, 100).map((r) => ({
    id: r.ID,
    amountDC: r.AmountDC,
    dueDate: (r.DueDate as Date).toISOString(),
    description: r.Description,
    account: { name: r.AccountName },
    glAccount: { code: r.GLAccountCode },
    journal: { description: r.JournalDescription },
    division: { description: r.DivisionName },
    bankAccount: r.BankAccountNumber === null ? null : { bankAccount: r.BankAccountNumber },
    paymentCondition: r.ConditionDescription === null ? null : { description: r.ConditionDescription },
  }));
  const last = rows[Math.min(rows.length, 100) - 1];
  const endCursor = last ? Buffer.from(JSON.stringify([last.DueDate, last.ID])).toString('base64url') : null;
  return { data: { payments: { nodes, pageInfo: { endCursor, hasNextPage: rows.length > 100 } } } };
}

const routes: Record<string, (q: URLSearchParams) => Promise<unknown>> = {
  // (a) 100 open payments of one division due in a window, six related fields.
  async a(q) {
    const [rows] = await pool.query<RowDataPacket[]>(
      `${LIST} WHERE p.Division = ? AND p.Status = 20 AND p.DueDate BETWEEN ? AND ? ORDER BY p.DueDate, p.ID LIMIT 101`,
      [Number(q.get('division')), new Date(q.get('from')!), new Date(q.get('to')!)],
    );
    return page(rows);
  },
  // (b) the same page shape deep in one division's list, by keyset (due date, id).
  async b(q) {
    const due = new Date(q.get('due')!);
    const [rows] = await pool.query<RowDataPacket[]>(
      `${LIST} WHERE p.Division = ? AND p.DueDate >= ? AND (p.DueDate > ? OR (p.DueDate = ? AND p.ID > ?)) ORDER BY p.DueDate, p.ID LIMIT 101`,
      [Number(q.get('division')), due, due, due, q.get('id')],
    );
    return page(rows);
  },
  // (c) count and sum by status and due month over one division.
  async c(q) {
    const [rows] = await pool.query<RowDataPacket[]>(
      `SELECT Status, DATE_FORMAT(DueDate, '%Y-%m-01') AS Month, COUNT(*) AS n, SUM(AmountDC) AS total FROM Payments WHERE Division = ? GROUP BY Status, Month ORDER BY Status, Month`,
      [Number(q.get('division'))],
    );
    const names: Record<number, string> = { 20: 'OPEN', 30: 'SELECTED', 40: 'PROCESSED', 50: 'MATCHED' };
    return {
      data: {
        paymentsAggregate: rows.map((r) => ({
          key: { status: names[r.Status], dueDate: r.Month },
          count: Number(r.n),
          sum: { amountDC: r.total },
        })),
      },
    };
  },
  // (d) ageing of open payables per division over all divisions.
  async d(q) {
    const asOf = new Date(q.get('asOf')!);
    const days = 'DATEDIFF(?, DueDate)';
    const bucket = (cond: string) => `SUM(CASE WHEN ${cond} THEN AmountDC END)`;
    const [rows] = await pool.query<RowDataPacket[]>(
      `SELECT Division, COUNT(*) AS n, ${bucket(`${days} <= 0`)} AS b0, ${bucket(`${days} BETWEEN 1 AND 30`)} AS b1, ${bucket(`${days} BETWEEN 31 AND 60`)} AS b2,
         ${bucket(`${days} BETWEEN 61 AND 90`)} AS b3, ${bucket(`${days} > 90`)} AS b4, SUM(AmountDC) AS total
       FROM Payments WHERE Status IN (20, 30) AND InvoiceDate < ? + INTERVAL 1 DAY GROUP BY Division ORDER BY Division`,
      [asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf, asOf],
    );
    const m = (v: string | null) => v ?? '0.00';
    return {
      data: {
        paymentAgeing: rows.map((r) => ({
          divisionCode: r.Division,
          count: Number(r.n),
          notYetDue: m(r.b0),
          days1to30: m(r.b1),
          days31to60: m(r.b2),
          days61to90: m(r.b3),
          over90: m(r.b4),
          total: m(r.total),
        })),
      },
    };
  },
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = routes[url.pathname.slice(1)];
  for await (const _ of req); // drain the body, as the gateway reads it
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = JSON.stringify(await route(url.searchParams));
    res.writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': '1' }).end(body);
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});

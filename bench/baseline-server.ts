import http from 'node:http';
import { createPool, RowDataPacket } from 'mysql2/promise';
import { BASELINE_SQL } from './baseline-sql';

/**
 * The baseline: a minimal Node HTTP handler that sends hand-written SQL (bench/baseline-sql.ts)
 * through mysql2 as prepared statements and answers the same JSON as the gateway (same fields,
 * same nesting), one statement per request.
 */
const pool = createPool({
  uri: process.env.BENCH_DATABASE_URL!,
  connectionLimit: 20,
  timezone: 'Z',
  decimalNumbers: false,
  supportBigNumbers: true,
  bigNumberStrings: true,
});

function page(list: RowDataPacket[]) {
  const nodes = list.slice(0, 100).map((r) => ({
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
  const last = list[Math.min(list.length, 100) - 1];
  const endCursor = last ? Buffer.from(JSON.stringify([last.DueDate, last.ID])).toString('base64url') : null;
  return { data: { payments: { nodes, pageInfo: { endCursor, hasNextPage: list.length > 100 } } } };
}

/** The rows of the case's statement, prepared (mysql2 keeps it per connection, as the gateway does). */
async function rows(c: keyof typeof BASELINE_SQL, q: URLSearchParams): Promise<RowDataPacket[]> {
  const { sql, parameters } = BASELINE_SQL[c](q);
  const [result] = await pool.execute<RowDataPacket[]>(sql, parameters as never[]);
  return result;
}

const routes: Record<string, (q: URLSearchParams) => Promise<unknown>> = {
  // (a) 100 open payments of one division due in a window, six related fields.
  async a(q) {
    return page(await rows('a', q));
  },
  // (b) the same page shape deep in one division's list, by keyset (due date, id).
  async b(q) {
    return page(await rows('b', q));
  },
  // (c) count and sum by status and due month over one division.
  async c(q) {
    const names: Record<number, string> = { 20: 'OPEN', 30: 'SELECTED', 40: 'PROCESSED', 50: 'MATCHED' };
    return {
      data: {
        paymentsAggregate: (await rows('c', q)).map((r) => ({
          key: { status: names[r.Status], dueDate: r.Month },
          count: Number(r.n),
          sum: { amountDC: r.total },
        })),
      },
    };
  },
  // (d) ageing of open payables per division over all divisions.
  async d(q) {
    const m = (v: string | null) => v ?? '0.00';
    return {
      data: {
        paymentAgeing: (await rows('d', q)).map((r) => ({
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

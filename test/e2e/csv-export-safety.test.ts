import { Writable } from 'node:stream';
import { ExportCommandOptions, runExport } from '../../src/cli/export';
import { allDivisionCodes } from '../../src/access/authenticate';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway, testRuntime } from '../support/gateway';
import { divisionFixture, validPaymentInput } from '../support/payments';

/**
 * Issue 11, section 8: text a partner stored (`=HYPERLINK(...)`, `@SUM(A1)`) went unescaped into
 * CSV, where a spreadsheet runs it. Every CSV path neutralises formula cells (OWASP: a leading
 * apostrophe before = + - @ tab CR), numbers such as -12.50 stay as they are, NDJSON is exact.
 * Also the export command's options (issue 11, section 4).
 */
let t: TestDatabase;
let gw: TestGateway;
let D1: number;
let invoice: string;
let credit: string;

const HYPERLINK = '=HYPERLINK("http://evil.example","x")';
const DDE = "-2+3+cmd|' /C calc'!A0";

beforeAll(async () => {
  t = await openSeededDatabase('csv_export_safety', { divisions: 2, payments: 20 });
  [D1] = await allDivisionCodes(t.db);
  gw = await startTestGateway(t.db);
  const f = await divisionFixture(t.db);
  const create = async (overrides: Record<string, unknown>) => {
    const res = await gw.gql('mutation($input: PaymentCreateInput!) { createPayment(input: $input) { id } }', {
      input: validPaymentInput(f, overrides),
    });
    expect(res.errors).toBeUndefined();
    return res.data.createPayment.id as string;
  };
  invoice = await create({ description: HYPERLINK, yourRef: '@SUM(A1)', paymentReference: '+31 20 555' });
  credit = await create({ description: DDE, yourRef: '\t=1', amountFC: '-12.50', amountDC: '-12.50', paymentReference: '-12.50' });
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** RFC 4180 records of a CSV text. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

/** The cells of the two test payments, by column name, from a CSV text. */
function cellsOf(text: string, idColumn: string): Map<string, Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  const byId = new Map<string, Record<string, string>>();
  for (const r of rows) byId.set(r[header.indexOf(idColumn)], Object.fromEntries(header.map((h, i) => [h, r[i]])));
  return byId;
}

const SQL = 'select ID, Description, YourRef, PaymentReference, AmountDC from Payments where ID in (:a, :b)';
const NEUTRALISED = {
  invoice: { Description: `'${HYPERLINK}`, YourRef: "'@SUM(A1)", PaymentReference: "'+31 20 555", AmountDC: '100.00' },
  credit: { Description: `'${DDE}`, YourRef: "'\t=1", PaymentReference: '-12.50', AmountDC: '-12.50' },
};

function expectNeutralised(
  text: string,
  names = { id: 'ID', Description: 'Description', YourRef: 'YourRef', PaymentReference: 'PaymentReference', AmountDC: 'AmountDC' },
) {
  const cells = cellsOf(text, names.id);
  for (const [id, expected] of [
    [invoice, NEUTRALISED.invoice],
    [credit, NEUTRALISED.credit],
  ] as const) {
    const row = cells.get(id)!;
    expect(row).toBeDefined();
    for (const [column, value] of Object.entries(expected))
      expect([column, row[names[column as keyof typeof names]]]).toEqual([column, value]);
  }
}

describe('every CSV path neutralises formula cells and keeps numbers', () => {
  const parameters = () => encodeURIComponent(JSON.stringify({ a: invoice, b: credit }));

  it('GET /export?sql=...', async () => {
    const res = await gw.request(`/export?format=csv&sql=${encodeURIComponent(SQL)}&parameters=${parameters()}`);
    expect(res.status).toBe(200);
    expectNeutralised(await res.text());
  });

  it('POST /export of a GraphQL list query (amounts are text columns there, and stay numbers)', async () => {
    const graphql = `{ payments(where: { id: { in: ["${invoice}", "${credit}"] } }) { nodes { id description yourRef paymentReference amountDC } } }`;
    const res = await gw.request('/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify({ graphql }),
    });
    expect(res.status).toBe(200);
    expectNeutralised(await res.text(), {
      id: 'id',
      Description: 'description',
      YourRef: 'yourRef',
      PaymentReference: 'paymentReference',
      AmountDC: 'amountDC',
    });
  });

  it('GET /export?list=payments', async () => {
    const res = await gw.request(`/export?list=payments&divisions=${D1}`);
    expectNeutralised(await res.text(), {
      id: 'id',
      Description: 'description',
      YourRef: 'yourRef',
      PaymentReference: 'paymentReference',
      AmountDC: 'amountDC',
    });
  });

  it('POST /sql as CSV, by format and by Accept', async () => {
    const body = JSON.stringify({ query: SQL, parameters: { a: invoice, b: credit } });
    const asked: { headers: Record<string, string>; body: string }[] = [
      { headers: { accept: 'text/csv' }, body },
      { headers: {}, body: JSON.stringify({ query: SQL, parameters: { a: invoice, b: credit }, format: 'csv' }) },
    ];
    for (const init of asked) {
      const res = await gw.request('/sql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...init.headers },
        body: init.body,
      });
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expectNeutralised(await res.text());
    }
  });

  it('npm run export', async () => {
    expectNeutralised(await exportText({ sql: SQL, param: [`a=${invoice}`, `b=${credit}`] }));
    expectNeutralised(await exportText({ list: 'payments' }), {
      id: 'id',
      Description: 'description',
      YourRef: 'yourRef',
      PaymentReference: 'paymentReference',
      AmountDC: 'amountDC',
    });
  });

  it('keeps NDJSON and JSON exact', async () => {
    const res = await gw.request(`/export?format=ndjson&sql=${encodeURIComponent(SQL)}&parameters=${parameters()}`);
    const rows = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.find((r) => r.ID === invoice)).toEqual({
      ID: invoice,
      Description: HYPERLINK,
      YourRef: '@SUM(A1)',
      PaymentReference: '+31 20 555',
      AmountDC: '100.00',
    });
    expect(rows.find((r) => r.ID === credit)).toEqual({
      ID: credit,
      Description: DDE,
      YourRef: '\t=1',
      PaymentReference: '-12.50',
      AmountDC: '-12.50',
    });
    const json = await gw.request('/sql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SQL, parameters: { a: invoice, b: credit } }),
    });
    expect(((await json.json()) as { rows: { ID: string; Description: string }[] }).rows.find((r) => r.ID === invoice)?.Description).toBe(
      HYPERLINK,
    );
  });
});

/** Runs the export command in-process and returns what it wrote. */
async function exportText(options: ExportCommandOptions): Promise<string> {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  await runExport(t.db, testRuntime(), { format: 'csv', ...options }, out);
  return chunks.join('');
}

/** The export command answers as /export does (the command line prints `--option` for the field, see namingOptions). */
describe('npm run export: options', () => {
  it.each([
    [{ sql: 'select 1 as x', list: 'payments' }, 'list: give one of sql, graphql or list, not sql and list'],
    [{}, 'sql: give a SQL query (sql), a GraphQL list query (graphql) or a list to export (list)'],
    [{ sql: ' ' }, 'sql: must be a non-empty string'],
    [{ sql: 'select 1 as x', format: 'xml' }, 'format: must be csv or ndjson, not "xml"'],
    [{ sql: 'select 1 as x', divisions: 'abc' }, 'divisions: must be a list of division codes'],
    [{ sql: 'select 1 as x', divisions: '1,,2' }, 'divisions: must be a list of division codes'],
    [{ sql: 'select 1 as x', parameters: '{bad' }, /^parameters: must be a JSON object/],
    [{ sql: 'select 1 as x', parameters: '[1]' }, 'parameters: must be an object of named values, such as {"status": 20}'],
    [{ sql: 'select 1 as x', variables: '{}' }, 'variables: apply to a graphql export only, not to sql'],
    [{ list: 'payments', param: ['a=1'] }, 'parameters: apply to a sql export only, not to list'],
    [{ sql: 'select 1 as x', param: ['oops'] }, 'param: expected name=value with a parameter name such as status, got "oops"'],
    [{ sql: 'select 1 as x', param: ['a=1', 'a=2'] }, 'param: the parameter a is given twice'],
    [{ sql: 'delete from Payments' }, /^query: /],
    [{ list: 'nope' }, /^list: unknown list nope/],
    [{ graphql: '{ payments { totalCount } }' }, /^graphql: /],
  ])('%j', async (options, message) => {
    await expect(exportText(options as ExportCommandOptions)).rejects.toThrow(message);
  });

  it('refuses a code beyond an Int, as every divisions list does', async () => {
    await expect(exportText({ sql: 'select 1 as x', divisions: `${D1},3000000000` })).rejects.toThrow(
      'divisions: 3000000000 is not a division code (a whole number from 1 to 2147483647)',
    );
  });
});

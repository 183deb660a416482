import { Writable } from 'node:stream';
import { runExport } from '../../src/cli/export';
import { GatewayError } from '../../src/platform/errors';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway, testRuntime } from '../support/gateway';

/**
 * One rule narrows a request to its `divisions` (context/partition-selection.ts), whichever door
 * the request comes in by: the GraphQL argument, the body of POST /sql and POST /export, the query
 * string of GET /export, `npm run export --divisions`. Each case below is asked through every
 * door and must get the same answer: the rows of the divisions asked for; BAD_USER_INPUT naming
 * `divisions` for an empty list (leave it out for all); FORBIDDEN naming the first division that
 * is not granted or not selected by the X-Cashflow-Divisions header. Expected rows come from the
 * seeded counts per division, read once without any narrowing.
 */
const QUERY = 'select Division, count(*) as n from Payments group by Division order by Division';

let t: TestDatabase;
let gw: TestGateway;
let all: { Division: number; n: number }[];
let D: number[];

beforeAll(async () => {
  t = await openSeededDatabase('divisions_parity');
  gw = await startTestGateway(t.db);
  all = (await gw.gql(`{ sql(query: "${QUERY}") { rows } }`)).data.sql.rows;
  D = all.map((r) => r.Division);
  expect(D).toHaveLength(3);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** What a door answered: the rows, or the error's code, message and the extensions that matter. */
type Outcome =
  { rows: unknown[] } | { error: { code: unknown; message: string; field?: unknown; division?: unknown; rule?: unknown }; status?: number };

const errorOf = (e: { message: string; extensions?: Record<string, unknown> }) => ({
  code: e.extensions?.code,
  message: e.message,
  field: e.extensions?.field,
  division: e.extensions?.division,
  rule: e.extensions?.rule,
});
const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403 };

async function httpOutcome(res: Response): Promise<Outcome> {
  if (res.status === 200) {
    const text = (await res.text()).trim();
    const rows = text.startsWith('{"columns"')
      ? JSON.parse(text).rows
      : text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l));
    return { rows };
  }
  const error = errorOf(((await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0]);
  expect({ status: res.status, code: error.code }).toEqual({ status: STATUS[String(error.code)], code: error.code });
  return { error };
}

/** Every door, for `divisions` as a JSON list (undefined: left out) and as query-string text. */
async function doors(divisions: number[] | undefined, headers: Record<string, string> = {}) {
  const text = divisions?.join(',');
  const json = { 'content-type': 'application/json', ...headers };
  const graphql = await gw.gql('query($d: [Int!]) { sql(query: "' + QUERY + '", divisions: $d) { rows } }', { d: divisions }, headers);
  const outcomes: Record<string, Outcome> = {
    graphql: graphql.errors ? { error: errorOf(graphql.errors[0]) } : { rows: graphql.data.sql.rows },
    'POST /sql': await httpOutcome(
      await gw.request('/sql', { method: 'POST', headers: json, body: JSON.stringify({ query: QUERY, divisions }) }),
    ),
    'POST /export': await httpOutcome(
      await gw.request('/export', { method: 'POST', headers: json, body: JSON.stringify({ sql: QUERY, format: 'ndjson', divisions }) }),
    ),
    'GET /export': await httpOutcome(
      await gw.request(`/export?format=ndjson&sql=${encodeURIComponent(QUERY)}${text === undefined ? '' : `&divisions=${text}`}`, {
        headers,
      }),
    ),
  };
  if (!headers['x-api-key'] && !headers['x-cashflow-divisions']) outcomes['npm run export'] = await cliOutcome(text);
  return outcomes;
}

/** `npm run export -- --sql ... --format ndjson --divisions <text>`, in process, as the local administrator. */
async function cliOutcome(divisions: string | undefined): Promise<Outcome> {
  let out = '';
  const sink = new Writable({ write: (chunk, _encoding, done) => ((out += String(chunk)), done()) });
  const progress = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await runExport(t.db, testRuntime(), { sql: QUERY, format: 'ndjson', divisions }, sink);
  } catch (error) {
    if (error instanceof GatewayError) return { error: errorOf(error) };
    throw error;
  } finally {
    progress.mockRestore();
  }
  return {
    rows: out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  };
}

const same = (outcomes: Record<string, Outcome>, expected: Outcome) =>
  expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((door) => [door, expected])));

const notGranted = (division: number): Outcome => ({
  error: {
    code: 'FORBIDDEN',
    message: `Division ${division} is not granted to this caller (or not selected by the request)`,
    field: undefined,
    division,
    rule: 'DIVISION_NOT_GRANTED',
  },
});

describe('the divisions argument: one rule through every door', () => {
  it('reads every selected division when left out', async () => {
    same(await doors(undefined), { rows: all });
  });

  it('narrows to the divisions named, in any order, duplicates ignored', async () => {
    same(await doors([D[1]]), { rows: [all[1]] });
    same(await doors([D[2], D[0], D[2]]), { rows: [all[0], all[2]] });
  });

  it('refuses an empty list with BAD_USER_INPUT naming divisions', async () => {
    same(await doors([]), {
      error: {
        code: 'BAD_USER_INPUT',
        message: 'divisions: must name at least one division (omit it for all)',
        field: 'divisions',
        division: undefined,
        rule: 'NO_DIVISION',
      },
    });
  });

  it('refuses a division that does not exist or is not granted with FORBIDDEN naming it', async () => {
    same(await doors([D[0], 987654]), notGranted(987654));
    const onlyFirst = await gw.headersFor({ divisions: [D[0]] });
    same(await doors([D[0]], onlyFirst), { rows: [all[0]] });
    same(await doors([D[1]], onlyFirst), notGranted(D[1]));
  });

  it('refuses a division the X-Cashflow-Divisions header did not select', async () => {
    const header = { 'x-cashflow-divisions': String(D[0]) };
    same(await doors(undefined, header), { rows: [all[0]] });
    same(await doors([D[2]], header), notGranted(D[2]));
  });

  it('refuses what is not a list of division codes outside GraphQL (whose type system does it there)', async () => {
    const expected = {
      error: {
        code: 'BAD_USER_INPUT',
        message: 'divisions: must be a list of division codes',
        field: 'divisions',
        division: undefined,
        rule: 'INVALID_VALUE',
      },
    };
    expect(await httpOutcome(await gw.request(`/export?format=ndjson&sql=${encodeURIComponent(QUERY)}&divisions=${D[0]},x`))).toEqual(
      expected,
    );
    const body = JSON.stringify({ query: QUERY, divisions: [D[0], 'two'] });
    expect(await httpOutcome(await gw.request('/sql', { method: 'POST', headers: { 'content-type': 'application/json' }, body }))).toEqual(
      expected,
    );
    expect(await cliOutcome('1;2')).toEqual(expected);
  });
});

import { Payment } from '../../src/modules/payments/payment.entity';
import { openSeededDatabase, TEST_DATABASE, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { encodeCollation, readMariaDbCollation } from '../support/mariadb-collation';
import { LOWER_EXCEPTIONS, UCA_WEIGHTS, UPPER_EXCEPTIONS } from '../../src/db/text-collation-data';

/**
 * Text matches the same on SQLite and MariaDB (docs/querying.md, "Text"): by MariaDB's
 * utf8mb4_unicode_ci, which compares at the primary level of the Unicode Collation Algorithm
 * 4.0.0: case and accents do not count, 'ß' equals 'ss', 'İ' equals 'i' (but the dotless 'ı'
 * does not), the three Greek sigmas are one letter, a precomposed 'é' equals 'e' + U+0301, and
 * trailing spaces do not count. LIKE (contains, startsWith, endsWith) goes character by character:
 * 'ß' is one character and does not match 'ss'. The expectations below are those rules applied
 * by hand, and the suite runs unchanged on both databases.
 */
const TEXTS: Record<string, string> = {
  aerzte: 'Ärzte Nord',
  aerzteUpper: 'ÄRZTE NORD',
  aerzteLower: 'ärzte süd',
  arzteAscii: 'ARZTE West',
  strasse: 'Straße 12',
  strasseUpper: 'STRASSE 12',
  istanbulDotted: 'İstanbul',
  istanbul: 'istanbul',
  istanbulDotless: 'ıstanbul',
  odosUpper: 'ΟΔΟΣ',
  odosFinal: 'οδος',
  odosMedial: 'οδοσ',
  moskvaUpper: 'МОСКВА',
  moskva: 'москва',
  cafePrecomposed: 'Café',
  cafeCombining: 'Cafe\u0301',
  cafeUpper: 'CAFE',
  apfel: 'Äpfel',
  apple: 'apple',
  banana: 'Banana',
  cherry: 'cherry',
  wildcards: '100%_done',
  trailing: 'trailing  ',
};
const NAMES = Object.keys(TEXTS);

let t: TestDatabase;
let gw: TestGateway;
/** Payment id by text name, and back. */
const idOf: Record<string, string> = {};
const nameOf: Record<string, string> = {};

beforeAll(async () => {
  t = await openSeededDatabase('text_semantics', { payments: 60 });
  gw = await startTestGateway(t.db);
  const payments = await t.db.dataSource.manager.find(Payment, { order: { id: 'ASC' }, take: NAMES.length });
  for (const [i, name] of NAMES.entries()) {
    await t.db.dataSource.manager.update(Payment, { id: payments[i].id }, { description: TEXTS[name] });
    idOf[name] = payments[i].id;
    nameOf[payments[i].id] = name;
  }
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** Names of the test rows a GraphQL filter on description matches (in the order asked for). */
async function matching(filter: Record<string, unknown>, orderBy?: unknown): Promise<string[]> {
  const where = { and: [{ id: { in: Object.values(idOf) } }, { description: filter }] };
  const res = await gw.gql(
    `query($w: PaymentWhere, $o: [PaymentOrderBy!]) { payments(first: 100, where: $w, orderBy: $o) { nodes { id } } }`,
    { w: where, o: orderBy },
  );
  expect(res.errors).toBeUndefined();
  const names = res.data.payments.nodes.map((n: { id: string }) => nameOf[n.id]);
  return orderBy ? names : names.sort();
}

async function sql(query: string, parameters: Record<string, unknown> = {}): Promise<any[]> {
  const res = await gw.request('/sql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, parameters: { ids: Object.values(idOf), ...parameters } }),
  });
  const body = (await res.json()) as any;
  expect(body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  return body.rows;
}
const sqlNames = async (condition: string, parameters: Record<string, unknown> = {}) =>
  (await sql(`SELECT ID FROM Payments WHERE ID IN (:ids) AND ${condition}`, parameters)).map((r) => nameOf[r.ID]).sort();
const set = (...names: string[]) => [...names].sort();

describe('GraphQL text filters', () => {
  it.each([
    ['eq, case and accents ignored', { eq: 'ärzte nord' }, set('aerzte', 'aerzteUpper')],
    ['eq, the text of a row finds that row', { eq: 'Ärzte Nord' }, set('aerzte', 'aerzteUpper')],
    ['eq, ß equals ss', { eq: 'strasse 12' }, set('strasse', 'strasseUpper')],
    ['eq, İ equals i but ı does not', { eq: 'ISTANBUL' }, set('istanbulDotted', 'istanbul')],
    ['eq, the dotless ı only itself', { eq: 'ıSTANBUL' }, set('istanbulDotless')],
    ['eq, Σ σ ς are one letter', { eq: 'οδοσ' }, set('odosUpper', 'odosFinal', 'odosMedial')],
    ['eq, Cyrillic', { eq: 'Москва' }, set('moskvaUpper', 'moskva')],
    ['eq, precomposed and combining accents', { eq: 'cafe' }, set('cafePrecomposed', 'cafeCombining', 'cafeUpper')],
    ['eq, trailing spaces do not count', { eq: 'TRAILING' }, set('trailing')],
    ['ne', { ne: 'ärzte nord' }, NAMES.filter((n) => n !== 'aerzte' && n !== 'aerzteUpper').sort()],
    [
      'in',
      { in: ['ÄRZTE NORD', 'strasse 12', 'МОСКВА'] },
      set('aerzte', 'aerzteUpper', 'strasse', 'strasseUpper', 'moskvaUpper', 'moskva'),
    ],
    // 'ıstanbul'.toUpperCase() is 'ISTANBUL', which equals 'istanbul' and 'İstanbul' but not 'ıstanbul'.
    [
      'notIn',
      { notIn: NAMES.filter((n) => !n.startsWith('odos')).map((n) => TEXTS[n].toUpperCase()) },
      set('odosUpper', 'odosFinal', 'odosMedial', 'istanbulDotless'),
    ],
    ['contains Ä', { contains: 'ÄRZTE' }, set('aerzte', 'aerzteUpper', 'aerzteLower', 'arzteAscii')],
    ['contains ä', { contains: 'ärzte' }, set('aerzte', 'aerzteUpper', 'aerzteLower', 'arzteAscii')],
    ['contains İ', { contains: 'İST' }, set('istanbulDotted', 'istanbul')],
    ['contains σ', { contains: 'δοσ' }, set('odosUpper', 'odosFinal', 'odosMedial')],
    ['contains Cyrillic', { contains: 'СКВ' }, set('moskvaUpper', 'moskva')],
    ['contains é', { contains: 'café' }, set('cafePrecomposed', 'cafeCombining', 'cafeUpper')],
    ['LIKE goes character by character: ß is not ss', { startsWith: 'STRASS' }, set('strasseUpper')],
    ['startsWith ß', { startsWith: 'straß' }, set('strasse')],
    ['endsWith: a combining mark is a character of its own', { endsWith: 'FÉ' }, set('cafePrecomposed', 'cafeUpper')],
    ['endsWith: trailing spaces count in LIKE', { endsWith: 'ing' }, set()],
    ['wildcards are literal', { contains: '%_' }, set('wildcards')],
    [
      'lt orders case- and accent-insensitively',
      { lt: 'B' },
      set('aerzte', 'aerzteUpper', 'aerzteLower', 'arzteAscii', 'apfel', 'apple', 'wildcards'),
    ],
    ['gte', { gte: 'ΟΔΟΣ' }, set('odosUpper', 'odosFinal', 'odosMedial', 'moskvaUpper', 'moskva')],
  ])('%s', async (_what, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it('sorts by the same order (ties by id)', async () => {
    const got = await matching({ in: ['apple', 'Banana', 'cherry', 'Äpfel'] }, [{ field: 'description' }]);
    expect(got).toEqual(['apfel', 'apple', 'banana', 'cherry']);
    const desc = await matching({ in: ['apple', 'Banana', 'cherry', 'Äpfel'] }, [{ field: 'description', direction: 'DESC' }]);
    expect(desc).toEqual(['cherry', 'banana', 'apple', 'apfel']);
  });

  it('pages by keyset through equal texts without skipping or repeating', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const where = { id: { in: Object.values(idOf) } };
      const res: any = await gw.gql(
        `query($w: PaymentWhere, $a: String) { payments(first: 4, after: $a, where: $w, orderBy: [{ field: description }]) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { w: where, a: after },
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.payments.nodes.map((n: { id: string }) => nameOf[n.id]));
      if (!res.data.payments.pageInfo.hasNextPage) break;
      after = res.data.payments.pageInfo.endCursor;
    }
    expect([...seen].sort()).toEqual([...NAMES].sort());
    expect(seen.indexOf('apfel')).toBeLessThan(seen.indexOf('banana'));
  });

  it('groups equal texts into one group in aggregates', async () => {
    const res = await gw.gql(
      `query($w: PaymentWhere) { paymentsAggregate(where: $w, groupBy: [{ field: description }]) { key { description } count } }`,
      {
        w: { id: { in: [idOf.aerzte, idOf.aerzteUpper, idOf.arzteAscii, idOf.strasse, idOf.strasseUpper] } },
      },
    );
    expect(res.errors).toBeUndefined();
    const counts = res.data.paymentsAggregate.map((g: any) => g.count).sort();
    // 'Ärzte Nord' = 'ÄRZTE NORD'; 'ARZTE West' differs (West); 'Straße 12' = 'STRASSE 12'.
    expect(counts).toEqual([1, 2, 2]);
  });
});

describe('SQL layer text', () => {
  it.each([
    ["Description = 'ärzte nord'", set('aerzte', 'aerzteUpper')],
    ["Description = 'strasse 12'", set('strasse', 'strasseUpper')],
    ["Description <> 'ΟΔΟΣ' AND Description LIKE '%δ%'", set()],
    ["Description IN ('istanbul', 'москва')", set('istanbulDotted', 'istanbul', 'moskvaUpper', 'moskva')],
    ["Description NOT IN ('x') AND Description LIKE 'ärz%'", set('aerzte', 'aerzteUpper', 'aerzteLower', 'arzteAscii')],
    ["Description LIKE '%CAFÉ%'", set('cafePrecomposed', 'cafeCombining', 'cafeUpper')],
    ["Description LIKE 'STRASS%'", set('strasseUpper')],
    ["Description LIKE '100\\%\\_%'", set('wildcards')],
    ["Description < 'b' AND Description >= 'a'", set('aerzte', 'aerzteUpper', 'aerzteLower', 'arzteAscii', 'apfel', 'apple')],
    ["LOWER(Description) = 'TRAILING'", set('trailing')],
  ])('%s', async (condition, expected) => {
    expect(await sqlNames(condition)).toEqual(expected);
  });

  it('binds parameters and list parameters by the same rules', async () => {
    expect(await sqlNames('Description = :d', { d: 'ÄRZTE NORD' })).toEqual(set('aerzte', 'aerzteUpper'));
    expect(await sqlNames('Description IN (:list)', { list: ['STRASSE 12', 'οδος'] })).toEqual(
      set('strasse', 'strasseUpper', 'odosUpper', 'odosFinal', 'odosMedial'),
    );
    expect(await sqlNames('Description LIKE :p', { p: '%ärz%' })).toEqual(set('aerzte', 'aerzteUpper', 'aerzteLower', 'arzteAscii'));
  });

  it('groups, counts distinct values, deduplicates and sorts by the same rules', async () => {
    const ids = [idOf.aerzte, idOf.aerzteUpper, idOf.strasse, idOf.strasseUpper, idOf.odosUpper, idOf.odosFinal, idOf.odosMedial];
    const groups = await sql('SELECT COUNT(*) AS n FROM Payments WHERE ID IN (:g) GROUP BY Description ORDER BY n', { g: ids });
    expect(groups.map((r) => Number(r.n))).toEqual([2, 2, 3]);
    const distinct = await sql('SELECT DISTINCT Description FROM Payments WHERE ID IN (:g)', { g: ids });
    expect(distinct).toHaveLength(3);
    const counted = await sql('SELECT COUNT(DISTINCT Description) AS n FROM Payments WHERE ID IN (:g)', { g: ids });
    expect(Number(counted[0].n)).toBe(3);
    const union = await sql(
      "SELECT Description FROM Payments WHERE ID = :a UNION SELECT Description FROM Payments WHERE ID = :b UNION SELECT 'STRASSE 12' AS Description",
      { a: idOf.aerzte, b: idOf.aerzteUpper },
    );
    expect(union).toHaveLength(2);
    const ordered = await sql('SELECT Description FROM Payments WHERE ID IN (:g) ORDER BY Description DESC, ID', {
      g: [idOf.apple, idOf.banana, idOf.cherry, idOf.apfel],
    });
    expect(ordered.map((r) => r.Description)).toEqual(['cherry', 'Banana', 'apple', 'Äpfel']);
    const extremes = await sql('SELECT MIN(Description) AS lo, MAX(Description) AS hi FROM Payments WHERE ID IN (:g)', {
      g: [idOf.apple, idOf.banana, idOf.cherry, idOf.apfel],
    });
    expect(extremes[0]).toEqual({ lo: 'Äpfel', hi: 'cherry' });
  });

  it('maps case as MariaDB does: one character to one', async () => {
    const rows = await sql("SELECT LOWER('ÄRZTE İ ΟΔΟΣ') AS l, UPPER('straße ärzte σας') AS u");
    expect(rows[0]).toEqual({ l: 'ärzte i οδοσ', u: 'STRAßE ÄRZTE ΣΑΣ' });
  });

  it('compares GUIDs in any case, as MariaDB does', async () => {
    const rows = await sql('SELECT ID FROM Payments WHERE ID = :id', { id: idOf.apple.toUpperCase() });
    expect(rows.map((r) => r.ID)).toEqual([idOf.apple]);
  });
});

(TEST_DATABASE === 'mariadb' ? describe : describe.skip)('the SQLite tables are MariaDB utf8mb4_unicode_ci', () => {
  it('has the weights and case mappings the server has for every BMP character', async () => {
    const url = t.url.replace(/\/[^/]*$/, '');
    const encoded = encodeCollation(await readMariaDbCollation(url));
    expect(encoded.weights).toBe(UCA_WEIGHTS);
    expect(encoded.lower).toBe(LOWER_EXCEPTIONS);
    expect(encoded.upper).toBe(UPPER_EXCEPTIONS);
  });
});

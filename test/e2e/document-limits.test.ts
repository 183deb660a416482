import { getIntrospectionQuery, parse } from 'graphql';
import { loadConfig } from '../../src/platform/config';
import { assertDocumentSize, MAX_NESTING } from '../../src/graphql/protection';
import { countingVisits, selectionSetsIn } from '../support/ast-visits';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { GraphQLResult, startTestGateway, TestGateway } from '../support/gateway';

/**
 * No small request may cost minutes: the work before execution (parsing, validation, the depth,
 * alias and cost checks, graphql-jit compilation, planning) is bounded by the size of the query
 * text, and a document whose fragments expand too far is refused before any of it. The gateway
 * runs with the default limits, so the queries here are refused (or answered) as in production.
 *
 * Nothing here is timed (a loaded test machine makes times say little): the work is counted
 * instead. A refusal comes before execution (no statement beyond those of a query that validation
 * refuses), the size check enters each selection set of the bomb a bounded number of times
 * (test/support/ast-visits.ts; test/unit/protection.test.ts does the same for the other walks),
 * and /health answers while the documents are in flight. Before the limits, the nine-level bomb
 * kept the event loop (and /health) busy for minutes, which no test here would survive.
 */
let t: TestDatabase;
let gw: TestGateway;
const defaults = loadConfig({});
/** Statements of a request refused by validation: authentication only, no execution. */
let refusedStatements: number;

beforeAll(async () => {
  t = await openSeededDatabase('document_limits', { payments: 30 });
  gw = await startTestGateway(t.db);
  refusedStatements = (await gw.gql(`{ nope }`)).statements;
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/**
 * Fragments F1..F`levels`, each spreading the previous one `fanout` times (`spread` is the text
 * of one spread, `$` standing for the previous fragment's name): `payments(first: 2)` selecting
 * F`levels` asks for fanout^levels copies of F0's fields.
 */
function fragmentBomb(levels: number, options: { fanout?: number; first?: number; spread?: string } = {}): string {
  const { fanout = 8, first = 2, spread = '...$' } = options;
  const fragments = ['fragment F0 on Payment { id amountDC description }'];
  for (let i = 1; i <= levels; i++) {
    const spreads = Array(fanout).fill(spread.replaceAll('$', `F${i - 1}`));
    fragments.push(`fragment F${i} on Payment { ${spreads.join(' ')} }`);
  }
  return `{ payments(first: ${first}) { nodes { ...F${levels} } } }\n${fragments.join('\n')}`;
}

/** Sends `query` with the default credential. */
const ask = (query: string, variables?: Record<string, unknown>): Promise<GraphQLResult> => gw.gql(query, variables);

/** `res` was answered without executing anything: no statement beyond authentication. */
function expectNoExecution(res: GraphQLResult) {
  expect(res.statements).toBe(refusedStatements);
}

/** Sends `attack` and, while its requests are in flight, /health: every /health answers 200. */
async function healthDuring(attack: () => Promise<unknown>[]): Promise<void> {
  const inFlight = attack();
  const health = await fetch(`${gw.baseUrl}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: expect.any(String) });
  await Promise.all(inFlight);
}

const refusal = (res: GraphQLResult, limit: string) => {
  expect(res.status).toBe(400);
  expect(res.errors).toHaveLength(1);
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', limit });
  expect(res.errors?.[0].message).toMatch(/^query: /);
  expect(res.data).toBeUndefined();
};

describe('the nine-level fragment bomb', () => {
  const bomb = fragmentBomb(9);

  it('is small, and refused at once by the expanded field count, before any SQL', async () => {
    expect(bomb.length).toBeLessThan(2048);
    const res = await ask(bomb);
    refusal(res, 'fields');
    expect(res.errors?.[0].extensions).toMatchObject({ max: defaults.maxQueryFields });
    expect(res.errors?.[0].extensions?.value).toBeGreaterThan(8 ** 9);
    const fields = /^query: selects \d+ fields \(fragment spreads included\) once its fragments are expanded; the maximum is 2000$/;
    expect(res.errors?.[0].message).toMatch(fields);
    // Refused before execution: no more statements than a query refused by validation.
    expectNoExecution(res);
    // The check that refused it (the gateway's validation rule runs assertDocumentSize) enters
    // each of the 13 selection sets written a bounded number of times, not 8^9 times.
    const counted = countingVisits(parse(bomb));
    expect(() => assertDocumentSize(counted.document, { maxTokens: defaults.maxQueryTokens, maxFields: 2000, maxDirectives: 50 })).toThrow(
      /selects \d+ fields/,
    );
    expect(selectionSetsIn(parse(bomb))).toBe(13);
    expect(counted.visits()).toBeLessThanOrEqual(2 * 13);
  });

  it('is refused just as quickly with first: 0, with @skip(if: true), or spread through inline fragments', async () => {
    for (const query of [
      fragmentBomb(9, { first: 0 }),
      fragmentBomb(9, { spread: '...$ @skip(if: true)' }),
      fragmentBomb(9, { spread: '... on Payment { ...$ }' }),
      fragmentBomb(9, { spread: '... @include(if: false) { ...$ }' }),
      // The bomb in a fragment no operation uses, and behind a cycle (refused by validation either way).
      `{ payments(first: 2) { nodes { id } } }\n${fragmentBomb(9).split('\n').slice(1).join('\n')}`,
      `${fragmentBomb(9)}\nfragment Loop on Payment { ...F9 ...Loop }`,
    ]) {
      const res = await ask(query);
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'fields' });
      expectNoExecution(res);
    }
  });

  it('does not hold up /health, sent again and again, several at a time', async () => {
    for (let round = 0; round < 10; round++) {
      await healthDuring(() =>
        [0, 1, 2, 3].map(async () => {
          const res = await ask(bomb);
          refusal(res, 'fields');
          expectNoExecution(res);
        }),
      );
    }
  });
});

describe('other documents whose size is not their length', () => {
  it('refuses a fragment cycle as invalid, quickly, even when it spreads a bomb', async () => {
    const res = await ask(`{ payments(first: 2) { nodes { ...A } } }
      fragment A on Payment { id ...B ...B ...B ...B } fragment B on Payment { amountDC ...A ...A ...A ...A }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/Cannot spread fragment "A" within itself/);
    expectNoExecution(res);
  });

  it('refuses inline fragments nested deeper than the nesting limit, and far deeper ones by the token limit', async () => {
    const nested = (levels: number) =>
      `{ payments(first: 2) { nodes { ${'... on Payment { '.repeat(levels)} id ${'} '.repeat(levels)} } } }`;
    const deep = await ask(nested(MAX_NESTING));
    refusal(deep, 'nesting');
    expect(deep.errors?.[0].extensions).toMatchObject({ value: MAX_NESTING + 3, max: MAX_NESTING });
    expectNoExecution(deep);
    // Deep enough to exhaust the recursion of the parser, were it not stopped by the token limit first.
    const deeper = await ask(nested(3000));
    refusal(deeper, 'tokens');
    expectNoExecution(deeper);
    // Nesting across fragments counts too.
    const link = (i: number) => `fragment N${i} on Account { payments(first: 1) { nodes { account { ...N${i + 1} } } } }`;
    const chain = Array.from({ length: 70 }, (_, i) => link(i));
    const fragments = await ask(`{ accounts(first: 1) { nodes { ...N0 } } }\n${chain.join('\n')}\nfragment N70 on Account { id }`);
    refusal(fragments, 'nesting');
    expectNoExecution(fragments);
  });

  it('refuses more tokens than the limit, counting every token', async () => {
    const res = await ask(`{ payments(first: 2) { nodes { ${Array(defaults.maxQueryTokens).fill('id').join(' ')} } } }`);
    refusal(res, 'tokens');
    expect(res.errors?.[0].extensions).toMatchObject({ value: defaults.maxQueryTokens + 1, max: defaults.maxQueryTokens });
    const max = defaults.maxQueryTokens;
    expect(res.errors?.[0].message).toBe(`query: has more than ${max} tokens; the maximum is ${max}`);
    // A list of values is tokens too (arguments are part of the text).
    const list = Array(max).fill('"x"').join(', ');
    const values = await ask(`{ payments(first: 2, where: { description: { in: [${list}] } }) { nodes { id } } }`);
    refusal(values, 'tokens');
    expectNoExecution(res);
    expectNoExecution(values);
  });

  it('refuses many directives, counted once fragments are expanded', async () => {
    const skips = Array(10).fill('description @skip(if: true)').join(' ');
    const res = await ask(`{ payments(first: 2) { nodes { ...S ...S ...S ...S ...S ...S } } } fragment S on Payment { id ${skips} }`);
    refusal(res, 'directives');
    expect(res.errors?.[0].extensions).toMatchObject({ value: 60, max: defaults.maxQueryDirectives });
    expectNoExecution(res);
  });

  it('refuses a huge list of aliases quickly (the alias limit, after a validation bounded by the field limit)', async () => {
    const res = await ask(`{ payments(first: 2) { nodes { ${Array.from({ length: 1500 }, (_, i) => `a${i}: id`).join(' ')} } } }`);
    refusal(res, 'aliases');
    expectNoExecution(res);
  });

  it('answers or refuses many repeats of the same fields (field merging) quickly', async () => {
    // Under the field limit: validation compares the repeats pairwise (graphql-js meters that work).
    for (const query of [
      `{ payments(first: 2) { nodes { ${Array(1900).fill('id').join(' ')} } } }`,
      `{ payments(first: 2) { nodes { ${Array(600).fill('account { id name }').join(' ')} } } }`,
      `{ ${Array(400).fill('payments(first: 2) { nodes { id } }').join(' ')} }`,
    ]) {
      const res = await ask(query);
      expect([200, 400]).toContain(res.status);
      if (res.status === 400) expectNoExecution(res);
    }
    // Over it: refused before validation.
    const over = await ask(
      `{ payments(first: 2) { nodes { ${Array(defaults.maxQueryFields + 1)
        .fill('id')
        .join(' ')} } } }`,
    );
    refusal(over, 'fields');
    expectNoExecution(over);
  });

  it('answers a query with a very long string argument quickly (one token, however long)', async () => {
    const long = 'x'.repeat(1_000_000);
    // A text value longer than any text column is refused before any SQL, whatever its operator.
    for (const op of ['eq', 'contains']) {
      const answer = await ask(`{ payments(first: 2, where: { description: { ${op}: "${long}" } }) { nodes { id } } }`);
      // Refused by the resolver, as a page over the maximum is: the error in an HTTP 200 answer.
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]).toMatchObject({
        message: `where.description.${op}: takes text of at most 1000 characters (1000000 given; the limit is 1000)`,
        extensions: { code: 'BAD_USER_INPUT', field: `where.description.${op}`, limit: 'textLength', max: 1000 },
      });
      // Refused by the resolver before its statement: only the page's own resolver ran.
      expect(answer.statements).toBe(0);
    }
    const fits = await gw.gql(`{ payments(first: 2, where: { description: { contains: "${'x'.repeat(1000)}" } }) { nodes { id } } }`);
    expect(fits.errors).toBeUndefined();
  });

  it('keeps /health fast while all of these arrive at once', async () => {
    const attacks = [
      fragmentBomb(9),
      fragmentBomb(12, { fanout: 2, spread: '... on Payment { ...$ @include(if: true) }' }),
      `{ payments(first: 2) { nodes { ${'... on Payment { '.repeat(3000)} id ${'} '.repeat(3000)} } } }`,
      `{ payments(first: 2) { nodes { ${Array(1900).fill('id').join(' ')} } } }`,
      `{ payments(first: 2) { nodes { ${Array.from({ length: 1500 }, (_, i) => `a${i}: id`).join(' ')} } } }`,
    ];
    for (let round = 0; round < 3; round++) {
      await healthDuring(() =>
        attacks.map(async (q) => {
          const res = await ask(q);
          expect(res.status).toBe(400);
          expectNoExecution(res);
        }),
      );
    }
  });
});

describe('legitimate documents', () => {
  it('still pass: introspection, fragments spread a few times, directives, a nested page', async () => {
    const everything = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true };
    const introspection = await gw.gql(getIntrospectionQuery(everything));
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data.__schema.types.length).toBeGreaterThan(50);

    const res = await gw.gql(
      `query Page($withAccount: Boolean = true) {
        payments(first: 3) { nodes { ...Row ...Row account @include(if: $withAccount) { ...Supplier } } totalCount }
        accounts(first: 2) { nodes { ...Supplier payments(first: 2) { nodes { ...Row } } } }
      }
      fragment Row on Payment { id amountDC ...Money ... on Payment { description } }
      fragment Money on Payment { amountDC amountFC currency }
      fragment Supplier on Account { id name code }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.payments.nodes).toHaveLength(3);
    const account = expect.objectContaining({ name: expect.any(String) });
    expect(res.data.payments.nodes[0]).toEqual(expect.objectContaining({ id: expect.any(String), amountDC: expect.any(String), account }));
  });

  it('still pass near the limits: three levels of fragments spreading the previous one seven times', async () => {
    // 3 selections in the operation, and F3 = 7 spreads of F2 = 7 of F1 = 7 of F0 (3 fields): 1,431.
    const res = await ask(fragmentBomb(3, { fanout: 7 }));
    expect(res.errors).toBeUndefined();
    expect(res.data.payments.nodes).toHaveLength(2);
    expect(Object.keys(res.data.payments.nodes[0]).sort()).toEqual(['amountDC', 'description', 'id']);
    // The expanded fields are three columns of one statement, not 1,431 reads.
    expect(res.statements).toBe(1);
  });
});

describe('exports', () => {
  it('hold GraphQL list exports to the same size limits', async () => {
    const post = (body: unknown) =>
      gw.request('/export', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const tokens = await post({ graphql: `{ payments { nodes { ${Array(defaults.maxQueryTokens).fill('id').join(' ')} } } }` });
    expect(tokens.status).toBe(400);
    expect(((await tokens.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', limit: 'tokens' });
    const fields = await post({
      graphql: `{ payments { nodes { ${Array(defaults.maxQueryFields + 1)
        .fill('id')
        .join(' ')} } } }`,
    });
    expect(fields.status).toBe(400);
    expect(((await fields.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', limit: 'fields' });
  });
});

import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLResolveInfo,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { Scope, SCOPES } from '../../../src/access/principal';
import { CATALOG } from '../../../src/catalog';
import { accessOf, readScopeOf } from '../../../src/graphql/access';
import { buildGatewaySchema } from '../../../src/modules/schema';
import { openTestDatabase, TestDatabase } from '../../support/database';
import { startTestGateway, TestGateway } from '../../support/gateway';

/**
 * Scopes are declared on the resolvers (@RequiresScope / @NoScopeRequired) and checked by the
 * schema. Table-driven over the schema itself: every root field must declare one or the other
 * (a new field without a declaration fails here), and every declared scope answers FORBIDDEN
 * naming it, over real HTTP through the jit executor, to a caller holding every other scope,
 * while the declared scope alone is enough to get past the check. Nested fields that declare a
 * scope are the to-many relations (the listed table's read scope: payments:read, receivables:read
 * for the lists of receivables, statements:read for bank and cash entries) and the bank file
 * (payments:process).
 */
const schema = buildGatewaySchema();

/** Root fields any authenticated caller may use, and why. */
const OPEN_FIELDS = ['Query.catalog'];

type Root = { type: GraphQLObjectType; field: GraphQLField<unknown, unknown>; id: string };
const roots: Root[] = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
  Object.values(type.getFields()).map((field) => ({ type, field, id: `${type.name}.${field.name}` })),
);
const scoped = roots.flatMap((r) => {
  const access = accessOf(r.field);
  return access && 'scope' in access ? [{ ...r, scope: access.scope }] : [];
});

let t: TestDatabase;
let gw: TestGateway;
const headers = new Map<string, Record<string, string>>();
const withAllBut = (scope: Scope) => headers.get(`all-but:${scope}`)!;
const withOnly = (scope: Scope) => headers.get(`only:${scope}`)!;

beforeAll(async () => {
  // Migrated and empty: every call is refused or finds nothing, so nothing is written.
  t = await openTestDatabase('declared_scopes');
  gw = await startTestGateway(t.db);
  for (const s of SCOPES) {
    headers.set(`all-but:${s}`, await gw.headersFor({ scopes: SCOPES.filter((x) => x !== s) }));
    headers.set(`only:${s}`, await gw.headersFor({ scopes: [s] }));
  }
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

describe('every root field declares its access', () => {
  it.each(roots.map((r) => [r.id, r] as const))('%s declares a scope or that it needs none', (id, r) => {
    const access = accessOf(r.field);
    expect({ id, declared: access !== undefined }).toEqual({ id, declared: true });
    if (access && 'open' in access) expect(OPEN_FIELDS).toContain(id);
    if (access && 'scope' in access) expect(SCOPES).toContain(access.scope);
  });

  it('names the open fields exactly', () => {
    expect(
      roots
        .filter((r) => {
          const a = accessOf(r.field);
          return a && 'open' in a;
        })
        .map((r) => r.id),
    ).toEqual(OPEN_FIELDS);
  });
});

describe('a declared scope answers FORBIDDEN naming it', () => {
  it.each(scoped.map((r) => [r.id, r.scope, r] as const))('%s needs %s', async (id, scope, r) => {
    const { query, variables } = operationFor(r);
    const refused = await gw.gql(query, variables, withAllBut(scope));
    expect(refused.errors?.[0]).toMatchObject({ message: `This operation needs the scope ${scope}`, path: [r.field.name] });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', scope, rule: 'SCOPE_REQUIRED' });
    expect(refused.data?.[r.field.name] ?? null).toBeNull();

    // The declared scope alone passes the check; what the field then answers (NOT_FOUND,
    // BAD_USER_INPUT on the made-up arguments, or data) is not about access.
    const allowed = await gw.gql(query, variables, withOnly(scope));
    expect({ id, missing: (allowed.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.scope) }).toEqual({
      id,
      missing: [],
    });
  });

  it('lets any caller read the open fields', async () => {
    const res = await gw.gql('{ catalog(table: "Journals") { name } }', {}, withOnly('payments:select'));
    expect(res.errors).toBeUndefined();
    expect(res.data.catalog).toEqual([{ name: 'Journals' }]);
  });
});

describe('nested fields', () => {
  const nested = Object.values(schema.getTypeMap())
    .filter(
      (type): type is GraphQLObjectType =>
        isObjectType(type) && !type.name.startsWith('__') && type !== schema.getQueryType() && type !== schema.getMutationType(),
    )
    .flatMap((type) =>
      Object.values(type.getFields()).map((field) => ({ id: `${type.name}.${field.name}`, field, access: accessOf(field) })),
    )
    .filter((f) => f.access !== undefined);

  it("declare the listed table's read scope on every to-many relation and payments:process on the bank file, nothing else", () => {
    const expected: Record<string, { scope: Scope }> = { 'PaymentBatch.file': { scope: 'payments:process' } };
    for (const t of CATALOG) {
      for (const r of t.relations) {
        if (r.kind === 'many') expected[`${t.typeName}.${r.name}`] = { scope: readScopeOf(r.table) };
      }
    }
    expect(Object.fromEntries(nested.map((f) => [f.id, f.access]))).toEqual(expected);
  });

  it.each(nested.map((f) => [f.id, f] as const))('%s answers FORBIDDEN naming its scope', async (_id, f) => {
    const scope = (f.access as { scope: Scope }).scope;
    const ctx = { principal: { scopes: new Set(SCOPES.filter((s) => s !== scope)) } };
    const resolved = f.field.resolve!({}, {}, ctx, {} as GraphQLResolveInfo);
    await expect(resolved).rejects.toMatchObject({
      message: `This operation needs the scope ${scope}`,
      extensions: { code: 'FORBIDDEN', scope },
    });
  });
});

/** `{ field(required args) { __typename } }` with made-up variables of the right types. */
function operationFor(r: Root): { query: string; variables: Record<string, unknown> } {
  const required = r.field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables = Object.fromEntries(required.map((a) => [a.name, sample(a.type)]));
  const definitions = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(r.field.type)) ? '' : ' { __typename }';
  const kind = r.type === schema.getMutationType() ? 'mutation' : 'query';
  return { query: `${kind}${definitions ? `(${definitions})` : ''} { ${r.field.name}${args ? `(${args})` : ''}${selection} }`, variables };
}

const SCALARS: Record<string, unknown> = {
  Int: 1,
  Float: 1,
  String: 'x',
  Boolean: true,
  ID: 'x',
  UUID: '00000000-0000-4000-8000-00000000abcd',
  DateTime: '2026-06-15T00:00:00Z',
  Decimal: '1.00',
  SafeInt: 1,
  Currency: 'EUR',
  CountryCode: 'BE',
  IBAN: 'BE68539007547034',
  JSONObject: {},
};

function sample(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sample(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0].name;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sample(f.type)]));
  }
  if (!(inner.name in SCALARS)) throw new Error(`No sample value for the scalar ${inner.name}: add one`);
  return SCALARS[inner.name];
}

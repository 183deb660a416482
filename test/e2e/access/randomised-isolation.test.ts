import {
  getNamedType,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { allDivisionCodes } from '../../../src/access/authenticate';
import { CATALOG, CatalogTable } from '../../../src/catalog';
import { entityOf } from '../../../src/db/entities';
import { buildGatewaySchema } from '../../../src/schema';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { executeAs } from '../../support/execute';

/**
 * Randomised isolation: thousands of generated queries (random filters, sorts, relation paths,
 * nested lists, page sizes, partition selections) by callers granted random subsets of
 * divisions. Every returned row, at any depth, is looked up in the database by its key and must
 * belong to a division the caller may see. The generator reads the schema, so new filter
 * operators, relations and list arguments are exercised as soon as they exist.
 *
 * QUERIES and ISOLATION_SEED may be set in the environment to run more or other queries.
 */
const QUERIES = Number(process.env.QUERIES ?? 2000);
const SEED = Number(process.env.ISOLATION_SEED ?? 20261121);

const schema = buildGatewaySchema();
const TABLE_BY_TYPE = new Map(CATALOG.map((t) => [t.typeName, t]));
const pkField = (t: CatalogTable) => t.columns.find((c) => c.name === t.primaryKey)!.field;
const partField = (t: CatalogTable) => (t.partitionColumn ? t.columns.find((c) => c.name === t.partitionColumn)!.field : undefined);

/** mulberry32: small, deterministic, good enough to pick test cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    subset: <T>(xs: readonly T[], min = 1): T[] => {
      for (;;) {
        const s = xs.filter(() => next() < 0.5);
        if (s.length >= min) return s;
      }
    },
  };
}
type Rng = ReturnType<typeof prng>;

/** The table a connection or object type serves, if any. */
function tableOfConnection(type: GraphQLObjectType): { t: CatalogTable; node: GraphQLObjectType } | undefined {
  const nodes = type.getFields().nodes;
  if (!type.name.endsWith('Connection') || !nodes) return undefined;
  const node = getNamedType(nodes.type);
  const t = isObjectType(node) ? TABLE_BY_TYPE.get(node.name) : undefined;
  return t && isObjectType(node) ? { t, node } : undefined;
}

const ROOT_LISTS = Object.values(schema.getQueryType()!.getFields()).filter((f) => {
  const type = getNamedType(f.type);
  return isObjectType(type) && tableOfConnection(type) !== undefined;
});

/** Leaf values seen per type and field, from every division: filters probe other divisions' values too. */
type Pools = Map<string, Map<string, unknown[]>>;

interface Query {
  text: string;
  variables: Record<string, unknown>;
  /** Divisions the caller names in the `divisions` argument, if any. */
  divisionsArg?: number[];
}

class QueryGenerator {
  private vars: Record<string, unknown> = {};
  private defs: string[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly pools: Pools,
  ) {}

  generate(granted: readonly number[], all: readonly number[]): Query {
    this.vars = {};
    this.defs = [];
    const root = this.rng.pick(ROOT_LISTS);
    let divisionsArg: number[] | undefined;
    if (root.args.some((a) => a.name === 'divisions') && this.rng.chance(0.3)) {
      divisionsArg = this.rng.chance(0.1) ? this.rng.subset(all) : this.rng.subset(granted);
    }
    const body = this.listField(root, 0, divisionsArg);
    const text = `query Q${this.defs.length ? `(${this.defs.join(', ')})` : ''} { ${body} }`;
    return { text, variables: this.vars, divisionsArg };
  }

  private variable(type: GraphQLInputType, value: unknown): string {
    const name = `v${this.defs.length}`;
    this.defs.push(`$${name}: ${String(type)}`);
    this.vars[name] = value;
    return `$${name}`;
  }

  private listField(field: GraphQLField<unknown, unknown>, depth: number, divisionsArg?: number[]): string {
    const { t, node } = tableOfConnection(getNamedType(field.type) as GraphQLObjectType)!;
    const args: string[] = [];
    for (const a of field.args) {
      const named = getNamedType(a.type);
      if (a.name === 'where' && isInputObjectType(named) && this.rng.chance(0.7)) args.push(`where: ${this.variable(a.type, this.where(named, node.name, depth))}`);
      else if (a.name === 'orderBy' && isInputObjectType(named) && this.rng.chance(0.6)) args.push(`orderBy: ${this.variable(a.type, this.orderBy(named))}`);
      else if (a.name === 'divisions' && divisionsArg) args.push(`divisions: ${this.variable(a.type, divisionsArg)}`);
    }
    const names = field.args.map((a) => a.name);
    if (names.includes('last') && this.rng.chance(0.15)) args.push(`last: ${this.rng.pick([1, 7, 50])}`);
    else if (names.includes('first')) args.push(`first: ${this.rng.pick(depth ? [1, 3, 10] : [1, 5, 20, 50, 100])}`);
    if (names.includes('offset') && this.rng.chance(0.1)) args.push(`offset: ${this.rng.pick([0, 3, 40])}`);
    const total = this.rng.chance(0.5) ? ' totalCount' : '';
    return `${field.name}${args.length ? `(${args.join(', ')})` : ''} { nodes { ${this.selection(node, t, depth)} } pageInfo { hasNextPage hasPreviousPage }${total} }`;
  }

  private selection(type: GraphQLObjectType, t: CatalogTable, depth: number): string {
    const out = ['__typename', pkField(t)];
    if (partField(t)) out.push(partField(t)!);
    const fields = Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && !out.includes(f.name));
    for (let i = this.rng.int(0, 3); i > 0 && leaves.length; i--) out.push(this.rng.pick(leaves).name);
    if (depth < 2) {
      for (const f of fields) {
        const named = getNamedType(f.type);
        if (!isObjectType(named)) continue;
        if (TABLE_BY_TYPE.has(named.name) && this.rng.chance(depth ? 0.08 : 0.15)) out.push(`${f.name} { ${this.selection(named, TABLE_BY_TYPE.get(named.name)!, depth + 1)} }`);
        else if (tableOfConnection(named) && this.rng.chance(depth ? 0.05 : 0.2)) out.push(this.listField(f, depth + 1));
      }
    }
    return [...new Set(out)].join(' ');
  }

  /** A random filter for `typeName` built from its where input type. */
  private where(type: GraphQLInputObjectType, typeName: string, depth: number): Record<string, unknown> {
    const fields = Object.values(type.getFields()).filter((f) => !['and', 'or', 'not'].includes(f.name));
    const one = (): Record<string, unknown> => {
      const f = this.rng.pick(fields);
      const named = getNamedType(f.type) as GraphQLInputObjectType;
      if (named.name.endsWith('Where')) {
        const target = named.name.slice(0, -'Where'.length);
        if (depth >= 2 || !TABLE_BY_TYPE.has(target)) return {};
        return { [f.name]: this.where(named, target, depth + 1) };
      }
      return { [f.name]: this.operator(named, this.pools.get(typeName)?.get(f.name) ?? []) };
    };
    const n = this.rng.int(1, 2);
    let w: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) w = { ...w, ...one() };
    const logical = Object.keys(type.getFields());
    if (logical.includes('or') && this.rng.chance(0.15)) w = { or: [w, one()] };
    if (logical.includes('not') && this.rng.chance(0.08)) w = { not: w };
    return w;
  }

  private operator(filter: GraphQLInputObjectType, pool: unknown[]): Record<string, unknown> {
    const ops = Object.keys(filter.getFields());
    const values = pool.filter((v) => v !== null && v !== undefined);
    if (!values.length) return ops.includes('isNull') ? { isNull: this.rng.chance(0.5) } : {};
    const v = () => this.rng.pick(values);
    const op = this.rng.pick(ops);
    switch (op) {
      case 'isNull':
        return { isNull: this.rng.chance(0.5) };
      case 'in':
      case 'notIn':
        return { [op]: [v(), v(), v()].slice(0, this.rng.int(1, 3)) };
      case 'between': {
        const field = filter.getFields().between;
        const range = getNamedType(field.type) as GraphQLInputObjectType;
        return range.getFields().from ? { between: { from: v(), to: v() } } : { isNull: false };
      }
      case 'contains':
      case 'startsWith':
      case 'endsWith': {
        const s = String(v());
        const len = this.rng.int(1, Math.min(4, s.length));
        const text = op === 'startsWith' ? s.slice(0, len) : op === 'endsWith' ? s.slice(-len) : s.slice(this.rng.int(0, s.length - len)).slice(0, len);
        return { [op]: text };
      }
      default: {
        const f = filter.getFields()[op];
        if (f && isEnumType(getNamedType(f.type)) && !values.includes(v())) return { [op]: (getNamedType(f.type) as GraphQLEnumType).getValues()[0].name };
        return { [op]: v() };
      }
    }
  }

  /** Sort keys: one of the key fields of <Type>OrderBy (`field`, or a relation's column enum) each. */
  private orderBy(type: GraphQLInputObjectType): Record<string, unknown>[] {
    const fields = type.getFields();
    const keyFields = Object.values(fields).filter((f) => !['direction', 'nulls'].includes(f.name) && isEnumType(getNamedType(f.type)));
    const keys: Record<string, unknown>[] = [];
    for (let i = this.rng.int(1, 2); i > 0 && keyFields.length; i--) {
      const f = this.rng.chance(0.5) && fields.field ? fields.field : this.rng.pick(keyFields);
      const key: Record<string, unknown> = { [f.name]: this.rng.pick((getNamedType(f.type) as GraphQLEnumType).getValues().map((x) => x.name)) };
      if (fields.direction) key.direction = this.rng.pick(['ASC', 'DESC']);
      if (fields.nulls && this.rng.chance(0.3)) key.nulls = this.rng.pick((getNamedType(fields.nulls.type) as GraphQLEnumType).getValues().map((x) => x.name));
      keys.push(key);
    }
    return keys;
  }
}

let t: TestDatabase;
let divisions: number[];
/** The database's answer: division of every row by table and key. */
const DIVISION_OF = new Map<string, Map<unknown, number | null>>();
const pools: Pools = new Map();

beforeAll(async () => {
  t = await openSeededDatabase('randomised_isolation', { divisions: 4, payments: 400 });
  divisions = await allDivisionCodes(t.db);
  // Plant references across divisions (a division-1 payment naming a division-2 supplier, ...):
  // a loader or join that forgot the division would now hand out another division's row.
  const payments = t.db.dataSource.getRepository(entityOf('Payments'));
  const accounts = (await t.db.dataSource.getRepository(entityOf('Accounts')).find()) as unknown as Record<string, unknown>[];
  const gls = (await t.db.dataSource.getRepository(entityOf('GLAccounts')).find()) as unknown as Record<string, unknown>[];
  const all = (await payments.find()) as unknown as Record<string, unknown>[];
  for (const p of all.filter((_, i) => i % 10 === 0)) {
    const other = (x: Record<string, unknown>) => x.divisionCode !== p.divisionCode;
    await payments.update({ id: p.id } as never, { accountID: accounts.find(other)!.id, glAccountID: gls.find(other)!.id } as never);
  }
  for (const table of CATALOG) {
    const rows = (await t.db.dataSource.getRepository(entityOf(table.name)).find()) as unknown as Record<string, unknown>[];
    const part = partField(table);
    DIVISION_OF.set(table.typeName, new Map(rows.map((r) => [String(r[pkField(table)]), part ? (r[part] as number) : null])));
  }
  // Value pools, read through the gateway by a caller granted every division.
  for (const f of ROOT_LISTS) {
    const { t: table, node } = tableOfConnection(getNamedType(f.type) as GraphQLObjectType)!;
    const leaves = Object.values(node.getFields()).filter((x) => isLeafType(getNamedType(x.type)) && !x.args.some((a) => isNonNullType(a.type)));
    const res = await executeAs(t.db, { divisions }, `{ ${f.name}(first: 1000) { nodes { ${leaves.map((x) => x.name).join(' ')} } } }`);
    expect(res.errors).toBeUndefined();
    const pool = new Map<string, unknown[]>();
    for (const row of (res.data as Record<string, { nodes: Record<string, unknown>[] }>)[f.name].nodes) {
      for (const [k, v] of Object.entries(row)) (pool.get(k) ?? pool.set(k, []).get(k)!).push(v);
    }
    pools.set(table.typeName, pool);
  }
});
afterAll(async () => {
  await t?.close();
});

/** Every catalog row in a result, at any depth: [type, key]. */
function rowsIn(value: unknown, out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(value)) for (const v of value) rowsIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const table = typeof o.__typename === 'string' ? TABLE_BY_TYPE.get(o.__typename) : undefined;
    if (table) out.push([table.typeName, o[pkField(table)]]);
    for (const v of Object.values(o)) rowsIn(v, out);
  }
  return out;
}

describe('randomised isolation', () => {
  it(`${QUERIES} generated queries by callers granted random divisions return no row of another division`, async () => {
    const rng = prng(SEED);
    const gen = new QueryGenerator(rng, pools);
    const stats = { queries: 0, rows: 0, nonEmpty: 0, forbidden: 0, badInput: 0, counted: 0 };
    const leaks: string[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const granted = rng.subset(divisions);
      const q = gen.generate(granted, divisions);
      const res = await executeAs(t.db, { divisions: granted }, q.text, q.variables);
      stats.queries++;
      const where = `query #${i} (seed ${SEED}) granted [${granted}]: ${q.text} ${JSON.stringify(q.variables)}`;
      const notGranted = q.divisionsArg?.filter((d) => !granted.includes(d)) ?? [];
      if (notGranted.length) {
        // Naming a division that is not granted is refused, never silently dropped.
        expect({ where, code: res.errors?.[0]?.extensions?.code, data: res.data }).toEqual({ where, code: 'FORBIDDEN', data: null });
        stats.forbidden++;
        continue;
      }
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      if (codes.length && codes.every((c) => c === 'BAD_USER_INPUT')) {
        stats.badInput++;
        continue;
      }
      if (res.errors) throw new Error(`${where}\n${res.errors.map((e) => e.message).join('\n')}`);
      const allowed = new Set(q.divisionsArg ?? granted);
      const found = rowsIn(res.data);
      stats.rows += found.length;
      if (found.length) stats.nonEmpty++;
      for (const [type, key] of found) {
        const division = DIVISION_OF.get(type)!.get(String(key));
        if (division === undefined) leaks.push(`${where}\n  ${type} ${String(key)} is not in the database`);
        else if (division !== null && !allowed.has(division)) leaks.push(`${where}\n  ${type} ${String(key)} of division ${division}`);
      }
      // Counts are aggregates too: never more than the rows of the allowed divisions.
      const root = Object.values(res.data ?? {})[0] as { totalCount?: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } };
      if (root && typeof root.totalCount === 'number') {
        const rootType = rowsIn(root.nodes)[0]?.[0];
        const tableRows = rootType ? [...DIVISION_OF.get(rootType)!.values()].filter((d) => d === null || allowed.has(d)).length : Infinity;
        expect({ where, exceedsAllowedRows: root.totalCount > tableRows }).toEqual({ where, exceedsAllowedRows: false });
        if (!root.pageInfo.hasNextPage && !root.pageInfo.hasPreviousPage && !/offset:/.test(q.text)) expect({ where, total: root.totalCount }).toEqual({ where, total: root.nodes.length });
        stats.counted++;
      }
    }
    expect(leaks.slice(0, 5)).toEqual([]);
    // The generator must actually find rows, or the test proves nothing.
    expect(stats.nonEmpty).toBeGreaterThan(QUERIES * 0.4);
    expect(stats.badInput).toBeLessThan(QUERIES * 0.05);
    console.log(`randomised isolation: ${JSON.stringify(stats)}`);
  });
});

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
import { entityOf } from '../../../src/modules/entities';
import { Dec } from '../../../src/platform/decimal';
import { buildGatewaySchema } from '../../../src/modules/schema';
import { openSeededDatabase, TestDatabase } from '../../support/database';
import { executeAs } from '../../support/execute';
import { plantReconciliation } from '../../support/reconciliation-apply';

/**
 * Randomised isolation: thousands of generated queries (random filters, sorts, relation paths,
 * nested lists, page sizes, partition selections) by callers granted random subsets of
 * divisions. Every returned row, at any depth, is looked up in the database by its key and must
 * belong to a division the caller may see. The generator reads the schema, so new filter
 * operators, relations and list arguments are exercised as soon as they exist.
 *
 * Receivables are among the lists, aggregates and ageings like any table (the generator reads the
 * schema); their references across divisions are planted like the payments'.
 *
 * 1,600 list queries and 400 aggregates by default (QUERIES, AGGREGATE_QUERIES and ISOLATION_SEED
 * may be set in the environment to run more or other queries).
 */
const QUERIES = Number(process.env.QUERIES ?? 1600);
const SEED = Number(process.env.ISOLATION_SEED ?? 20261121);
/** A few seconds on a quiet machine; generous on the shared 2-core CI box (not a timing assertion). */
const LONG = 240_000;

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

/** The table a connection or object type serves, if any (memoised: the generator asks often). */
const connectionTables = new Map<string, { t: CatalogTable; node: GraphQLObjectType } | undefined>();
function tableOfConnection(type: GraphQLObjectType): { t: CatalogTable; node: GraphQLObjectType } | undefined {
  if (connectionTables.has(type.name)) return connectionTables.get(type.name);
  const nodes = type.getFields().nodes;
  const node = nodes && type.name.endsWith('Connection') ? getNamedType(nodes.type) : undefined;
  const t = node && isObjectType(node) ? TABLE_BY_TYPE.get(node.name) : undefined;
  const found = t && node && isObjectType(node) ? { t, node } : undefined;
  connectionTables.set(type.name, found);
  return found;
}

/** What the generator may select on an object type: leaves, to-one rows, nested lists. */
interface TypeShape {
  leaves: string[];
  rows: [string, GraphQLObjectType, CatalogTable][];
  lists: GraphQLField<unknown, unknown>[];
}
const shapes = new Map<string, TypeShape>();
function shapeOf(type: GraphQLObjectType): TypeShape {
  let shape = shapes.get(type.name);
  if (!shape) {
    const fields = Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type)));
    shape = { leaves: [], rows: [], lists: [] };
    for (const f of fields) {
      const named = getNamedType(f.type);
      if (isLeafType(named)) shape.leaves.push(f.name);
      else if (isObjectType(named) && TABLE_BY_TYPE.has(named.name)) shape.rows.push([f.name, named, TABLE_BY_TYPE.get(named.name)!]);
      else if (isObjectType(named) && tableOfConnection(named)) shape.lists.push(f);
    }
    shapes.set(type.name, shape);
  }
  return shape;
}

const ROOT_LISTS = Object.values(schema.getQueryType()!.getFields()).filter((f) => {
  const type = getNamedType(f.type);
  return isObjectType(type) && tableOfConnection(type) !== undefined;
});

/** Aggregate root fields (`paymentsAggregate`, ...) and the ageing, with the list they summarise. */
/** The ageing of each side and the list it ages. */
const AGEINGS: Record<string, string> = { paymentAgeing: 'payments', receivableAgeing: 'receivables' };
const isAggregate = (f: GraphQLField<unknown, unknown>) =>
  f.name.endsWith('Aggregate') && f.args.some((a) => a.name === 'groupBy') && ROOT_LISTS.some((l) => `${l.name}Aggregate` === f.name);
const AGGREGATE_FIELDS = Object.values(schema.getQueryType()!.getFields()).filter((f) => isAggregate(f) || f.name in AGEINGS);
const listOfAggregate = (f: GraphQLField<unknown, unknown>) =>
  ROOT_LISTS.find((l) => l.name === (AGEINGS[f.name] ?? f.name.replace(/Aggregate$/, '')))!;
/** The amount summed and checked per table: AmountDC where it exists, else the first decimal. */
const sumField = (t: CatalogTable) =>
  (t.columns.find((c) => c.field === 'amountDC') ?? t.columns.find((c) => c.type === 'decimal' && !c.derived))!.field;
/** Text columns read from a related row: their group keys must come from an allowed row. */
const DERIVED_TEXT = new Set(
  CATALOG.flatMap((t) => t.columns.filter((c) => c.derived && c.type === 'string').map((c) => `${t.typeName}.${c.field}`)),
);

interface AggregateShape {
  field: string;
  list: string;
  t: CatalogTable;
  where: Record<string, unknown>;
  exact: boolean;
  asOf?: string;
}

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

  /**
   * A random aggregate (`<list>Aggregate`) or ageing query. `exact` when no having/limit/offset
   * hides groups, so the groups must add up to the rows the list returns for the same filter.
   */
  generateAggregate(granted: readonly number[], all: readonly number[]): Query & { aggregate: AggregateShape } {
    this.vars = {};
    this.defs = [];
    const field = this.rng.pick(AGGREGATE_FIELDS);
    const list = listOfAggregate(field);
    const { t, node } = tableOfConnection(getNamedType(list.type) as GraphQLObjectType)!;
    const args: string[] = [];
    let divisionsArg: number[] | undefined;
    if (this.rng.chance(0.3)) divisionsArg = this.rng.chance(0.1) ? this.rng.subset(all) : this.rng.subset(granted);
    if (divisionsArg) args.push(`divisions: ${this.variable(field.args.find((a) => a.name === 'divisions')!.type, divisionsArg)}`);
    const whereArg = field.args.find((a) => a.name === 'where')!;
    const where = this.rng.chance(0.7) ? this.where(getNamedType(whereArg.type) as GraphQLInputObjectType, node.name, 0) : {};
    args.push(`where: ${this.variable(whereArg.type, where)}`);
    let exact = true;
    let selection: string;
    let asOf: string | undefined;
    if (field.name in AGEINGS) {
      asOf = new Date(Date.UTC(2026, this.rng.int(0, 8), this.rng.int(1, 28))).toISOString();
      args.push(`asOf: "${asOf}"`, `by: ${this.rng.pick(['OVERALL', 'DIVISION', 'ACCOUNT'])}`);
      selection = 'divisionCode accountID accountName count total';
    } else {
      const groupType = getNamedType(field.type) as GraphQLObjectType;
      const keyType = getNamedType(groupType.getFields().key.type) as GraphQLObjectType;
      const groupFields = (
        getNamedType(
          (getNamedType(field.args.find((a) => a.name === 'groupBy')!.type) as GraphQLInputObjectType).getFields().field.type,
        ) as GraphQLEnumType
      )
        .getValues()
        .map((v) => v.name);
      const grouped = this.rng.chance(0.15)
        ? []
        : [...new Set([this.rng.pick(groupFields), this.rng.pick(groupFields)].slice(0, this.rng.int(1, 2)))];
      if (this.rng.chance(0.3) && groupFields.includes('divisionCode')) grouped.push('divisionCode');
      const groupBy = [...new Set(grouped)].map((g) => {
        const c = t.columns.find((x) => x.field === g);
        return c?.type === 'datetime' && this.rng.chance(0.7)
          ? { field: g, bucket: this.rng.pick(['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']) }
          : { field: g };
      });
      if (groupBy.length) args.push(`groupBy: ${this.variable(field.args.find((a) => a.name === 'groupBy')!.type, groupBy)}`);
      if (this.rng.chance(0.2)) {
        exact = false;
        args.push(
          this.rng.chance(0.5)
            ? `having: { count: { gt: ${this.rng.int(0, 5)} } }`
            : `limit: ${this.rng.int(1, 5)}, offset: ${this.rng.int(0, 3)}`,
        );
      }
      const keys = Object.keys(keyType.getFields()).filter(
        (k) => groupBy.some((g) => g.field === k) || k === 'divisionCode' || DERIVED_TEXT.has(`${t.typeName}.${k}`),
      );
      selection = `key { ${keys.join(' ')} } count sum { ${sumField(t)} } max { ${sumField(t)} }`;
    }
    const text = `query A(${this.defs.join(', ')}) { ${field.name}(${args.join(', ')}) { ${selection} } }`;
    return { text, variables: this.vars, divisionsArg, aggregate: { field: field.name, list: list.name, t, where, exact, asOf } };
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
      if (a.name === 'where' && isInputObjectType(named) && this.rng.chance(0.7))
        args.push(`where: ${this.variable(a.type, this.where(named, node.name, depth))}`);
      else if (a.name === 'orderBy' && isInputObjectType(named) && this.rng.chance(0.6))
        args.push(`orderBy: ${this.variable(a.type, this.orderBy(named))}`);
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
    const shape = shapeOf(type);
    for (let i = this.rng.int(0, 3); i > 0 && shape.leaves.length; i--) out.push(this.rng.pick(shape.leaves));
    if (depth < 2) {
      for (const [name, rowType, rowTable] of shape.rows)
        if (this.rng.chance(depth ? 0.08 : 0.15)) out.push(`${name} { ${this.selection(rowType, rowTable, depth + 1)} }`);
      for (const f of shape.lists) if (this.rng.chance(depth ? 0.05 : 0.2)) out.push(this.listField(f, depth + 1));
    }
    return [...new Set(out)].join(' ');
  }

  /** A random filter for `typeName` built from its where input type. */
  where(type: GraphQLInputObjectType, typeName: string, depth: number): Record<string, unknown> {
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
        const text =
          op === 'startsWith'
            ? s.slice(0, len)
            : op === 'endsWith'
              ? s.slice(-len)
              : s.slice(this.rng.int(0, s.length - len)).slice(0, len);
        return { [op]: text };
      }
      default: {
        const f = filter.getFields()[op];
        if (f && isEnumType(getNamedType(f.type)) && !values.includes(v()))
          return { [op]: (getNamedType(f.type) as GraphQLEnumType).getValues()[0].name };
        return { [op]: v() };
      }
    }
  }

  /**
   * Sort keys: one of the key fields of <Type>OrderBy (`field`, or a relation's column enum) each,
   * each key once, `nulls` only where the key can be empty (the gateway refuses it elsewhere).
   */
  private orderBy(type: GraphQLInputObjectType): Record<string, unknown>[] {
    const fields = type.getFields();
    const keyFields = Object.values(fields).filter((f) => !['direction', 'nulls'].includes(f.name) && isEnumType(getNamedType(f.type)));
    const t = CATALOG.find((x) => `${x.typeName}OrderBy` === type.name);
    const keys: Record<string, unknown>[] = [];
    const used = new Set<string>();
    for (let i = this.rng.int(1, 2); i > 0 && keyFields.length; i--) {
      const f = this.rng.chance(0.5) && fields.field ? fields.field : this.rng.pick(keyFields);
      const values = (getNamedType(f.type) as GraphQLEnumType).getValues();
      const value = this.rng.pick(values.map((x) => x.name));
      if (used.has(`${f.name}.${value}`)) continue;
      used.add(`${f.name}.${value}`);
      const key: Record<string, unknown> = { [f.name]: value };
      if (fields.direction) key.direction = this.rng.pick(['ASC', 'DESC']);
      // A relation's column is read through a LEFT JOIN and can always be empty.
      const column = f.name === 'field' ? t?.columns.find((c) => c.name === values.find((v) => v.name === value)!.value) : undefined;
      const nullable = f.name !== 'field' || !column || !column.required || Boolean(column.derived);
      if (fields.nulls && nullable && this.rng.chance(0.3))
        key.nulls = this.rng.pick((getNamedType(fields.nulls.type) as GraphQLEnumType).getValues().map((x) => x.name));
      keys.push(key);
    }
    return keys;
  }
}

let t: TestDatabase;
let divisions: number[];
/** The database's answer: division of every row by table and key. */
const DIVISION_OF = new Map<string, Map<unknown, number | null>>();
/** Every row by table and key, as the database holds it. */
const ROWS = new Map<string, Map<string, Record<string, unknown>>>();
const pools: Pools = new Map();

beforeAll(async () => {
  t = await openSeededDatabase('randomised_isolation', { divisions: 4, payments: 400 });
  divisions = await allDivisionCodes(t.db);
  // Plant references across divisions (a division-1 payment or receivable naming a division-2
  // account, ...): a loader or join that forgot the division would now hand out another division's row.
  const accounts = (await t.db.dataSource.getRepository(entityOf('Accounts')).find()) as unknown as Record<string, unknown>[];
  const gls = (await t.db.dataSource.getRepository(entityOf('GLAccounts')).find()) as unknown as Record<string, unknown>[];
  for (const name of ['Payments', 'Receivables']) {
    const repo = t.db.dataSource.getRepository(entityOf(name));
    const all = (await repo.find()) as unknown as Record<string, unknown>[];
    expect(all.length).toBeGreaterThan(0);
    for (const p of all.filter((_, i) => i % 10 === 0)) {
      const other = (x: Record<string, unknown>) => x.divisionCode !== p.divisionCode;
      await repo.update({ id: p.id } as never, { accountID: accounts.find(other)!.id, glAccountID: gls.find(other)!.id } as never);
    }
  }
  // Reconciliation rows in every division, with a match naming another division's receivable.
  await plantReconciliation(t.db, divisions);
  for (const table of CATALOG) {
    const rows = (await t.db.dataSource.getRepository(entityOf(table.name)).find()) as unknown as Record<string, unknown>[];
    const part = partField(table);
    DIVISION_OF.set(table.typeName, new Map(rows.map((r) => [String(r[pkField(table)]), part ? (r[part] as number) : null])));
    ROWS.set(table.typeName, new Map(rows.map((r) => [String(r[pkField(table)]), r])));
  }
  // Value pools, read through the gateway by a caller granted every division.
  for (const f of ROOT_LISTS) {
    const { t: table, node } = tableOfConnection(getNamedType(f.type) as GraphQLObjectType)!;
    const leaves = Object.values(node.getFields()).filter(
      (x) => isLeafType(getNamedType(x.type)) && !x.args.some((a) => isNonNullType(a.type)),
    );
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

/**
 * Sorts a generated query's answer: FORBIDDEN when it named a division not granted (asserted:
 * refused, never silently dropped), 'badInput' when the generator made an invalid query, or the
 * divisions whose rows it may contain. Any other error fails the test.
 */
function screen(
  res: { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] },
  where: string,
  granted: readonly number[],
  divisionsArg: readonly number[] | undefined,
  options: { dataIsNull: boolean },
): 'forbidden' | 'badInput' | Set<number> {
  if (divisionsArg?.some((d) => !granted.includes(d))) {
    const code = res.errors?.[0]?.extensions?.code;
    if (options.dataIsNull) expect({ where, code, data: res.data }).toEqual({ where, code: 'FORBIDDEN', data: null });
    else expect({ where, code }).toEqual({ where, code: 'FORBIDDEN' });
    return 'forbidden';
  }
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  if (codes.length && codes.every((c) => c === 'BAD_USER_INPUT')) return 'badInput';
  if (res.errors) throw new Error(`${where}\n${res.errors.map((e) => e.message).join('\n')}`);
  return new Set(divisionsArg ?? granted);
}

describe('randomised isolation', () => {
  it(
    `${QUERIES} generated queries by callers granted random divisions return no row of another division`,
    async () => {
      const rng = prng(SEED);
      const gen = new QueryGenerator(rng, pools);
      const stats = { queries: 0, rows: 0, nonEmpty: 0, forbidden: 0, badInput: 0, counted: 0 };
      /** Types of the rows found, so the test proves it reached every table (receivables included). */
      const types = new Set<string>();
      const leaks: string[] = [];
      for (let i = 0; i < QUERIES; i++) {
        const granted = rng.subset(divisions);
        const q = gen.generate(granted, divisions);
        const res = await executeAs(t.db, { divisions: granted }, q.text, q.variables);
        stats.queries++;
        types.add(rowsIn(res.data)[0]?.[0] ?? '');
        const where = `query #${i} (seed ${SEED}) granted [${granted}]: ${q.text} ${JSON.stringify(q.variables)}`;
        const allowed = screen(res, where, granted, q.divisionsArg, { dataIsNull: true });
        if (!(allowed instanceof Set)) {
          stats[allowed]++;
          continue;
        }
        const found = rowsIn(res.data);
        stats.rows += found.length;
        if (found.length) stats.nonEmpty++;
        for (const [type, key] of found) {
          const division = DIVISION_OF.get(type)!.get(String(key));
          if (division === undefined) leaks.push(`${where}\n  ${type} ${String(key)} is not in the database`);
          else if (division !== null && !allowed.has(division)) leaks.push(`${where}\n  ${type} ${String(key)} of division ${division}`);
        }
        // Counts are aggregates too: never more than the rows of the allowed divisions.
        const root = Object.values(res.data ?? {})[0] as {
          totalCount?: number;
          nodes: unknown[];
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
        };
        if (root && typeof root.totalCount === 'number') {
          const rootType = rowsIn(root.nodes)[0]?.[0];
          const tableRows = rootType
            ? [...DIVISION_OF.get(rootType)!.values()].filter((d) => d === null || allowed.has(d)).length
            : Infinity;
          expect({ where, exceedsAllowedRows: root.totalCount > tableRows }).toEqual({ where, exceedsAllowedRows: false });
          if (!root.pageInfo.hasNextPage && !root.pageInfo.hasPreviousPage && !/offset:/.test(q.text))
            expect({ where, total: root.totalCount }).toEqual({ where, total: root.nodes.length });
          stats.counted++;
        }
      }
      expect(leaks.slice(0, 5)).toEqual([]);
      // The generator must actually find rows, or the test proves nothing.
      expect(stats.nonEmpty).toBeGreaterThan(QUERIES * 0.4);
      expect([...types]).toEqual(expect.arrayContaining(['Payment', 'Receivable', 'Account', 'Division']));
      expect(stats.badInput).toBeLessThan(QUERIES * 0.05);
      console.log(`randomised isolation: ${JSON.stringify(stats)}`);
    },
    LONG,
  );
});

/** Values a derived text column may show to a caller of `allowed`: those of allowed rows. */
function allowedDerivedValues(t: CatalogTable, field: string, allowed: Set<number>): Set<string> {
  const c = t.columns.find((x) => x.field === field)!;
  const rel = t.relations.find((r) => r.name === c.derived!.relation)!;
  const target = CATALOG.find((x) => x.name === rel.table)!;
  const targetField = target.columns.find((x) => x.name === c.derived!.column)!.field;
  const part = partField(target);
  return new Set(
    [...ROWS.get(target.typeName)!.values()].filter((r) => !part || allowed.has(r[part] as number)).map((r) => String(r[targetField])),
  );
}

const AGGREGATES = Number(process.env.AGGREGATE_QUERIES ?? 400);

describe('randomised isolation of aggregates', () => {
  it(
    `${AGGREGATES} generated aggregates and ageings count and sum only rows of the caller's divisions`,
    async () => {
      if (AGGREGATE_FIELDS.length === 0) return;
      const rng = prng(SEED + 1);
      const gen = new QueryGenerator(rng, pools);
      const stats = { queries: 0, groups: 0, exact: 0, forbidden: 0, badInput: 0 };
      const fields = new Set<string>();
      for (let i = 0; i < AGGREGATES; i++) {
        const granted = rng.subset(divisions);
        const q = gen.generateAggregate(granted, divisions);
        const a = q.aggregate;
        const res = await executeAs(t.db, { divisions: granted }, q.text, q.variables);
        stats.queries++;
        fields.add(a.field);
        const where = `aggregate #${i} (seed ${SEED + 1}) granted [${granted}]: ${q.text} ${JSON.stringify(q.variables)}`;
        const allowed = screen(res, where, granted, q.divisionsArg, { dataIsNull: true });
        if (!(allowed instanceof Set)) {
          stats[allowed]++;
          continue;
        }
        const groups = (res.data as Record<string, Record<string, any>[]>)[a.field];
        stats.groups += groups.length;
        for (const g of groups) {
          const key = g.key ?? g;
          if (key.divisionCode !== null && key.divisionCode !== undefined)
            expect({ where, division: key.divisionCode, allowed: allowed.has(key.divisionCode) }).toEqual({
              where,
              division: key.divisionCode,
              allowed: true,
            });
          for (const [k, v] of Object.entries(key)) {
            if (v === null || !DERIVED_TEXT.has(`${a.t.typeName}.${k}`)) continue;
            expect({ where, [k]: v, fromAllowedRow: allowedDerivedValues(a.t, k, allowed).has(String(v)) }).toEqual({
              where,
              [k]: v,
              fromAllowedRow: true,
            });
          }
        }
        if (!a.exact) continue;
        // The groups partition the rows the list returns for the same filter, which are checked
        // against the database: counts and exact sums must add up to those rows only.
        const listWhere = a.asOf
          ? {
              and: [
                a.where,
                { status: { in: ['OPEN', 'SELECTED'] } },
                { invoiceDate: { lte: new Date(new Date(a.asOf).getTime() + 86_399_999).toISOString() } },
              ],
            }
          : a.where;
        const whereType = ROOT_LISTS.find((l) => l.name === a.list)!.args.find((x) => x.name === 'where')!.type;
        const rows: Record<string, unknown>[] = [];
        let after: string | null = null;
        for (;;) {
          const page: any = await executeAs(
            t.db,
            { divisions: granted },
            `query L($w: ${String(whereType)}, $after: String, $d: [Int!]) { ${a.list}(where: $w, first: 1000, after: $after, divisions: $d) { nodes { ${pkField(a.t)} } pageInfo { hasNextPage endCursor } } }`,
            { w: listWhere, after, d: q.divisionsArg ?? null },
          );
          expect(page.errors).toBeUndefined();
          rows.push(...page.data[a.list].nodes);
          if (!page.data[a.list].pageInfo.hasNextPage) break;
          after = page.data[a.list].pageInfo.endCursor;
        }
        const dbRows = rows.map((r) => ROWS.get(a.t.typeName)!.get(String(r[pkField(a.t)]))!);
        for (const r of dbRows) expect({ where, division: allowed.has(r[partField(a.t)!] as number) }).toEqual({ where, division: true });
        const amount = sumField(a.t);
        const expectedSum = dbRows.reduce((acc, r) => (r[amount] === null ? acc : acc.plus(new Dec(String(r[amount])))), new Dec(0));
        const count = groups.reduce((n, g) => n + g.count, 0);
        const sum = groups.reduce((acc, g) => acc.plus(new Dec((a.asOf ? g.total : g.sum[amount]) ?? 0)), new Dec(0));
        expect({ where, count, sum: sum.toFixed(2) }).toEqual({ where, count: dbRows.length, sum: expectedSum.toFixed(2) });
        stats.exact++;
      }
      expect(stats.badInput).toBeLessThan(AGGREGATES * 0.05);
      expect(stats.exact).toBeGreaterThan(AGGREGATES * 0.5);
      expect([...fields]).toEqual(
        expect.arrayContaining(['paymentsAggregate', 'receivablesAggregate', 'paymentAgeing', 'receivableAgeing']),
      );
      console.log(`randomised aggregate isolation: ${JSON.stringify(stats)}`);
    },
    LONG,
  );
});

const SQL_QUERIES = Number(process.env.SQL_QUERIES ?? 300);

/**
 * Random read-only SQL (the SQL layer, another door to the same rows) that tries hard to reach
 * other divisions: conditions naming them (`OR 1 = 1` included), joins without the division,
 * EXISTS and IN sub-queries over other divisions, UNIONs, GROUP BY division, derived columns.
 * Every row names its table and key (`tb`, `k`), looked up in the database.
 */
function randomSql(rng: Rng, all: readonly number[]): { sql: string; emptyUnlessLeak: boolean; perDivisionCounts?: string } {
  const partitioned = CATALOG.filter((t) => t.partitionColumn && t.allows.read && t.name !== 'DocumentAttachments');
  const T = rng.pick(partitioned);
  const other = rng.pick(all);
  const tag = (t: CatalogTable, alias: string) => `'${t.typeName}' AS tb, ${alias}.${t.primaryKey} AS k`;
  const cond = (t: CatalogTable, alias: string) =>
    rng.pick([
      `${alias}.${t.partitionColumn} = ${other}`,
      `${alias}.${t.partitionColumn} IN (${rng.subset(all).join(', ')})`,
      `${alias}.${t.partitionColumn} = ${other} OR 1 = 1`,
      `${alias}.${t.partitionColumn} NOT IN (${other})`,
      `${alias}.${t.partitionColumn} IS NOT NULL`,
    ]);
  switch (rng.int(0, 5)) {
    case 0:
      return { sql: `SELECT ${tag(T, 'x')} FROM ${T.name} x WHERE ${cond(T, 'x')} LIMIT 200`, emptyUnlessLeak: false };
    case 1: {
      const rels = T.relations.filter((r) => r.kind === 'one' && CATALOG.find((c) => c.name === r.table)?.partitionColumn);
      if (!rels.length) return { sql: `SELECT ${tag(T, 'x')} FROM ${T.name} x LIMIT 50`, emptyUnlessLeak: false };
      const r = rng.pick(rels);
      const U = CATALOG.find((c) => c.name === r.table)!;
      const [local, remote] = r.on[0];
      // Joined on the key only, not the division: the layer must still keep y in the granted divisions.
      return {
        sql: `SELECT ${tag(T, 'x')}, '${U.typeName}' AS tb2, y.${U.primaryKey} AS k2 FROM ${T.name} x ${rng.pick(['JOIN', 'LEFT JOIN'])} ${U.name} y ON y.${remote} = x.${local} WHERE ${cond(U, 'y')} LIMIT 200`,
        emptyUnlessLeak: false,
      };
    }
    case 2: {
      // Rows only if a row of another division is visible in the sub-query.
      const U = rng.pick(partitioned);
      const inner = rng.chance(0.5)
        ? `EXISTS (SELECT 1 FROM ${U.name} z WHERE z.${U.partitionColumn} = ${other})`
        : `x.${T.partitionColumn} IN (SELECT z.${U.partitionColumn} FROM ${U.name} z WHERE z.${U.partitionColumn} = ${other})`;
      return { sql: `SELECT ${tag(T, 'x')} FROM ${T.name} x WHERE ${inner} LIMIT 50`, emptyUnlessLeak: true };
    }
    case 3: {
      const U = rng.pick(partitioned);
      return {
        sql: `SELECT ${tag(T, 'x')} FROM ${T.name} x WHERE ${cond(T, 'x')} UNION ALL SELECT ${tag(U, 'y')} FROM ${U.name} y WHERE ${cond(U, 'y')} LIMIT 300`,
        emptyUnlessLeak: false,
      };
    }
    case 4:
      return {
        sql: `SELECT x.${T.partitionColumn} AS d, COUNT(*) AS n FROM ${T.name} x WHERE ${cond(T, 'x')} GROUP BY x.${T.partitionColumn}`,
        emptyUnlessLeak: false,
        perDivisionCounts: T.typeName,
      };
    default: {
      const derived = T.columns.filter((c) => c.derived && c.type === 'string');
      if (!derived.length) return { sql: `SELECT ${tag(T, 'x')} FROM ${T.name} x WHERE ${cond(T, 'x')} LIMIT 100`, emptyUnlessLeak: false };
      const c = rng.pick(derived);
      return {
        sql: `SELECT ${tag(T, 'x')}, x.${c.name} AS derived, '${c.field}' AS derivedField FROM ${T.name} x WHERE ${cond(T, 'x')} LIMIT 200`,
        emptyUnlessLeak: false,
      };
    }
  }
}

describe('randomised isolation of the SQL layer', () => {
  it(
    `${SQL_QUERIES} generated SQL queries reach no row of another division`,
    async () => {
      if (!schema.getQueryType()!.getFields().sql) return;
      const rng = prng(SEED + 2);
      const stats = { queries: 0, rows: 0, forbidden: 0, badInput: 0 };
      for (let i = 0; i < SQL_QUERIES; i++) {
        const granted = rng.subset(divisions);
        const divisionsArg = rng.chance(0.2) ? (rng.chance(0.2) ? rng.subset(divisions) : rng.subset(granted)) : undefined;
        const q = randomSql(rng, divisions);
        const res = await executeAs(
          t.db,
          { divisions: granted },
          'query S($q: String!, $d: [Int!]) { sql(query: $q, divisions: $d) { rows } }',
          { q: q.sql, d: divisionsArg ?? null },
        );
        stats.queries++;
        const where = `sql #${i} (seed ${SEED + 2}) granted [${granted}] divisions ${JSON.stringify(divisionsArg ?? null)}: ${q.sql}`;
        const allowed = screen(res, where, granted, divisionsArg, { dataIsNull: false });
        if (!(allowed instanceof Set)) {
          stats[allowed]++;
          continue;
        }
        const rows = (res.data as { sql: { rows: Record<string, any>[] } }).sql.rows;
        stats.rows += rows.length;
        const other = Number(/= (\d+)\)?( LIMIT|$)/.exec(q.sql)?.[1]);
        if (q.emptyUnlessLeak && !allowed.has(other)) expect({ where, rows: rows.length }).toEqual({ where, rows: 0 });
        for (const r of rows) {
          for (const [tb, k] of [
            ['tb', 'k'],
            ['tb2', 'k2'],
          ]) {
            if (r[tb] === undefined || r[k] === null) continue;
            const division = DIVISION_OF.get(r[tb])!.get(String(r[k]));
            expect({
              where,
              row: `${r[tb]} ${r[k]}`,
              allowed: division !== undefined && (division === null || allowed.has(division)),
            }).toEqual({ where, row: `${r[tb]} ${r[k]}`, allowed: true });
          }
          if (r.d !== undefined) {
            expect({ where, division: r.d, allowed: allowed.has(Number(r.d)) }).toEqual({ where, division: r.d, allowed: true });
            const inDb = [...DIVISION_OF.get(q.perDivisionCounts!)!.values()].filter((d) => d === Number(r.d)).length;
            expect({ where, count: Number(r.n) <= inDb }).toEqual({ where, count: true });
          }
          if (r.derived !== undefined && r.derived !== null) {
            const t = CATALOG.find((c) => c.typeName === r.tb)!;
            expect({
              where,
              derived: r.derived,
              fromAllowedRow: allowedDerivedValues(t, r.derivedField, allowed).has(String(r.derived)),
            }).toEqual({ where, derived: r.derived, fromAllowedRow: true });
          }
        }
      }
      expect(stats.badInput).toBeLessThan(SQL_QUERIES * 0.05);
      expect(stats.rows).toBeGreaterThan(SQL_QUERIES);
      console.log(`randomised SQL isolation: ${JSON.stringify(stats)}`);
    },
    LONG,
  );
});

const ACCOUNT_QUERIES = Number(process.env.ACCOUNT_QUERIES ?? 200);

/**
 * Financial accounts are no catalog list, so the generator above does not reach them: random
 * callers ask for accounts (all, by type, or one by ID, also of divisions they were not granted),
 * pages of their transactions (first or last) and balances. Every account, transaction and row
 * under them must belong to a division the caller may see, and every account of those divisions
 * must be listed.
 */
describe('randomised isolation of financial accounts', () => {
  it(
    `${ACCOUNT_QUERIES} generated financialAccounts queries show only the caller's accounts, transactions and balances`,
    async () => {
      const rng = prng(SEED + 3);
      const journals = [...ROWS.get('Journal')!.values()].filter((j) => j.type === 10 || j.type === 12);
      const lineDivision = (id: string) => DIVISION_OF.get('BankEntryLine')!.get(id) ?? DIVISION_OF.get('CashEntryLine')!.get(id);
      const stats = { queries: 0, accounts: 0, transactions: 0, notFound: 0, forbidden: 0, badInput: 0 };
      const nested = '__typename id divisionCode';
      for (let i = 0; i < ACCOUNT_QUERIES; i++) {
        const granted = rng.subset(divisions);
        const divisionsArg = rng.chance(0.3) ? (rng.chance(0.2) ? rng.subset(divisions) : rng.subset(granted)) : undefined;
        const one = rng.chance(0.3) ? rng.pick(journals) : undefined;
        const type = rng.pick([null, 'BANK', 'CASH']);
        const page = rng.chance(0.5) ? `first: ${rng.pick([1, 3, 20])}` : `last: ${rng.pick([1, 5])}`;
        const selection =
          `id divisionCode currentBalance balanceAt(date: "2026-06-${String(rng.int(1, 28)).padStart(2, '0')}T00:00:00Z") ` +
          `bankAccount { ${nested} } journal { ${nested} } balanceGaps { __typename entryID divisionCode } ` +
          `transactions(${page}) { nodes { id divisionCode bankEntryLine { ${nested} entry { __typename entryID divisionCode } } cashEntryLine { ${nested} } } totalCount }`;
        const text = one
          ? `query Q($id: UUID!, $d: [Int!]) { financialAccount(id: $id, divisions: $d) { ${selection} } }`
          : `query Q($d: [Int!], $t: FinancialAccountType) { financialAccounts(divisions: $d, type: $t) { ${selection} } }`;
        const res = await executeAs(
          t.db,
          { divisions: granted },
          text,
          one ? { id: one.id, d: divisionsArg ?? null } : { d: divisionsArg ?? null, t: type },
        );
        stats.queries++;
        const where = `accounts #${i} (seed ${SEED + 3}) granted [${granted}]: ${text} ${JSON.stringify({ one: one?.id, divisionsArg, type })}`;
        const seeing = new Set(divisionsArg ?? granted);
        if (one && !divisionsArg?.some((d) => !granted.includes(d)) && !seeing.has(one.divisionCode as number)) {
          expect({ where, code: res.errors?.[0]?.extensions?.code, data: res.data }).toEqual({ where, code: 'NOT_FOUND', data: null });
          stats.notFound++;
          continue;
        }
        const allowed = screen(res, where, granted, divisionsArg, { dataIsNull: true });
        if (!(allowed instanceof Set)) {
          stats[allowed]++;
          continue;
        }
        const accounts = (one ? [res.data!.financialAccount] : res.data!.financialAccounts) as Record<string, any>[];
        if (!one) {
          const expected = journals.filter(
            (j) => allowed.has(j.divisionCode as number) && (type === null || j.type === (type === 'BANK' ? 12 : 10)),
          );
          expect({ where, ids: accounts.map((a) => a.id).sort() }).toEqual({ where, ids: expected.map((j) => j.id).sort() });
        }
        for (const a of accounts) {
          stats.accounts++;
          expect({ where, division: allowed.has(a.divisionCode) }).toEqual({ where, division: true });
          for (const n of a.transactions.nodes) {
            stats.transactions++;
            expect({ where, line: n.id, division: lineDivision(n.id) }).toEqual({ where, line: n.id, division: a.divisionCode });
          }
        }
        for (const [type, key] of rowsIn(res.data)) {
          const division = DIVISION_OF.get(type)!.get(String(key));
          expect({
            where,
            row: `${type} ${String(key)}`,
            allowed: division !== undefined && (division === null || allowed.has(division)),
          }).toEqual({
            where,
            row: `${type} ${String(key)}`,
            allowed: true,
          });
        }
      }
      expect(stats.transactions).toBeGreaterThan(ACCOUNT_QUERIES);
      expect(stats.badInput).toBe(0);
      console.log(`randomised financial account isolation: ${JSON.stringify(stats)}`);
    },
    LONG,
  );

  it('exercises the statement tables in the generated list queries above', () => {
    const lists = ROOT_LISTS.map((f) => tableOfConnection(getNamedType(f.type) as GraphQLObjectType)!.t.name);
    expect(lists).toEqual(expect.arrayContaining(['BankEntries', 'BankEntryLines', 'CashEntries', 'CashEntryLines']));
    // Reconciliation: its tables, and the processing list (a list of BankEntryLines of its own).
    const reconciliation = [
      'ReconciliationActions',
      'ReconciliationMatches',
      'ReconciliationProposals',
      'ReconciliationSettings',
      'ReconciliationParts',
    ];
    expect(lists).toEqual(expect.arrayContaining(reconciliation));
    expect(ROOT_LISTS.map((f) => f.name)).toContain('reconciliationList');
    expect(AGGREGATE_FIELDS.map((f) => f.name)).toEqual(expect.arrayContaining(['bankEntryLinesAggregate', 'cashEntryLinesAggregate']));
  });
});

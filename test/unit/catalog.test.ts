import fs from 'node:fs';
import { getNamedType, GraphQLObjectType } from 'graphql';
import { buildGatewaySchema } from '../../src/modules/schema';
import { actorColumns, CATALOG, storedColumns } from '../../src/catalog';
import { fieldName } from '../../src/catalog/column';
import { PAYMENTS } from '../../src/catalog/tables/payments';
import { describeWithShared, sharedFile } from '../support/shared-files';

/** The catalog against the published ExactOnlineREST column list (../shared/reference). */
const REFERENCE = 'reference/payments-columns.tsv';

interface ReferenceColumn {
  name: string;
  sqlType: string;
  labelNl: string;
  doc: string;
}

function readReference(): ReferenceColumn[] {
  const [header, ...lines] = fs
    .readFileSync(sharedFile(REFERENCE)!, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  expect(header.split('\t')).toEqual(['column', 'sql_type', 'label_nl', 'documentation']);
  return lines.map((l) => {
    const [name, sqlType, labelNl, doc] = l.split('\t');
    return { name, sqlType, labelNl, doc };
  });
}

describeWithShared(REFERENCE)('Payments catalog against ../shared/reference/payments-columns.tsv', () => {
  let reference: ReferenceColumn[];
  beforeAll(() => {
    reference = readReference();
  });

  it('has the 81 columns, by name and in the published order', () => {
    expect(reference).toHaveLength(81);
    expect(PAYMENTS.columns.map((c) => c.name)).toEqual(reference.map((r) => r.name));
  });

  it('has the published type and length of every column (double kept as exact decimal)', () => {
    for (const [i, r] of reference.entries()) {
      const c = PAYMENTS.columns[i];
      const m = /^(\w+)(?:\((\d+)\))?$/.exec(r.sqlType);
      expect(m).not.toBeNull();
      const [, type, length] = m!;
      const expected = type === 'double' ? 'decimal' : type;
      expect({ column: c.name, type: c.type }).toEqual({ column: r.name, type: expected });
      if (type === 'string') {
        // A published length must match; where none is published the catalog still bounds it.
        if (length) expect({ column: c.name, length: c.length }).toEqual({ column: r.name, length: Number(length) });
        else expect(c.length).toBeGreaterThan(0);
      }
      if (type === 'double') expect(c.scale).toBeGreaterThanOrEqual(2);
    }
  });

  it('has the published Dutch labels, and real labels where the source left a resource key', () => {
    for (const [i, r] of reference.entries()) {
      const c = PAYMENTS.columns[i];
      if (/^\{res:[^}]+\}$/.test(r.labelNl)) {
        expect(c.labelNl).not.toMatch(/[{}]|res:|itgen/);
        expect(c.labelNl.trim().length).toBeGreaterThan(2);
      } else {
        expect({ column: c.name, labelNl: c.labelNl }).toEqual({ column: r.name, labelNl: r.labelNl });
      }
    }
  });
});

describe('catalog', () => {
  it('gives every column a camelCase GraphQL name, both labels and documentation', () => {
    for (const t of CATALOG) {
      const fields = new Set<string>();
      for (const c of t.columns) {
        expect(c.field).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(fields.has(c.field)).toBe(false);
        fields.add(c.field);
        expect(c.labelEn.trim()).toBeTruthy();
        expect(c.labelNl.trim()).toBeTruthy();
        expect(c.doc.trim()).toBeTruthy();
        if (c.type === 'string') expect(c.length).toBeGreaterThan(0);
        if (c.type === 'decimal') expect(c.precision).toBeGreaterThan(c.scale ?? 0);
      }
    }
  });

  it('reads derived columns through an existing relation to an existing column, and stores the rest', () => {
    for (const t of CATALOG) {
      for (const c of t.columns.filter((x) => x.derived)) {
        const rel = t.relations.find((r) => r.name === c.derived!.relation);
        expect(rel).toBeDefined();
        const target = CATALOG.find((x) => x.name === rel!.table)!;
        expect(target.columns.some((x) => x.name === c.derived!.column)).toBe(true);
      }
      expect(storedColumns(t).some((c) => c.name === t.primaryKey)).toBe(true);
    }
  });

  it("restricts every table to the caller's divisions: partitioned, or people seen only where they act", () => {
    // A global table without a rule would show every division's rows to every caller.
    const unrestricted = CATALOG.filter((t) => !t.partitionColumn && !t.visibleThroughActors).map((t) => t.name);
    expect(unrestricted).toEqual([]);
    for (const t of CATALOG.filter((x) => x.visibleThroughActors))
      expect({ table: t.name, actors: actorColumns(t).length > 0 }).toEqual({ table: t.name, actors: true });
  });

  it('allows exactly what the schema offers: a field to read, create/update/delete mutations to write', () => {
    const schema = buildGatewaySchema();
    // Every field of every object type of the schema (root lists, nested lists, relations).
    const fields = Object.values(schema.getTypeMap())
      .filter((x): x is GraphQLObjectType => x instanceof GraphQLObjectType && !x.name.startsWith('__'))
      .flatMap((x) => Object.values(x.getFields()));
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const offered = (verb: string, typeName: string) => mutations.some((m) => new RegExp(`^${verb}${typeName}s?$`).test(m));
    for (const t of CATALOG) {
      const schemaSays = {
        table: t.name,
        read: fields.some((f) => [t.typeName, `${t.typeName}Connection`].includes(getNamedType(f.type).name)),
        insert: offered('create', t.typeName),
        update: offered('update', t.typeName),
        delete: offered('delete', t.typeName),
      };
      expect({ table: t.name, ...t.allows }).toEqual(schemaSays);
    }
    // The check sees the mutations that exist: Payments has all three.
    expect(CATALOG.find((t) => t.name === 'Payments')!.allows).toEqual({ read: true, insert: true, update: true, delete: true });
  });

  it('camel-cases Exact names as the schema does', () => {
    expect(fieldName('GLAccountCode')).toBe('glAccountCode');
    expect(fieldName('ID')).toBe('id');
    expect(fieldName('AmountDC')).toBe('amountDC');
    expect(fieldName('IBAN')).toBe('iban');
  });
});

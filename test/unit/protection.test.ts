import { DocumentNode, Kind, OperationDefinitionNode, OperationTypeNode, parse, SelectionSetNode } from 'graphql';
import { GatewayError } from '../../src/platform/errors';
import { assertDocumentSize, assertWithinLimits, DocumentLimits, MAX_NESTING, ProtectionLimits } from '../../src/graphql/protection';
import { buildGatewaySchema } from '../../src/modules/schema';
import { countingVisits, selectionSetsIn } from '../support/ast-visits';

/**
 * The walks of query protection do work linear in the document, however its fragments nest:
 * counted, not timed, as the selection sets each walk enters (test/support/ast-visits.ts).
 */
const LIMITS: DocumentLimits = { maxTokens: 5000, maxFields: 2000, maxDirectives: 50 };

/** The error `check` refuses with. */
const refusal = (check: () => void): GatewayError => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('not refused');
};
const sizeRefusal = (document: DocumentNode, limits = LIMITS) => refusal(() => assertDocumentSize(document, limits)).extensions;

/** The depth, alias and cost checks of the operation of `document`. */
const shapeCheck = (document: DocumentNode, limits: Partial<ProtectionLimits>) => () =>
  assertWithinLimits(
    buildGatewaySchema(),
    document,
    document.definitions[0] as OperationDefinitionNode,
    {},
    {
      maxDepth: 12,
      maxAliases: 30,
      maxCost: 1e12,
      defaultPageSize: 50,
      ...limits,
    },
  );

/** F0 holds `leaf`; F1..F`levels` each spread the previous one twice; the operation spreads the last. */
const doubling = (levels: number, leaf: string) =>
  parse(
    `{ payments(first: 2) { nodes { ...F${levels} } } } fragment F0 on Payment { ${leaf} }\n` +
      Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Payment { ...F${i} ...F${i} }`).join('\n'),
  );

describe('the document size check', () => {
  it('counts a fragment every time it is spread, and stays linear when that is 2^60 times', () => {
    expect(() => assertDocumentSize(doubling(9, 'id'), LIMITS)).not.toThrow();
    const bomb = doubling(60, 'id');
    const counted = countingVisits(bomb);
    const error = refusal(() => assertDocumentSize(counted.document, LIMITS));
    // Each of the 64 selection sets written is entered once (at most twice allowed), where a walk
    // expanding the spreads would enter F0 2^60 times.
    expect(selectionSetsIn(bomb)).toBe(64);
    expect(counted.visits()).toBeGreaterThan(0);
    expect(counted.visits()).toBeLessThanOrEqual(2 * selectionSetsIn(bomb));
    // 3 * 2^60 + 1 selections: past exact integers, so the count stops at the largest one.
    const value = Number.MAX_SAFE_INTEGER;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', limit: 'fields', value, max: 2000 });
    expect(error.message).toContain(`query: selects ${value} or more fields (fragment spreads included) once its fragments`);
  });

  it('counts directives once fragments are expanded', () => {
    expect(sizeRefusal(doubling(6, 'id @include(if: true)'))).toMatchObject({ limit: 'directives', value: 64 });
  });

  it('counts two fragments of one name as one holding both (validation refuses them later)', () => {
    const document = parse(`{ payments { nodes { ...D } } }
      fragment D on Payment { id } fragment D on Payment { ${'...E '.repeat(40)} } fragment E on Payment { ${'id '.repeat(60)} }`);
    expect(sizeRefusal(document)).toMatchObject({ limit: 'fields', value: 3 + 1 + 40 + 40 * 60 });
  });

  it('leaves cycles and unknown fragments to validation, without looping', () => {
    const document = parse(`{ payments { nodes { ...A ...Nope } } } fragment A on Payment { id ...B } fragment B on Payment { ...A }`);
    expect(() => assertDocumentSize(document, LIMITS)).not.toThrow();
  });

  it('measures nesting with its own stacks, however deep the document (built, not parsed: the parser would overflow)', () => {
    let set: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'id' } }] };
    for (let i = 0; i < 100_000; i++) set = { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.INLINE_FRAGMENT, selectionSet: set }] };
    const operation = { kind: Kind.OPERATION_DEFINITION, operation: OperationTypeNode.QUERY, selectionSet: set } as const;
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation] };
    expect(sizeRefusal(document)).toMatchObject({ limit: 'fields' });
    expect(sizeRefusal(document, { ...LIMITS, maxFields: 1e9 })).toMatchObject({ limit: 'nesting', value: 100_001, max: MAX_NESTING });
  });
});

describe('the depth and alias checks', () => {
  it('work out each fragment once: 2^40 aliases counted by entering each selection set once', () => {
    const bomb = doubling(40, 'a: id b: description');
    const counted = countingVisits(bomb);
    const error = refusal(shapeCheck(counted.document, {}));
    expect(error.extensions).toMatchObject({ limit: 'aliases', value: 2 * 2 ** 40 });
    // 44 selection sets written (the operation's 3 and 41 fragments'), each entered once or twice.
    expect(selectionSetsIn(bomb)).toBe(44);
    expect(counted.visits()).toBeGreaterThan(0);
    expect(counted.visits()).toBeLessThanOrEqual(2 * selectionSetsIn(bomb));
  });

  it('count depth through fragments, and aliases in introspection, as before', () => {
    const deep = parse(`{ payments(first: 1) { nodes { ...A } } }
      fragment A on Payment { account { ... on Account { payments(first: 1) { nodes { id } } } } }`);
    expect(refusal(shapeCheck(deep, { maxDepth: 5 })).extensions).toMatchObject({ limit: 'depth', value: 6 });
    expect(shapeCheck(deep, { maxDepth: 6 })).not.toThrow();
    const aliased = parse(`{ __schema { t: types { n: name } } }`);
    expect(refusal(shapeCheck(aliased, { maxAliases: 1 })).extensions).toMatchObject({ limit: 'aliases', value: 2 });
    const introspection = parse(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`);
    expect(shapeCheck(introspection, { maxDepth: 1 })).not.toThrow();
  });
});

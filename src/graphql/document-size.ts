import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLFormattedError,
  Kind,
  OperationDefinitionNode,
  ParseOptions,
  SelectionSetNode,
  ValidationRule,
} from 'graphql';
import { GatewayError } from '../platform/errors';

/**
 * Bounds on the size of a GraphQL document, checked in time proportional to its text: tokens at
 * parse, then fields, directives and nesting with fragments expanded (each fragment measured once).
 * within these bounds.
 */

/** Which limit an operation exceeds, and by how much. */
export interface Violation {
  limit: 'depth' | 'aliases' | 'cost' | 'tokens' | 'fields' | 'directives' | 'nesting';
  message: string;
  value: number;
  max: number;
}

/** The refusal of an operation over a limit: BAD_USER_INPUT naming the limit, HTTP 400. */
export const tooLarge = ({ limit, message, value, max }: Violation) =>
  new GatewayError('BAD_USER_INPUT', `query: ${message}`, { field: 'query', limit, value, max, http: { status: 400 } });

/**
 * Limits on the size of a document, checked before it is validated: they bound the work of every
 * step before execution (validation, the checks of `ProtectionLimits`, compiling, planning), which
 * all walk the document with its fragments expanded.
 */
export interface DocumentLimits {
  /** Lexical tokens of the query text (enforced by the parser, see `parseOptionsFor`). */
  maxTokens: number;
  /** Selections (fields, inline fragments, fragment spreads) of one definition, each fragment counted every time it is spread. */
  maxFields: number;
  /** Directives of one definition, each fragment counted every time it is spread. */
  maxDirectives: number;
}

/**
 * Deepest nesting of selection sets, inline fragments and fragments included. Far above any query
 * the depth limit lets through (introspection, which that limit does not count, nests about 14),
 * far below the nesting at which the recursive walks of graphql-js and graphql-jit run out of stack.
 */
export const MAX_NESTING = 64;

/** Parser options that stop parsing a query text at the token limit (Apollo's `parseOptions`, exports). */
export function parseOptionsFor(limits: Pick<DocumentLimits, 'maxTokens'>): ParseOptions {
  return { maxLexicalTokens: limits.maxTokens };
}

// graphql-js 16.15 writes "more that"; a later release may correct it.
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * The refusal of a document by a limit as clients see the other limits: BAD_USER_INPUT with
 * `field`, `limit`, `value` and `max`, for `formatError`. Apollo reports the parser's token limit as
 * GRAPHQL_PARSE_FAILED and an error of a validation rule (`documentSizeRule`) as
 * GRAPHQL_VALIDATION_FAILED; anything else is returned as it is.
 */
export function asLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitError(formatted.message) : undefined;
  if (tokens) {
    const { http: _http, ...extensions } = tokens.extensions;
    return { message: tokens.message, extensions };
  }
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && original instanceof GatewayError) {
    return { ...formatted, extensions: { ...formatted.extensions, code: original.code } };
  }
  return formatted;
}

/** The refusal by the token limit, when `parseError` (a parser's message) is the parser stopping there. */
export function tokenLimitError(parseError: string): GatewayError | undefined {
  const match = TOKEN_LIMIT_MESSAGE.exec(parseError);
  if (!match) return undefined;
  // The parser stops at the first token over the limit, so that is all that is known.
  const max = Number(match[1]);
  return tooLarge({ limit: 'tokens', message: `has more than ${max} tokens; the maximum is ${max}`, value: max + 1, max });
}

/**
 * A validation rule that refuses a document over the limits of `DocumentLimits` (or nested deeper
 * than `MAX_NESTING`) before the other rules look at it. Rules run side by side, node by node, and
 * the first node is the document itself, where graphql-js's own rules (which Apollo runs before
 * this one) only glance at the list of definitions. When this rule answers that node with `null`
 * ("remove this node" to graphql-js's visitor), the traversal skips the whole document for every
 * rule, so OverlappingFieldsCanBeMerged and the rest never walk an oversized document. Measuring
 * is linear in the document (see `sizeViolationOf`); a document within the limits bounds what
 * every later step walks.
 */
export function documentSizeRule(limits: DocumentLimits): ValidationRule {
  return (context) => ({
    Document(node) {
      const violation = sizeViolationOf(node, limits);
      if (!violation) return undefined;
      context.reportError(tooLarge(violation));
      return null;
    },
  });
}

/** The checks of `documentSizeRule`, for documents validated outside Apollo (exports). */
export function assertDocumentSize(document: DocumentNode, limits: DocumentLimits): void {
  const violation = sizeViolationOf(document, limits);
  if (violation) throw tooLarge(violation);
}

/** What one definition holds itself, its fragment spreads not expanded. */
interface OwnSize {
  fields: number;
  directives: number;
  nesting: number;
  /** Each spread with the nesting of the selection set it is in (1: the definition's own). */
  spreads: { name: string; nesting: number }[];
}

/** What a definition selects with its fragments expanded. */
interface Size {
  fields: number;
  directives: number;
  nesting: number;
}

/**
 * The first of the field, directive and nesting limits (the tokens are the parser's) that some
 * operation or fragment of `document` exceeds, with the largest value found. Each definition is walked once and each fragment's
 * expanded size is worked out once, from the sizes of the fragments it spreads, so the time is
 * linear in the document however often its fragments spread each other (the expanded sizes grow
 * exponentially; they are capped, not computed exactly). Both walks use explicit stacks: the
 * document may nest deeper than the call stack allows (refusing that is one of their jobs). A
 * spread of an unknown fragment or of a fragment in a cycle adds nothing: validation refuses it.
 */
function sizeViolationOf(document: DocumentNode, limits: DocumentLimits): Violation | undefined {
  const own = new Map<string, OwnSize>();
  const operations: OwnSize[] = [];
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) operations.push(ownSizeOf(d));
    else if (d.kind === Kind.FRAGMENT_DEFINITION) {
      // Two fragments of one name (refused by validation) count as one holding both.
      const size = ownSizeOf(d);
      const known = own.get(d.name.value);
      if (known) {
        known.fields += size.fields;
        known.directives += size.directives;
        known.nesting = Math.max(known.nesting, size.nesting);
        known.spreads.push(...size.spreads);
      } else own.set(d.name.value, size);
    }
  }
  const expanded = new Map<string, Size | null>();
  const sizes = [
    ...operations.map((o) => expandedSize(o, undefined, own, expanded)),
    ...[...own].map(([name, size]) => expandedSize(size, name, own, expanded)),
  ];
  const largest = (key: keyof Size) => sizes.reduce((max, s) => Math.max(max, s[key]), 0);
  const count = (n: number) => (n >= CAP ? `${CAP} or more` : String(n));
  const fields = largest('fields');
  if (fields > limits.maxFields) {
    const expandedFields = `${count(fields)} fields (fragment spreads included)`;
    const message = `selects ${expandedFields} once its fragments are expanded; the maximum is ${limits.maxFields}`;
    return { limit: 'fields', message, value: fields, max: limits.maxFields };
  }
  const directives = largest('directives');
  if (directives > limits.maxDirectives) {
    const message = `uses ${count(directives)} directives once its fragments are expanded; the maximum is ${limits.maxDirectives}`;
    return { limit: 'directives', message, value: directives, max: limits.maxDirectives };
  }
  const nesting = largest('nesting');
  if (nesting > MAX_NESTING) {
    const message = `nests selections ${nesting} levels deep (fragments included); the maximum is ${MAX_NESTING}`;
    return { limit: 'nesting', message, value: nesting, max: MAX_NESTING };
  }
  return undefined;
}

function ownSizeOf(definition: OperationDefinitionNode | FragmentDefinitionNode): OwnSize {
  const size: OwnSize = { fields: 0, directives: definition.directives?.length ?? 0, nesting: 0, spreads: [] };
  if (definition.kind === Kind.OPERATION_DEFINITION) {
    for (const v of definition.variableDefinitions ?? []) size.directives += v.directives?.length ?? 0;
  }
  const sets: [SelectionSetNode, number][] = [[definition.selectionSet, 1]];
  for (let next = sets.pop(); next; next = sets.pop()) {
    const [set, nesting] = next;
    size.nesting = Math.max(size.nesting, nesting);
    for (const s of set.selections) {
      size.fields++;
      size.directives += s.directives?.length ?? 0;
      if (s.kind === Kind.FRAGMENT_SPREAD) size.spreads.push({ name: s.name.value, nesting });
      else if (s.selectionSet) sets.push([s.selectionSet, nesting + 1]);
    }
  }
  return size;
}

/** Counts beyond this are all the same to the limits; capping keeps the sums finite. */
const CAP = Number.MAX_SAFE_INTEGER;

/**
 * The expanded size of a definition (`name`: the fragment's, remembered in `expanded`, where
 * null marks a fragment being worked out). Depth first over the spreads, with a stack of frames
 * instead of recursion: a frame waits at a spread until the fragment's size is known.
 */
function expandedSize(start: OwnSize, name: string | undefined, own: Map<string, OwnSize>, expanded: Map<string, Size | null>): Size {
  if (name !== undefined) {
    const known = expanded.get(name);
    if (known) return known;
    expanded.set(name, null);
  }
  interface Frame {
    own: OwnSize;
    name?: string;
    next: number;
    size: Size;
  }
  const frameOf = (size: OwnSize, fragment?: string): Frame => {
    const { fields, directives, nesting } = size;
    return { own: size, name: fragment, next: 0, size: { fields, directives, nesting } };
  };
  const stack = [frameOf(start, name)];
  let result = stack[0].size;
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const spread = frame.own.spreads[frame.next];
    if (!spread) {
      stack.pop();
      if (frame.name !== undefined) expanded.set(frame.name, frame.size);
      result = frame.size;
      continue;
    }
    const known = expanded.get(spread.name);
    const fragment = own.get(spread.name);
    if (known === undefined && fragment) {
      expanded.set(spread.name, null);
      stack.push(frameOf(fragment, spread.name));
      continue;
    }
    frame.next++;
    if (!known) continue;
    frame.size.fields = Math.min(CAP, frame.size.fields + known.fields);
    frame.size.directives = Math.min(CAP, frame.size.directives + known.directives);
    // The fragment's own selection set sits where the spread is.
    frame.size.nesting = Math.min(CAP, Math.max(frame.size.nesting, spread.nesting - 1 + known.nesting));
  }
  return result;
}

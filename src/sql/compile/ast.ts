/**
 * Reading node-sql-parser's AST: identifiers, function names, string literals, the default name
 * of a select item and the wording of what is refused. Nothing here compiles; every reader checks
 * the shape it expects and refuses anything else with a sqlError (BAD_USER_INPUT on `query`).
 */
import { sqlError, Position } from '../errors';
import { Node, positionOf } from '../parse';

/**
 * Aliases the user may choose: we quote them into our own SQL, so no quote, backslash or control
 * character, and at most MySQL's 64 characters.
 */
// Control characters are refused in aliases on purpose: they would end up in CSV headers.
// eslint-disable-next-line no-control-regex
export const ALIAS = /^[^\u0000-\u001f`"'\\]{1,64}$/;

/** Throws a sqlError at `at`; for refusals inside expressions. */
export function fail(message: string, at: Position | null): never {
  throw sqlError(message, at);
}

/** An identifier from the AST: a plain string or a quoted-identifier node. Throws a sqlError for anything else. */
export function ident(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object') {
    const o = x as { value?: unknown; expr?: { value?: unknown } };
    if (typeof o.value === 'string') return o.value;
    if (typeof o.expr?.value === 'string') return o.expr.value;
  }
  throw sqlError('unexpected identifier');
}

/** Whether a function node is `NOT (expr)`, which the parser reads as a call of NOT. */
export function isNotCall(node: Node): boolean {
  const parts = node.name?.name as { value: string }[] | undefined;
  return parts?.length === 1 && parts[0].value.toUpperCase() === 'NOT' && node.args?.value?.length === 1;
}

/** The name of a called function as written; a qualified name (`db.f`) is refused with a sqlError. */
export function functionName(node: Node): string {
  const n = node.name;
  if (typeof n === 'string') return n;
  const parts = n?.name as { value: string }[] | undefined;
  if (!parts?.length) throw sqlError('unexpected function call', positionOf(node));
  if (parts.length > 1 || n.schema) throw sqlError(`unknown function ${parts.map((p) => p.value).join('.')}`, positionOf(node));
  return parts[0].value;
}

/**
 * The output name of the `i`th (0-based) select item without an alias and not a plain column:
 * `sum_AmountDC` for `SUM(AmountDC)`, `year_PaymentDate` for `YEAR(PaymentDate)`, else `expr<i+1>`.
 */
export function defaultName(e: Node, i: number): string {
  const firstColumn = (args: Node | undefined): string | undefined => {
    const list: Node[] = args?.value ?? (args?.expr ? [args.expr] : []);
    const c = list.find((a) => a?.type === 'column_ref');
    return c ? ident(c.column) : undefined;
  };
  if (e?.type === 'aggr_func') {
    const c = e.args?.expr?.type === 'column_ref' ? ident(e.args.expr.column) : undefined;
    return c && c !== '*' ? `${String(e.name).toLowerCase()}_${c}` : String(e.name).toLowerCase();
  }
  if (e?.type === 'function') {
    const c = firstColumn(e.args);
    const n = functionName(e).toLowerCase();
    return c ? `${n}_${c}` : n;
  }
  return `expr${i + 1}`;
}

/** How a refusal names an expression node the compiler does not support. */
export function describeNode(node: Node): string {
  switch (node.type) {
    case 'var':
      return `the variable ${node.prefix ?? ''}${node.name}`;
    case 'cast':
      return 'CAST';
    case 'extract':
      return 'EXTRACT (use YEAR, QUARTER, MONTH or DAY)';
    case 'interval':
      return 'INTERVAL';
    case 'hex_string':
    case 'bit_string':
    case 'full_hex_string':
      return 'a hexadecimal or bit literal';
    default:
      return `the expression ${String(node.type)}`;
  }
}

/** A MySQL string literal's text: '' and backslash escapes decoded. */
export function decodeString(raw: string): string {
  const escapes: Record<string, string> = {
    '0': '\0',
    "'": "'",
    '"': '"',
    b: '\b',
    n: '\n',
    r: '\r',
    t: '\t',
    Z: '\x1a',
    '\\': '\\',
    '%': '\\%',
    _: '\\_',
  };
  return raw.replace(/''/g, "'").replace(/\\(.)/gs, (_m, c: string) => escapes[c] ?? c);
}

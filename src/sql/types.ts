/** What the SQL layer knows about a value: its kind and, for decimals, the scale it is shown in. */
export type ValueKind = 'decimal' | 'integer' | 'string' | 'datetime' | 'date' | 'boolean' | 'guid' | 'null';

export interface ValueType {
  readonly kind: ValueKind;
  /** Decimal places of a decimal value (results are shown with exactly this many). */
  readonly scale?: number;
}

/** One column of a result, named as the analyst will see it. */
export interface OutputColumn {
  readonly name: string;
  readonly type: ValueType;
}

/** A checked query compiled for one database: SQL with `?` placeholders and their values. */
export interface CompiledQuery {
  readonly sql: string;
  readonly parameters: unknown[];
  readonly columns: OutputColumn[];
}

/** `decimal(4)`, `integer`, ... as shown in result metadata. */
export function typeName(t: ValueType): string {
  return t.kind === 'decimal' ? `decimal(${t.scale ?? 0})` : t.kind;
}

/**
 * The catalog describes every table and column the gateway serves. It is the single source for
 * the TypeORM mapping, the GraphQL descriptions, the SQL layer and the `catalog` query.
 * Names are Exact Online's (`AmountDC`, `AccountName`); `field` is the camelCase GraphQL name.
 */
export type CatalogType = 'guid' | 'string' | 'int16' | 'int32' | 'int64' | 'decimal' | 'datetime' | 'boolean' | 'blob';

export interface CatalogColumn {
  /** Exact's column name; also the physical column name. */
  readonly name: string;
  /** GraphQL field name (camelCase). */
  readonly field: string;
  readonly type: CatalogType;
  /** Maximum length of a string column. */
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** Required on insert (NOT NULL where stored). */
  readonly required: boolean;
  /** Read from the row a relation points at; never stored on this table. */
  readonly derived?: { readonly relation: string; readonly column: string };
  readonly labelNl: string;
  readonly labelEn: string;
  readonly doc: string;
}

export interface CatalogRelation {
  /** GraphQL field and SQL-layer name of the relation (`account`, `glAccount`, ...). */
  readonly name: string;
  /** Catalog name of the target table. */
  readonly table: string;
  /** Column pairs [local, remote]; partitioned tables also join on their division. */
  readonly on: readonly (readonly [string, string])[];
  readonly kind: 'one' | 'many';
  readonly doc: string;
}

export interface CatalogTable {
  /** Catalog (and physical) table name, as Exact names the endpoint: `Payments`. */
  readonly name: string;
  /** GraphQL object type name: `Payment`. */
  readonly typeName: string;
  readonly labelEn: string;
  readonly labelNl: string;
  readonly description: string;
  /** The column that partitions the table per division; absent for global tables. */
  readonly partitionColumn?: string;
  /**
   * For a global table of people (Users): a caller sees a row only while the person acts in one
   * of the caller's divisions, that is while a row of a granted division points at the person
   * through a relation (`actorColumns`: created, modified or selected a payment there). Personal
   * data (names, e-mail) of people acting only elsewhere stays hidden through every door.
   */
  readonly visibleThroughActors?: boolean;
  readonly primaryKey: string;
  /**
   * What a client can do to the table's rows: read, and insert, update or delete through the
   * table's own mutations (`create<Type>`, `update<Type>`, `delete<Type>`, singular or plural).
   * Rows written as a side effect of another mutation (processPayments makes batches and
   * documents) do not count. test/e2e/catalog.test.ts compares this with the schema.
   */
  readonly allows: { readonly read: boolean; readonly insert: boolean; readonly update: boolean; readonly delete: boolean };
  /**
   * false: the table has no root list (GraphQL list field, export by list name); its rows are read
   * through the relation of their parent only (attachments through their document). Default true.
   */
  readonly rootList?: boolean;
  readonly columns: readonly CatalogColumn[];
  readonly relations: readonly CatalogRelation[];
}

import { Readable } from 'node:stream';
import * as mysql2 from 'mysql2';
import { EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { BoundedMemo } from '../platform/bounded-memo';

/** From this many rows (without bytes), MariaDB gets them through LOAD DATA. */
const LOAD_DATA_FROM = 200;

/**
 * Rows made as they are written (a statement's lines, made while MariaDB reads the ones before):
 * `length` rows of the divisions `divisionCodes`, each made once, when the iterator reaches it.
 * Iterate it once: each pass makes new rows.
 */
export interface MadeRows<T> {
  readonly length: number;
  readonly divisionCodes: readonly number[];
  [Symbol.iterator](): Iterator<T>;
}

/** Rows to insert: a list, or rows made as they are written. */
export type RowsToInsert<T> = readonly T[] | MadeRows<T>;

/** Bytes of LOAD DATA text made at a time (a chunk of the file MariaDB reads). */
const LOAD_DATA_CHUNK = 1 << 18;

/** SQL text per MariaDB statement; its max_allowed_packet is 16 MB by default. */
const MAX_STATEMENT_BYTES = 4 * 1024 * 1024;

/**
 * Bulk loads built straight from the entity metadata (demo data at scale): LOAD DATA or escaped
 * multi-row INSERTs on MariaDB, prepared multi-row INSERTs on SQLite. TypeORM's insert builder
 * spends far more time assembling a statement of a thousand rows than the database spends running
 * it. Values go through the driver's own `preparePersistentValue` (transformers included), so
 * rows are stored exactly as the entity layer would store them.
 *
 * Only for trusted rows made by the server itself (the demo seed): there is no division check
 * here. Requests write through the DivisionScope.
 */
export class BulkInserter {
  private readonly shapes = new Map<string, string>();
  private readonly mysql: boolean;
  /** Set when the server refuses LOAD DATA LOCAL (MySQL 8 ships with local_infile off). */
  private loadDataRefused = false;

  constructor(
    private readonly runner: QueryRunner,
    /** Largest number of bound parameters one SQLite statement may carry. */
    private readonly maxParameters = 32_000,
  ) {
    this.mysql = runner.connection.driver.options.type === 'mysql';
  }

  /**
   * Inserts `rows` of `entity` in as few statements as the limits allow: about 4 MB of SQL per
   * statement (MariaDB's max_allowed_packet is 16 MB by default) or SQLite's parameter limit.
   */
  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: RowsToInsert<T>): Promise<void> {
    if (rows.length === 0) return;
    const metadata = this.runner.connection.getMetadata(entity);
    const columns = metadata.columns.filter((c) => !c.isVirtual);
    // Only LOAD DATA reads made rows as it goes; every other way takes them as a list.
    const list = () => (Array.isArray(rows) ? (rows as readonly T[]) : [...rows]);
    if (!this.mysql) return this.insertParameters(metadata.tableName, columns, list());
    // Many rows without bytes: LOAD DATA, which MariaDB takes in without parsing SQL per value.
    if (!this.loadDataRefused && rows.length >= LOAD_DATA_FROM && !columns.some((c) => c.type === 'blob')) {
      try {
        return await this.loadData(metadata.tableName, columns, rows);
      } catch (error) {
        if (!isLocalInfileRefused(error)) throw error;
        // A refused statement changes nothing (the server refuses before it reads a row); the rows go in as multi-row INSERTs instead.
        this.loadDataRefused = true;
      }
    }
    // Bytes (a statement file kept as a document): as a prepared statement's binary parameter,
    // not as hex in the SQL text, which would take twice the file in the packet and more in memory.
    if (columns.some((c) => c.type === 'blob')) return this.insertPrepared(metadata.tableName, columns, list());
    return this.insertLiterals(metadata.tableName, columns, list());
  }

  /** MariaDB/MySQL: one prepared INSERT per row, values sent in the binary protocol (dates as UTC text). */
  private async insertPrepared(tableName: string, columns: ColumnMetadata[], rows: readonly ObjectLiteral[]): Promise<void> {
    const sql = this.placeholders(tableName, columns, 1);
    const connection = (await this.runner.connect()) as {
      execute(sql: string, values: unknown[], callback: (error: Error | null) => void): void;
    };
    for (const row of rows) {
      const values = columns.map((c) => {
        const v = this.value(c, row);
        return v instanceof Date ? utcDateTime(v) : typeof v === 'boolean' ? Number(v) : v;
      });
      this.runner.connection.logger.logQuery(sql, [], this.runner);
      await new Promise<void>((resolve, reject) => connection.execute(sql, values, (error) => (error ? reject(error) : resolve())));
    }
  }

  /**
   * MariaDB/MySQL: LOAD DATA LOCAL INFILE from tab-separated text made in memory (mysql2 streams
   * it; nothing touches the disk). Data the server had to adjust comes back as warnings, which
   * fail the load instead of passing silently.
   */
  private async loadData(tableName: string, columns: ColumnMetadata[], rows: RowsToInsert<ObjectLiteral>): Promise<void> {
    const driver = this.runner.connection.driver;
    const fields = this.fieldWriters(columns);
    // The text is made as MariaDB reads it, LOAD_DATA_CHUNK bytes at a time: the server inserts one
    // chunk's rows while the next is being written. Each line is encoded into the chunk as it is
    // made, with no text of the whole chunk in between. An empty chunk would reach MariaDB as the
    // empty packet that ends the file, so none is made.
    function* chunks(): Generator<Buffer> {
      let chunk = Buffer.allocUnsafe(LOAD_DATA_CHUNK);
      let at = 0;
      for (const row of rows) {
        let line = fields[0](row);
        for (let i = 1; i < fields.length; i++) line += '\t' + fields[i](row);
        line += '\n';
        // UTF-8 takes at most three bytes per UTF-16 unit
        if (chunk.length - at < line.length * 3) {
          if (at > 0) yield chunk.subarray(0, at);
          chunk = Buffer.allocUnsafe(Math.max(LOAD_DATA_CHUNK, line.length * 3));
          at = 0;
        }
        at += chunk.write(line, at, 'utf8');
      }
      if (at > 0) yield chunk.subarray(0, at);
    }
    const sql =
      `LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE ${driver.escape(tableName)} CHARACTER SET utf8mb4 ` +
      `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ` +
      `(${columns.map((c) => driver.escape(c.databaseName)).join(', ')})`;
    const connection = (await this.runner.connect()) as {
      query(
        options: { sql: string; infileStreamFactory: () => Readable },
        callback: (error: Error | null, result: { affectedRows: number; warningStatus: number }) => void,
      ): void;
    };
    this.runner.connection.logger.logQuery(sql, [], this.runner);
    const result = await new Promise<{ affectedRows: number; warningStatus: number }>((resolve, reject) =>
      connection.query({ sql, infileStreamFactory: () => Readable.from(chunks(), { objectMode: false }) }, (error, r) =>
        error ? reject(error) : resolve(r),
      ),
    );
    if (result.warningStatus > 0 || result.affectedRows !== rows.length) {
      const warnings = await this.runner.query('SHOW WARNINGS LIMIT 5');
      throw new Error(`LOAD DATA into ${tableName}: ${result.affectedRows} of ${rows.length} rows, warnings ${JSON.stringify(warnings)}`);
    }
  }

  /**
   * MariaDB/MySQL: values escaped into the SQL text by mysql2's own escaper (what its client-side
   * placeholder formatting does, without scanning a megabyte of text for sixty thousand `?`).
   */
  private async insertLiterals(tableName: string, columns: ColumnMetadata[], rows: readonly ObjectLiteral[]): Promise<void> {
    const head = `${this.head(tableName, columns)} VALUES `;
    let tuples: string[] = [];
    let bytes = 0;
    for (const row of rows) {
      const tuple = `(${columns.map((c) => literal(this.value(c, row))).join(', ')})`;
      tuples.push(tuple);
      bytes += tuple.length;
      if (bytes >= MAX_STATEMENT_BYTES) {
        await this.runner.query(head + tuples.join(', '));
        tuples = [];
        bytes = 0;
      }
    }
    if (tuples.length) await this.runner.query(head + tuples.join(', '));
  }

  /** SQLite: one prepared statement shape per row count, values bound natively. */
  private async insertParameters(tableName: string, columns: ColumnMetadata[], rows: readonly ObjectLiteral[]): Promise<void> {
    const perStatement = Math.max(1, Math.floor(this.maxParameters / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const slice = rows.slice(start, start + perStatement);
      const parameters: unknown[] = new Array(slice.length * columns.length);
      let i = 0;
      for (const row of slice) for (const c of columns) parameters[i++] = this.value(c, row);
      await this.runner.query(this.placeholders(tableName, columns, slice.length), parameters);
    }
  }

  /**
   * A writer of each column's LOAD DATA field, chosen once per load by the column's type: text,
   * numbers and dates of plain columns without a transformer (which the drivers' preparePersistentValue
   * hands back unchanged: a Date stays the Date) are written straight from the property, anything
   * else (transformers, versions, other types, a value of another type than its column's) through
   * preparePersistentValue and tsvField. One generic writer per field (type tests, then a reader
   * per column) made the text of a statement's lines cost three times what making the rows did.
   */
  private fieldWriters(columns: ColumnMetadata[]): ((row: ObjectLiteral) => string)[] {
    return columns.map((c) => {
      const generic = (row: ObjectLiteral) => tsvField(this.value(c, row));
      if (c.transformer || c.isVersion || typeof c.type !== 'string') return generic;
      const name = c.propertyName;
      if (TEXT_TYPES.has(c.type))
        return (row) => {
          const v = row[name];
          return v === null || v === undefined ? NULL_FIELD : typeof v === 'string' ? tsvText(v) : generic(row);
        };
      if (NUMBER_TYPES.has(c.type))
        return (row) => {
          const v = row[name];
          return v === null || v === undefined
            ? NULL_FIELD
            : typeof v === 'number'
              ? String(v)
              : typeof v === 'string'
                ? tsvText(v)
                : generic(row);
        };
      if (DATE_TIME_TYPES.has(c.type))
        return (row) => {
          const v = row[name];
          return v === null || v === undefined ? NULL_FIELD : v instanceof Date ? utcDateTime(v) : generic(row);
        };
      return generic;
    });
  }

  private value(c: ColumnMetadata, row: ObjectLiteral): unknown {
    let v = row[c.propertyName];
    if (v === undefined && c.isVersion) v = 1;
    v = this.runner.connection.driver.preparePersistentValue(v, c);
    return v === undefined ? null : v;
  }

  private head(tableName: string, columns: ColumnMetadata[]): string {
    const driver = this.runner.connection.driver;
    return `INSERT INTO ${driver.escape(tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')})`;
  }

  private placeholders(tableName: string, columns: ColumnMetadata[], rowCount: number): string {
    const key = `${tableName}:${rowCount}`;
    let sql = this.shapes.get(key);
    if (!sql) {
      const row = `(${columns.map(() => '?').join(', ')})`;
      sql = `${this.head(tableName, columns)} VALUES ${Array(rowCount).fill(row).join(', ')}`;
      this.shapes.set(key, sql);
    }
    return sql;
  }
}

/** Column types whose values both drivers' preparePersistentValue passes through as they are: text, */
const TEXT_TYPES = new Set(['varchar', 'nvarchar', 'char', 'nchar', 'text']);
/** numbers (decimals as exact text), */
const NUMBER_TYPES = new Set(['decimal', 'numeric', 'int', 'integer', 'smallint', 'bigint', 'tinyint']);
/** and, on MariaDB, dates given as Date (DateUtils.mixedDateToDate returns them as they are). */
const DATE_TIME_TYPES = new Set(['datetime', 'timestamp']);

/** The server (local_infile=OFF) or the client refused LOAD DATA LOCAL INFILE. */
function isLocalInfileRefused(error: unknown): boolean {
  const e = error as { errno?: number; code?: string; message?: string };
  return (
    e?.errno === 1148 || e?.errno === 3948 || /ER_NOT_ALLOWED_COMMAND|LOAD_INFILE|local (data|infile)/i.test(`${e?.code} ${e?.message}`)
  );
}

/** A field of LOAD DATA's tab-separated text: \\N for NULL, dates in UTC, separators escaped. */
function tsvField(value: unknown): string {
  if (value === null || value === undefined) return NULL_FIELD;
  if (value instanceof Date) return utcDateTime(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return tsvText(String(value));
}

/** The NULL of LOAD DATA text (with ESCAPED BY '\\'). */
const NULL_FIELD = '\\N';

/** Text as a LOAD DATA field: the escape character, separators and NUL escaped. */
function tsvText(text: string): string {
  return TSV_SPECIAL.test(text) ? text.replace(TSV_SPECIALS, (c) => TSV_ESCAPES[c]) : text;
}

const TSV_SPECIAL = /[\\\t\n\r\0]/;
const TSV_SPECIALS = /[\\\t\n\r\0]/g;

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/**
 * 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, as the data source's `timezone: 'Z'` stores dates. Demo
 * dates repeat (whole days), so their text is remembered.
 */
function utcDateTime(d: Date): string {
  return DATE_TEXT.get(d.getTime(), (time) => {
    const iso = new Date(time).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  });
}

const DATE_TEXT = new BoundedMemo<number, string>(100_000);

/** A MariaDB literal; dates in UTC, as the data source's `timezone: 'Z'` stores them. */
function literal(value: unknown): string {
  return (mysql2.escape as (v: unknown, stringifyObjects: boolean, timeZone: string) => string)(value, false, 'Z');
}

/**
 * Runs `load` with every index of `tableName` dropped, the primary key included, then builds them
 * all again in one ALTER TABLE (MariaDB/MySQL only; elsewhere it just runs `load`). InnoDB then
 * appends rows in arrival order and sorts once at the end, instead of placing a million random
 * UUID keys one by one in B-trees far larger than its buffer pool. The definitions are read from
 * the database itself, so they come back exactly as the migrations made them. DDL commits
 * implicitly: call this outside any transaction. If the process dies during `load`, the table is
 * left without its indexes: this is for (re)building demo data, never for live writes.
 */
export async function withIndexesDeferred<R>(runner: QueryRunner, tableName: string, load: () => Promise<R>): Promise<R> {
  if (runner.connection.driver.options.type !== 'mysql') return load();
  const rows: { name: string; nonUnique: number | string; column: string; subPart: number | null }[] = await runner.query(
    `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS \`column\`, SUB_PART AS subPart
       FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?
      ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX`,
    [tableName],
  );
  const indexes = new Map<string, { unique: boolean; columns: string[] }>();
  for (const r of rows) {
    const index = indexes.get(r.name) ?? { unique: Number(r.nonUnique) === 0, columns: [] };
    index.columns.push(`${quote(r.column)}${r.subPart ? `(${r.subPart})` : ''}`);
    indexes.set(r.name, index);
  }
  if (indexes.size === 0) return load();
  const drop = [...indexes.keys()].map((n) => (n === 'PRIMARY' ? 'DROP PRIMARY KEY' : `DROP INDEX ${quote(n)}`));
  await runner.query(`ALTER TABLE ${quote(tableName)} ${drop.join(', ')}`);
  try {
    return await load();
  } finally {
    const add = [...indexes].map(([n, i]) =>
      n === 'PRIMARY'
        ? `ADD PRIMARY KEY (${i.columns.join(', ')})`
        : `ADD ${i.unique ? 'UNIQUE ' : ''}INDEX ${quote(n)} (${i.columns.join(', ')})`,
    );
    await runner.query(`ALTER TABLE ${quote(tableName)} ${add.join(', ')}`);
  }
}

const quote = (identifier: string) => `\`${identifier.replace(/`/g, '``')}\``;

import BetterSqlite3 from 'better-sqlite3';
import { registerDecimalFunctions } from '../../src/db/sqlite-decimal';

/**
 * SQLite's exact decimal functions answer the same text MariaDB does for DECIMAL values (the
 * expected values below are what MariaDB 11 returns for the same expressions).
 */
describe('SQLite exact decimal functions', () => {
  const db = new BetterSqlite3(':memory:');
  registerDecimalFunctions(db);
  db.exec(`CREATE TABLE t (a decimal_text(18,2)); INSERT INTO t VALUES ('0.10'), ('0.20'), ('0.05'), (NULL);`);
  const one = (sql: string) => Object.values(db.prepare(sql).get() as object)[0];
  afterAll(() => db.close());

  it.each([
    ['dec_sum(a)', '0.35'],
    ['dec_avg(a)', '0.116667'],
    ['dec_min(a)', '0.05'],
    ['dec_max(a)', '0.20'],
  ])('%s over DECIMAL(18,2) is %s', (expr, expected) => {
    expect(one(`SELECT ${expr} FROM t`)).toBe(expected);
  });

  it.each([
    ["dec_add('0.10', '0.20')", '0.30'],
    ["dec_sub('0.10', '0.3')", '-0.20'],
    ["dec_mul('0.10', '0.20')", '0.0200'],
    ["dec_div('1.00', '3')", '0.333333'],
    ["dec_div('2.00', '3')", '0.666667'],
    ["dec_div('0.10', '0.03')", '3.333333'],
    ["dec_round('1.255', 2)", '1.26'],
    ["dec_round('-1.255', 2)", '-1.26'],
    ["dec_round('0.1', 2)", '0.10'],
    ["dec_round('2.5')", '3'],
    ["dec_round('1250.5', -2)", '1300'],
    ["dec_abs('-0.10')", '0.10'],
    ["dec_neg('0.10')", '-0.10'],
  ])('%s is %s', (expr, expected) => {
    expect(one(`SELECT ${expr}`)).toBe(expected);
  });

  it('keeps a sum exact where floats drift', () => {
    db.exec(`CREATE TABLE m (a decimal_text(18,2)); INSERT INTO m VALUES ('0.10'), ('0.20'), ('12345678901.23');`);
    expect(one('SELECT dec_sum(a) FROM m')).toBe('12345678901.53');
    expect(one('SELECT SUM(a) FROM m')).not.toBe('12345678901.53');
  });

  it('gives NULL for an empty set and for a division by zero', () => {
    expect(one('SELECT dec_sum(a) FROM t WHERE a IS NULL')).toBeNull();
    expect(one("SELECT dec_div('1', '0')")).toBeNull();
  });

  it('orders decimal text like numbers through dec_key', () => {
    const keys = ['-10.5', '-2', '0', '0.05', '3', '12.5', '100'].map((v) => one(`SELECT dec_key('${v}')`) as string);
    expect([...keys].sort()).toEqual(keys);
  });
});

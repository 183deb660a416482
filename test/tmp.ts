import B from 'better-sqlite3';
import { registerSqliteFunctions } from '../src/db/sqlite-functions';
const db = new B(':memory:');
registerSqliteFunctions(db);
db.exec(`CREATE TABLE t (d int, c varchar(30)); CREATE INDEX ix ON t (d, cf_key(c)); CREATE INDEX ix2 ON t(d, c);`);
const ins = db.prepare('INSERT INTO t VALUES (?, ?)');
for (let i = 0; i < 20000; i++) ins.run(i % 5, 'Code' + i);
db.exec('ANALYZE');
for (const q of [`SELECT * FROM t WHERE d IN (1,2) AND cf_key(c) = cf_key(?)`, `SELECT * FROM t WHERE d IN (1,2) AND cf_key(c) IN (cf_key(?), cf_key(?))`, `SELECT * FROM t WHERE d = 1 ORDER BY cf_key(c) LIMIT 5`, `SELECT * FROM t WHERE d IN (1,2) AND c = ?`, `SELECT * FROM (SELECT * FROM t WHERE d IN (1,2)) AS x WHERE cf_key(x.c) = cf_key(?)`])
  console.log(q, db.prepare('EXPLAIN QUERY PLAN ' + q).all(...['code7','x'].slice(0, (q.match(/\?/g) ?? []).length)).map((r: any) => r.detail));
console.log(db.prepare(`SELECT * FROM t WHERE d IN (1,2) AND cf_key(c) = cf_key(?)`).all('CODE7'));
console.log(db.pragma('trusted_schema'));

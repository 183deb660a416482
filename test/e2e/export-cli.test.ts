import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Division } from '../../src/modules/divisions/division.entity';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { runProcess } from '../support/server-process';

/**
 * `npm run export` exactly as docs/sql.md shows it: `--output <file>` writes a file that holds
 * the rows and nothing else (no npm banner, no progress), and a failed export leaves no file.
 * `npm run --silent export ... > file` is the documented alternative for stdout.
 */
jest.setTimeout(120_000);

let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await openSeededDatabase('export_cli', { divisions: 2, payments: 40 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-export-'));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const QUERY = 'select Code, Currency, Country from Divisions order by Code';

async function expectedCsv(): Promise<string[]> {
  const divisions = await t.db.dataSource.manager.find(Division, { order: { code: 'ASC' } });
  return ['Code,Currency,Country', ...divisions.map((d) => `${d.code},${d.currency},${d.country}`)];
}

const lines = (text: string) => text.split(/\r?\n/).filter((l) => l !== '');

it('npm run export -- ... --output out.csv writes exactly the rows', async () => {
  const file = path.join(dir, 'out.csv');
  const run = await runProcess('npm', ['run', 'export', '--', '--sql', QUERY, '--format', 'csv', '--output', file], {
    DATABASE_URL: t.url,
  });
  expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0, stderr: expect.stringContaining(`Exported 2 rows to ${file}`) });
  expect(lines(fs.readFileSync(file, 'utf8'))).toEqual(await expectedCsv());
  expect(fs.existsSync(`${file}.partial`)).toBe(false);
  // npm's banner went to stdout, not into the file.
  expect(run.stdout).toContain('> cashflow-gateway@');
});

it('npm run --silent export -- ... > out.csv is clean too', async () => {
  const run = await runProcess('npm', ['run', '--silent', 'export', '--', '--sql', QUERY, '--format', 'csv'], { DATABASE_URL: t.url });
  expect(run.code).toBe(0);
  expect(lines(run.stdout)).toEqual(await expectedCsv());
});

it('a failed export leaves no file behind', async () => {
  const file = path.join(dir, 'bad.csv');
  const run = await runProcess('npm', ['run', '--silent', 'export', '--', '--sql', 'select Nope from Divisions', '--output', file], {
    DATABASE_URL: t.url,
  });
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/unknown column Nope/);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('bad'))).toEqual([]);
});

import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { parseSeedCommand } from '../../src/seed/seed-options';
import { loadConfig } from '../../src/platform/config';
import { buildGatewaySchema } from '../../src/modules/schema';

/** The README stays literally true: its GraphQL is valid, its variables and commands exist. */
const ROOT = path.resolve(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('shows GraphQL that validates against the schema', () => {
    const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(validate(buildGatewaySchema(), parse(block)).map((e) => e.message)).toEqual([]);
  });

  it('lists exactly the environment variables the code reads, with their defaults', () => {
    const documented = [...README.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => m[1]);
    const read = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/\benv\.([A-Z][A-Z_]+)/g)) read.add(m[1]);
      }
    };
    walk(path.join(ROOT, 'src'));
    // DEBUG (stack traces of CLI errors) is not configuration.
    read.delete('DEBUG');
    expect([...documented].sort()).toEqual([...read].sort());
    const defaults = loadConfig({});
    const row = (name: string) => new RegExp(`^\\| \`${name}\` \\| \`?([^|\`]+)\`? \\|`, 'm').exec(README)?.[1];
    expect(row('PORT')).toBe(String(defaults.port));
    expect(row('MAX_PAGE_SIZE')).toBe(String(defaults.maxPageSize));
    expect(row('STATEMENT_TIMEOUT_MS')).toBe(String(defaults.statementTimeoutMs));
    expect(row('MAX_QUERY_DEPTH')).toBe(String(defaults.maxQueryDepth));
    expect(row('MAX_QUERY_ALIASES')).toBe(String(defaults.maxQueryAliases));
    expect(row('MAX_QUERY_COST')).toBe(String(defaults.maxQueryCost));
    expect(row('MAX_QUERY_TOKENS')).toBe(String(defaults.maxQueryTokens));
    expect(row('MAX_QUERY_FIELDS')).toBe(String(defaults.maxQueryFields));
    expect(row('MAX_QUERY_DIRECTIVES')).toBe(String(defaults.maxQueryDirectives));
    expect(row('SQL_MAX_ROWS')).toBe(String(defaults.sqlMaxRows));
    expect(row('EXPORT_MAX_ROWS')).toBe(String(defaults.exportMaxRows));
    expect(row('EXPORT_TIMEOUT_MS')).toBe(String(defaults.exportTimeoutMs));
    expect(row('LOG_LEVEL')).toBe(defaults.logLevel);
    expect(row('LOG_SQL')).toBe(String(defaults.logSql));
    expect(row('METRICS_PORT')).toBe(defaults.metricsPort === undefined ? 'unset' : String(defaults.metricsPort));
  });

  it('shows seed commands the seed accepts', () => {
    const commands = [...README.matchAll(/npm run seed -- ([^\n`]+)/g)].map((m) => m[1].trim().split(/\s+/));
    expect(commands.length).toBeGreaterThan(0);
    for (const args of commands) expect(() => parseSeedCommand(args)).not.toThrow();
  });

  it('lays out folders and files that exist, and every folder of src', () => {
    const block = /## Source layout[\s\S]*?```\n([\s\S]*?)```/.exec(README)![1];
    // First word of each entry (continuation lines are indented); `<domain>` stands for each.
    const named = block
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(/\s+/)[0].replace('<domain>/', ''));
    for (const p of named) expect({ path: p, exists: fs.existsSync(path.join(ROOT, p)) }).toEqual({ path: p, exists: true });
    const folders = fs
      .readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `src/${e.name}/`);
    expect(folders.filter((f) => !named.includes(f))).toEqual([]);
  });

  it('names npm scripts that exist', () => {
    const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts);
    for (const m of README.matchAll(/npm run ([a-z:]+)/g)) expect(scripts).toContain(m[1]);
  });
});

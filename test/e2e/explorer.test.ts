import fs from 'node:fs';
import path from 'node:path';
import { RURU_STATIC_DIR } from '../../src/http/explorer';
import { openTestDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';

/**
 * The GraphiQL explorer (ruru) is served by the gateway itself: users here have no internet, so
 * neither the page nor anything it loads may come from another host.
 */
let t: TestDatabase;
let gw: TestGateway;
let html: string;

beforeAll(async () => {
  t = await openTestDatabase('explorer');
  gw = await startTestGateway(t.db);
  const res = await fetch(`${gw.baseUrl}/explore`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  html = await res.text();
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** Paths the page loads: src/href attributes and the Monaco workers its script starts. */
function referencedPaths(page: string): string[] {
  const attributes = [...page.matchAll(/\b(?:src|href)\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
  const staticPath = /"staticPath":\s*"([^"]+)"/.exec(page)?.[1] ?? '';
  const workers = [...page.matchAll(/worker\("([^"]+)"\)/g)].map((m) => staticPath + m[1]);
  return [...attributes, ...workers];
}

describe('/explore', () => {
  it("is a GraphiQL page on this server pointing at this server's /graphql", () => {
    expect(html).toContain('"endpoint": "/graphql"');
    expect(html).toContain('ruru-root');
  });

  it('names no other host: no absolute or protocol-relative URL at all', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*"\/\//i);
    for (const p of referencedPaths(html)) expect(p).toMatch(/^\/explore\/static\//);
  });

  it('serves every script, stylesheet and worker the page loads', async () => {
    const paths = referencedPaths(html);
    expect(paths.length).toBeGreaterThanOrEqual(5);
    for (const p of paths) {
      const res = await fetch(`${gw.baseUrl}${p}`);
      expect({ path: p, status: res.status }).toEqual({ path: p, status: 200 });
      expect(res.headers.get('content-type')).toMatch(p.endsWith('.css') ? /text\/css/ : /javascript/);
      await res.arrayBuffer();
    }
  });

  it('serves every chunk, font and stylesheet of the bundle, which import nothing from elsewhere', async () => {
    const dir = RURU_STATIC_DIR;
    const files = fs.readdirSync(dir).filter((f) => /\.(js|css|ttf|woff2?)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const res = await fetch(`${gw.baseUrl}/explore/static/${f}`);
      expect({ file: f, status: res.status }).toEqual({ file: f, status: 200 });
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(fs.readFileSync(path.join(dir, f)))).toBe(true);
      if (f.endsWith('.js'))
        expect(body.toString('utf8')).not.toMatch(/\bimport\s*\(\s*["'`]https?:|\bfrom\s*["'`]https?:|importScripts\(\s*["'`]https?:/);
      if (f.endsWith('.css'))
        expect(body.toString('utf8')).not.toMatch(/url\(\s*["']?(https?:)?\/\/|@import\s+(url\()?["']?(https?:)?\/\//);
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allDivisionCodes } from '../../src/access/authenticate';
import { SCOPES } from '../../src/access/principal';
import { MAX_HTTP_FILE_BYTES } from '../../src/modules/statement-import/import-files';
import { openSeededDatabase, TestDatabase } from '../support/database';
import { startTestGateway, TestGateway } from '../support/gateway';
import { runCli } from '../support/server-process';
import { importedRows } from '../support/statement-import';
import { camtFile, codaFile } from '../support/statement-files';
import { ownBankAccount } from '../support/statements';

/**
 * The ways in to the statement import, over real HTTP and a real process: POST /statements with
 * the file as the body and as multipart/form-data, importBankStatements with text and base64
 * content, `npm run import -- statements FILE...`, and the scope statements:import on each.
 */
let t: TestDatabase;
let gw: TestGateway;
let D: number;
let journals = 0;

beforeAll(async () => {
  t = await openSeededDatabase('statement_import_surfaces', { divisions: 2, payments: 30 });
  gw = await startTestGateway(t.db);
  [D] = await allDivisionCodes(t.db);
});
afterAll(async () => {
  await gw?.close();
  await t?.close();
});

/** A fresh own account of D and a balanced one-statement CODA file for it (ISO-8859-1 text in the holder's name). */
async function codaFor(number = '001', opening = '0.00') {
  const { iban } = await ownBankAccount(t.db, D, `SU${++journals}`);
  const text = codaFile({
    statements: [{ iban, number, opening, date: '2026-03-02', holderName: 'Crèmerie SA', movements: [{ amount: '12.34' }] }],
  });
  return { iban, bytes: Buffer.from(text, 'latin1') };
}

const IMPORT = `mutation($files: [StatementFileUpload!]!, $acceptGap: Boolean) {
  importBankStatements(files: $files, acceptGap: $acceptGap) {
    created alreadyImported refusedFiles
    files { fileName format fileHash outcome knownFile
      statements { statement account divisionCode statementNumber statementDate openingBalance closingBalance lineCount outcome entryID }
      problems { code rule statement line message } }
  }
}`;

describe('POST /statements', () => {
  it('imports a file sent as the body, and the same body again stores nothing', async () => {
    const { iban, bytes } = await codaFor();
    const post = () =>
      gw.request('/statements?fileName=march.cod', {
        method: 'POST',
        body: bytes,
        headers: { 'content-type': 'application/octet-stream' },
      });
    const res = await post();
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.files[0]).toMatchObject({ fileName: 'march.cod', format: 'coda', outcome: 'IMPORTED' });
    // 0.00 + 12.34
    expect(body.files[0].statements[0]).toMatchObject({ account: iban, divisionCode: D, closingBalance: '12.34', lineCount: 1 });
    const again = await (await post()).json();
    expect(again).toMatchObject({ created: 0, alreadyImported: 1, refusedFiles: 0 });
  });

  it('imports several files sent as multipart/form-data, each all or nothing', async () => {
    const good = await codaFor();
    const broken = camtFile([{ iban: good.iban, opening: '1.00', closing: '5.00', entries: [{ amount: '1.00' }] }]);
    const form = new FormData();
    form.append('file', new Blob([good.bytes]), 'good.cod');
    form.append('file', new Blob([broken]), 'broken.xml');
    const before = await importedRows(t.db);
    const res = await gw.request('/statements', { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.files.map((f: { fileName: string; outcome: string }) => [f.fileName, f.outcome])).toEqual([
      ['good.cod', 'IMPORTED'],
      ['broken.xml', 'REFUSED'],
    ]);
    expect(body.files[1].problems[0]).toMatchObject({ rule: 'UNBALANCED', statement: 1 });
    // the good file's entry, its line and its document; nothing of the broken one
    expect(await importedRows(t.db)).toEqual([before[0] + 1, before[1] + 1, before[2] + 1]);
  });

  it('answers JSON errors: no scope, an empty body, a text field, a bad parameter, a body over the limit', async () => {
    const { bytes } = await codaFor();
    const reader = await gw.headersFor({ scopes: SCOPES.filter((s) => s !== 'statements:import') });
    const cases: [Response, number, string, string][] = [];
    const send = async (p: string, init: RequestInit & { headers?: Record<string, string> }) => gw.request(p, { method: 'POST', ...init });
    cases.push([await send('/statements', { body: bytes, headers: reader }), 403, 'FORBIDDEN', 'statements:import']);
    cases.push([await send('/statements', { body: '' }), 400, 'BAD_USER_INPUT', 'files[0].content']);
    const form = new FormData();
    form.append('acceptGap', 'true');
    cases.push([await send('/statements', { body: form }), 400, 'BAD_USER_INPUT', 'acceptGap']);
    cases.push([await send('/statements?format=pdf', { body: bytes }), 400, 'BAD_USER_INPUT', 'format']);
    cases.push([await send('/statements?accept=1', { body: bytes }), 400, 'BAD_USER_INPUT', 'accept']);
    const huge = Buffer.alloc(MAX_HTTP_FILE_BYTES + 1, 0x20);
    cases.push([await send('/statements', { body: huge }), 413, 'PAYLOAD_TOO_LARGE', String(MAX_HTTP_FILE_BYTES)]);
    for (const [res, status, code, named] of cases) {
      const body = (await res.json()) as any;
      expect({ status: res.status, code: body.errors[0].extensions.code }).toEqual({ status, code });
      expect(body.errors[0].message).toContain(named);
    }
    const get = await gw.request('/statements');
    expect(get.status).toBe(405);
  });
});

describe('importBankStatements', () => {
  it('imports text and base64 content, refuses what is refused in the summary, and needs statements:import', async () => {
    const a = await codaFor();
    const b = await codaFor();
    const res = await gw.gql(IMPORT, {
      files: [
        { fileName: 'a.cod', content: a.bytes.toString('latin1'), encoding: 'TEXT', format: 'CODA' },
        { fileName: 'b.cod', content: b.bytes.toString('base64'), encoding: 'BASE64' },
      ],
    });
    expect(res.errors).toBeUndefined();
    const summary = res.data.importBankStatements;
    expect(summary).toMatchObject({ created: 2, refusedFiles: 0 });
    expect(summary.files.map((f: { format: string; outcome: string }) => [f.format, f.outcome])).toEqual([
      ['CODA', 'IMPORTED'],
      ['CODA', 'IMPORTED'],
    ]);
    const bad = await gw.gql(IMPORT, { files: [{ content: '%%%', encoding: 'BASE64' }] });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'files[0].content' } });
    const asReader = await gw.as({ scopes: ['statements:read'] });
    const refused = await asReader(IMPORT, { files: [{ content: a.bytes.toString('latin1') }] });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toContain('statements:import');
  });
});

describe('npm run import -- statements', () => {
  it('imports files with a summary, and exits 1 when a file was refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgt-import-'));
    try {
      const good = await codaFor();
      const goodFile = path.join(dir, 'good.cod');
      fs.writeFileSync(goodFile, good.bytes);
      const ok = await runCli(['import', 'statements', goodFile], { DATABASE_URL: t.url });
      // One read checks and stores the file; the bar follows its bytes.
      expect(ok.stderr).toContain('Checking and storing good.cod');
      expect(ok.stderr).toMatch(/KiB \d+\/\d+/);
      expect({ code: ok.code, out: ok.stdout }).toEqual({ code: 0, out: expect.stringContaining('good.cod (coda') });
      expect(ok.stdout).toContain('1 statements imported, 0 already imported, 0 files refused');
      // The command reconciles the new line as the server would after an import (nothing here for it to match).
      expect(ok.stdout).toContain('1 lines reconciled: 0 matched automatically');
      const brokenFile = path.join(dir, 'broken.cod');
      fs.writeFileSync(
        brokenFile,
        codaFile({ statements: [{ iban: good.iban, opening: '0', movements: [{ amount: '1' }] }], trailer: { count: 1 } }),
      );
      const refused = await runCli(['import', 'statements', goodFile, brokenFile], { DATABASE_URL: t.url });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/good\.cod .*: ALREADY_IMPORTED/);
      expect(refused.stdout).toMatch(/REFUSED BAD_USER_INPUT RECORD9_COUNT \(line \d+\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Two processes: generous on the shared CI box (not a timing assertion).
  }, 600_000);
});

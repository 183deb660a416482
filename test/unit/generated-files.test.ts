import fs from 'node:fs';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { printGatewaySchema, SCHEMA_FILE } from '../../src/modules/schema';

/**
 * Generated files are committed (reviewers see what a change does to the API); these tests fail
 * when one of them no longer matches what the code would generate. Fix: `npm run generate`.
 */
const ROOT = path.resolve(__dirname, '..', '..');

describe('generated files', () => {
  it('schema/schema.graphql is what the code emits (run `npm run schema`)', () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(printGatewaySchema());
  });

  it('test/generated/graphql.ts is what codegen.yml generates (run `npm run codegen`)', async () => {
    const { config } = (await loadCodegenConfig({ configFilePath: path.join(ROOT, 'codegen.yml') }))!;
    const outputs = await generate({ ...config, cwd: ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const file = path.resolve(ROOT, output.filename);
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.readFileSync(file, 'utf8')).toBe(output.content);
    }
  });
});

import path from 'node:path';
import { checkLayers, checkProject, findCycles, formatLayerViolation, layerOf } from './layer-checker';

describe('architecture: imports point down the layers and close no circle', () => {
  it('finds no upward import in src/ and no circle between the domains of modules/', () => {
    const { violations, cycles } = checkProject(path.resolve(__dirname, '..', '..'));
    expect(violations.map(formatLayerViolation)).toEqual([]);
    expect(cycles).toEqual([]);
  });
});

describe('the layer checker itself', () => {
  // Each import below existed before the layout of issue 10; the checker must refuse every one.
  const resolve = (file: string) => (spec: string) => path.posix.join(path.posix.dirname(file), spec) + '.ts';
  const upward: [string, string][] = [
    ['src/db/entities.ts', "import { Account } from '../modules/accounts/account.entity';"],
    ['src/db/seed/seed.ts', "import { Payment } from '../../modules/payments/payment.entity';"],
    ['src/db/data-source.ts', "import { ApiKeyRecord } from '../access/api-key.entity';"],
    ['src/access/authenticate.ts', "import { Division } from '../modules/divisions/division.entity';"],
    ['src/query/list-query-builder.ts', "import { Page } from '../graphql/connection';"],
    ['src/platform/config.ts', "export { x } from '../http/server';"],
    ['src/catalog/index.ts', "const m = require('../sql/parse');"],
    ['src/formats/epc-qr.ts', "const m = import('../db/dialect');"],
  ];
  it.each(upward)('refuses %s: %s', (file, code) => {
    const found = checkLayers(file, code, resolve(file));
    expect(found).toHaveLength(1);
    expect(formatLayerViolation(found[0])).toMatch(/may not import .* \(a layer above it\)/);
  });

  it('accepts imports of the same layer and of layers below', () => {
    const file = 'src/modules/payments/payment.service.ts';
    const code = [
      "import { x } from './payment.rules';",
      "import { y } from '../open-items/amount-to-pay';",
      "import { z } from '../../query/list-inputs';",
      "import { w } from '../../platform/errors';",
    ].join('\n');
    expect(checkLayers(file, code, resolve(file))).toEqual([]);
  });

  it('places main.ts above every layer and knows no layer outside src/', () => {
    expect(layerOf('src/main.ts')).toBe(-1);
    expect(layerOf('test/support/gateway.ts')).toBeUndefined();
    expect(checkLayers('src/main.ts', "import './cli/main';", resolve('src/main.ts'))).toEqual([]);
  });

  it('finds the circles that payments, batches and idempotency used to close', () => {
    const edges = new Map([
      ['payments', new Set(['batches', 'idempotency'])],
      ['batches', new Set(['payments', 'idempotency'])],
      ['idempotency', new Set(['payments'])],
      ['matching', new Set(['payments'])],
    ]);
    const cycles = findCycles(edges).map((c) => [...new Set(c)].sort().join(','));
    expect(cycles).toEqual(expect.arrayContaining(['batches,payments', 'idempotency,payments']));
    expect(findCycles(new Map([['matching', new Set(['payments'])]]))).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { buildGatewaySchema } from '../../../src/modules/schema';

/**
 * Every GraphQL example of docs/reconciliation.md is valid against the schema (the doc cannot
 * rot); test/unit/docs/examples.test.ts also runs them against the demo data, in order
 * (Reconcile, ProcessingList, Ignore of its first line, UndoIgnore of that action, Status).
 */
const DOC = path.resolve(__dirname, '../../../docs/reconciliation.md');
const blocks = [...fs.readFileSync(DOC, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/reconciliation.md', () => {
  it('has GraphQL examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b, i) => [i + 1, b]))('example %i validates against the schema', (_i, source) => {
    const errors = validate(buildGatewaySchema(), parse(source as string));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});

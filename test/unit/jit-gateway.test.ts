import { getOperationAST, parse } from 'graphql';
import { hasRecursiveVariable } from '../../src/graphql/jit-gateway';
import { buildGatewaySchema } from '../../src/modules/schema';

/**
 * graphql-jit never finishes compiling the parsing of a variable whose input type contains
 * itself (it runs out of memory): such operations must be left to graphql-js.
 */
describe('jit gateway: operations left to graphql-js', () => {
  const schema = buildGatewaySchema();
  const recursive = (query: string) => hasRecursiveVariable(schema, getOperationAST(parse(query))!);

  it('spots variables of a recursive input type, also inside lists', () => {
    expect(recursive(`query($w: PaymentWhere) { payments(where: $w) { nodes { id } } }`)).toBe(true);
    expect(recursive(`query($w: [PaymentWhere!]) { payments(where: { and: $w }) { nodes { id } } }`)).toBe(true);
  });

  it('compiles operations whose variables are scalars, enums or plain input objects', () => {
    expect(
      recursive(
        `query($d: [Int!], $from: DateTime!, $to: DateTime!) { payments(divisions: $d, where: { dueDate: { between: { from: $from, to: $to } } }) { nodes { id } } }`,
      ),
    ).toBe(false);
    expect(recursive(`query($o: [PaymentOrderBy!]) { payments(orderBy: $o) { nodes { id } } }`)).toBe(false);
    // A recursive type written as a literal is compiled from the document, not parsed at run time.
    expect(recursive(`{ payments(where: { or: [{ status: { eq: OPEN } }] }) { nodes { id } } }`)).toBe(false);
  });
});

import { testRuntime } from './gateway';
import { execute, ExecutionResult, parse } from 'graphql';
import { Principal, Scope, SCOPES } from '../../src/access/principal';
import { loadConfig } from '../../src/platform/config';
import { createContext } from '../../src/context/request-context';
import { Database } from '../../src/db/data-source';
import { buildGatewaySchema } from '../../src/modules/schema';

/**
 * Runs a GraphQL operation in-process (no HTTP) as a principal granted `divisions`, through the
 * same schema and request context the server builds. For tests that send thousands of queries.
 */
export async function executeAs(
  db: Database,
  caller: { divisions: readonly number[]; scopes?: readonly Scope[]; userId?: string },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<ExecutionResult<any>> {
  const principal: Principal = {
    id: 'test:in-process',
    userId: caller.userId ?? '00000000-0000-4000-8000-000000000001',
    name: 'in-process test caller',
    divisions: [...caller.divisions],
    scopes: new Set(caller.scopes ?? SCOPES),
  };
  const ctx = createContext(
    db,
    testRuntime(config),
    principal,
    [...caller.divisions].sort((a, b) => a - b),
  );
  return execute({ schema: buildGatewaySchema(), document: parse(query), variableValues: variables, contextValue: ctx });
}

const config = { ...loadConfig({ ...process.env }), port: 0 };

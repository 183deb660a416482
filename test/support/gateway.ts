import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/data-source';
import { createGateway, Gateway } from '../../src/server';

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: unknown[] }[];
  /** SQL statements the request ran (from the x-sql-statements header). */
  statements: number;
  headers: Headers;
}

export interface TestGateway {
  gateway: Gateway;
  url: string;
  /** POSTs a GraphQL request over real HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/** Starts the real HTTP gateway on a free port over `db`. */
export async function startTestGateway(db: Database, env: Record<string, string> = {}): Promise<TestGateway> {
  const config = { ...loadConfig({ ...process.env, ...env }), port: 0, host: '127.0.0.1' };
  const gateway = await createGateway(db, config);
  const url = `${gateway.url.replace('localhost', '127.0.0.1')}/graphql`;
  return {
    gateway,
    url,
    async gql(query, variables, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any };
      return { status: res.status, data: body.data, errors: body.errors, statements: Number(res.headers.get('x-sql-statements') ?? NaN), headers: res.headers };
    },
    close: () => gateway.stop(),
  };
}

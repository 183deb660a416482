import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createApiKey } from '../../src/access/api-keys';
import { Scope, SCOPES } from '../../src/access/principal';
import { loadConfig } from '../../src/platform/config';
import { Database } from '../../src/db/data-source';
import { createGateway, Gateway } from '../../src/http/server';
import { createLogger, Logger } from '../../src/platform/logger';
import { createRuntime, Runtime } from '../../src/platform/runtime';

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: unknown[] }[];
  /** SQL statements the request ran (from the x-sql-statements header). */
  statements: number;
  headers: Headers;
}

/**
 * POSTs a GraphQL request over real HTTP: a typed document from test/generated/graphql.ts
 * (result and variables typed; see test/operations and codegen.yml) or a query string.
 */
export interface Gql {
  <T, V extends Record<string, unknown>>(
    document: TypedDocumentNode<T, V>,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  <T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
}
type Document = string | TypedDocumentNode<any, any>;

/** Who a test calls as: divisions granted ('all' by default) and scopes (all by default). */
export interface TestCaller {
  divisions?: readonly number[] | 'all';
  scopes?: readonly Scope[];
  name?: string;
}

/** Headers that send no credentials at all (an empty header value is dropped, not sent). */
export const NO_CREDENTIALS: Record<string, string> = { 'x-api-key': '' };

export interface TestGateway {
  gateway: Gateway;
  /** URL of /graphql. */
  url: string;
  /** Base URL of the server (for /sql, /export, downloads). */
  baseUrl: string;
  /** The API key `gql` and `request` send by default: all divisions, all scopes. */
  adminKey: string;
  /** Headers carrying the default credential. */
  authHeaders: Record<string, string>;
  /**
   * POSTs a GraphQL request over real HTTP with the default credential. Passing an
   * `authorization` or `x-api-key` header replaces it (NO_CREDENTIALS sends none).
   */
  gql: Gql;
  /** A fresh API key for `caller`, as headers to pass to gql/request. */
  headersFor(caller: TestCaller): Promise<Record<string, string>>;
  /** A gql function calling as `caller` (a fresh API key). */
  as(caller: TestCaller): Promise<Gql>;
  /** URL of /metrics on the metrics listener, when started with `metrics: true`. */
  metricsUrl?: string;
  /** fetch() on a path of the server with the default credential (other headers merged). */
  request(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the real HTTP gateway on a free port over `db`, with an all-powerful test API key.
 * `options.logger` receives the gateway's log (see captureLog; by default it logs nothing unless
 * LOG_LEVEL asks for it); `options.metrics` starts the metrics listener on another free port;
 * `options.setup` prepares the runtime as a composition root would (registerExactWriteBack, ...).
 */
export async function startTestGateway(
  db: Database,
  env: Record<string, string> = {},
  options: { logger?: Logger; metrics?: boolean; setup?: (runtime: Runtime) => void } = {},
): Promise<TestGateway> {
  // Tests read the statements of every request (x-sql-statements).
  const config = {
    ...loadConfig({ COUNT_STATEMENTS: 'true', ...process.env, ...env }),
    port: 0,
    host: '127.0.0.1',
    metricsPort: options.metrics ? 0 : undefined,
  };
  const runtime = testRuntime(config, options.logger);
  options.setup?.(runtime);
  const gateway = await createGateway(db, runtime);
  const baseUrl = gateway.url.replace('localhost', '127.0.0.1');
  const url = `${baseUrl}/graphql`;
  const newKey = async (caller: TestCaller) =>
    (
      await createApiKey(db, {
        name: caller.name ?? 'test',
        divisions: caller.divisions ?? 'all',
        scopes: caller.scopes ?? SCOPES,
        createdBy: 'test',
      })
    ).secret;
  const adminKey = await newKey({ name: 'test admin' });
  const authHeaders = { 'x-api-key': adminKey };
  const withAuth = (headers: Record<string, string> = {}) => {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const own = 'authorization' in lower || 'x-api-key' in lower;
    const merged: Record<string, string> = { ...(own ? {} : authHeaders), ...lower };
    return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== ''));
  };
  const gql: Gql = async (document: Document, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const query = typeof document === 'string' ? document : print(document);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...withAuth(headers) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: any };
    return {
      status: res.status,
      data: body.data,
      errors: body.errors,
      statements: Number(res.headers.get('x-sql-statements') ?? NaN),
      headers: res.headers,
    };
  };
  const headersFor = async (caller: TestCaller) => ({ 'x-api-key': await newKey(caller) });
  return {
    gateway,
    url,
    baseUrl,
    adminKey,
    authHeaders,
    gql,
    headersFor,
    async as(caller) {
      const h = await headersFor(caller);
      return ((document: Document, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
        gql(document as string, variables, { ...h, ...headers })) as Gql;
    },
    metricsUrl: gateway.metricsUrl?.replace('localhost', '127.0.0.1'),
    request: (path, init = {}) => fetch(`${baseUrl}${path}`, { ...init, headers: withAuth(init.headers) }),
    close: () => gateway.stop(),
  };
}

/** A runtime for tests: logs to `logger`, by default nothing unless LOG_LEVEL asks for it. */
export function testRuntime(config = loadConfig({ ...process.env }), logger?: Logger): Runtime {
  return createRuntime(config, { logger: logger ?? createLogger(process.env.LOG_LEVEL ?? 'silent') });
}

/** A logger whose JSON lines a test reads back: what the gateway logged, one object per line. */
export function captureLog(level = 'trace'): { logger: Logger; lines(): Record<string, any>[]; text(): string } {
  const chunks: string[] = [];
  const logger = createLogger(level, { write: (chunk: string) => void chunks.push(chunk) });
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, any>),
  };
}

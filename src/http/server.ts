import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { authenticated, requestContextOf } from './auth';
import { Runtime } from '../platform/runtime';
import { lockConflictError } from '../platform/retry';
import { RequestContext } from '../context/request-context';
import { analyticsRoutes } from './analytics-routes';
import { Database } from '../db/data-source';
import { explorerRouter } from './explorer';
import { bankFileRoutes } from './bank-file-routes';
import { asLimitError, documentSizeRule, DocumentLimits, parseOptionsFor, queryProtectionPlugin } from '../graphql/protection';
import { buildGatewaySchema } from '../modules/schema';
import { jitGateway } from '../graphql/jit-gateway';

export interface Gateway {
  app: express.Express;
  apollo: ApolloServer<RequestContext>;
  httpServer: http.Server;
  runtime: Runtime;
  url: string;
  stop(): Promise<void>;
}

/** Adds the number of SQL statements the operation ran as a response header (tests, benchmark). */
function statementCountPlugin(db: Database): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      // Authentication and division lookups happen before execution; count what the query costs.
      let before = 0;
      return {
        async executionDidStart() {
          before = db.statements.current();
        },
        async willSendResponse({ response }) {
          response.http.headers.set('x-sql-statements', String(db.statements.current() - before));
        },
      };
    },
  };
}

/**
 * Internal errors are logged and answered without their details; limits answer as limits, lock
 * conflicts as CONFLICT (retryable).
 */
export function formatError(given: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const formatted = asLimitError(given, error);
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    // A lock conflict outside a retried transaction (another process writing) is no fault.
    const conflict = lockConflictError(original);
    if (conflict) return { message: conflict.message, locations: formatted.locations, path: formatted.path, extensions: conflict.extensions };
    console.error('[internal error]', original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

/**
 * The gateway's HTTP server on `runtime.config`'s host and port: /graphql, /explore, /health and
 * the REST routes, over `db`. The caller (the composition root) owns the database and the runtime.
 */
export async function createGateway(db: Database, runtime: Runtime): Promise<Gateway> {
  const { config } = runtime;
  const app = express();
  const httpServer = http.createServer(app);
  const documentLimits: DocumentLimits = {
    maxTokens: config.maxQueryTokens,
    maxFields: config.maxQueryFields,
    maxDirectives: config.maxQueryDirectives,
  };
  const apollo = new ApolloServer<RequestContext>({
    // Apollo's one way to swap the executor; Apollo still parses, validates and runs the plugins.
    gateway: jitGateway(buildGatewaySchema()),
    // Credentials travel in headers (API key, bearer token), never cookies, so a cross-site
    // form cannot act for a user: Apollo's CSRF guard would only block plain GET clients.
    csrfPrevention: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The composition root (cli/start.ts) stops the gateway on SIGINT/SIGTERM and then cleans up
    // (revokes its demo key, closes the database); Apollo's own handlers would re-raise the
    // signal and end the process before that.
    stopOnTerminationSignals: false,
    formatError,
    // The size of a document bounds all work before execution: the parser stops at the token
    // limit, and documentSizeRule refuses a document whose fragments expand too far before the
    // other validation rules, the protection plugin, graphql-jit or the planners walk it.
    parseOptions: parseOptionsFor(documentLimits),
    validationRules: [documentSizeRule(documentLimits)],
    plugins: [
      // The default cache-control plugin hooks willResolveField, which makes Apollo wrap every
      // field resolver of the schema; nothing here sets cache hints, so it is pure overhead.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.countStatements ? [statementCountPlugin(db)] : []),
      queryProtectionPlugin({ maxDepth: config.maxQueryDepth, maxAliases: config.maxQueryAliases, maxCost: config.maxQueryCost, defaultPageSize: 50 }),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // An ETag hashes every response body; GraphQL POSTs and exports are never revalidated by it.
  app.set('etag', false);
  // With COUNT_STATEMENTS, every request counts its own SQL statements (x-sql-statements).
  if (config.countStatements) app.use((_req: Request, _res: Response, next: NextFunction) => db.statements.run(() => next()));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', database: db.dialect.kind });
  });
  app.use('/explore', explorerRouter({ mountPath: '/explore', endpoint: '/graphql' }));
  app.use(analyticsRoutes(db, runtime));
  app.use(
    '/graphql',
    authenticated(db, runtime),
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => requestContextOf(res),
    }),
  );

  app.use(bankFileRoutes(db, runtime));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    apollo,
    httpServer,
    runtime,
    url: `http://localhost:${port}`,
    async stop() {
      await apollo.stop();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

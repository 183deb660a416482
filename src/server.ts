import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { authenticated, requestContextOf } from './access/http-auth';
import { Config } from './config';
import { RequestContext } from './context/request-context';
import { analyticsRoutes } from './http/analytics-routes';
import { Database } from './db/data-source';
import { isStatementCancelled } from './db/statement-context';
import { explorerRouter } from './explorer';
import { bankFileRoutes } from './modules/batches/bank-file.http';
import { queryProtectionPlugin } from './query/protection';
import { buildGatewaySchema } from './schema';
import { jitGateway } from './jit-gateway';

export interface Gateway {
  app: express.Express;
  apollo: ApolloServer<RequestContext>;
  httpServer: http.Server;
  url: string;
  /**
   * Stops accepting connections, gives requests in flight `graceMs` (default 2000) to finish,
   * then closes every connection left, which cancels the statements of their requests (exports,
   * heavy reads: see access/http-auth.ts), and stops Apollo. Resolves once all are closed.
   */
  stop(graceMs?: number): Promise<void>;
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

/** Internal errors are logged and answered without their details. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    // A statement cancelled because its client hung up: nobody reads this answer, nothing failed.
    if (!isStatementCancelled(original)) console.error('[internal error]', original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

export async function createGateway(db: Database, config: Config): Promise<Gateway> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    // Apollo's one way to swap the executor; Apollo still parses, validates and runs the plugins.
    gateway: jitGateway(buildGatewaySchema()),
    // Credentials travel in headers (API key, bearer token), never cookies, so a cross-site
    // form cannot act for a user: Apollo's CSRF guard would only block plain GET clients.
    csrfPrevention: false,
    // The command line stops the gateway on SIGINT/SIGTERM (main.ts): Apollo's own handlers would
    // stop it half-way and then re-raise the signal, killing the process before the database closes.
    stopOnTerminationSignals: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
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
  app.use(analyticsRoutes(db, config));
  app.use(
    '/graphql',
    authenticated(db, config),
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => requestContextOf(res),
    }),
  );

  app.use(bankFileRoutes(db, config));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    apollo,
    httpServer,
    url: `http://localhost:${port}`,
    async stop(graceMs = 2000) {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      // An export may stream for minutes: its connection is cut, which aborts its statement.
      httpServer.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

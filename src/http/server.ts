import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { authenticated, requestContextOf } from './auth';
import { allowMethods, answerClientError, errorHandler, jsonBodyOnly, notFoundHandler } from './errors';
import { graphqlObservation, observeRequests, requestIdInApolloErrors, routeLabel } from './observability';
import { startMetricsServer } from './metrics-server';
import { poolUsage } from '../db/pool';
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
import { inMutationTransaction } from '../graphql/mutation-transaction';

export interface Gateway {
  app: express.Express;
  apollo: ApolloServer<RequestContext>;
  httpServer: http.Server;
  runtime: Runtime;
  url: string;
  /** URL of the Prometheus endpoint when METRICS_PORT is set. */
  metricsUrl?: string;
  /**
   * Stops accepting connections, gives requests in flight `graceMs` (default 2000) to finish,
   * then closes every connection left, which cancels the statements of their requests (exports,
   * heavy reads: see auth.ts), and stops Apollo. Resolves once all are closed.
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

/**
 * Internal errors are answered without their details (the observation plugin logged them, with
 * the request id the client also gets in `extensions.requestId`); limits answer as limits, lock
 * conflicts as CONFLICT (retryable).
 */
export function formatError(given: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const formatted = asLimitError(given, error);
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    // A lock conflict outside a retried transaction (another process writing) is no fault.
    const conflict = lockConflictError(error instanceof GraphQLError ? (error.originalError ?? error) : error);
    const at = { locations: formatted.locations, path: formatted.path };
    if (conflict) return { message: conflict.message, ...at, extensions: conflict.extensions };
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return formatted;
}

/**
 * The gateway's HTTP server on `runtime.config`'s host and port: /graphql, /explore, /health and
 * the REST routes, over `db`, and the Prometheus listener on METRICS_PORT when set. Every request
 * gets a request id, a log line and metrics (observability.ts); every error is JSON (errors.ts).
 * The caller (the composition root) owns the database and the runtime.
 */
export async function createGateway(db: Database, runtime: Runtime): Promise<Gateway> {
  const { config, metrics } = runtime;
  const app = express();
  const httpServer = http.createServer(app);
  // Requests Node's parser refuses never reach express: answer them JSON too.
  httpServer.on('clientError', answerClientError);
  const graphql = graphqlObservation(runtime.logger);
  const documentLimits: DocumentLimits = {
    maxTokens: config.maxQueryTokens,
    maxFields: config.maxQueryFields,
    maxDirectives: config.maxQueryDirectives,
  };
  const schema = buildGatewaySchema();
  const apollo = new ApolloServer<RequestContext>({
    // Apollo's one way to swap the executor; Apollo still parses, validates and runs the plugins.
    // A mutation operation runs in one transaction, answer included (graphql/mutation-transaction.ts).
    gateway: jitGateway(schema, { around: (operation, context, run) => inMutationTransaction(schema, operation, context, run) }),
    // Credentials travel in headers (API key, bearer token), never cookies, so a cross-site
    // form cannot act for a user: Apollo's CSRF guard would only block plain GET clients.
    csrfPrevention: false,
    // The command line stops the gateway on SIGINT/SIGTERM (cli/start.ts): Apollo's own handlers
    // would stop it half-way and then re-raise the signal, killing the process before the
    // database closes (and before the demo key is revoked).
    stopOnTerminationSignals: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Apollo's own warnings and errors go to the gateway's log, not to the console.
    logger: runtime.logger.child({ component: 'apollo' }),
    // The size of a document bounds all work before execution: the parser stops at the token
    // limit, and documentSizeRule refuses a document whose fragments expand too far before the
    // other validation rules, the protection plugin, graphql-jit or the planners walk it.
    parseOptions: parseOptionsFor(documentLimits),
    validationRules: [documentSizeRule(documentLimits)],
    plugins: [
      // The default cache-control plugin hooks willResolveField, which makes Apollo wrap every
      // field resolver of the schema; nothing here sets cache hints, so it is pure overhead.
      ApolloServerPluginCacheControlDisabled(),
      graphql.plugin,
      ...(config.countStatements ? [statementCountPlugin(db)] : []),
      queryProtectionPlugin({
        maxDepth: config.maxQueryDepth,
        maxAliases: config.maxQueryAliases,
        maxCost: config.maxQueryCost,
        defaultPageSize: 50,
      }),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // An ETag hashes every response body; GraphQL POSTs and exports are never revalidated by it.
  app.set('etag', false);
  app.use(observeRequests(runtime));
  // With COUNT_STATEMENTS, every request counts its own SQL statements (x-sql-statements); with
  // LOG_SQL, its SQL lines carry its request id. Both need AsyncLocalStorage, so only then.
  if (config.countStatements || config.logSql) {
    app.use((_req: Request, res: Response, next: NextFunction) => db.statements.run(() => next(), res.locals.request?.log));
  }
  app
    .route('/health')
    .get((_req, res) => {
      res.json({ status: 'ok', database: db.dialect.kind });
    })
    .all(allowMethods('GET', 'HEAD'));
  app.use('/explore', routeLabel('/explore'), explorerRouter({ mountPath: '/explore', endpoint: '/graphql' }));
  app.use(analyticsRoutes(db, runtime));
  app.use(
    '/graphql',
    routeLabel('/graphql'),
    allowMethods('GET', 'POST'),
    authenticated(db, runtime),
    jsonBodyOnly,
    express.json({ limit: '2mb' }),
    requestIdInApolloErrors,
    expressMiddleware(apollo, {
      context: async ({ res }) => graphql.remember(res, requestContextOf(res)),
    }),
  );

  app.use(bankFileRoutes(db, runtime));
  // Last: a path nothing served, and every error, answer JSON (never express's HTML page).
  app.use(notFoundHandler);
  app.use(errorHandler(runtime.logger));

  const pool = poolUsage(db);
  if (pool) metrics.watchPool(pool);
  const stopObserving = db.statements.observe({
    finished: (kind, ms) => metrics.observeStatement(kind, ms),
    failed: (kind) => metrics.countStatementError(kind),
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const metricsServer = config.metricsPort === undefined ? undefined : await startMetricsServer(runtime, config.metricsPort, config.host);
  const portOf = (server: http.Server, fallback: number) => {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : fallback;
  };
  return {
    app,
    apollo,
    httpServer,
    runtime,
    url: `http://localhost:${portOf(httpServer, config.port)}`,
    metricsUrl: metricsServer ? `http://localhost:${portOf(metricsServer, config.metricsPort!)}/metrics` : undefined,
    async stop(graceMs = 2000) {
      const closed = Promise.all(
        [httpServer, metricsServer].map((server) => server && new Promise<void>((resolve) => server.close(() => resolve()))),
      );
      httpServer.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      // An export may stream for minutes: its connection is cut, which aborts its statement.
      httpServer.closeAllConnections();
      metricsServer?.closeAllConnections();
      await closed;
      stopObserving();
      await apollo.stop();
    },
  };
}

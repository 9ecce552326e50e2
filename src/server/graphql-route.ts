import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { withStatementTally, type StatementTally } from '../db/statement-counter.ts';
import { ErrorCode } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { createContext } from './context.ts';
import {
  capResponse,
  costLimitPlugin,
  deadlineError,
  documentLimitRules,
  formatLimitError,
  parseOptions,
} from './limits.ts';
import { createDeadline, type RequestDeadline } from '../sources/deadline.ts';
import { graphiqlAsset, graphiqlPage } from './graphiql.ts';
import { readBody, sendJson } from '../http.ts';
import { buildSchema } from './schema.ts';
import { ANONYMOUS } from '../graphql/viewer.ts';

const MAX_BODY_BYTES = 1_000_000;

interface RequestTrace {
  operationName: string | null;
  errorCodes: string[];
  tally: StatementTally;
  debugSql: boolean;
  deadline: RequestDeadline;
  /** The operation's estimated cost and its limit, once measured. */
  cost?: { estimated: number | null; limit: number };
}

type Context = GraphQLContext & { trace: RequestTrace };

/** Appends SOURCE_UNAVAILABLE errors (collected while resolving) and, on request, the SQL statement count. */
const partialResultsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operationName }) {
        contextValue.trace.operationName = operationName ?? null;
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        const sourceErrors: GraphQLFormattedError[] = contextValue.fed.errors().map((e) => ({
          message: e.message,
          extensions: e.extensions,
        }));
        const cut = deadlineError(contextValue.trace.deadline);
        if (cut) sourceErrors.push(cut);
        if (sourceErrors.length) result.errors = [...(result.errors ?? []), ...sourceErrors];
        contextValue.trace.errorCodes = (result.errors ?? []).map((e) =>
          String(e.extensions?.code ?? 'UNKNOWN'),
        );
        if (contextValue.trace.debugSql) {
          const { total, bySource } = contextValue.trace.tally;
          result.extensions = {
            ...result.extensions,
            sqlStatements: { total, bySource: { ...bySource } },
            ...(contextValue.trace.cost ? { cost: contextValue.trace.cost } : {}),
          };
        }
      },
    };
  },
};

/** POST/GET /graphql through Apollo Server on plain node:http; GET with Accept: text/html serves GraphiQL. */
export async function createGraphQLRoute(rt: Runtime) {
  const limits = rt.config.limits;
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(),
    // API keys travel in headers, never cookies, so browser CSRF does not apply; GET queries must work from curl.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    // serve owns shutdown (finish in-flight requests, close pools, exit 0); Apollo would re-raise SIGTERM
    stopOnTerminationSignals: false,
    introspection: true,
    // no HTTP caching of API responses; its per-field hook costs time on large lists
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      partialResultsPlugin,
      costLimitPlugin<Context>(limits, {
        sourceCount: rt.sources.all.length,
        onMeasured: (ctx, cost) => void (ctx.trace.cost = { estimated: cost, limit: limits.maxCost }),
      }),
    ],
    parseOptions: parseOptions(limits),
    validationRules: documentLimitRules(limits),
    // compact JSON: Apollo pretty-prints by default, which doubles the bytes of a page of dossiers
    stringifyResult: (result) => JSON.stringify(result),
    formatError: (formatted, error) => {
      const limited = formatLimitError(formatted, error, limits);
      if (limited) return limited;
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
      const original = (error as { originalError?: Error }).originalError ?? (error as Error);
      rt.log.error('unexpected error', {
        error: original.message,
        stack: original.stack,
        path: formatted.path,
      });
      return {
        message: 'Internal server error',
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    },
  });
  await apollo.start();

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (
      req.method === 'GET' &&
      (req.headers.accept ?? '').includes('text/html') &&
      !url.searchParams.has('query')
    ) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      return void res.end(graphiqlPage());
    }
    if (req.method === 'GET' && url.searchParams.has('asset'))
      return graphiqlAsset(url.searchParams.get('asset')!, res);
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      return sendJson(res, 405, {
        errors: [{ message: `Method ${req.method} not allowed`, extensions: { code: 'METHOD_NOT_ALLOWED' } }],
      });
    }
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    const t0 = performance.now();
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let body: unknown;
    if (req.method === 'POST') {
      try {
        const text = await readBody(req, MAX_BODY_BYTES);
        body = text && (headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
      } catch (err) {
        const status = (err as { status?: number }).status ?? 400;
        return sendJson(res, status, {
          errors: [
            {
              message: status === 413 ? 'Request body too large' : 'Request body is not valid JSON',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
      }
    }
    const trace: RequestTrace = {
      operationName: null,
      errorCodes: [],
      tally: { total: 0, bySource: {} },
      debugSql: req.headers['x-lienthong-debug'] === 'sql',
      deadline: createDeadline(limits.requestDeadlineMs),
    };
    const { tally, result } = withStatementTally(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method!, headers, search: url.search, body },
        context: async () => ({ ...createContext(rt, requestId, ANONYMOUS, trace.deadline), trace }),
      }),
    );
    trace.tally = tally;
    const response = await result;
    res.statusCode = response.status ?? 200;
    for (const [k, v] of response.headers) res.setHeader(k, v);
    res.setHeader('x-request-id', requestId);
    if (response.body.kind === 'complete') {
      const { body, tooLarge } = capResponse(response.body.string, limits.maxResponseBytes);
      if (tooLarge) trace.errorCodes = [ErrorCode.RESPONSE_TOO_LARGE];
      res.end(body);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    const seconds = (performance.now() - t0) / 1000;
    const operation = trace.operationName ?? 'anonymous';
    const status = trace.errorCodes.length ? 'error' : 'ok';
    rt.metrics.graphqlRequests.inc({ operation, status });
    rt.metrics.graphqlDuration.observe({ operation }, seconds);
    rt.log.info('graphql request', {
      requestId,
      operation,
      durationMs: Math.round(seconds * 1000),
      sqlStatements: tally.total,
      status: res.statusCode,
      errors: trace.errorCodes.length ? trace.errorCodes : undefined,
    });
  };
}

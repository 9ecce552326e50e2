import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { withStatementTally, type StatementTally } from '../db/statement-counter.ts';
import { ErrorCode } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { cursorKeyFrom, withCursorKey } from '../graphql/pagination.ts';
import { createContext } from './context.ts';
import { corsHandler } from './cors.ts';
import { clientError, errorLogPlugin } from './error-masking.ts';
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
import { inputGuardPlugin } from './input-guard.ts';
import { readBody, sendJson } from '../http.ts';
import { buildSchema } from './schema.ts';
import { executorGateway } from './executor.ts';
import { stringifyResult } from '../graphql/render.ts';
import { auditStore } from '../modules/audit/audit-store.ts';
import { callerOf } from '../auth/rate-limits.ts';
import { clientAddressOf, rateLimited, type Access } from './access.ts';
import { auditPlugin } from './audit.ts';
import type { Viewer } from '../graphql/viewer.ts';
import { publicRootFields, rootFieldsOf, unauthenticated, wwwAuthenticate } from './scopes.ts';

const MAX_BODY_BYTES = 1_000_000;
/** POST bodies are JSON only for these media types (parameters such as charset aside). */
const JSON_MEDIA_TYPES = new Set(['application/json', 'application/graphql-response+json']);
const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

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

/** One operation run in-process (exports, the CLI) by a viewer already admitted. */
export interface InProcessOperation {
  viewer: Viewer;
  clientAddress: string;
  requestId: string;
  /** The clock at which open dossiers are judged: one for all the pages of an export. */
  requestTime: Date;
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

/** What /graphql would have answered: its HTTP status and headers, and the result. */
export interface InProcessResult {
  status: number;
  headers: Record<string, string>;
  result: FormattedExecutionResult;
  /** SQL statements the operation sent. */
  sqlStatements: number;
}

export type ExecuteOperation = (op: InProcessOperation) => Promise<InProcessResult>;

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
        // toJSON keeps the path of a nested failure (where the province's data first went missing)
        const sourceErrors: GraphQLFormattedError[] = contextValue.fed
          .errors()
          .map((e) => clientError(e.toJSON()));
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
            ...(contextValue.rendered ? { rendered: true } : {}),
            ...(contextValue.trace.cost ? { cost: contextValue.trace.cost } : {}),
          };
        }
      },
    };
  },
};

/**
 * Callers without credentials on a hub that refuses anonymous reading may still ask the `@public` fields
 * (the citizens' status lookup); anything else is 401 with WWW-Authenticate, before any SQL runs.
 */
function anonymousGatePlugin(publicFields: ReadonlySet<string>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const v = contextValue.viewer;
          if (v.kind !== 'anonymous' || v.scopes.has('read') || !operation) return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          const asked = rootFieldsOf(operation, fragments);
          if (operation.operation === 'query' && [...asked].every((f) => publicFields.has(f))) return;
          throw unauthenticated(
            'This hub answers only callers with an API key or token: send Authorization: Bearer <key or token>',
            wwwAuthenticate(),
          );
        },
        // validation's "Did you mean …?" would spell out the schema to a caller refused introspection
        async willSendResponse({ contextValue, response }) {
          const v = contextValue.viewer;
          if (v.kind !== 'anonymous' || v.scopes.has('read') || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors)
            result.errors = result.errors.map((e) => ({
              ...e,
              message: e.message.replace(/ Did you mean .*$/s, ''),
            }));
        },
      };
    },
  };
}

/**
 * POST/GET /graphql through Apollo Server on plain node:http; GET with Accept: text/html serves GraphiQL.
 * `execute` runs an operation through the same server, plugins and context without HTTP (the CSV exports),
 * so scopes, masking, audit, cost and rate limits apply to it exactly as to /graphql.
 */
export async function createGraphQLRoute(rt: Runtime, access: Access) {
  const cursorKey = cursorKeyFrom(await rt.cursorSecret());
  const cors = corsHandler(rt.config.corsOrigins);
  const limits = rt.config.limits;
  const schema = buildSchema();
  const audit = auditStore(rt.hub);
  const apollo = new ApolloServer<Context>({
    // execution through compiled operations (src/server/executor.ts); Apollo takes a custom executor only
    // as a gateway
    gateway: executorGateway(schema),
    // a GET or simple POST from another site's page is refused unless it carries a preflighted header
    // (content-type: application/json, apollo-require-preflight); curl and GraphiQL send one
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // Apollo's own warnings go through the JSON logger (and LOG_LEVEL) like every other line
    logger: {
      debug: (m: unknown) => rt.log.debug('apollo', { detail: String(m) }),
      info: (m: unknown) => rt.log.info('apollo', { detail: String(m) }),
      warn: (m: unknown) => rt.log.warn('apollo', { detail: String(m) }),
      error: (m: unknown) => rt.log.error('apollo', { detail: String(m) }),
    },
    // serve owns shutdown (finish in-flight requests, close pools, exit 0); Apollo would re-raise SIGTERM
    stopOnTerminationSignals: false,
    introspection: true,
    // automatic persisted queries are not offered: their shared cache would tell one caller by hash
    // whether another sent a given query text, and no client of the hub needs them
    persistedQueries: false,
    // no HTTP caching of API responses; its per-field hook costs time on large lists
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      anonymousGatePlugin(publicRootFields(schema)),
      inputGuardPlugin,
      errorLogPlugin(rt.log),
      partialResultsPlugin,
      costLimitPlugin<Context>(limits, {
        sourceCount: rt.sources.all.length,
        onMeasured: (ctx, cost) => void (ctx.trace.cost = { estimated: cost, limit: limits.maxCost }),
        onAccepted: async (ctx, cost) => {
          const over = await access.limits.takeCost(callerOf(ctx.viewer, ctx.clientAddress), cost);
          if (over) throw rateLimited(over);
        },
      }),
      auditPlugin<Context>({
        append: (entry) => audit.append(entry),
        timeoutMs: rt.config.sourceStatementTimeoutMs,
        log: rt.log,
        onWithheld: (ctx) => void (ctx.trace.errorCodes = [ErrorCode.AUDIT_UNAVAILABLE]),
      }),
    ],
    parseOptions: parseOptions(limits),
    validationRules: documentLimitRules(limits),
    // compact JSON: Apollo pretty-prints by default, which doubles the bytes of a page of dossiers
    // and with the JSON PostgreSQL wrote for a rendered read as it came (src/graphql/render.ts)
    stringifyResult,
    // limit rejections carry their cost and limit; unexpected errors (and messages that would show SQL,
    // hosts or stacks) are masked, and errorLogPlugin logs them
    formatError: (formatted, error) =>
      formatLimitError(formatted, error, limits) ?? clientError(formatted, error),
  });
  await apollo.start();

  const execute: ExecuteOperation = async (op) => {
    const trace: RequestTrace = {
      operationName: null,
      errorCodes: [],
      tally: { total: 0, bySource: {} },
      debugSql: false,
      deadline: createDeadline(limits.requestDeadlineMs),
    };
    const { tally, result } = withStatementTally(() =>
      withCursorKey(cursorKey, () =>
        apollo.executeOperation(
          { query: op.query, variables: op.variables, operationName: op.operationName },
          {
            // assign, not spread: a spread would make every lazily created service at once
            contextValue: Object.assign(
              createContext(rt, op.requestId, op.viewer, op.clientAddress, trace.deadline, op.requestTime),
              // the caller reads the result's objects, not its JSON: nothing rendered
              { trace, renders: null },
            ),
          },
        ),
      ),
    );
    const response = await result;
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used in-process');
    return {
      status: response.http.status ?? 200,
      headers: Object.fromEntries(response.http.headers),
      result: response.body.singleResult,
      sqlStatements: tally.total,
    };
  };

  const handler = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (cors(req, res)) return;
    if (
      req.method === 'GET' &&
      (req.headers.accept ?? '').includes('text/html') &&
      !url.searchParams.has('query')
    ) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      return void res.end(graphiqlPage());
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && url.searchParams.has('asset'))
      return graphiqlAsset(req, res, url);
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST, OPTIONS');
      return sendJson(res, 405, {
        errors: [
          { message: `Method ${req.method} not allowed`, extensions: { code: ErrorCode.METHOD_NOT_ALLOWED } },
        ],
      });
    }
    const viewer = await access.admit(req, res);
    if (!viewer) return;
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    const t0 = performance.now();
    // the request's one clock: every province judges timeliness at this instant
    const requestTime = new Date();
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let body: unknown;
    if (req.method === 'POST') {
      if (!JSON_MEDIA_TYPES.has(mediaType(req.headers['content-type']))) {
        return sendJson(res, 415, {
          errors: [
            {
              message: 'POST /graphql takes a JSON body: send content-type: application/json',
              extensions: { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
            },
          ],
        });
      }
      try {
        const text = await readBody(req, MAX_BODY_BYTES);
        body = text ? JSON.parse(text) : text;
      } catch (err) {
        const status = (err as { status?: number }).status ?? 400;
        return sendJson(res, status, {
          errors: [
            {
              message: status === 413 ? 'Request body too large' : 'Request body is not valid JSON',
              extensions: { code: ErrorCode.BAD_REQUEST },
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
      withCursorKey(cursorKey, () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method!, headers, search: url.search, body },
          context: async () =>
            Object.assign(
              createContext(rt, requestId, viewer, clientAddressOf(req), trace.deadline, requestTime),
              { trace },
            ),
        }),
      ),
    );
    trace.tally = tally;
    const response = await result;
    res.statusCode = response.status ?? 200;
    for (const [k, v] of response.headers) res.setHeader(k, v);
    res.setHeader('x-request-id', requestId);
    if (response.body.kind === 'complete') {
      const { body, tooLarge } = capResponse(response.body.string, limits.maxResponseBytes);
      if (tooLarge) trace.errorCodes = [ErrorCode.RESPONSE_TOO_LARGE];
      // as bytes: a string would be joined to the headers and copied again before the socket encodes it
      const bytes = Buffer.from(body, 'utf8');
      res.setHeader('content-length', bytes.length);
      res.end(bytes);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
    const seconds = (performance.now() - t0) / 1000;
    const operation = rt.metrics.operationLabel(trace.operationName);
    const status = trace.errorCodes.length ? 'error' : 'ok';
    rt.metrics.graphqlRequests.inc({ operation, status });
    rt.metrics.graphqlDuration.observe({ operation }, seconds);
    rt.log.info('graphql request', {
      requestId,
      actor: viewer.id,
      operation: trace.operationName?.slice(0, 200) ?? 'anonymous',
      durationMs: Math.round(seconds * 1000),
      sqlStatements: tally.total,
      status: res.statusCode,
      errors: trace.errorCodes.length ? trace.errorCodes : undefined,
    });
  };
  return Object.assign(handler, { execute, schema });
}

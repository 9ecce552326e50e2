import type { z } from 'zod';
import { DEFAULT_PORTAL_URL } from '../config.ts';
import { ErrorCode, PortalError } from '../errors.ts';
import {
  ErrorResponseSchema,
  ListResponseSchema,
  MAX_ITEMS_PER_PUT,
  PutResponseSchema,
  TokenResponseSchema,
} from './payload-schema.ts';
import type { ListResponse, ProcedurePayload, PutResult } from './payload-schema.ts';

/** The only module that knows the national portal's wire format (src/sync/PROTOCOL.md); retries belong to the caller. */

export interface PortalClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Per HTTP request, including reading the response body. */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Clock for token expiry and Retry-After dates. */
  now?: () => number;
}

export interface PortalClient {
  /** Pushes at most 100 items; results[i] answers items[i]. */
  putProcedures(
    provinceCode: string,
    items: readonly ProcedurePayload[],
    idempotencyKey: string,
  ): Promise<PutResult[]>;
  /**
   * Everything the portal holds for the province, following cursors to the end; `eachPage` runs every page
   * request (a retry policy retries one page, never the whole listing).
   */
  listProcedures(provinceCode: string, eachPage?: PageRunner): Promise<ProcedurePayload[]>;
}

/** Runs one page request of a listing, e.g. under a retry policy. */
export type PageRunner = (fetchPage: () => Promise<ListResponse>) => Promise<ListResponse>;

const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);
/** No connection was made, but one may be on another attempt (the portal is starting, a route flaps). */
const UNREACHABLE_TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** A connection that broke before the answer came: the request may simply succeed on another attempt. */
const DROPPED_CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** Renew this long before the portal's expiry so a token never dies in flight. */
const TOKEN_RENEW_MARGIN_MS = 30_000;

/** `Retry-After` as delta-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function errorCode(err: unknown): string | undefined {
  // undici wraps socket errors in TypeError('fetch failed') with the real error as cause, sometimes twice
  for (let current: unknown = err, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

/** Classifies anything thrown by fetch or by reading its body; an unreachable portal is named by its URL. */
function networkError(err: unknown, what: string, baseUrl: string, timeoutMs: number): PortalError {
  if (err instanceof PortalError) return err;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return new PortalError(`${what}: no answer within ${timeoutMs} ms`, {
      code: ErrorCode.PORTAL_UNAVAILABLE,
      transient: true,
      cause: err,
    });
  }
  const code = errorCode(err);
  if (code !== undefined && DROPPED_CODES.has(code)) {
    return new PortalError(`${what}: ${code}`, {
      code: ErrorCode.PORTAL_UNAVAILABLE,
      transient: true,
      cause: err,
    });
  }
  const detail = code ?? (err instanceof Error ? err.message : String(err));
  // the default URL is the local sandbox: most likely nobody started it
  const hint =
    baseUrl === DEFAULT_PORTAL_URL ? '; start the local sandbox with `lienthong portal-sandbox`' : '';
  return new PortalError(`${what}: cannot reach the portal at ${baseUrl} (${detail})${hint}`, {
    code: ErrorCode.PORTAL_UNREACHABLE,
    transient: code !== undefined && UNREACHABLE_TRANSIENT_CODES.has(code),
    cause: err,
  });
}

/** A request the client refuses to send: it breaks the protocol. */
const refusedHere = (message: string) =>
  new PortalError(message, { code: ErrorCode.PORTAL_REFUSED, transient: false });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createPortalClient(opts: PortalClientOptions): PortalClient {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  let cachedToken: { value: string; renewAt: number } | undefined;
  // concurrent callers share one token request instead of each fetching their own
  let pendingToken: Promise<string> | undefined;

  /** One HTTP exchange: returns status, headers and body text, or throws a classified PortalError. */
  async function exchange(what: string, url: string, init: RequestInit) {
    try {
      const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (err) {
      throw networkError(err, what, baseUrl, opts.timeoutMs);
    }
  }

  function httpError(what: string, status: number, headers: Headers, text: string): PortalError {
    const body = ErrorResponseSchema.safeParse(parseJson(text));
    const portalMessage = body.success ? body.data.error : text.slice(0, 200) || 'no error message';
    const transient = TRANSIENT_STATUSES.has(status);
    return new PortalError(`${what}: portal answered ${status}: ${portalMessage}`, {
      code: transient ? ErrorCode.PORTAL_UNAVAILABLE : ErrorCode.PORTAL_REFUSED,
      transient,
      status,
      retryAfterMs: parseRetryAfter(headers.get('retry-after'), now()),
    });
  }

  function parseBody<T>(
    what: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    status: number,
    text: string,
  ): T {
    const parsed = schema.safeParse(parseJson(text));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return failUnexpectedBody(what, status, `${issue?.message ?? 'unreadable'}${where}`);
  }

  function failUnexpectedBody(what: string, status: number, detail: string): never {
    throw new PortalError(`${what}: unexpected response body: ${detail}`, {
      code: ErrorCode.PORTAL_REFUSED,
      transient: false,
      status,
    });
  }

  async function fetchToken(): Promise<string> {
    const what = 'portal token';
    const { status, headers, text } = await exchange(what, `${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
      }),
    });
    if (status !== 200) throw httpError(what, status, headers, text);
    const token = parseBody(what, TokenResponseSchema, status, text);
    const lifetimeMs = token.expires_in * 1000;
    cachedToken = {
      value: token.access_token,
      renewAt: now() + lifetimeMs - Math.min(TOKEN_RENEW_MARGIN_MS, lifetimeMs / 10),
    };
    return token.access_token;
  }

  async function accessToken(): Promise<string> {
    if (cachedToken && now() < cachedToken.renewAt) return cachedToken.value;
    pendingToken ??= fetchToken().finally(() => {
      pendingToken = undefined;
    });
    return pendingToken;
  }

  /** An authorised call; a 401 drops the token and retries once with a fresh one. */
  async function authorised(what: string, url: string, init: RequestInit) {
    for (let attempt = 1; ; attempt++) {
      const token = await accessToken();
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      headers.set('accept', 'application/json');
      const result = await exchange(what, url, { ...init, headers });
      if (result.status !== 401 || attempt === 2) return result;
      // only forget the token this call used: a concurrent call may already have renewed it
      if (cachedToken?.value === token) cachedToken = undefined;
    }
  }

  const provincePath = (provinceCode: string) =>
    `${baseUrl}/api/v1/provinces/${encodeURIComponent(provinceCode)}/procedures`;

  return {
    async putProcedures(provinceCode, items, idempotencyKey) {
      const what = `PUT procedures of province ${provinceCode}`;
      if (items.length > MAX_ITEMS_PER_PUT) {
        throw refusedHere(`${what}: ${items.length} items, the portal takes at most ${MAX_ITEMS_PER_PUT}`);
      }
      if (idempotencyKey.trim() === '') throw refusedHere(`${what}: empty Idempotency-Key`);
      const { status, headers, text } = await authorised(what, provincePath(provinceCode), {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify({ items }),
      });
      if (status !== 200) throw httpError(what, status, headers, text);
      const { results } = parseBody(what, PutResponseSchema, status, text);
      if (results.length !== items.length) {
        failUnexpectedBody(what, status, `${results.length} results for ${items.length} items`);
      }
      return results;
    },

    async listProcedures(provinceCode, eachPage = (fetchPage) => fetchPage()) {
      const what = `GET procedures of province ${provinceCode}`;
      const all: ProcedurePayload[] = [];
      const seenCursors = new Set<string>();
      let cursor: string | null = null;
      do {
        const url = new URL(provincePath(provinceCode));
        if (cursor !== null) url.searchParams.set('cursor', cursor);
        const page = await eachPage(async () => {
          const { status, headers, text } = await authorised(what, url.href, { method: 'GET' });
          if (status !== 200) throw httpError(what, status, headers, text);
          return parseBody(what, ListResponseSchema, status, text);
        });
        all.push(...page.items);
        // a portal handing back a cursor it already gave would otherwise loop forever
        if (page.nextCursor !== null && seenCursors.has(page.nextCursor))
          failUnexpectedBody(what, 200, `cursor ${page.nextCursor} repeats`);
        cursor = page.nextCursor;
        if (cursor !== null) seenCursors.add(cursor);
      } while (cursor !== null);
      return all;
    },
  };
}

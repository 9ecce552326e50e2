import { GraphQLError } from 'graphql';

/** Stable error codes: clients and tests switch on these, never on messages. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  SOURCE_UNAVAILABLE: 'SOURCE_UNAVAILABLE',
  /**
   * A province's database is up but already runs as many queries as the hub allows it (SOURCE_MAX_CONCURRENT
   * running, SOURCE_QUEUE waiting): its data is left out of this response; retrying shortly may succeed.
   */
  SOURCE_BUSY: 'SOURCE_BUSY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The HTTP request itself is malformed (body not JSON, too large, no query). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A POST body that is not `application/json` (or `application/graphql-response+json`). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** A cross-origin request from an origin outside CORS_ORIGINS. */
  CORS_ORIGIN_NOT_ALLOWED: 'CORS_ORIGIN_NOT_ALLOWED',
  /** The operation's estimated cost is over MAX_QUERY_COST; nothing was run. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** The operation nests fields deeper than MAX_QUERY_DEPTH; nothing was run. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** The operation uses more aliases than MAX_ALIASES; nothing was run. */
  QUERY_TOO_MANY_ALIASES: 'QUERY_TOO_MANY_ALIASES',
  /** The document has more tokens than MAX_TOKENS; it was not even parsed to the end. */
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  /** The request ran out of REQUEST_DEADLINE_MS: its unfinished SQL was cancelled, the data is what was done. */
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  /** The answer would be bigger than MAX_RESPONSE_BYTES; ask for smaller pages. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** No credentials, or credentials that are forged, expired or revoked: HTTP 401 with WWW-Authenticate. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** An OIDC token could not be checked because the identity provider's keys could not be fetched: HTTP 503. */
  IDENTITY_PROVIDER_UNAVAILABLE: 'IDENTITY_PROVIDER_UNAVAILABLE',
  /** The caller lacks a scope (named in `extensions.scope`) or asked for a province outside its key. */
  FORBIDDEN: 'FORBIDDEN',
  /** Over the caller's requests or cost per minute: HTTP 429 with Retry-After. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The audit record of personal data could not be written, so the data was not sent (fail closed). */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  /** A CSV export stopped at EXPORT_MAX_ROWS: its last row says so (README "Exports"). */
  EXPORT_TRUNCATED: 'EXPORT_TRUNCATED',
  /** Another sync run holds the province's lock. */
  SYNC_ALREADY_RUNNING: 'SYNC_ALREADY_RUNNING',
  /** No connection to the national portal could be made: refused, unknown host, unreachable network. */
  PORTAL_UNREACHABLE: 'PORTAL_UNREACHABLE',
  /** The portal failed in a way worth retrying: 429, 502–504, a timeout, a reset connection. */
  PORTAL_UNAVAILABLE: 'PORTAL_UNAVAILABLE',
  /** The portal refused the request or answered outside the protocol; the same request will fail again. */
  PORTAL_REFUSED: 'PORTAL_REFUSED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure caused by the caller's input. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra } });
  }
}

/** A provincial source that is down, slow or failing; the rest of the response still comes back. */
export class SourceUnavailableError extends GraphQLError {
  constructor(province: string, reason: string) {
    super(`Source ${province} is unavailable: ${reason}`, {
      extensions: { code: ErrorCode.SOURCE_UNAVAILABLE, province },
    });
  }
}

/** A provincial source at its concurrency limit; like SOURCE_UNAVAILABLE, the rest of the response comes back. */
export class SourceBusyError extends GraphQLError {
  constructor(province: string, reason: string) {
    super(`Source ${province} is busy: ${reason}`, {
      extensions: { code: ErrorCode.SOURCE_BUSY, province },
    });
  }
}

/**
 * Over a per-minute (or per-hour) budget: HTTP 429 with Retry-After (RFC 6585), set through Apollo's
 * `extensions.http`, which it honours for errors of the request and of the resolvers alike.
 */
export class RateLimitedError extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/** A scope the caller lacks, or a province outside its key or token: the answer never comes back silently empty. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string, extra: { scope?: string; province?: string } = {}) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN, ...extra } });
  }
}

/** A missing scope, named in the message and in `extensions.scope`. */
export const missingScope = (scope: string, what: string) =>
  new ForbiddenError(`${what} needs the "${scope}" scope, which this caller's key or token does not hold`, {
    scope,
  });

/** A CLI usage error: printed as one line plus usage, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Another run (a CLI run, the schedule, another hub process) holds the province's sync lock. */
export class SyncAlreadyRunningError extends Error {
  override name = 'SyncAlreadyRunningError';
  readonly code = ErrorCode.SYNC_ALREADY_RUNNING;
  constructor(readonly province: string) {
    super(`a sync for province ${province} is already running`);
  }
}

export type PortalErrorCode =
  typeof ErrorCode.PORTAL_UNREACHABLE | typeof ErrorCode.PORTAL_UNAVAILABLE | typeof ErrorCode.PORTAL_REFUSED;

/** A failed call to the national portal; `transient` ones are worth retrying (after `retryAfterMs` when given). */
export class PortalError extends Error {
  override name = 'PortalError';
  readonly code: PortalErrorCode;
  readonly kind: 'transient' | 'permanent';
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    opts: {
      code: PortalErrorCode;
      transient: boolean;
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
    },
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = opts.code;
    this.kind = opts.transient ? 'transient' : 'permanent';
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

export const isTransientPortalError = (err: unknown): err is PortalError =>
  err instanceof PortalError && err.kind === 'transient';

/** The message of anything thrown. */
export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * What must never reach a client: SQL text, connection strings, host:port pairs, PostgreSQL object
 * names in its error wording, and stack frames. An expected error whose message carries any of them is
 * sent with a generic message instead (and logged in full with the request id).
 */
const LEAKS: readonly RegExp[] = [
  /\b(select|insert|update|delete)\b[\s\S]*\b(from|into|set|where)\b/i,
  /\bselect\s+(distinct\s+)?("|\*|\w+\.)/i,
  /"\w+"\."\w+"/,
  /\bpostgres(ql)?:\/\//i,
  /\b(\d{1,3}\.){3}\d{1,3}(:\d+)?\b/,
  /\[[0-9a-f:]+\]:\d+/i,
  /\blocalhost:\d+/i,
  /\b(relation|column|constraint|table|schema|database|role|user)\s+"[^"]*"/i,
  /\bE(CONNREFUSED|CONNRESET|HOSTUNREACH|NETUNREACH|NOTFOUND|TIMEDOUT|PIPE|AI_AGAIN)\b/,
  /\n\s*at\s|\bat\s+\S+\s+\(?\S+\.(ts|js|mjs|cjs):\d+/,
];

export const leaksInternals = (text: string): boolean => LEAKS.some((re) => re.test(text));

/** Stored error text (a sync run's, a portal status's) as a client may read it: withheld when it would leak. */
export const safeErrorText = (text: string | null): string | null =>
  text == null || !leaksInternals(text)
    ? text
    : 'failed; the details name internal hosts or SQL and are in the hub log and the sync run record';

import { BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { GraphQLError } from 'graphql';
import pg from 'pg';

/**
 * What an error raised while asking a source means, decided by its class (never by its message):
 * - `down`: the source cannot answer (unreachable, refusing, out of resources, too slow): SOURCE_UNAVAILABLE,
 *   counted by the health monitor;
 * - `busy`: the hub's concurrency limit for the source is reached: SOURCE_BUSY, not counted;
 * - `bad-input`: the request carried a value the database cannot use: BAD_USER_INPUT, not counted;
 * - `internal`: anything else (a bug, a source whose schema differs): masked as INTERNAL_SERVER_ERROR.
 */
export type SourceErrorKind = 'down' | 'busy' | 'bad-input' | 'internal';

export interface SourceErrorClass {
  kind: SourceErrorKind;
  /** A short reason safe to show a client: no SQL, host names, ports or driver text. */
  reason: string;
}

/** Node.js socket errors of a connection that cannot be made or was lost. */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  EHOSTUNREACH: 'host unreachable',
  EHOSTDOWN: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
};

/** SQLSTATEs and classes that mean the source, not the request, is failing (PostgreSQL appendix A). */
const DOWN_STATES: Record<string, string> = {
  '57014': 'statement timeout',
  '57P01': 'connection terminated by the server',
  '57P02': 'server crashed',
  '57P03': 'server not accepting connections yet',
  '57P04': 'database dropped',
  '57P05': 'idle session timeout',
  '55000': 'database not accepting connections',
  '55P03': 'lock not available',
  '3D000': 'database does not exist',
  '25P03': 'idle transaction timeout',
  '53300': 'too many connections',
};
const DOWN_CLASSES: Record<string, string> = {
  '08': 'connection failure',
  '28': 'authentication failed',
  '40': 'transaction rolled back by the server',
  '53': 'server out of resources',
  '57': 'operator intervention',
  '58': 'server system error',
  XX: 'server internal error',
};
/** Errors about what the hub expects of a source's schema or grants: a deployment problem, not the input's. */
const SCHEMA_STATES = new Set(['42501', '42P01', '42703', '42883']);

/** Driver errors of a lost or failed connection carry no code; the registry marks them as they happen. */
const connectionFailures = new WeakSet<object>();

export function markConnectionFailure(err: unknown): void {
  if (typeof err === 'object' && err !== null) connectionFailures.add(err);
}

const sqlState = (err: unknown): string | undefined =>
  err instanceof pg.DatabaseError && typeof err.code === 'string' ? err.code : undefined;

export function classifySourceError(err: unknown): SourceErrorClass {
  if (err instanceof GraphQLError) {
    // already decided by whoever raised it (e.g. a store's BadUserInputError)
    return { kind: err.extensions.code === 'BAD_USER_INPUT' ? 'bad-input' : 'internal', reason: err.message };
  }
  if (err instanceof BulkheadRejectedError) return { kind: 'busy', reason: 'too many queries in flight' };
  if (err instanceof TaskCancelledError) return { kind: 'down', reason: 'no answer in time' };
  // by name: knex is CommonJS and does not expose the class to an ESM named import under plain node
  if (err instanceof Error && err.name === 'KnexTimeoutError')
    return { kind: 'down', reason: 'no connection in time' };
  const state = sqlState(err);
  if (state) {
    const known = DOWN_STATES[state] ?? DOWN_CLASSES[state.slice(0, 2)];
    if (known) return { kind: 'down', reason: `${known} (${state})` };
    if (SCHEMA_STATES.has(state)) return { kind: 'internal', reason: `schema mismatch (${state})` };
    // 22: data exception (a value that is not a date, out of range, …); 42: a value the statement cannot
    // take; 54: a value too large or complex for the server
    if (/^(22|42|54)/.test(state)) return { kind: 'bad-input', reason: `rejected value (${state})` };
    return { kind: 'internal', reason: `database error (${state})` };
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES[code]) return { kind: 'down', reason: NETWORK_CODES[code] };
  if (typeof err === 'object' && err !== null && connectionFailures.has(err))
    return { kind: 'down', reason: 'connection lost' };
  return { kind: 'internal', reason: 'unexpected error' };
}

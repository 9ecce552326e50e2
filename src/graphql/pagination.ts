import { ScopeSlot } from '../request-scope.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadUserInputError } from '../errors.ts';
import { isValidPosition, type Position, type SortSpec } from '../db/keyset.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

/** A validated page request: how many, in which direction, from which position. */
export interface PageRequest {
  limit: number;
  backward: boolean;
  from: Position | undefined;
  /** The cursor argument given (after or before), for hasPreviousPage / hasNextPage. */
  hasCursor: boolean;
}

interface CursorBody extends Position {
  k: string;
}

/*
 * A cursor is `base64url(JSON {k, v, p, i}) "." base64url(HMAC-SHA256(key, body))`: the sort key, the
 * position (sort value, province, id), and a MAC under the installation's cursor key, so a cursor that
 * was altered or made elsewhere is refused before any SQL sees its values.
 */
const CURSOR_RE = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/;

const cursorKeys = new ScopeSlot<Buffer>('cursor key');

/** The HMAC key for cursors, derived from the installation's secret (so the secret serves one purpose each). */
export const cursorKeyFrom = (secret: string): Buffer =>
  createHmac('sha256', secret).update('lienthong cursor v1').digest();

/** Runs fn (a GraphQL execution) with the key that signs and checks every cursor encoded or decoded inside it. */
export function withCursorKey<T>(key: Buffer, fn: () => T): T {
  return cursorKeys.run(key, fn);
}

function currentKey(): Buffer {
  const key = cursorKeys.get();
  if (!key) throw new Error('a cursor was encoded or decoded outside withCursorKey()');
  return key;
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export function encodeCursor(sortKey: string, pos: Position): string {
  const body: CursorBody = { k: sortKey, v: pos.v, p: pos.p, i: pos.i };
  const text = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${text}.${mac(currentKey(), text)}`;
}

export function decodeCursor(
  cursor: string,
  spec: Pick<SortSpec, 'key' | 'kind'>,
  argument: string,
): Position {
  const invalid = (why = '') =>
    new BadUserInputError(`Argument "${argument}" is not a valid cursor${why}`, { argument });
  const m = CURSOR_RE.exec(cursor);
  if (!m) throw invalid();
  const [, text, sig] = m as unknown as [string, string, string];
  if (!timingSafeEqual(Buffer.from(sig), Buffer.from(mac(currentKey(), text))))
    throw invalid(' (not issued by this hub, or altered)');
  let b: Partial<CursorBody>;
  try {
    b = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw invalid();
  }
  if (typeof b !== 'object' || b === null || typeof b.k !== 'string') throw invalid();
  if (b.k !== spec.key) {
    throw new BadUserInputError(
      `Argument "${argument}" is a cursor for another ordering (${b.k.slice(0, 50)}, not ${spec.key})`,
      { argument },
    );
  }
  // a well-signed cursor still gets its values checked against the sort key's type (defence in depth)
  if (!isValidPosition(spec, { v: b.v, p: b.p, i: b.i })) throw invalid();
  return { v: b.v!, p: b.p!, i: b.i! };
}

function checkSize(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}, got ${n}`, {
      argument: name,
    });
  }
  return n;
}

/** Validates Relay arguments: `first`/`after` forward, or `last`/`before` backward; never both directions. */
export function pageRequest(args: PageArgs, spec: SortSpec): PageRequest {
  const { first, after, last, before } = args;
  const forward = first != null || after != null;
  const backward = last != null || before != null;
  if (forward && backward) {
    throw new BadUserInputError('Use either first/after (forward) or last/before (backward), not both');
  }
  if (backward) {
    return {
      limit: checkSize('last', last ?? DEFAULT_PAGE_SIZE),
      backward: true,
      from: before != null ? decodeCursor(before, spec, 'before') : undefined,
      hasCursor: before != null,
    };
  }
  return {
    limit: checkSize('first', first ?? DEFAULT_PAGE_SIZE),
    backward: false,
    from: after != null ? decodeCursor(after, spec, 'after') : undefined,
    hasCursor: after != null,
  };
}

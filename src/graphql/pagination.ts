import { BadUserInputError } from '../errors.ts';
import type { Position, SortSpec } from '../db/keyset.ts';

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

export function encodeCursor(key: string, pos: Position): string {
  const body: CursorBody = { k: key, v: pos.v, p: pos.p, i: pos.i };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, key: string, argument: string): Position {
  let body: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) throw new Error('charset');
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadUserInputError(`Argument "${argument}" is not a valid cursor`, { argument });
  }
  const b = body as Partial<CursorBody>;
  if (
    typeof b !== 'object' ||
    b === null ||
    typeof b.k !== 'string' ||
    (typeof b.v !== 'string' && typeof b.v !== 'number') ||
    typeof b.p !== 'string' ||
    typeof b.i !== 'number' ||
    !Number.isInteger(b.i)
  ) {
    throw new BadUserInputError(`Argument "${argument}" is not a valid cursor`, { argument });
  }
  if (b.k !== key) {
    throw new BadUserInputError(
      `Argument "${argument}" is a cursor for another ordering (${b.k}, not ${key})`,
      {
        argument,
      },
    );
  }
  return { v: b.v, p: b.p, i: b.i };
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
      from: before != null ? decodeCursor(before, spec.key, 'before') : undefined,
      hasCursor: before != null,
    };
  }
  return {
    limit: checkSize('first', first ?? DEFAULT_PAGE_SIZE),
    backward: false,
    from: after != null ? decodeCursor(after, spec.key, 'after') : undefined,
    hasCursor: after != null,
  };
}

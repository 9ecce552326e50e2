import {
  comparePositions,
  normaliseSortValue,
  reversed,
  type Position,
  type SortSpec,
} from '../db/keyset.ts';
import type { Federation } from '../sources/federation.ts';
import type { Source } from '../sources/registry.ts';
import { encodeCursor, type PageRequest } from './pagination.ts';

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A Relay connection as resolvers return it; totalCount is computed only when the query asks for it. */
export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: () => Promise<number>;
}

/** A row as stores return it for lists: its sort value and id travel with the entity. */
export interface Sorted<T> {
  entity: T;
  sort: unknown;
  id: number;
}

export interface FetchPage {
  /** Effective ordering (reversed when paging backward). */
  spec: SortSpec;
  from: Position | undefined;
  /** Rows to fetch: the page size plus one, to know whether more follow. */
  limit: number;
}

function build<T>(
  spec: SortSpec,
  page: PageRequest,
  merged: { pos: Position; entity: T }[],
  totalCount: () => Promise<number>,
): Connection<T> {
  const more = merged.length > page.limit;
  const rows = merged.slice(0, page.limit);
  if (page.backward) rows.reverse();
  // cursors are encoded only when a query asks for them (most ask for nodes alone)
  const edges = rows.map((r) => ({
    get cursor() {
      return encodeCursor(spec.key, r.pos);
    },
    node: r.entity,
  }));
  const first = rows[0];
  const last = rows.at(-1);
  return {
    edges,
    nodes: rows.map((r) => r.entity),
    pageInfo: {
      hasNextPage: page.backward ? page.hasCursor : more,
      hasPreviousPage: page.backward ? more : page.hasCursor,
      get startCursor() {
        return first ? encodeCursor(spec.key, first.pos) : null;
      },
      get endCursor() {
        return last ? encodeCursor(spec.key, last.pos) : null;
      },
    },
    totalCount,
  };
}

const memo = (fn: () => Promise<number>) => {
  let p: Promise<number> | undefined;
  return () => (p ??= fn());
};

/**
 * One ordered list over several sources: each source returns `limit + 1` rows past the cursor in the
 * same order, the rows are merged by (sort value, province, id), and the cursor encodes that triple.
 */
export async function federatedConnection<T>(
  fed: Federation,
  sources: readonly Source[],
  spec: SortSpec,
  page: PageRequest,
  fetch: (source: Source, q: FetchPage) => Promise<Sorted<T>[]>,
  count: (source: Source) => Promise<number>,
): Promise<Connection<T>> {
  const eff = page.backward ? reversed(spec) : spec;
  const totalCount = memo(async () => {
    const counts = await fed.each(sources, count);
    return counts.reduce((sum, c) => sum + c.value, 0);
  });
  if (page.limit === 0) return build(spec, page, [], totalCount);
  const results = await fed.each(sources, (source) =>
    fetch(source, { spec: eff, from: page.from, limit: page.limit + 1 }),
  );
  const merged = results
    .flatMap(({ source, value }) =>
      value.map((r) => ({
        pos: { v: normaliseSortValue(eff, r.sort), p: source.code, i: r.id },
        entity: r.entity,
      })),
    )
    .sort((a, b) => comparePositions(eff, a.pos, b.pos));
  return build(spec, page, merged, totalCount);
}

/** A connection over rows already fetched for one parent (nested lists, batched by the caller). */
export function singleSourceConnection<T>(
  province: string,
  spec: SortSpec,
  page: PageRequest,
  rows: Sorted<T>[],
  totalCount: () => Promise<number>,
): Connection<T> {
  const eff = page.backward ? reversed(spec) : spec;
  const merged = rows.map((r) => ({
    pos: { v: normaliseSortValue(eff, r.sort), p: province, i: r.id },
    entity: r.entity,
  }));
  return build(spec, page, merged, memo(totalCount));
}

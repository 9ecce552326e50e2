import {
  comparePositions,
  normaliseSortValue,
  reversed,
  type Position,
  type SortSpec,
} from '../db/keyset.ts';
import type { CallOptions, Federation } from '../sources/federation.ts';
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

/**
 * The connection over the fetched rows (one past the page tells whether more follow). Nodes are the rows'
 * entities; edges and cursors are made only when a query asks for them (most ask for nodes alone), so a
 * nested list of hundreds of rows costs one array, not four objects a row.
 */
function build<R, T>(
  spec: SortSpec,
  page: PageRequest,
  fetched: readonly R[],
  entityOf: (r: R) => T,
  positionOf: (r: R) => Position,
  totalCount: () => Promise<number>,
): Connection<T> {
  const more = fetched.length > page.limit;
  const rows = fetched.slice(0, page.limit);
  if (page.backward) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  let edges: Edge<T>[] | undefined;
  return {
    get edges() {
      return (edges ??= rows.map((r) => ({
        get cursor() {
          return encodeCursor(spec.key, positionOf(r));
        },
        node: entityOf(r),
      })));
    },
    nodes: rows.map(entityOf),
    pageInfo: {
      hasNextPage: page.backward ? page.hasCursor : more,
      hasPreviousPage: page.backward ? more : page.hasCursor,
      get startCursor() {
        return first ? encodeCursor(spec.key, positionOf(first)) : null;
      },
      get endCursor() {
        return last ? encodeCursor(spec.key, positionOf(last)) : null;
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
  opts?: CallOptions,
): Promise<Connection<T>> {
  const eff = page.backward ? reversed(spec) : spec;
  const totalCount = memo(async () => {
    const counts = await fed.each(sources, count);
    return counts.reduce((sum, c) => sum + c.value, 0);
  });
  type Merged = { pos: Position; entity: T };
  const entityOf = (m: Merged) => m.entity;
  const positionOf = (m: Merged) => m.pos;
  if (page.limit === 0) return build<Merged, T>(spec, page, [], entityOf, positionOf, totalCount);
  const results = await fed.each(
    sources,
    (source) => fetch(source, { spec: eff, from: page.from, limit: page.limit + 1 }),
    opts,
  );
  const merged = results
    .flatMap(({ source, value }) =>
      value.map((r) => ({
        pos: { v: normaliseSortValue(eff, r.sort), p: source.code, i: r.id },
        entity: r.entity,
      })),
    )
    .sort((a, b) => comparePositions(eff, a.pos, b.pos));
  return build(spec, page, merged, entityOf, positionOf, totalCount);
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
  return build(
    spec,
    page,
    rows,
    (r) => r.entity,
    (r) => ({ v: normaliseSortValue(eff, r.sort), p: province, i: r.id }),
    memo(totalCount),
  );
}

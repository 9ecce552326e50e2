import { reversed, type SortSpec } from '../db/keyset.ts';
import type { Federation } from '../sources/federation.ts';
import type { Source } from '../sources/registry.ts';
import { singleSourceConnection, type Connection, type FetchPage, type Sorted } from './connection.ts';
import { countLoader, listLoader, type Loader, type LocalKey } from './loaders.ts';
import type { PageRequest } from './pagination.ts';
import { NO_EMBEDDING, type EmbedPlan, type Embedding } from './embed.ts';

type ParentRows<T> = (Sorted<T> & { parent: number })[];

/**
 * Nested connections (Unit.children, Procedure.dossiers, …): every parent asking for the same page and
 * filter shares one DataLoader, so a level of the query costs one windowed statement per source.
 */
export function nestedConnections<T, F>(
  fed: Federation,
  fetch: (
    source: Source,
    parentIds: number[],
    filter: F,
    q: FetchPage,
    embedded: Embedding[],
  ) => Promise<ParentRows<T>>,
  count: (source: Source, parentIds: number[], filter: F) => Promise<Map<number, number>>,
) {
  const pages = new Map<string, Loader<(Sorted<T> & { parent: number })[]>>();
  const counts = new Map<string, Loader<number>>();
  /** The rows to fetch for a page, and the loader every parent asking the same page and filter shares. */
  const pagerOf = (spec: SortSpec, page: PageRequest, filter: F, filterKey: string, plan: EmbedPlan) => {
    const q: FetchPage = {
      spec: page.backward ? reversed(spec) : spec,
      from: page.from,
      limit: page.limit + 1,
    };
    const pageKey = JSON.stringify([q.spec.key, q.spec.direction, q.from, q.limit, filterKey]);
    let pager = pages.get(pageKey);
    if (!pager) {
      pager = listLoader(
        fed,
        // the first caller's plan serves every parent of the page: they share one field of the query
        (source, ids) => fetch(source, ids, filter, q, plan(source)),
        (r) => r.parent,
      );
      pages.set(pageKey, pager);
    }
    return { q, pager };
  };
  /** A parent's page: at once when its rows came with the parent's statement, else through the batch. */
  const load = (
    parent: LocalKey,
    spec: SortSpec,
    page: PageRequest,
    filter: F,
    plan: EmbedPlan = NO_EMBEDDING,
  ): Connection<T> | Promise<Connection<T>> => {
    const filterKey = JSON.stringify(filter);
    const { pager } = pagerOf(spec, page, filter, filterKey, plan);
    let counter = counts.get(filterKey);
    if (!counter) {
      counter = countLoader(fed, (source, ids) => count(source, ids, filter));
      counts.set(filterKey, counter);
    }
    const c = counter;
    const connection = (rows: ParentRows<T>) =>
      singleSourceConnection(parent.province, spec, page, rows, async () => c.load(parent));
    const rows = page.limit === 0 ? [] : pager.load(parent);
    return rows instanceof Promise ? rows.then(connection) : connection(rows);
  };
  return Object.assign(load, {
    /**
     * For an embedded page (src/graphql/embed.ts): the rows to fetch, and how to hand one parent's rows,
     * read in its parent's statement, to the loader `load` reads.
     */
    embedded(spec: SortSpec, page: PageRequest, filter: F) {
      const { q, pager } = pagerOf(spec, page, filter, JSON.stringify(filter), NO_EMBEDDING);
      return {
        q,
        prime: (parent: LocalKey, rows: (Sorted<T> & { parent: number })[]) => void pager.prime(parent, rows),
      };
    },
  });
}

import type DataLoader from 'dataloader';
import { reversed, type SortSpec } from '../db/keyset.ts';
import type { Federation } from '../sources/federation.ts';
import type { Source } from '../sources/registry.ts';
import { singleSourceConnection, type Connection, type FetchPage, type Sorted } from './connection.ts';
import { countLoader, listLoader, type LocalKey } from './loaders.ts';
import type { PageRequest } from './pagination.ts';

type ParentRows<T> = (Sorted<T> & { parent: number })[];

/**
 * Nested connections (Unit.children, Procedure.dossiers, …): every parent asking for the same page and
 * filter shares one DataLoader, so a level of the query costs one windowed statement per source.
 */
export function nestedConnections<T, F>(
  fed: Federation,
  fetch: (source: Source, parentIds: number[], filter: F, q: FetchPage) => Promise<ParentRows<T>>,
  count: (source: Source, parentIds: number[], filter: F) => Promise<Map<number, number>>,
) {
  const pages = new Map<string, DataLoader<LocalKey, (Sorted<T> & { parent: number })[], string>>();
  const counts = new Map<string, DataLoader<LocalKey, number, string>>();
  return async (parent: LocalKey, spec: SortSpec, page: PageRequest, filter: F): Promise<Connection<T>> => {
    const q: FetchPage = {
      spec: page.backward ? reversed(spec) : spec,
      from: page.from,
      limit: page.limit + 1,
    };
    const filterKey = JSON.stringify(filter);
    const pageKey = JSON.stringify([q.spec.key, q.spec.direction, q.from, q.limit, filterKey]);
    let pager = pages.get(pageKey);
    if (!pager) {
      pager = listLoader(
        fed,
        (source, ids) => fetch(source, ids, filter, q),
        (r) => r.parent,
      );
      pages.set(pageKey, pager);
    }
    let counter = counts.get(filterKey);
    if (!counter) {
      counter = countLoader(fed, (source, ids) => count(source, ids, filter));
      counts.set(filterKey, counter);
    }
    const rows = page.limit === 0 ? [] : await pager.load(parent);
    const c = counter;
    return singleSourceConnection(parent.province, spec, page, rows, () => c.load(parent));
  };
}

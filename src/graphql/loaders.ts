import DataLoader from 'dataloader';
import type { Federation } from '../sources/federation.ts';
import type { Source } from '../sources/registry.ts';
import { groupBy } from '../db/sql.ts';

/** A row of some province, addressed by its local id. */
export interface LocalKey {
  province: string;
  id: number;
}

const keyString = (k: LocalKey) => `${k.province}:${k.id}`;

/** Splits keys by province and runs one batch per source (one SQL statement each). */
async function perSource<V>(
  fed: Federation,
  keys: readonly LocalKey[],
  empty: V,
  run: (source: Source, ids: number[]) => Promise<Map<number, V>>,
): Promise<V[]> {
  const byProvince = new Map<string, number[]>();
  for (const k of keys) {
    let ids = byProvince.get(k.province);
    if (!ids) byProvince.set(k.province, (ids = []));
    if (!ids.includes(k.id)) ids.push(k.id);
  }
  const results = new Map<string, Map<number, V>>();
  await Promise.all(
    [...byProvince].map(async ([code, ids]) => {
      const source = fed.source(code);
      if (!source) return;
      const found = await fed.one(source, (s) => run(s, ids));
      if (found) results.set(code, found);
    }),
  );
  return keys.map((k) => results.get(k.province)?.get(k.id) ?? empty);
}

/** Entities by id; null for ids that do not exist or whose source is down. */
export function entityLoader<T extends { id: number }>(
  fed: Federation,
  fetch: (source: Source, ids: number[]) => Promise<T[]>,
): DataLoader<LocalKey, T | null, string> {
  return new DataLoader(
    (keys) =>
      perSource<T | null>(
        fed,
        keys,
        null,
        async (source, ids) => new Map((await fetch(source, ids)).map((e) => [e.id, e])),
      ),
    { cacheKeyFn: keyString, maxBatchSize: 1000 },
  );
}

/** A small bounded list per parent (requirements, events, attachments, …): one statement per source. */
export function listLoader<T>(
  fed: Federation,
  fetch: (source: Source, parentIds: number[]) => Promise<T[]>,
  parentOf: (row: T) => number,
): DataLoader<LocalKey, T[], string> {
  return new DataLoader(
    (keys) =>
      perSource<T[]>(fed, keys, [], async (source, ids) => {
        const rows = await fetch(source, ids);
        const groups = groupBy(ids, rows, parentOf);
        return new Map(ids.map((id, i) => [id, groups[i]!]));
      }),
    { cacheKeyFn: keyString, maxBatchSize: 1000 },
  );
}

/** Per-parent counts (nested totalCount), one grouped statement per source. */
export function countLoader(
  fed: Federation,
  fetch: (source: Source, parentIds: number[]) => Promise<Map<number, number>>,
): DataLoader<LocalKey, number, string> {
  return new DataLoader(
    (keys) =>
      perSource<number>(fed, keys, 0, async (source, ids) => {
        const counts = await fetch(source, ids);
        return new Map(ids.map((id) => [id, counts.get(id) ?? 0]));
      }),
    { cacheKeyFn: keyString, maxBatchSize: 1000 },
  );
}

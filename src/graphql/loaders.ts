import DataLoader from 'dataloader';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { Federation } from '../sources/federation.ts';
import type { Source } from '../sources/registry.ts';
import { groupBy } from '../db/sql.ts';

/** A row of some province, addressed by its local id. */
export interface LocalKey {
  province: string;
  id: number;
}

const keyString = (k: LocalKey) => `${k.province}:${k.id}`;

/**
 * Splits keys by province and runs one batch per source (one SQL statement each). The keys of a province
 * that failed reject with that province's one error (see `fromSource`); the other provinces' keys resolve.
 */
async function perSource<V>(
  fed: Federation,
  keys: readonly LocalKey[],
  empty: V,
  run: (source: Source, ids: number[]) => Promise<Map<number, V>>,
): Promise<(V | Error)[]> {
  const byProvince = new Map<string, number[]>();
  for (const k of keys) {
    let ids = byProvince.get(k.province);
    if (!ids) byProvince.set(k.province, (ids = []));
    if (!ids.includes(k.id)) ids.push(k.id);
  }
  const results = new Map<string, Map<number, V> | Error>();
  await Promise.all(
    [...byProvince].map(async ([code, ids]) => {
      const source = fed.source(code);
      if (!source) return;
      try {
        const found = await fed.one(source, (s) => run(s, ids));
        const failed = fed.failure(code);
        if (found) results.set(code, found);
        else if (failed) results.set(code, failed);
      } catch (err) {
        // an unexpected error of one province stays with that province's keys
        results.set(code, err instanceof Error ? err : new Error(String(err)));
      }
    }),
  );
  return keys.map((k) => {
    const r = results.get(k.province);
    return r instanceof Error ? r : (r?.get(k.id) ?? empty);
  });
}

/**
 * A field read from its parent row's province: when that province failed in this request the field is
 * null, and the province's one SOURCE_UNAVAILABLE (or SOURCE_BUSY) records where, instead of an error
 * per row. Any other error propagates.
 */
export function fromSource<T>(
  fed: Federation,
  info: GraphQLResolveInfo,
  value: Promise<T> | T,
  index?: number,
): Promise<T | null> | T {
  // one handler on the pending value (a field of every row passes here: no async frame of its own)
  if (!(value instanceof Promise)) return value;
  return value.then(undefined, (err: unknown) => {
    const path = responsePathAsArray(info.path);
    if (index !== undefined) path.push(index);
    if (fed.missing(err, { path, field: `${info.parentType.name}.${info.fieldName}` })) return null;
    throw err;
  });
}

/**
 * A DataLoader that also takes values read for it in another statement (src/graphql/embed.ts): those are
 * answered at once, as values rather than promises, so a field whose value came with its parent's row
 * costs neither a batch nor a promise. Resolvers pass either on (see `fromSource`).
 */
export class Loader<V> {
  private readonly primed = new Map<string, V>();
  constructor(private readonly batched: DataLoader<LocalKey, V, string>) {}
  load(key: LocalKey): V | Promise<V> {
    const k = keyString(key);
    const v = this.primed.get(k);
    return v !== undefined || this.primed.has(k) ? (v as V) : this.batched.load(key);
  }
  /** A key's value read elsewhere; the first value given for a key stays. */
  prime(key: LocalKey, value: V): void {
    const k = keyString(key);
    if (!this.primed.has(k)) this.primed.set(k, value);
  }
}

/** Entities by id; null for ids that do not exist; the province's error when its source failed. */
export function entityLoader<T extends { id: number }>(
  fed: Federation,
  fetch: (source: Source, ids: number[]) => Promise<T[]>,
): Loader<T | null> {
  return new Loader(
    new DataLoader(
      (keys) =>
        perSource<T | null>(
          fed,
          keys,
          null,
          async (source, ids) => new Map((await fetch(source, ids)).map((e) => [e.id, e])),
        ),
      { cacheKeyFn: keyString, maxBatchSize: 1000 },
    ),
  );
}

/**
 * A small bounded list per parent (requirements, events, attachments, …): one statement per source; the
 * province's error when its source failed (an empty list would claim there is nothing).
 */
export function listLoader<T>(
  fed: Federation,
  fetch: (source: Source, parentIds: number[]) => Promise<T[]>,
  parentOf: (row: T) => number,
): Loader<T[]> {
  return new Loader(
    new DataLoader(
      (keys) =>
        perSource<T[]>(fed, keys, [], async (source, ids) => {
          const rows = await fetch(source, ids);
          const groups = groupBy(ids, rows, parentOf);
          return new Map(ids.map((id, i) => [id, groups[i]!]));
        }),
      { cacheKeyFn: keyString, maxBatchSize: 1000 },
    ),
  );
}

/** Per-parent counts (nested totalCount), one grouped statement per source; as listLoader on failure. */
export function countLoader(
  fed: Federation,
  fetch: (source: Source, parentIds: number[]) => Promise<Map<number, number>>,
): Loader<number> {
  return new Loader(
    new DataLoader(
      (keys) =>
        perSource<number>(fed, keys, 0, async (source, ids) => {
          const counts = await fetch(source, ids);
          return new Map(ids.map((id) => [id, counts.get(id) ?? 0]));
        }),
      { cacheKeyFn: keyString, maxBatchSize: 1000 },
    ),
  );
}

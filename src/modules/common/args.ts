import { BadUserInputError } from '../../errors.ts';
import type { SortSpec } from '../../db/keyset.ts';
import { decodeId, requireId, type NodeType } from '../../graphql/ids.ts';
import type { LocalKey } from '../../graphql/loaders.ts';
import type { Federation } from '../../sources/federation.ts';
import type { Source } from '../../sources/registry.ts';

export const MAX_SEARCH_LENGTH = 200;

/** Trims and NFC-normalises a search text; rejects unreasonably long ones. */
export function searchText(raw: string | null | undefined, argument = 'filter.search'): string | undefined {
  if (raw == null) return undefined;
  const text = raw.normalize('NFC').trim();
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(
      `Argument "${argument}" is too long (${text.length} characters, at most ${MAX_SEARCH_LENGTH})`,
      {
        argument,
      },
    );
  }
  return text || undefined;
}

/** Resolves an order argument to a sort spec, falling back to the list's default. */
export function sortSpec<K extends string>(
  sorts: Record<K, Omit<SortSpec, 'direction'>>,
  order: { field: K; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  fallback: { field: K; direction: 'ASC' | 'DESC' },
): SortSpec {
  const field = order?.field ?? fallback.field;
  const direction = order?.direction ?? fallback.direction;
  return { ...sorts[field], direction: direction === 'ASC' ? 'asc' : 'desc' };
}

/** An id filter narrows the sources to the id's province and yields its local id. */
export function idFilter(id: string | null | undefined, type: NodeType, argument: string) {
  if (id == null) return undefined;
  return requireId(id, type, argument);
}

export function dateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  name: string,
): void {
  if (from && to && from > to) {
    throw new BadUserInputError(
      `Argument "${name}" range is empty: ${name}From ${from} is after ${name}To ${to}`,
      {
        argument: `filter.${name}From`,
      },
    );
  }
}

/**
 * The sources a list asks: those of the `provinces` filter (validated), narrowed to the province of any
 * id filter (a unit or procedure lives in exactly one source).
 */
export function sourcesFor(
  fed: Federation,
  provinces: readonly string[] | null | undefined,
  ...pins: ({ province: string } | undefined)[]
): Source[] {
  const selected = fed.select(provinces);
  const pinned = pins.filter((x): x is { province: string } => x !== undefined).map((x) => x.province);
  return selected.filter((s) => pinned.every((p) => p === s.code));
}

/** Resolves an `id` argument of a single-object field: malformed is the caller's error, unknown is null. */
export function localKeyOf(fed: Federation, id: string, type: NodeType): LocalKey | null {
  const d = decodeId(id);
  if (!d) throw new BadUserInputError(`Argument "id" is not a valid id: "${id}"`, { argument: 'id' });
  if (d.type !== type || !fed.source(d.province)) return null;
  return { province: d.province, id: d.localId };
}

import { BadUserInputError } from '../../errors.ts';
import type { SortSpec } from '../../db/keyset.ts';
import { requireId, type NodeType } from '../../server/ids.ts';

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

/** Sources narrowed by an id filter pointing at one province. */
export function narrow(
  provinces: readonly string[] | null | undefined,
  ...ids: ({ province: string } | undefined)[]
) {
  const pinned = ids.filter((x): x is { province: string } => x !== undefined).map((x) => x.province);
  if (!pinned.length) return provinces;
  const base = provinces ?? pinned;
  return base.filter((p) => pinned.every((q) => q === p));
}

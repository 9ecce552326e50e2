import type { Config } from '../config.ts';
import { UsageError } from '../errors.ts';
import { DEMO_PROVINCES } from '../sources/demo.ts';
import { readSourcesFile } from '../sources/registry.ts';

/** How a command names a province: by code (`40`), slug (`nghe-an`) or name (`Nghệ An`, `nghe an`). */
export interface ProvinceRef {
  code: string;
  slug: string;
  name: string;
}

/** The provinces this configuration serves, without opening a database: the sources file or the demo set. */
export function knownProvinces(config: Pick<Config, 'sourcesFile'>): ProvinceRef[] {
  const infos = config.sourcesFile ? readSourcesFile(config.sourcesFile) : DEMO_PROVINCES;
  return infos.map(({ code, slug, name }) => ({ code, slug, name }));
}

/** Case, accents, đ and separators folded away: `NGHỆ AN`, `Nghe-An` and `nghe an` all become `nghe an`. */
export function foldProvinceName(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

export const describeProvince = (p: ProvinceRef) => `${p.code} ${p.name}`;

/** One province by code, slug or name; a UsageError listing every known one otherwise. */
export function resolveProvince(input: string, known: readonly ProvinceRef[]): ProvinceRef {
  const wanted = input.normalize('NFC').trim();
  const folded = foldProvinceName(wanted);
  const found =
    known.find((p) => p.code === wanted) ??
    known.find((p) => foldProvinceName(p.slug) === folded || foldProvinceName(p.name) === folded);
  if (!found)
    throw new UsageError(`unknown province "${input}" (known: ${known.map(describeProvince).join(', ')})`);
  return found;
}

/**
 * `--<flag> A,B` or `--all` (or, with defaultAll, neither): the provinces a command works on, in the
 * order given, each once.
 */
export function pickProvinces(
  one: string | undefined,
  all: boolean | undefined,
  known: readonly ProvinceRef[],
  opts: { flag: 'source' | 'province'; defaultAll?: boolean },
): ProvinceRef[] {
  if (one !== undefined && all) throw new UsageError(`use either --${opts.flag} CODE or --all, not both`);
  if (one !== undefined) {
    const picked = one
      .split(',')
      .filter((part) => part.trim() !== '')
      .map((part) => resolveProvince(part, known));
    if (picked.length === 0) throw new UsageError(`--${opts.flag} needs a province code, slug or name`);
    return [...new Map(picked.map((p) => [p.code, p])).values()];
  }
  if (all || opts.defaultAll) return [...known];
  throw new UsageError(`missing --${opts.flag} CODE or --all`);
}

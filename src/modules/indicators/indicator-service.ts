import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { localDay } from '../../calendar/index.ts';
import { BadUserInputError } from '../../errors.ts';
import { requireId } from '../../graphql/ids.ts';
import type { IndicatorRowModel, IndicatorTableModel } from '../../graphql/models.ts';
import type {
  Channel,
  IndicatorDimension,
  IndicatorMeasure,
  QueryIndicatorsArgs,
} from '../../graphql/generated/schema-types.ts';
import { provinceInfo } from '../../sources/demo.ts';
import type { Federation } from '../../sources/federation.ts';
import type { Source } from '../../sources/registry.ts';
import { MAX_SEARCH_LENGTH } from '../common/args.ts';
import { measureOf } from './indicator-measures.ts';
import { emptySums, indicatorStore, type IndicatorGroup, type LocalDimension } from './indicator-store.ts';

/** Longest period, in days (ten years): the aggregates are daily, so cost grows with it. */
export const MAX_PERIOD_DAYS = 3660;
export const MAX_INDICATOR_ROWS = 1000;
/** Items of one filter list (units, procedures, fields, channels). */
export const MAX_FILTER_ITEMS = 100;

/** Fields whose value needs the distinct procedures of each row (a statement of their own). */
const PROCEDURE_FIELDS = new Set(['procedures', 'fullOnlineShare', 'partialOnlineShare', 'onlineServices']);

/** Field names asked anywhere under the indicators field (fragments followed). */
function askedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        names.add(s.name.value);
        walk(s.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk((info.fragments[s.name.value] as FragmentDefinitionNode | undefined)?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return names;
}

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

function list<T>(v: readonly T[] | null | undefined, argument: string): T[] | null {
  if (v == null) return null;
  if (v.length === 0)
    throw new BadUserInputError(`Argument "${argument}" is empty: leave it out to count everything`, {
      argument,
    });
  if (v.length > MAX_FILTER_ITEMS) {
    throw new BadUserInputError(`Argument "${argument}" has ${v.length} items, at most ${MAX_FILTER_ITEMS}`, {
      argument,
    });
  }
  return [...new Set(v)];
}

/** A row model from merged sums; keys per dimension as the service merged them. */
function rowModel(
  dims: IndicatorDimension[],
  keys: (string | number)[] | null,
  home: string | null,
  g: Omit<IndicatorGroup, 'keys'>,
): IndicatorRowModel {
  const at = (d: IndicatorDimension) => {
    const i = dims.indexOf(d);
    return keys && i >= 0 ? keys[i]! : null;
  };
  const province = at('PROVINCE') as string | null;
  const unitId = at('UNIT') as number | null;
  const procedureId = at('PROCEDURE') as number | null;
  const time = at('MONTH') ?? at('QUARTER') ?? at('YEAR');
  return {
    province: province ?? (unitId != null || procedureId != null ? home : null),
    home,
    unitId,
    procedureId,
    field: at('FIELD') as string | null,
    period: time == null ? null : String(time),
    channel: at('CHANNEL') as Channel | null,
    ...g.sums,
    processingTenths: g.tenths,
    procedures: g.procedures,
  };
}

function mergeInto(target: Omit<IndicatorGroup, 'keys'>, g: IndicatorGroup): void {
  for (const k of Object.keys(target.sums) as (keyof typeof target.sums)[]) target.sums[k] += g.sums[k];
  for (const [t, n] of g.tenths) target.tenths.set(t, (target.tenths.get(t) ?? 0) + n);
  if (g.procedures) {
    const p = (target.procedures ??= { total: 0, full: 0, partial: 0 });
    p.total += g.procedures.total;
    p.full += g.procedures.full;
    p.partial += g.procedures.partial;
  }
}

const isEmpty = (r: IndicatorRowModel) =>
  r.received === 0 && r.resolved === 0 && r.notCounted === 0 && r.pending === 0 && r.overdue === 0;

/** Label order: each key in turn (numbers as numbers, text in Vietnamese collation). */
const collator = new Intl.Collator('vi');
function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Service-quality indicators over the federation: each province sums its own aggregates (indicator-store),
 * the hub merges the groups (a field, a month or a channel is one group across provinces; a unit or a
 * procedure belongs to its province), computes every rate from the merged sums, sorts and cuts.
 */
export function createIndicatorService(fed: Federation, requestTime: Date) {
  return {
    async table(args: QueryIndicatorsArgs, info: GraphQLResolveInfo): Promise<IndicatorTableModel> {
      const { from, to } = args.period;
      if (from > to) {
        throw new BadUserInputError(`Argument "period" is empty: from ${from} is after to ${to}`, {
          argument: 'period',
        });
      }
      const span = dayNumber(to) - dayNumber(from) + 1;
      if (span > MAX_PERIOD_DAYS) {
        throw new BadUserInputError(`Argument "period" spans ${span} days, at most ${MAX_PERIOD_DAYS}`, {
          argument: 'period',
        });
      }
      const dims = [...(args.groupBy ?? [])];
      if (dims.length > 2 || new Set(dims).size !== dims.length) {
        throw new BadUserInputError('Argument "groupBy" takes one or two different dimensions', {
          argument: 'groupBy',
        });
      }
      const first = args.first ?? 100;
      if (!Number.isInteger(first) || first < 1 || first > MAX_INDICATOR_ROWS) {
        throw new BadUserInputError(`Argument "first" must be 1–${MAX_INDICATOR_ROWS}, got ${first}`, {
          argument: 'first',
        });
      }
      const f = args.filter ?? {};
      const units = list(f.units, 'filter.units')?.map((id) => requireId(id, 'Unit', 'filter.units'));
      const procedures = list(f.procedures, 'filter.procedures')?.map((id) =>
        requireId(id, 'Procedure', 'filter.procedures'),
      );
      const fields = list(f.fields, 'filter.fields')?.map((x) => x.trim());
      if (fields?.some((x) => x.length === 0 || x.length > MAX_SEARCH_LENGTH)) {
        throw new BadUserInputError(
          `Argument "filter.fields" holds an empty name or one over ${MAX_SEARCH_LENGTH} characters`,
          { argument: 'filter.fields' },
        );
      }
      const channels = list(f.channels, 'filter.channels');
      // an id filter names its province: only those provinces are read, each with its own ids
      let sources: Source[] = fed.select(f.provinces, 'filter.provinces');
      for (const ids of [units, procedures]) {
        if (ids) sources = sources.filter((s) => ids.some((i) => i.province === s.code));
      }
      const rollUp = args.rollUpToSuccessors ?? false;
      const asked = askedFields(info);
      const order = args.orderBy;
      const histogram = asked.has('medianProcessingDays') || order?.measure === 'MEDIAN_PROCESSING_DAYS';
      const needProcedures = [...PROCEDURE_FIELDS].some((n) => asked.has(n));
      const localDims = dims.filter((d): d is LocalDimension => d !== 'PROVINCE');
      const today = localDay(requestTime);

      const answers = await fed.each(sources, (s) =>
        indicatorStore(s.db).groups({
          from,
          to,
          unitIds: units ? units.filter((u) => u.province === s.code).map((u) => u.localId) : null,
          procedureIds: procedures
            ? procedures.filter((p) => p.province === s.code).map((p) => p.localId)
            : null,
          fields: fields ?? null,
          channels: channels ?? null,
          dims: localDims,
          rollUp,
          today,
          now: requestTime,
          // one province: it finds each median itself (a few rows); several: whole histograms, merged here
          histogram: histogram ? (sources.length === 1 ? 'median' : 'full') : false,
          procedures: needProcedures,
        }),
      );

      // merge: PROVINCE is the source (or its successor); UNIT and PROCEDURE keys stay in their province
      const merged = new Map<
        string,
        { keys: (string | number)[]; home: string | null; g: Omit<IndicatorGroup, 'keys'> }
      >();
      const total: Omit<IndicatorGroup, 'keys'> = { sums: emptySums(), tenths: new Map(), procedures: null };
      for (const { source, value } of answers) {
        const successor = rollUp ? provinceInfo(source).successor : undefined;
        const provinceKey = successor?.code ?? source.code;
        const perProvince = localDims.includes('UNIT') || localDims.includes('PROCEDURE');
        for (const g of value) {
          if (g.keys === null) {
            mergeInto(total, g);
            continue;
          }
          const local = g.keys;
          const keys = dims.map((d) => (d === 'PROVINCE' ? provinceKey : local[localDims.indexOf(d)]!));
          const home = perProvince ? source.code : null;
          const id = JSON.stringify([home, keys]);
          let m = merged.get(id);
          if (!m) {
            m = { keys, home, g: { sums: emptySums(), tenths: new Map(), procedures: null } };
            merged.set(id, m);
          }
          mergeInto(m.g, g);
        }
      }
      let rows = [...merged.values()]
        .map((m) => ({ keys: m.keys, row: rowModel(dims, m.keys, m.home, m.g) }))
        .filter((r) => !isEmpty(r.row));
      rows.sort((a, b) => compareKeys(a.keys, b.keys) || (a.row.home ?? '').localeCompare(b.row.home ?? ''));
      if (order) rows = sortByMeasure(rows, order.measure, order.direction ?? 'DESC');
      return {
        from,
        to,
        groupBy: dims,
        asOf: requestTime,
        rows: rows.slice(0, first).map((r) => r.row),
        totalRows: rows.length,
        total: rowModel(dims, null, null, total),
      };
    },
  };
}

/** Stable sort by a measure; rows where it is null (no denominator) last in either direction. */
function sortByMeasure<T extends { row: IndicatorRowModel }>(
  rows: T[],
  measure: IndicatorMeasure,
  direction: 'ASC' | 'DESC',
): T[] {
  const sign = direction === 'ASC' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, v: measureOf(r.row, measure) }))
    .sort((a, b) => {
      if (a.v == null || b.v == null) return (a.v == null ? 1 : 0) - (b.v == null ? 1 : 0) || a.i - b.i;
      return sign * (a.v - b.v) || a.i - b.i;
    })
    .map((x) => x.r);
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;

declare module '../../graphql/context.ts' {
  interface Services {
    indicators: IndicatorService;
  }
}

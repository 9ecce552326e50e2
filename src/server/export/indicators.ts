import { MAX_INDICATOR_ROWS, MAX_PERIOD_DAYS } from '../../modules/indicators/indicator-service.ts';
import { ErrorCode } from '../../errors.ts';
import type { InProcessResult } from '../graphql-route.ts';
import { BOM, csvLine, type Cell } from './csv.ts';
import {
  checkRange,
  ExportParamError,
  parseParams,
  type ParamContext,
  type ParamSpec,
  type RawParams,
} from './params.ts';
import { refusal, TrailingErrors, type ExportDeps, type StartedExport } from './run.ts';

/** GET /export/indicators.csv and `lienthong export indicators`: the arguments of Query.indicators. */
export const INDICATOR_PARAMS: ParamSpec = {
  from: { type: 'date', required: true },
  to: { type: 'date', required: true },
  groupBy: { type: 'enum', enumName: 'IndicatorDimension', list: true },
  provinces: { type: 'province', list: true },
  units: { type: 'id', node: 'Unit', list: true },
  procedures: { type: 'id', node: 'Procedure', list: true },
  // field names hold commas (`Tín ngưỡng, tôn giáo`): one per value, repeated
  fields: { type: 'text', list: true, maxLength: 200 },
  channels: { type: 'enum', enumName: 'Channel', list: true },
  orderBy: { type: 'enum', enumName: 'IndicatorMeasure' },
  direction: { type: 'enum', enumName: 'OrderDirection' },
  first: { type: 'int', min: 1, max: MAX_INDICATOR_ROWS },
  rollUpToSuccessors: { type: 'bool' },
};

export interface IndicatorExportRequest {
  variables: Record<string, unknown>;
  groupBy: string[];
  /** Whether the caller chose `first`; else the export takes as many rows as MAX_QUERY_COST allows. */
  firstAsked: boolean;
}

const epochDay = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** Checks the parameters (before any SQL) into the operation's variables; throws ExportParamError. */
export function indicatorRequest(raw: RawParams, ctx: ParamContext): IndicatorExportRequest {
  const v = parseParams(INDICATOR_PARAMS, raw, ctx);
  checkRange(v, 'from', 'to', ctx.label);
  const days = epochDay(v.to as string) - epochDay(v.from as string) + 1;
  if (days > MAX_PERIOD_DAYS)
    throw new ExportParamError(
      'to',
      `The period ${ctx.label('from')}…${ctx.label('to')} spans ${days} days, more than ${MAX_PERIOD_DAYS}`,
    );
  const groupBy = (v.groupBy as string[] | undefined) ?? [];
  if (groupBy.length > 2)
    throw new ExportParamError('groupBy', `Parameter ${ctx.label('groupBy')} takes one or two dimensions`);
  if (v.direction !== undefined && v.orderBy === undefined)
    throw new ExportParamError(
      'direction',
      `Parameter ${ctx.label('direction')} needs ${ctx.label('orderBy')}`,
    );
  const filter = Object.fromEntries(
    (['provinces', 'units', 'procedures', 'fields', 'channels'] as const)
      .filter((k) => v[k] !== undefined)
      .map((k) => [k, v[k]]),
  );
  return {
    groupBy,
    firstAsked: v.first !== undefined,
    variables: {
      period: { from: v.from, to: v.to },
      filter,
      groupBy,
      orderBy: v.orderBy === undefined ? null : { measure: v.orderBy, direction: v.direction ?? 'DESC' },
      first: v.first ?? MAX_INDICATOR_ROWS,
      rollUpToSuccessors: v.rollUpToSuccessors ?? false,
      withProvince: groupBy.some((d) => ['PROVINCE', 'UNIT', 'PROCEDURE'].includes(d)),
      withUnit: groupBy.includes('UNIT'),
      withProcedure: groupBy.includes('PROCEDURE'),
    },
  };
}

// the group objects only when grouped by them: each costs per row, and MAX_QUERY_COST bounds the rows
const QUERY = `query ExportIndicators($period: IndicatorPeriod!, $filter: IndicatorFilter, $groupBy: [IndicatorDimension!], $orderBy: IndicatorOrder, $first: Int, $rollUpToSuccessors: Boolean, $withProvince: Boolean!, $withUnit: Boolean!, $withProcedure: Boolean!) {
  indicators(period: $period, filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first, rollUpToSuccessors: $rollUpToSuccessors) {
    totalRows
    rows {
      province @include(if: $withProvince) { code name }
      unit @include(if: $withUnit) { code name }
      procedure @include(if: $withProcedure) { nationalCode name }
      field period channel
      ...Measures
    }
    total { ...Measures }
  }
}
fragment Measures on IndicatorRow {
  received receivedOnline resolved early onTime late pending overdue notCounted
  onTimeRate averageProcessingDays medianProcessingDays onlineShare onlinePaymentRate digitisedRate
  electronicResultRate dataReusedRate ratings satisfactionAverage goodRatingShare
  procedures fullOnlineShare partialOnlineShare
  points { timeliness onlineServices onlinePayment digitisation satisfaction }
}`;

type Row = Record<string, unknown> & {
  province?: { code: string; name: string } | null;
  unit?: { code: string; name: string } | null;
  procedure?: { nationalCode: string; name: string } | null;
  field: string | null;
  period: string | null;
  channel: string | null;
  points: Record<string, number | null>;
};

/** Measures in the order of IndicatorRow: snake_case header, field name. */
const MEASURES: readonly (readonly [string, string])[] = [
  ['received', 'received'],
  ['received_online', 'receivedOnline'],
  ['resolved', 'resolved'],
  ['early', 'early'],
  ['on_time', 'onTime'],
  ['late', 'late'],
  ['pending', 'pending'],
  ['overdue', 'overdue'],
  ['not_counted', 'notCounted'],
  ['on_time_rate', 'onTimeRate'],
  ['average_processing_days', 'averageProcessingDays'],
  ['median_processing_days', 'medianProcessingDays'],
  ['online_share', 'onlineShare'],
  ['online_payment_rate', 'onlinePaymentRate'],
  ['digitised_rate', 'digitisedRate'],
  ['electronic_result_rate', 'electronicResultRate'],
  ['data_reused_rate', 'dataReusedRate'],
  ['ratings', 'ratings'],
  ['satisfaction_average', 'satisfactionAverage'],
  ['good_rating_share', 'goodRatingShare'],
  ['procedures', 'procedures'],
  ['full_online_share', 'fullOnlineShare'],
  ['partial_online_share', 'partialOnlineShare'],
];
const POINTS: readonly (readonly [string, string])[] = [
  ['points_timeliness', 'timeliness'],
  ['points_online_services', 'onlineServices'],
  ['points_online_payment', 'onlinePayment'],
  ['points_digitisation', 'digitisation'],
  ['points_satisfaction', 'satisfaction'],
];

/** The group columns of the dimensions asked, in the order asked; the province once, before a unit or procedure. */
export function groupColumns(groupBy: readonly string[]): (readonly [string, (r: Row) => Cell])[] {
  const cols: (readonly [string, (r: Row) => Cell])[] = [];
  const province = () => {
    if (cols.some(([h]) => h === 'province_code')) return;
    cols.push(['province_code', (r) => r.province?.code], ['province_name', (r) => r.province?.name]);
  };
  for (const d of groupBy) {
    if (d === 'PROVINCE') province();
    else if (d === 'UNIT') {
      province();
      cols.push(['unit_code', (r) => r.unit?.code], ['unit_name', (r) => r.unit?.name]);
    } else if (d === 'PROCEDURE') {
      province();
      cols.push(
        ['procedure_code', (r) => r.procedure?.nationalCode],
        ['procedure_name', (r) => r.procedure?.name],
      );
    } else if (d === 'FIELD') cols.push(['field', (r) => r.field]);
    else if (d === 'CHANNEL') cols.push(['channel', (r) => r.channel]);
    else cols.push(['period', (r) => r.period]); // MONTH, QUARTER, YEAR
  }
  return cols;
}

const asCell = (v: unknown): Cell => (typeof v === 'number' || typeof v === 'string' ? v : null);

/** Attempts at fitting the table under MAX_QUERY_COST before giving up. */
const COST_FITS = 4;
/** `indicators` prices its rows in blocks of this many (src/server/limits.ts). */
const ROW_BLOCK = 100;

/**
 * Runs `indicators` once (the table is at most 1,000 rows and its total) and returns the export that writes
 * it: a `rank` column (1, 2, … in the table's order, `TOTAL` for the total line), the group columns, then
 * every measure and the Decision 766 points. Without `first`, the table holds as many rows as MAX_QUERY_COST
 * allows for this selection (1,000 if it can), and says so in a trailing row when groups were left out.
 */
export async function startIndicatorExport(
  req: IndicatorExportRequest,
  deps: ExportDeps,
): Promise<StartedExport> {
  const run = (first: number) =>
    deps.execute({
      viewer: deps.viewer,
      clientAddress: deps.clientAddress,
      requestId: deps.requestId,
      requestTime: deps.requestTime,
      query: QUERY,
      variables: { ...req.variables, first },
      operationName: 'ExportIndicators',
    });
  const tableOf = (r: InProcessResult) =>
    r.result.data?.indicators as { rows: Row[]; total: Row; totalRows: number } | undefined;
  let first = req.variables.first as number;
  let r = await run(first);
  let operations = 1;
  let sqlStatements = r.sqlStatements;
  for (let i = 1; i < COST_FITS && !tableOf(r) && !req.firstAsked; i++) {
    const costly = r.result.errors?.find((e) => e.extensions?.code === ErrorCode.QUERY_TOO_COSTLY);
    const cost = costly?.extensions?.cost;
    const limit = costly?.extensions?.limit;
    if (typeof cost !== 'number' || typeof limit !== 'number' || first <= 1) break;
    const fits = Math.floor((first * limit) / cost);
    first = Math.max(1, Math.min(first - 1, fits >= ROW_BLOCK ? fits - (fits % ROW_BLOCK) : fits));
    r = await run(first);
    operations++;
    sqlStatements += r.sqlStatements;
  }
  const table = tableOf(r);
  if (!table) return refusal(r);
  const groups = groupColumns(req.groupBy);
  const header = ['rank', ...groups.map(([h]) => h), ...MEASURES.map(([h]) => h), ...POINTS.map(([h]) => h)];
  const line = (rank: Cell, row: Row, withGroups: boolean) =>
    csvLine([
      rank,
      ...groups.map(([, cell]) => (withGroups ? cell(row) : '')),
      ...MEASURES.map(([, f]) => asCell(row[f])),
      ...POINTS.map(([, f]) => asCell(row.points[f])),
    ]);
  const { from, to } = req.variables.period as { from: string; to: string };
  return {
    ok: true,
    filename: `lienthong-indicators-${from}_${to}.csv`,
    async writeTo(sink) {
      const trailing = new TrailingErrors();
      trailing.add(r.result.errors);
      const cut = !req.firstAsked && table.rows.length < table.totalRows;
      if (cut) {
        trailing.add([
          {
            message: `The table has ${table.totalRows} groups; this export holds the first ${table.rows.length}, as many as MAX_QUERY_COST allows (the TOTAL line counts them all): narrow the filter, or group more coarsely`,
            extensions: { code: ErrorCode.EXPORT_TRUNCATED },
          },
        ]);
      }
      await sink.write(
        BOM +
          csvLine(header) +
          table.rows.map((row, i) => line(i + 1, row, true)).join('') +
          line('TOTAL', table.total, false) +
          trailing.rows(header.length),
      );
      return {
        rows: table.rows.length + 1,
        pages: operations,
        sqlStatements,
        outcome: sink.signal.aborted
          ? 'closed'
          : trailing.size === 0
            ? 'complete'
            : cut
              ? 'truncated'
              : 'incomplete',
      };
    },
  };
}

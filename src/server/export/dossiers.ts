import { ErrorCode } from '../../errors.ts';
import { MAX_PAGE_SIZE } from '../../graphql/pagination.ts';
import type { InProcessResult } from '../graphql-route.ts';
import { BOM, csvLine, type Cell } from './csv.ts';
import { checkRange, parseParams, type ParamContext, type ParamSpec, type RawParams } from './params.ts';
import {
  abortableSleep,
  localDate,
  localMinute,
  rateLimitWait,
  refusal,
  TrailingErrors,
  type ExportDeps,
  type ExportSummary,
  type StartedExport,
} from './run.ts';

/** GET /export/dossiers.csv and `lienthong export dossiers`: DossierFilter, orderBy, direction and limit. */
export function dossierParamSpec(maxRows: number): ParamSpec {
  return {
    provinces: { type: 'province', list: true },
    status: { type: 'enum', enumName: 'DossierStatus', list: true },
    timeliness: { type: 'enum', enumName: 'Timeliness', list: true },
    channel: { type: 'enum', enumName: 'Channel' },
    procedure: { type: 'id', node: 'Procedure' },
    unit: { type: 'id', node: 'Unit' },
    receivedFrom: { type: 'date' },
    receivedTo: { type: 'date' },
    dueFrom: { type: 'date' },
    dueTo: { type: 'date' },
    resolvedFrom: { type: 'date' },
    resolvedTo: { type: 'date' },
    search: { type: 'text', maxLength: 200 },
    orderBy: { type: 'enum', enumName: 'DossierOrderField' },
    direction: { type: 'enum', enumName: 'OrderDirection' },
    limit: { type: 'int', min: 1, max: maxRows },
  };
}

const FILTER_KEYS = [
  'provinces',
  'status',
  'timeliness',
  'channel',
  'procedure',
  'unit',
  'receivedFrom',
  'receivedTo',
  'dueFrom',
  'dueTo',
  'resolvedFrom',
  'resolvedTo',
  'search',
] as const;

export interface DossierExportRequest {
  filter: Record<string, unknown>;
  orderBy: { field: string; direction: string };
  /** Rows asked for (`limit`); undefined: every matching dossier, up to EXPORT_MAX_ROWS. */
  limit: number | undefined;
}

/** Checks the parameters (before any SQL) into the operation's variables; throws ExportParamError. */
export function dossierRequest(raw: RawParams, ctx: ParamContext, maxRows: number): DossierExportRequest {
  const v = parseParams(dossierParamSpec(maxRows), raw, ctx);
  for (const [from, to] of [
    ['receivedFrom', 'receivedTo'],
    ['dueFrom', 'dueTo'],
    ['resolvedFrom', 'resolvedTo'],
  ] as const)
    checkRange(v, from, to, ctx.label);
  const filter = Object.fromEntries(FILTER_KEYS.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
  return {
    filter,
    orderBy: {
      field: (v.orderBy as string | undefined) ?? 'RECEIVED_AT',
      direction: (v.direction as string | undefined) ?? 'DESC',
    },
    limit: v.limit as number | undefined,
  };
}

const QUERY = `query ExportDossiers($filter: DossierFilter, $orderBy: DossierOrder, $first: Int!, $after: String, $withTotal: Boolean!) {
  dossiers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount @include(if: $withTotal)
    pageInfo { hasNextPage endCursor }
    nodes {
      id code
      province { code name }
      procedure { nationalCode name field }
      receivingUnit { code name }
      handlingUnit { code name }
      channel status statusCode
      submittedAt receivedAt dueAt resolvedAt returnedAt timeliness
      applicant { type name idNumber phone }
      apologyIssued satisfaction
      indicators { digitised electronicResult paidOnline vneidVerified dataReused }
    }
  }
}`;

interface Named {
  code: string;
  name: string;
}
interface DossierNode {
  id: string;
  code: string;
  province: Named;
  procedure: { nationalCode: string; name: string; field: string } | null;
  receivingUnit: Named | null;
  handlingUnit: Named | null;
  channel: string;
  status: string;
  statusCode: number;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  resolvedAt: string | null;
  returnedAt: string | null;
  timeliness: string;
  applicant: { type: string; name: string; idNumber: string | null; phone: string | null };
  apologyIssued: boolean;
  satisfaction: number | null;
  indicators: {
    digitised: boolean;
    electronicResult: boolean;
    paidOnline: boolean;
    vneidVerified: boolean;
    dataReused: boolean;
  };
}
interface DossierPage {
  totalCount?: number | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: DossierNode[];
}

/** The columns, in order: snake_case header and cell (README "Exports" documents each). */
export const DOSSIER_COLUMNS: readonly (readonly [string, (d: DossierNode) => Cell])[] = [
  ['province_code', (d) => d.province.code],
  ['province_name', (d) => d.province.name],
  ['code', (d) => d.code],
  ['procedure_code', (d) => d.procedure?.nationalCode],
  ['procedure_name', (d) => d.procedure?.name],
  ['field', (d) => d.procedure?.field],
  ['receiving_unit_code', (d) => d.receivingUnit?.code],
  ['receiving_unit_name', (d) => d.receivingUnit?.name],
  ['handling_unit_code', (d) => d.handlingUnit?.code],
  ['handling_unit_name', (d) => d.handlingUnit?.name],
  ['channel', (d) => d.channel],
  ['status', (d) => d.status],
  ['status_code', (d) => d.statusCode],
  ['submitted_at', (d) => localMinute(d.submittedAt)],
  ['received_at', (d) => localMinute(d.receivedAt)],
  ['due_at', (d) => localMinute(d.dueAt)],
  ['resolved_at', (d) => localMinute(d.resolvedAt)],
  ['returned_at', (d) => localMinute(d.returnedAt)],
  ['timeliness', (d) => d.timeliness],
  ['applicant_type', (d) => d.applicant.type],
  ['applicant_name', (d) => d.applicant.name],
  ['applicant_id_number', (d) => d.applicant.idNumber],
  ['applicant_phone', (d) => d.applicant.phone],
  ['digitised', (d) => d.indicators.digitised],
  ['electronic_result', (d) => d.indicators.electronicResult],
  ['paid_online', (d) => d.indicators.paidOnline],
  ['vneid_verified', (d) => d.indicators.vneidVerified],
  ['data_reused', (d) => d.indicators.dataReused],
  ['apology_issued', (d) => d.apologyIssued],
  ['satisfaction', (d) => d.satisfaction],
  ['id', (d) => d.id],
];
const WIDTH = DOSSIER_COLUMNS.length;
const HEADER = csvLine(DOSSIER_COLUMNS.map(([h]) => h));
const line = (d: DossierNode) => csvLine(DOSSIER_COLUMNS.map(([, cell]) => cell(d)));

/** Attempts at fitting the first page under MAX_QUERY_COST before giving up. */
const COST_FITS = 4;

/**
 * Runs the first page (so a refusal can still be an HTTP status) and returns the export that streams the
 * rest: `dossiers(first, after)` page after page along the keyset cursors, each page written as it
 * arrives. The page size starts at the API's maximum (500) and shrinks to what MAX_QUERY_COST allows for
 * this selection and number of provinces, using the cost the refusal reports (no SQL runs for it).
 */
export async function startDossierExport(
  req: DossierExportRequest,
  deps: ExportDeps,
): Promise<StartedExport> {
  const cap = Math.min(req.limit ?? deps.maxRows, deps.maxRows);
  let size = Math.min(MAX_PAGE_SIZE, cap);
  let sqlStatements = 0;
  let pages = 0;
  const run = async (first: number, after: string | null, withTotal: boolean): Promise<InProcessResult> => {
    const r = await deps.execute({
      viewer: deps.viewer,
      clientAddress: deps.clientAddress,
      requestId: deps.requestId,
      requestTime: deps.requestTime,
      query: QUERY,
      variables: { filter: req.filter, orderBy: req.orderBy, first, after, withTotal },
      operationName: 'ExportDossiers',
    });
    sqlStatements += r.sqlStatements;
    pages++;
    return r;
  };
  const pageOf = (r: InProcessResult) => (r.result.data?.dossiers ?? null) as DossierPage | null;

  let first = await run(size, null, true);
  for (let i = 1; i < COST_FITS && !pageOf(first); i++) {
    const costly = first.result.errors?.find((e) => e.extensions?.code === ErrorCode.QUERY_TOO_COSTLY);
    const cost = costly?.extensions?.cost;
    const limit = costly?.extensions?.limit;
    if (typeof cost !== 'number' || typeof limit !== 'number' || size <= 1) break;
    size = Math.max(1, Math.min(size - 1, Math.floor((size * limit) / cost)));
    first = await run(size, null, true);
  }
  const firstPage = pageOf(first);
  if (!firstPage) return refusal(first);
  const sleep = deps.sleep ?? abortableSleep;

  return {
    ok: true,
    filename: `lienthong-dossiers-${localDate(deps.requestTime)}.csv`,
    totalCount: firstPage.totalCount ?? undefined,
    async writeTo(sink): Promise<ExportSummary> {
      const trailing = new TrailingErrors();
      let rows = 0;
      let cut = false;
      let page: DossierPage = firstPage;
      let result = first;
      await sink.write(BOM + HEADER);
      for (;;) {
        trailing.add(result.result.errors);
        const take = Math.min(page.nodes.length, cap - rows);
        if (take > 0) await sink.write(page.nodes.slice(0, take).map(line).join(''));
        rows += take;
        if (sink.signal.aborted) return { rows, pages, sqlStatements, outcome: 'closed' };
        const more = take < page.nodes.length || page.pageInfo.hasNextPage;
        if (!more) break;
        if (rows >= cap) {
          cut = true;
          break;
        }
        // a page refused by the caller's cost budget waits for it, as a polite client of /graphql would
        let next: DossierPage | null = null;
        for (;;) {
          result = await run(Math.min(size, cap - rows), page.pageInfo.endCursor, false);
          if (sink.signal.aborted) return { rows, pages, sqlStatements, outcome: 'closed' };
          next = pageOf(result);
          const wait = next ? undefined : rateLimitWait(result);
          if (wait === undefined) break;
          await sleep(wait * 1000, sink.signal);
          if (sink.signal.aborted) return { rows, pages, sqlStatements, outcome: 'closed' };
        }
        if (!next) {
          trailing.add(result.result.errors);
          break;
        }
        page = next;
      }
      const truncated = cut && req.limit === undefined;
      if (truncated) {
        trailing.add([
          {
            message: `The export stopped at ${cap} rows (EXPORT_MAX_ROWS); more dossiers match: narrow the filter (e.g. receivedFrom/receivedTo, provinces) and export the rest separately`,
            extensions: { code: ErrorCode.EXPORT_TRUNCATED },
          },
        ]);
      }
      if (trailing.size) await sink.write(trailing.rows(WIDTH));
      const outcome = trailing.size === 0 ? 'complete' : truncated ? 'truncated' : 'incomplete';
      return { rows, pages, sqlStatements, outcome };
    },
  };
}

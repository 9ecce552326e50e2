import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { Knex } from 'knex';
import type client from 'prom-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { currentStatementTally } from '../../src/db/statement-counter.ts';
import { encodeId } from '../../src/graphql/ids.ts';
import { csvCell } from '../../src/server/export/csv.ts';
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/hub.ts';

/**
 * CSV exports (README "Exports"): GET /export/dossiers.csv and /export/indicators.csv, and `lienthong
 * export`. Every export is read back with a real CSV parser (csv-parse) and compared with what /graphql
 * answers for the same question.
 */

/** A parsed CSV record by header name (the columns used here named, so reading them needs no check). */
type Row = Record<string, string> &
  Record<
    | 'province_code'
    | 'province_name'
    | 'code'
    | 'applicant_id_number'
    | 'applicant_name'
    | 'rank'
    | 'field'
    | 'unit_name',
    string
  >;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Data rows and trailing `#ERROR` rows of a CSV (header names as keys). */
function readCsv(text: string): { rows: Row[]; errors: Row[] } {
  const all = parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Row[];
  return {
    rows: all.filter((r) => r.province_code !== '#ERROR' && r.rank !== '#ERROR'),
    errors: all.filter((r) => r.province_code === '#ERROR' || r.rank === '#ERROR'),
  };
}

/** An ISO instant as the export writes it: local time UTC+7, to the minute. */
const local = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

/** SQL statements sent inside requests (a statement tally is active), on the hub's and every source's knex. */
function countStatements(hub: TestHub) {
  let n = 0;
  const dbs: Knex[] = [hub.rt.hub, ...hub.rt.sources.all.map((s) => s.db)];
  const listener = () => {
    if (currentStatementTally()) n++;
  };
  for (const db of dbs) db.on('query', listener);
  return {
    get count() {
      return n;
    },
    stop: () => dbs.forEach((db) => db.off('query', listener)),
  };
}

async function exportsCounted(hub: TestHub, outcome: string): Promise<number> {
  const metric = hub.rt.metrics.registry.getSingleMetric('lienthong_exports_total') as
    client.Counter | undefined;
  const values = (await metric?.get())?.values ?? [];
  return values.filter((v) => v.labels.outcome === outcome).reduce((a, v) => a + v.value, 0);
}

const DOSSIER_FIELDS = `code statusCode satisfaction timeliness submittedAt resolvedAt
  province { name } procedure { field name } applicant { name idNumber phone }`;

interface DossierPageData {
  dossiers: {
    totalCount: number;
    nodes: GqlDossier[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

interface GqlDossier {
  code: string;
  statusCode: number;
  satisfaction: number | null;
  timeliness: string;
  submittedAt: string;
  resolvedAt: string | null;
  province: { name: string };
  procedure: { field: string; name: string };
  applicant: { name: string; idNumber: string | null; phone: string | null };
}

/** Every dossier /graphql lists for a filter and order, page by page. */
async function allDossiers(
  hub: TestHub,
  headers: Record<string, string>,
  filter: Record<string, unknown>,
  orderBy: Record<string, string>,
  max = Infinity,
): Promise<{ nodes: GqlDossier[]; totalCount: number }> {
  const nodes: GqlDossier[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const res: GraphQLResponse<DossierPageData> = await hub.gql<DossierPageData>(
      `query($filter: DossierFilter, $orderBy: DossierOrder, $after: String, $first: Int) {
        dossiers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } nodes { ${DOSSIER_FIELDS} }
        }
      }`,
      { filter, orderBy, after, first: Math.min(200, max - nodes.length) },
      { headers },
    );
    expect(res.errors).toBeUndefined();
    totalCount = res.data!.dossiers.totalCount;
    nodes.push(...res.data!.dossiers.nodes);
    if (!res.data!.dossiers.pageInfo.hasNextPage || nodes.length >= max) return { nodes, totalCount };
    after = res.data!.dossiers.pageInfo.endCursor;
  }
}

function expectSameDossiers(rows: Row[], nodes: GqlDossier[]) {
  expect(rows.map((r) => r.code)).toEqual(nodes.map((n) => n.code));
  rows.forEach((r, i) => {
    const n = nodes[i]!;
    expect(Number(r.status_code)).toBe(n.statusCode);
    expect(r.satisfaction === '' ? null : Number(r.satisfaction)).toBe(n.satisfaction);
    expect(r.timeliness).toBe(n.timeliness);
    expect(r.submitted_at).toBe(local(n.submittedAt));
    expect(r.resolved_at).toBe(local(n.resolvedAt));
    expect(r.province_name).toBe(n.province.name);
    expect(r.field).toBe(n.procedure.field);
    expect(r.procedure_name).toBe(n.procedure.name);
    expect(r.applicant_id_number).toBe(n.applicant.idNumber ?? '');
    expect(r.applicant_phone).toBe(n.applicant.phone ?? '');
  });
}

async function get(hub: TestHub, pathAndQuery: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${hub.url}${pathAndQuery}`, { headers });
  const buf = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, buf, text: buf.toString('utf8') };
}

let hub: TestHub;
let reader: Record<string, string>;
let piiReader: { id: number; headers: Record<string, string> };
let auditor: Record<string, string>;

beforeAll(async () => {
  hub = await startTestHub();
  reader = (await hub.key(['read'])).headers;
  piiReader = await hub.key(['read', 'pii:read']);
  auditor = (await hub.key(['read', 'audit:read'])).headers;
});
afterAll(() => hub?.close());

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and guards formula starts', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(s).replace(/^"/, '')[0]).toBe("'");
    expect(csvCell(-1)).toBe('-1'); // a number is a number, not a formula
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('GET /export/dossiers.csv', () => {
  it('streams every dossier of a province: BOM, CRLF, headers, same data as /graphql, Vietnamese intact', async () => {
    const res = await get(hub, '/export/dossiers.csv?provinces=67', reader);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="lienthong-dossiers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.buf.subarray(0, 3).equals(BOM)).toBe(true);
    expect(res.text.slice(1, res.text.indexOf('\n') + 1)).toMatch(
      /^province_code,province_name,code,.*,id\r\n$/,
    );
    const { rows, errors } = readCsv(res.text);
    expect(errors).toEqual([]);
    const gql = await allDossiers(
      hub,
      reader,
      { provinces: ['67'] },
      { field: 'RECEIVED_AT', direction: 'DESC' },
    );
    expect(rows.length).toBe(gql.totalCount);
    expect(rows.length).toBe(1500);
    expect(res.headers.get('x-total-count')).toBe('1500');
    expectSameDossiers(rows, gql.nodes);
    expect(new Set(rows.map((r) => r.province_name))).toEqual(new Set(['Đắk Nông']));
    expect(rows.some((r) => r.field === 'Hộ tịch')).toBe(true);
    expect(rows.every((r) => r.province_name.normalize('NFC') === r.province_name)).toBe(true);
    // masked without pii:read, exactly as /graphql masks
    expect(rows.every((r) => r.applicant_id_number === '' || r.applicant_id_number.includes('*'))).toBe(true);
  });

  it('pages across provinces in the order asked, with filters, as /graphql lists them', async () => {
    const q = 'status=RETURNED,PROCESSED&channel=ONLINE&receivedFrom=2026-01-01&orderBy=CODE&direction=ASC';
    const sql = countStatements(hub);
    const res = await get(hub, `/export/dossiers.csv?${q}`, reader);
    sql.stop();
    expect(res.status).toBe(200);
    const { rows, errors } = readCsv(res.text);
    expect(errors).toEqual([]);
    const gql = await allDossiers(
      hub,
      reader,
      { status: ['RETURNED', 'PROCESSED'], channel: 'ONLINE', receivedFrom: '2026-01-01' },
      { field: 'CODE', direction: 'ASC' },
    );
    expect(rows.length).toBe(gql.totalCount);
    expect(rows.length).toBeGreaterThan(500); // more than one page
    expectSameDossiers(rows, gql.nodes);
    expect(new Set(rows.map((r) => r.province_code)).size).toBe(5);
    expect(sql.count).toBeGreaterThan(0);
  });

  it('limit stops after that many rows, without an error row', async () => {
    const res = await get(hub, '/export/dossiers.csv?provinces=40,17&limit=7&orderBy=DUE_AT', reader);
    const { rows, errors } = readCsv(res.text);
    expect(errors).toEqual([]);
    const gql = await allDossiers(
      hub,
      reader,
      { provinces: ['40', '17'] },
      { field: 'DUE_AT', direction: 'DESC' },
      7,
    );
    expectSameDossiers(rows, gql.nodes.slice(0, 7));
  });

  it('shows personal data only with pii:read, and leaves an audit record naming the export', async () => {
    const masked = readCsv((await get(hub, '/export/dossiers.csv?provinces=40&limit=25', reader)).text).rows;
    const res = await get(hub, '/export/dossiers.csv?provinces=40&limit=25', piiReader.headers);
    const { rows } = readCsv(res.text);
    expect(rows.map((r) => r.code)).toEqual(masked.map((r) => r.code));
    const gql = await allDossiers(
      hub,
      piiReader.headers,
      { provinces: ['40'] },
      { field: 'RECEIVED_AT', direction: 'DESC' },
      25,
    );
    expectSameDossiers(rows, gql.nodes.slice(0, 25));
    expect(rows.some((r) => /^\d{9,13}$/.test(r.applicant_id_number))).toBe(true);
    expect(rows.every((r) => !r.applicant_id_number.includes('*'))).toBe(true);
    expect(masked.every((r) => r.applicant_id_number === '' || r.applicant_id_number.includes('*'))).toBe(
      true,
    );
    expect(masked.every((r, i) => r.applicant_name !== rows[i]!.applicant_name)).toBe(true);

    const log = await hub.gql<{
      auditLog: {
        nodes: { operation: string; requestId: string; dossierCodes: string[]; fields: string[] }[];
      };
    }>(
      `query($actor: String) { auditLog(filter: { actor: $actor }, first: 10) { nodes { operation requestId dossierCodes fields } } }`,
      { actor: `key:${piiReader.id}` },
      { headers: auditor },
    );
    expect(log.errors).toBeUndefined();
    const records = log.data!.auditLog.nodes.filter((n) => n.requestId === res.headers.get('x-request-id'));
    expect(records.length).toBeGreaterThan(0);
    expect(records[0]!.operation).toBe('ExportDossiers');
    expect(records.flatMap((r) => r.dossierCodes).sort()).toEqual(rows.map((r) => r.code).sort());
    expect(records[0]!.fields).toEqual(expect.arrayContaining(['Applicant.idNumber', 'Applicant.name']));
  });

  it("a province outside the key is refused with /graphql's FORBIDDEN (403), before any CSV", async () => {
    const key = await hub.key(['read'], ['40']);
    const res = await get(hub, '/export/dossiers.csv?provinces=67', key.headers);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
    // the key's own province exports, and only it
    const own = readCsv((await get(hub, '/export/dossiers.csv?limit=50', key.headers)).text).rows;
    expect(own.length).toBe(50);
    expect(new Set(own.map((r) => r.province_code))).toEqual(new Set(['40']));
  });

  it('a client that closes the connection early stops the paging', async () => {
    const full = countStatements(hub);
    const whole = await get(hub, '/export/dossiers.csv', reader);
    full.stop();
    expect(readCsv(whole.text).rows.length).toBe(7500);

    const before = await exportsCounted(hub, 'closed');
    const early = countStatements(hub);
    const firstChunk = await new Promise<number>((resolve, reject) => {
      const req = http.get(`${hub.url}/export/dossiers.csv`, { headers: reader }, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.length);
        });
      });
      req.on('error', (err) =>
        (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err),
      );
    });
    expect(firstChunk).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(await exportsCounted(hub, 'closed')).toBe(before + 1), {
      timeout: 20_000,
      interval: 50,
    });
    early.stop();
    // 7,500 dossiers take some 28 pages; the closed export stopped after its first few
    expect(early.count).toBeGreaterThan(0);
    expect(early.count * 5).toBeLessThan(full.count);
  });

  it.each([
    ['provinces=99', 'provinces'],
    ['provinces=', 'provinces'],
    ['status=DONE', 'status'],
    ['status=', 'status'],
    ['timeliness=SOON', 'timeliness'],
    ['channel=FAX', 'channel'],
    ['channel=DIRECT&channel=ONLINE', 'channel'],
    ['procedure=not-an-id!', 'procedure'],
    [`procedure=${encodeId('Unit', '40', 1)}`, 'procedure'],
    [`unit=${encodeId('Procedure', '40', 1)}`, 'unit'],
    ['receivedFrom=2026-02-30', 'receivedFrom'],
    ['receivedTo=yesterday', 'receivedTo'],
    ['dueFrom=2026-1-1', 'dueFrom'],
    ['resolvedFrom=2026-10-05&resolvedTo=2026-10-01', 'resolvedFrom'],
    ['search=' + 'x'.repeat(201), 'search'],
    ['orderBy=NAME', 'orderBy'],
    ['direction=UP', 'direction'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=200001', 'limit'],
    ['colour=red', 'colour'],
  ])('dossiers?%s → 400 BAD_USER_INPUT naming %s, before any SQL', async (query, parameter) => {
    const sql = countStatements(hub);
    const res = await get(hub, `/export/dossiers.csv?${query}`, reader);
    sql.stop();
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', parameter });
    expect(body.errors[0]!.message).toContain(`"${parameter}"`);
    expect(sql.count).toBe(0);
  });

  it('other paths are 404 and other methods 405', async () => {
    expect((await get(hub, '/export/units.csv', reader)).status).toBe(404);
    const post = await fetch(`${hub.url}/export/dossiers.csv`, { method: 'POST', headers: reader });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('a bad key is refused as on /graphql (401)', async () => {
    const res = await get(hub, '/export/dossiers.csv', { authorization: 'Bearer lt_nope' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });
});

const MEASURE_FIELDS = `received receivedOnline resolved early onTime late pending overdue notCounted
  onTimeRate averageProcessingDays medianProcessingDays onlineShare onlinePaymentRate digitisedRate
  electronicResultRate dataReusedRate ratings satisfactionAverage goodRatingShare
  procedures fullOnlineShare partialOnlineShare
  points { timeliness onlineServices onlinePayment digitisation satisfaction }`;
const INDICATORS = `query($period: IndicatorPeriod!, $filter: IndicatorFilter, $groupBy: [IndicatorDimension!],
    $orderBy: IndicatorOrder, $first: Int) {
  indicators(period: $period, filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first) {
    totalRows
    rows { province { code name } unit { code name } procedure { nationalCode name } field period channel ${MEASURE_FIELDS} }
    total { ${MEASURE_FIELDS} }
  }
}`;
type IndicatorRow = Record<string, unknown> & { points: Record<string, number | null> };

/** The value of a CSV column in /graphql's row: `on_time_rate` → onTimeRate, `points_x_y` → points.xY. */
function valueOf(row: IndicatorRow, header: string): unknown {
  const camel = (h: string) => h.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (header.startsWith('points_')) return row.points[camel(header.slice('points_'.length))];
  return row[camel(header)];
}

/** Every measure cell equals /graphql's number (a rate to the last digit), an empty cell its null. */
function expectSameMeasures(csv: Row, row: IndicatorRow, headers: string[]) {
  for (const h of headers) {
    const want = valueOf(row, h);
    expect(typeof want === 'number' || want === null, h).toBe(true);
    expect(csv[h] === '' ? null : Number(csv[h]), `${h} of ${csv.rank}`).toBe(want);
  }
}

async function indicatorTable(vars: Record<string, unknown>) {
  const res = await hub.gql<{ indicators: { totalRows: number; rows: IndicatorRow[]; total: IndicatorRow } }>(
    INDICATORS,
    vars,
    { headers: reader },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.indicators;
}

const MEASURE_HEADERS = [
  'received',
  'received_online',
  'resolved',
  'early',
  'on_time',
  'late',
  'pending',
  'overdue',
  'not_counted',
  'on_time_rate',
  'average_processing_days',
  'median_processing_days',
  'online_share',
  'online_payment_rate',
  'digitised_rate',
  'electronic_result_rate',
  'data_reused_rate',
  'ratings',
  'satisfaction_average',
  'good_rating_share',
  'procedures',
  'full_online_share',
  'partial_online_share',
  'points_timeliness',
  'points_online_services',
  'points_online_payment',
  'points_digitisation',
  'points_satisfaction',
];

describe('GET /export/indicators.csv', () => {
  it('writes a unit × month table with the same numbers as /graphql, then the TOTAL line', async () => {
    const res = await get(
      hub,
      '/export/indicators.csv?from=2026-08-01&to=2026-10-31&groupBy=UNIT,MONTH&provinces=40&orderBy=ON_TIME_RATE&direction=DESC',
      reader,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="lienthong-indicators-2026-08-01_2026-10-31.csv"',
    );
    expect(res.buf.subarray(0, 3).equals(BOM)).toBe(true);
    const header = res.text.slice(1, res.text.indexOf('\r\n')).split(',');
    expect(header).toEqual([
      'rank',
      'province_code',
      'province_name',
      'unit_code',
      'unit_name',
      'period',
      ...MEASURE_HEADERS,
    ]);
    const { rows, errors } = readCsv(res.text);
    expect(errors).toEqual([]);
    const table = await indicatorTable({
      period: { from: '2026-08-01', to: '2026-10-31' },
      filter: { provinces: ['40'] },
      groupBy: ['UNIT', 'MONTH'],
      orderBy: { measure: 'ON_TIME_RATE', direction: 'DESC' },
      first: 400,
    });
    expect(table.totalRows).toBe(table.rows.length);
    expect(table.rows.length).toBeGreaterThan(20);
    expect(rows.length).toBe(table.rows.length + 1);
    table.rows.forEach((g, i) => {
      const csv = rows[i]!;
      expect(csv.rank).toBe(String(i + 1));
      expect(csv.province_name).toBe('Nghệ An');
      expect(csv.unit_code).toBe((g.unit as { code: string }).code);
      expect(csv.unit_name).toBe((g.unit as { name: string }).name);
      expect(csv.period).toBe(g.period);
      expectSameMeasures(csv, g, MEASURE_HEADERS);
    });
    const total = rows.at(-1)!;
    expect(total.rank).toBe('TOTAL');
    expect([total.province_code, total.unit_code, total.period]).toEqual(['', '', '']);
    expectSameMeasures(total, table.total, MEASURE_HEADERS);
    expect(rows.some((r) => /[ăâđêôơư]/i.test(r.unit_name))).toBe(true);
  });

  it('groups by field across provinces (names with commas survive), and first cuts the rows, not the total', async () => {
    const res = await get(
      hub,
      '/export/indicators.csv?from=2026-01-01&to=2026-10-31&groupBy=FIELD&first=5&orderBy=RECEIVED',
      reader,
    );
    const { rows } = readCsv(res.text);
    const table = await indicatorTable({
      period: { from: '2026-01-01', to: '2026-10-31' },
      groupBy: ['FIELD'],
      orderBy: { measure: 'RECEIVED' },
      first: 5,
    });
    expect(table.totalRows).toBeGreaterThan(5);
    expect(rows.map((r) => r.field)).toEqual([...table.rows.map((g) => g.field), '']);
    rows.slice(0, 5).forEach((r, i) => expectSameMeasures(r, table.rows[i]!, MEASURE_HEADERS));
    expectSameMeasures(rows[5]!, table.total, MEASURE_HEADERS);

    const all = readCsv(
      (await get(hub, '/export/indicators.csv?from=2026-01-01&to=2026-10-31&groupBy=FIELD', reader)).text,
    ).rows;
    const withComma = all.find((r) => r.field?.includes(','));
    expect(withComma).toBeDefined();
    const one = readCsv(
      (
        await get(
          hub,
          `/export/indicators.csv?from=2026-01-01&to=2026-10-31&groupBy=FIELD&fields=${encodeURIComponent(withComma!.field!)}&fields=ho%20tich`,
          reader,
        )
      ).text,
    ).rows;
    expect(
      one
        .filter((r) => r.rank !== 'TOTAL')
        .map((r) => r.field)
        .sort(),
    ).toEqual([withComma!.field, 'Hộ tịch'].sort());
  });

  it('without first holds as many rows as MAX_QUERY_COST allows, and says so; an explicit first over it is 400', async () => {
    const q = 'from=2025-11-01&to=2026-10-31&groupBy=UNIT,MONTH';
    const res = await get(hub, `/export/indicators.csv?${q}`, reader);
    expect(res.status).toBe(200);
    const { rows, errors } = readCsv(res.text);
    const table = await indicatorTable({
      period: { from: '2025-11-01', to: '2026-10-31' },
      groupBy: ['UNIT', 'MONTH'],
      first: 100,
    });
    expect(table.totalRows).toBeGreaterThan(1000);
    const groups = rows.filter((r) => r.rank !== 'TOTAL');
    expect(groups.length).toBeGreaterThanOrEqual(100);
    expect(groups.length).toBeLessThan(1000);
    expect(groups.slice(0, 100).map((r) => r.unit_code)).toEqual(
      table.rows.map((g) => (g.unit as { code: string }).code),
    );
    expectSameMeasures(
      rows.find((r) => r.rank === 'TOTAL')!,
      table.total,
      MEASURE_HEADERS,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.province_code).toBe('EXPORT_TRUNCATED');

    const asked = await get(hub, `/export/indicators.csv?${q}&first=1000`, reader);
    expect(asked.status).toBe(400);
    const body = JSON.parse(asked.text) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 20000 });
  });

  it('without groupBy writes only the TOTAL line', async () => {
    const res = await get(hub, '/export/indicators.csv?from=2026-10-01&to=2026-10-31&provinces=67', reader);
    expect(res.text.slice(1, res.text.indexOf('\r\n'))).toBe(['rank', ...MEASURE_HEADERS].join(','));
    const { rows } = readCsv(res.text);
    const table = await indicatorTable({
      period: { from: '2026-10-01', to: '2026-10-31' },
      filter: { provinces: ['67'] },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.rank).toBe('TOTAL');
    expectSameMeasures(rows[0]!, table.total, MEASURE_HEADERS);
    expect(Number(rows[0]!.received)).toBeGreaterThan(0);
  });
});

describe('GET /export/indicators.csv parameters', () => {
  it.each([
    ['to=2026-10-31', 'from'],
    ['from=2026-10-01', 'to'],
    ['from=2026-13-01&to=2026-10-31', 'from'],
    ['from=2026-10-31&to=2026-10-01', 'from'],
    ['from=2010-01-01&to=2026-10-31', 'to'],
    ['from=2026-10-01&to=2026-10-31&groupBy=COUNTY', 'groupBy'],
    ['from=2026-10-01&to=2026-10-31&groupBy=UNIT,MONTH,FIELD', 'groupBy'],
    ['from=2026-10-01&to=2026-10-31&first=1001', 'first'],
    ['from=2026-10-01&to=2026-10-31&first=0', 'first'],
    ['from=2026-10-01&to=2026-10-31&rollUpToSuccessors=yes', 'rollUpToSuccessors'],
    ['from=2026-10-01&to=2026-10-31&orderBy=SPEED', 'orderBy'],
    ['from=2026-10-01&to=2026-10-31&direction=ASC', 'direction'],
    [`from=2026-10-01&to=2026-10-31&units=${encodeId('Procedure', '40', 1)}`, 'units'],
    ['from=2026-10-01&to=2026-10-31&channels=FAX', 'channels'],
    ['from=2026-10-01&to=2026-10-31&fields=', 'fields'],
    ['from=2026-10-01&to=2026-10-31&provinces=40,00', 'provinces'],
    ['from=2026-10-01&to=2026-10-31&limit=5', 'limit'],
  ])('indicators?%s → 400 naming %s, before any SQL', async (query, parameter) => {
    const sql = countStatements(hub);
    const res = await get(hub, `/export/indicators.csv?${query}`, reader);
    sql.stop();
    expect(res.status).toBe(400);
    const body = JSON.parse(res.text) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', parameter });
    expect(sql.count).toBe(0);
  });
});

describe('a hub that refuses anonymous reading, with EXPORT_MAX_ROWS=700', () => {
  let small: TestHub;
  let smallReader: Record<string, string>;
  beforeAll(async () => {
    small = await startTestHub({
      provinces: ['67'],
      env: { ANONYMOUS_READ: 'false', EXPORT_MAX_ROWS: '700' },
    });
    smallReader = (await small.key(['read', 'pii:read'])).headers;
  });
  afterAll(() => small?.close());

  it('answers an anonymous export with the 401 of /graphql', async () => {
    const res = await get(small, '/export/dossiers.csv');
    const gql = await fetch(`${small.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ dossiers { totalCount } }' }),
    });
    expect(res.status).toBe(401);
    expect(gql.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(gql.headers.get('www-authenticate'));
    const a = JSON.parse(res.text) as { errors: { message: string; extensions: { code: string } }[] };
    const b = (await gql.json()) as typeof a;
    expect(a.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(a.errors[0]!.message).toBe(b.errors[0]!.message);
    expect((await get(small, '/export/indicators.csv?from=2026-10-01&to=2026-10-31')).status).toBe(401);
  });

  it('stops at EXPORT_MAX_ROWS with a trailing EXPORT_TRUNCATED row', async () => {
    const res = await get(small, '/export/dossiers.csv', smallReader);
    expect(res.status).toBe(200);
    const { rows, errors } = readCsv(res.text);
    expect(rows.length).toBe(700);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.province_name).toBe('EXPORT_TRUNCATED');
    expect(errors[0]!.code).toMatch(/stopped at 700 rows/);
    // the limit asked is no error
    const asked = readCsv((await get(small, '/export/dossiers.csv?limit=700', smallReader)).text);
    expect(asked.rows.length).toBe(700);
    expect(asked.errors).toEqual([]);
  });

  it('guards cells that a spreadsheet would run as formulas', async () => {
    const db = small.rt.sources.all[0]!.db;
    const [{ code }] = (
      await db.raw<{ rows: { code: string }[] }>('SELECT code FROM dossiers ORDER BY id LIMIT 1')
    ).rows as [{ code: string }];
    await db.raw(
      `UPDATE dossiers SET applicant_name = '=HYPERLINK("http://example.invalid","Xem, hồ sơ")' WHERE code = ?`,
      [code],
    );
    const res = await get(small, `/export/dossiers.csv?search=${encodeURIComponent(code)}`, smallReader);
    const { rows } = readCsv(res.text);
    expect(rows.map((r) => r.code)).toEqual([code]);
    expect(rows[0]!.applicant_name).toBe(`'=HYPERLINK("http://example.invalid","Xem, hồ sơ")`);
    expect(res.text).toContain(`"'=HYPERLINK(""http://example.invalid"",""Xem, hồ sơ"")"`);
  });
});

describe('lienthong export', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-export-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const env = () => ({
    DATABASE_URL: hub.rt.config.databaseUrl!,
    LIENTHONG_SOURCES: hub.rt.config.sourcesFile!,
    LOG_LEVEL: 'silent',
  });

  async function cli(argv: string[]) {
    const chunks: Buffer[] = [];
    const err: string[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(Buffer.from(chunk));
        cb();
      },
    });
    const code = await main(['export', ...argv], {
      stdout: (s) => chunks.push(Buffer.from(s)),
      stderr: (s) => err.push(s),
      out,
      env: env(),
    });
    const buf = Buffer.concat(chunks);
    return { code, buf, text: buf.toString('utf8'), stderr: err.join('\n') };
  }

  it('writes the dossier CSV to stdout, the same rows as the URL', async () => {
    const r = await cli(['dossiers', '--province', 'dak-nong', '--limit', '30', '--order-by', 'CODE']);
    expect(r.stderr).toBe('exported 30 dossiers');
    expect(r.code).toBe(0);
    expect(r.buf.subarray(0, 3).equals(BOM)).toBe(true);
    const url = await get(hub, '/export/dossiers.csv?provinces=67&limit=30&orderBy=CODE', reader);
    expect(readCsv(r.text).rows).toEqual(readCsv(url.text).rows);
  });

  it('writes to --out, and --unmasked leaves an audit record for cli:<os user>', async () => {
    const file = path.join(tmp, 'hồ sơ.csv');
    const r = await cli(['dossiers', '--province', '17', '--limit', '12', '--unmasked', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.buf.length).toBe(0);
    expect(r.stderr).toBe(`exported 12 dossiers to ${file}`);
    const { rows } = readCsv(fs.readFileSync(file, 'utf8'));
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => !r.applicant_id_number.includes('*'))).toBe(true);
    const log = await hub.gql<{
      auditLog: { nodes: { actor: string; operation: string; dossierCodes: string[] }[] };
    }>(`{ auditLog(first: 50) { nodes { actor operation dossierCodes } } }`, {}, { headers: auditor });
    const mine = log.data!.auditLog.nodes.find((n) => n.actor.startsWith('cli:'));
    expect(mine?.actor).toBe(`cli:${os.userInfo().username}`);
    expect(mine?.operation).toBe('ExportDossiers');
    expect(mine?.dossierCodes.sort()).toEqual(rows.map((r) => r.code).sort());
  });

  it('writes an indicator table with --group-by, the same as the URL', async () => {
    const file = path.join(tmp, 'indicators.csv');
    const r = await cli([
      'indicators',
      '--from',
      '2026-09-01',
      '--to',
      '2026-10-31',
      '--group-by',
      'field,quarter',
      '--province',
      'Cà Mau',
      '--out',
      file,
    ]);
    expect(r.code).toBe(0);
    const url = await get(
      hub,
      '/export/indicators.csv?from=2026-09-01&to=2026-10-31&groupBy=FIELD,QUARTER&provinces=96',
      reader,
    );
    const fromCli = readCsv(fs.readFileSync(file, 'utf8')).rows;
    expect(fromCli.length).toBeGreaterThan(1);
    // the backlog (pending, overdue) is judged at each run's clock: equal here, as nothing is open any more
    expect(fromCli).toEqual(readCsv(url.text).rows);
    expect(r.stderr).toBe(`exported ${fromCli.length} rows to ${file}`);
  });

  it.each([
    [[], /^error: missing what to export: dossiers or indicators\n\nUsage: lienthong export/],
    [['units'], /^error: unknown export "units"/],
    [
      ['dossiers', '--received-from', '2026-02-30'],
      /^error: Parameter --received-from must be a date YYYY-MM-DD/,
    ],
    [['dossiers', '--province', 'atlantis'], /^error: .*atlantis/],
    [['dossiers', '--status', 'DONE'], /^error: Parameter --status must be one of SUBMITTED/],
    [['dossiers', '--roll-up'], /^error: Unknown option '--roll-up'/],
    [['indicators', '--to', '2026-10-31'], /^error: Missing parameter --from\n/],
    [
      ['indicators', '--from', '2026-10-01', '--to', '2026-10-31', '--unmasked'],
      /^error: Unknown option '--unmasked'/,
    ],
  ])('%j: one line and the usage, exit 1', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('ends quietly with exit 0 when the reader of stdout stops early (| head)', async () => {
    const child = spawn(process.execPath, ['src/cli/lienthong.mjs', 'export', 'dossiers'], {
      env: { ...process.env, ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let head = '';
    child.stdout.on('data', (d: Buffer) => {
      head += d.toString();
      if (head.split('\r\n').length > 3) child.stdout.destroy(); // `| head -3`
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(head.startsWith('\uFEFFprovince_code,')).toBe(true);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

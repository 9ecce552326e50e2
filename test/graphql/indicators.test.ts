import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../src/calendar/index.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';
import { judgeTimeliness, TIMELINESS_INPUT_SQL, type TimelinessInput } from '../helpers/timeliness.ts';

/**
 * `indicators` (Decision 766 service-quality indicators) against numbers computed without the hub's
 * aggregates: a hand-built table whose every expected value is written out below, and the seeded
 * dossiers of two provinces recomputed in TypeScript from raw rows (timeliness by test/helpers/timeliness.ts,
 * processing time from src/calendar's working days), for every grouping the navigator treats differently
 * (whole months and edge days, procedures from the daily table, the backlog, the roll-up to successors).
 */

const ROW_FIELDS = `province { code } unit { id name } procedure { id } field period channel
  received receivedOnline resolved early onTime late pending overdue notCounted
  onTimeRate averageProcessingDays medianProcessingDays onlineShare onlinePaymentRate digitisedRate
  electronicResultRate dataReusedRate ratings satisfactionAverage goodRatingShare
  procedures fullOnlineShare partialOnlineShare
  points { timeliness onlineServices onlinePayment digitisation satisfaction }`;
const QUERY = `query Q($period: IndicatorPeriod!, $filter: IndicatorFilter, $groupBy: [IndicatorDimension!],
    $orderBy: IndicatorOrder, $first: Int, $rollUp: Boolean) {
  indicators(period: $period, filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first,
             rollUpToSuccessors: $rollUp) {
    from to groupBy asOf totalRows rows { ${ROW_FIELDS} } total { ${ROW_FIELDS} }
  }
}`;

interface Row {
  province: { code: string } | null;
  unit: { id: string; name: string } | null;
  procedure: { id: string } | null;
  field: string | null;
  period: string | null;
  channel: string | null;
  received: number;
  receivedOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  notCounted: number;
  onTimeRate: number | null;
  averageProcessingDays: number | null;
  medianProcessingDays: number | null;
  onlineShare: number | null;
  onlinePaymentRate: number | null;
  digitisedRate: number | null;
  electronicResultRate: number | null;
  dataReusedRate: number | null;
  ratings: number;
  satisfactionAverage: number | null;
  goodRatingShare: number | null;
  procedures: number;
  fullOnlineShare: number | null;
  partialOnlineShare: number | null;
  points: Record<string, number | null>;
}
interface Table {
  from: string;
  to: string;
  groupBy: string[];
  asOf: string;
  totalRows: number;
  rows: Row[];
  total: Row;
}

let hub: TestHub;
const PROVINCES = ['40', '96'];

async function indicators(vars: Record<string, unknown>): Promise<Table> {
  const res = await hub.gql<{ indicators: Table }>(QUERY, vars);
  expect(res.errors).toBeUndefined();
  return res.data!.indicators;
}

beforeAll(async () => {
  // a page of 1,000 rows asking every field costs some 50,000 units, over the default limit of 20,000
  hub = await startTestHub({ provinces: PROVINCES, scopes: ['read'], env: { MAX_QUERY_COST: '200000' } });
});
afterAll(async () => {
  await hub?.close();
});

// ---------------------------------------------------------------------------------------------------------
// Hand-built: one department (D) with a division (P), an old commune (O) merged into a new one (N) on
// 2021-03-16, two procedures of a field of their own; March 2021 (no holiday; 8–12 and 15–19 are working days).

const FIELD = 'Kiểm thử chỉ số Đắk';
type Ch = 'DIRECT' | 'ONLINE';
interface Hand {
  n: number;
  unit: 'D' | 'P' | 'O' | 'N';
  proc: 'X' | 'Y';
  channel: Ch;
  status: number;
  received: string | null;
  due: string | null;
  finished: string | null;
  returned?: string;
  supplements?: [number, number];
  flags?: Partial<Record<'digitised' | 'electronic_result' | 'paid_online' | 'data_reused', boolean>>;
  satisfaction?: number;
}
const DUE = '2021-03-15 17:00';
// prettier-ignore
const HAND: Hand[] = [
  { n: 1, unit: 'D', proc: 'X', channel: 'ONLINE', status: 9, received: '2021-03-08 08:30', due: DUE, finished: '2021-03-12 10:00', flags: { digitised: true, electronic_result: true, paid_online: true }, satisfaction: 5 }, // early
  { n: 2, unit: 'D', proc: 'X', channel: 'ONLINE', status: 9, received: '2021-03-08 08:30', due: DUE, finished: '2021-03-15 16:00', flags: { digitised: true }, satisfaction: 4 }, // on time
  { n: 3, unit: 'D', proc: 'Y', channel: 'DIRECT', status: 10, received: '2021-03-08 08:30', due: DUE, finished: '2021-03-16 09:00', returned: '2021-03-17 09:00', flags: { paid_online: true }, satisfaction: 2 }, // late
  { n: 4, unit: 'P', proc: 'Y', channel: 'DIRECT', status: 10, received: '2021-03-08 08:30', due: DUE, finished: null, returned: '2021-03-15 17:00', flags: { data_reused: true } }, // on time (returned)
  { n: 5, unit: 'P', proc: 'X', channel: 'DIRECT', status: 3, received: null, due: null, finished: '2021-03-08 09:00' }, // refused: not received
  { n: 6, unit: 'D', proc: 'X', channel: 'ONLINE', status: 4, received: '2021-03-10 08:00', due: '2021-03-17 17:00', finished: null }, // overdue now
  { n: 7, unit: 'D', proc: 'Y', channel: 'DIRECT', status: 4, received: '2021-03-11 08:00', due: '2099-01-01 17:00', finished: null }, // pending
  { n: 8, unit: 'O', proc: 'X', channel: 'DIRECT', status: 9, received: '2021-03-08 08:30', due: DUE, finished: '2021-03-12 10:00' }, // early, old commune
  { n: 9, unit: 'N', proc: 'X', channel: 'ONLINE', status: 9, received: '2021-03-17 08:00', due: '2021-03-24 17:00', finished: '2021-03-22 10:00' }, // early, new commune
  { n: 10, unit: 'D', proc: 'X', channel: 'ONLINE', status: 9, received: '2021-02-26 08:30', due: '2021-03-05 17:00', finished: '2021-03-03 10:00' }, // received in February, early
  { n: 11, unit: 'D', proc: 'X', channel: 'ONLINE', status: 9, received: '2021-03-30 08:00', due: '2021-04-06 17:00', finished: '2021-04-02 10:00' }, // resolved in April
  { n: 12, unit: 'D', proc: 'Y', channel: 'DIRECT', status: 9, received: '2021-03-08 08:30', due: DUE, finished: '2021-03-09 10:00', supplements: [2, 3600] }, // late: two supplements
  { n: 13, unit: 'D', proc: 'X', channel: 'ONLINE', status: 7, received: '2021-03-18 08:00', due: '2021-03-25 17:00', finished: '2021-03-20 10:00' }, // withdrawn
];
const vn = (t: string | null | undefined) => (t == null ? null : `${t.replace(' ', 'T')}:00+07:00`);
const ids: Record<string, string> = {};

async function insertHandBuilt(): Promise<void> {
  const source = hub.rt.sources.byCode('40')!.db;
  // plain rows for the hand-built data (the typed tables would want every literal type spelled out)
  const db = (name: string) => source(name);
  const root = (await db('units').whereNull('parent_id').orderBy('id').first()) as {
    id: number;
    code: string;
  };
  const suffix = root.code.split('.').pop()!;
  const unit = async (key: string, code: string, name: string, kind: string, level: string, extra = {}) => {
    const [r] = (await db('units')
      .insert({ code: `${code}.${suffix}`, name, kind, level, parent_id: root.id, ...extra })
      .returning('id')) as { id: number }[];
    ids[key] = String(r!.id);
    return r!.id;
  };
  const d = await unit('D', '000.97.98', 'Sở Kiểm Thử Chỉ Số', 'DEPARTMENT', 'PROVINCE');
  await unit('P', '000.96.98', 'Phòng Thử Nghiệm Đặc Biệt', 'DIVISION', 'PROVINCE');
  await db('units').update({ parent_id: d }).where('id', Number(ids.P));
  const o = await unit('O', '000.95.98', 'UBND xã Thử Cũ', 'COMMUNE', 'COMMUNE', { valid_to: '2021-03-15' });
  const n = await unit('N', '000.94.98', 'UBND xã Thử Mới', 'COMMUNE', 'COMMUNE', {
    valid_from: '2021-03-16',
  });
  await db('unit_lineage').insert({
    predecessor_id: o,
    successor_id: n,
    kind: 'MERGED_INTO',
    effective_on: '2021-03-16',
  });
  const procedure = async (key: string, code: string, online: string, fees: Record<Ch, number>) => {
    const [r] = (await db('procedures')
      .insert({
        national_code: code,
        name: `Thủ tục kiểm thử ${key}`,
        field: FIELD,
        level: 'PROVINCE',
        online_service: online,
        applicants: 'Công dân',
        result: 'Giấy xác nhận',
      })
      .returning('id')) as { id: number }[];
    ids[key] = String(r!.id);
    for (const [channel, fee] of Object.entries(fees))
      await db('procedure_channels').insert({
        procedure_id: r!.id,
        channel,
        processing_time: 5,
        time_unit: 'WORKING_DAY',
        fee_vnd: fee,
      });
  };
  await procedure('X', '9.999901', 'FULL', { ONLINE: 50_000, DIRECT: 0 });
  await procedure('Y', '9.999902', 'PARTIAL', { ONLINE: 20_000, DIRECT: 20_000 });
  for (const h of HAND) {
    const [count, seconds] = h.supplements ?? [0, 0];
    await db('dossiers').insert({
      code: `000.97.98.${suffix}-210301-${String(9100 + h.n)}`,
      procedure_id: Number(ids[h.proc]),
      receiving_unit_id: Number(ids[h.unit]),
      handling_unit_id: Number(ids[h.unit]),
      applicant_type: 'CITIZEN',
      applicant_name: 'Nguyễn Văn Đức',
      channel: h.channel,
      status: h.status,
      submitted_at: vn(h.received ?? h.finished),
      received_at: vn(h.received),
      due_at: vn(h.due),
      finished_at: vn(h.finished),
      returned_at: vn(h.returned),
      supplement_count: count,
      supplement_seconds: seconds,
      satisfaction: h.satisfaction ?? null,
      ...h.flags,
    });
  }
}

describe('a hand-built table (every number written out)', () => {
  const MARCH = { from: '2021-03-01', to: '2021-03-31' };
  beforeAll(insertHandBuilt);
  const byUnit = (t: Table) => new Map(t.rows.map((r) => [r.unit!.name, r]));

  it('counts each unit of March 2021 as the rules say', async () => {
    const t = await indicators({
      period: MARCH,
      filter: { provinces: ['40'], fields: ['kiem thu chi so dak'] },
      groupBy: ['UNIT'],
    });
    const rows = byUnit(t);
    expect([...rows.keys()].sort()).toEqual([
      'Phòng Thử Nghiệm Đặc Biệt',
      'Sở Kiểm Thử Chỉ Số',
      'UBND xã Thử Cũ',
      'UBND xã Thử Mới',
    ]);
    const d = rows.get('Sở Kiểm Thử Chỉ Số')!;
    // received in March: 1, 2, 3, 6, 7, 11, 12, 13 (10 in February); online: 1, 2, 6, 11, 13
    expect([d.received, d.receivedOnline]).toEqual([8, 5]);
    // ended in March: 1 early, 2 on time, 3 late, 10 early, 12 late (two supplements); 13 withdrawn
    expect([d.resolved, d.early, d.onTime, d.late, d.notCounted]).toEqual([5, 2, 1, 2, 1]);
    // the backlog: 6 overdue since 17 March 2021, 7 due in 2099
    expect([d.pending, d.overdue]).toEqual([1, 1]);
    expect(d.onTimeRate).toBeCloseTo(3 / 5, 12);
    expect(d.points.timeliness).toBeCloseTo(12, 12);
    // office minutes: 1 = 420 + 3 × 510 + 180 = 2130; 2 = 420 + 4 × 510 + 450 = 2910; 3 = 420 + 5 × 510 + 120
    // = 3090; 10 = 420 + 2 × 510 + 180 = 1620; 12 ends 10:00 less one hour waited = 420 + 120 = 540
    expect(d.averageProcessingDays).toBeCloseTo((2130 + 2910 + 3090 + 1620 + 540) / 5 / 510, 12);
    // tenths: 42, 57, 61, 32, 11 → lower median 4.2
    expect(d.medianProcessingDays).toBe(4.2);
    expect(d.onlineShare).toBeCloseTo(5 / 8, 12);
    // a fee on its channel: 1, 2, 10 (X online), 3, 12 (Y direct); paid online: 1, 3
    expect(d.onlinePaymentRate).toBeCloseTo(2 / 5, 12);
    expect(d.digitisedRate).toBeCloseTo(2 / 8, 12);
    expect(d.electronicResultRate).toBeCloseTo(1 / 5, 12);
    expect(d.dataReusedRate).toBe(0);
    expect([d.ratings, d.satisfactionAverage, d.goodRatingShare]).toEqual([3, 11 / 3, 2 / 3]);
    expect(d.points.satisfaction).toBeCloseTo(Math.min(6, (6 * 2) / 3 / 0.9), 12);
    // procedures with dossiers received: X (FULL) and Y (PARTIAL)
    expect([d.procedures, d.fullOnlineShare, d.partialOnlineShare]).toEqual([2, 0.5, 0.5]);
    // online services: min(2, 2 × 1 / 0.8) + 4 × 0.5 + min(6, 6 × (5/8) / 0.5) = 2 + 2 + 6
    expect(d.points.onlineServices).toBeCloseTo(10, 12);

    const p = rows.get('Phòng Thử Nghiệm Đặc Biệt')!;
    // 4 returned on time (no processed time recorded); 5 refused at the counter, never received
    expect([p.received, p.resolved, p.onTime, p.notCounted, p.dataReusedRate]).toEqual([1, 1, 1, 1, 1]);
    expect([p.onlinePaymentRate, p.ratings, p.satisfactionAverage]).toEqual([0, 0, null]);
    expect([rows.get('UBND xã Thử Cũ')!.early, rows.get('UBND xã Thử Mới')!.early]).toEqual([1, 1]);

    // the total: 11 received, 8 resolved (4 early, 2 on time, 2 late)
    expect([t.total.received, t.total.resolved, t.total.early, t.total.onTime, t.total.late]).toEqual([
      11, 8, 4, 2, 2,
    ]);
    expect(t.total.onTimeRate).toBeCloseTo(6 / 8, 12);
    expect(t.total.unit).toBeNull();
    expect(t.totalRows).toBe(4);
  });

  it('rolls the merged commune up into its successor, and a unit filter takes its subtree', async () => {
    const rolled = await indicators({
      period: MARCH,
      filter: { provinces: ['40'], fields: [FIELD] },
      groupBy: ['UNIT'],
      rollUp: true,
    });
    const rows = byUnit(rolled);
    expect(rows.has('UBND xã Thử Cũ')).toBe(false);
    expect([rows.get('UBND xã Thử Mới')!.received, rows.get('UBND xã Thử Mới')!.early]).toEqual([2, 2]);
    expect(rolled.total.received).toBe(11);

    const unitGid = (
      await hub.gql<{ units: { nodes: { id: string }[] } }>(
        `{ units(filter: { provinces: ["40"], search: "Sở Kiểm Thử Chỉ Số" }, first: 1) { nodes { id } } }`,
      )
    ).data!.units.nodes[0]!.id;
    const sub = await indicators({
      period: MARCH,
      filter: { units: [unitGid], fields: [FIELD] },
      groupBy: ['UNIT'],
    });
    expect([...byUnit(sub).keys()].sort()).toEqual(['Phòng Thử Nghiệm Đặc Biệt', 'Sở Kiểm Thử Chỉ Số']);
    expect(sub.total.received).toBe(9);
  });

  it('sorts by a measure with nulls last, cuts to first, and groups by channel and month', async () => {
    const t = await indicators({
      period: { from: '2021-02-01', to: '2021-04-30' },
      filter: { provinces: ['40'], fields: [FIELD] },
      groupBy: ['CHANNEL', 'MONTH'],
      orderBy: { measure: 'RESOLVED', direction: 'DESC' },
      first: 2,
    });
    // ONLINE in February (10 received), March and April (11 resolved); DIRECT in March only
    expect(t.totalRows).toBe(4);
    expect(t.rows.map((r) => [r.channel, r.period, r.resolved])).toEqual([
      // 1, 2, 9, 10 online; 3, 4, 8, 12 direct: a tie, broken by the labels
      ['DIRECT', '2021-03', 4],
      ['ONLINE', '2021-03', 4],
    ]);
    const byRate = await indicators({
      period: MARCH,
      filter: { provinces: ['40'], fields: [FIELD] },
      groupBy: ['UNIT'],
      orderBy: { measure: 'SATISFACTION_AVERAGE', direction: 'ASC' },
    });
    expect(byRate.rows.map((r) => r.satisfactionAverage)).toEqual([11 / 3, null, null, null]);
  });

  it('stays exact when a dossier changes (the aggregates follow)', async () => {
    const db = hub.rt.sources.byCode('40')!.db;
    // dossier 6 is processed on 19 March: it leaves the backlog and is resolved late
    await db('dossiers')
      .where('code', 'like', '%-9106')
      .update({ status: 9, finished_at: vn('2021-03-19 10:00') });
    const d = byUnit(
      await indicators({ period: MARCH, filter: { provinces: ['40'], fields: [FIELD] }, groupBy: ['UNIT'] }),
    ).get('Sở Kiểm Thử Chỉ Số')!;
    expect([d.resolved, d.late, d.overdue, d.pending]).toEqual([6, 3, 0, 1]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The seeded dossiers, recomputed from raw rows.

interface RawDossier extends TimelinessInput {
  id: number;
  unit: number;
  procedure: number;
  field: string;
  online_service: string;
  channel: string;
  fee: boolean;
  received_us: number | null;
  submitted_us: number;
  digitised: boolean;
  data_reused: boolean;
  electronic_result: boolean;
  paid_online: boolean;
  satisfaction: number | null;
}
const US_DAY = 86_400_000_000;
const US_7H = 7 * 3_600_000_000;
const dayOf = (us: number) =>
  new Date(Math.floor((us + US_7H) / US_DAY) * 86_400_000).toISOString().slice(0, 10);

/** Working days up to and including each day since 2019-01-01 (the calendar's first day). */
const ordinals = new Map<string, number>();
function ordinal(day: string): number {
  if (ordinals.size === 0) {
    let n = 0;
    for (let t = Date.parse('2019-01-01'); t <= Date.parse('2027-12-31'); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      if (isWorkingDay(d)) n++;
      ordinals.set(d, n);
    }
  }
  return ordinals.get(day)!;
}
/**
 * The office-time index of an instant in microseconds (integers, so rounding to the minute is exact): 510
 * minutes a working day; within a day, 07:00–11:30 and 13:00–17:00 count.
 */
const MIN = 60_000_000;
function officeIndex(us: number): number {
  const day = dayOf(us);
  const t = us + US_7H - Math.floor((us + US_7H) / US_DAY) * US_DAY;
  if (!isWorkingDay(day)) return ordinal(day) * 510 * MIN;
  const inDay =
    t < 420 * MIN
      ? 0
      : t <= 690 * MIN
        ? t - 420 * MIN
        : t < 780 * MIN
          ? 270 * MIN
          : t <= 1020 * MIN
            ? t - 510 * MIN
            : 510 * MIN;
  return (ordinal(day) - 1) * 510 * MIN + inDay;
}

async function rawDossiers(province: string): Promise<RawDossier[]> {
  const db = hub.rt.sources.byCode(province)!.db;
  const us = (c: string) => `(extract(epoch from ${c}) * 1000000)::int8`;
  const { rows } = await db.raw<{ rows: RawDossier[] }>(`
    SELECT dossiers.id, coalesce(handling_unit_id, receiving_unit_id)::int AS unit, procedure_id::int AS procedure,
           p.field, p.online_service, channel, ${us('received_at')} AS received_us, ${us('submitted_at')} AS submitted_us,
           EXISTS (SELECT 1 FROM procedure_channels pc WHERE pc.procedure_id = dossiers.procedure_id
                     AND pc.channel = dossiers.channel AND pc.fee_vnd > 0) AS fee,
           digitised, data_reused, electronic_result, paid_online, satisfaction, ${TIMELINESS_INPUT_SQL}
      FROM dossiers JOIN (SELECT id AS pid, field, online_service FROM procedures) p ON p.pid = dossiers.procedure_id`);
  return rows.map((r) => {
    for (const k of ['due', 'finished', 'returned', 'open_wait', 'received_us', 'submitted_us'] as const)
      (r as unknown as Record<string, unknown>)[k] = r[k] == null ? null : Number(r[k]);
    return r;
  });
}

type Dim = 'PROVINCE' | 'UNIT' | 'FIELD' | 'PROCEDURE' | 'MONTH' | 'QUARTER' | 'YEAR' | 'CHANNEL';
interface Expected {
  received: number;
  receivedOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  notCounted: number;
  minutes: number;
  tenths: number[];
  feeDue: number;
  paidOnline: number;
  digitised: number;
  dataReused: number;
  electronic: number;
  ratings: number;
  ratingSum: number;
  good: number;
  procs: Map<string, string>;
}

/** Every group of the direct computation, keyed like the hub's rows. */
function direct(
  all: Map<string, RawDossier[]>,
  dims: Dim[],
  period: { from: string; to: string },
  nowUs: number,
  unitMap?: Map<string, Map<number, number>>,
) {
  const groups = new Map<string, Expected>();
  const get = (province: string, d: RawDossier, day: string) => {
    const unit = unitMap?.get(province)?.get(d.unit) ?? d.unit;
    const key = dims.map((x) => {
      switch (x) {
        case 'PROVINCE':
          return province;
        case 'UNIT':
          return `${province}:${unit}`;
        case 'FIELD':
          return d.field;
        case 'PROCEDURE':
          return `${province}:${d.procedure}`;
        case 'MONTH':
          return day.slice(0, 7);
        case 'QUARTER':
          return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
        case 'YEAR':
          return day.slice(0, 4);
        case 'CHANNEL':
          return d.channel;
      }
    });
    const id = key.join('|');
    let g = groups.get(id);
    if (!g) {
      g = {
        received: 0,
        receivedOnline: 0,
        resolved: 0,
        early: 0,
        onTime: 0,
        late: 0,
        pending: 0,
        overdue: 0,
        notCounted: 0,
        minutes: 0,
        tenths: [],
        feeDue: 0,
        paidOnline: 0,
        digitised: 0,
        dataReused: 0,
        electronic: 0,
        ratings: 0,
        ratingSum: 0,
        good: 0,
        procs: new Map(),
      };
      groups.set(id, g);
    }
    return g;
  };
  const inPeriod = (day: string) => day >= period.from && day <= period.to;
  for (const [province, rows] of all) {
    for (const d of rows) {
      if (d.received_us != null && inPeriod(dayOf(d.received_us))) {
        const g = get(province, d, dayOf(d.received_us));
        g.received++;
        if (d.channel === 'ONLINE') g.receivedOnline++;
        if (d.digitised) g.digitised++;
        if (d.data_reused) g.dataReused++;
        g.procs.set(`${province}:${d.procedure}`, d.online_service);
      }
      const judged = judgeTimeliness(d, nowUs);
      if (judged === 'NOT_COUNTED') {
        const day = dayOf(d.finished ?? d.returned ?? d.received_us ?? d.submitted_us);
        if (inPeriod(day)) get(province, d, day).notCounted++;
      } else if (judged === 'PENDING' || judged === 'OVERDUE') {
        const day = dayOf(d.received_us ?? d.submitted_us);
        if (inPeriod(day)) get(province, d, day)[judged === 'PENDING' ? 'pending' : 'overdue']++;
      } else {
        const end = (d.finished ?? d.returned)!;
        const day = dayOf(end);
        if (!inPeriod(day)) continue;
        const g = get(province, d, day);
        g.resolved++;
        g[judged === 'EARLY' ? 'early' : judged === 'ON_TIME' ? 'onTime' : 'late']++;
        const waited = (d.supplement_seconds + d.payment_seconds) * 1_000_000;
        // office minutes rounded to the minute, then tenths of a working day (51 minutes)
        const minutes = Math.round(
          Math.max(0, officeIndex(end - waited) - officeIndex(d.received_us ?? d.submitted_us)) / MIN,
        );
        g.minutes += minutes;
        g.tenths.push(Math.round(minutes / 51));
        if (d.electronic_result) g.electronic++;
        if (d.fee) {
          g.feeDue++;
          if (d.paid_online) g.paidOnline++;
        }
        if (d.satisfaction != null) {
          g.ratings++;
          g.ratingSum += d.satisfaction;
          if (d.satisfaction >= 4) g.good++;
        }
      }
    }
  }
  return groups;
}

/** The hub row's key, written like direct()'s. */
function keyOf(r: Row, dims: Dim[]): string {
  const local = (id: string) => Buffer.from(id, 'base64url').toString().split(':').slice(-1)[0];
  return dims
    .map((x) => {
      switch (x) {
        case 'PROVINCE':
          return r.province!.code;
        case 'UNIT':
          return `${r.province!.code}:${local(r.unit!.id)}`;
        case 'FIELD':
          return r.field!;
        case 'PROCEDURE':
          return `${r.province!.code}:${local(r.procedure!.id)}`;
        case 'MONTH':
        case 'QUARTER':
        case 'YEAR':
          return r.period!;
        case 'CHANNEL':
          return r.channel!;
      }
    })
    .join('|');
}

function compare(r: Row, g: Expected): void {
  const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
  const close = (a: number | null, b: number | null) => {
    if (b == null) expect(a).toBeNull();
    else expect(a).toBeCloseTo(b, 9);
  };
  expect([
    r.received,
    r.receivedOnline,
    r.resolved,
    r.early,
    r.onTime,
    r.late,
    r.pending,
    r.overdue,
    r.notCounted,
    r.ratings,
  ]).toEqual([
    g.received,
    g.receivedOnline,
    g.resolved,
    g.early,
    g.onTime,
    g.late,
    g.pending,
    g.overdue,
    g.notCounted,
    g.ratings,
  ]);
  close(r.onTimeRate, ratio(g.early + g.onTime, g.resolved));
  close(r.averageProcessingDays, g.resolved ? g.minutes / g.resolved / 510 : null);
  const sorted = [...g.tenths].sort((a, b) => a - b);
  close(r.medianProcessingDays, sorted.length ? sorted[Math.ceil(sorted.length / 2) - 1]! / 10 : null);
  close(r.onlineShare, ratio(g.receivedOnline, g.received));
  close(r.onlinePaymentRate, ratio(g.paidOnline, g.feeDue));
  close(r.digitisedRate, ratio(g.digitised, g.received));
  close(r.electronicResultRate, ratio(g.electronic, g.resolved));
  close(r.dataReusedRate, ratio(g.dataReused, g.received));
  close(r.satisfactionAverage, ratio(g.ratingSum, g.ratings));
  close(r.goodRatingShare, ratio(g.good, g.ratings));
  const procs = [...g.procs.values()];
  expect(r.procedures).toBe(procs.length);
  close(r.fullOnlineShare, ratio(procs.filter((x) => x === 'FULL').length, procs.length));
  close(r.partialOnlineShare, ratio(procs.filter((x) => x === 'PARTIAL').length, procs.length));
}

describe('the seeded dossiers of two provinces, recomputed from raw rows', () => {
  const raw = new Map<string, RawDossier[]>();
  beforeAll(async () => {
    for (const p of PROVINCES) raw.set(p, await rawDossiers(p));
  });

  const cases: [string, Dim[], { from: string; to: string }][] = [
    [
      'unit × month, whole months and the edge days of November',
      ['UNIT', 'MONTH'],
      { from: '2026-01-01', to: '2026-11-20' },
    ],
    ['field, edge days on both sides of whole months', ['FIELD'], { from: '2025-06-15', to: '2026-03-10' }],
    ['channel × quarter', ['CHANNEL', 'QUARTER'], { from: '2025-01-01', to: '2026-12-31' }],
    ['procedure (the daily table only)', ['PROCEDURE'], { from: '2026-05-03', to: '2026-11-20' }],
    ['province × year', ['PROVINCE', 'YEAR'], { from: '2024-01-01', to: '2026-12-31' }],
    ['a single day by unit', ['UNIT'], { from: '2026-11-18', to: '2026-11-18' }],
  ];
  for (const [name, dims, period] of cases) {
    it(name, async () => {
      const t = await indicators({ period, filter: { provinces: PROVINCES }, groupBy: dims, first: 1000 });
      const expected = direct(raw, dims, period, Date.parse(t.asOf) * 1000);
      const nonEmpty = [...expected.entries()].filter(
        ([, g]) => g.received + g.resolved + g.notCounted + g.pending + g.overdue > 0,
      );
      expect(t.totalRows).toBe(nonEmpty.length);
      expect(t.rows.length).toBe(Math.min(1000, nonEmpty.length));
      for (const r of t.rows) {
        const g = expected.get(keyOf(r, dims));
        expect(g, keyOf(r, dims)).toBeDefined();
        compare(r, g!);
      }
      const all = direct(raw, [], period, Date.parse(t.asOf) * 1000).get('');
      if (all) compare(t.total, all);
    });
  }

  // one province: each median found in the province from its coarse buckets (migration 011), distinct
  // procedures from the presence masks when neither month nor channel is asked
  const single: [string, Dim[], { from: string; to: string }][] = [
    ['one province by unit, whole months', ['UNIT'], { from: '2025-12-01', to: '2026-11-30' }],
    [
      'one province by unit × quarter, edge days',
      ['UNIT', 'QUARTER'],
      { from: '2025-06-15', to: '2026-11-20' },
    ],
    ['one province by month', ['MONTH'], { from: '2025-01-01', to: '2026-11-20' }],
    ['one province by field (the detailed histogram)', ['FIELD'], { from: '2026-01-01', to: '2026-10-31' }],
    ['one province by procedure', ['PROCEDURE'], { from: '2026-02-01', to: '2026-11-30' }],
    ['one province in total, one edge day only', [], { from: '2026-11-18', to: '2026-11-18' }],
  ];
  for (const [name, dims, period] of single) {
    it(name, async () => {
      const one = new Map([[PROVINCES[0]!, raw.get(PROVINCES[0]!)!]]);
      const t = await indicators({
        period,
        filter: { provinces: [PROVINCES[0]] },
        groupBy: dims,
        first: 1000,
      });
      const expected = direct(one, dims, period, Date.parse(t.asOf) * 1000);
      const nonEmpty = [...expected.values()].filter(
        (g) => g.received + g.resolved + g.notCounted + g.pending + g.overdue > 0,
      );
      // no dimension: the total only
      expect(t.totalRows).toBe(dims.length ? nonEmpty.length : 0);
      for (const r of t.rows) compare(r, expected.get(keyOf(r, dims))!);
      const all = direct(one, [], period, Date.parse(t.asOf) * 1000).get('');
      if (all) compare(t.total, all);
    });
  }

  it('one province rolled up with a unit filter: medians and procedures of the subtrees', async () => {
    const period = { from: '2025-11-01', to: '2026-11-20' };
    const db = hub.rt.sources.byCode(PROVINCES[0]!)!.db;
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const { rows } = await db.raw<{ rows: { id: number; gu: number }[] }>(
      `SELECT id::int, coalesce(lt_unit_on(id, ?::date), id)::int AS gu FROM units`,
      [today],
    );
    const gu = new Map(rows.map((r) => [r.id, r.gu]));
    // the two busiest units of today's tree and everything under them
    const one = raw.get(PROVINCES[0]!)!;
    const counts = new Map<number, number>();
    for (const d of one) counts.set(gu.get(d.unit)!, (counts.get(gu.get(d.unit)!) ?? 0) + 1);
    const top = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([u]) => u);
    const { rows: sub } = await db.raw<{ rows: { id: number }[] }>(
      `WITH RECURSIVE s(id) AS (SELECT unnest(?::bigint[]) UNION SELECT u.id FROM units u JOIN s ON u.parent_id = s.id)
       SELECT id::int FROM s`,
      [top],
    );
    const inSub = new Set(sub.map((r) => r.id));
    const unitIds = (
      await db.raw<{ rows: { id: string }[] }>(`SELECT id::text FROM units WHERE id = ANY(?::bigint[])`, [
        top,
      ])
    ).rows.map((r) => Buffer.from(`Unit:${PROVINCES[0]}:${r.id}`).toString('base64url'));
    const t = await indicators({
      period,
      filter: { provinces: [PROVINCES[0]], units: unitIds },
      groupBy: ['UNIT'],
      first: 1000,
      rollUp: true,
    });
    const kept = new Map([[PROVINCES[0]!, one.filter((d) => inSub.has(gu.get(d.unit)!))]]);
    const expected = direct(
      kept,
      ['UNIT'],
      period,
      Date.parse(t.asOf) * 1000,
      new Map([[PROVINCES[0]!, gu]]),
    );
    expect(t.rows.length).toBeGreaterThan(0);
    for (const r of t.rows) compare(r, expected.get(keyOf(r, ['UNIT']))!);
    compare(t.total, direct(kept, [], period, Date.parse(t.asOf) * 1000).get('')!);
  });

  it('rolls every unit up to the unit standing for it today', async () => {
    const period = { from: '2025-01-01', to: '2026-11-20' };
    const t = await indicators({
      period,
      filter: { provinces: PROVINCES },
      groupBy: ['UNIT'],
      first: 1000,
      rollUp: true,
    });
    const today = t.asOf.slice(0, 10);
    const map = new Map<string, Map<number, number>>();
    for (const p of PROVINCES) {
      const db = hub.rt.sources.byCode(p)!.db;
      const { rows } = await db.raw<{ rows: { id: number; gu: number }[] }>(
        `SELECT id::int, coalesce(lt_unit_on(id, ?::date), id)::int AS gu FROM units`,
        [today],
      );
      map.set(p, new Map(rows.map((r) => [r.id, r.gu])));
    }
    const expected = direct(raw, ['UNIT'], period, Date.parse(t.asOf) * 1000, map);
    for (const r of t.rows) compare(r, expected.get(keyOf(r, ['UNIT']))!);
    expect(t.totalRows).toBe(
      [...expected.values()].filter((g) => g.received + g.resolved + g.notCounted + g.pending + g.overdue > 0)
        .length,
    );
    // merged units appear under today's: none of the rows is a unit that ended before today
    const ended = await hub.gql<{ nodes: { validTo: string | null }[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Unit { validTo } } }`,
      { ids: t.rows.map((r) => r.unit!.id).slice(0, 100) },
    );
    expect(ended.data!.nodes.filter((u) => u.validTo != null && u.validTo < today)).toEqual([]);
  });

  it('answers in at most four statements per province, however many groups', async () => {
    const res = await hub.gql(
      QUERY,
      {
        period: { from: '2025-01-01', to: '2026-11-20' },
        filter: { provinces: PROVINCES },
        groupBy: ['UNIT', 'MONTH'],
        first: 1000,
      },
      { debugSql: true },
    );
    expect(res.errors).toBeUndefined();
    // four indicator statements per province, then units and provinces by loader (one batch each)
    for (const p of PROVINCES) expect(res.extensions!.sqlStatements!.bySource[p]).toBeLessThanOrEqual(5);
  });
});

describe('bad input is refused before any SQL', () => {
  const CHEAP = `query Q($period: IndicatorPeriod!, $filter: IndicatorFilter, $groupBy: [IndicatorDimension!], $first: Int) {
    indicators(period: $period, filter: $filter, groupBy: $groupBy, first: $first) { totalRows }
  }`;
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an empty period', { period: { from: '2026-02-01', to: '2026-01-01' } }, /period.*empty/],
    ['a period over ten years', { period: { from: '2010-01-01', to: '2026-01-01' } }, /at most 3660/],
    [
      'three dimensions',
      { period: { from: '2026-01-01', to: '2026-01-31' }, groupBy: ['UNIT', 'MONTH', 'FIELD'] },
      /one or two/,
    ],
    [
      'a dimension twice',
      { period: { from: '2026-01-01', to: '2026-01-31' }, groupBy: ['UNIT', 'UNIT'] },
      /one or two/,
    ],
    ['first 0', { period: { from: '2026-01-01', to: '2026-01-31' }, first: 0 }, /first/],
    ['first 1001', { period: { from: '2026-01-01', to: '2026-01-31' }, first: 1001 }, /first/],
    [
      'a procedure id as a unit',
      { period: { from: '2026-01-01', to: '2026-01-31' }, filter: { units: ['UHJvY2VkdXJlOjQwOjE'] } },
      /filter.units/,
    ],
    [
      'a malformed id',
      { period: { from: '2026-01-01', to: '2026-01-31' }, filter: { procedures: ['nope'] } },
      /filter.procedures/,
    ],
    [
      'an empty list',
      { period: { from: '2026-01-01', to: '2026-01-31' }, filter: { channels: [] } },
      /empty/,
    ],
    [
      'an unknown province',
      { period: { from: '2026-01-01', to: '2026-01-31' }, filter: { provinces: ['99'] } },
      /province/i,
    ],
    ['a date that does not exist', { period: { from: '2026-02-30', to: '2026-03-01' } }, /does not exist/],
    [
      'a field name too long',
      { period: { from: '2026-01-01', to: '2026-01-31' }, filter: { fields: ['x'.repeat(201)] } },
      /fields/,
    ],
  ];
  for (const [name, vars, message] of bad) {
    it(name, async () => {
      const res = await hub.gql(CHEAP, vars, { debugSql: true });
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.extensions?.sqlStatements?.total ?? 0).toBe(0);
    });
  }
});

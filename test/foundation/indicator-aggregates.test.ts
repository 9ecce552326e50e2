import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY, calendarRows } from '../../src/calendar/index.ts';
import * as m009 from '../../src/db/migrations/province/009_indicators.ts';
import * as m011 from '../../src/db/migrations/province/011_indicator_speed.ts';
import { timelinessSql } from '../../src/modules/dossiers/dossier-store.ts';
import { indicatorStore, type LocalDimension } from '../../src/modules/indicators/indicator-store.ts';
import { Rng } from '../../src/random.ts';
import { rows, seededCopies } from '../helpers/seeded.ts';

/**
 * Migration 009's aggregates against a direct computation written here independently: the outcome from
 * `timelinessSql`, everything else re-derived in TypeScript from the dossier rows and the TypeScript
 * calendar (src/calendar), in exact integer microseconds.
 */
const copy = seededCopies(`indicator_agg_${process.pid}`);

const MEASURES = [
  'received',
  'digitised',
  'data_reused',
  'resolved',
  'early',
  'on_time',
  'late',
  'processing_minutes',
  'electronic_result',
  'fee_due',
  'paid_online',
  'ratings',
  'rating_sum',
  'good_ratings',
  'not_counted',
] as const;
const M = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<(typeof MEASURES)[number], number>;

const US_PER_MIN = 60_000_000;
const US_PER_DAY = 86_400_000_000;
const OFFSET_US = 7 * 3_600_000_000;

const calendar = new Map(calendarRows(CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY).map((r) => [r.day, r] as const));

/** Integer microseconds since the epoch from PostgreSQL's `extract(epoch …)::text` (exact). */
const micros = (epoch: string | null): number | null => {
  if (epoch == null) return null;
  const neg = epoch.startsWith('-');
  const [s, f = ''] = (neg ? epoch.slice(1) : epoch).split('.');
  const v = Number(s) * 1_000_000 + Number((f + '000000').slice(0, 6));
  return neg ? -v : v;
};
const localDayOf = (us: number) =>
  new Date(Math.floor((us + OFFSET_US) / US_PER_DAY) * 86_400_000).toISOString().slice(0, 10);
/** Half away from zero, for non-negative integers a / b (numeric round in PostgreSQL). */
const roundDiv = (a: number, b: number) => {
  const q = Math.floor(a / b);
  return 2 * (a - q * b) >= b ? q + 1 : q;
};

/** Office-time index of an instant in microseconds: (working days before) × 510 min + office time into its day. */
function officeIndex(us: number): number | null {
  const local = us + OFFSET_US;
  const dayNo = Math.floor(local / US_PER_DAY);
  const c = calendar.get(new Date(dayNo * 86_400_000).toISOString().slice(0, 10));
  if (!c) return null;
  const t = local - dayNo * US_PER_DAY;
  const m = (x: number) => x * US_PER_MIN;
  const into =
    t < m(420)
      ? 0
      : t <= m(690)
        ? t - m(420)
        : t < m(780)
          ? m(270)
          : t <= m(1020)
            ? m(270) + t - m(780)
            : m(510);
  return c.working ? (c.working_ordinal - 1) * m(510) + into : c.working_ordinal * m(510);
}

interface DossierFacts {
  id: string;
  unit: string;
  procedure_id: string;
  channel: string;
  status: number;
  field: string;
  fee: boolean;
  digitised: boolean;
  data_reused: boolean;
  electronic_result: boolean;
  paid_online: boolean;
  satisfaction: number | null;
  waited: number;
  submitted: string;
  received: string | null;
  finished: string | null;
  returned: string | null;
  timeliness: string;
}

const ep = (col: string) => `extract(epoch FROM d.${col})::text AS ${col.replace(/_at$/, '')}`;

async function loadDossiers(db: Knex): Promise<DossierFacts[]> {
  return rows<DossierFacts>(
    db,
    `SELECT d.id::text, coalesce(d.handling_unit_id, d.receiving_unit_id)::text AS unit, d.procedure_id::text,
            d.channel, d.status, p.field,
            EXISTS (SELECT 1 FROM procedure_channels pc WHERE pc.procedure_id = d.procedure_id
                      AND pc.channel = d.channel AND pc.fee_vnd > 0) AS fee,
            d.digitised, d.data_reused, d.electronic_result, d.paid_online, d.satisfaction,
            d.supplement_seconds + d.payment_seconds AS waited,
            ${ep('submitted_at')}, ${ep('received_at')}, ${ep('finished_at')}, ${ep('returned_at')},
            ${timelinessSql('now()')} AS timeliness
       FROM dossiers d JOIN procedures p ON p.id = d.procedure_id`,
  );
}

interface Expected {
  days: string[];
  months: string[];
  pdays: string[];
  pmonths: string[];
  open: string[];
}

function expectedTables(dossiers: DossierFacts[]): Expected {
  const days = new Map<string, number[]>();
  const months = new Map<string, number[]>();
  const pdays = new Map<string, number>();
  const pmonths = new Map<string, number>();
  const open: string[] = [];
  const add = (d: DossierFacts, day: string, f: (v: number[]) => void) => {
    for (const [map, key] of [
      [days, `${day}|${d.unit}|${d.procedure_id}|${d.channel}`],
      [months, `${day.slice(0, 8)}01|${d.unit}|${d.field}|${d.channel}`],
    ] as const) {
      let v = map.get(key);
      if (!v) map.set(key, (v = MEASURES.map(() => 0)));
      f(v);
    }
  };
  for (const d of dossiers) {
    const received = micros(d.received);
    const submitted = micros(d.submitted)!;
    const end = micros(d.finished) ?? micros(d.returned);
    const notCounted = [3, 7, 8].includes(d.status);
    if (received != null)
      add(d, localDayOf(received), (v) => {
        v[M.received]! += 1;
        if (d.digitised) v[M.digitised]! += 1;
        if (d.data_reused) v[M.data_reused]! += 1;
      });
    if (notCounted) {
      expect(d.timeliness).toBe('NOT_COUNTED');
      add(d, localDayOf(end ?? received ?? submitted), (v) => (v[M.not_counted]! += 1));
    } else if (end != null) {
      expect(['EARLY', 'ON_TIME', 'LATE']).toContain(d.timeliness);
      const a = officeIndex(end - d.waited * 1_000_000);
      const b = officeIndex(received ?? submitted);
      const minutes = a == null || b == null ? 0 : roundDiv(Math.max(0, a - b), US_PER_MIN);
      const day = localDayOf(end);
      add(d, day, (v) => {
        v[M.resolved]! += 1;
        v[M[d.timeliness === 'EARLY' ? 'early' : d.timeliness === 'LATE' ? 'late' : 'on_time']]! += 1;
        v[M.processing_minutes]! += minutes;
        if (d.electronic_result) v[M.electronic_result]! += 1;
        if (d.fee) v[M.fee_due]! += 1;
        if (d.fee && d.paid_online) v[M.paid_online]! += 1;
        if (d.satisfaction != null) {
          v[M.ratings]! += 1;
          v[M.rating_sum]! += d.satisfaction;
          if (d.satisfaction >= 4) v[M.good_ratings]! += 1;
        }
      });
      const tenths = roundDiv(minutes, 51);
      const kd = `${day}|${d.unit}|${d.procedure_id}|${d.channel}|${tenths}`;
      const km = `${day.slice(0, 8)}01|${d.unit}|${d.field}|${d.channel}|${tenths}`;
      pdays.set(kd, (pdays.get(kd) ?? 0) + 1);
      pmonths.set(km, (pmonths.get(km) ?? 0) + 1);
    } else {
      expect(['PENDING', 'OVERDUE']).toContain(d.timeliness);
      open.push(`${d.id}|${d.unit}|${d.procedure_id}|${d.channel}|${localDayOf(received ?? submitted)}`);
    }
  }
  const flat = (m: Map<string, number[]>) => [...m].map(([k, v]) => `${k}|${v.join('|')}`).sort();
  const flatN = (m: Map<string, number>) => [...m].map(([k, v]) => `${k}|${v}`).sort();
  return {
    days: flat(days),
    months: flat(months),
    pdays: flatN(pdays),
    pmonths: flatN(pmonths),
    open: open.sort(),
  };
}

async function actualTables(db: Knex): Promise<Expected> {
  const measures = MEASURES.join(` || '|' || `);
  const nonZero = MEASURES.map((m) => `${m} <> 0`).join(' OR ');
  const read = async (sql: string) => (await rows<{ r: string }>(db, sql)).map((x) => x.r).sort();
  return {
    days: await read(
      `SELECT to_char(day, 'YYYY-MM-DD') || '|' || unit_id || '|' || procedure_id || '|' || channel || '|' || ${measures} AS r
         FROM indicator_days WHERE ${nonZero}`,
    ),
    months: await read(
      `SELECT to_char(month, 'YYYY-MM-DD') || '|' || unit_id || '|' || field || '|' || channel || '|' || ${measures} AS r
         FROM indicator_months WHERE ${nonZero}`,
    ),
    pdays: await read(
      `SELECT to_char(day, 'YYYY-MM-DD') || '|' || unit_id || '|' || procedure_id || '|' || channel || '|' || tenths || '|' || dossiers AS r
         FROM indicator_processing_days WHERE dossiers <> 0`,
    ),
    pmonths: await read(
      `SELECT to_char(month, 'YYYY-MM-DD') || '|' || unit_id || '|' || field || '|' || channel || '|' || tenths || '|' || dossiers AS r
         FROM indicator_processing_months WHERE dossiers <> 0`,
    ),
    open: await read(
      `SELECT dossier_id || '|' || unit_id || '|' || procedure_id || '|' || channel || '|' || to_char(arrived_on, 'YYYY-MM-DD') AS r
         FROM indicator_open`,
    ),
  };
}

/** Migration 011's coarse bucket of a processing time in tenths (lt_tenths_bucket). */
const bucketOf = (t: number) =>
  t < 100 ? Math.floor(t / 10) : t < 150 ? 10 : t < 200 ? 11 : t < 300 ? 12 : t < 500 ? 13 : 14;

/** Migration 011's tables, derived here from 009's expected ones (and from indicator_open, checked apart). */
function expected011(want: Expected) {
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const buckets = new Map<string, number>();
  const units = new Map<string, number>();
  for (const r of want.pmonths) {
    const f = r.split('|');
    const [month, unit] = f;
    const tenths = Number(f[f.length - 2]);
    const n = Number(f[f.length - 1]);
    add(buckets, `${month}|${unit}|${bucketOf(tenths)}`, n);
    add(units, `${unit}|${bucketOf(tenths)}|${month}|${tenths}`, n);
  }
  const unitMonths = new Map<string, number[]>();
  for (const r of want.months) {
    const f = r.split('|');
    const v = f.slice(-MEASURES.length).map(Number);
    const channel = f[f.length - MEASURES.length - 1];
    const k = `${f[0]}|${f[1]}`;
    const sum = unitMonths.get(k) ?? [...MEASURES.map(() => 0), 0];
    v.forEach((x, i) => (sum[i]! += x));
    if (channel === 'ONLINE') sum[MEASURES.length]! += v[M.received]!;
    unitMonths.set(k, sum);
  }
  const procs = new Map<string, number>();
  const presence = new Map<string, Set<number>>();
  for (const r of want.days) {
    const [day, unit, procedure, channel, received] = r.split('|');
    if (Number(received) === 0) continue;
    add(procs, `${day!.slice(0, 8)}01|${unit}|${procedure}|${channel}`, Number(received));
    const k = `${unit}|${procedure}`;
    if (!presence.has(k)) presence.set(k, new Set());
    presence.get(k)!.add((Number(day!.slice(0, 4)) - 2000) * 12 + Number(day!.slice(5, 7)) - 1);
  }
  const flatN = (m: Map<string, number>) => [...m].map(([k, v]) => `${k}|${v}`).sort();
  return {
    unitMonths: [...unitMonths].map(([k, v]) => `${k}|${v.join('|')}`).sort(),
    buckets: flatN(buckets),
    units: flatN(units),
    procs: flatN(procs),
    presence: [...presence]
      .map(([k, months]) => `${k}|${[...Array(600).keys()].map((i) => (months.has(i) ? '1' : '0')).join('')}`)
      .sort(),
  };
}

async function actual011(db: Knex) {
  const read = async (sql: string) => (await rows<{ r: string }>(db, sql)).map((x) => x.r).sort();
  return {
    unitMonths: await read(
      `SELECT to_char(month, 'YYYY-MM-DD') || '|' || unit_id || '|' || ${MEASURES.join(` || '|' || `)} || '|' || received_online AS r
         FROM indicator_unit_months WHERE ${MEASURES.map((m) => `${m} <> 0`).join(' OR ')} OR received_online <> 0`,
    ),
    buckets: await read(
      `SELECT to_char(month, 'YYYY-MM-DD') || '|' || unit_id || '|' || bucket || '|' || dossiers AS r
         FROM indicator_processing_buckets WHERE dossiers <> 0`,
    ),
    units: await read(
      `SELECT unit_id || '|' || bucket || '|' || to_char(month, 'YYYY-MM-DD') || '|' || tenths || '|' || dossiers AS r
         FROM indicator_processing_units WHERE dossiers <> 0`,
    ),
    procs: await read(
      `SELECT to_char(month, 'YYYY-MM-DD') || '|' || unit_id || '|' || procedure_id || '|' || channel || '|' || received AS r
         FROM indicator_procedure_months WHERE received <> 0`,
    ),
    presence: await read(
      `SELECT unit_id || '|' || procedure_id || '|' || months::text AS r FROM indicator_procedure_presence
        WHERE months <> B'0'::bit(600)`,
    ),
  };
}

/** indicator_open_months equals indicator_open grouped by arrival month, unit, channel and due day. */
async function expectOpenMonths(db: Knex): Promise<void> {
  const read = async (sql: string) => (await rows<{ r: string }>(db, sql)).map((x) => x.r).sort();
  const want = await read(
    `SELECT to_char(date_trunc('month', arrived_on), 'YYYY-MM-DD') || '|' || unit_id || '|' || channel || '|'
            || coalesce(to_char((overdue_after AT TIME ZONE INTERVAL '+07:00')::date, 'YYYY-MM-DD'), 'infinity')
            || '|' || count(*) AS r
       FROM indicator_open GROUP BY date_trunc('month', arrived_on), unit_id, channel,
            (overdue_after AT TIME ZONE INTERVAL '+07:00')::date`,
  );
  const got = await read(
    `SELECT to_char(month, 'YYYY-MM-DD') || '|' || unit_id || '|' || channel || '|' || due_day::text || '|' || dossiers AS r
       FROM indicator_open_months WHERE dossiers <> 0`,
  );
  expect(got).toEqual(want);
}

async function expectExact(db: Knex): Promise<Expected> {
  const want = expectedTables(await loadDossiers(db));
  const got = await actualTables(db);
  expect(got.days).toEqual(want.days);
  expect(got.months).toEqual(want.months);
  expect(got.pdays).toEqual(want.pdays);
  expect(got.pmonths).toEqual(want.pmonths);
  expect(got.open).toEqual(want.open);
  const want011 = expected011(want);
  const got011 = await actual011(db);
  expect(got011.unitMonths).toEqual(want011.unitMonths);
  expect(got011.buckets).toEqual(want011.buckets);
  expect(got011.units).toEqual(want011.units);
  expect(got011.procs).toEqual(want011.procs);
  expect(got011.presence).toEqual(want011.presence);
  await expectOpenMonths(db);
  return want;
}

/** overdue_after < now ⇔ timelinessSql(now) = OVERDUE, for every open dossier, at each instant. */
async function expectBacklog(db: Knex, instants: string[]): Promise<void> {
  for (const now of instants) {
    const r = await rows<{ n: number; mismatched: number; overdue: number }>(
      db,
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE coalesce(o.overdue_after < ?::timestamptz, false) IS DISTINCT FROM (${timelinessSql('?')} = 'OVERDUE'))::int AS mismatched,
              count(*) FILTER (WHERE o.overdue_after < ?::timestamptz)::int AS overdue
         FROM dossiers d JOIN indicator_open o ON o.dossier_id = d.id`,
      [now, now, now],
    );
    expect(r[0]!.mismatched, `at ${now}`).toBe(0);
  }
}

const INSTANTS = [
  '2026-01-01T00:00:00Z',
  '2026-11-01T03:00:00Z',
  '2026-11-20T02:30:00Z',
  '2026-11-20T10:00:00Z',
  '2027-03-01T00:00:00Z',
];

describe('indicator aggregates (migration 009)', () => {
  it('after seeding, every table equals a direct computation', async () => {
    const db = await copy('40');
    const want = await expectExact(db);
    expect(want.days.length).toBeGreaterThan(100);
    expect(want.open.length).toBeGreaterThan(10);
    expect(want.pdays.length).toBeGreaterThan(100);
    await expectBacklog(db, INSTANTS);
    // some open dossiers are overdue by March 2027, some still pending then (a wait stopped their clock)
    const [c] = await rows<{ overdue: number; pending: number }>(
      db,
      `SELECT count(*) FILTER (WHERE overdue_after < '2027-03-01T00:00:00Z')::int AS overdue,
              count(*) FILTER (WHERE NOT coalesce(overdue_after < '2027-03-01T00:00:00Z', false))::int AS pending
         FROM indicator_open`,
    );
    expect(c!.overdue).toBeGreaterThan(0);
    expect(c!.pending).toBeGreaterThan(0);
  });

  it('lt_tenths_bucket and lt_month_bit at their edges', async () => {
    const db = await copy('40');
    const tenths = [0, 9, 10, 99, 100, 149, 150, 199, 200, 299, 300, 499, 500, 100000];
    const [b] = await rows<{ b: number[] }>(
      db,
      `SELECT array_agg(lt_tenths_bucket(t) ORDER BY t) AS b FROM unnest(?::int[]) t`,
      [tenths],
    );
    expect(b!.b).toEqual(tenths.map(bucketOf));
    const [m] = await rows<{ a: string; b: string; c: string; d: string }>(
      db,
      `SELECT position('1' in lt_month_bit('2000-01-15')::text) AS a, position('1' in lt_month_bit('2026-11-30')::text) AS b,
              lt_month_bit('1999-12-31')::text AS c, lt_month_bit('2050-01-01')::text AS d`,
    );
    expect([m!.a, m!.b].map(Number)).toEqual([1, 26 * 12 + 10 + 1]);
    expect(m!.c).toBe('0'.repeat(600));
    expect(m!.d).toBe('0'.repeat(600));
  });

  it('lt_office_minutes: hand-counted cases', async () => {
    const db = await copy('40');
    // 2026-11-20 (Fri) and 2026-11-23 (Mon) are working days; 2026-11-21/22 a weekend; 2026-09-02 (Wed)
    // National Day, 2026-09-01 (Tue) the adjacent day off (Labour Code), 2026-08-31 (Mon) working
    const cases: [string, string, number][] = [
      // [from, to, office minutes between]
      ['2026-11-20T08:00:00+07', '2026-11-20T10:15:00+07', 135], // same morning
      ['2026-11-20T08:00:00+07', '2026-11-20T08:00:30+07', 0.5], // seconds count
      ['2026-11-20T10:00:00+07', '2026-11-20T14:00:00+07', 90 + 60], // across lunch: 10:00–11:30, 13:00–14:00
      ['2026-11-20T11:45:00+07', '2026-11-20T12:30:00+07', 0], // both in the lunch break
      ['2026-11-20T06:00:00+07', '2026-11-20T07:30:00+07', 30], // before 07:00 counts from 07:00
      ['2026-11-20T16:00:00+07', '2026-11-20T19:00:00+07', 60], // after 17:00 stops at 17:00
      ['2026-11-20T16:00:00+07', '2026-11-23T08:00:00+07', 60 + 60], // across the weekend
      ['2026-11-21T09:00:00+07', '2026-11-23T08:00:00+07', 60], // from a Saturday: counts from Monday 07:00
      ['2026-11-20T16:00:00+07', '2026-11-21T10:00:00+07', 60], // to a Saturday: Friday 17:00
      ['2026-08-31T16:00:00+07', '2026-09-03T08:00:00+07', 60 + 60], // across 1–2 September
      ['2026-08-31T07:00:00+07', '2026-09-03T17:00:00+07', 510 * 2], // two whole working days
      ['2026-11-20T06:00:00+07', '2026-11-20T20:00:00+07', 510], // a whole day, clamped both ends
    ];
    for (const [from, to, minutes] of cases) {
      const [r] = await rows<{ m: string }>(
        db,
        `SELECT (lt_office_minutes(?::timestamptz) - lt_office_minutes(?::timestamptz))::text AS m`,
        [to, from],
      );
      expect(Number(r!.m), `${from} → ${to}`).toBe(minutes);
    }
    // absolute: a working day's 07:00 is (its working ordinal - 1) × 510; a day off is the end of the last working day
    const [abs] = await rows<{ fri: string; sat: string; mon: string; ordinal: number }>(
      db,
      `SELECT lt_office_minutes('2026-11-20T07:00:00+07')::text AS fri, lt_office_minutes('2026-11-21T12:00:00+07')::text AS sat,
              lt_office_minutes('2026-11-23T07:00:00+07')::text AS mon,
              (SELECT working_ordinal FROM calendar_days WHERE day = '2026-11-20') AS ordinal`,
    );
    expect(Number(abs!.fri)).toBe((abs!.ordinal - 1) * 510);
    expect(Number(abs!.sat)).toBe(abs!.ordinal * 510);
    expect(Number(abs!.mon)).toBe(abs!.ordinal * 510);
  });

  it('stays exact through random inserts, updates, deletes, waits and field changes', async () => {
    const db = await copy('40');
    const rng = new Rng('indicator-aggregates:random');
    const ids = (await rows<{ id: number }>(db, `SELECT id::int FROM dossiers ORDER BY id`)).map((r) => r.id);
    const units = (await rows<{ id: number }>(db, `SELECT id::int FROM units ORDER BY id`)).map((r) => r.id);
    const procs = (await rows<{ id: number }>(db, `SELECT id::int FROM procedures ORDER BY id`)).map(
      (r) => r.id,
    );
    const fields = (
      await rows<{ field: string }>(db, `SELECT DISTINCT field FROM procedures ORDER BY 1`)
    ).map((r) => r.field);
    const channels = ['DIRECT', 'ONLINE', 'POSTAL'];
    const base = Date.parse('2026-08-01T00:00:00Z');
    // whole and half minutes, so rounding meets its ties
    const instant = (from = base, days = 120) =>
      new Date(from + rng.int(0, days * 2880) * 30_000).toISOString();
    const later = (t: string, days = 20) => instant(Date.parse(t), days);
    const maybe = <T>(p: number, v: () => T): T | null => (rng.chance(p) ? v() : null);
    let inserted = 0;

    const insert = async (trx: Knex.Transaction) => {
      const submitted = instant();
      const received = maybe(0.85, () => later(submitted, 2));
      const end = received ? maybe(0.6, () => later(received)) : null;
      const [r] = await rows<{ id: number }>(
        trx,
        `INSERT INTO dossiers (code, procedure_id, receiving_unit_id, handling_unit_id, applicant_type, applicant_name,
           channel, status, submitted_at, received_at, due_at, finished_at, returned_at, supplement_count,
           supplement_seconds, payment_seconds, satisfaction, digitised, electronic_result, paid_online, data_reused)
         VALUES (?, ?, ?, ?, 'CITIZEN', 'Nguyễn Văn Thử', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id::int`,
        [
          `TEST-${++inserted}`,
          rng.pick(procs),
          rng.pick(units),
          maybe(0.5, () => rng.pick(units)),
          rng.pick(channels),
          end ? rng.pick([3, 7, 8, 9, 10]) : rng.pick([1, 2, 4, 5, 6, 7]),
          submitted,
          received,
          received ? maybe(0.9, () => later(received, 15)) : null,
          end && rng.chance(0.7) ? end : null,
          end && rng.chance(0.5) ? later(end, 3) : null,
          rng.int(0, 3),
          rng.int(0, 3) * rng.int(0, 200_000),
          rng.chance(0.2) ? rng.int(0, 90_000) : 0,
          maybe(0.4, () => rng.int(1, 5)),
          rng.chance(0.5),
          rng.chance(0.5),
          rng.chance(0.5),
          rng.chance(0.5),
        ],
      );
      ids.push(r!.id);
    };
    const updateOne = async (trx: Knex.Transaction) => {
      const id = rng.pick(ids);
      const [col, value] = rng.pick<[string, () => Knex.Value]>([
        ['status', () => rng.int(1, 10)],
        ['finished_at', () => maybe(0.7, () => instant())],
        ['returned_at', () => maybe(0.6, () => instant())],
        ['due_at', () => maybe(0.9, () => instant())],
        ['received_at', () => maybe(0.9, () => instant())],
        ['handling_unit_id', () => maybe(0.7, () => rng.pick(units))],
        ['receiving_unit_id', () => rng.pick(units)],
        ['procedure_id', () => rng.pick(procs)],
        ['channel', () => rng.pick(channels)],
        ['digitised', () => rng.chance(0.5)],
        ['data_reused', () => rng.chance(0.5)],
        ['electronic_result', () => rng.chance(0.5)],
        ['paid_online', () => rng.chance(0.5)],
        ['satisfaction', () => maybe(0.7, () => rng.int(1, 5))],
        ['supplement_count', () => rng.int(0, 3)],
        ['supplement_seconds', () => rng.int(0, 400_000)],
        ['payment_seconds', () => rng.int(0, 100_000)],
        ['applicant_phone', () => `09${rng.int(10_000_000, 99_999_999)}`],
      ]);
      await trx.raw(`UPDATE dossiers SET ?? = ? WHERE id = ?`, [col, value(), id]);
    };
    const updateMany = async (trx: Knex.Transaction) => {
      const k = rng.int(0, 6);
      const sql = rng.pick([
        `UPDATE dossiers SET satisfaction = CASE WHEN satisfaction IS NULL THEN 4 ELSE NULL END WHERE id % 7 = ${k}`,
        `UPDATE dossiers SET status = 9, finished_at = coalesce(finished_at, received_at + interval '3 days 30 seconds')
          WHERE id % 11 = ${k} AND status IN (2, 4, 5, 6) AND received_at IS NOT NULL`,
        `UPDATE dossiers SET due_at = due_at + interval '1 day 90 seconds' WHERE id % 13 = ${k}`,
        `UPDATE dossiers SET channel = CASE channel WHEN 'ONLINE' THEN 'DIRECT' ELSE 'ONLINE' END, paid_online = NOT paid_online
          WHERE id % 17 = ${k}`,
        `UPDATE dossiers SET status = 8 WHERE id % 29 = ${k} AND status IN (2, 4, 5)`,
      ]);
      await trx.raw(sql);
    };
    const remove = async (trx: Knex.Transaction) => {
      const id = ids.splice(rng.int(0, ids.length - 1), 1)[0]!;
      const refs = await rows<{ tbl: string; col: string }>(
        trx,
        `SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
           FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          WHERE c.contype = 'f' AND c.confrelid = 'dossiers'::regclass ORDER BY 1`,
      );
      // the history is append-only for everyone but its owner
      await trx.raw(`ALTER TABLE dossier_events DISABLE TRIGGER dossier_events_append_only`);
      for (const r of refs) await trx.raw(`DELETE FROM ?? WHERE ?? = ?`, [r.tbl, r.col, id]);
      await trx.raw(`ALTER TABLE dossier_events ENABLE TRIGGER dossier_events_append_only`);
      await trx.raw(`DELETE FROM dossiers WHERE id = ?`, [id]);
    };
    const openDossier = async (trx: Knex.Transaction) => {
      const open = await rows<{ id: number; t: string }>(
        trx,
        `SELECT d.id::int, coalesce(d.received_at, d.submitted_at)::text AS t FROM dossiers d JOIN indicator_open o ON o.dossier_id = d.id
          ORDER BY d.id LIMIT 1 OFFSET ?`,
        [rng.int(0, 50)],
      );
      return open[0];
    };
    const openWait = async (trx: Knex.Transaction) => {
      const d = await openDossier(trx);
      if (!d) return;
      const at = later(new Date(d.t).toISOString(), 30);
      if (rng.chance(0.5))
        await trx.raw(`INSERT INTO dossier_supplements (dossier_id, requested_at) VALUES (?, ?)`, [d.id, at]);
      else
        await trx.raw(
          `INSERT INTO dossier_payment_waits (dossier_id, requested_at, amount_vnd) VALUES (?, ?, 50000)`,
          [d.id, at],
        );
    };
    const closeWait = async (trx: Knex.Transaction) => {
      const secs = rng.int(60, 400_000);
      const [table, col, total] = rng.pick([
        ['dossier_supplements', 'answered_at', 'supplement_seconds'],
        ['dossier_payment_waits', 'paid_at', 'payment_seconds'],
      ] as const);
      const [w] = await rows<{ id: number; dossier_id: number }>(
        trx,
        `SELECT id::int, dossier_id::int FROM ?? WHERE ?? IS NULL ORDER BY id LIMIT 1 OFFSET ?`,
        [table, col, rng.int(0, 5)],
      );
      if (!w) return;
      await trx.raw(`UPDATE ?? SET ?? = requested_at + make_interval(secs => ?) WHERE id = ?`, [
        table,
        col,
        secs,
        w.id,
      ]);
      await trx.raw(`UPDATE dossiers SET ?? = ?? + ? WHERE id = ?`, [total, total, secs, w.dossier_id]);
    };
    const changeField = async (trx: Knex.Transaction) => {
      await trx.raw(`UPDATE procedures SET field = ? WHERE id = ?`, [rng.pick(fields), rng.pick(procs)]);
    };
    const ops = [insert, updateOne, updateMany, remove, openWait, closeWait, changeField];
    const weights = [20, 40, 6, 8, 12, 10, 4];
    for (let t = 0; t < 10; t++) {
      const work = async (trx: Knex.Transaction) => {
        for (let i = 0; i < 30; i++) await rng.weighted(ops, weights)(trx);
      };
      if (t === 4) {
        // a rolled-back transaction leaves nothing behind
        await expect(
          db.transaction(async (trx) => {
            await work(trx);
            throw new Error('roll back');
          }),
        ).rejects.toThrow('roll back');
      } else await db.transaction(work);
    }
    expect(inserted).toBeGreaterThan(30);
    await expectExact(db);
    await expectBacklog(db, INSTANTS);
    // the rebuild gives the same tables
    await db.raw(`SELECT lt_indicators_rebuild()`);
    await expectExact(db);
  });

  it('migration up on a database with dossiers fills the tables; down drops all it made', async () => {
    const db = await copy('40');
    const functions = (trx: Knex) =>
      rows<{ f: string }>(
        trx,
        `SELECT proname || ':' || md5(btrim(regexp_replace(prosrc, '[[:space:]]+', ' ', 'g'))) AS f FROM pg_proc WHERE proname LIKE 'lt_indicators%' ORDER BY 1`,
      );
    await db.transaction(async (trx) => {
      // 011's down puts back 009's functions exactly (009's up writes them afresh to compare)
      await m011.down(trx);
      const restored = await functions(trx);
      await m009.down(trx);
      await m009.up(trx);
      expect(restored).toEqual(await functions(trx));
      await m009.down(trx);
      const [left] = await rows<{ n: number }>(
        trx,
        `SELECT (SELECT count(*) FROM pg_class WHERE relname LIKE 'indicator%')
              + (SELECT count(*) FROM pg_proc WHERE proname LIKE 'lt_indicators%' OR proname = 'lt_office_minutes')
              + (SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%indicators%') AS n`,
      );
      expect(Number(left!.n)).toBe(0);
      await m009.up(trx);
      await m011.up(trx);
    });
    await expectExact(db);
  });

  it('the backlog read through indicator_open_months is exact at any clock, on its due day too', async () => {
    const db = await copy('40');
    const store = indicatorStore(db);
    // instants just before, at and after some open dossiers turn overdue (their own local day), and others
    const due = await rows<{ t: string }>(
      db,
      `SELECT to_char(overdue_after AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t FROM indicator_open
        WHERE overdue_after IS NOT NULL ORDER BY dossier_id LIMIT 4`,
    );
    const instants = [
      ...due.flatMap((d) => [-1000, 0, 1, 1000].map((ms) => new Date(Date.parse(d.t) + ms))),
      ...INSTANTS.map((t) => new Date(t)),
    ];
    const periods = [
      { from: '2025-01-01', to: '2026-11-30' }, // whole months only
      { from: '2025-01-15', to: '2026-11-20' }, // edge days on both sides
    ];
    for (const dims of [['UNIT'], ['CHANNEL', 'MONTH']] as LocalDimension[][]) {
      for (const period of periods) {
        for (const now of instants) {
          const groups = await store.groups({
            ...period,
            unitIds: null,
            procedureIds: null,
            fields: null,
            channels: null,
            dims,
            rollUp: false,
            today: '2026-11-20',
            now,
            histogram: false,
            procedures: false,
          });
          const got = groups
            .filter((g) => g.sums.pending + g.sums.overdue > 0)
            .map((g) => `${g.keys?.join('|') ?? 'total'}|${g.sums.pending}|${g.sums.overdue}`)
            .sort();
          const key =
            dims[0] === 'UNIT' ? `unit_id::text` : `channel || '|' || to_char(arrived_on, 'YYYY-MM')`;
          const want = (
            await rows<{ r: string }>(
              db,
              `SELECT coalesce(${key}, 'total') || '|' || count(*) FILTER (WHERE NOT coalesce(overdue_after < ?::timestamptz, false))
                      || '|' || count(*) FILTER (WHERE overdue_after < ?::timestamptz) AS r
                 FROM indicator_open WHERE arrived_on BETWEEN ?::date AND ?::date
                GROUP BY GROUPING SETS ((${key}), ())`,
              [now, now, period.from, period.to],
            )
          )
            .map((x) => x.r)
            .sort();
          expect(got, `${dims.join('×')} ${period.from}…${period.to} at ${now.toISOString()}`).toEqual(want);
        }
      }
    }
  });

  it('two writers on overlapping dossiers and aggregate rows lose no update', async () => {
    const db = await copy('40');
    /** b's statement runs while a holds its locks; a commits once b waits on one. */
    const race = async (aSql: string, bSql: string) => {
      const a = await db.transaction();
      const b = await db.transaction();
      const [{ pid }] = (await b.raw<{ rows: { pid: number }[] }>(`SELECT pg_backend_pid() AS pid`)).rows as [
        { pid: number },
      ];
      try {
        await a.raw(aSql);
        // knex sends a query when it is awaited: start b's now, and let it block
        const pending = Promise.resolve(b.raw(bSql));
        let waiting = false;
        for (let i = 0; i < 5000 && !waiting; i++) {
          const [s] = await rows<{ w: string | null }>(
            db,
            `SELECT wait_event_type AS w FROM pg_stat_activity WHERE pid = ?`,
            [pid],
          );
          waiting = s?.w === 'Lock';
        }
        expect(waiting).toBe(true);
        await a.commit();
        await pending;
        await b.commit();
      } catch (e) {
        await Promise.allSettled([a.rollback(), b.rollback()]);
        throw e;
      }
    };
    // the same dossiers (id % 6 = 0 in both)
    await race(
      `UPDATE dossiers SET satisfaction = 5, digitised = NOT digitised WHERE id % 2 = 0`,
      `UPDATE dossiers SET satisfaction = 1, channel = CASE channel WHEN 'ONLINE' THEN 'DIRECT' ELSE 'ONLINE' END WHERE id % 3 = 0`,
    );
    await expectExact(db);
    // different dossiers, the same aggregate rows
    await race(
      `UPDATE dossiers SET electronic_result = NOT electronic_result, supplement_seconds = supplement_seconds + 3600 WHERE id % 2 = 0`,
      `UPDATE dossiers SET electronic_result = NOT electronic_result, data_reused = NOT data_reused WHERE id % 2 = 1`,
    );
    await expectExact(db);
    // a wait opening while its dossier's due time moves
    const [d] = await rows<{ id: number }>(
      db,
      `SELECT dossier_id::int AS id FROM indicator_open WHERE overdue_after IS NOT NULL ORDER BY dossier_id LIMIT 1`,
    );
    await race(
      `UPDATE dossiers SET due_at = due_at - interval '30 days' WHERE id = ${d!.id}`,
      `INSERT INTO dossier_supplements (dossier_id, requested_at) SELECT id, due_at - interval '1 day' FROM dossiers WHERE id = ${d!.id}`,
    );
    await expectExact(db);
    await expectBacklog(db, INSTANTS);
  });
});

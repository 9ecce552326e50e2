import type { Knex } from 'knex';
import { countRows, seedProvince } from '../../seeds/index.ts';
import { demoNow } from '../../seeds/dossiers.ts';
import { sqlSalt } from '../../seeds/random.ts';
import { createCalendar } from '../calendar/index.ts';
import { createKnex, dropDatabase, ensureDatabase } from '../db/knex.ts';
import { migrateLatest } from '../db/migrate.ts';
import type { ProvinceInfo } from '../sources/demo.ts';

/**
 * Bench-only dossier volume (1M, 10M dossiers in one province database) for the indicator timings.
 *
 * The demo generator (seeds/dossiers.ts) writes 5–20 events, documents and names per dossier: far too slow
 * and big at 10M. Indicators read the `dossiers` rows alone (plus the open waits of open dossiers, for
 * overdue), so this writes only those, set-based (INSERT … SELECT over generate_series, one day-aligned
 * batch of about a million keys per statement), with triggers and foreign keys off
 * (`session_replication_role = replica`), secondary indexes dropped during the load and built once after,
 * then `lt_indicators_rebuild()` (when the province schema has it) fills the aggregates in one pass.
 *
 * Shape: one year of dossiers (365 days ending on `asOf`, whose noon is the generation's "now") over the
 * units valid all that year and the active procedures, with a Zipf (s = 1) procedure popularity; about
 * 60% online, mostly resolved with about 8% late, about 3% refused, withdrawn or stopped; what has not
 * ended by now stays open (the backlog: roughly the intake of the procedures' processing times), some
 * overdue, some waiting for a supplement or a payment (their open episodes are rows, so the overdue rule
 * finds them). Due times come from `lt_due_at` (the working calendar), flags and satisfaction follow
 * seeds/dossiers.ts. Deterministic: every draw is a hash of the dossier key (`hashint8extended`).
 *
 * Load batches share no day two at a time (codes number each unit's day), so two sessions load at once.
 * The dossier search's trigram indexes are left out (`skipped`).
 *
 * Resolved dossiers carry their waits as supplement_count / supplement_seconds / payment_seconds only (no
 * episode rows), and no dossier has events, documents or aliases: nothing the indicators read.
 */

/** Bumped when the generated rows change: a volume with another version is generated again. */
const GENERATOR_VERSION = 1;
/** Days of dossiers, ending on asOf. */
export const VOLUME_DAYS = 365;
/** Keys per load statement (rounded to whole days). */
const BATCH = 1_000_000;

export interface VolumeSpec {
  province: ProvinceInfo;
  dossiers: number;
  /** Last day of the year of dossiers (YYYY-MM-DD, local); its noon is the generation's "now". */
  asOf: string;
  /** Database name, e.g. bench_indicators_40_1m. */
  database: string;
}

export interface VolumeInfo {
  database: string;
  url: string;
  /** False when a volume with the same parameters was already there. */
  created: boolean;
  /** First and last day of the generated year. */
  from: string;
  to: string;
  dossiers: number;
  bytes: number;
  /** Seconds the generation took, by step (those of the run that generated it, when reused). */
  seconds: Record<string, number>;
}

interface Marker {
  params: Record<string, unknown>;
  seconds: Record<string, number>;
}

const params = (spec: VolumeSpec) => ({
  version: GENERATOR_VERSION,
  province: spec.province.code,
  dossiers: spec.dossiers,
  asOf: spec.asOf,
  days: VOLUME_DAYS,
});

/** YYYY-MM-DD plus n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The volume of `spec` in its own database on the server of `adminUrl`: reused when its marker row says
 * it was generated with the same parameters (and migrated to the latest schema), else the database is
 * dropped and generated again (fresh migrations, the demo catalogue, then the dossiers).
 */
export async function ensureVolume(
  adminUrl: string,
  spec: VolumeSpec,
  progress: (line: string) => void = () => undefined,
): Promise<VolumeInfo> {
  const u = new URL(adminUrl);
  u.pathname = `/${spec.database}`;
  const url = u.toString();
  const from = addDays(spec.asOf, -(VOLUME_DAYS - 1));
  const want = params(spec);
  const calendar = createCalendar();

  if (!(await ensureDatabase(adminUrl, spec.database))) {
    const db = createKnex(url);
    try {
      const marker = await readMarker(db);
      if (marker && sameParams(marker.params, want)) {
        // migrations added since apply to the loaded rows (009 fills its aggregates itself)
        await migrateLatest(db, 'province', { calendar });
        return {
          database: spec.database,
          url,
          created: false,
          from,
          to: spec.asOf,
          dossiers: spec.dossiers,
          bytes: await databaseBytes(db),
          seconds: marker.seconds,
        };
      }
    } finally {
      await db.destroy();
    }
    await dropDatabase(adminUrl, spec.database);
    await ensureDatabase(adminUrl, spec.database);
  }

  const db = createKnex(url, { poolMax: 3 });
  const seconds: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
    return r;
  };
  try {
    await step('catalogue', async () => {
      await migrateLatest(db, 'province', { calendar });
      if ((await countRows(db)).units === 0)
        await seedProvince(db, spec.province, { dossiers: 0, today: spec.asOf });
    });
    await step('dossiers', () => loadDossiers(db, spec, progress));
    await step('rebuild', () => rebuildAggregates(db));
    await step('vacuum', () => db.raw('VACUUM ANALYZE'));
    await db.raw(`CREATE TABLE lienthong_bench_volume (params jsonb NOT NULL, seconds jsonb NOT NULL)`);
    await db.raw(`INSERT INTO lienthong_bench_volume (params, seconds) VALUES (?::jsonb, ?::jsonb)`, [
      JSON.stringify(want),
      JSON.stringify(seconds),
    ]);
    return {
      database: spec.database,
      url,
      created: true,
      from,
      to: spec.asOf,
      dossiers: spec.dossiers,
      bytes: await databaseBytes(db),
      seconds,
    };
  } finally {
    await db.destroy();
  }
}

/** jsonb keeps its own key order: compare key by key. */
const sameParams = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

async function readMarker(db: Knex): Promise<Marker | undefined> {
  const t = await db.raw<{ rows: { t: string | null }[] }>(
    `SELECT to_regclass('lienthong_bench_volume')::text AS t`,
  );
  if (!t.rows[0]?.t) return undefined;
  const r = await db.raw<{ rows: Marker[] }>(`SELECT params, seconds FROM lienthong_bench_volume LIMIT 1`);
  return r.rows[0];
}

async function databaseBytes(db: Knex): Promise<number> {
  const r = await db.raw<{ rows: { b: string }[] }>(`SELECT pg_database_size(current_database()) AS b`);
  return Number(r.rows[0]!.b);
}

/** Fills the indicator aggregates from the dossiers when the schema has them (province migration 009). */
export async function rebuildAggregates(db: Knex): Promise<boolean> {
  const f = await db.raw<{ rows: { f: string | null }[] }>(
    `SELECT to_regproc('lt_indicators_rebuild')::text AS f`,
  );
  if (!f.rows[0]?.f) return false;
  await db.transaction(async (trx) => {
    await trx.raw(`SET LOCAL statement_timeout = 0`);
    await trx.raw(`SET LOCAL work_mem = '256MB'`);
    await trx.raw(`SELECT lt_indicators_rebuild()`);
  });
  return true;
}

/**
 * Trigram (GIN) indexes of the dossier search (code, applicant name) are not built again: the indicators
 * never read them, and at 10M they take longer than the load itself.
 */
const skipped = (def: string) => / USING gin /i.test(def);

/** Tables the load writes; their plain indexes are dropped during it and built once after. */
const LOADED = ['dossiers', 'dossier_supplements', 'dossier_payment_waits'];

/** The first key of day index i (0 = the year's first day) for n dossiers over VOLUME_DAYS days. */
const firstKey = (i: number, n: number) => Math.ceil((i * n) / VOLUME_DAYS) + 1;

async function loadDossiers(db: Knex, spec: VolumeSpec, progress: (line: string) => void): Promise<void> {
  const n = spec.dossiers;
  const from = addDays(spec.asOf, -(VOLUME_DAYS - 1));
  const now = demoNow(spec.asOf).toISOString();
  const S = sqlSalt(spec.province.code, 'bench-volume');

  const { rows: indexes } = await db.raw<{ rows: { name: string; def: string }[] }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY(?)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [LOADED],
  );
  await db.raw(`TRUNCATE dossiers CASCADE`);
  for (const ix of indexes) await db.raw(`DROP INDEX ??`, [ix.name]);

  await db.transaction(async (trx) => {
    await session(trx);
    await trx.raw(`
      -- the year: each day with the working day a counter receipt of that day falls on (the day itself, or
      -- the last working day before a day off)
      CREATE TABLE bench_days AS
      SELECT (x.d - DATE '${from}') AS di, x.d,
             CASE WHEN lt_is_working_day(x.d) THEN x.d
                  ELSE (SELECT max(c.day) FROM calendar_days c WHERE c.working AND c.day < x.d) END AS wd
        FROM (SELECT t::date AS d FROM generate_series(DATE '${from}', DATE '${spec.asOf}', interval '1 day') t) x;
      CREATE UNIQUE INDEX ON bench_days (di);

      -- the days around the year with the next working day (for online receipts: the next working morning)
      CREATE TABLE bench_cal AS
      SELECT c.day AS d, c.working, lt_working_day_after(c.day, 1) AS nwd
        FROM calendar_days c WHERE c.day BETWEEN DATE '${from}' - 20 AND DATE '${spec.asOf}' + 40;
      CREATE UNIQUE INDEX ON bench_cal (d);
      -- due times by receipt day, processing time and unit, from lt_due_at: one call per distinct triple
      -- instead of one per dossier (times in hours depend on the hour of receipt: those call it per dossier)
      CREATE TABLE bench_due AS
      SELECT c.d, t.processing_time AS amount, t.time_unit AS unit,
             lt_due_at(lt_at_local(c.d, interval '8 hours'), t.processing_time, t.time_unit) AS due
        FROM bench_cal c
        CROSS JOIN (SELECT DISTINCT processing_time, time_unit FROM procedure_channels WHERE time_unit <> 'HOUR'
                    UNION SELECT 5, 'WORKING_DAY') t
       WHERE c.d <= DATE '${spec.asOf}' + 10;
      CREATE UNIQUE INDEX ON bench_due (d, amount, unit);

      -- units valid the whole year
      CREATE TABLE bench_units AS
      SELECT u.id, u.kind, u.code FROM units u
       WHERE u.valid_from <= DATE '${from}' AND (u.valid_to IS NULL OR u.valid_to >= DATE '${spec.asOf}');
      CREATE TABLE bench_communes AS
      SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id FROM bench_units WHERE kind IN ('COMMUNE', 'DISTRICT');
      CREATE TABLE bench_depts AS
      SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id FROM bench_units WHERE kind IN ('DEPARTMENT', 'SECTOR_AGENCY');

      -- active procedures in popularity order (a hash of the national code), with the unit that handles a
      -- province-level one (its implementing unit when valid, else a department) and each channel's
      -- processing time and fee (its first case; a channel without a row takes the direct one)
      CREATE TABLE bench_procedures AS
      SELECT (row_number() OVER (ORDER BY md5(p.national_code)) - 1)::int AS k, p.id, p.level, p.online_service,
             coalesce((SELECT min(pu.unit_id) FROM procedure_units pu JOIN bench_units bu ON bu.id = pu.unit_id
                        WHERE pu.procedure_id = p.id AND pu.role = 'IMPLEMENTING' AND bu.kind IN ('DEPARTMENT', 'SECTOR_AGENCY', 'CENTRE')),
                      (SELECT d.id FROM bench_depts d
                        WHERE d.k = abs(hashtext(p.national_code)) % greatest((SELECT count(*) FROM bench_depts), 1))) AS dept_id,
             ch.*
        FROM procedures p
        CROSS JOIN LATERAL (
          SELECT coalesce(dt.processing_time, 5) AS t_d, coalesce(dt.time_unit, 'WORKING_DAY') AS u_d, coalesce(dt.fee_vnd, 0) AS f_d,
                 coalesce(ot.processing_time, dt.processing_time, 5) AS t_o, coalesce(ot.time_unit, dt.time_unit, 'WORKING_DAY') AS u_o,
                 coalesce(ot.fee_vnd, dt.fee_vnd, 0) AS f_o,
                 coalesce(pt.processing_time, dt.processing_time, 5) AS t_p, coalesce(pt.time_unit, dt.time_unit, 'WORKING_DAY') AS u_p,
                 coalesce(pt.fee_vnd, dt.fee_vnd, 0) AS f_p
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (SELECT * FROM procedure_channels c WHERE c.procedure_id = p.id AND c.channel = 'DIRECT' ORDER BY c.case_name LIMIT 1) dt ON true
            LEFT JOIN LATERAL (SELECT * FROM procedure_channels c WHERE c.procedure_id = p.id AND c.channel = 'ONLINE' ORDER BY c.case_name LIMIT 1) ot ON true
            LEFT JOIN LATERAL (SELECT * FROM procedure_channels c WHERE c.procedure_id = p.id AND c.channel = 'POSTAL' ORDER BY c.case_name LIMIT 1) pt ON true
        ) ch
       WHERE p.status = 'ACTIVE';
      CREATE UNIQUE INDEX ON bench_procedures (k);
    `);
  });
  const counts = (
    await db.raw<{
      rows: { np: number; nc: number; centre: string | null; wfull: number; wpart: number }[];
    }>(`
      SELECT (SELECT count(*) FROM bench_procedures)::int AS np, (SELECT count(*) FROM bench_communes)::int AS nc,
             (SELECT min(id) FROM bench_units WHERE kind = 'CENTRE')::text AS centre,
             -- the Zipf weight of the procedures offered fully and partly online
             coalesce((SELECT sum(ln((k + 2.0) / (k + 1))) FILTER (WHERE online_service = 'FULL') / ln(count(*) + 1.0) FROM bench_procedures), 0)::float8 AS wfull,
             coalesce((SELECT sum(ln((k + 2.0) / (k + 1))) FILTER (WHERE online_service = 'PARTIAL') / ln(count(*) + 1.0) FROM bench_procedures), 0)::float8 AS wpart`)
  ).rows[0]!;
  if (counts.np === 0 || counts.nc === 0)
    throw new Error(
      `province ${spec.province.code} has no active procedure or valid commune to load dossiers on`,
    );
  // online with probability pFull (FULL) and 0.75·pFull (PARTIAL), so that about 60% of all are online
  const pFull = Math.min(0.97, 0.6 / Math.max(counts.wfull + 0.75 * counts.wpart, 0.01));
  const pPart = 0.75 * pFull;
  const np = counts.np;
  const nc = counts.nc;
  const centre = counts.centre ?? 'NULL';

  const batchDays = Math.max(1, Math.floor((VOLUME_DAYS * BATCH) / Math.max(n, 1)));
  const batches: { lo: number; hi: number }[] = [];
  for (let d0 = 0; d0 < VOLUME_DAYS; d0 += batchDays) {
    const lo = firstKey(d0, n);
    const hi = firstKey(Math.min(VOLUME_DAYS, d0 + batchDays), n) - 1;
    if (hi >= lo) batches.push({ lo, hi });
  }
  // codes number a unit's receipts of a day, and a day's receipts can come from the neighbouring batch
  // (online dossiers received the next morning, counter receipts of a day off on the working day before):
  // batches that share no day run two at a time, the even ones first, then the odd ones, which continue
  // the numbers their committed neighbours took
  const margin = Math.ceil((20 * n) / VOLUME_DAYS);
  const t0 = performance.now();
  let done = 0;
  const load = async ({ lo, hi }: { lo: number; hi: number }) => {
    const split: number[] = [];
    const lap = (t: number) => split.push(Math.round((performance.now() - t) / 100) / 10);
    await db.transaction(async (trx) => {
      await session(trx);
      let t = performance.now();
      await trx.raw(planSql({ lo, hi, n, from, asOf: spec.asOf, now, S, np, nc, centre, pFull, pPart }));
      lap(t);
      t = performance.now();
      await trx.raw(insertSql(lo - margin, hi + margin, now, S));
      lap(t);
      t = performance.now();
      await trx.raw(`
        INSERT INTO dossier_supplements (dossier_id, requested_at, answered_at, reason)
        SELECT b.g, s.req, CASE WHEN s.req + b.supp_wait <= TIMESTAMPTZ '${now}' THEN s.req + b.supp_wait END,
               'Bổ sung giấy tờ còn thiếu'
          FROM bench_plan b CROSS JOIN LATERAL (VALUES (b.s1_req), (b.s2_req)) s(req)
         WHERE b.status IN (2, 4, 5, 6) AND s.req <= TIMESTAMPTZ '${now}'
         ORDER BY 1, 2;
        INSERT INTO dossier_payment_waits (dossier_id, requested_at, paid_at, amount_vnd)
        SELECT b.g, b.pay_req, CASE WHEN b.pay_req + b.pay_wait <= TIMESTAMPTZ '${now}' THEN b.pay_req + b.pay_wait END, b.fee
          FROM bench_plan b
         WHERE b.status IN (2, 4, 5, 6) AND b.pay_req <= TIMESTAMPTZ '${now}'
         ORDER BY 1;
      `);
      lap(t);
    });
    done += hi - lo + 1;
    const s = (performance.now() - t0) / 1000;
    progress(
      `${done.toLocaleString('en')} / ${n.toLocaleString('en')} dossiers, ${s.toFixed(0)} s (${Math.round(done / s).toLocaleString('en')}/s; batch plan/insert/waits ${split.join('/')} s)`,
    );
  };
  for (const parity of [0, 1]) {
    const wave = batches.filter((_, i) => i % 2 === parity);
    for (let i = 0; i < wave.length; i += 2) await Promise.all(wave.slice(i, i + 2).map(load));
  }
  await db.raw(
    `SELECT setval(pg_get_serial_sequence('dossiers', 'id'), greatest((SELECT max(id) FROM dossiers), 1))`,
  );
  await db.raw(
    `DROP TABLE bench_days, bench_cal, bench_due, bench_units, bench_communes, bench_depts, bench_procedures`,
  );
  const ti = performance.now();
  await db.transaction(async (trx) => {
    await trx.raw(`SET LOCAL statement_timeout = 0`);
    await trx.raw(`SET LOCAL maintenance_work_mem = '1GB'`);
    for (const ix of indexes) if (!skipped(ix.def)) await trx.raw(ix.def);
  });
  progress(`indexes rebuilt in ${((performance.now() - ti) / 1000).toFixed(0)} s`);
}

async function session(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`SET LOCAL statement_timeout = 0`);
  await trx.raw(`SET LOCAL synchronous_commit = off`);
  await trx.raw(`SET LOCAL work_mem = '256MB'`);
  // generated rows are consistent by construction: no foreign-key checks, no aggregate triggers (the
  // aggregates are rebuilt once after the load)
  await trx.raw(`SET LOCAL session_replication_role = replica`);
  await trx.raw(`
    CREATE OR REPLACE FUNCTION pg_temp.lt_rnd(i bigint, s bigint) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (hashint8extended(i, s) & 2147483647)::float8 / 2147483648 $$`);
}

interface PlanArgs {
  lo: number;
  hi: number;
  n: number;
  from: string;
  asOf: string;
  now: string;
  S: number;
  np: number;
  nc: number;
  centre: string;
  pFull: number;
  pPart: number;
}

/**
 * Each key's dossier as it stands at `now`, into the temp table bench_plan. Draws: r1 procedure, r2 unit,
 * r3 time of day, r4 channel, r5 outcome, r6 late, r7 progress fraction, r8 supplement, r9 payment,
 * r10 return, r11 one-stop centre, r12 minutes, r13 applicant.
 */
function planSql(a: PlanArgs): string {
  const NOW = `TIMESTAMPTZ '${a.now}'`;
  const r = (k: number) => `pg_temp.lt_rnd(g, ${a.S + k})`;
  return `
    CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
    WITH k AS (
      SELECT g, ((g - 1) * ${VOLUME_DAYS} / ${a.n})::int AS di,
             ${r(1)} r1, ${r(2)} r2, ${r(3)} r3, ${r(4)} r4, ${r(5)} r5, ${r(6)} r6, ${r(7)} r7, ${r(8)} r8,
             ${r(9)} r9, ${r(10)} r10, ${r(11)} r11, ${r(12)} r12, ${r(13)} r13
        FROM generate_series(${a.lo}::bigint, ${a.hi}::bigint) g
    ), p AS (
      SELECT k.*, dd.d, dd.wd, bp.id AS procedure_id, bp.level, bp.online_service, bp.dept_id,
             bp.t_d, bp.u_d, bp.f_d, bp.t_o, bp.u_o, bp.f_o, bp.t_p, bp.u_p, bp.f_p,
             CASE
               WHEN bp.online_service = 'FULL' AND k.r4 < ${a.pFull} THEN 'ONLINE'
               WHEN bp.online_service = 'PARTIAL' AND k.r4 < ${a.pPart} THEN 'ONLINE'
               WHEN k.r4 >= 0.97 THEN 'POSTAL'
               ELSE 'DIRECT'
             END AS channel
        FROM k
        JOIN bench_days dd ON dd.di = k.di
        -- Zipf, s = 1: rank j with probability ln((j + 2) / (j + 1)) / ln(np + 1)
        JOIN bench_procedures bp ON bp.k = least(${a.np - 1}, floor(exp(k.r1 * ln(${a.np + 1}.0)))::int - 1)
    ), c AS (
      SELECT p.*,
        CASE p.channel WHEN 'ONLINE' THEN p.t_o WHEN 'POSTAL' THEN p.t_p ELSE p.t_d END AS processing_time,
        CASE p.channel WHEN 'ONLINE' THEN p.u_o WHEN 'POSTAL' THEN p.u_p ELSE p.u_d END AS time_unit,
        CASE p.channel WHEN 'ONLINE' THEN p.f_o WHEN 'POSTAL' THEN p.f_p ELSE p.f_d END AS fee,
        -- a counter receipt on the last day happens before its noon (now)
        lt_office_instant(p.wd, p.r3 * CASE WHEN p.wd >= DATE '${a.asOf}' THEN 255 ELSE 495 END) AS counter_at,
        -- handling unit: the province-level procedure's department, else a commune (mildly skewed)
        CASE WHEN p.level = 'PROVINCE' AND p.dept_id IS NOT NULL THEN p.dept_id ELSE cm.id END AS unit_id
        FROM p JOIN bench_communes cm ON cm.k = least(${a.nc - 1}, floor(power(p.r2, 1.3) * ${a.nc})::int)
    ), t AS (
      SELECT c.*,
        CASE c.channel
          WHEN 'ONLINE' THEN lt_at_local(c.d, c.r3 * CASE WHEN c.d >= DATE '${a.asOf}' THEN interval '719 minutes' ELSE interval '24 hours' END)
          WHEN 'DIRECT' THEN c.counter_at
          ELSE c.counter_at - (1 + floor(c.r12 * 3)) * interval '1 day'
        END AS submitted_at,
        -- province-level dossiers: 45% received at the one-stop centre, handled by the department
        CASE WHEN c.level = 'PROVINCE' AND c.dept_id IS NOT NULL AND c.r11 < 0.45 THEN coalesce(${a.centre}::bigint, c.unit_id)
             ELSE c.unit_id END AS receiving_unit_id,
        CASE WHEN c.r5 < 0.015 THEN 3 WHEN c.r5 < 0.025 THEN 7 WHEN c.r5 < 0.03 THEN 8 ELSE 9 END AS outcome
        FROM c
    ), v AS (
      SELECT t.*,
        -- lt_next_working_morning, from the day table
        CASE WHEN t.channel = 'ONLINE'
             THEN lt_at_local(CASE WHEN sc.working AND (t.submitted_at AT TIME ZONE INTERVAL '+07:00')::time < time '07:00' THEN sc.d ELSE sc.nwd END,
                              interval '7 hours') + t.r12 * interval '150 minutes'
             ELSE t.counter_at + (3 + t.r12 * 12) * interval '1 minute' END AS recv
        FROM t LEFT JOIN bench_cal sc ON t.channel = 'ONLINE' AND sc.d = lt_local_day(t.submitted_at)
    ), w AS (
      SELECT v.*, coalesce(bd.due, lt_due_at(v.recv, v.processing_time, v.time_unit)) AS due,
        CASE WHEN v.r8 < 0.006 THEN 2 WHEN v.r8 < 0.08 THEN 1 ELSE 0 END AS supps,
        (24 + mod((v.r8 * 100000)::int, 96)) * interval '1 hour' AS supp_wait,
        CASE WHEN v.fee > 0 AND v.r9 < 0.3 THEN (2 + floor(v.r12 * 46)) * interval '1 hour' ELSE interval '0' END AS pay_wait
        FROM v LEFT JOIN bench_due bd ON bd.d = lt_local_day(v.recv) AND bd.amount = v.processing_time AND bd.unit = v.time_unit
    ), x AS (
      -- when the work ends, without the applicant's waits: about 8% late (a few stuck for weeks)
      SELECT w.*,
        CASE
          WHEN w.r6 < 0.004 THEN w.due + (10 + w.r7 * 50) * interval '1 day'
          WHEN w.r6 < 0.08 THEN w.due + (0.2 + w.r7 * 6) * interval '1 day'
          ELSE w.recv + (0.3 + 0.7 * sqrt(w.r7)) * (w.due - w.recv)
        END AS work_end
        FROM w
    ), y AS (
      SELECT x.*,
        CASE WHEN x.outcome = 9 AND x.supps >= 1 THEN x.recv + 0.25 * (x.work_end - x.recv) END AS s1_req,
        CASE WHEN x.outcome = 9 AND x.supps >= 2 THEN x.recv + 0.5 * (x.work_end - x.recv) + x.supp_wait END AS s2_req,
        CASE WHEN x.outcome = 9 AND x.pay_wait > interval '0' THEN x.recv END AS pay_req
        FROM x
    ), z AS (
      SELECT y.*,
        CASE y.outcome
          WHEN 3 THEN y.recv
          WHEN 9 THEN y.work_end + y.supps * y.supp_wait + y.pay_wait
          ELSE y.recv + y.r7 * (y.work_end - y.recv)
        END AS end_at
        FROM y
    )
    SELECT z.*,
      CASE WHEN z.outcome = 9 AND z.r10 >= 0.1 THEN z.end_at + z.r3 * interval '2 days' END AS return_at,
      CASE
        WHEN z.recv > ${NOW} THEN 1
        WHEN z.outcome = 3 THEN 3
        WHEN z.end_at <= ${NOW} AND z.outcome = 9 AND z.r10 >= 0.1 AND z.end_at + z.r3 * interval '2 days' <= ${NOW} THEN 10
        WHEN z.end_at <= ${NOW} THEN z.outcome
        WHEN ${NOW} >= z.s1_req AND ${NOW} < z.s1_req + z.supp_wait THEN 5
        WHEN ${NOW} >= z.s2_req AND ${NOW} < z.s2_req + z.supp_wait THEN 5
        WHEN ${NOW} >= z.pay_req AND ${NOW} < z.pay_req + z.pay_wait THEN 6
        WHEN ${NOW} < z.recv + 0.1 * (z.work_end - z.recv) THEN 2
        ELSE 4
      END AS status
      FROM z`;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const GIVEN = [
  'Văn An',
  'Thị Bình',
  'Văn Cường',
  'Thị Dung',
  'Đức Hải',
  'Thị Hoa',
  'Văn Hùng',
  'Thị Lan',
  'Minh Long',
  'Thị Mai',
  'Văn Nam',
  'Thị Nga',
  'Quang Phúc',
  'Thị Quỳnh',
  'Văn Sơn',
  'Thị Thảo',
];
const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(', ')}]`;

/** The dossiers of bench_plan; codes number each unit's day on from the highest already taken. */
function insertSql(near0: number, near1: number, now: string, S: number): string {
  const NOW = `TIMESTAMPTZ '${now}'`;
  const r = (k: number) => `pg_temp.lt_rnd(b.g, ${S + k})`;
  return `
    WITH prior AS (
      -- receipts of neighbouring batches can share a day with this one (online dossiers received the next morning)
      SELECT receiving_unit_id AS unit_id, substring(code FROM '-([0-9]{6})-[0-9]+$') AS day,
             max(substring(code FROM '-([0-9]+)$')::int) AS n
        FROM dossiers WHERE id BETWEEN ${near0} AND ${near1} GROUP BY 1, 2
    ), b AS (
      SELECT p.*, CASE WHEN p.status NOT IN (1, 3) THEN p.recv END AS received_at,
             to_char(CASE WHEN p.status NOT IN (1, 3) THEN p.recv ELSE p.submitted_at END AT TIME ZONE INTERVAL '+07:00', 'YYMMDD') AS code_day,
             CASE WHEN p.r13 < 0.85 THEN 'CITIZEN' WHEN p.r13 < 0.95 THEN 'BUSINESS' WHEN p.r13 < 0.98 THEN 'STATE_AGENCY' ELSE 'ORGANISATION' END AS applicant_type,
             p.status IN (9, 10) AND (p.supps >= 2 OR p.work_end > p.due) AS late
        FROM bench_plan p
    )
    INSERT INTO dossiers (id, code, procedure_id, receiving_unit_id, handling_unit_id, applicant_type, applicant_name,
      applicant_id_number, channel, status, submitted_at, received_at, due_at, finished_at, returned_at,
      supplement_count, supplement_seconds, payment_seconds, apology_issued, apology_new_due_at, satisfaction,
      digitised, electronic_result, paid_online, vneid_verified, data_reused)
    OVERRIDING SYSTEM VALUE
    SELECT b.g,
      un.code || '-' || b.code_day || '-' ||
        -- four digits at least (lpad alone would cut a fifth: a one-stop centre takes over 9,999 a day at 10M)
        CASE WHEN coalesce(pr.n, 0) + row_number() OVER w < 10000
             THEN lpad((coalesce(pr.n, 0) + row_number() OVER w)::text, 4, '0')
             ELSE (coalesce(pr.n, 0) + row_number() OVER w)::text END,
      b.procedure_id, b.receiving_unit_id, b.unit_id, b.applicant_type,
      CASE b.applicant_type
        WHEN 'CITIZEN' THEN (${sqlArray(SURNAMES)})[1 + (b.g % ${SURNAMES.length})::int] || ' ' || (${sqlArray(GIVEN)})[1 + ((b.g / 7) % ${GIVEN.length})::int]
        WHEN 'BUSINESS' THEN 'Công ty TNHH ' || (${sqlArray(GIVEN)})[1 + (b.g % ${GIVEN.length})::int]
        ELSE 'Hợp tác xã ' || (${sqlArray(SURNAMES)})[1 + (b.g % ${SURNAMES.length})::int]
      END,
      CASE WHEN b.applicant_type = 'CITIZEN' THEN '040' || lpad(floor(${r(20)} * 1000000000)::bigint::text, 9, '0')
           ELSE lpad(floor(${r(21)} * 10000000000)::bigint::text, 10, '0') END,
      b.channel, b.status, b.submitted_at, b.received_at,
      CASE WHEN b.received_at IS NOT NULL THEN b.due END,
      CASE WHEN b.status IN (3, 7, 8, 9, 10) THEN b.end_at END,
      CASE WHEN b.status = 10 THEN b.return_at END,
      -- waits that have begun by now; their seconds once closed
      (coalesce((b.s1_req <= ${NOW})::int, 0) + coalesce((b.s2_req <= ${NOW})::int, 0))::smallint,
      (extract(epoch FROM b.supp_wait) * (coalesce((b.s1_req + b.supp_wait <= ${NOW})::int, 0) + coalesce((b.s2_req + b.supp_wait <= ${NOW})::int, 0)))::int,
      coalesce(CASE WHEN b.pay_req + b.pay_wait <= ${NOW} THEN extract(epoch FROM b.pay_wait) END, 0)::int,
      b.late AND ${r(29)} < 0.85,
      CASE WHEN b.late AND ${r(29)} < 0.85 THEN b.due + interval '3 days' END,
      CASE WHEN b.status IN (9, 10) AND ${r(22)} < 0.4 THEN (ARRAY[5, 5, 5, 5, 5, 5, 5, 4, 4, 3])[1 + floor(${r(23)} * 10)::int] END,
      ${r(24)} < CASE b.channel WHEN 'ONLINE' THEN 0.92 ELSE 0.7 END,
      ${r(25)} < CASE b.channel WHEN 'ONLINE' THEN 0.7 ELSE 0.3 END,
      b.fee > 0 AND ${r(26)} < CASE b.channel WHEN 'ONLINE' THEN 0.65 ELSE 0.1 END,
      ${r(27)} < CASE b.channel WHEN 'ONLINE' THEN 0.55 ELSE 0.12 END,
      ${r(28)} < 0.35
    FROM b
    JOIN units un ON un.id = b.receiving_unit_id
    LEFT JOIN prior pr ON pr.unit_id = b.receiving_unit_id AND pr.day = b.code_day
    WINDOW w AS (PARTITION BY b.receiving_unit_id, b.code_day ORDER BY b.g)`;
}

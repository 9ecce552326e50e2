import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import {
  COMPANY_BRANDS,
  ETHNIC_NAMES,
  ethnicName,
  COMPANY_FORMS,
  COMPANY_TRADES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  LOCAL_SURNAMES,
  MALE_GIVEN,
  MALE_MIDDLE,
  ORGANISATION_KINDS,
  OTHER_BIRTH_PROVINCES,
  SCHOOL_PATRONS,
  SURNAMES,
  TAX_PREFIX,
} from './data/people.ts';
import { atLocal, localDay } from '../src/calendar/index.ts';
import { hashString, Rng, sqlSalt } from './random.ts';

/**
 * Dossiers (hồ sơ) generated set-based inside PostgreSQL: a few large INSERT … SELECT statements over
 * generate_series, with hashint8extended as the deterministic random source, so a million dossiers and
 * their events load in minutes.
 *
 * Time follows the working calendar (calendar_days and the lt_* SQL functions of province migration 006):
 * counter and postal receipts in office hours on working days, online submissions at any hour received
 * the next working morning, due times from the procedure channel's processing time and unit, officers'
 * steps in office hours. Each dossier has a key g: on the demo clock (the `today` the seed is given), day
 * d holds the keys ceil(d·N/W) … ceil((d+1)·N/W) − 1 for N dossiers over a window of W days, so the
 * dossiers of a day do not depend on when they were seeded, and catching up missing days adds exactly
 * the dossiers a seed straight to the later day would have. What the dossier looks like at the seeding
 * instant (open, waiting, returned) is cut from its whole planned life. A dossier's id is its key (plus
 * DossierPlan.idShift for extra volume), and everything drawn for it hangs on its key or id, never on its
 * rank in a load: a catch-up can delete the dossiers whose life went on past the old now and generate
 * them again at the new now, and gets the rows a seed straight to the new day has.
 */

/** Days of dossiers before the demo's today. */
export const WINDOW_DAYS = 538;
/** The demo's "now" on its today: noon local time (morning receipts of the day exist, none in the afternoon). */
const NOON_MINUTES = 12 * 60;
/** Keys of dossiers added as extra volume (`seed --dossiers N` on a seeded province) start here. */
export const EXTRA_KEYS = 1_000_000_000_000;
const BATCH = 500_000;

/** The instant the demo stands at on `today` (YYYY-MM-DD local). */
export const demoNow = (today: string): Date => atLocal(today, NOON_MINUTES);

/**
 * Which dossiers a load makes: keys g in [gLo, gHi]; the receipt day of key g is
 * dayBase + floor((g − gBase)·days / perDays), days counted from 1970-01-01.
 */
export interface DossierPlan {
  gLo: number;
  gHi: number;
  gBase: number;
  dayBase: number;
  days: number;
  perDays: number;
  /** The seeding instant: what has not happened by then is left open. */
  now: Date;
  /** A dossier's id is its key plus this (0 for the demo window's keys; extra volume has its own ids). */
  idShift?: number;
}

const EVENT_NOTES: Record<number, readonly string[]> = {
  1: [
    'Công dân nộp hồ sơ',
    'Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công',
    'Nộp hồ sơ qua bưu chính công ích',
  ],
  2: ['Tiếp nhận hồ sơ, hẹn ngày trả kết quả', 'Bộ phận Một cửa tiếp nhận hồ sơ'],
  4: [
    'Chuyển hồ sơ cho chuyên viên xử lý',
    'Thẩm định hồ sơ',
    'Trình lãnh đạo phê duyệt',
    'Lãnh đạo ký duyệt',
    'Chuyển văn thư đóng dấu',
    'Xác minh thông tin qua Cơ sở dữ liệu quốc gia về dân cư',
  ],
  5: ['Yêu cầu bổ sung giấy tờ còn thiếu', 'Đề nghị bổ sung, hoàn thiện hồ sơ'],
  6: ['Yêu cầu thanh toán phí, lệ phí'],
  3: ['Từ chối tiếp nhận: hồ sơ không thuộc thẩm quyền', 'Từ chối tiếp nhận: hồ sơ không đủ điều kiện'],
  7: ['Công dân rút hồ sơ'],
  8: ['Dừng xử lý theo đề nghị của cơ quan phối hợp'],
  9: ['Có kết quả giải quyết'],
  10: ['Trả kết quả cho công dân', 'Trả kết quả qua bưu chính công ích', 'Trả kết quả điện tử'],
};

function weightedArray(items: readonly (readonly [string, number])[]): string[] {
  return items.flatMap(([name, w]) => Array<string>(Math.max(1, Math.round(w))).fill(name));
}

export async function seedDossierRange(db: Knex, province: ProvinceInfo, plan: DossierPlan): Promise<void> {
  await restoreDroppedIndexes(db);
  await repairMissingEvents(db, province, plan.now);
  const count = plan.gHi - plan.gLo + 1;
  if (count <= 0) return;
  const load = async () => {
    for (let from = plan.gLo; from <= plan.gHi; from += BATCH) {
      const part = { ...plan, gLo: from, gHi: Math.min(plan.gHi, from + BATCH - 1) };
      const ids = await db.transaction((trx) => batch(trx, province, part));
      if (ids.hi < ids.lo) continue;
      // events are most of the volume: two sessions, one per core
      const mid = Math.floor((ids.lo + ids.hi) / 2);
      await Promise.all([
        db.transaction((trx) => insertEvents(trx, province, ids.lo, mid, plan.now)),
        db.transaction((trx) => insertEvents(trx, province, mid + 1, ids.hi, plan.now)),
      ]);
    }
  };
  // building indexes once is far cheaper than maintaining them row by row (trigram GIN above all)
  if (count >= 100_000) await withSecondaryIndexesDropped(db, DOSSIER_TABLES, load);
  else await load();
}

/**
 * Loads the keys of `plan` inside `trx` (dossiers, then their events): for catch-ups that replace rows in
 * one transaction. Small loads only (one session, no index juggling).
 */
export async function seedDossierRangeIn(
  trx: Knex.Transaction,
  province: ProvinceInfo,
  plan: DossierPlan,
): Promise<void> {
  if (plan.gHi < plan.gLo) return;
  const ids = await batch(trx, province, plan);
  if (ids.hi >= ids.lo) await insertEvents(trx, province, ids.lo, ids.hi, plan.now);
}

/**
 * Deletes the dossiers with ids in the given ranges and every row that refers to them (events included:
 * the seeder replaces demo history it generated itself, the only writer allowed to). The append-only
 * trigger of dossier_events does not fire under session_replication_role = replica (superuser); otherwise
 * it is disabled for this transaction and enabled again before it commits (the table owner may).
 */
export async function deleteDossierIds(trx: Knex.Transaction, ranges: [number, number][]): Promise<void> {
  if (ranges.length === 0) return;
  await trx.raw(
    `DO $$ BEGIN SET LOCAL session_replication_role = replica; EXCEPTION WHEN insufficient_privilege THEN NULL; END $$`,
  );
  const { rows: refs } = await trx.raw<{ rows: { tbl: string; col: string }[] }>(`
    SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = 'dossiers'::regclass ORDER BY 1`);
  const where = (col: string) => ranges.map(([lo, hi]) => `${col} BETWEEN ${lo} AND ${hi}`).join(' OR ');
  const { rows: rr } = await trx.raw<{ rows: { r: string }[] }>(
    `SELECT current_setting('session_replication_role') AS r`,
  );
  const disable = rr[0]?.r !== 'replica';
  if (disable) await trx.raw(`ALTER TABLE dossier_events DISABLE TRIGGER dossier_events_append_only`);
  for (const r of refs)
    await trx.raw(`DELETE FROM ?? WHERE ${where('??')}`, [r.tbl, ...ranges.map(() => r.col)]);
  await trx.raw(`DELETE FROM dossiers WHERE ${where('id')}`);
  if (disable) await trx.raw(`ALTER TABLE dossier_events ENABLE TRIGGER dossier_events_append_only`);
}

const DOSSIER_TABLES = [
  'dossiers',
  'dossier_events',
  'dossier_supplements',
  'dossier_payment_waits',
  'dossier_documents',
  'dossier_code_aliases',
];

/**
 * Drops the plain (non-constraint) indexes of `tables`, runs `fn`, and recreates them. The definitions
 * are written to a table first, so a load killed half-way gets its indexes back on the next seed run.
 */
async function withSecondaryIndexesDropped(
  db: Knex,
  tables: string[],
  fn: () => Promise<void>,
): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw(
      `CREATE TABLE IF NOT EXISTS lienthong_dropped_indexes (name text PRIMARY KEY, def text NOT NULL)`,
    );
    await trx.raw(
      `INSERT INTO lienthong_dropped_indexes (name, def)
       SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY(?)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
       ON CONFLICT (name) DO NOTHING`,
      [tables],
    );
    const { rows } = await trx.raw<{ rows: { name: string }[] }>(
      `SELECT name FROM lienthong_dropped_indexes`,
    );
    for (const r of rows) await trx.raw(`DROP INDEX IF EXISTS ??`, [r.name]);
  });
  try {
    await fn();
  } finally {
    await restoreDroppedIndexes(db);
  }
}

/** Recreates indexes a bulk load dropped (also those of a load that was killed). */
export async function restoreDroppedIndexes(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    const exists = await trx.raw<{ rows: { t: string | null }[] }>(
      `SELECT to_regclass('lienthong_dropped_indexes')::text AS t`,
    );
    if (!exists.rows[0]?.t) return;
    await trx.raw(`SET LOCAL statement_timeout = 0`);
    await trx.raw(`SET LOCAL maintenance_work_mem = '512MB'`);
    const { rows } = await trx.raw<{ rows: { name: string; def: string }[] }>(
      `SELECT name, def FROM lienthong_dropped_indexes`,
    );
    for (const r of rows)
      await trx.raw(r.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
    await trx.raw(`DROP TABLE lienthong_dropped_indexes`);
  });
}

/** Events of dossiers whose event sessions did not commit (a seed killed between its transactions). */
async function repairMissingEvents(db: Knex, province: ProvinceInfo, now: Date): Promise<void> {
  const { rows } = await db.raw<{ rows: { lo: number | null; hi: number | null }[] }>(
    `SELECT min(d.id)::int AS lo, max(d.id)::int AS hi FROM dossiers d
      WHERE d.id > (SELECT coalesce(max(dossier_id), 0) FROM dossier_events) - ${BATCH}
        AND NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id)`,
  );
  const { lo, hi } = rows[0] ?? {};
  if (lo == null || hi == null) return;
  await db.transaction((trx) => insertEvents(trx, province, lo, hi, now, true));
}

async function batch(
  trx: Knex.Transaction,
  province: ProvinceInfo,
  plan: DossierPlan,
): Promise<{ lo: number; hi: number }> {
  const tick = timer();
  const S = sqlSalt(province.code, 'dossiers');
  const own = province.code.padStart(3, '0');
  const surnames = weightedArray([...SURNAMES, ...(LOCAL_SURNAMES[province.code] ?? [])]);
  // most applicants were born in the province (the first 3 digits of the personal ID)
  const birth = [...Array<string>(110).fill(own), ...OTHER_BIRTH_PROVINCES];
  const ethnic = ethnicNames(province.code);
  const orgKinds = weightedArray(
    ORGANISATION_KINDS.map(([name, by, w]) => [`${name}\u0000${by}`, w] as const),
  ).map((k) => k.split('\u0000') as [string, string]);
  const now = plan.now.toISOString();
  const today = localDay(plan.now);
  await prepareSession(trx);
  // a catch-up may load several plans in one transaction
  await trx.raw(
    `DROP TABLE IF EXISTS pg_temp.sp, pg_temp.su, pg_temp.spc, pg_temp.sc, pg_temp.sd, pg_temp.sdept, pg_temp.sdoc, pg_temp.prior, pg_temp.nd, pg_temp.ns`,
  );
  await trx.raw(`
    CREATE TEMP TABLE sp ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY p.id) - 1)::int AS k, p.id, p.level, p.online_service,
           -- the level until the district level went (procedures.level is today's)
           coalesce((SELECT pl.level FROM procedure_levels pl WHERE pl.procedure_id = p.id AND pl.valid_from <= DATE '2025-06-30'
                      ORDER BY pl.valid_from DESC LIMIT 1), p.level) AS level_before,
           (SELECT min(pu.unit_id) FROM procedure_units pu WHERE pu.procedure_id = p.id AND pu.role = 'IMPLEMENTING') AS impl_id
      FROM procedures p WHERE p.status = 'ACTIVE';
    -- the unit that stands for each unit in the three periods of the window: before Decree 45/2025 (until
    -- 28 February 2025), until the district level went (30 June 2025), and since (lt_unit_on follows the
    -- lineage; NULL where nothing in this province stands for it, e.g. a merged province's departments)
    CREATE TEMP TABLE su ON COMMIT DROP AS
    SELECT u.id, lt_unit_on(u.id, DATE '2025-02-28') AS e1, lt_unit_on(u.id, DATE '2025-06-30') AS e2,
           lt_unit_on(u.id, DATE '2025-07-01') AS e3
      FROM units u;
    CREATE UNIQUE INDEX ON su (id);
    -- the processing time of a channel is its first case's (dossiers do not record their case)
    CREATE TEMP TABLE spc ON COMMIT DROP AS
    SELECT DISTINCT ON (procedure_id, channel) procedure_id, channel, processing_time, time_unit, fee_vnd
      FROM procedure_channels ORDER BY procedure_id, channel, case_name;
    CREATE UNIQUE INDEX ON spc (procedure_id, channel);
    CREATE TEMP TABLE sc ON COMMIT DROP AS
    -- applicants' home communes as they were before 1 July 2025 (each has a successor since); a province
    -- without that history uses the communes it has
    SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS k, u.id, u.valid_to, u.id AS succ_id
      FROM units u WHERE u.kind = 'COMMUNE'
       AND (u.valid_to = DATE '2025-06-30'
            OR NOT EXISTS (SELECT 1 FROM units o WHERE o.kind = 'COMMUNE' AND o.valid_to = DATE '2025-06-30'));
    CREATE TEMP TABLE sd ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS k, u.id FROM units u WHERE u.kind = 'DISTRICT';
    CREATE TEMP TABLE sdept ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS k, u.id FROM units u WHERE u.kind IN ('DEPARTMENT', 'SECTOR_AGENCY');
    CREATE TEMP TABLE sdoc ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY d.id) - 1)::int AS k, d.id FROM documents d WHERE d.direction = 'OUTGOING';
    -- numbers continue after the highest taken at the unit that day (the count, unless keys were regenerated)
    CREATE TEMP TABLE prior ON COMMIT DROP AS
    SELECT receiving_unit_id AS unit_id, to_char(coalesce(received_at, submitted_at) AT TIME ZONE INTERVAL '+07:00', 'YYMMDD') AS day,
           max(substring(code FROM '-([0-9]+)$')::int) AS n
      FROM dossiers GROUP BY 1, 2;
  `);
  const shift = plan.idShift ?? 0;
  const [{ np, nc, nd, ndept, ndoc, centre }] = (
    await trx.raw<{
      rows: {
        np: number;
        nc: number;
        nd: number;
        ndept: number;
        ndoc: number;
        centre: number | null;
      }[];
    }>(`
      SELECT (SELECT count(*) FROM sp)::int np, (SELECT count(*) FROM sc)::int nc, (SELECT count(*) FROM sd)::int nd,
             (SELECT count(*) FROM sdept)::int ndept, (SELECT count(*) FROM sdoc)::int ndoc,
             (SELECT min(id) FROM units WHERE kind = 'CENTRE')::bigint centre`)
  ).rows as [{ np: number; nc: number; nd: number; ndept: number; ndoc: number; centre: number | null }];

  // 1. each dossier's whole planned life, one row per key g: unit, channel, times, waits, outcome
  await trx.raw(
    `
    CREATE TEMP TABLE nd ON COMMIT DROP AS
    WITH b AS (
      SELECT g, row_number() OVER (ORDER BY g) AS i,
        DATE '1970-01-01' + (${plan.dayBase} + ((g - ${plan.gBase}) * ${plan.days}) / ${plan.perDays})::int AS day,
        pg_temp.lt_rnd(g, ${S} + 1) r_proc, pg_temp.lt_rnd(g, ${S} + 2) r_unit, pg_temp.lt_rnd(g, ${S} + 3) r_min, pg_temp.lt_rnd(g, ${S} + 4) r_time,
        pg_temp.lt_rnd(g, ${S} + 5) r_chan, pg_temp.lt_rnd(g, ${S} + 6) r_out, pg_temp.lt_rnd(g, ${S} + 7) r_frac, pg_temp.lt_rnd(g, ${S} + 8) r_supp,
        pg_temp.lt_rnd(g, ${S} + 9) r_late, pg_temp.lt_rnd(g, ${S} + 10) r_app, pg_temp.lt_rnd(g, ${S} + 11) r_pay, pg_temp.lt_rnd(g, ${S} + 12) r_ctr
      FROM generate_series(${plan.gLo}::bigint, ${plan.gHi}::bigint) g
    ), p AS (
      SELECT b.*, sp.id AS procedure_id, sp.level, sp.level_before, sp.online_service, sp.impl_id,
        CASE sp.online_service
          WHEN 'FULL' THEN CASE WHEN b.r_chan < 0.75 THEN 'ONLINE' WHEN b.r_chan < 0.97 THEN 'DIRECT' ELSE 'POSTAL' END
          WHEN 'PARTIAL' THEN CASE WHEN b.r_chan < 0.45 THEN 'ONLINE' WHEN b.r_chan < 0.95 THEN 'DIRECT' ELSE 'POSTAL' END
          ELSE CASE WHEN b.r_chan < 0.95 THEN 'DIRECT' ELSE 'POSTAL' END
        END AS want_channel,
        -- a counter or post office receipt happens on a working day: a day off gives one of the five before
        pg_temp.c_wday(pg_temp.c_ord(b.day) - CASE WHEN pg_temp.c_work(b.day) THEN 0 ELSE floor(b.r_min * 5)::int END) AS work_day
        FROM b JOIN sp ON sp.k = least(floor(power(b.r_proc, 2.2) * ${np})::int, ${np - 1})
    ), c AS (
      SELECT p.*, ch.channel, ch.processing_time, ch.time_unit, ch.fee_vnd AS fee
        FROM p CROSS JOIN LATERAL (
          SELECT x.* FROM spc x WHERE x.procedure_id = p.procedure_id AND x.channel IN (p.want_channel, 'DIRECT')
           ORDER BY x.channel = p.want_channel DESC LIMIT 1) ch
    ), r AS (
      SELECT c.*,
        CASE c.channel
          WHEN 'ONLINE' THEN pg_temp.c_at_local(c.day, CASE WHEN c.day >= DATE '${today}' THEN c.r_time * interval '${NOON_MINUTES - 1} minutes'
                                                      ELSE interval '6 hours' + c.r_time * interval '17 hours' END)
          WHEN 'DIRECT' THEN pg_temp.c_office_instant(c.work_day, c.r_time * CASE WHEN c.work_day >= DATE '${today}' THEN 255 ELSE 495 END)
          ELSE pg_temp.c_office_instant(c.work_day, c.r_time * 495) - (1 + floor(c.r_min * 3)) * interval '1 day'
        END AS submitted_at,
        CASE c.channel
          WHEN 'ONLINE' THEN NULL
          ELSE pg_temp.c_office_instant(c.work_day, c.r_time * CASE WHEN c.work_day >= DATE '${today}' THEN 255 ELSE 495 END + 3 + c.r_min * 12)
        END AS counter_at
      FROM c
    ), t AS (
      SELECT r.*,
        coalesce(r.counter_at, pg_temp.c_next_morning(r.submitted_at) + r.r_min * interval '150 minutes') AS recv
      FROM r
    ), u AS (
      SELECT t.*,
        -- every unit as it stood on the day of receipt: abolished departments' work goes to their
        -- successors, a merged province receives no province-level dossier after 30 June 2025 (its communes
        -- still do), district-level procedures are the communes' since 1 July 2025
        CASE
          WHEN x.lvl = 'PROVINCE' AND x.centre_on IS NOT NULL AND t.r_ctr < 0.45 THEN x.centre_on
          WHEN x.lvl = 'PROVINCE' AND x.dept_on IS NOT NULL THEN x.dept_on
          WHEN x.lvl = 'DISTRICT' AND ds.id IS NOT NULL THEN ds.id
          ELSE coalesce(x.commune_on, cm.id)
        END AS unit_id,
        CASE WHEN x.lvl = 'PROVINCE' THEN x.dept_on END AS dept_id,
        coalesce(s_cm.e3, cm.id) AS home_id,
        pg_temp.c_due(t.recv, t.processing_time, t.time_unit) AS due,
        CASE WHEN t.r_supp < 0.006 THEN 2 WHEN t.r_supp < 0.08 THEN 1 ELSE 0 END AS supps,
        (24 + mod((t.r_supp * 100000)::int, 96)) * interval '1 hour' AS supp_wait,
        CASE WHEN t.fee > 0 AND t.r_pay < 0.3 THEN (2 + floor(mod((t.r_pay * 100000)::int, 1000) / 1000.0 * 46)) * interval '1 hour'
             ELSE interval '0' END AS pay_wait,
        CASE WHEN t.r_out < 0.015 THEN 3 WHEN t.r_out < 0.025 THEN 7 WHEN t.r_out < 0.03 THEN 8 ELSE 9 END AS outcome
      FROM t
      JOIN sdept dp ON dp.k = floor(t.r_unit * ${ndept})::int
      LEFT JOIN sd ds ON ds.k = floor(t.r_unit * ${Math.max(nd, 1)})::int
      JOIN sc cm ON cm.k = floor(t.r_unit * ${nc})::int
      LEFT JOIN su s_dept ON s_dept.id = coalesce(t.impl_id, dp.id)
      LEFT JOIN su s_cm ON s_cm.id = cm.id
      LEFT JOIN su s_ctr ON s_ctr.id = ${centre ?? 'NULL'}::bigint
      -- the day that decides the units: of receipt, or for a refused dossier (never received) of submission
      CROSS JOIN LATERAL (SELECT pg_temp.c_local_day(CASE WHEN t.r_out < 0.015 THEN t.submitted_at ELSE t.recv END) AS d) dd
      CROSS JOIN LATERAL (
        SELECT CASE WHEN dd.d <= DATE '2025-06-30' THEN t.level_before ELSE t.level END AS lvl,
          CASE WHEN dd.d < DATE '2025-03-01' THEN s_dept.e1 WHEN dd.d < DATE '2025-07-01' THEN s_dept.e2 ELSE s_dept.e3 END AS dept_on,
          CASE WHEN dd.d < DATE '2025-03-01' THEN s_cm.e1 WHEN dd.d < DATE '2025-07-01' THEN s_cm.e2 ELSE s_cm.e3 END AS commune_on,
          CASE WHEN dd.d < DATE '2025-03-01' THEN s_ctr.e1 WHEN dd.d < DATE '2025-07-01' THEN s_ctr.e2 ELSE s_ctr.e3 END AS centre_on
      ) x
    ), w AS (
      -- the moment processing work ends, before waiting for the applicant is added
      SELECT u.*,
        CASE
          WHEN u.r_late < 0.012 THEN u.due + (1 + floor(u.r_frac * 5)) * interval '1 day'
          WHEN u.r_frac < 0.6 THEN u.recv + (0.15 + u.r_frac * 0.6) * (u.due - u.recv)
          ELSE greatest(u.recv + interval '30 minutes', u.due - (u.r_frac - 0.6) * interval '15 hours')
        END AS work_end
      FROM u
    ), e AS (
      SELECT w.*,
        CASE WHEN w.outcome = 9 AND w.supps >= 1 THEN pg_temp.c_next_office(w.recv + 0.25 * (w.work_end - w.recv)) END AS s1_req,
        CASE WHEN w.outcome = 9 AND w.supps >= 2 THEN pg_temp.c_next_office(w.recv + 0.5 * (w.work_end - w.recv) + w.supp_wait) END AS s2_req,
        -- fees are asked for at receipt
        CASE WHEN w.outcome = 9 AND w.pay_wait > interval '0' THEN w.recv END AS pay_req
      FROM w
    ), f AS (
      SELECT e.*,
        CASE e.outcome
          WHEN 3 THEN e.recv
          WHEN 9 THEN pg_temp.c_next_office(greatest(
            e.work_end + e.supps * e.supp_wait + e.pay_wait,
            CASE WHEN e.supps > 0 THEN coalesce(e.s2_req, e.s1_req) + e.supp_wait + interval '30 minutes' ELSE e.recv END,
            coalesce(e.pay_req + e.pay_wait + interval '30 minutes', e.recv)))
          ELSE pg_temp.c_next_office(e.recv + e.r_frac * (e.work_end - e.recv))
        END AS end_at
      FROM e
    ), o AS (
      -- a wait whose request had to move to office hours may push an on-time dossier past its due time:
      -- such dossiers keep no wait (only the ones planned late are late)
      SELECT f.*, f.outcome <> 9 OR f.r_late < 0.012 OR f.supps >= 2
                  OR f.end_at - f.supps * f.supp_wait - f.pay_wait <= f.due AS keep
        FROM f
    ), k AS (
      SELECT o.procedure_id, o.g, o.i, o.day, o.r_proc, o.r_unit, o.r_min, o.r_time, o.r_chan, o.r_out, o.r_frac,
        o.r_supp, o.r_late, o.r_app, o.r_pay, o.r_ctr, o.level, o.online_service, o.channel, o.fee, o.submitted_at,
        o.recv, o.unit_id, o.dept_id, o.home_id, o.due, o.outcome, o.work_end, o.supp_wait,
        CASE WHEN o.keep THEN o.supps ELSE 0 END AS supps,
        CASE WHEN o.keep THEN o.pay_wait ELSE interval '0' END AS pay_wait,
        CASE WHEN o.keep THEN o.s1_req END AS s1_req,
        CASE WHEN o.keep THEN o.s2_req END AS s2_req,
        CASE WHEN o.keep THEN o.pay_req END AS pay_req,
        CASE WHEN o.keep THEN o.end_at ELSE pg_temp.c_next_office(o.work_end) END AS end_at
      FROM o
    )
    SELECT f.*,
      -- some results wait for collection (processed, not returned)
      CASE WHEN f.outcome = 9 AND f.r_out >= 0.1 THEN pg_temp.c_next_office(f.end_at + f.r_time * interval '2 days') END AS return_at
    FROM k f`,
  );
  tick('plans');

  // 2. what each dossier looks like at the seeding instant
  await trx.raw(
    `
    CREATE TEMP TABLE ns ON COMMIT DROP AS
    SELECT n.*,
      CASE
        WHEN n.recv > ?::timestamptz THEN 1
        WHEN n.outcome = 3 THEN 3
        WHEN n.return_at <= ?::timestamptz THEN 10
        WHEN n.end_at <= ?::timestamptz THEN n.outcome
        WHEN ?::timestamptz >= n.s1_req AND ?::timestamptz < n.s1_req + n.supp_wait THEN 5
        WHEN ?::timestamptz >= n.s2_req AND ?::timestamptz < n.s2_req + n.supp_wait THEN 5
        WHEN ?::timestamptz >= n.pay_req AND ?::timestamptz < n.pay_req + n.pay_wait THEN 6
        WHEN ?::timestamptz < n.recv + 0.1 * (n.work_end - n.recv) THEN 2
        ELSE 4
      END AS status
    FROM nd n`,
    Array<string>(10).fill(now),
  );
  tick('states');

  // 3. the dossiers themselves; ids (key + idShift) are assigned here so events can refer to them without a join
  await trx.raw(
    `
    INSERT INTO dossiers (id, code, procedure_id, receiving_unit_id, handling_unit_id, applicant_type, applicant_name,
      applicant_id_number, applicant_phone, applicant_email, applicant_address, channel, status, submitted_at, received_at,
      due_at, finished_at, returned_at, supplement_count, supplement_seconds, payment_seconds, apology_issued, apology_new_due_at, satisfaction,
      digitised, electronic_result, paid_online, vneid_verified, data_reused)
    OVERRIDING SYSTEM VALUE
    SELECT (${shift} + n.g),
      un.code || '-' || to_char(coalesce(x.received_at, n.submitted_at) AT TIME ZONE INTERVAL '+07:00', 'YYMMDD') || '-' ||
        lpad((coalesce(pr.n, 0) + row_number() OVER (PARTITION BY n.unit_id, to_char(coalesce(x.received_at, n.submitted_at) AT TIME ZONE INTERVAL '+07:00', 'YYMMDD') ORDER BY n.i))::text, 4, '0'),
      n.procedure_id, n.unit_id, coalesce(n.dept_id, n.unit_id), x.applicant_type,
      CASE x.applicant_type
        -- Ê Đê and Mnông names (Đắk Nông) follow their own order: prefix, given name, clan (no quote marks in SQL comments: knex counts bindings)
        WHEN 'CITIZEN' THEN CASE
          WHEN pg_temp.lt_rnd(n.g, ${S} + 45) < ? AND x.male THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 46) * ?)::int]
          WHEN pg_temp.lt_rnd(n.g, ${S} + 45) < ? THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 46) * ?)::int]
          ELSE (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 20) * ?)::int] || ' ' ||
          CASE WHEN x.male THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 21) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 22) * ?)::int]
               ELSE (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 21) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 22) * ?)::int] END
          END
        WHEN 'BUSINESS' THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 23) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 24) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 25) * ?)::int]
        -- schools, health stations, cooperatives… named after the applicant home place, a patron or a brand
        ELSE (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 26) * ?)::int] || ' ' ||
          CASE (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 26) * ?)::int]
            WHEN 'place' THEN regexp_replace(home.name, '^(UBND )*(xã|phường|thị trấn) ', '')
            WHEN 'patron' THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 44) * ?)::int]
            ELSE (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 44) * ?)::int]
          END
      END,
      CASE WHEN x.applicant_type = 'CITIZEN'
        THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 27) * ?)::int]
             || (CASE WHEN x.born < 2000 THEN 0 ELSE 2 END + CASE WHEN x.male THEN 0 ELSE 1 END)::text
             || lpad((x.born % 100)::text, 2, '0') || lpad(floor(pg_temp.lt_rnd(n.g, ${S} + 28) * 1000000)::text, 6, '0')
        ELSE pg_temp.lt_tax_code(?, floor(pg_temp.lt_rnd(n.g, ${S} + 29) * 10000000)::bigint) END,
      (ARRAY['09', '03', '08', '07'])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 30) * 4)::int] || lpad(floor(pg_temp.lt_rnd(n.g, ${S} + 31) * 100000000)::text, 8, '0'),
      CASE WHEN pg_temp.lt_rnd(n.g, ${S} + 32) < 0.3 THEN 'nguoinop' || ((${shift} + n.g)) || '@example.vn' END,
      'Thôn ' || (1 + floor(pg_temp.lt_rnd(n.g, ${S} + 33) * 12))::int || ', ' || replace(home.name, 'UBND ', '') || ', tỉnh ' || ?,
      n.channel, n.status, n.submitted_at, x.received_at,
      CASE WHEN x.received_at IS NOT NULL THEN n.due END,
      CASE WHEN n.status IN (3, 7, 8, 9, 10) THEN n.end_at END,
      CASE WHEN n.status = 10 THEN n.return_at END,
      x.supps, x.supp_secs, x.pay_secs,
      x.late AND pg_temp.lt_rnd(n.g, ${S} + 34) < 0.85,
      CASE WHEN x.late AND pg_temp.lt_rnd(n.g, ${S} + 34) < 0.85 THEN pg_temp.c_add_working_days(greatest(n.end_at, n.due), 2 + floor(pg_temp.lt_rnd(n.g, ${S} + 44) * 4)::int) END,
      CASE WHEN n.status IN (9, 10) AND pg_temp.lt_rnd(n.g, ${S} + 35) < 0.4 THEN
        (ARRAY[5, 5, 5, 5, 5, 5, 5, 4, 4, 3])[1 + floor(pg_temp.lt_rnd(n.g, ${S} + 36) * 10)::int] END,
      pg_temp.lt_rnd(n.g, ${S} + 37) < CASE n.channel WHEN 'ONLINE' THEN 0.92 ELSE 0.7 END,
      pg_temp.lt_rnd(n.g, ${S} + 38) < CASE n.channel WHEN 'ONLINE' THEN 0.7 ELSE 0.3 END,
      n.fee > 0 AND pg_temp.lt_rnd(n.g, ${S} + 39) < CASE n.channel WHEN 'ONLINE' THEN 0.65 ELSE 0.1 END,
      pg_temp.lt_rnd(n.g, ${S} + 40) < CASE n.channel WHEN 'ONLINE' THEN 0.55 ELSE 0.12 END,
      pg_temp.lt_rnd(n.g, ${S} + 41) < 0.35
    FROM ns n
    JOIN units un ON un.id = n.unit_id
    JOIN units home ON home.id = n.home_id
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN n.r_app < 0.85 THEN 'CITIZEN' WHEN n.r_app < 0.95 THEN 'BUSINESS' WHEN n.r_app < 0.98 THEN 'STATE_AGENCY' ELSE 'ORGANISATION' END AS applicant_type,
        pg_temp.lt_rnd(n.g, ${S} + 42) < 0.5 AS male,
        1950 + floor(pg_temp.lt_rnd(n.g, ${S} + 43) * 56)::int AS born,
        CASE WHEN n.status NOT IN (1, 3) THEN n.recv END AS received_at,
        (coalesce((n.s1_req <= ?::timestamptz)::int, 0) + coalesce((n.s2_req <= ?::timestamptz)::int, 0))::smallint AS supps,
        (extract(epoch FROM n.supp_wait) * (coalesce((n.s1_req + n.supp_wait <= ?::timestamptz)::int, 0) + coalesce((n.s2_req + n.supp_wait <= ?::timestamptz)::int, 0)))::int AS supp_secs,
        coalesce(CASE WHEN n.pay_req + n.pay_wait <= ?::timestamptz THEN extract(epoch FROM n.pay_wait) END, 0)::int AS pay_secs,
        n.status IN (9, 10) AND (n.supps >= 2 OR n.end_at - n.supps * n.supp_wait - n.pay_wait > n.due) AS late
    ) x
    LEFT JOIN prior pr ON pr.unit_id = n.unit_id AND pr.day = to_char(coalesce(x.received_at, n.submitted_at) AT TIME ZONE INTERVAL '+07:00', 'YYMMDD')`,
    [
      ethnic.share,
      ethnic.male,
      ethnic.male.length,
      ethnic.share,
      ethnic.female,
      ethnic.female.length,
      surnames,
      surnames.length,
      MALE_MIDDLE,
      MALE_MIDDLE.length,
      MALE_GIVEN,
      MALE_GIVEN.length,
      FEMALE_MIDDLE,
      FEMALE_MIDDLE.length,
      FEMALE_GIVEN,
      FEMALE_GIVEN.length,
      COMPANY_FORMS,
      COMPANY_FORMS.length,
      COMPANY_TRADES,
      COMPANY_TRADES.length,
      COMPANY_BRANDS,
      COMPANY_BRANDS.length,
      orgKinds.map((k) => k[0]),
      orgKinds.length,
      orgKinds.map((k) => k[1]),
      orgKinds.length,
      SCHOOL_PATRONS,
      SCHOOL_PATRONS.length,
      COMPANY_BRANDS,
      COMPANY_BRANDS.length,
      birth,
      birth.length,
      TAX_PREFIX[province.code] ?? '99',
      province.name,
      now,
      now,
      now,
      now,
      now,
    ],
  );
  tick('dossiers');
  await trx.raw(`SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT max(id) FROM dossiers))`);

  // 4. supplement episodes and payment waits as far as they have happened (open ones stop the clock now)
  await trx.raw(
    `
    INSERT INTO dossier_supplements (dossier_id, requested_at, answered_at, reason)
    SELECT (${shift} + n.g), s.req, CASE WHEN s.req + n.supp_wait <= ?::timestamptz THEN s.req + n.supp_wait END,
           (ARRAY['Bổ sung bản sao giấy tờ tùy thân', 'Bổ sung giấy tờ chứng minh quyền sử dụng đất', 'Bổ sung chữ ký của người yêu cầu', 'Hoàn thiện tờ khai theo mẫu'])[1 + ((n.g + s.k) % 4)::int]
      FROM ns n CROSS JOIN LATERAL (VALUES (1, n.s1_req), (2, n.s2_req)) s(k, req)
     WHERE s.req <= ?::timestamptz AND n.status NOT IN (1, 3)
     ORDER BY 1, 2`,
    [now, now],
  );
  await trx.raw(
    `
    INSERT INTO dossier_payment_waits (dossier_id, requested_at, paid_at, amount_vnd)
    SELECT (${shift} + n.g), n.pay_req, CASE WHEN n.pay_req + n.pay_wait <= ?::timestamptz THEN n.pay_req + n.pay_wait END, n.fee
      FROM ns n WHERE n.pay_req <= ?::timestamptz AND n.status NOT IN (1, 3)
     ORDER BY 1`,
    [now, now],
  );
  tick('waits');

  // 5. about one in ten finished dossiers links its result document; a few keep an older code as alias
  if (ndoc > 0) {
    await trx.raw(`
      INSERT INTO dossier_documents (dossier_id, document_id, role)
      SELECT d.id, sdoc.id, 'RESULT' FROM dossiers d JOIN sdoc ON sdoc.k = floor(pg_temp.lt_rnd(d.id, ${S} + 60) * ${ndoc})::int
       WHERE d.id BETWEEN ${shift + plan.gLo} AND ${shift + plan.gHi} AND d.status IN (9, 10) AND pg_temp.lt_rnd(d.id, ${S} + 61) < 0.1`);
  }
  await trx.raw(
    `
    INSERT INTO dossier_code_aliases (alias, dossier_id)
    SELECT replace(d.code, ?, ''), d.id FROM dossiers d WHERE d.id BETWEEN ${shift + plan.gLo} AND ${shift + plan.gHi} AND pg_temp.lt_rnd(d.id, ${S} + 62) < 0.02`,
    [`.${province.agencySuffix}`],
  );
  const added = Number(
    (await trx.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int n FROM ns`)).rows[0]?.n ?? 0,
  );
  return added > 0 ? { lo: shift + plan.gLo, hi: shift + plan.gHi } : { lo: 1, hi: 0 };
}

/**
 * The append-only history, from the dossier's own times: one "submitted", "received" at received_at,
 * supplement and payment requests at their episodes, officers' steps in office hours on working days up
 * to the current state, and the final event at the finished or returned time.
 */
async function insertEvents(
  trx: Knex.Transaction,
  province: ProvinceInfo,
  lo: number,
  hi: number,
  now: Date,
  onlyMissing = false,
): Promise<void> {
  const S = sqlSalt(province.code, 'dossiers');
  const surnames = weightedArray([...SURNAMES, ...(LOCAL_SURNAMES[province.code] ?? [])]);
  await prepareSession(trx);
  const officer = (k: string) =>
    `(?::text[])[1 + floor(pg_temp.lt_rnd(d.id * 32 + ${k}, ${S} + 51) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(d.receiving_unit_id * 32 + (${k}) % 3, ${S} + 52) * ?)::int]`;
  const names = [surnames, surnames.length, MALE_GIVEN, MALE_GIVEN.length];
  const note = (status: string, k: string) =>
    `(?::jsonb -> (${status})::text ->> ((d.id + ${k}) % jsonb_array_length(?::jsonb -> (${status})::text))::int)`;
  const notes = [JSON.stringify(EVENT_NOTES), JSON.stringify(EVENT_NOTES)];
  const missing = onlyMissing
    ? ' AND NOT EXISTS (SELECT 1 FROM dossier_events x WHERE x.dossier_id = d.id)'
    : '';
  await trx.raw(
    `
    INSERT INTO dossier_events (dossier_id, occurred_at, status, unit_id, actor, note)
    SELECT dossier_id, occurred_at, status, unit_id, actor, note FROM (
      -- the applicant submits
      SELECT d.id AS dossier_id, d.submitted_at AS occurred_at, 1::smallint AS status, NULL::bigint AS unit_id, 'Công dân' AS actor,
             ${note('1', `CASE d.channel WHEN 'DIRECT' THEN 0 WHEN 'ONLINE' THEN 1 ELSE 2 END - d.id`)} AS note, 0 AS k
        FROM dossiers d WHERE d.id BETWEEN ${lo} AND ${hi}${missing}
      UNION ALL
      -- the counter receives
      SELECT d.id, d.received_at, 2, d.receiving_unit_id, ${officer('1')}, ${note('2', '1')}, 1
        FROM dossiers d WHERE d.id BETWEEN ${lo} AND ${hi} AND d.received_at IS NOT NULL${missing}
      UNION ALL
      -- supplement requests and payment requests
      SELECT d.id, s.requested_at, 5, d.handling_unit_id, ${officer('2')}, ${note('5', '2')}, 2
        FROM dossiers d JOIN dossier_supplements s ON s.dossier_id = d.id WHERE d.id BETWEEN ${lo} AND ${hi}${missing}
      UNION ALL
      SELECT d.id, w.requested_at, 6, d.handling_unit_id, ${officer('3')}, ${note('6', '3')}, 3
        FROM dossiers d JOIN dossier_payment_waits w ON w.dossier_id = d.id WHERE d.id BETWEEN ${lo} AND ${hi}${missing}
      UNION ALL
      -- officers' steps between receipt and the current state, in office hours
      SELECT d.id, st.at, 4, d.handling_unit_id, ${officer('st.k + 4')}, ${note('4', 'st.k')}, 4 + st.k
        FROM dossiers d
        CROSS JOIN LATERAL (SELECT coalesce(d.finished_at, CASE d.status
              WHEN 5 THEN (SELECT max(s.requested_at) FROM dossier_supplements s WHERE s.dossier_id = d.id)
              WHEN 6 THEN (SELECT max(w.requested_at) FROM dossier_payment_waits w WHERE w.dossier_id = d.id)
              WHEN 4 THEN ?::timestamptz END) AS bound,
            1 + floor(power(pg_temp.lt_rnd(d.id, ${S} + 50), 2) * 14)::int AS n) c
        CROSS JOIN LATERAL (
          SELECT k, pg_temp.c_next_office(d.received_at + k::float8 / (c.n + 1) * (c.bound - d.received_at)) AS at
            FROM generate_series(1, c.n) k) st
       WHERE d.id BETWEEN ${lo} AND ${hi} AND d.status NOT IN (1, 2, 3) AND c.bound > d.received_at AND st.at <= c.bound${missing}
      UNION ALL
      -- the end: refused, withdrawn, stopped or processed, then returned
      SELECT d.id, d.finished_at, CASE WHEN d.status = 10 THEN 9 ELSE d.status END,
             CASE WHEN d.status IN (3, 7) THEN d.receiving_unit_id ELSE d.handling_unit_id END, ${officer('30')},
             ${note('CASE WHEN d.status = 10 THEN 9 ELSE d.status END', '30')}, 30
        FROM dossiers d WHERE d.id BETWEEN ${lo} AND ${hi} AND d.finished_at IS NOT NULL${missing}
      UNION ALL
      SELECT d.id, d.returned_at, 10, d.receiving_unit_id, ${officer('31')}, ${note('10', '31')}, 31
        FROM dossiers d WHERE d.id BETWEEN ${lo} AND ${hi} AND d.returned_at IS NOT NULL${missing}
    ) ev ORDER BY dossier_id, occurred_at, k`,
    [
      ...notes,
      ...[0, 1, 2, 3].flatMap(() => [...names, ...notes]),
      now.toISOString(),
      ...[0, 1].flatMap(() => [...names, ...notes]),
    ],
  );
}

/**
 * The working calendar as session functions over constant arrays (calendar_days read once): the same
 * answers as the lt_* functions of migration 006, without a table lookup per call, so bulk statements
 * stay fast.
 */
async function calendarFunctions(trx: Knex.Transaction): Promise<void> {
  const { rows } = await trx.raw<{ rows: { first: string; ords: string; works: string; wdays: string }[] }>(`
    SELECT to_char(min(day), 'YYYY-MM-DD') AS first,
           array_agg(working_ordinal ORDER BY day)::text AS ords,
           array_agg(working ORDER BY day)::text AS works,
           (SELECT array_agg(c.day - (SELECT min(day) FROM calendar_days) ORDER BY c.day) FROM calendar_days c WHERE c.working)::text AS wdays
      FROM calendar_days`);
  const c = rows[0];
  if (!c?.first)
    throw new Error('calendar_days is empty: run the province migrations (they fill it) before seeding');
  const F = `DATE '${c.first}'`;
  await trx.raw(`
    CREATE OR REPLACE FUNCTION pg_temp.c_ord(d date) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT ('${c.ords}'::int[])[d - ${F} + 1] $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_work(d date) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT ('${c.works}'::boolean[])[d - ${F} + 1] $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_wday(o int) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT ${F} + ('${c.wdays}'::int[])[o] $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_local_day(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT (ts AT TIME ZONE INTERVAL '+07:00')::date $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_at_local(d date, t interval) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$ SELECT (d + t) AT TIME ZONE INTERVAL '+07:00' $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_after(d date, n int) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
      BEGIN RETURN pg_temp.c_wday(pg_temp.c_ord(d) + greatest(n, CASE WHEN pg_temp.c_work(d) THEN 0 ELSE 1 END)); END $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_add_working_days(ts timestamptz, n int) RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE AS $$
      BEGIN RETURN pg_temp.c_at_local(pg_temp.c_after(pg_temp.c_local_day(ts), n), interval '17 hours'); END $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_office_instant(d date, m float8) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
      SELECT pg_temp.c_at_local(d, CASE WHEN m <= 270 THEN interval '7 hours' + m * interval '1 minute'
                                        ELSE interval '13 hours' + (m - 270) * interval '1 minute' END) $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_next_morning(ts timestamptz) RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE l timestamp := ts AT TIME ZONE INTERVAL '+07:00'; d date := l::date;
      BEGIN
        IF pg_temp.c_work(d) AND l - d < interval '7 hours' THEN RETURN pg_temp.c_at_local(d, interval '7 hours'); END IF;
        RETURN pg_temp.c_at_local(pg_temp.c_after(d, 1), interval '7 hours');
      END $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_next_office(ts timestamptz) RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE l timestamp := ts AT TIME ZONE INTERVAL '+07:00'; d date := l::date; t interval := l - d;
      BEGIN
        IF NOT pg_temp.c_work(d) OR t > interval '17 hours' THEN RETURN pg_temp.c_at_local(pg_temp.c_after(d, 1), interval '7 hours'); END IF;
        IF t < interval '7 hours' THEN RETURN pg_temp.c_at_local(d, interval '7 hours'); END IF;
        IF t > interval '11 hours 30 minutes' AND t < interval '13 hours' THEN RETURN pg_temp.c_at_local(d, interval '13 hours'); END IF;
        RETURN ts;
      END $$;
    CREATE OR REPLACE FUNCTION pg_temp.c_due(ts timestamptz, amount numeric, unit text) RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE l timestamp := ts AT TIME ZONE INTERVAL '+07:00'; d date := l::date; t float8 := extract(epoch FROM l - d) / 60; target float8;
      BEGIN
        IF unit = 'WORKING_DAY' THEN RETURN pg_temp.c_add_working_days(ts, ceil(amount)::int); END IF;
        IF unit = 'DAY' THEN RETURN pg_temp.c_at_local(pg_temp.c_after(d + ceil(amount)::int, 0), interval '17 hours'); END IF;
        IF round(amount * 60) = 0 THEN RETURN pg_temp.c_next_office(ts); END IF;
        target := CASE WHEN pg_temp.c_work(d) THEN (pg_temp.c_ord(d) - 1) * 510 +
                    CASE WHEN t < 420 THEN 0 WHEN t <= 690 THEN t - 420 WHEN t < 780 THEN 270 WHEN t <= 1020 THEN 270 + t - 780 ELSE 510 END
                  ELSE pg_temp.c_ord(d) * 510 END + round(amount * 60);
        RETURN pg_temp.c_office_instant(pg_temp.c_wday(greatest(ceil(target / 510.0), 1)::int), target - (ceil(target / 510.0) - 1) * 510);
      END $$;`);
}

async function prepareSession(trx: Knex.Transaction): Promise<void> {
  // bulk statements run longer than a source's request timeout allows
  await trx.raw(`SET LOCAL statement_timeout = 0`);
  await trx.raw(`SET LOCAL synchronous_commit = off`);
  // generated rows are consistent by construction: skip per-row foreign-key triggers when allowed (superuser)
  await trx.raw(
    `DO $$ BEGIN SET LOCAL session_replication_role = replica; EXCEPTION WHEN insufficient_privilege THEN NULL; END $$`,
  );
  await trx.raw(`
    CREATE OR REPLACE FUNCTION pg_temp.lt_rnd(i bigint, s bigint) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (hashint8extended(i, s) & 2147483647)::float8 / 2147483648 $$`);
  // a 10-digit tax code (mã số thuế): province prefix, 7 digits, check digit = 10 − (Σ wᵢdᵢ mod 11) with
  // weights 31 29 23 19 17 13 7 5 3; numbers whose check would be 10 are never issued, so take the next one
  await trx.raw(`
    CREATE OR REPLACE FUNCTION pg_temp.lt_tax_code(prefix text, n bigint) RETURNS text
      LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE s text; chk int;
      BEGIN
        LOOP
          s := prefix || lpad((n % 10000000)::text, 7, '0');
          SELECT 10 - sum(substr(s, k, 1)::int * (ARRAY[31, 29, 23, 19, 17, 13, 7, 5, 3])[k]) % 11 INTO chk FROM generate_series(1, 9) k;
          IF chk < 10 THEN RETURN s || chk::text; END IF;
          n := n + 1;
        END LOOP;
      END $$`);
  await calendarFunctions(trx);
}

/**
 * Full names in the province's ethnic namings (ETHNIC_NAMES: Ê Đê, M'nông in Đắk Nông), drawn once with a
 * seeded generator, and the share of citizens who bear them; none elsewhere.
 */
function ethnicNames(code: string): { share: number; male: string[]; female: string[] } {
  const namings = ETHNIC_NAMES[code] ?? [];
  const rng = new Rng(hashString(`${code}:ethnic-names`));
  const pick = <T>(items: readonly T[]) => rng.pick(items);
  const weighted = <T>(items: readonly T[], weights: readonly number[]) => rng.weighted(items, weights);
  const draw = (male: boolean) =>
    namings.flatMap((n) =>
      Array.from({ length: Math.round(n.share * 1000) }, () => ethnicName(n, male, pick, weighted)),
    );
  const male = draw(true);
  const female = draw(false);
  const share = namings.reduce((a, n) => a + n.share, 0);
  // an empty SQL array would be indexed: keep one name so the (never taken) branch stays valid
  return {
    share: male.length ? share : 0,
    male: male.length ? male : [''],
    female: female.length ? female : [''],
  };
}

/** Step timings on stderr when LIENTHONG_SEED_TIMING is set (for tuning bulk loads). */
function timer() {
  let t = performance.now();
  return (step: string) => {
    if (!process.env.LIENTHONG_SEED_TIMING) return;
    const now = performance.now();
    process.stderr.write(`seed ${step}: ${Math.round(now - t)} ms\n`);
    t = now;
  };
}

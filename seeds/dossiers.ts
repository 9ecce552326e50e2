import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import {
  AGENCY_APPLICANTS,
  COMPANY_BRANDS,
  COMPANY_FORMS,
  COMPANY_TRADES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  LOCAL_SURNAMES,
  MALE_GIVEN,
  MALE_MIDDLE,
  OTHER_BIRTH_PROVINCES,
  SURNAMES,
  TAX_PREFIX,
} from './data/people.ts';
import { sqlSalt } from './random.ts';

/**
 * Dossiers (hồ sơ) generated set-based inside PostgreSQL: a few large INSERT … SELECT statements over
 * generate_series, with hashint8extended as the deterministic random source, so a million dossiers and
 * their ~12 million events load in minutes. Rows are numbered globally (i), so topping up continues the
 * same sequence and codes stay unique.
 */

/** Dossiers are received between WINDOW_START and ANCHOR (fixed, so the data never depends on today). */
const WINDOW_START = '2025-06-01T00:30:00Z';
const WINDOW_DAYS = 538;
const ANCHOR = '2026-11-20T10:00:00Z';
const BATCH = 500_000;

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
  3: ['Từ chối tiếp nhận: hồ sơ không thuộc thẩm quyền'],
  7: ['Công dân rút hồ sơ'],
  8: ['Dừng xử lý theo đề nghị của cơ quan phối hợp'],
  9: ['Có kết quả giải quyết'],
  10: ['Trả kết quả cho công dân', 'Trả kết quả qua bưu chính công ích', 'Trả kết quả điện tử'],
};

function weightedArray(items: readonly (readonly [string, number])[]): string[] {
  return items.flatMap(([name, w]) => Array<string>(Math.max(1, Math.round(w))).fill(name));
}

export async function seedDossierRange(db: Knex, province: ProvinceInfo, count: number): Promise<void> {
  await restoreDroppedIndexes(db);
  await repairMissingEvents(db, province);
  const existing = await db('dossiers').count({ n: '*' }).first();
  const first = Number(existing?.n ?? 0) + 1;
  const load = async () => {
    for (let from = first; from <= first + count - 1; from += BATCH) {
      const end = Math.min(first + count - 1, from + BATCH - 1);
      const ids = await db.transaction((trx) => batch(trx, province, from, end));
      // events are most of the volume: two sessions, one per core
      const mid = Math.floor((ids.lo + ids.hi) / 2);
      await Promise.all([
        db.transaction((trx) => insertEvents(trx, province, ids.lo, mid)),
        db.transaction((trx) => insertEvents(trx, province, mid + 1, ids.hi)),
      ]);
    }
  };
  // building indexes once is far cheaper than maintaining them row by row (trigram GIN above all)
  if (count >= 100_000) await withSecondaryIndexesDropped(db, DOSSIER_TABLES, load);
  else await load();
}

const DOSSIER_TABLES = [
  'dossiers',
  'dossier_events',
  'dossier_supplements',
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
async function repairMissingEvents(db: Knex, province: ProvinceInfo): Promise<void> {
  const { rows } = await db.raw<{ rows: { lo: number | null; hi: number | null }[] }>(
    `SELECT min(d.id)::int AS lo, max(d.id)::int AS hi FROM dossiers d
      WHERE d.id > (SELECT coalesce(max(dossier_id), 0) FROM dossier_events) - ${BATCH}
        AND NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id)`,
  );
  const { lo, hi } = rows[0] ?? {};
  if (lo == null || hi == null) return;
  await db.transaction((trx) => insertEvents(trx, province, lo, hi, true));
}

async function batch(
  trx: Knex.Transaction,
  province: ProvinceInfo,
  from: number,
  to: number,
): Promise<{ lo: number; hi: number }> {
  const tick = timer();
  const S = sqlSalt(province.code, 'dossiers');
  const own = province.code.padStart(3, '0');
  const surnames = weightedArray([...SURNAMES, ...(LOCAL_SURNAMES[province.code] ?? [])]);
  // most applicants were born in the province (the first 3 digits of the personal ID)
  const birth = [...Array<string>(110).fill(own), ...OTHER_BIRTH_PROVINCES];
  await prepareSession(trx);
  await trx.raw(`
    CREATE TEMP TABLE sp ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY p.id) - 1)::int AS k, p.id, p.level, p.online_service,
           coalesce((SELECT min(c.processing_time) FROM procedure_channels c WHERE c.procedure_id = p.id), 5) AS days,
           coalesce((SELECT max(c.fee_vnd) FROM procedure_channels c WHERE c.procedure_id = p.id), 0) AS fee,
           (SELECT min(pu.unit_id) FROM procedure_units pu WHERE pu.procedure_id = p.id AND pu.role = 'IMPLEMENTING') AS impl_id
      FROM procedures p WHERE p.status = 'ACTIVE';
    CREATE TEMP TABLE sc ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS k, u.id, u.valid_to, coalesce(l.successor_id, u.id) AS succ_id
      FROM units u LEFT JOIN unit_lineage l ON l.predecessor_id = u.id WHERE u.kind = 'COMMUNE';
    CREATE TEMP TABLE sd ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS k, u.id FROM units u WHERE u.kind = 'DISTRICT';
    CREATE TEMP TABLE sdept ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS k, u.id FROM units u WHERE u.kind IN ('DEPARTMENT', 'SECTOR_AGENCY');
    CREATE TEMP TABLE sdoc ON COMMIT DROP AS
    SELECT (row_number() OVER (ORDER BY d.id) - 1)::int AS k, d.id FROM documents d WHERE d.direction = 'OUTGOING';
    CREATE TEMP TABLE prior ON COMMIT DROP AS
    SELECT receiving_unit_id AS unit_id, to_char(coalesce(received_at, submitted_at) AT TIME ZONE INTERVAL '+07:00', 'YYMMDD') AS day, count(*)::int AS n
      FROM dossiers GROUP BY 1, 2;
  `);
  const [{ np, nc, nd, ndept, ndoc, base }] = (
    await trx.raw<{
      rows: { np: number; nc: number; nd: number; ndept: number; ndoc: number; base: number }[];
    }>(`
      SELECT (SELECT count(*) FROM sp)::int np, (SELECT count(*) FROM sc)::int nc, (SELECT count(*) FROM sd)::int nd,
             (SELECT count(*) FROM sdept)::int ndept, (SELECT count(*) FROM sdoc)::int ndoc,
             (SELECT coalesce(max(id), 0) FROM dossiers)::bigint base`)
  ).rows as [{ np: number; nc: number; nd: number; ndept: number; ndoc: number; base: number }];

  // 1. the dossiers' facts, one row per i, with receiving unit, channel, times and outcome decided
  await trx.raw(
    `
    CREATE TEMP TABLE nd ON COMMIT DROP AS
    WITH b AS (
      SELECT i,
        pg_temp.lt_rnd(i, ${S} + 1) r_proc, pg_temp.lt_rnd(i, ${S} + 2) r_unit, pg_temp.lt_rnd(i, ${S} + 3) r_day, pg_temp.lt_rnd(i, ${S} + 4) r_time,
        pg_temp.lt_rnd(i, ${S} + 5) r_chan, pg_temp.lt_rnd(i, ${S} + 6) r_out, pg_temp.lt_rnd(i, ${S} + 7) r_frac, pg_temp.lt_rnd(i, ${S} + 8) r_supp,
        pg_temp.lt_rnd(i, ${S} + 9) r_late, pg_temp.lt_rnd(i, ${S} + 10) r_app
      FROM generate_series(?::bigint, ?::bigint) i
    ), p AS (
      SELECT b.*, sp.id AS procedure_id, sp.level, sp.online_service, sp.days, sp.fee, sp.impl_id,
             ?::timestamptz + floor(b.r_day * ${WINDOW_DAYS}) * interval '1 day' + b.r_time * interval '9 hours' AS recv
        FROM b JOIN sp ON sp.k = least(floor(power(b.r_proc, 2.2) * ${np})::int, ${np - 1})
    ), u AS (
      SELECT p.*,
        CASE
          WHEN p.level = 'PROVINCE' THEN coalesce(p.impl_id, dp.id)
          WHEN p.level = 'DISTRICT' AND p.recv < '2025-06-30T17:00:00Z' THEN ds.id
          WHEN cm.valid_to IS NOT NULL AND (p.recv AT TIME ZONE INTERVAL '+07:00')::date > cm.valid_to THEN cm.succ_id
          ELSE cm.id
        END AS unit_id,
        cm.succ_id AS home_id,
        CASE p.online_service
          WHEN 'FULL' THEN CASE WHEN p.r_chan < 0.75 THEN 'ONLINE' WHEN p.r_chan < 0.97 THEN 'DIRECT' ELSE 'POSTAL' END
          WHEN 'PARTIAL' THEN CASE WHEN p.r_chan < 0.45 THEN 'ONLINE' WHEN p.r_chan < 0.95 THEN 'DIRECT' ELSE 'POSTAL' END
          ELSE CASE WHEN p.r_chan < 0.95 THEN 'DIRECT' ELSE 'POSTAL' END
        END AS channel,
        p.recv + ceil(greatest(p.days, 1) * 1.4) * interval '1 day' AS due,
        CASE WHEN p.r_supp < 0.006 THEN 2 WHEN p.r_supp < 0.08 THEN 1 ELSE 0 END AS supps
      FROM p
      JOIN sdept dp ON dp.k = floor(p.r_unit * ${ndept})::int
      JOIN sd ds ON ds.k = floor(p.r_unit * ${nd})::int
      JOIN sc cm ON cm.k = floor(p.r_unit * ${nc})::int
    ), t AS (
      SELECT u.*,
        (u.supps * (24 + mod((u.r_supp * 100000)::int, 96))) * 3600 AS supp_secs,
        -- the moment processing ends, before supplement waiting time is added back
        CASE
          WHEN u.r_late < 0.012 THEN u.due + (1 + floor(u.r_frac * 5)) * interval '1 day'
          WHEN u.r_frac < 0.6 THEN u.recv + (0.15 + u.r_frac * 0.6) * (u.due - u.recv - interval '1 day')
          ELSE u.due - (u.r_frac - 0.6) * interval '15 hours'
        END AS work_end
      FROM u
    )
    SELECT t.*,
      t.work_end + t.supp_secs * interval '1 second' AS end_at,
      (t.work_end + t.supp_secs * interval '1 second') > ?::timestamptz AS open
    FROM t`,
    [from, to, WINDOW_START, ANCHOR],
  );

  tick('facts');
  // 2. the dossiers themselves; ids are assigned here so events can refer to them without a join
  await trx.raw(
    `
    INSERT INTO dossiers (id, code, procedure_id, receiving_unit_id, handling_unit_id, applicant_type, applicant_name,
      applicant_id_number, applicant_phone, applicant_email, applicant_address, channel, status, submitted_at, received_at,
      due_at, finished_at, returned_at, supplement_count, supplement_seconds, apology_issued, apology_new_due_at, satisfaction,
      digitised, electronic_result, paid_online, vneid_verified, data_reused)
    OVERRIDING SYSTEM VALUE
    SELECT ${base} + (n.i - ?) + 1,
      un.code || '-' || to_char(coalesce(x.received_at, x.submitted_at) AT TIME ZONE INTERVAL '+07:00', 'YYMMDD') || '-' ||
        lpad((coalesce(pr.n, 0) + row_number() OVER (PARTITION BY n.unit_id, to_char(coalesce(x.received_at, x.submitted_at) AT TIME ZONE INTERVAL '+07:00', 'YYMMDD') ORDER BY n.i))::text, 4, '0'),
      n.procedure_id, n.unit_id, n.unit_id, x.applicant_type,
      CASE x.applicant_type
        WHEN 'CITIZEN' THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 20) * ?)::int] || ' ' ||
          CASE WHEN x.male THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 21) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 22) * ?)::int]
               ELSE (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 21) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 22) * ?)::int] END
        WHEN 'BUSINESS' THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 23) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 24) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 25) * ?)::int]
        ELSE (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 26) * ?)::int] || ' ' || replace(replace(replace(un.name, 'UBND xã ', ''), 'UBND phường ', ''), 'UBND ', '')
      END,
      CASE WHEN x.applicant_type = 'CITIZEN'
        THEN (?::text[])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 27) * ?)::int]
             || (CASE WHEN x.born < 2000 THEN 0 ELSE 2 END + CASE WHEN x.male THEN 0 ELSE 1 END)::text
             || lpad((x.born % 100)::text, 2, '0') || lpad(floor(pg_temp.lt_rnd(n.i, ${S} + 28) * 1000000)::text, 6, '0')
        ELSE ? || lpad(floor(pg_temp.lt_rnd(n.i, ${S} + 29) * 100000000)::text, 8, '0') END,
      (ARRAY['09', '03', '08', '07'])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 30) * 4)::int] || lpad(floor(pg_temp.lt_rnd(n.i, ${S} + 31) * 100000000)::text, 8, '0'),
      CASE WHEN pg_temp.lt_rnd(n.i, ${S} + 32) < 0.3 THEN 'nguoinop' || n.i || '@example.vn' END,
      'Thôn ' || (1 + floor(pg_temp.lt_rnd(n.i, ${S} + 33) * 12))::int || ', ' || replace(home.name, 'UBND ', '') || ', tỉnh ' || ?,
      n.channel, x.status, x.submitted_at, x.received_at,
      CASE WHEN x.status <> 1 THEN n.due END,
      x.finished_at, x.returned_at,
      CASE WHEN x.status = 1 THEN 0 ELSE n.supps END,
      CASE WHEN x.status = 1 THEN 0 ELSE n.supp_secs END,
      x.late AND pg_temp.lt_rnd(n.i, ${S} + 34) < 0.85,
      CASE WHEN x.late THEN n.due + interval '5 days' END,
      CASE WHEN x.finished_at IS NOT NULL AND pg_temp.lt_rnd(n.i, ${S} + 35) < 0.4 THEN
        (ARRAY[5, 5, 5, 5, 5, 5, 5, 4, 4, 3])[1 + floor(pg_temp.lt_rnd(n.i, ${S} + 36) * 10)::int] END,
      pg_temp.lt_rnd(n.i, ${S} + 37) < CASE n.channel WHEN 'ONLINE' THEN 0.92 ELSE 0.7 END,
      pg_temp.lt_rnd(n.i, ${S} + 38) < CASE n.channel WHEN 'ONLINE' THEN 0.7 ELSE 0.3 END,
      n.fee > 0 AND pg_temp.lt_rnd(n.i, ${S} + 39) < CASE n.channel WHEN 'ONLINE' THEN 0.65 ELSE 0.1 END,
      pg_temp.lt_rnd(n.i, ${S} + 40) < CASE n.channel WHEN 'ONLINE' THEN 0.55 ELSE 0.12 END,
      pg_temp.lt_rnd(n.i, ${S} + 41) < 0.35
    FROM nd n
    JOIN units un ON un.id = n.unit_id
    JOIN units home ON home.id = n.home_id
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN n.r_app < 0.85 THEN 'CITIZEN' WHEN n.r_app < 0.95 THEN 'BUSINESS' WHEN n.r_app < 0.98 THEN 'STATE_AGENCY' ELSE 'ORGANISATION' END AS applicant_type,
        pg_temp.lt_rnd(n.i, ${S} + 42) < 0.5 AS male,
        1950 + floor(pg_temp.lt_rnd(n.i, ${S} + 43) * 56)::int AS born,
        CASE
          WHEN n.open AND n.r_out < 0.04 THEN 1
          WHEN n.open THEN (ARRAY[2, 4, 4, 4, 4, 5, 6])[1 + floor(n.r_out * 7)::int]
          WHEN n.r_out < 0.015 THEN 3
          WHEN n.r_out < 0.025 THEN 7
          WHEN n.r_out < 0.03 THEN 8
          WHEN n.r_out < 0.18 OR n.end_at + interval '2 days' > ?::timestamptz THEN 9
          ELSE 10
        END AS status,
        n.recv - CASE n.channel WHEN 'ONLINE' THEN n.r_time * interval '30 hours' WHEN 'POSTAL' THEN interval '2 days' ELSE n.r_time * interval '20 minutes' END AS submitted_at,
        NULL::timestamptz AS received_at, NULL::timestamptz AS finished_at, NULL::timestamptz AS returned_at, false AS late
    ) x0
    CROSS JOIN LATERAL (
      SELECT x0.applicant_type, x0.male, x0.born, x0.status, x0.submitted_at,
        CASE WHEN x0.status <> 1 THEN n.recv END AS received_at,
        CASE WHEN x0.status IN (3, 7, 8) THEN n.recv + n.r_frac * interval '2 days'
             WHEN x0.status IN (9, 10) THEN n.end_at END AS finished_at,
        CASE WHEN x0.status = 10 THEN n.end_at + n.r_time * interval '2 days' END AS returned_at,
        x0.status IN (9, 10) AND (n.supps >= 2 OR n.work_end > n.due) AS late
    ) x
    LEFT JOIN prior pr ON pr.unit_id = n.unit_id AND pr.day = to_char(coalesce(x.received_at, x.submitted_at) AT TIME ZONE INTERVAL '+07:00', 'YYMMDD')`,
    [
      from,
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
      AGENCY_APPLICANTS,
      AGENCY_APPLICANTS.length,
      birth,
      birth.length,
      TAX_PREFIX[province.code] ?? '99',
      province.name,
      ANCHOR,
    ],
  );
  tick('dossiers');
  await trx.raw(`SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT max(id) FROM dossiers))`);

  // 3. supplement episodes, consistent with supplement_count and supplement_seconds
  await trx.raw(`
    INSERT INTO dossier_supplements (dossier_id, requested_at, answered_at, reason)
    SELECT d.id, d.received_at + (s.k * 0.25) * (d.due_at - d.received_at),
           d.received_at + (s.k * 0.25) * (d.due_at - d.received_at) + (d.supplement_seconds / d.supplement_count) * interval '1 second',
           (ARRAY['Bổ sung bản sao giấy tờ tùy thân', 'Bổ sung giấy tờ chứng minh quyền sử dụng đất', 'Bổ sung chữ ký của người yêu cầu', 'Hoàn thiện tờ khai theo mẫu'])[1 + (d.id % 4)::int]
      FROM dossiers d CROSS JOIN LATERAL generate_series(1, d.supplement_count) s(k)
     WHERE d.id > ${base} AND d.supplement_count > 0`);
  tick('supplements');

  // 5. about one in ten finished dossiers links its result document; a few keep an older code as alias
  if (ndoc > 0) {
    await trx.raw(`
      INSERT INTO dossier_documents (dossier_id, document_id, role)
      SELECT d.id, sdoc.id, 'RESULT' FROM dossiers d JOIN sdoc ON sdoc.k = floor(pg_temp.lt_rnd(d.id, ${S} + 60) * ${ndoc})::int
       WHERE d.id > ${base} AND d.status IN (9, 10) AND pg_temp.lt_rnd(d.id, ${S} + 61) < 0.1`);
  }
  await trx.raw(
    `
    INSERT INTO dossier_code_aliases (alias, dossier_id)
    SELECT replace(d.code, ?, ''), d.id FROM dossiers d WHERE d.id > ${base} AND pg_temp.lt_rnd(d.id, ${S} + 62) < 0.02`,
    [`.${province.agencySuffix}`],
  );
  return { lo: base + 1, hi: base + (to - from + 1) };
}

/** The append-only history: 5–20 events (most dossiers few) from submission to the last step. */
async function insertEvents(
  trx: Knex.Transaction,
  province: ProvinceInfo,
  lo: number,
  hi: number,
  onlyMissing = false,
): Promise<void> {
  const S = sqlSalt(province.code, 'dossiers');
  const surnames = weightedArray([...SURNAMES, ...(LOCAL_SURNAMES[province.code] ?? [])]);
  await prepareSession(trx);
  await trx.raw(
    `
    INSERT INTO dossier_events (dossier_id, occurred_at, status, unit_id, actor, note)
    SELECT d.id,
      d.submitted_at + (e.k - 1)::float8 / (e.n - 1) *
        (coalesce(d.returned_at, d.finished_at, least(?::timestamptz, d.submitted_at + interval '20 days')) - d.submitted_at),
      e.status, CASE WHEN e.status = 1 THEN NULL ELSE d.receiving_unit_id END,
      CASE WHEN e.status = 1 THEN 'Công dân'
           ELSE (?::text[])[1 + floor(pg_temp.lt_rnd(d.id * 32 + e.k, ${S} + 51) * ?)::int] || ' ' || (?::text[])[1 + floor(pg_temp.lt_rnd(d.receiving_unit_id * 32 + e.k % 3, ${S} + 52) * ?)::int] END,
      (?::jsonb -> e.status::text ->> ((d.id + e.k) % jsonb_array_length(?::jsonb -> e.status::text))::int)
    FROM dossiers d
    CROSS JOIN LATERAL (SELECT 5 + floor(power(pg_temp.lt_rnd(d.id, ${S} + 50), 2) * 16)::int AS n) c
    CROSS JOIN LATERAL (
      SELECT k, c.n,
        CASE
          WHEN k = 1 THEN 1
          WHEN d.status = 1 THEN 1
          WHEN k = 2 THEN 2
          WHEN k = c.n THEN d.status
          WHEN d.supplement_count > 0 AND k = 3 THEN 5
          WHEN d.supplement_count > 1 AND k = 5 THEN 5
          WHEN k = c.n - 1 AND d.status = 10 THEN 9
          ELSE 4
        END AS status
      FROM generate_series(1, c.n) k
    ) e
    WHERE d.id BETWEEN ${lo} AND ${hi}${onlyMissing ? ' AND NOT EXISTS (SELECT 1 FROM dossier_events x WHERE x.dossier_id = d.id)' : ''}`,
    [
      ANCHOR,
      surnames,
      surnames.length,
      MALE_GIVEN,
      MALE_GIVEN.length,
      JSON.stringify(EVENT_NOTES),
      JSON.stringify(EVENT_NOTES),
    ],
  );
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

import { afterAll, describe, expect, it } from 'vitest';
import { parseVolume } from '../../src/bench/indicators.ts';
import { ensureVolume, type VolumeSpec } from '../../src/bench/volume.ts';
import { createKnex, dropDatabase } from '../../src/db/knex.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import { adminUrl, dbUrl, startTestHub } from '../helpers/hub.ts';

const NGHE_AN = DEMO_PROVINCES.find((p) => p.code === '40')!;
const AS_OF = '2026-10-31';
const made: string[] = [];
const spec = (database: string, dossiers: number): VolumeSpec => {
  made.push(database);
  return { province: NGHE_AN, dossiers, asOf: AS_OF, database };
};

afterAll(async () => {
  for (const d of made) await dropDatabase(adminUrl(), d);
});

async function withDb<T>(name: string, fn: (db: ReturnType<typeof createKnex>) => Promise<T>): Promise<T> {
  const db = createKnex(dbUrl(name));
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Every column the generator writes, as one digest: two generations of one spec must match row for row. */
const digest = (name: string) =>
  withDb(name, async (db) => {
    const r = await db.raw<{ rows: { d: string }[] }>(`
      SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM (
        SELECT id, code, procedure_id, receiving_unit_id, handling_unit_id, applicant_type, applicant_name,
               applicant_id_number, channel, status, submitted_at, received_at, due_at, finished_at, returned_at,
               supplement_count, supplement_seconds, payment_seconds, satisfaction, digitised, electronic_result,
               paid_online, vneid_verified, data_reused FROM dossiers) t`);
    const w = await db.raw<{ rows: { d: string }[] }>(`
      SELECT md5(coalesce((SELECT string_agg(s::text, '|' ORDER BY s.dossier_id, s.requested_at)
                             FROM (SELECT dossier_id, requested_at, answered_at FROM dossier_supplements) s), '') ||
                 coalesce((SELECT string_agg(p::text, '|' ORDER BY p.dossier_id)
                             FROM (SELECT dossier_id, requested_at, paid_at, amount_vnd FROM dossier_payment_waits) p), '')) AS d`);
    return `${r.rows[0]!.d}:${w.rows[0]!.d}`;
  });

describe('bench dossier volume (src/bench/volume.ts)', () => {
  it('generates a year of dossiers with the realistic shape, consistent with the working calendar and the aggregates', async () => {
    const v = await ensureVolume(adminUrl(), spec('bench_volume_shape', 20_000));
    expect(v).toMatchObject({ created: true, from: '2025-11-01', to: AS_OF, dossiers: 20_000 });
    expect(v.bytes).toBeGreaterThan(0);
    await withDb(v.database, async (db) => {
      const [s] = (
        await db.raw<{
          rows: {
            n: number;
            online: number;
            not_counted: number;
            late: number;
            open: number;
            overdue: number;
            waiting: number;
            not_received: number;
            top_share: number;
            procedures: number;
            bad_refused: number;
            bad_due: number;
            bad_units: number;
            early: string;
            late_day: string;
          }[];
        }>(`
        WITH d AS (SELECT * FROM dossiers)
        SELECT count(*)::int AS n,
               avg((channel = 'ONLINE')::int)::float8 AS online,
               avg((status IN (3, 7, 8))::int)::float8 AS not_counted,
               (count(*) FILTER (WHERE status IN (9, 10) AND (supplement_count >= 2
                  OR coalesce(finished_at, returned_at) - make_interval(secs => supplement_seconds::float8 + payment_seconds) > due_at)))::float8
                 / count(*) FILTER (WHERE status IN (9, 10)) AS late,
               count(*) FILTER (WHERE status IN (2, 4, 5, 6))::int AS open,
               count(*) FILTER (WHERE status IN (2, 4, 5, 6) AND due_at < lt_at_local(DATE '${AS_OF}', interval '12 hours'))::int AS overdue,
               count(*) FILTER (WHERE status IN (5, 6))::int AS waiting,
               count(*) FILTER (WHERE status = 1)::int AS not_received,
               (SELECT max(c)::float8 / sum(c) FROM (SELECT count(*) c FROM dossiers GROUP BY procedure_id) x) AS top_share,
               count(DISTINCT procedure_id)::int AS procedures,
               count(*) FILTER (WHERE status = 3 AND (received_at IS NOT NULL OR due_at IS NOT NULL))::int AS bad_refused,
               -- due times are those of lt_due_at for the channel processing time (first case)
               count(*) FILTER (WHERE received_at IS NOT NULL AND due_at IS DISTINCT FROM (
                 SELECT lt_due_at(d.received_at, c.processing_time, c.time_unit) FROM procedure_channels c
                  WHERE c.procedure_id = d.procedure_id AND c.channel = d.channel ORDER BY c.case_name LIMIT 1)
                 AND EXISTS (SELECT 1 FROM procedure_channels c WHERE c.procedure_id = d.procedure_id AND c.channel = d.channel))::int AS bad_due,
               count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = d.handling_unit_id
                 AND u.valid_from <= DATE '2025-11-01' AND (u.valid_to IS NULL OR u.valid_to >= DATE '${AS_OF}')))::int AS bad_units,
               min(lt_local_day(coalesce(received_at, submitted_at)))::text AS early,
               max(lt_local_day(coalesce(received_at, submitted_at)))::text AS late_day
          FROM d`)
      ).rows;
      expect(s).toMatchObject({ n: 20_000, bad_refused: 0, bad_due: 0, bad_units: 0 });
      expect(s!.online).toBeGreaterThan(0.55);
      expect(s!.online).toBeLessThan(0.65);
      expect(s!.not_counted).toBeGreaterThan(0.025);
      expect(s!.not_counted).toBeLessThan(0.035);
      expect(s!.late).toBeGreaterThan(0.07);
      expect(s!.late).toBeLessThan(0.1);
      // the backlog: one to three weeks of intake (about 55 a day), a few overdue, some waiting
      expect(s!.open).toBeGreaterThan(7 * 55);
      expect(s!.open).toBeLessThan(21 * 55);
      expect(s!.overdue).toBeGreaterThan(0);
      expect(s!.overdue).toBeLessThan(s!.open / 4);
      expect(s!.waiting).toBeGreaterThan(0);
      expect(s!.not_received).toBeGreaterThan(0);
      // Zipf popularity: the top procedure takes about a tenth, many procedures get a few
      expect(s!.top_share).toBeGreaterThan(0.06);
      expect(s!.top_share).toBeLessThan(0.14);
      expect(s!.procedures).toBeGreaterThan(500);
      expect(s!.early >= '2025-10-28').toBe(true);
      expect(s!.late_day <= AS_OF).toBe(true);

      // a dossier waiting for a supplement or a payment has its open episode (the overdue rule reads it)
      const waits = await db.raw<{ rows: { n: number }[] }>(`
        SELECT count(*)::int AS n FROM dossiers d WHERE d.status IN (5, 6) AND lt_open_wait_since(d.id) IS NULL`);
      expect(waits.rows[0]!.n).toBe(0);
      // the aggregates were filled from the rows
      const agg = await db.raw<{ rows: { agg: number; rows: number }[] }>(`
        SELECT (SELECT sum(received)::int FROM indicator_days) AS agg,
               (SELECT count(*)::int FROM dossiers WHERE received_at IS NOT NULL) AS rows`);
      expect(agg.rows[0]!.agg).toBe(agg.rows[0]!.rows);
      const marker = await db.raw<{ rows: { n: number }[] }>(
        `SELECT count(*)::int AS n FROM lienthong_bench_volume`,
      );
      expect(marker.rows[0]!.n).toBe(1);
    });

    // the hub reads the volume: the year table counts every received dossier
    const hub = await startTestHub({
      provinces: ['40'],
      mutateSources: (s) => s.map((x) => ({ ...x, url: dbUrl(v.database) })),
    });
    try {
      const res = await hub.gql<{
        indicators: { total: { received: number; resolved: number; overdue: number } };
      }>(
        `query($from: Date!, $to: Date!) { indicators(period: { from: $from, to: $to }) { total { received resolved overdue } } }`,
        { from: v.from, to: v.to },
      );
      expect(res.errors).toBeUndefined();
      const want = await withDb(v.database, async (db) =>
        Number(
          (
            await db.raw<{ rows: { n: number }[] }>(
              `SELECT count(*)::int AS n FROM dossiers WHERE received_at >= lt_at_local(DATE '${v.from}', interval '0')`,
            )
          ).rows[0]!.n,
        ),
      );
      expect(res.data!.indicators.total.received).toBe(want);
      expect(res.data!.indicators.total.overdue).toBeGreaterThan(0);
    } finally {
      await hub.close();
    }

    // the same parameters: reused, not generated again
    const again = await ensureVolume(adminUrl(), spec('bench_volume_shape', 20_000));
    expect(again.created).toBe(false);
    expect(again.seconds).toEqual(v.seconds);
  }, 600_000);

  it('is deterministic, and generates again when the parameters change', async () => {
    const a = await ensureVolume(adminUrl(), spec('bench_volume_det_a', 4_000));
    const b = await ensureVolume(adminUrl(), spec('bench_volume_det_b', 4_000));
    expect(a.created && b.created).toBe(true);
    expect(await digest(a.database)).toBe(await digest(b.database));

    const c = await ensureVolume(adminUrl(), spec('bench_volume_det_a', 5_000));
    expect(c.created).toBe(true);
    const n = await withDb(c.database, async (db) =>
      Number((await db.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM dossiers`)).rows[0]!.n),
    );
    expect(n).toBe(5_000);
    // a marker of another generator run is not trusted either: a half-written database (no marker) starts over
    await withDb(c.database, (db) => db.raw(`DROP TABLE lienthong_bench_volume`));
    const d = await ensureVolume(adminUrl(), spec('bench_volume_det_a', 5_000));
    expect(d.created).toBe(true);
  }, 600_000);

  it('reads volume labels and refuses what is not one', () => {
    expect(parseVolume('100k')).toBe(100_000);
    expect(parseVolume('1m')).toBe(1_000_000);
    expect(parseVolume('10M')).toBe(10_000_000);
    expect(parseVolume('2.5m')).toBe(2_500_000);
    expect(parseVolume('250000')).toBe(250_000);
    for (const bad of ['', 'abc', '10x', '1.5', '999', '-1m', '1e6', '0k', '1.00001k'])
      expect(parseVolume(bad), bad).toBeUndefined();
  });
});

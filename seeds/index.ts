import type { Knex } from 'knex';
import type { ProvinceInfo } from '../src/sources/demo.ts';
import { FIELDS } from './data/procedures.ts';
import { seedDocuments } from './documents.ts';
import { seedProcedures } from './procedures.ts';
import { seedLineage } from './lineage.ts';
import { seedUnits } from './units.ts';
import {
  deleteDossierIds,
  demoNow,
  type DossierPlan,
  EXTRA_KEYS,
  seedDossierRange,
  seedDossierRangeIn,
  WINDOW_DAYS,
} from './dossiers.ts';
import { Rng } from './random.ts';
import { rebuildIndicators as rebuildIndicatorAggregates } from '../src/db/migrate.ts';

export interface SeedOptions {
  /** Dossiers to generate (default 20,000 per province). */
  dossiers: number;
  /** The demo's today (YYYY-MM-DD, local): dossiers run up to it. An input, never read from the clock here. */
  today: string;
  /** Called when the catalogue is in (dossiers 0) and as dossiers load. */
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  dossiers: number;
  total: number;
}

/** Dossiers per progress step; loads from BULK_LOAD_DOSSIERS on stay one call (seedDossierRange's bulk path). */
const PROGRESS_STEP = 5_000;
const BULK_LOAD_DOSSIERS = 100_000;

export interface SeedCounts {
  units: number;
  procedures: number;
  documents: number;
  dossiers: number;
  dossierEvents: number;
}

/**
 * Seeds an empty, migrated province database with the demo catalogue and dossiers. Deterministic: the
 * same province and options give the same rows on every machine.
 */
export async function seedProvince(db: Knex, province: ProvinceInfo, opts: SeedOptions): Promise<SeedCounts> {
  const before = await countRows(db);
  if (before.units > 0)
    throw new Error(`Province ${province.code} already has data; seed only empty databases`);
  const rng = new Rng(`${province.code}:catalogue`);
  await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    // until the last step, a start finds this row and seeds the province again (seedInterrupted)
    await trx.raw(
      `CREATE TABLE IF NOT EXISTS lienthong_demo_seeding (id int PRIMARY KEY CHECK (id = 1), started_at timestamptz NOT NULL DEFAULT now());
       INSERT INTO lienthong_demo_seeding (id) VALUES (1) ON CONFLICT (id) DO NOTHING`,
    );
    const units = await seedUnits(trx, province, rng);
    const docs = await seedDocuments(
      trx,
      province,
      units,
      rng,
      FIELDS.map((f) => f.field),
    );
    await seedProcedures(trx, province, units, docs, rng);
    await seedLineage(trx, province, units, docs);
  });
  const total = opts.dossiers;
  opts.onProgress?.({ dossiers: 0, total });
  const today = epochDay(opts.today);
  const gHi = firstKeyOfDay(today + 1, total, WINDOW_DAYS) - 1;
  const plan = { gBase: 0, dayBase: 0, days: WINDOW_DAYS, perDays: total, now: demoNow(opts.today) };
  // keys are loaded in order, so loading in steps gives the same rows as one call
  const step = opts.onProgress && total < BULK_LOAD_DOSSIERS ? PROGRESS_STEP : total;
  for (let done = 0; done < total; done += step) {
    const gLo = gHi - total + 1 + done;
    await seedDossierRange(db, province, { ...plan, gLo, gHi: Math.min(gHi, gLo + step - 1) });
    opts.onProgress?.({ dossiers: Math.min(done + step, total), total });
  }
  await writeClock(db, { through: opts.today, dossiers: total });
  await addRun(db, { ...plan, gLo: gHi - total + 1, gHi, idShift: 0 });
  await analyze(db, '');
  await rebuildIndicators(db);
  await db.raw('DELETE FROM lienthong_demo_seeding');
  return countRows(db);
}

/**
 * A province's rows before seeding it: countRows, after emptying a province whose seed was cut short
 * (`resetProvince`). No units: seed it. A start, `seed` and the benchmark all ask this.
 */
export async function rowsBeforeSeed(db: Knex): Promise<SeedCounts> {
  if (await seedInterrupted(db)) await resetProvince(db);
  return countRows(db);
}

/**
 * True when a seed of this province began and did not finish (the process was stopped or killed after
 * its catalogue was in): its rows are a part of the demo, and `resetProvince` then `seedProvince` redo it.
 */
export async function seedInterrupted(db: Knex): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { started: boolean }[] }>(
    `SELECT to_regclass('lienthong_demo_seeding') IS NOT NULL AS started`,
  );
  if (!rows[0]?.started) return false;
  const { rows: marks } = await db.raw<{ rows: unknown[] }>('SELECT 1 FROM lienthong_demo_seeding');
  return marks.length > 0;
}

/**
 * Empties what a seed writes, for a fresh seed: units, procedures, documents and dossiers with every table
 * that refers to them (CASCADE), the indicator tables and the demo's clock and runs. What the migrations
 * wrote (the calendar, the migrations' own tables) and the record of indexes a killed bulk load dropped
 * (the next load restores them) stay.
 */
export async function resetProvince(db: Knex): Promise<void> {
  const { rows } = await db.raw<{ rows: { t: string }[] }>(
    `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = current_schema()
       AND (tablename IN ('units', 'procedures', 'documents', 'dossiers', 'lienthong_demo_clock', 'lienthong_demo_runs',
                          'lienthong_demo_seeding')
            OR tablename LIKE 'indicator\\_%')`,
  );
  if (rows.length) await db.raw(`TRUNCATE ${rows.map((r) => r.t).join(', ')} RESTART IDENTITY CASCADE`);
}

/**
 * Appends `count` dossiers spread over the demo window (extra volume, with events, supplements and links);
 * later catch-ups keep the larger daily volume.
 */
export async function seedMoreDossiers(db: Knex, province: ProvinceInfo, count: number): Promise<number> {
  const clock = await readClock(db);
  const before = (await countRows(db)).dossiers;
  const gLo = EXTRA_KEYS + before;
  const plan = {
    gLo,
    gHi: gLo + count - 1,
    gBase: gLo,
    dayBase: epochDay(clock.through) - WINDOW_DAYS + 1,
    days: WINDOW_DAYS,
    perDays: Math.max(count, 1),
    now: demoNow(clock.through),
    idShift: EXTRA_IDS - EXTRA_KEYS,
  };
  await seedDossierRange(db, province, plan);
  await writeClock(db, { through: clock.through, dossiers: clock.dossiers + count });
  await addRun(db, plan);
  await analyze(
    db,
    'dossiers, dossier_events, dossier_supplements, dossier_payment_waits, dossier_documents',
  );
  await rebuildIndicators(db);
  return (await countRows(db)).dossiers;
}

/**
 * Brings a seeded demo province up to `today`: adds the dossiers of the days since it was last seeded
 * (the same ones a seed straight to `today` makes for those days, so volume is proportional to the
 * missing days), brings the dossiers whose planned life went on past the old now (open, waiting,
 * processed but not yet returned, and those of the old today, whose times the old now had squeezed into
 * its morning) to where their plan has them now, and moves its clock. The rows are those a seed straight
 * to `today` has: the dossiers from the first such key on are deleted and generated again (same ids, the
 * codes numbered as a straight seed numbers them) in one transaction. Returns the dossiers added (0 when
 * already up to date).
 */
export async function catchUpDemoDays(db: Knex, province: ProvinceInfo, today: string): Promise<number> {
  const clock = await readClock(db);
  if (today <= clock.through) return 0;
  const from = firstKeyOfDay(epochDay(clock.through) + 1, clock.dossiers, WINDOW_DAYS);
  const to = firstKeyOfDay(epochDay(today) + 1, clock.dossiers, WINDOW_DAYS) - 1;
  const before = (await countRows(db)).dossiers;
  const now = demoNow(today);
  const oldNow = demoNow(clock.through).toISOString();
  const fresh: Run = {
    gLo: from,
    gHi: to,
    gBase: 0,
    dayBase: 0,
    days: WINDOW_DAYS,
    perDays: clock.dossiers,
    idShift: 0,
  };
  const runs = await readRuns(db);
  await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    // from which key on each load's plan goes on past the old now
    const redo: Run[] = [];
    for (const run of runs) {
      const lo = run.gLo + run.idShift;
      const hi = run.gHi + run.idShift;
      const { rows } = await trx.raw<{ rows: { id: number | null }[] }>(
        `SELECT min(id)::float8 AS id FROM dossiers WHERE id BETWEEN ${lo} AND ${hi}
            AND (status IN (1, 2, 4, 5, 6) OR (status = 9 AND finished_at > ?::timestamptz - interval '${RETURN_DAYS} days'))`,
        [oldNow],
      );
      const ofDay = run.gBase + Math.ceil(((epochDay(clock.through) - run.dayBase) * run.perDays) / run.days);
      const cut = Math.max(run.gLo, Math.min(ofDay, (rows[0]?.id ?? Infinity) - run.idShift));
      if (cut <= run.gHi) redo.push({ ...run, gLo: cut });
    }
    await deleteDossierIds(
      trx,
      redo.map((r) => [r.gLo + r.idShift, r.gHi + r.idShift]),
    );
    // a load that goes on into the new days regenerates with them (one plan, numbered in key order)
    const last = redo.at(-1);
    const loads =
      last && follows(last, fresh) ? [...redo.slice(0, -1), { ...last, gHi: to }] : [...redo, fresh];
    for (const run of loads) await seedDossierRangeIn(trx, province, { ...run, now });
  });
  await writeClock(db, { through: today, dossiers: clock.dossiers });
  await addRun(db, { ...fresh, now });
  await analyze(db, 'dossiers, dossier_events, dossier_supplements, dossier_payment_waits');
  await rebuildIndicators(db);
  return (await countRows(db)).dossiers - before;
}

/** Ids of extra volume (`seed --dossiers N` on a seeded province) start here, far above the window's keys. */
const EXTRA_IDS = 1_000_000_000;
/** A processed dossier is returned within this many days (two days, then the next office hour). */
const RETURN_DAYS = 16;

/** One load of keys with its plan: dossier ids are keys + idShift. */
type Run = Omit<DossierPlan, 'now' | 'idShift'> & { idShift: number };

const follows = (a: Run, b: Run) =>
  b.gLo === a.gHi + 1 &&
  a.gBase === b.gBase &&
  a.dayBase === b.dayBase &&
  a.days === b.days &&
  a.perDays === b.perDays &&
  a.idShift === b.idShift;

/**
 * The loads of keys the seeder made (lienthong_demo_runs, in the province database beside the clock), so a
 * catch-up can regenerate a dossier from its id. A province seeded before the table existed has none: its
 * catch-ups only add the new days.
 */
async function readRuns(db: Knex): Promise<Run[]> {
  const { rows } = await db.raw<{ rows: { t: string | null }[] }>(
    `SELECT to_regclass('lienthong_demo_runs')::text AS t`,
  );
  if (!rows[0]?.t) return [];
  return (
    await db.raw<{ rows: Run[] }>(
      `SELECT g_lo::float8 AS "gLo", g_hi::float8 AS "gHi", g_base::float8 AS "gBase", day_base AS "dayBase",
              days, per_days::float8 AS "perDays", id_shift::float8 AS "idShift"
         FROM lienthong_demo_runs ORDER BY seq`,
    )
  ).rows;
}

async function addRun(db: Knex, plan: DossierPlan): Promise<void> {
  if (plan.gHi < plan.gLo) return;
  const run: Run = {
    gLo: plan.gLo,
    gHi: plan.gHi,
    gBase: plan.gBase,
    dayBase: plan.dayBase,
    days: plan.days,
    perDays: plan.perDays,
    idShift: plan.idShift ?? 0,
  };
  await db.raw(`CREATE TABLE IF NOT EXISTS lienthong_demo_runs (
    seq int PRIMARY KEY, g_lo bigint NOT NULL, g_hi bigint NOT NULL, g_base bigint NOT NULL, day_base int NOT NULL,
    days int NOT NULL, per_days bigint NOT NULL, id_shift bigint NOT NULL)`);
  const runs = await readRuns(db);
  const last = runs.at(-1);
  if (last && follows(last, run)) {
    await db.raw(`UPDATE lienthong_demo_runs SET g_hi = ? WHERE seq = ?`, [run.gHi, runs.length]);
    return;
  }
  await db.raw(
    `INSERT INTO lienthong_demo_runs (seq, g_lo, g_hi, g_base, day_base, days, per_days, id_shift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [runs.length + 1, run.gLo, run.gHi, run.gBase, run.dayBase, run.days, run.perDays, run.idShift],
  );
}

const epochDay = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
/** The first dossier key of a day at `perWindow` dossiers per `window` days: ceil(day·perWindow/window). */
const firstKeyOfDay = (day: number, perWindow: number, window: number) =>
  Math.floor((day * perWindow + window - 1) / window);

interface DemoClock {
  /** The demo's last seeded day (its today). */
  through: string;
  /** Dossiers per window of WINDOW_DAYS days. */
  dossiers: number;
}

/** The demo clock lives in the province database itself, so any hub that opens it can catch up. */
async function readClock(db: Knex): Promise<DemoClock> {
  await db.raw(
    `CREATE TABLE IF NOT EXISTS lienthong_demo_clock (id int PRIMARY KEY CHECK (id = 1), through date NOT NULL, dossiers bigint NOT NULL)`,
  );
  const { rows } = await db.raw<{ rows: { through: string; dossiers: number }[] }>(
    `SELECT to_char(through, 'YYYY-MM-DD') AS through, dossiers::int8::float8 AS dossiers FROM lienthong_demo_clock`,
  );
  if (rows[0]) return rows[0];
  // seeded before the clock existed: its last day, at its volume
  const { rows: old } = await db.raw<{ rows: { through: string | null; n: number }[] }>(
    `SELECT to_char(max(lt_local_day(submitted_at)), 'YYYY-MM-DD') AS through, count(*)::float8 AS n FROM dossiers`,
  );
  return { through: old[0]?.through ?? '2026-11-20', dossiers: Math.max(1, old[0]?.n ?? 1) };
}

async function writeClock(db: Knex, clock: DemoClock): Promise<void> {
  await readClock(db);
  await db.raw(
    `INSERT INTO lienthong_demo_clock (id, through, dossiers) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET through = excluded.through, dossiers = excluded.dossiers`,
    [clock.through, clock.dossiers],
  );
}

export async function countRows(db: Knex): Promise<SeedCounts> {
  const res = await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    return trx.raw<{ rows: Record<keyof SeedCounts, number>[] }>(`
    SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM procedures)::int AS procedures,
           (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM dossiers)::int AS dossiers,
           (SELECT count(*) FROM dossier_events)::int AS "dossierEvents"`);
  });
  return res.rows[0]!;
}

/**
 * The indicator aggregates (migration 009) recounted from dossiers: the loads above run with
 * session_replication_role = replica, where the aggregates' statement triggers do not fire (they stay
 * ENABLE, origin only, on purpose: one set-based recount is far cheaper than maintaining them per batch).
 * After the dossiers' statistics, so the recount is planned on them; then the aggregates' own.
 */
async function rebuildIndicators(db: Knex): Promise<void> {
  await rebuildIndicatorAggregates(db);
  await analyze(
    db,
    'indicator_days, indicator_months, indicator_processing_days, indicator_processing_months, indicator_open',
  );
}

/** Fresh planner statistics after a bulk load (no statement timeout: large tables take a while). */
async function analyze(db: Knex, tables: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    await trx.raw(`ANALYZE ${tables}`);
  });
}

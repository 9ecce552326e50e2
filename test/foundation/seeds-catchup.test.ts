import type { Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnex, dropDatabase, ensureDatabase } from '../../src/db/knex.ts';
import { migrateLatest } from '../../src/db/migrate.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import { catchUpDemoDays, seedProvince } from '../../seeds/index.ts';
import { adminUrl, dbUrl } from '../helpers/hub.ts';
import { TEMPLATE_TODAY } from '../helpers/templates.ts';

const opened: Knex[] = [];
const created: string[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.destroy()));
  for (const name of created) await dropDatabase(adminUrl(), name);
});

const p = DEMO_PROVINCES.find((x) => x.code === '40')!;
const DOSSIERS = 600;

async function fresh(run: string): Promise<Knex> {
  const name = `seedcatch_${process.pid}_${run}`;
  await ensureDatabase(adminUrl(), name);
  created.push(name);
  const db = createKnex(dbUrl(name));
  opened.push(db);
  await migrateLatest(db, 'province');
  return db;
}

const addDays = (day: string, k: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);

/**
 * Every row a dossier has (surrogate ids of its child rows aside), for the dossiers submitted in the last
 * 400 days (a straight seed to a later day no longer has the window's oldest days).
 */
type Rows = Record<'dossiers' | 'events' | 'supplements' | 'payments' | 'documents' | 'aliases', string[]>;

async function rowsOf(db: Knex, since: string): Promise<Rows> {
  const mine = `dossier_id IN (SELECT id FROM dossiers WHERE lt_local_day(submitted_at) >= DATE '${since}')`;
  const q = async (sql: string) => (await db.raw<{ rows: { r: string }[] }>(sql)).rows.map((x) => x.r);
  return {
    dossiers: await q(
      `SELECT row_to_json(d)::text AS r FROM dossiers d WHERE lt_local_day(submitted_at) >= DATE '${since}' ORDER BY id`,
    ),
    events: await q(
      `SELECT json_build_array(dossier_id, occurred_at, status, unit_id, actor, note)::text AS r
         FROM dossier_events WHERE ${mine} ORDER BY dossier_id, id`,
    ),
    supplements: await q(
      `SELECT json_build_array(dossier_id, requested_at, answered_at, reason)::text AS r
         FROM dossier_supplements WHERE ${mine} ORDER BY dossier_id, id`,
    ),
    payments: await q(
      `SELECT json_build_array(dossier_id, requested_at, paid_at, amount_vnd)::text AS r
         FROM dossier_payment_waits WHERE ${mine} ORDER BY dossier_id, id`,
    ),
    documents: await q(
      `SELECT json_build_array(dossier_id, document_id, role)::text AS r FROM dossier_documents WHERE ${mine} ORDER BY 1`,
    ),
    aliases: await q(
      `SELECT json_build_array(alias, dossier_id)::text AS r FROM dossier_code_aliases WHERE ${mine} ORDER BY 1`,
    ),
  };
}

describe('catching up demo days advances the open dossiers', () => {
  for (const k of [5, 40]) {
    it(`seeding to a day and catching up ${k} days gives the rows of a seed straight to the later day`, async () => {
      const later = addDays(TEMPLATE_TODAY, k);
      const since = addDays(later, -400);
      const caught = await fresh(`c${k}`);
      await seedProvince(caught, p, { dossiers: DOSSIERS, today: TEMPLATE_TODAY });
      const open = await caught.raw<{ rows: { id: number; status: number }[] }>(
        `SELECT id::float8 AS id, status FROM dossiers WHERE status IN (1, 2, 4, 5, 6) ORDER BY id`,
      );
      expect(open.rows.length).toBeGreaterThan(5);
      expect(await catchUpDemoDays(caught, p, later)).toBeGreaterThan(0);
      expect(await catchUpDemoDays(caught, p, later)).toBe(0);
      const straight = await fresh(`s${k}`);
      await seedProvince(straight, p, { dossiers: DOSSIERS, today: later });
      const [a, b] = [await rowsOf(caught, since), await rowsOf(straight, since)];
      expect(a.dossiers.length).toBeGreaterThan(300);
      expect(a.events.length).toBeGreaterThan(a.dossiers.length);
      for (const key of Object.keys(b) as (keyof Rows)[])
        expect({ [key]: a[key] }).toEqual({ [key]: b[key] });
      // the dossiers open at the old now moved on (same ids)
      const after = await caught.raw<{ rows: { id: number; status: number }[] }>(
        `SELECT id::float8 AS id, status FROM dossiers WHERE id = ANY(?) ORDER BY id`,
        [open.rows.map((r) => r.id)],
      );
      expect(after.rows.map((r) => r.id)).toEqual(open.rows.map((r) => r.id));
      const moved = after.rows.filter((r, i) => r.status !== open.rows[i]!.status).length;
      expect(moved).toBeGreaterThan(open.rows.length / (k >= 40 ? 1.2 : 4));
    });
  }
});

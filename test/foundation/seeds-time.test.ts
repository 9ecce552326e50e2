import type { Knex } from 'knex';
import { afterAll, describe, expect, it } from 'vitest';
import { dueAt, type TimeUnit } from '../../src/calendar/index.ts';
import { createKnex, dropDatabase, ensureDatabase } from '../../src/db/knex.ts';
import { migrateLatest } from '../../src/db/migrate.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import { catchUpDemoDays, seedProvince } from '../../seeds/index.ts';
import { adminUrl, cloneDatabase, dbUrl } from '../helpers/hub.ts';
import { TEMPLATE_TODAY, templateName } from '../helpers/templates.ts';

const opened: Knex[] = [];
const created: string[] = [];
const open = (name: string) => {
  const db = createKnex(dbUrl(name));
  opened.push(db);
  return db;
};
let copy: Promise<Knex> | undefined;
/** A copy of Nghệ An's seeded test template (never the template itself: others clone it). */
const seeded = () =>
  (copy ??= (async () => {
    const name = `seeds_time_${process.pid}`;
    created.push(name);
    await cloneDatabase(templateName('40'), name);
    return open(name);
  })());
afterAll(async () => {
  await Promise.all(opened.map((db) => db.destroy()));
  for (const name of created) await dropDatabase(adminUrl(), name);
});

const one = async <T>(db: Knex, sql: string) => (await db.raw<{ rows: T[] }>(sql)).rows[0]!;
/** Outside 07:00–11:30 / 13:00–17:00 local, or on a day off. */
const outsideOffice = (col: string) => `(NOT lt_is_working_day(lt_local_day(${col}))
  OR (${col} AT TIME ZONE INTERVAL '+07:00')::time NOT BETWEEN '07:00' AND '17:00'
  OR ((${col} AT TIME ZONE INTERVAL '+07:00')::time > '11:30' AND (${col} AT TIME ZONE INTERVAL '+07:00')::time < '13:00'))`;

describe('seeded dossiers keep the working week', () => {
  it('counter receipts in office hours on working days; refused dossiers never received', async () => {
    const db = await seeded();
    expect(
      await one(
        db,
        `SELECT count(*) FILTER (WHERE channel = 'DIRECT' AND received_at IS NOT NULL AND ${outsideOffice('received_at')})::int direct_outside,
                count(*) FILTER (WHERE received_at IS NOT NULL AND NOT lt_is_working_day(lt_local_day(received_at)))::int received_off,
                count(*) FILTER (WHERE status = 3 AND (received_at IS NOT NULL OR due_at IS NOT NULL))::int refused_received,
                count(*) FILTER (WHERE status = 1 AND (received_at IS NOT NULL OR due_at IS NOT NULL))::int submitted_received
           FROM dossiers`,
      ),
    ).toEqual({ direct_outside: 0, received_off: 0, refused_received: 0, submitted_received: 0 });
    const n = await one<{ refused: number; centre: number }>(
      db,
      `SELECT count(*) FILTER (WHERE status = 3)::int refused,
              count(*) FILTER (WHERE u.kind = 'CENTRE' AND d.handling_unit_id <> d.receiving_unit_id)::int centre
         FROM dossiers d JOIN units u ON u.id = d.receiving_unit_id`,
    );
    expect(n.refused).toBeGreaterThan(0);
    expect(n.centre).toBeGreaterThan(0);
  });

  it('waiting states have their open episode', async () => {
    const db = await seeded();
    expect(
      await one(
        db,
        `SELECT count(*) FILTER (WHERE status = 5 AND NOT EXISTS (SELECT 1 FROM dossier_supplements s WHERE s.dossier_id = d.id AND s.answered_at IS NULL))::int supp,
                count(*) FILTER (WHERE status = 6 AND NOT EXISTS (SELECT 1 FROM dossier_payment_waits w WHERE w.dossier_id = d.id AND w.paid_at IS NULL))::int pay,
                count(*) FILTER (WHERE status NOT IN (5) AND EXISTS (SELECT 1 FROM dossier_supplements s WHERE s.dossier_id = d.id AND s.answered_at IS NULL))::int open_supp_elsewhere,
                count(*) FILTER (WHERE supplement_count <> (SELECT count(*) FROM dossier_supplements s WHERE s.dossier_id = d.id))::int supp_count,
                count(*) FILTER (WHERE payment_seconds <> coalesce((SELECT sum(extract(epoch FROM w.paid_at - w.requested_at)) FROM dossier_payment_waits w WHERE w.dossier_id = d.id), 0))::int pay_seconds
           FROM dossiers d`,
      ),
    ).toEqual({ supp: 0, pay: 0, open_supp_elsewhere: 0, supp_count: 0, pay_seconds: 0 });
    const closed = await one<{ n: number }>(
      db,
      `SELECT count(*)::int n FROM dossier_payment_waits w JOIN dossiers d ON d.id = w.dossier_id WHERE w.paid_at IS NOT NULL AND d.status IN (9, 10)`,
    );
    expect(closed.n).toBeGreaterThan(0);
  });

  it("every due time is the calendar's dueAt for the procedure channel", async () => {
    const db = await seeded();
    const rows = (
      await db.raw<{
        rows: { received_at: Date; due_at: Date; processing_time: string; time_unit: TimeUnit }[];
      }>(
        `SELECT d.received_at, d.due_at, c.processing_time, c.time_unit
           FROM dossiers d CROSS JOIN LATERAL (
             SELECT * FROM procedure_channels x WHERE x.procedure_id = d.procedure_id AND x.channel IN (d.channel, 'DIRECT')
              ORDER BY x.channel = d.channel DESC, x.case_name LIMIT 1) c
          WHERE d.received_at IS NOT NULL`,
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(1000);
    const wrong = rows.filter(
      (r) => dueAt(r.received_at, Number(r.processing_time), r.time_unit).getTime() !== r.due_at.getTime(),
    );
    expect(wrong).toEqual([]);
  });

  it('the SQL calendar functions give the TypeScript answers', async () => {
    const db = await seeded();
    const cases: [string, number, TimeUnit][] = [];
    for (let k = 0; k < 120; k++) {
      const at = new Date(
        Date.parse('2025-01-20T00:00:00Z') + k * 3 * 86_400_000 + ((k * 7919) % 1440) * 60_000,
      );
      cases.push([at.toISOString(), k % 7, (['WORKING_DAY', 'DAY', 'HOUR'] as const)[k % 3]!]);
    }
    const { rows } = await db.raw<{ rows: { due: Date }[] }>(
      `SELECT lt_due_at(c.at::timestamptz, c.n::numeric, c.unit) AS due
         FROM jsonb_to_recordset(?::jsonb) AS c(at text, n int, unit text, k int) ORDER BY c.k`,
      [JSON.stringify(cases.map(([at, n, unit], k) => ({ at, n, unit, k })))],
    );
    expect(rows.map((r) => r.due.toISOString())).toEqual(
      cases.map(([at, n, unit]) => dueAt(new Date(at), n, unit).toISOString()),
    );
  });

  it('events follow the dossier: one submission, receipt at received_at, officers in office hours', async () => {
    const db = await seeded();
    expect(
      await one(
        db,
        `SELECT
           (SELECT count(*) FROM dossiers d WHERE (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id AND e.status = 1) <> 1)::int submitted_not_one,
           (SELECT count(*) FROM dossiers d WHERE d.received_at IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id AND e.status = 2 AND e.occurred_at = d.received_at))::int received_elsewhere,
           (SELECT count(*) FROM dossier_events e WHERE e.status <> 1 AND ${outsideOffice('e.occurred_at')})::int officers_outside,
           (SELECT count(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
             WHERE e.occurred_at < d.submitted_at OR e.occurred_at > coalesce(d.returned_at, d.finished_at, '${TEMPLATE_TODAY}T05:00:00Z'))::int out_of_life,
           (SELECT count(*) FROM dossiers d WHERE d.returned_at IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id AND e.status = 10 AND e.occurred_at = d.returned_at))::int returned_elsewhere`,
      ),
    ).toEqual({
      submitted_not_one: 0,
      received_elsewhere: 0,
      officers_outside: 0,
      out_of_life: 0,
      returned_elsewhere: 0,
    });
  });

  it('late dossiers mostly carry an apology with a new date; tax codes pass their check digit', async () => {
    const db = await seeded();
    const r = await one<{ late: number; apology: number; bad_mst: number; businesses: number }>(
      db,
      `SELECT count(*) FILTER (WHERE status IN (9, 10) AND (supplement_count >= 2 OR finished_at - (supplement_seconds + payment_seconds) * interval '1 second' > due_at))::int late,
              count(*) FILTER (WHERE status IN (9, 10) AND (supplement_count >= 2 OR finished_at - (supplement_seconds + payment_seconds) * interval '1 second' > due_at)
                               AND apology_issued AND apology_new_due_at > due_at)::int apology,
              count(*) FILTER (WHERE applicant_type <> 'CITIZEN' AND (applicant_id_number !~ '^\\d{10}$' OR
                (10 - (SELECT sum(substr(applicant_id_number, k, 1)::int * (ARRAY[31,29,23,19,17,13,7,5,3])[k]) FROM generate_series(1, 9) k) % 11)::text
                  <> right(applicant_id_number, 1)))::int bad_mst,
              count(*) FILTER (WHERE applicant_type <> 'CITIZEN')::int businesses
         FROM dossiers`,
    );
    expect(r.businesses).toBeGreaterThan(0);
    expect(r.bad_mst).toBe(0);
    expect(r.apology / r.late).toBeGreaterThan(0.6);
  });
});

describe('demo time moves', () => {
  it('the template runs up to its today, with dossiers this week', async () => {
    const db = await seeded();
    const r = await one<{ last: string; week: number; future: number }>(
      db,
      `SELECT to_char(max(lt_local_day(submitted_at)), 'YYYY-MM-DD') AS last,
              count(*) FILTER (WHERE lt_local_day(submitted_at) > DATE '${TEMPLATE_TODAY}' - 7)::int week,
              count(*) FILTER (WHERE greatest(submitted_at, received_at, finished_at, returned_at) > '${TEMPLATE_TODAY}T05:00:00Z')::int future
         FROM dossiers`,
    );
    expect(r.last).toBe(TEMPLATE_TODAY);
    expect(r.week).toBeGreaterThan(0);
    expect(r.future).toBe(0);
  });

  it('catching up five days adds the dossiers a seed straight to that day has', async () => {
    const p = DEMO_PROVINCES.find((x) => x.code === '67')!;
    const later = '2026-11-25';
    const perDay: Record<string, number>[] = [];
    for (const run of ['catch-up', 'straight']) {
      const name = `seedtime_${process.pid}_${run.replace('-', '')}`;
      await ensureDatabase(adminUrl(), name);
      created.push(name);
      const db = open(name);
      await migrateLatest(db, 'province');
      if (run === 'catch-up') {
        await seedProvince(db, p, { dossiers: 300, today: TEMPLATE_TODAY });
        expect(await catchUpDemoDays(db, p, TEMPLATE_TODAY)).toBe(0);
        const added = await catchUpDemoDays(db, p, later);
        expect(added).toBeGreaterThan(0);
        expect(added).toBeLessThan(10); // 300 dossiers over 538 days: about 0.56 a day
        expect(await catchUpDemoDays(db, p, later)).toBe(0);
      } else {
        await seedProvince(db, p, { dossiers: 300, today: later });
      }
      const { rows } = await db.raw<{ rows: { day: string; n: number; sig: string }[] }>(
        `SELECT to_char(lt_local_day(submitted_at), 'YYYY-MM-DD') AS day, count(*)::int n
           FROM dossiers WHERE lt_local_day(submitted_at) > DATE '${TEMPLATE_TODAY}' - 60 GROUP BY 1 ORDER BY 1`,
      );
      perDay.push(Object.fromEntries(rows.map((r) => [r.day, r.n])));
    }
    expect(perDay[0]).toEqual(perDay[1]);
  });
});

import type { Knex } from 'knex';
import { CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY, defaultCalendar, type Calendar } from '../calendar/index.ts';

/**
 * Fills `calendar_days` from the working-day calendar. Idempotent: the table is compared with the
 * calendar (one digest) and rewritten only when they differ, e.g. after the calendar file changed.
 * Returns whether it wrote.
 */
export async function fillCalendar(db: Knex, calendar: Calendar = defaultCalendar()): Promise<boolean> {
  const rows = calendar.calendarRows(CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY);
  const json = JSON.stringify(rows);
  return db.transaction(async (trx) => {
    await trx.raw('SET LOCAL statement_timeout = 0');
    // one filler at a time (hub start and a seed may migrate the same province)
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('lienthong.calendar_days'))`);
    const { rows: same } = await trx.raw<{ rows: { same: boolean }[] }>(
      `/* calendar.compare */
       WITH want AS (SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(day date, working boolean, working_ordinal int, note text))
       SELECT NOT EXISTS (
         (SELECT day, working, working_ordinal, note FROM want EXCEPT SELECT day, working, working_ordinal, note FROM calendar_days)
         UNION ALL
         (SELECT day, working, working_ordinal, note FROM calendar_days EXCEPT SELECT day, working, working_ordinal, note FROM want)
       ) AS same`,
      [json],
    );
    if (same[0]?.same) return false;
    await trx.raw(`/* calendar.clear */ DELETE FROM calendar_days`);
    await trx.raw(
      `/* calendar.fill */
       INSERT INTO calendar_days (day, working, working_ordinal, note)
       SELECT day, working, working_ordinal, note
         FROM jsonb_to_recordset(?::jsonb) AS r(day date, working boolean, working_ordinal int, note text)`,
      [json],
    );
    return true;
  });
}

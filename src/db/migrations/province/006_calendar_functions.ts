import type { Knex } from 'knex';

/**
 * SQL twins of src/calendar for bulk statements (seeds) and timeliness: working days from
 * `calendar_days.working_ordinal`, office hours 07:00–11:30 and 13:00–17:00 local (UTC+7). Each must give
 * the same answer as its TypeScript counterpart (test/foundation/seeds-time.test.ts checks them side by side).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- the local (UTC+7) date of an instant, and the instant of a local date and clock time
    CREATE FUNCTION lt_local_day(ts timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (ts AT TIME ZONE INTERVAL '+07:00')::date $$;
    CREATE FUNCTION lt_at_local(d date, t interval) RETURNS timestamptz
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (d + t) AT TIME ZONE INTERVAL '+07:00' $$;

    CREATE FUNCTION lt_is_working_day(d date) RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce((SELECT c.working FROM calendar_days c WHERE c.day = d), extract(isodow FROM d) < 6) $$;

    -- the n-th working day after d (n >= 1); n = 0: d when it is a working day, else the next one
    CREATE FUNCTION lt_working_day_after(d date, n int) RETURNS date
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT w.day FROM calendar_days c
          JOIN calendar_days w ON w.working AND w.working_ordinal = c.working_ordinal + greatest(n, CASE WHEN c.working THEN 0 ELSE 1 END)
         WHERE c.day = d $$;

    -- 17:00 local of the n-th working day after the day of ts: a due time of n working days
    CREATE FUNCTION lt_add_working_days(ts timestamptz, n int) RETURNS timestamptz
      LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT lt_at_local(lt_working_day_after(lt_local_day(ts), n), interval '17 hours') $$;

    -- 07:00 of the next working day, or of the same day when ts is before 07:00 on a working day
    CREATE FUNCTION lt_next_working_morning(ts timestamptz) RETURNS timestamptz
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN lt_is_working_day(x.d) AND x.t < interval '7 hours' THEN lt_at_local(x.d, interval '7 hours')
                    ELSE lt_at_local(lt_working_day_after(x.d, 1), interval '7 hours') END
          FROM (SELECT lt_local_day(ts) d, (ts AT TIME ZONE INTERVAL '+07:00')::time - time '00:00' t) x $$;

    -- ts when the counter is open then, else the next opening (07:00 or 13:00 of a working day)
    CREATE FUNCTION lt_next_office_moment(ts timestamptz) RETURNS timestamptz
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN NOT lt_is_working_day(x.d) OR x.t > interval '17 hours' THEN lt_at_local(lt_working_day_after(x.d, 1), interval '7 hours')
          WHEN x.t < interval '7 hours' THEN lt_at_local(x.d, interval '7 hours')
          WHEN x.t > interval '11 hours 30 minutes' AND x.t < interval '13 hours' THEN lt_at_local(x.d, interval '13 hours')
          ELSE ts END
          FROM (SELECT lt_local_day(ts) d, (ts AT TIME ZONE INTERVAL '+07:00')::time - time '00:00' t) x $$;

    -- the instant m minutes of office time (0–510) into working day d
    CREATE FUNCTION lt_office_instant(d date, m float8) RETURNS timestamptz
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lt_at_local(d, CASE WHEN m <= 270 THEN interval '7 hours' + m * interval '1 minute'
                                   ELSE interval '13 hours' + (m - 270) * interval '1 minute' END) $$;

    -- a due time following the procedure's time unit (src/calendar dueAt says the rules)
    CREATE FUNCTION lt_due_at(ts timestamptz, amount numeric, unit text) RETURNS timestamptz
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE unit
          WHEN 'WORKING_DAY' THEN lt_add_working_days(ts, ceil(amount)::int)
          WHEN 'DAY' THEN lt_at_local(lt_working_day_after(lt_local_day(ts) + ceil(amount)::int, 0), interval '17 hours')
          WHEN 'HOUR' THEN CASE WHEN round(amount * 60) = 0 THEN lt_next_office_moment(ts) ELSE (
            SELECT lt_office_instant(w.day, p.target - (ceil(p.target / 510.0) - 1) * 510)
              FROM (SELECT CASE WHEN c.working THEN (c.working_ordinal - 1) * 510 +
                              CASE WHEN x.t < 420 THEN 0 WHEN x.t <= 690 THEN x.t - 420 WHEN x.t < 780 THEN 270
                                   WHEN x.t <= 1020 THEN 270 + x.t - 780 ELSE 510 END
                              ELSE c.working_ordinal * 510 END + round(amount * 60) AS target
                      FROM (SELECT lt_local_day(ts) d, extract(epoch FROM (ts AT TIME ZONE INTERVAL '+07:00')::time) / 60 t) x
                      JOIN calendar_days c ON c.day = x.d) p
              JOIN calendar_days w ON w.working AND w.working_ordinal = greatest(ceil(p.target / 510.0), 1)) END
        END $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION IF EXISTS lt_due_at(timestamptz, numeric, text), lt_office_instant(date, float8),
      lt_next_office_moment(timestamptz), lt_next_working_morning(timestamptz), lt_add_working_days(timestamptz, int),
      lt_working_day_after(date, int), lt_is_working_day(date), lt_at_local(date, interval), lt_local_day(timestamptz);
  `);
}

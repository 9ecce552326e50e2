import { atLocal } from '../calendar/index.ts';

/** Vietnam has kept UTC+7 all year since 1975: no tz database is needed to read or show its times. */
const VN_OFFSET_MS = 7 * 3_600_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * What a command-line flag names in time: a calendar day in UTC+7 (its meaning — start, end, whole day —
 * is the flag's), or an instant written with its offset, so no one's local clock decides.
 */
export type DayOrInstant = { day: string } | { instant: Date };

/** The epoch milliseconds of y-m-d h:mi:s.ms UTC, or NaN when a part is out of range (Feb 30, 24:00). */
function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (y < MIN_YEAR || y > MAX_YEAR || h > 23 || mi > 59 || s > 59) return Number.NaN;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
    ? t
    : Number.NaN;
}

/** A day `YYYY-MM-DD` or an ISO-8601 time with `Z` or an offset (to the millisecond); undefined otherwise. */
export function parseDayOrInstant(raw: string): DayOrInstant | undefined {
  const text = raw.trim();
  const day = DATE_RE.exec(text);
  if (day)
    return Number.isNaN(utcMillis(Number(day[1]), Number(day[2]), Number(day[3])))
      ? undefined
      : { day: text };
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const local = utcMillis(y, mo, d, h, mi, s, Number((m[7] ?? '').slice(0, 3).padEnd(3, '0')));
  const offsetH = Number(m[10] ?? 0);
  const offsetM = Number(m[11] ?? 0);
  if (Number.isNaN(local) || offsetH > 14 || offsetM > 59) return undefined;
  return { instant: new Date(local - (m[9] === '-' ? -1 : 1) * (offsetH * 3_600_000 + offsetM * 60_000)) };
}

/** Midnight (UTC+7) starting a day, as epoch milliseconds. */
export const dayStart = (day: string): number => atLocal(day, 0).getTime();

/** Midnight (UTC+7) ending a day (the next one's start), as epoch milliseconds. */
export const dayEnd = (day: string): number => atLocal(day, 24 * 60).getTime();

/** An instant as people in Vietnam read it, ISO 8601 with its offset: `2027-02-01T00:00:00+07:00`. */
export const vietnamTime = (at: Date, opts: { ms?: boolean } = {}): string => {
  const iso = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return (opts.ms ? iso.slice(0, -1) : iso.slice(0, 19)) + '+07:00';
};

import Holidays from 'date-holidays';
import { ANNOUNCEMENTS } from './announcements.ts';

/**
 * A working-day calendar for Vietnam's public administration (pure: no database, no clock). Days are
 * local dates `YYYY-MM-DD` (UTC+7, no daylight saving); instants are `Date`s.
 *
 * A day is off when it is a Saturday or Sunday, a public holiday (`date-holidays`), or an off day of the
 * government's yearly announcement (src/calendar/announcements.ts) or of the configured overrides; a
 * worked day of the announcement or overrides (a swapped Saturday) is a working day whatever it is.
 */

/** Extra days per year from configuration (LIENTHONG_CALENDAR_FILE): `{ "2026": { "off": [...], "worked": [...] } }`. */
export type CalendarOverrides = Readonly<
  Record<string, { off?: readonly string[]; worked?: readonly string[] }>
>;

export type TimeUnit = 'WORKING_DAY' | 'DAY' | 'HOUR';

/** One row of the `calendar_days` table. */
export interface CalendarRow {
  day: string;
  working: boolean;
  /** Working days from the first row up to and including this day (a day off repeats the last number). */
  working_ordinal: number;
  /** Why a day is off, or why a weekend day is worked; null for an ordinary working day. */
  note: string | null;
}

/** Office hours of a one-stop counter, local time (UTC+7): a morning and an afternoon session. */
export const officeHours = {
  utcOffsetMinutes: 7 * 60,
  sessions: [
    { from: '07:00', to: '11:30' },
    { from: '13:00', to: '17:00' },
  ],
  /** Minutes of office time in one working day (270 + 240). */
  minutesPerDay: 510,
} as const;

/** The days `calendar_days` holds (the demo window and the years the announcements cover, with margin). */
export const CALENDAR_FIRST_DAY = '2019-01-01';
export const CALENDAR_LAST_DAY = '2035-12-31';

export interface Calendar {
  isWorkingDay(date: string): boolean;
  /** Why a day is off (or a weekend day worked); null for an ordinary working day. */
  dayNote(date: string): string | null;
  /**
   * The n-th working day after `date` (n ≥ 1); n = 0 gives `date` itself when it is a working day, else
   * the next working day; n < 0 counts back.
   */
  addWorkingDays(date: string, n: number): string;
  /** Working days d with a < d ≤ b (negative when b is before a). */
  workingDaysBetween(a: string, b: string): number;
  /** 07:00 local of the first working day after the instant's day, or of its own day when before 07:00. */
  nextWorkingMorning(instant: Date): Date;
  /** The instant itself when the counter is open then, else the next opening (07:00 or 13:00 of a working day). */
  nextOfficeMoment(instant: Date): Date;
  /**
   * When a dossier received at `receivedAt` is due, following the procedure's time unit:
   * - WORKING_DAY: 17:00 local of the ceil(amount)-th working day after the day of receipt (amount 0: the
   *   day of receipt, or the next working day);
   * - DAY: 17:00 local of the receipt day + ceil(amount) calendar days, moved to the next working day when
   *   that day is off (a time limit ending on a day off ends on the next working day, Civil Code 2015 art. 148);
   * - HOUR: `amount` hours of office time (07:00–11:30, 13:00–17:00 on working days) after receipt (0: the
   *   next office moment).
   */
  dueAt(receivedAt: Date, amount: number, unit: TimeUnit): Date;
  /** Rows for `calendar_days` from `from` to `to` inclusive, numbered from `from`. */
  calendarRows(from: string, to: string): CalendarRow[];
}

const DAY_MS = 86_400_000;
const OFFSET_MS = officeHours.utcOffsetMinutes * 60_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const toEpochDay = (date: string): number => {
  if (!DATE_RE.test(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
};
const fromEpochDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** The local (UTC+7) date of an instant. */
export const localDay = (instant: Date): string =>
  fromEpochDay(Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS));
/** Minutes since local midnight. */
const localMinute = (instant: Date): number =>
  ((((instant.getTime() + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
/** The instant of a local date at a local clock time given in minutes since midnight. */
export const atLocal = (date: string, minute: number): Date =>
  new Date(toEpochDay(date) * DAY_MS + minute * 60_000 - OFFSET_MS);
export const addDays = (date: string, n: number): string => fromEpochDay(toEpochDay(date) + n);

const MORNING_OPEN = 7 * 60;
const MORNING_CLOSE = 11 * 60 + 30;
const AFTERNOON_OPEN = 13 * 60;
const AFTERNOON_CLOSE = 17 * 60;
const MORNING_MINUTES = MORNING_CLOSE - MORNING_OPEN;

/** Minutes of office time elapsed in a working day at a local clock minute (0–510). */
const officeMinuteOf = (minute: number): number =>
  minute < MORNING_OPEN
    ? 0
    : minute <= MORNING_CLOSE
      ? minute - MORNING_OPEN
      : minute < AFTERNOON_OPEN
        ? MORNING_MINUTES
        : minute <= AFTERNOON_CLOSE
          ? MORNING_MINUTES + minute - AFTERNOON_OPEN
          : officeHours.minutesPerDay;
/** The local clock minute of an office minute (0–510); the boundary 270 is 11:30. */
const clockOfOfficeMinute = (m: number): number =>
  m <= MORNING_MINUTES ? MORNING_OPEN + m : AFTERNOON_OPEN + (m - MORNING_MINUTES);

interface DayInfo {
  working: boolean;
  note: string | null;
}

/** Public holidays date-holidays knows in one year, by date (the holiday's local name). */
function publicHolidays(hd: Holidays, year: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of hd.getHolidays(year)) if (h.type === 'public') out.set(h.date.slice(0, 10), h.name);
  return out;
}

/**
 * For a year without an announcement: the Labour Code's rule (art. 112) — Tết is five days from Giao
 * thừa, 2 September takes an adjacent day, and holidays on a weekend move to the next working days.
 */
function ruleOfTheCode(year: number, holidays: Map<string, string>): { off: string[] } {
  const off: string[] = [];
  const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
  const eve = [...holidays].find(([d, name]) => d.startsWith(`${year}-`) && /Giao thừa/.test(name))?.[0];
  const days = [...holidays.keys()].filter((d) => d.startsWith(`${year}-`));
  if (eve) for (let k = 0; k < 5; k++) days.push(addDays(eve, k));
  const sept = `${year}-09-02`;
  const dow = new Date(`${sept}T00:00:00Z`).getUTCDay();
  days.push(dow === 5 || dow === 6 ? `${year}-09-01` : `${year}-09-03`);
  const taken = new Set(days);
  for (const d of [...new Set(days)].sort()) {
    if (!isWeekend(d)) {
      off.push(d);
      continue;
    }
    let c = addDays(d, 1);
    while (isWeekend(c) || taken.has(c)) c = addDays(c, 1);
    taken.add(c);
    off.push(c);
  }
  return { off };
}

const WEEKDAY_NOTE = ['Chủ nhật', '', '', '', '', '', 'Thứ Bảy'];

export function createCalendar(overrides: CalendarOverrides = {}): Calendar {
  const cache = new Map<number, Map<string, DayInfo>>();
  const hd = new Holidays('VN');
  /** Exceptions of one year: days off that are not weekends, and weekend days worked. */
  const yearExceptions = (year: number): Map<string, DayInfo> => {
    let m = cache.get(year);
    if (m) return m;
    m = new Map();
    const holidays = publicHolidays(hd, year);
    for (const [d, name] of holidays) m.set(d, { working: false, note: name });
    const ann = ANNOUNCEMENTS[year];
    const off = ann ? ann.off : ruleOfTheCode(year, holidays).off;
    for (const d of off)
      if (!m.has(d)) m.set(d, { working: false, note: 'Nghỉ lễ, Tết (nghỉ bù theo thông báo hằng năm)' });
    for (const d of ann?.worked ?? []) m.set(d, { working: true, note: 'Làm bù (hoán đổi ngày làm việc)' });
    const o = overrides[String(year)];
    for (const d of o?.off ?? []) m.set(d, { working: false, note: 'Ngày nghỉ theo cấu hình' });
    for (const d of o?.worked ?? []) m.set(d, { working: true, note: 'Ngày làm việc theo cấu hình' });
    cache.set(year, m);
    return m;
  };
  const info = (date: string): DayInfo => {
    const ex = yearExceptions(Number(date.slice(0, 4))).get(date);
    if (ex) return ex;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow === 0 || dow === 6
      ? { working: false, note: WEEKDAY_NOTE[dow]! }
      : { working: true, note: null };
  };
  const isWorkingDay = (date: string) => {
    toEpochDay(date);
    return info(date).working;
  };
  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isInteger(n)) throw new RangeError(`a whole number of working days: ${n}`);
    let d = date;
    if (n === 0) {
      while (!isWorkingDay(d)) d = addDays(d, 1);
      return d;
    }
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0;) {
      d = addDays(d, step);
      if (isWorkingDay(d)) left--;
    }
    return d;
  };
  const workingDaysBetween = (a: string, b: string): number => {
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let n = 0;
    for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
    return sign * n;
  };
  const nextWorkingMorning = (instant: Date): Date => {
    const day = localDay(instant);
    if (isWorkingDay(day) && localMinute(instant) < MORNING_OPEN) return atLocal(day, MORNING_OPEN);
    return atLocal(addWorkingDays(day, 1), MORNING_OPEN);
  };
  const nextOfficeMoment = (instant: Date): Date => {
    const day = localDay(instant);
    const m = localMinute(instant);
    if (!isWorkingDay(day) || m > AFTERNOON_CLOSE) return atLocal(addWorkingDays(day, 1), MORNING_OPEN);
    if (m < MORNING_OPEN) return atLocal(day, MORNING_OPEN);
    if (m > MORNING_CLOSE && m < AFTERNOON_OPEN) return atLocal(day, AFTERNOON_OPEN);
    return instant;
  };
  const dueAt = (receivedAt: Date, amount: number, unit: TimeUnit): Date => {
    if (!(amount >= 0)) throw new RangeError(`a processing time ≥ 0: ${amount}`);
    const day = localDay(receivedAt);
    switch (unit) {
      case 'WORKING_DAY':
        return atLocal(addWorkingDays(day, Math.ceil(amount)), AFTERNOON_CLOSE);
      case 'DAY':
        return atLocal(addWorkingDays(addDays(day, Math.ceil(amount)), 0), AFTERNOON_CLOSE);
      case 'HOUR': {
        let left = Math.round(amount * 60);
        if (left === 0) return nextOfficeMoment(receivedAt);
        let d = day;
        let m = officeMinuteOf(localMinute(receivedAt));
        if (!isWorkingDay(d)) {
          d = addWorkingDays(d, 1);
          m = 0;
        }
        while (left > officeHours.minutesPerDay - m) {
          left -= officeHours.minutesPerDay - m;
          d = addWorkingDays(d, 1);
          m = 0;
        }
        return atLocal(d, clockOfOfficeMinute(m + left));
      }
    }
  };
  const calendarRows = (from: string, to: string): CalendarRow[] => {
    const rows: CalendarRow[] = [];
    let ordinal = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const i = info(d);
      if (i.working) ordinal++;
      rows.push({ day: d, working: i.working, working_ordinal: ordinal, note: i.note });
    }
    return rows;
  };
  return {
    isWorkingDay,
    dayNote: (date) => info(date).note,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingMorning,
    nextOfficeMoment,
    dueAt,
    calendarRows,
  };
}

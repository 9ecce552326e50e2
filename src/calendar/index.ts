/**
 * The working-day calendar (ngày làm việc) that everything counting time uses: seeds, the
 * `calendar_days` table (src/db/calendar-store.ts) and, through it, timeliness in SQL.
 *
 * The functions below use the built-in calendar (weekends, date-holidays, the yearly announcements);
 * `createCalendar(overrides)` gives one with the configured extra off and worked days
 * (LIENTHONG_CALENDAR_FILE, parsed by src/config.ts).
 */
import { createCalendar, type Calendar, type TimeUnit } from './calendar.ts';

export {
  CALENDAR_FIRST_DAY,
  CALENDAR_LAST_DAY,
  addDays,
  atLocal,
  createCalendar,
  localDay,
  officeHours,
  type Calendar,
  type CalendarOverrides,
  type CalendarRow,
  type TimeUnit,
} from './calendar.ts';
export { ANNOUNCEMENTS, type YearAnnouncement } from './announcements.ts';

let builtIn: Calendar | undefined;
/** The calendar without configured overrides (built on first use, not at import). */
export const defaultCalendar = (): Calendar => (builtIn ??= createCalendar());

export const isWorkingDay = (date: string): boolean => defaultCalendar().isWorkingDay(date);
export const addWorkingDays = (date: string, n: number): string => defaultCalendar().addWorkingDays(date, n);
export const workingDaysBetween = (a: string, b: string): number =>
  defaultCalendar().workingDaysBetween(a, b);
export const nextWorkingMorning = (instant: Date): Date => defaultCalendar().nextWorkingMorning(instant);
export const nextOfficeMoment = (instant: Date): Date => defaultCalendar().nextOfficeMoment(instant);
export const dueAt = (receivedAt: Date, amount: number, unit: TimeUnit): Date =>
  defaultCalendar().dueAt(receivedAt, amount, unit);
export const calendarRows = (from: string, to: string) => defaultCalendar().calendarRows(from, to);

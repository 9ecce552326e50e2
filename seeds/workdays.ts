import { addWorkingDays, isWorkingDay } from '../src/calendar/index.ts';

/**
 * Working days for the catalogue seeds (documents are issued on working days), from the hub's calendar
 * (src/calendar: weekends, public holidays and the yearly swaps, Labour Code 2019 art. 112).
 */
export const isLocalWorkingDay = (date: string): boolean => isWorkingDay(date);

/** The day itself when it is a working day, else the next working day. */
export const nextWorkingDay = (date: string): string => (isWorkingDay(date) ? date : addWorkingDays(date, 1));

/** The day itself when it is a working day, else the working day before it. */
export function previousWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return d;
}

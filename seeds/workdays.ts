/**
 * A small local working-day check for the seeds (Labour Code 2019 art. 112): weekends, the fixed-date
 * holidays (1/1, 30/4, 1/5, 2/9) and the lunar ones (Tết breaks and the Hùng Kings day as announced
 * 2019–2027, with their compensatory days). A stand-in until the calendar module (`src/calendar`,
 * `isWorkingDay`) is merged: swap the seeds over to it then.
 */

/** Lunar-calendar days off, including compensatory days, per the yearly announcements (2027 expected). */
const LUNAR_HOLIDAYS: readonly string[] = [
  // Tết
  ...range('2019-02-02', '2019-02-10'),
  ...range('2020-01-23', '2020-01-29'),
  ...range('2021-02-10', '2021-02-16'),
  ...range('2022-01-29', '2022-02-06'),
  ...range('2023-01-20', '2023-01-26'),
  ...range('2024-02-08', '2024-02-14'),
  ...range('2025-01-25', '2025-02-02'),
  ...range('2026-02-14', '2026-02-22'),
  ...range('2027-02-04', '2027-02-10'),
  // Hùng Kings (10th day of the 3rd lunar month) and compensatory days
  '2019-04-15',
  '2020-04-02',
  '2021-04-21',
  '2022-04-11',
  '2023-05-02',
  '2023-05-03',
  '2024-04-18',
  '2025-04-07',
  '2026-04-27',
  '2027-04-16',
  // the day next to 2 September, and compensatory days for fixed holidays on a weekend
  '2019-09-03',
  '2020-09-03',
  '2021-09-03',
  '2022-09-01',
  '2023-09-01',
  '2024-09-03',
  '2025-09-01',
  '2026-09-01',
  '2027-09-03',
];
const HOLIDAYS = new Set(LUNAR_HOLIDAYS);
const FIXED = new Set(['01-01', '04-30', '05-01', '09-02']);

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Whether `date` (YYYY-MM-DD) is a working day: Monday–Friday and not a public holiday. */
export function isLocalWorkingDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return false;
  return !FIXED.has(date.slice(5)) && !HOLIDAYS.has(date);
}

/** `date` itself if it is a working day, else the next one. */
export function nextWorkingDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  while (!isLocalWorkingDay(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `date` itself if it is a working day, else the previous one. */
export function previousWorkingDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  while (!isLocalWorkingDay(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

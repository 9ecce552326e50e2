import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarRows,
  createCalendar,
  dueAt,
  isWorkingDay,
  nextOfficeMoment,
  nextWorkingMorning,
  workingDaysBetween,
} from '../src/calendar/index.ts';

/** An instant written as local time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('working days, hand-built cases', () => {
  it.each([
    // [day, working, why]
    ['2025-01-24', true, 'Friday before Tết Ất Tỵ'],
    ['2025-01-25', false, 'Saturday'],
    ['2025-01-27', false, 'Tết Ất Tỵ (29 Tết)'],
    ['2025-01-28', false, 'Giao thừa'],
    ['2025-01-29', false, 'Mùng 1'],
    ['2025-01-31', false, 'Tết, last day'],
    ['2025-02-03', true, 'back to work'],
    ['2026-02-13', true, 'Friday before Tết Bính Ngọ'],
    ['2026-02-16', false, 'Giao thừa'],
    ['2026-02-20', false, 'Mùng 4'],
    ['2026-02-23', true, 'back to work'],
    ['2025-09-01', false, 'day adjacent to National Day 2025'],
    ['2025-09-02', false, 'National Day'],
    ['2025-09-03', true, 'Wednesday'],
    ['2022-05-02', false, 'compensatory day for 30/4 on a Saturday'],
    ['2022-05-03', false, 'compensatory day for 1/5 on a Sunday'],
    ['2025-04-26', true, 'swapped Saturday (worked for Friday 2/5)'],
    ['2025-05-02', false, 'swapped Friday'],
    ['2024-05-04', true, 'swapped Saturday 2024'],
    ['2025-04-07', false, 'Hùng Kings 2025'],
    ['2026-04-27', false, 'Hùng Kings 2026 (Sunday) moved to Monday'],
    ['2025-11-15', false, 'ordinary Saturday'],
    ['2025-11-17', true, 'ordinary Monday'],
  ] as const)('%s working: %s (%s)', (day, working, _why) => {
    expect(isWorkingDay(day)).toBe(working);
  });

  it.each([
    // [from, n, expected]
    ['2025-01-24', 1, '2025-02-03'], // Friday before Tết 2025: next working day is after the break
    ['2026-02-12', 2, '2026-02-23'], // Thursday before Tết 2026
    ['2025-08-29', 1, '2025-09-03'], // over 30/8–2/9 2025
    ['2022-04-29', 1, '2022-05-04'], // 30/4–1/5 on a weekend, days off moved to 2–3/5
    ['2025-04-25', 1, '2025-04-26'], // the swapped Saturday counts
    ['2025-04-29', 1, '2025-05-05'], // 30/4, 1/5, swapped 2/5, weekend
    ['2025-11-14', 1, '2025-11-17'], // Friday + 1 working day = Monday
    ['2025-11-15', 1, '2025-11-17'], // from a Saturday
    ['2025-11-15', 0, '2025-11-17'], // 0 from a day off: the next working day
    ['2025-11-17', 0, '2025-11-17'],
    ['2025-11-17', 5, '2025-11-24'],
    ['2025-11-17', -1, '2025-11-14'],
  ] as const)('addWorkingDays(%s, %d) = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('workingDaysBetween counts days after a up to b', () => {
    expect(workingDaysBetween('2025-08-29', '2025-09-05')).toBe(3);
    expect(workingDaysBetween('2025-01-24', '2025-02-03')).toBe(1);
    expect(workingDaysBetween('2025-02-03', '2025-01-24')).toBe(-1);
    expect(workingDaysBetween('2025-11-17', '2025-11-17')).toBe(0);
    for (let k = 0; k < 60; k++) {
      const from = addWorkingDays('2025-01-02', k * 7);
      expect(workingDaysBetween(from, addWorkingDays(from, k))).toBe(k);
    }
  });
});

describe('due times follow the time unit', () => {
  it.each([
    // [received (local), amount, unit, due (local)]
    ['2025-11-14T09:00', 1, 'WORKING_DAY', '2025-11-17T17:00'], // a Friday receipt, 1 working day
    ['2025-01-24T10:00', 1, 'WORKING_DAY', '2025-02-03T17:00'], // over Tết 2025
    ['2026-02-13T15:30', 3, 'WORKING_DAY', '2026-02-25T17:00'], // over Tết 2026
    ['2025-08-29T08:00', 2, 'WORKING_DAY', '2025-09-04T17:00'], // over 2 September 2025 and 1/9
    ['2025-04-25T10:00', 2, 'WORKING_DAY', '2025-04-28T17:00'], // the swapped Saturday 26/4 counts
    ['2025-11-17T10:00', 0, 'WORKING_DAY', '2025-11-17T17:00'], // same day
    ['2025-11-17T10:00', 0.5, 'WORKING_DAY', '2025-11-18T17:00'], // part days round up
    ['2025-11-14T09:00', 1, 'DAY', '2025-11-17T17:00'], // ends on Saturday: moved to Monday
    ['2025-11-12T09:00', 3, 'DAY', '2025-11-17T17:00'],
    ['2025-11-12T09:00', 2, 'DAY', '2025-11-14T17:00'],
    ['2025-11-14T16:00', 4, 'HOUR', '2025-11-17T10:00'], // 1 h on Friday, 3 h on Monday
    ['2025-11-13T10:00', 8, 'HOUR', '2025-11-14T09:30'], // 5.5 h Thursday, 2.5 h Friday
    ['2025-11-13T11:00', 1, 'HOUR', '2025-11-13T13:30'], // lunch does not count
    ['2025-11-15T10:00', 2, 'HOUR', '2025-11-17T09:00'], // from a Saturday
  ] as const)('received %s + %s %s → %s', (received, amount, unit, due) => {
    expect(dueAt(vn(received), amount, unit).toISOString()).toBe(vn(due).toISOString());
  });

  it('the next working morning and the next office moment', () => {
    expect(nextWorkingMorning(vn('2025-11-15T20:00'))).toEqual(vn('2025-11-17T07:00'));
    expect(nextWorkingMorning(vn('2025-11-18T05:00'))).toEqual(vn('2025-11-18T07:00'));
    expect(nextWorkingMorning(vn('2025-11-18T09:00'))).toEqual(vn('2025-11-19T07:00'));
    expect(nextWorkingMorning(vn('2025-01-24T22:00'))).toEqual(vn('2025-02-03T07:00'));
    expect(nextOfficeMoment(vn('2025-11-18T12:10'))).toEqual(vn('2025-11-18T13:00'));
    expect(nextOfficeMoment(vn('2025-11-18T09:10'))).toEqual(vn('2025-11-18T09:10'));
    expect(nextOfficeMoment(vn('2025-11-18T17:30'))).toEqual(vn('2025-11-19T07:00'));
  });
});

describe('the calendar is configurable and fills calendar_days', () => {
  it('overrides add days off and worked days per year', () => {
    const cal = createCalendar({ '2026': { off: ['2026-09-03'], worked: ['2026-09-05'] } });
    expect(isWorkingDay('2026-09-03')).toBe(true);
    expect(cal.isWorkingDay('2026-09-03')).toBe(false);
    expect(cal.isWorkingDay('2026-09-05')).toBe(true);
    expect(cal.addWorkingDays('2026-09-02', 1)).toBe('2026-09-04');
  });

  it('rows number working days and say why a day is off', () => {
    const rows = calendarRows('2025-01-24', '2025-02-03');
    expect(rows.map((r) => [r.day, r.working, r.working_ordinal])).toEqual([
      ['2025-01-24', true, 1],
      ['2025-01-25', false, 1],
      ['2025-01-26', false, 1],
      ['2025-01-27', false, 1],
      ['2025-01-28', false, 1],
      ['2025-01-29', false, 1],
      ['2025-01-30', false, 1],
      ['2025-01-31', false, 1],
      ['2025-02-01', false, 1],
      ['2025-02-02', false, 1],
      ['2025-02-03', true, 2],
    ]);
    expect(rows[5]!.note).toBe('Tết Nguyên Đán');
    expect(rows[1]!.note).toBe('Thứ Bảy');
    expect(rows[0]!.note).toBeNull();
  });
});

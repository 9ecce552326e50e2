/**
 * The government's yearly holiday schedule for civil servants (công chức, viên chức), beyond what
 * `date-holidays` knows (it has New Year, Giao thừa and the first day of Tết, Hùng Kings, 30/4, 1/5, 2/9):
 * the rest of the five-day Tết break, the day adjacent to 2 September (from 2021, Labour Code 2019
 * art. 112), compensatory days off (nghỉ bù) and days swapped with a worked Saturday (làm bù).
 *
 * `off` lists weekdays off (a day date-holidays already knows may be repeated); `worked` lists weekend days
 * worked. `notice` is the announcing text when known; `verified: false` marks a year written from memory
 * of press reports or from the Labour Code's rule, not checked against the notice itself.
 */
export interface YearAnnouncement {
  off: readonly string[];
  worked: readonly string[];
  notice: string;
  verified: boolean;
}

export const ANNOUNCEMENTS: Readonly<Record<number, YearAnnouncement>> = {
  2019: {
    // Tết Kỷ Hợi 4–8/2; Hùng Kings on Sunday 14/4 → Monday 15/4; 29/4 swapped with Saturday 4/5;
    // 31/12/2018 swapped with Saturday 5/1/2019
    off: ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08', '2019-04-15', '2019-04-29'],
    worked: ['2019-01-05', '2019-05-04'],
    notice: 'Thông báo của Bộ LĐ-TB&XH về lịch nghỉ Tết Kỷ Hợi và các ngày lễ 2019 (số hiệu chưa kiểm)',
    verified: false,
  },
  2020: {
    // Tết Canh Tý 23–29/1 (Thursday to Wednesday); 2/9 alone (Labour Code 2012)
    off: ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'],
    worked: [],
    notice: 'Thông báo của Bộ LĐ-TB&XH về lịch nghỉ Tết Canh Tý 2020 (số hiệu chưa kiểm)',
    verified: false,
  },
  2021: {
    // Tết Tân Sửu 10–16/2; 1/5 on Saturday → Monday 3/5; 2/9 with Friday 3/9
    off: ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16', '2021-05-03', '2021-09-03'],
    worked: [],
    notice: 'Thông báo 4498/TB-LĐTBXH (2020) về lịch nghỉ Tết Tân Sửu và Quốc khánh 2021',
    verified: false,
  },
  2022: {
    // 1/1 on Saturday → Monday 3/1; Tết Nhâm Dần 31/1–4/2; Hùng Kings Sunday 10/4 → 11/4;
    // 30/4–1/5 on the weekend → 2–3/5; 2/9 with Thursday 1/9
    off: [
      '2022-01-03',
      '2022-01-31',
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04',
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
      '2022-09-01',
    ],
    worked: [],
    notice: 'Thông báo 4003/TB-LĐTBXH (2021) về lịch nghỉ Tết Nhâm Dần và các ngày lễ 2022',
    verified: false,
  },
  2023: {
    // 1/1 on Sunday → 2/1; Tết Quý Mão 20–26/1; Hùng Kings Saturday 29/4 and 30/4 Sunday → 2–3/5;
    // 2/9 on Saturday → Monday 4/9, with Friday 1/9
    off: [
      '2023-01-02',
      '2023-01-20',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
      '2023-01-26',
      '2023-05-02',
      '2023-05-03',
      '2023-09-01',
      '2023-09-04',
    ],
    worked: [],
    notice: 'Thông báo 5350/TB-LĐTBXH (2022) về lịch nghỉ Tết Quý Mão; Quốc khánh 2023 theo Thủ tướng',
    verified: false,
  },
  2024: {
    // Tết Giáp Thìn 8–14/2; 29/4 swapped with Saturday 4/5; 2/9 with Tuesday 3/9
    off: [
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18',
      '2024-04-29',
      '2024-09-03',
    ],
    worked: ['2024-05-04'],
    notice: 'Thông báo 5629/TB-LĐTBXH (2023) về lịch nghỉ Tết Giáp Thìn và các ngày lễ 2024',
    verified: false,
  },
  2025: {
    // Tết Ất Tỵ 27–31/1 (25/1–2/2 with the weekends); 2/5 swapped with Saturday 26/4; 2/9 with Monday 1/9
    off: [
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-05-02',
      '2025-09-01',
    ],
    worked: ['2025-04-26'],
    notice: 'Thông báo 6150/TB-LĐTBXH (2024) về lịch nghỉ Tết Ất Tỵ và các ngày lễ 2025',
    verified: false,
  },
  2026: {
    // 2/1 swapped with Saturday 10/1 (reported); Tết Bính Ngọ 16–20/2 (14–22/2 with the weekends);
    // Hùng Kings Sunday 26/4 → Monday 27/4; 2/9 with Tuesday 1/9 (assumed: the adjacent day is chosen yearly)
    off: [
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-09-01',
    ],
    worked: ['2026-01-10'],
    notice: 'Thông báo của Bộ Nội vụ về lịch nghỉ Tết Bính Ngọ và các ngày lễ 2026 (số hiệu chưa kiểm)',
    verified: false,
  },
  2027: {
    // not yet announced: Labour Code art. 112 applied — Tết Đinh Mùi from Giao thừa (5/2) for five days, the
    // weekend ones moved to 10–11/2; 1/5 Saturday → Monday 3/5; 2/9 Thursday with Friday 3/9
    off: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-05-03', '2027-09-03'],
    worked: [],
    notice: 'chưa công bố: theo Bộ luật Lao động 2019, Điều 112',
    verified: false,
  },
};

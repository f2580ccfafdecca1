import type { CalendarEntry } from './statutory';

export interface AnnouncedYear {
  year: number;
  source: string;
  sourceDate: string | null;
  entries: CalendarEntry[];
}

const holiday = (date: string, nameVi: string, nameEn: string): CalendarEntry => ({ date, kind: 'holiday', nameVi, nameEn });
const tet = (date: string) => holiday(date, 'Tết Âm lịch', 'Lunar New Year (Tết)');

/**
 * Schedules announced for the public service, seeded into the database on first start. An
 * administrator corrects or completes them in the admin panel; the database copy is the one used.
 */
export const ANNOUNCED_YEARS: AnnouncedYear[] = [
  {
    year: 2024,
    source: 'Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023 của Bộ Lao động - Thương binh và Xã hội',
    sourceDate: '2023-11-22',
    entries: [
      holiday('2024-01-01', 'Tết Dương lịch', "New Year's Day"),
      tet('2024-02-08'),
      tet('2024-02-09'),
      tet('2024-02-10'),
      tet('2024-02-11'),
      tet('2024-02-12'),
      { date: '2024-02-13', kind: 'compensatory_day_off', nameVi: 'Nghỉ bù Tết Âm lịch', nameEn: 'Day off in lieu of Tết' },
      { date: '2024-02-14', kind: 'compensatory_day_off', nameVi: 'Nghỉ bù Tết Âm lịch', nameEn: 'Day off in lieu of Tết' },
      holiday('2024-04-18', 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration Day"),
      holiday('2024-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
      holiday('2024-05-01', 'Ngày Quốc tế lao động', 'International Labour Day'),
      holiday('2024-09-02', 'Quốc khánh', 'National Day'),
      holiday('2024-09-03', 'Quốc khánh', 'National Day'),
    ],
  },
  {
    year: 2025,
    source: 'Thông báo số 6150/TB-BLĐTBXH ngày 03/12/2024 của Bộ Lao động - Thương binh và Xã hội',
    sourceDate: '2024-12-03',
    entries: [
      holiday('2025-01-01', 'Tết Dương lịch', "New Year's Day"),
      tet('2025-01-27'),
      tet('2025-01-28'),
      tet('2025-01-29'),
      tet('2025-01-30'),
      tet('2025-01-31'),
      holiday('2025-04-07', 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration Day"),
      { date: '2025-04-26', kind: 'make_up_working_day', nameVi: 'Làm bù cho ngày 02/5/2025', nameEn: 'Make-up working day for 2 May 2025' },
      holiday('2025-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
      holiday('2025-05-01', 'Ngày Quốc tế lao động', 'International Labour Day'),
      { date: '2025-05-02', kind: 'swapped_day_off', nameVi: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', nameEn: 'Day off swapped with Saturday 26 April 2025' },
      holiday('2025-09-01', 'Quốc khánh', 'National Day'),
      holiday('2025-09-02', 'Quốc khánh', 'National Day'),
    ],
  },
  {
    year: 2026,
    source: 'Thông báo của Bộ Nội vụ về lịch nghỉ Tết Âm lịch, Quốc khánh và hoán đổi ngày làm việc năm 2026 (số hiệu cần được quản trị viên bổ sung)',
    sourceDate: null,
    entries: [
      holiday('2026-01-01', 'Tết Dương lịch', "New Year's Day"),
      { date: '2026-01-02', kind: 'swapped_day_off', nameVi: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)', nameEn: 'Day off swapped with Saturday 10 January 2026' },
      { date: '2026-01-10', kind: 'make_up_working_day', nameVi: 'Làm bù cho ngày 02/01/2026', nameEn: 'Make-up working day for 2 January 2026' },
      tet('2026-02-16'),
      tet('2026-02-17'),
      tet('2026-02-18'),
      tet('2026-02-19'),
      tet('2026-02-20'),
      holiday('2026-04-26', 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration Day"),
      { date: '2026-04-27', kind: 'compensatory_day_off', nameVi: 'Nghỉ bù Giỗ Tổ Hùng Vương', nameEn: "Day off in lieu of Hùng Kings' Day" },
      holiday('2026-04-30', 'Ngày Chiến thắng', 'Reunification Day'),
      holiday('2026-05-01', 'Ngày Quốc tế lao động', 'International Labour Day'),
      { date: '2026-08-22', kind: 'make_up_working_day', nameVi: 'Làm bù cho ngày 31/8/2026', nameEn: 'Make-up working day for 31 August 2026' },
      { date: '2026-08-31', kind: 'swapped_day_off', nameVi: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)', nameEn: 'Day off swapped with Saturday 22 August 2026' },
      holiday('2026-09-01', 'Quốc khánh', 'National Day'),
      holiday('2026-09-02', 'Quốc khánh', 'National Day'),
    ],
  },
];

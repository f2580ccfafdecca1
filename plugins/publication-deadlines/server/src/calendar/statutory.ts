import { dayFromParts, isWeekend, isoOf, weekdayOf } from './days';
import { julianDayNumber, lunarToSolar } from './lunar';
import type { DayKind } from './working-calendar';

export interface CalendarEntry {
  /** ISO date in Viet Nam. */
  date: string;
  kind: DayKind;
  nameVi: string;
  nameEn: string;
  /** Source of the entry, when it differs from the source of its year. */
  source?: string | null;
}

/** A public holiday of the Labour Code, as data: a new statutory holiday is one more row. */
export interface StatutoryHoliday {
  key: string;
  nameVi: string;
  nameEn: string;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  /** Consecutive days from the date; a negative start begins before it (Tết starts on the eve). */
  startOffset?: number;
  days?: number;
  /** Adds one adjacent day, chosen to join the holiday to a weekend (National Day). */
  adjacentDay?: boolean;
}

export const LABOUR_CODE_BASIS = 'Bộ luật Lao động 2019, Điều 112 và khoản 3 Điều 111';

/** Art. 112(1) of the Labour Code 2019. */
export const STATUTORY_HOLIDAYS: StatutoryHoliday[] = [
  { key: 'new-year', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day", calendar: 'solar', month: 1, day: 1 },
  // Five days: the last day of the old lunar year and the first four of the new one.
  { key: 'tet', nameVi: 'Tết Âm lịch', nameEn: 'Lunar New Year (Tết)', calendar: 'lunar', month: 1, day: 1, startOffset: -1, days: 5 },
  { key: 'hung-kings', nameVi: 'Giỗ Tổ Hùng Vương', nameEn: "Hùng Kings' Commemoration Day", calendar: 'lunar', month: 3, day: 10 },
  { key: 'reunification', nameVi: 'Ngày Chiến thắng', nameEn: 'Reunification Day', calendar: 'solar', month: 4, day: 30 },
  { key: 'labour-day', nameVi: 'Ngày Quốc tế lao động', nameEn: 'International Labour Day', calendar: 'solar', month: 5, day: 1 },
  { key: 'national-day', nameVi: 'Quốc khánh', nameEn: 'National Day', calendar: 'solar', month: 9, day: 2, adjacentDay: true },
];

const JDN_OF_EPOCH = julianDayNumber({ year: 1970, month: 1, day: 1 });

function firstDayOf(holiday: StatutoryHoliday, year: number): number {
  if (holiday.calendar === 'solar') return dayFromParts(year, holiday.month, holiday.day);
  const solar = lunarToSolar({ year, month: holiday.month, day: holiday.day, leap: false });
  if (!solar) throw new Error(`Lunar holiday ${holiday.key} on ${holiday.month}/${holiday.day} has no date in ${year}.`);
  return julianDayNumber(solar) - JDN_OF_EPOCH;
}

/**
 * Proposes the days off of a year whose schedule the government has not announced, from the law
 * alone. It lists the statutory holidays and National Day's adjacent day (the Monday before a
 * Tuesday, otherwise the day after). Each holiday on a weekend adds the next working day off
 * (Art. 111(3)). The government usually also swaps days, which a proposal cannot know.
 */
export function proposeYear(year: number, holidays: StatutoryHoliday[] = STATUTORY_HOLIDAYS): CalendarEntry[] {
  const entries = new Map<number, CalendarEntry>();
  for (const holiday of holidays) {
    const first = firstDayOf(holiday, year) + (holiday.startOffset ?? 0);
    const days = [...Array(holiday.days ?? 1).keys()].map((index) => first + index);
    if (holiday.adjacentDay) days.push(weekdayOf(first) === 2 ? first - 1 : first + 1);
    for (const day of days) entries.set(day, { date: isoOf(day), kind: 'holiday', nameVi: holiday.nameVi, nameEn: holiday.nameEn });
  }
  const holidayDays = [...entries.keys()].sort((a, b) => a - b);
  for (const day of holidayDays) {
    if (!isWeekend(day)) continue;
    let compensation = day + 1;
    while (isWeekend(compensation) || entries.has(compensation)) compensation += 1;
    const holiday = entries.get(day)!;
    entries.set(compensation, {
      date: isoOf(compensation),
      kind: 'compensatory_day_off',
      nameVi: `Nghỉ bù ${holiday.nameVi}`,
      nameEn: `Day off in lieu of ${holiday.nameEn}`,
    });
  }
  return [...entries.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

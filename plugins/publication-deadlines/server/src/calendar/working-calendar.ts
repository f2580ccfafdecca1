import { DAY_MS, isWeekend, weekdayAt, weekdaysBefore } from './days';
import { fromLocal, toLocal } from './zone';

/** Kinds of the dates that differ from an ordinary week. */
export const DAY_KINDS = ['holiday', 'compensatory_day_off', 'swapped_day_off', 'make_up_working_day'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export const isDayOff = (kind: DayKind) => kind !== 'make_up_working_day';

export interface SpecialDay {
  day: number;
  kind: DayKind;
}

/** Index of the first element of a sorted array that is >= value. */
function lowerBound(values: number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const countIn = (values: number[], from: number, to: number) => (to <= from ? 0 : lowerBound(values, to) - lowerBound(values, from));

/**
 * Working days of Viet Nam's public service: Monday to Friday, minus days off that fall on a
 * weekday, plus make-up days that fall on a weekend. Counting is done with week arithmetic and a
 * binary search over the special days, so its cost does not grow with the length of the span.
 */
export class WorkingCalendar {
  /** Weekdays that are not worked, sorted. */
  private readonly weekdaysOff: number[];
  /** Weekend days that are worked, sorted. */
  private readonly weekendsWorked: number[];

  constructor(specialDays: SpecialDay[]) {
    const off = new Set<number>();
    const worked = new Set<number>();
    for (const { day, kind } of specialDays) {
      if (isDayOff(kind) && !isWeekend(day)) off.add(day);
      if (!isDayOff(kind) && isWeekend(day)) worked.add(day);
    }
    this.weekdaysOff = [...off].sort((a, b) => a - b);
    this.weekendsWorked = [...worked].sort((a, b) => a - b);
  }

  isWorkingDay(day: number): boolean {
    const list = isWeekend(day) ? this.weekendsWorked : this.weekdaysOff;
    const index = lowerBound(list, day);
    const listed = list[index] === day;
    return isWeekend(day) ? listed : !listed;
  }

  /** Counts the working days in [from, to). */
  workingDaysBetween(from: number, to: number): number {
    if (to <= from) return 0;
    return weekdaysBefore(to) - weekdaysBefore(from) - countIn(this.weekdaysOff, from, to) + countIn(this.weekendsWorked, from, to);
  }

  /** Returns the first working day on or after the given day. */
  nextWorkingDay(day: number): number {
    let candidate = day;
    while (!this.isWorkingDay(candidate)) candidate += 1;
    return candidate;
  }

  /** Returns the n-th working day after the given day (n >= 1), not counting the day itself. */
  addWorkingDays(day: number, n: number): number {
    if (n < 1) throw new RangeError(`n must be at least 1, got ${n}`);
    // A few days are quicker to step through than to jump over.
    if (n <= 3) {
      let current = day;
      for (let left = n; left > 0; ) {
        current += 1;
        if (this.isWorkingDay(current)) left -= 1;
      }
      return current;
    }
    let from = day;
    let remaining = n;
    for (;;) {
      // Jump as if only weekends were off, then correct for the special days in the span.
      const candidate = weekdayAt(weekdaysBefore(from + 1) + remaining - 1);
      let counted = this.workingDaysBetween(from + 1, candidate + 1);
      if (counted < remaining) {
        remaining -= counted;
        from = candidate;
        continue;
      }
      // Make-up Saturdays can put more than n working days in the span, so step back to the n-th.
      let answer = candidate;
      while (counted > remaining || !this.isWorkingDay(answer)) {
        if (this.isWorkingDay(answer)) counted -= 1;
        answer -= 1;
      }
      return answer;
    }
  }

  /** Measures the working time between two instants, in milliseconds: the part of [from, to) on working days. */
  workingTimeBetween(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    const start = toLocal(from);
    const end = toLocal(to);
    if (start.day === end.day) return this.isWorkingDay(start.day) ? end.ms - start.ms : 0;
    const first = this.isWorkingDay(start.day) ? DAY_MS - start.ms : 0;
    const middle = this.workingDaysBetween(start.day + 1, end.day) * DAY_MS;
    const last = this.isWorkingDay(end.day) ? end.ms : 0;
    return first + middle + last;
  }

  /**
   * Returns the instant at which the given working time has elapsed after a start. Time on days
   * off does not count, and a start on a day off counts from the next working day's midnight.
   */
  addWorkingTime(from: Date, ms: number): Date {
    let { day, ms: time } = toLocal(from);
    if (!this.isWorkingDay(day)) {
      day = this.nextWorkingDay(day);
      time = 0;
    }
    const restOfDay = DAY_MS - time;
    if (ms <= restOfDay) return fromLocal(day, time + ms);
    const beyond = ms - restOfDay;
    const wholeDays = Math.floor(beyond / DAY_MS);
    const rest = beyond - wholeDays * DAY_MS;
    if (rest === 0) return fromLocal(this.addWorkingDays(day, wholeDays), DAY_MS);
    return fromLocal(this.addWorkingDays(day, wholeDays + 1), rest);
  }
}

/** The same calendar counted one day at a time: the reference for tests and the benchmark. */
export class DayByDayCalendar {
  private readonly off = new Set<number>();
  private readonly worked = new Set<number>();

  constructor(specialDays: SpecialDay[]) {
    for (const { day, kind } of specialDays) (isDayOff(kind) ? this.off : this.worked).add(day);
  }

  isWorkingDay(day: number): boolean {
    if (this.worked.has(day)) return true;
    return !isWeekend(day) && !this.off.has(day);
  }

  workingDaysBetween(from: number, to: number): number {
    let count = 0;
    for (let day = from; day < to; day += 1) if (this.isWorkingDay(day)) count += 1;
    return count;
  }

  addWorkingDays(day: number, n: number): number {
    let current = day;
    let left = n;
    while (left > 0) {
      current += 1;
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }
}

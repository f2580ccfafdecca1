import { DAY_MS } from './calendar/days';
import type { WorkingCalendar } from './calendar/working-calendar';
import { fromLocal, toLocal } from './calendar/zone';
import type { Duration } from './rules';

const HOUR_MS = 3_600_000;
const NOON_MS = 12 * HOUR_MS;

/** Returns the noon cut-off's rule: D6 for a stamp before 12:00 of a working day, D7 otherwise. */
export function noonRuleOf(calendar: WorkingCalendar, stamp: Date): 'D6' | 'D7' {
  const { day, ms } = toLocal(stamp);
  if (!calendar.isWorkingDay(day)) return 'D6';
  return ms < NOON_MS ? 'D6' : 'D7';
}

/**
 * Returns the first instant at which a clock started at `start` is late. A noon cut-off stamp on
 * a day off counts as stamped at the start of the next working day.
 */
export function dueOf(calendar: WorkingCalendar, duration: Duration, start: Date): Date | null {
  switch (duration.unit) {
    case 'hours':
      return new Date(start.getTime() + duration.amount * HOUR_MS);
    case 'working_days':
      return calendar.addWorkingTime(start, duration.amount * DAY_MS);
    case 'noon_cut_off': {
      const { day, ms } = toLocal(start);
      if (!calendar.isWorkingDay(day)) return fromLocal(calendar.nextWorkingDay(day), DAY_MS);
      if (ms < NOON_MS) return fromLocal(day, DAY_MS);
      return fromLocal(calendar.nextWorkingDay(day + 1), NOON_MS);
    }
    case 'none':
      return null;
  }
}

/** Whether a pause is measured in elapsed time (hour clocks) or in working time (the others). */
export const pauseMeasure = (duration: Duration): 'elapsed' | 'working' => (duration.unit === 'hours' ? 'elapsed' : 'working');

/** Length of a pause in the clock's own measure. */
export function pauseLength(calendar: WorkingCalendar, duration: Duration, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  return pauseMeasure(duration) === 'elapsed' ? to.getTime() - from.getTime() : calendar.workingTimeBetween(from, to);
}

/** Moves a due time later by the time a clock stood still, in the clock's own measure. */
export function extend(calendar: WorkingCalendar, duration: Duration, due: Date, extensionMs: number): Date {
  if (extensionMs <= 0) return due;
  return pauseMeasure(duration) === 'elapsed' ? new Date(due.getTime() + extensionMs) : calendar.addWorkingTime(due, extensionMs);
}

/** Returns the instant at which a fraction of a clock's time has passed, in the clock's own measure. */
export function pointOf(calendar: WorkingCalendar, duration: Duration, start: Date, due: Date, fraction: number): Date {
  if (fraction >= 1) return due;
  if (pauseMeasure(duration) === 'elapsed') return new Date(start.getTime() + (due.getTime() - start.getTime()) * fraction);
  const total = calendar.workingTimeBetween(start, due);
  return calendar.addWorkingTime(start, Math.round(total * fraction));
}

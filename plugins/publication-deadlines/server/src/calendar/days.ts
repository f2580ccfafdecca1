/**
 * Calendar days as integers: the number of days since 1970-01-01. Deadlines reason in days of
 * Viet Nam's calendar, so a day number always means a date in Viet Nam, never a UTC date.
 */

export const DAY_MS = 86_400_000;

/** Day number of Monday 1969-12-29, the origin from which weekdays are counted. */
const MONDAY_ORIGIN = -3;

/** Returns the day number of an ISO date (YYYY-MM-DD), or null if the text is not a real date. */
export function dayOf(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

export const dayFromParts = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

/** Day of the week: 0 Sunday, 1 Monday … 6 Saturday. */
export const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

export const isWeekend = (day: number) => {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
};

/** Number of Monday-to-Friday days in [MONDAY_ORIGIN, day). */
export function weekdaysBefore(day: number): number {
  const offset = day - MONDAY_ORIGIN;
  const weeks = Math.floor(offset / 7);
  const rest = offset - weeks * 7;
  return weeks * 5 + Math.min(rest, 5);
}

/** Returns the Monday-to-Friday day with the given index counted from MONDAY_ORIGIN. */
export function weekdayAt(index: number): number {
  const weeks = Math.floor(index / 5);
  return MONDAY_ORIGIN + weeks * 7 + (index - weeks * 5);
}

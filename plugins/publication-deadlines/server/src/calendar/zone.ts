import { tzOffset } from '@date-fns/tz';
import { DAY_MS } from './days';

/** Deadlines are reckoned in Viet Nam's time zone, whatever the zone of the server. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface LocalTime {
  /** Day number of the date in Viet Nam. */
  day: number;
  /** Milliseconds since midnight in Viet Nam. */
  ms: number;
}

const offsetMs = (instant: number) => tzOffset(VIETNAM_TIME_ZONE, new Date(instant)) * 60_000;

/** Splits an instant into its date and time of day in Viet Nam. */
export function toLocal(instant: Date): LocalTime {
  const local = instant.getTime() + offsetMs(instant.getTime());
  const day = Math.floor(local / DAY_MS);
  return { day, ms: local - day * DAY_MS };
}

/** Returns the instant of a time of day in Viet Nam; ms may reach DAY_MS (the next midnight). */
export function fromLocal(day: number, ms = 0): Date {
  const wallClock = day * DAY_MS + ms;
  // Viet Nam has kept UTC+7 without daylight saving since 1975; the offset is still asked of
  // the time-zone database so that dates before then come out right too.
  const guess = wallClock - offsetMs(wallClock);
  return new Date(wallClock - offsetMs(guess));
}

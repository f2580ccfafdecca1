/**
 * Vietnamese lunisolar calendar. Lunar months start on the day of the astronomical new moon, and
 * the month holding the winter solstice is month 11, both reckoned in Viet Nam's time zone
 * (UTC+7). The Chinese calendar reckons the same rules at UTC+8, which is why the two differ in
 * some years (the lunar New Year of 1985 and of 2007, for example).
 *
 * The new-moon and solar-longitude series are the low-precision ones of Jean Meeus,
 * "Astronomical Algorithms" (1998), chapters 25 and 49, as used for Vietnamese calendar
 * conversion by Hồ Ngọc Đức. They are accurate to a few minutes for the years a portal needs.
 */

/** Hours ahead of UTC in which Vietnamese calendar dates are reckoned. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;

const DEGREE = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;
/** Julian day number of the new moon of 1 January 1900, the origin of the lunation count. */
const LUNATION_ORIGIN = 2415021.076998695;

export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Returns the Julian day number of a date of the proleptic Gregorian calendar (Julian before 15 October 1582). */
export function julianDayNumber({ year, month, day }: SolarDate): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const gregorian = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  if (gregorian >= 2299161) return gregorian;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
}

/** Returns the calendar date of a Julian day number. */
export function fromJulianDayNumber(jdn: number): SolarDate {
  let b: number;
  let c: number;
  if (jdn > 2299160) {
    const a = jdn + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jdn + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

/** Returns the Julian date (UT) of the k-th new moon after that of 1 January 1900. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const sin = (degrees: number) => Math.sin(degrees * DEGREE);
  let correction = (0.1734 - 0.000393 * t) * sin(sunAnomaly) + 0.0021 * sin(2 * sunAnomaly);
  correction += -0.4068 * sin(moonAnomaly) + 0.0161 * sin(2 * moonAnomaly) - 0.0004 * sin(3 * moonAnomaly);
  correction += 0.0104 * sin(2 * latitude) - 0.0051 * sin(sunAnomaly + moonAnomaly) - 0.0074 * sin(sunAnomaly - moonAnomaly);
  correction += 0.0004 * sin(2 * latitude + sunAnomaly) - 0.0004 * sin(2 * latitude - sunAnomaly) - 0.0006 * sin(2 * latitude + moonAnomaly);
  correction += 0.001 * sin(2 * latitude - moonAnomaly) + 0.0005 * sin(2 * moonAnomaly + sunAnomaly);
  // Difference between dynamical and universal time, in days.
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** Returns the Sun's apparent longitude in radians, in [0, 2π), at a Julian date (UT). */
function sunLongitude(julianDate: number): number {
  const t = (julianDate - 2451545.0) / 36525;
  const t2 = t * t;
  const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let centre = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEGREE * meanAnomaly);
  centre += (0.019993 - 0.000101 * t) * Math.sin(DEGREE * 2 * meanAnomaly) + 0.00029 * Math.sin(DEGREE * 3 * meanAnomaly);
  const longitude = (meanLongitude + centre) * DEGREE;
  return longitude - Math.PI * 2 * Math.floor(longitude / (Math.PI * 2));
}

/** Returns the local day number on which the k-th new moon falls. */
const newMoonDay = (k: number, offsetHours: number) => Math.floor(newMoon(k) + 0.5 + offsetHours / 24);

/** Returns the Sun's longitude sector (0 to 11, 30° each, 0 at the March equinox) at the start of a local day. */
const sunSector = (dayNumber: number, offsetHours: number) => Math.floor((sunLongitude(dayNumber - 0.5 - offsetHours / 24) / Math.PI) * 6);

/** Returns the day number on which lunar month 11 (the month of the winter solstice) starts, for a solar year. */
function month11Start(year: number, offsetHours: number): number {
  const k = Math.floor((julianDayNumber({ year, month: 12, day: 31 }) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, offsetHours);
  // Sector 9 starts at the winter solstice: a month starting after it is month 12, not 11.
  return sunSector(start, offsetHours) >= 9 ? newMoonDay(k - 1, offsetHours) : start;
}

/** Returns which month after month 11 is the leap month, in a lunar year of 13 months. */
function leapMonthOffset(month11: number, offsetHours: number): number {
  const k = Math.floor((month11 - LUNATION_ORIGIN) / SYNODIC_MONTH + 0.5);
  let index = 1;
  let sector = sunSector(newMoonDay(k + index, offsetHours), offsetHours);
  let previous: number;
  // The leap month is the first month in which the Sun enters no new sector (no major solar term).
  do {
    previous = sector;
    index += 1;
    sector = sunSector(newMoonDay(k + index, offsetHours), offsetHours);
  } while (sector !== previous && index < 14);
  return index - 1;
}

/**
 * Converts a lunar date to the solar date. Returns null for a leap month that the year does not
 * have. The offset defaults to Viet Nam's; UTC+8 gives the Chinese calendar.
 */
export function lunarToSolar(lunar: LunarDate, offsetHours = VIETNAM_UTC_OFFSET_HOURS): SolarDate | null {
  const [a11, b11] =
    lunar.month < 11
      ? [month11Start(lunar.year - 1, offsetHours), month11Start(lunar.year, offsetHours)]
      : [month11Start(lunar.year, offsetHours), month11Start(lunar.year + 1, offsetHours)];
  const k = Math.floor(0.5 + (a11 - LUNATION_ORIGIN) / SYNODIC_MONTH);
  let offset = lunar.month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, offsetHours);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (lunar.leap && lunar.month !== leapMonth) return null;
    if (lunar.leap || offset >= leapOffset) offset += 1;
  } else if (lunar.leap) {
    return null;
  }
  return fromJulianDayNumber(newMoonDay(k + offset, offsetHours) + lunar.day - 1);
}

/** Returns the solar date of the lunar New Year (Tết Nguyên đán) of a year. */
export const lunarNewYear = (year: number, offsetHours = VIETNAM_UTC_OFFSET_HOURS) =>
  lunarToSolar({ year, month: 1, day: 1, leap: false }, offsetHours) as SolarDate;

/** Returns the solar date of the Hùng Kings' commemoration day, the 10th day of the 3rd lunar month. */
export const hungKingsDay = (year: number) => lunarToSolar({ year, month: 3, day: 10, leap: false }) as SolarDate;

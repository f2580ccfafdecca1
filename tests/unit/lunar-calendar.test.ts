import { hungKingsDay, julianDayNumber, fromJulianDayNumber, lunarNewYear, lunarToSolar } from '../../plugins/publication-deadlines/server/src/calendar/lunar';

const iso = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

// Solar dates of the Vietnamese lunar New Year (Tết), as published in Vietnamese calendars.
const TET: [number, string][] = [
  [1985, '1985-01-21'],
  [1990, '1990-01-27'],
  [2000, '2000-02-05'],
  [2007, '2007-02-17'],
  [2010, '2010-02-14'],
  [2011, '2011-02-03'],
  [2012, '2012-01-23'],
  [2013, '2013-02-10'],
  [2014, '2014-01-31'],
  [2015, '2015-02-19'],
  [2016, '2016-02-08'],
  [2017, '2017-01-28'],
  [2018, '2018-02-16'],
  [2019, '2019-02-05'],
  [2020, '2020-01-25'],
  [2021, '2021-02-12'],
  [2022, '2022-02-01'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2028, '2028-01-26'],
  [2029, '2029-02-13'],
];

test.each(TET)('Tết %i falls on %s', (year, expected) => {
  expect(iso(lunarNewYear(year))).toBe(expected);
});

test('1985 and 2007 differ from the Chinese calendar', () => {
  expect(iso(lunarNewYear(1985, 8))).toBe('1985-02-20');
  expect(iso(lunarNewYear(2007, 8))).toBe('2007-02-18');
});

test.each([
  [2023, '2023-04-29'],
  [2024, '2024-04-18'],
  [2025, '2025-04-07'],
  [2026, '2026-04-26'],
])('Hùng Kings day %i falls on %s', (year, expected) => {
  expect(iso(hungKingsDay(year))).toBe(expected);
});

test('leap month 2023 exists only as month 2', () => {
  // 2023 had a leap second month (tháng 2 nhuận), starting on 22 March 2023.
  expect(iso(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })!)).toBe('2023-03-22');
  expect(lunarToSolar({ year: 2023, month: 5, day: 1, leap: true })).toBeNull();
  expect(lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toBeNull();
});

test('Julian day numbers round-trip', () => {
  expect(julianDayNumber({ year: 2000, month: 1, day: 1 })).toBe(2451545);
  for (const day of [2415021, 2451545, 2460000, 2299160, 2299161]) expect(julianDayNumber(fromJulianDayNumber(day))).toBe(day);
});

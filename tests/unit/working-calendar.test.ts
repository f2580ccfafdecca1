import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ANNOUNCED_YEARS } from '../../plugins/publication-deadlines/server/src/calendar/announced';
import { dayOf, isoOf } from '../../plugins/publication-deadlines/server/src/calendar/days';
import { proposeYear } from '../../plugins/publication-deadlines/server/src/calendar/statutory';
import { DayByDayCalendar, WorkingCalendar, type SpecialDay } from '../../plugins/publication-deadlines/server/src/calendar/working-calendar';
import { dueOf, extend, noonRuleOf, pauseLength } from '../../plugins/publication-deadlines/server/src/clock';
import { RULES } from '../../plugins/publication-deadlines/server/src/rules';

/** An instant given in Viet Nam time. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
const iso = (date: Date | null) => date?.toISOString();

function specialDays(): SpecialDay[] {
  const days: SpecialDay[] = [];
  for (let year = 2020; year <= 2030; year += 1) {
    const announced = ANNOUNCED_YEARS.find((table) => table.year === year);
    for (const entry of announced?.entries ?? proposeYear(year)) days.push({ day: dayOf(entry.date)!, kind: entry.kind });
  }
  return days;
}

const calendar = new WorkingCalendar(specialDays());
const reference = new DayByDayCalendar(specialDays());
const day = (text: string) => dayOf(text)!;
const hours = (amount: number) => ({ unit: 'hours' as const, amount });
const workingDays = (amount: number) => ({ unit: 'working_days' as const, amount });
const noon = { unit: 'noon_cut_off' as const };

describe('working days', () => {
  it('counts the 2025 make-up Saturday and skips the swapped Friday', () => {
    expect(calendar.isWorkingDay(day('2025-04-26'))).toBe(true);
    expect(calendar.isWorkingDay(day('2025-05-02'))).toBe(false);
    expect(calendar.isWorkingDay(day('2025-04-27'))).toBe(false);
  });

  it('gives Monday 27 April 2026 off for the Hùng Kings day on a Sunday', () => {
    expect(calendar.isWorkingDay(day('2026-04-27'))).toBe(false);
    expect(calendar.isWorkingDay(day('2026-04-28'))).toBe(true);
  });

  it('takes Tết 2026 off from Monday 16 to Friday 20 February', () => {
    const offs = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => calendar.isWorkingDay(day(date)));
    expect(offs).toEqual([false, false, false, false, false]);
    expect(calendar.isWorkingDay(day('2026-02-23'))).toBe(true);
  });

  it('works the make-up Saturdays of 10 January and 22 August 2026', () => {
    expect(calendar.isWorkingDay(day('2026-01-10'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-08-22'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-01-02'))).toBe(false);
    expect(calendar.isWorkingDay(day('2026-08-31'))).toBe(false);
  });

  it('agrees with a day-by-day count over random spans of 2020–2030', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const first = day('2020-01-01');
    for (let trial = 0; trial < 2000; trial += 1) {
      const from = first + Math.floor(random() * 3650);
      const to = from + Math.floor(random() * 400);
      expect(calendar.workingDaysBetween(from, to)).toBe(reference.workingDaysBetween(from, to));
      const n = 1 + Math.floor(random() * 60);
      expect(isoOf(calendar.addWorkingDays(from, n))).toBe(isoOf(reference.addWorkingDays(from, n)));
    }
  });
});

describe('statutory proposal for a year without an announced schedule', () => {
  it('places Tết 2025 from the eve of the lunar New Year, with Monday off for the Saturday', () => {
    const entries = proposeYear(2025);
    const tet = entries.filter((entry) => entry.nameEn === 'Lunar New Year (Tết)').map((entry) => entry.date);
    expect(tet).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']);
    expect(entries.find((entry) => entry.date === '2025-02-03')?.kind).toBe('compensatory_day_off');
  });

  it('matches the announced Hùng Kings day of 2026 and its Monday off', () => {
    const entries = proposeYear(2026);
    expect(entries.find((entry) => entry.date === '2026-04-26')?.kind).toBe('holiday');
    expect(entries.find((entry) => entry.date === '2026-04-27')?.kind).toBe('compensatory_day_off');
  });

  it('gives National Day an adjacent day: the Monday before a Tuesday, otherwise the day after', () => {
    expect(proposeYear(2025).filter((entry) => entry.nameEn === 'National Day').map((entry) => entry.date)).toEqual(['2025-09-01', '2025-09-02']);
    expect(proposeYear(2027).filter((entry) => entry.nameEn === 'National Day').map((entry) => entry.date)).toEqual(['2027-09-02', '2027-09-03']);
  });
});

describe('noon cut-off (D6, D7)', () => {
  it('publishes a document stamped at 11:59 the same day', () => {
    const stamp = vn('2026-12-03T11:59');
    expect(noonRuleOf(calendar, stamp)).toBe('D6');
    expect(iso(dueOf(calendar, noon, stamp))).toBe('2026-12-03T17:00:00.000Z');
  });

  it('publishes a document stamped at 12:00 before noon of the next working day', () => {
    const stamp = vn('2026-12-03T12:00');
    expect(noonRuleOf(calendar, stamp)).toBe('D7');
    expect(iso(dueOf(calendar, noon, stamp))).toBe('2026-12-04T05:00:00.000Z');
  });

  it('carries a Friday-evening stamp before Tết 2025 to noon of Monday 3 February', () => {
    const stamp = vn('2025-01-24T18:30');
    expect(noonRuleOf(calendar, stamp)).toBe('D7');
    expect(iso(dueOf(calendar, noon, stamp))).toBe(iso(vn('2025-02-03T12:00')));
  });

  it('treats a stamp on a day off as received at the start of the next working day', () => {
    const stamp = vn('2026-02-17T09:00');
    expect(noonRuleOf(calendar, stamp)).toBe('D6');
    expect(iso(dueOf(calendar, noon, stamp))).toBe(iso(vn('2026-02-24T00:00')));
  });
});

describe('hour and working-day clocks', () => {
  it('counts hours day and night, across a weekend', () => {
    expect(iso(dueOf(calendar, hours(12), vn('2025-01-24T20:00')))).toBe(iso(vn('2025-01-25T08:00')));
    expect(iso(dueOf(calendar, hours(6), vn('2026-12-04T21:15')))).toBe(iso(vn('2026-12-05T03:15')));
  });

  it('runs a 3-working-day clock across the 2025 make-up Saturday', () => {
    expect(iso(dueOf(calendar, workingDays(3), vn('2025-04-24T10:00')))).toBe(iso(vn('2025-04-28T10:00')));
  });

  it('runs a 1-working-day clock from Friday evening before Tết 2025 to Monday 3 February', () => {
    expect(iso(dueOf(calendar, workingDays(1), vn('2025-01-24T18:30')))).toBe(iso(vn('2025-02-03T18:30')));
  });

  it('starts a working-day clock stamped on a Saturday from Monday midnight', () => {
    expect(iso(dueOf(calendar, workingDays(1), vn('2026-12-05T10:00')))).toBe(iso(vn('2026-12-08T00:00')));
  });

  it('extends a paused working-day clock by the working time it stood still', () => {
    const start = vn('2026-12-01T09:00');
    const due = dueOf(calendar, workingDays(3), start)!;
    expect(iso(due)).toBe(iso(vn('2026-12-04T09:00')));
    // Paused from Wednesday 15:00 to Saturday 10:00: 9 h on Wednesday, 24 h Thursday, 24 h Friday.
    const stood = pauseLength(calendar, workingDays(3), vn('2026-12-02T15:00'), vn('2026-12-05T10:00'));
    expect(stood).toBe(57 * 3_600_000);
    expect(iso(extend(calendar, workingDays(3), due, stood))).toBe(iso(vn('2026-12-08T18:00')));
  });
});

describe('server time zone', () => {
  // The plugin as compiled for Strapi, run in processes whose zone differs (global setup builds it).
  const script = `
    const dist = ${JSON.stringify(path.join(__dirname, '../../plugins/publication-deadlines/dist'))};
    const { ANNOUNCED_YEARS } = require(dist + '/calendar/announced');
    const { dayOf } = require(dist + '/calendar/days');
    const { proposeYear } = require(dist + '/calendar/statutory');
    const { WorkingCalendar } = require(dist + '/calendar/working-calendar');
    const { dueOf } = require(dist + '/clock');
    const days = [];
    for (let year = 2020; year <= 2030; year += 1) {
      const announced = ANNOUNCED_YEARS.find((table) => table.year === year);
      for (const entry of announced ? announced.entries : proposeYear(year)) days.push({ day: dayOf(entry.date), kind: entry.kind });
    }
    const calendar = new WorkingCalendar(days);
    const vn = (local) => new Date(local + ':00+07:00');
    const results = [
      dueOf(calendar, { unit: 'noon_cut_off' }, vn('2026-12-03T11:59')),
      dueOf(calendar, { unit: 'noon_cut_off' }, vn('2025-01-24T18:30')),
      dueOf(calendar, { unit: 'working_days', amount: 3 }, vn('2025-04-24T10:00')),
      dueOf(calendar, { unit: 'working_days', amount: 1 }, vn('2026-12-05T10:00')),
    ].map((date) => date.toISOString());
    process.stdout.write(JSON.stringify({ offset: new Date('2026-07-01T00:00:00Z').getTimezoneOffset(), results }));
  `;
  const runIn = (zone: string) => JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone } }).toString());

  it('gives the same instants on servers in UTC, Los Angeles and Kiritimati', () => {
    const utc = runIn('UTC');
    const losAngeles = runIn('America/Los_Angeles');
    const kiritimati = runIn('Pacific/Kiritimati');
    expect([utc.offset, losAngeles.offset, kiritimati.offset]).toEqual([0, 420, -840]);
    expect(utc.results).toEqual([
      '2026-12-03T17:00:00.000Z',
      iso(vn('2025-02-03T12:00')),
      iso(vn('2025-04-28T10:00')),
      iso(vn('2026-12-08T00:00')),
    ]);
    expect(losAngeles.results).toEqual(utc.results);
    expect(kiritimati.results).toEqual(utc.results);
  });
});

describe('rules table', () => {
  it('has every row D1–D12 of the regulation', () => {
    expect(RULES.map((rule) => rule.code)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12']);
  });
});

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ANNOUNCED_YEARS } from '../calendar/announced';
import { dayOf, isWeekend, yearOf } from '../calendar/days';
import { LABOUR_CODE_BASIS, proposeYear, type CalendarEntry } from '../calendar/statutory';
import { DAY_KINDS, WorkingCalendar, type DayKind, type SpecialDay } from '../calendar/working-calendar';
import { CALENDAR_RANGE, CALENDAR_YEAR_UID } from '../constants';

export interface CalendarYear {
  year: number;
  status: 'announced' | 'provisional';
  source: string;
  sourceDate: string | null;
  entries: CalendarEntry[];
  updatedAt?: string | null;
}

interface YearRow {
  id: number;
  year: number;
  source: string;
  sourceDate: string | null;
  entries: CalendarEntry[];
  updatedAt: string | null;
}

const NAME_MAX = 200;
/** The NUL character, which PostgreSQL cannot store in text or JSON columns. */
const NUL = '\u0000';

/** Checks one year's table as an administrator sends it; returns the sentences of each problem. */
export function validateYear(year: number, body: unknown): { problems: string[]; value?: Omit<CalendarYear, 'status'> } {
  const problems: string[] = [];

  const input = (body ?? {}) as Record<string, unknown>;
  const source = typeof input.source === 'string' ? input.source.normalize('NFC').trim() : '';
  if (!source) problems.push('source is required: give the number and date of the notice that announced the schedule.');
  else if (source.includes(NUL)) problems.push('source is invalid: it contains a NUL character, which the database cannot store; remove it.');
  let sourceDate: string | null = null;
  if (input.sourceDate !== undefined && input.sourceDate !== null && input.sourceDate !== '') {
    if (typeof input.sourceDate !== 'string' || dayOf(input.sourceDate) === null) problems.push(`sourceDate "${String(input.sourceDate)}" is not a date; use YYYY-MM-DD.`);
    else sourceDate = input.sourceDate;
  }
  if (!Array.isArray(input.entries)) {
    problems.push('entries must be a list of { date, kind, nameVi, nameEn }.');
    return { problems };
  }
  const seen = new Set<string>();
  const entries: CalendarEntry[] = [];
  input.entries.forEach((raw, index) => {
    const entry = (raw ?? {}) as Record<string, unknown>;
    const field = `entries[${index}]`;
    const date = typeof entry.date === 'string' ? entry.date : '';
    const day = dayOf(date);
    if (day === null) {
      problems.push(`${field}.date "${String(entry.date)}" is not a date; use YYYY-MM-DD.`);
      return;
    }
    if (yearOf(day) !== year) problems.push(`${field}.date ${date} is not in ${year}; put it in the table of its own year.`);
    if (seen.has(date)) problems.push(`${field}.date ${date} is listed twice; keep one entry per date.`);
    seen.add(date);
    const kind = entry.kind as DayKind;
    if (!DAY_KINDS.includes(kind)) {
      problems.push(`${field}.kind "${String(entry.kind)}" is invalid; use one of ${DAY_KINDS.join(', ')}.`);
      return;
    }
    if (kind === 'make_up_working_day' && !isWeekend(day)) problems.push(`${field} ${date} is a weekday; a make-up working day falls on a Saturday or Sunday.`);
    if ((kind === 'compensatory_day_off' || kind === 'swapped_day_off') && isWeekend(day)) {
      problems.push(`${field} ${date} is a weekend day; a ${kind.replace(/_/g, ' ')} falls on a weekday.`);
    }
    const names: Record<string, string> = {};
    for (const name of ['nameVi', 'nameEn'] as const) {
      const text = typeof entry[name] === 'string' ? (entry[name] as string).normalize('NFC').trim() : '';
      if (!text) problems.push(`${field}.${name} is required: name the day in ${name === 'nameVi' ? 'Vietnamese' : 'English'}.`);
      else if (text.length > NAME_MAX) problems.push(`${field}.${name} is longer than ${NAME_MAX} characters; shorten it.`);
      else if (text.includes(NUL)) problems.push(`${field}.${name} is invalid: it contains a NUL character, which the database cannot store; remove it.`);
      names[name] = text;
    }
    const entrySource = typeof entry.source === 'string' && entry.source.trim() ? entry.source.normalize('NFC').trim() : null;
    if (entrySource?.includes(NUL)) problems.push(`${field}.source is invalid: it contains a NUL character, which the database cannot store; remove it.`);
    entries.push({ date, kind, nameVi: names.nameVi, nameEn: names.nameEn, ...(entrySource ? { source: entrySource } : {}) });
  });
  const madeUp = entries.filter((entry) => entry.kind === 'make_up_working_day').length;
  const swapped = entries.filter((entry) => entry.kind === 'swapped_day_off').length;
  if (swapped > madeUp) problems.push(`${swapped} swapped days off but ${madeUp} make-up working days; each swapped day off needs its make-up day.`);
  if (problems.length > 0) return { problems };
  entries.sort((a, b) => a.date.localeCompare(b.date));
  return { problems, value: { year, source, sourceDate, entries } };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { key: string; calendar: WorkingCalendar } | null = null;

  /** Returns a fingerprint of the stored tables, so that an edit in any process is seen at once. */
  async function storedVersion(): Promise<string> {
    // Through the query engine, so that inside a transition the read joins its transaction.
    const years = strapi.db.query(CALENDAR_YEAR_UID);
    const [count, [latest]] = await Promise.all([years.count({}), years.findMany({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' }, limit: 1 })]);
    const stamp = latest?.updatedAt instanceof Date ? latest.updatedAt.toISOString() : String(latest?.updatedAt ?? '');
    return `${count}:${stamp}`;
  }

  async function storedYears(): Promise<Map<number, YearRow>> {
    const rows: YearRow[] = await strapi.db.query(CALENDAR_YEAR_UID).findMany({ orderBy: { year: 'asc' } });
    return new Map(rows.map((row) => [row.year, row]));
  }

  return {
    /** Writes the announced schedules of the seed into years that have no table yet. */
    async seedAnnouncedYears() {
      const stored = await storedYears();
      for (const announced of ANNOUNCED_YEARS) {
        if (stored.has(announced.year)) continue;
        await strapi.db.query(CALENDAR_YEAR_UID).create({ data: announced });
        strapi.log.info(`[publication-deadlines] Seeded the working calendar of ${announced.year}.`);
      }
    },

    /** Returns the working calendar, rebuilt when a stored table changes. */
    async current(): Promise<WorkingCalendar> {
      const key = await storedVersion();
      if (cached?.key === key) return cached.calendar;
      const stored = await storedYears();
      const specialDays: SpecialDay[] = [];
      for (let year = CALENDAR_RANGE.first; year <= CALENDAR_RANGE.last; year += 1) {
        const entries = stored.get(year)?.entries ?? proposeYear(year);
        for (const entry of entries) specialDays.push({ day: dayOf(entry.date)!, kind: entry.kind });
      }
      cached = { key, calendar: new WorkingCalendar(specialDays) };
      return cached.calendar;
    },

    async year(year: number): Promise<CalendarYear> {
      const row: YearRow | null = await strapi.db.query(CALENDAR_YEAR_UID).findOne({ where: { year } });
      if (row) return { year, status: 'announced', source: row.source, sourceDate: row.sourceDate, entries: row.entries, updatedAt: row.updatedAt };
      return { year, status: 'provisional', source: `${LABOUR_CODE_BASIS} (đề xuất, chưa có thông báo)`, sourceDate: null, entries: proposeYear(year) };
    },

    async announcedYears(): Promise<number[]> {
      return [...(await storedYears()).keys()];
    },

    /** Replaces a year's table; a validation problem is a 400 naming the field. */
    async saveYear(year: number, body: unknown, userId: number | null): Promise<CalendarYear> {
      const { problems, value } = validateYear(year, body);
      if (problems.length > 0 || !value) throw new errors.ValidationError(problems.join(' '), { problems });
      const existing = await strapi.db.query(CALENDAR_YEAR_UID).findOne({ where: { year } });
      const data = { source: value.source, sourceDate: value.sourceDate, entries: value.entries, updatedBy: userId };
      if (existing) await strapi.db.query(CALENDAR_YEAR_UID).update({ where: { id: existing.id }, data });
      else await strapi.db.query(CALENDAR_YEAR_UID).create({ data: { year, ...data, createdBy: userId } });
      const moved: number = await strapi.plugin('publication-deadlines').service('timers').recomputeWorkingDayClocks();
      strapi.log.info(`[publication-deadlines] Working calendar of ${year} saved by admin user ${userId ?? 'unknown'} (${value.entries.length} entries); ${moved} due times moved.`);
      return this.year(year);
    },
  };
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { dayOf, isoOf, isWeekend } from '../calendar/days';
import { CALENDAR_RANGE } from '../constants';
import type { CalendarYear } from '../services/calendar';

type Context = {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  request: { body?: unknown };
  state: { user?: { id: number } };
  body: unknown;
};

// The years for which the working calendar is built.
const FIRST_YEAR = CALENDAR_RANGE.first;
const LAST_YEAR = CALENDAR_RANGE.last;

function parseYear(value: string | undefined, field: string): number {
  if (value === undefined || value === '') throw new errors.ValidationError(`${field} is required, for example ${field}=2026.`);
  // Four digits only: Number() would also read "0x7EA", "2026.0" or "+2026" as a year.
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new errors.ValidationError(`${field} "${value}" is invalid; use a year from ${FIRST_YEAR} to ${LAST_YEAR}.`);
  }
  return year;
}

/** Lists the dates of a year that are not ordinary Monday-to-Friday working days, for frontends. */
function publicDates(table: CalendarYear, withWeekends: boolean) {
  const listed = new Map(table.entries.map((entry) => [entry.date, entry]));
  const dates = table.entries.map((entry) => ({
    date: entry.date,
    kind: entry.kind,
    name: { vi: entry.nameVi, en: entry.nameEn },
    source: entry.source ?? table.source,
  }));
  if (withWeekends) {
    for (let day = dayOf(`${table.year}-01-01`)!; day <= dayOf(`${table.year}-12-31`)!; day += 1) {
      if (isWeekend(day) && !listed.has(isoOf(day))) dates.push({ date: isoOf(day), kind: 'weekend' as never, name: { vi: 'Nghỉ hằng tuần', en: 'Weekly rest day' }, source: table.source });
    }
  }
  return dates.sort((a, b) => a.date.localeCompare(b.date));
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const calendar = () => strapi.plugin('publication-deadlines').service('calendar');

  return {
    /** Public: GET /api/publication-deadlines/calendar?year=2026[&weekends=true]. */
    async find(ctx: Context) {
      const year = parseYear(ctx.query.year, 'year');
      const { weekends } = ctx.query;
      if (weekends !== undefined && weekends !== 'true' && weekends !== 'false') {
        throw new errors.ValidationError(`weekends "${weekends}" is invalid; use "true" or "false".`);
      }
      const table: CalendarYear = await calendar().year(year);
      ctx.body = {
        data: publicDates(table, weekends === 'true'),
        meta: { year, status: table.status, source: table.source, sourceDate: table.sourceDate, timeZone: 'Asia/Ho_Chi_Minh' },
      };
    },

    async listYears(ctx: Context) {
      ctx.body = { data: await calendar().announcedYears() };
    },

    async findYear(ctx: Context) {
      ctx.body = { data: await calendar().year(parseYear(ctx.params.year, 'year')) };
    },

    async saveYear(ctx: Context) {
      const year = parseYear(ctx.params.year, 'year');
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      ctx.body = { data: await calendar().saveYear(year, body.data ?? body, ctx.state.user?.id ?? null) };
    },
  };
};

import { errors } from '@strapi/utils';
import { VIET_NAM_OFFSET_MS } from './constants';

/** One calendar month of a report period, clipped to the period. */
export interface MonthBucket {
  /** Calendar month in Viet Nam time, `YYYY-MM`. */
  key: string;
  start: Date;
  end: Date;
}

/**
 * A report period. The days are calendar days in Viet Nam time; `start` is Viet Nam midnight at
 * the beginning of `from` and `end` is Viet Nam midnight after `to` (exclusive), both as instants.
 */
export interface Period {
  kind: 'range' | 'year' | 'half' | 'quarter';
  year?: number;
  half?: 1 | 2;
  quarter?: 1 | 2 | 3 | 4;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  to: string;
  start: Date;
  end: Date;
  months: MonthBucket[];
}

/** Longest period a report covers, in calendar months. */
export const MAX_PERIOD_MONTHS = 36;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the instant of Viet Nam midnight at the start of a calendar day (month may overflow). */
export const vietNamMidnight = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day) - VIET_NAM_OFFSET_MS);

const pad = (value: number) => String(value).padStart(2, '0');
const dayText = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function parseDay(value: string, field: string): { year: number; month: number; day: number } {
  const match = DAY_PATTERN.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > lastDayOf(year, month)) {
    throw new errors.ValidationError(`${field} "${value}" is not a calendar date; use YYYY-MM-DD, for example 2025-01-31.`);
  }
  return { year, month, day };
}

function parseWhole(value: string, field: string, min: number, max: number, hint: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw new errors.ValidationError(`${field} "${value}" is invalid; use ${hint}.`);
  }
  return parsed;
}

/** Lists the calendar months that a period touches, each clipped to the period. */
function monthsOf(start: Date, end: Date, first: { year: number; month: number }): MonthBucket[] {
  const months: MonthBucket[] = [];
  let { year, month } = first;
  for (;;) {
    const monthStart = vietNamMidnight(year, month, 1);
    if (monthStart >= end) break;
    const monthEnd = vietNamMidnight(year, month + 1, 1);
    months.push({ key: `${year}-${pad(month)}`, start: monthStart < start ? start : monthStart, end: monthEnd > end ? end : monthEnd });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

function build(kind: Period['kind'], from: { year: number; month: number; day: number }, to: { year: number; month: number; day: number }, extra: Partial<Period>): Period {
  const start = vietNamMidnight(from.year, from.month, from.day);
  const end = vietNamMidnight(to.year, to.month, to.day + 1);
  return {
    kind,
    ...extra,
    from: dayText(from.year, from.month, from.day),
    to: dayText(to.year, to.month, to.day),
    start,
    end,
    months: monthsOf(start, end, from),
  };
}

export interface PeriodQuery {
  from?: string;
  to?: string;
  year?: string;
  half?: string;
  quarter?: string;
}

const PERIOD_HINT = 'give from and to (YYYY-MM-DD), or year with half (1 or 2) or quarter (1 to 4), or year alone for a whole year';

/**
 * Parses the period of a report from `from`/`to`, or `year` with `half` or `quarter`, or `year`
 * alone. Every form is cut at Viet Nam midnight. Invalid or mixed forms raise a ValidationError
 * that names the parameter.
 */
export function parsePeriod(query: PeriodQuery, allowed: readonly Period['kind'][] = ['range', 'year', 'half', 'quarter']): Period {
  const { from, to, year, half, quarter } = query;
  const usesRange = from !== undefined || to !== undefined;
  const usesYear = year !== undefined || half !== undefined || quarter !== undefined;
  if (usesRange && usesYear) {
    throw new errors.ValidationError('from/to cannot be combined with year, half or quarter; use one form of period.');
  }
  if (!usesRange && !usesYear) throw new errors.ValidationError(`The period is missing; ${PERIOD_HINT}.`);

  let period: Period;
  if (usesRange) {
    if (from === undefined) throw new errors.ValidationError('from is missing; give the first day of the period as YYYY-MM-DD.');
    if (to === undefined) throw new errors.ValidationError('to is missing; give the last day of the period as YYYY-MM-DD.');
    const first = parseDay(from, 'from');
    const last = parseDay(to, 'to');
    if (dayText(last.year, last.month, last.day) < dayText(first.year, first.month, first.day)) {
      throw new errors.ValidationError(`to "${to}" is before from "${from}"; give the last day of the period on or after the first.`);
    }
    period = build('range', first, last, {});
    if (period.months.length > MAX_PERIOD_MONTHS) {
      throw new errors.ValidationError(`The period from ${from} to ${to} spans more than ${MAX_PERIOD_MONTHS} months; ask for a shorter period.`);
    }
  } else {
    if (year === undefined) throw new errors.ValidationError('year is missing; half and quarter need a year, for example year=2025&half=1.');
    const y = parseWhole(year, 'year', 2000, 2100, 'a year from 2000 to 2100');
    if (half !== undefined && quarter !== undefined) {
      throw new errors.ValidationError('half and quarter cannot be combined; give one of them, or neither for the whole year.');
    }
    if (half !== undefined) {
      const h = parseWhole(half, 'half', 1, 2, '1 (January to June) or 2 (July to December)') as 1 | 2;
      const firstMonth = h === 1 ? 1 : 7;
      period = build('half', { year: y, month: firstMonth, day: 1 }, { year: y, month: firstMonth + 5, day: lastDayOf(y, firstMonth + 5) }, { year: y, half: h });
    } else if (quarter !== undefined) {
      const q = parseWhole(quarter, 'quarter', 1, 4, '1 to 4') as 1 | 2 | 3 | 4;
      const firstMonth = (q - 1) * 3 + 1;
      period = build('quarter', { year: y, month: firstMonth, day: 1 }, { year: y, month: firstMonth + 2, day: lastDayOf(y, firstMonth + 2) }, { year: y, quarter: q });
    } else {
      period = build('year', { year: y, month: 1, day: 1 }, { year: y, month: 12, day: 31 }, { year: y });
    }
  }
  if (!allowed.includes(period.kind)) {
    throw new errors.ValidationError(`This report does not take a ${period.kind === 'range' ? 'from/to' : period.kind} period; use ${allowed.map((kind) => (kind === 'range' ? 'from and to' : kind === 'year' ? 'year alone' : `year with ${kind}`)).join(', or ')}.`);
  }
  return period;
}

/** Returns the period as JSON: its days and instants, without the month buckets. */
export const describePeriod = (period: Period) => ({
  kind: period.kind,
  ...(period.year !== undefined ? { year: period.year } : {}),
  ...(period.half !== undefined ? { half: period.half } : {}),
  ...(period.quarter !== undefined ? { quarter: period.quarter } : {}),
  from: period.from,
  to: period.to,
  start: period.start.toISOString(),
  end: period.end.toISOString(),
  timeZone: 'Asia/Ho_Chi_Minh',
});

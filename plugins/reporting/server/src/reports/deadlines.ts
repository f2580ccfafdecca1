import type { Core } from '@strapi/strapi';
import { requireAvailable } from './dependencies';
import { bucketIndex, Conditions, isPostgres, percentileSql, secondsBetween, selectRows, toNumber, toSeconds } from './sql';
import { column, type ReportRequest, type ReportResult } from './types';
import { unitDirectory } from './units';
import { unitColumns } from './workflow';

interface Counts {
  due: number;
  onTime: number;
  metLate: number;
  breachedOpen: number;
  running: number;
}

const emptyCounts = (): Counts => ({ due: 0, onTime: 0, metLate: 0, breachedOpen: 0, running: 0 });

/** Share of decided timers that were met on time, in percent with one decimal, or null when none is decided. */
const onTimeRate = (counts: Counts) => {
  const decided = counts.onTime + counts.metLate + counts.breachedOpen;
  return decided === 0 ? null : Math.round((counts.onTime / decided) * 1000) / 10;
};

/**
 * Reports the statutory publication deadlines (D1–D12) whose due time falls in the period. The
 * due time is the first late instant, so a timer met before it is on time. Per rule, unit,
 * content type and month it counts the timers met on time, met late, and open past their due
 * time. Paused timers and those not yet due count as running. The median and 90th percentile
 * delay of the late ones are given per rule, an open one measured up to the time of the report.
 * Cancelled timers do not count.
 */
export async function deadlinesReport(strapi: Core.Strapi, request: ReportRequest): Promise<ReportResult> {
  requireAvailable(strapi, 'deadlines');
  const { period, filters, now } = request;
  const conditions = () =>
    new Conditions()
      .add('d.due_at >= ?', period.start)
      .add('d.due_at < ?', period.end)
      .add("d.status <> 'cancelled'")
      .addIf(filters.unit, 'd.unit_document_id = ?', filters.unit)
      .addIf(filters.contentType, 'd.content_type = ?', filters.contentType)
      .addIf(filters.locale, 'd.entry_locale = ?', filters.locale);
  const OPEN_LATE = "d.met_at IS NULL AND d.status IN ('running', 'breached') AND d.due_at <= ?";

  const where = conditions();
  const bucket = bucketIndex('d.due_at', period.months);
  const groupedQuery = selectRows<Record<string, unknown>>(
    strapi,
    `SELECT d.rule_code, d.unit_document_id AS unit, d.content_type, ${bucket.sql} AS month_index,
       COUNT(*) AS due,
       SUM(CASE WHEN d.met_at IS NOT NULL AND d.met_at < d.due_at THEN 1 ELSE 0 END) AS on_time,
       SUM(CASE WHEN d.met_at IS NOT NULL AND d.met_at >= d.due_at THEN 1 ELSE 0 END) AS met_late,
       SUM(CASE WHEN ${OPEN_LATE} THEN 1 ELSE 0 END) AS breached_open,
       SUM(CASE WHEN d.met_at IS NULL AND NOT (d.status IN ('running', 'breached') AND d.due_at <= ?) THEN 1 ELSE 0 END) AS running
     FROM publication_deadline_timers d
     WHERE ${where.toSql()}
     GROUP BY 1, 2, 3, 4`,
    [...bucket.bindings, now, now, ...where.bindings]
  );

  // The time of the report, as a bound parameter that PostgreSQL must read as a timestamp.
  const nowSql = isPostgres(strapi) ? 'CAST(? AS timestamp)' : '?';
  const delays = (group: string) => {
    const late = conditions().add(`((d.met_at IS NOT NULL AND d.met_at >= d.due_at) OR (${OPEN_LATE}))`, now);
    const source = `SELECT ${group} AS grp,
        CASE WHEN d.met_at IS NOT NULL THEN ${secondsBetween(strapi, 'd.met_at', 'd.due_at')} ELSE ${secondsBetween(strapi, nowSql, 'd.due_at')} END AS value
      FROM publication_deadline_timers d WHERE ${late.toSql()}`;
    return selectRows<{ grp: string; n: unknown; median: unknown; p90: unknown }>(strapi, percentileSql(source), [now, ...late.bindings]);
  };
  const [grouped, overallDelay, ruleDelays, units] = await Promise.all([groupedQuery, delays("'all'"), delays('d.rule_code'), unitDirectory(strapi)]);

  const totals = emptyCounts();
  const maps = { rule: new Map<string, Counts>(), unit: new Map<string | null, Counts>(), contentType: new Map<string, Counts>(), month: new Map<number, Counts>() };
  for (const row of grouped) {
    const counts: Counts = {
      due: toNumber(row.due),
      onTime: toNumber(row.on_time),
      metLate: toNumber(row.met_late),
      breachedOpen: toNumber(row.breached_open),
      running: toNumber(row.running),
    };
    const keys = { rule: row.rule_code as string, unit: (row.unit as string | null) ?? null, contentType: row.content_type as string, month: toNumber(row.month_index) };
    for (const dimension of Object.keys(maps) as (keyof typeof maps)[]) {
      const map = maps[dimension] as Map<unknown, Counts>;
      const target = map.get(keys[dimension]) ?? emptyCounts();
      for (const figure of Object.keys(counts) as (keyof Counts)[]) target[figure] += counts[figure];
      map.set(keys[dimension], target);
    }
    for (const figure of Object.keys(counts) as (keyof Counts)[]) totals[figure] += counts[figure];
  }

  const delayOf = (row?: { n: unknown; median: unknown; p90: unknown }) => ({ late: toNumber(row?.n), medianDelaySeconds: toSeconds(row?.median), p90DelaySeconds: toSeconds(row?.p90) });
  const ruleDelay = new Map(ruleDelays.map((row) => [row.grp, row]));

  const withRate = (counts: Counts) => ({ ...counts, onTimeRate: onTimeRate(counts) });
  const byRule = [...maps.rule.entries()]
    .map(([rule, counts]) => ({ rule, ...withRate(counts), ...delayOf(ruleDelay.get(rule)) }))
    .sort((a, b) => Number(a.rule.slice(1)) - Number(b.rule.slice(1)));
  const byUnit = [...maps.unit.entries()].map(([unit, counts]) => ({ ...unitColumns(units, unit), ...withRate(counts) }));
  const byContentType = [...maps.contentType.entries()].map(([contentType, counts]) => ({ contentType, ...withRate(counts) }));
  const byMonth = period.months.map((month, index) => ({ month: month.key, ...withRate(maps.month.get(index) ?? emptyCounts()) }));

  const countColumns = [
    column('due', 'Due in period', 'Đến hạn trong kỳ'),
    column('onTime', 'Met on time', 'Đúng hạn'),
    column('metLate', 'Met late', 'Trễ hạn'),
    column('breachedOpen', 'Breached, still open', 'Quá hạn chưa xử lý'),
    column('running', 'Running', 'Đang tính'),
    column('onTimeRate', 'On-time rate (%)', 'Tỷ lệ đúng hạn (%)'),
  ];
  return {
    data: { asOf: now.toISOString(), totals: { ...withRate(totals), ...delayOf(overallDelay[0]) }, byRule, byUnit, byContentType, byMonth },
    tables: [
      {
        name: 'by-rule',
        title: { en: 'Statutory deadlines by rule', vi: 'Thời hạn theo quy định, theo từng quy tắc' },
        columns: [
          column('rule', 'Rule', 'Quy tắc'),
          ...countColumns,
          column('medianDelaySeconds', 'Median delay of late items (s)', 'Trung vị thời gian trễ (giây)'),
          column('p90DelaySeconds', '90th percentile delay (s)', 'Phân vị 90 thời gian trễ (giây)'),
        ],
        rows: byRule,
      },
      { name: 'by-unit', title: { en: 'Statutory deadlines by unit', vi: 'Thời hạn theo đơn vị' }, columns: [column('unitAbbreviation', 'Unit', 'Đơn vị'), column('unitName', 'Unit name', 'Tên đơn vị'), ...countColumns], rows: byUnit },
      { name: 'by-content-type', title: { en: 'Statutory deadlines by content type', vi: 'Thời hạn theo loại nội dung' }, columns: [column('contentType', 'Content type', 'Loại nội dung'), ...countColumns], rows: byContentType },
      { name: 'by-month', title: { en: 'On-time rate by month', vi: 'Tỷ lệ đúng hạn theo tháng' }, columns: [column('month', 'Month', 'Tháng'), ...countColumns], rows: byMonth },
    ],
  };
}

import type { Core } from '@strapi/strapi';
import { Conditions, percentileSql, secondsBetween, selectRows, toNumber, toSeconds } from './sql';
import { column, type ReportRequest, type ReportResult } from './types';
import { unitDirectory, type UnitInfo } from './units';

/** Workflow events counted by the report, by the figure they feed. */
export const COUNTED_EVENTS = {
  submitted: ['submit'],
  resubmitted: ['resubmit'],
  published: ['publish', 'force_publish'],
  rejected: ['reject'],
  withdrawn: ['approve_takedown'],
  corrected: ['publish_correction'],
} as const;

export type WorkflowFigure = keyof typeof COUNTED_EVENTS;
const FIGURES = Object.keys(COUNTED_EVENTS) as WorkflowFigure[];
const figureOf = (event: string) => FIGURES.find((figure) => (COUNTED_EVENTS[figure] as readonly string[]).includes(event));

type Counts = Record<WorkflowFigure, number>;
const emptyCounts = (): Counts => Object.fromEntries(FIGURES.map((figure) => [figure, 0])) as Counts;

/** Adds the case filters (unit, content type, locale) of a report to conditions on the case alias `c`. */
export function caseConditions(conditions: Conditions, filters: ReportRequest['filters']) {
  return conditions
    .addIf(filters.unit, 'c.unit_document_id = ?', filters.unit)
    .addIf(filters.contentType, 'c.content_type = ?', filters.contentType)
    .addIf(filters.locale, 'c.entry_locale = ?', filters.locale);
}

/**
 * Counts workflow events in the period by unit and content type, and measures the time from
 * receipt (the latest submission) to the first publication of the items published in it.
 */
export async function workflowReport(strapi: Core.Strapi, request: ReportRequest): Promise<ReportResult> {
  const { period, filters } = request;
  const events = FIGURES.flatMap((figure) => [...COUNTED_EVENTS[figure]]);

  const where = caseConditions(new Conditions().add('t.at >= ?', period.start).add('t.at < ?', period.end).inList('t.event', events), filters);
  const countQuery = selectRows<{ unit: string | null; content_type: string; event: string; n: unknown }>(
    strapi,
    `SELECT c.unit_document_id AS unit, c.content_type, t.event, COUNT(*) AS n
     FROM editorial_workflow_timeline t JOIN editorial_workflow_cases c ON c.id = t.case_id
     WHERE ${where.toSql()}
     GROUP BY c.unit_document_id, c.content_type, t.event`,
    where.bindings
  );

  // One scan of the publications feeds both the overall figures (group "*") and those per unit
  // (group "u:" and the unit's documentId, empty for items without a unit).
  const timingWhere = caseConditions(
    new Conditions().add('t.at >= ?', period.start).add('t.at < ?', period.end).inList('t.event', COUNTED_EVENTS.published).add('c.received_at IS NOT NULL'),
    filters
  );
  const timingQuery = selectRows<{ grp: string; n: unknown; median: unknown; p90: unknown }>(
    strapi,
    `WITH publications AS (
       SELECT c.unit_document_id AS unit, ${secondsBetween(strapi, 't.at', 'c.received_at')} AS value
       FROM editorial_workflow_timeline t JOIN editorial_workflow_cases c ON c.id = t.case_id
       WHERE ${timingWhere.toSql()}
     )
     ${percentileSql("SELECT '*' AS grp, value FROM publications UNION ALL SELECT 'u:' || COALESCE(unit, '') AS grp, value FROM publications")}`,
    timingWhere.bindings
  );
  const [counted, timings, units] = await Promise.all([countQuery, timingQuery, unitDirectory(strapi)]);

  const totals = emptyCounts();
  const byUnit = new Map<string | null, Counts>();
  const byContentType = new Map<string, Counts>();
  for (const row of counted) {
    const figure = figureOf(row.event)!;
    const n = toNumber(row.n);
    totals[figure] += n;
    if (!byUnit.has(row.unit)) byUnit.set(row.unit, emptyCounts());
    byUnit.get(row.unit)![figure] += n;
    if (!byContentType.has(row.content_type)) byContentType.set(row.content_type, emptyCounts());
    byContentType.get(row.content_type)![figure] += n;
  }

  const timing = (row?: { n: unknown; median: unknown; p90: unknown }) => ({
    measured: toNumber(row?.n),
    medianSeconds: toSeconds(row?.median),
    p90Seconds: toSeconds(row?.p90),
  });
  const overall = timings.find((row) => row.grp === '*');
  const timingByUnit = new Map(timings.filter((row) => row.grp !== '*').map((row) => [row.grp.slice(2) || null, row]));

  const unitRows = [...byUnit.entries()]
    .map(([unit, counts]) => ({ ...unitColumns(units, unit), ...counts, ...timing(timingByUnit.get(unit)) }))
    .sort((a, b) => String(a.unitAbbreviation ?? '~').localeCompare(String(b.unitAbbreviation ?? '~')));
  const typeRows = [...byContentType.entries()].map(([contentType, counts]) => ({ contentType, ...counts })).sort((a, b) => a.contentType.localeCompare(b.contentType));

  const countColumns = [
    column('submitted', 'Submitted', 'Gửi mới'),
    column('resubmitted', 'Resubmitted', 'Gửi lại'),
    column('published', 'Published', 'Đăng tải'),
    column('rejected', 'Rejected', 'Từ chối'),
    column('withdrawn', 'Withdrawn', 'Gỡ bỏ'),
    column('corrected', 'Corrected', 'Cải chính'),
  ];
  return {
    data: { totals, receiptToPublication: timing(overall), byUnit: unitRows, byContentType: typeRows },
    tables: [
      {
        name: 'by-unit',
        title: { en: 'Workflow by unit', vi: 'Quy trình biên tập theo đơn vị' },
        columns: [
          column('unitAbbreviation', 'Unit', 'Đơn vị'),
          column('unitName', 'Unit name', 'Tên đơn vị'),
          ...countColumns,
          column('medianSeconds', 'Median receipt to publication (s)', 'Trung vị từ tiếp nhận đến đăng (giây)'),
          column('p90Seconds', '90th percentile receipt to publication (s)', 'Phân vị 90 từ tiếp nhận đến đăng (giây)'),
        ],
        rows: unitRows,
      },
      {
        name: 'by-content-type',
        title: { en: 'Workflow by content type', vi: 'Quy trình biên tập theo loại nội dung' },
        columns: [column('contentType', 'Content type', 'Loại nội dung'), ...countColumns],
        rows: typeRows,
      },
    ],
  };
}

/** Returns the unit columns of a report row: its documentId, abbreviation and name. */
export function unitColumns(units: Map<string, UnitInfo>, unit: string | null) {
  const info = unit ? units.get(unit) : undefined;
  return { unit, unitAbbreviation: info?.abbreviation ?? null, unitName: info?.name ?? null };
}

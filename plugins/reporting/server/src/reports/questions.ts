import type { Core } from '@strapi/strapi';
import { Conditions, joinTableOf, selectRows, toNumber } from './sql';
import { column, type ReportRequest, type ReportResult } from './types';
import { unitDirectory } from './units';
import { unitColumns } from './workflow';

const FIGURES = ['received', 'answeredInTime', 'answeredLate', 'answeredWithoutDeadline', 'overdue', 'open', 'openWithoutDeadline'] as const;
type Figure = (typeof FIGURES)[number];
type Counts = Record<Figure, number>;
const emptyCounts = (): Counts => Object.fromEntries(FIGURES.map((figure) => [figure, 0])) as Counts;

/**
 * Counts the questions, feedback and petitions received in the period by answering unit
 * (unassigned ones under a null unit) and kind. Each is judged against its due time (`dueAt`) as
 * of the time of the report: answered in time (`answeredAt` at or before `dueAt`), answered late,
 * overdue (unanswered after `dueAt`), or still open.
 */
export async function questionsReport(strapi: Core.Strapi, request: ReportRequest): Promise<ReportResult> {
  const { period, filters, now } = request;
  const link = joinTableOf(strapi, 'api::question.question', 'answeringUnit');
  // Each question has exactly one draft row (published_at IS NULL), which carries its latest data.
  const where = new Conditions()
    .add('q.published_at IS NULL')
    .add('q.received_at >= ?', period.start)
    .add('q.received_at < ?', period.end)
    .addIf(filters.unit, 'u.document_id = ?', filters.unit);
  const [rows, units] = await Promise.all([
    selectRows<Record<string, unknown> & { unit: string | null; kind: string }>(
      strapi,
      `SELECT u.document_id AS unit, q.kind,
         COUNT(*) AS received,
         SUM(CASE WHEN q.answered_at IS NOT NULL AND q.due_at IS NOT NULL AND q.answered_at <= q.due_at THEN 1 ELSE 0 END) AS answered_in_time,
         SUM(CASE WHEN q.answered_at IS NOT NULL AND q.due_at IS NOT NULL AND q.answered_at > q.due_at THEN 1 ELSE 0 END) AS answered_late,
         SUM(CASE WHEN q.answered_at IS NOT NULL AND q.due_at IS NULL THEN 1 ELSE 0 END) AS answered_without_deadline,
         SUM(CASE WHEN q.answered_at IS NULL AND q.due_at IS NOT NULL AND q.due_at < ? THEN 1 ELSE 0 END) AS overdue,
         SUM(CASE WHEN q.answered_at IS NULL AND q.due_at IS NOT NULL AND q.due_at >= ? THEN 1 ELSE 0 END) AS open,
         SUM(CASE WHEN q.answered_at IS NULL AND q.due_at IS NULL THEN 1 ELSE 0 END) AS open_without_deadline
       FROM questions q
       LEFT JOIN ${link.table} l ON l.${link.ownColumn} = q.id
       LEFT JOIN organization_units u ON u.id = l.${link.targetColumn}
       WHERE ${where.toSql()}
       GROUP BY u.document_id, q.kind`,
      [now, now, ...where.bindings]
    ),
    unitDirectory(strapi),
  ]);

  const totals = emptyCounts();
  const byUnit = new Map<string | null, Counts>();
  const byKind = new Map<string, Counts>();
  for (const row of rows) {
    const counts: Counts = {
      received: toNumber(row.received),
      answeredInTime: toNumber(row.answered_in_time),
      answeredLate: toNumber(row.answered_late),
      answeredWithoutDeadline: toNumber(row.answered_without_deadline),
      overdue: toNumber(row.overdue),
      open: toNumber(row.open),
      openWithoutDeadline: toNumber(row.open_without_deadline),
    };
    for (const [map, key] of [[byUnit, row.unit], [byKind, row.kind]] as const) {
      const target = (map as Map<string | null, Counts>).get(key) ?? emptyCounts();
      for (const figure of FIGURES) target[figure] += counts[figure];
      (map as Map<string | null, Counts>).set(key, target);
    }
    for (const figure of FIGURES) totals[figure] += counts[figure];
  }

  const unitRows = [...byUnit.entries()]
    .map(([unit, counts]) => ({ ...unitColumns(units, unit), ...counts }))
    .sort((a, b) => String(a.unitAbbreviation ?? '~').localeCompare(String(b.unitAbbreviation ?? '~')));
  const kindRows = [...byKind.entries()].map(([kind, counts]) => ({ kind, ...counts })).sort((a, b) => a.kind.localeCompare(b.kind));

  const countColumns = [
    column('received', 'Received', 'Tiếp nhận'),
    column('answeredInTime', 'Answered in time', 'Trả lời đúng hạn'),
    column('answeredLate', 'Answered late', 'Trả lời quá hạn'),
    column('answeredWithoutDeadline', 'Answered, no due time', 'Đã trả lời, không có hạn'),
    column('overdue', 'Overdue, unanswered', 'Quá hạn chưa trả lời'),
    column('open', 'Open, not yet due', 'Chưa đến hạn'),
    column('openWithoutDeadline', 'Open, no due time', 'Chưa trả lời, không có hạn'),
  ];
  return {
    data: { asOf: now.toISOString(), totals, byUnit: unitRows, byKind: kindRows },
    tables: [
      {
        name: 'by-unit',
        title: { en: 'Questions and feedback by answering unit', vi: 'Hỏi đáp, phản ánh kiến nghị theo đơn vị trả lời' },
        columns: [column('unitAbbreviation', 'Unit', 'Đơn vị'), column('unitName', 'Unit name', 'Tên đơn vị'), ...countColumns],
        rows: unitRows,
      },
      {
        name: 'by-kind',
        title: { en: 'Questions and feedback by kind', vi: 'Hỏi đáp, phản ánh kiến nghị theo loại' },
        columns: [column('kind', 'Kind', 'Loại'), ...countColumns],
        rows: kindRows,
      },
    ],
  };
}

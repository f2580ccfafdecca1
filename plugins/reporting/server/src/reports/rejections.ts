import type { Core } from '@strapi/strapi';
import { requireAvailable } from './dependencies';
import { bucketIndex, Conditions, selectRows, toNumber } from './sql';
import { column, type ReportRequest, type ReportResult } from './types';
import { unitDirectory } from './units';
import { unitColumns } from './workflow';

/** Reads the labels of the rejection reasons from the rejection-reasons catalogue, by code. */
async function reasonLabels(strapi: Core.Strapi, request: ReportRequest): Promise<Map<string, string>> {
  const catalogue = strapi.plugin('rejection-reasons')?.service('catalogue') as
    | { listActive?: (language: string, at: Date) => Promise<{ code: string; label: string }[]> }
    | undefined;
  if (typeof catalogue?.listActive !== 'function') return new Map();
  const reasons = await catalogue.listActive(request.language, request.now);
  return new Map(reasons.map((reason) => [reason.code, reason.label]));
}

/**
 * Counts rejections (Art. 11) in the period by cited reason, unit and month. A rejection that
 * cites several reasons counts once per reason in the reason figures and once in `rejections`.
 */
export async function rejectionsReport(strapi: Core.Strapi, request: ReportRequest): Promise<ReportResult> {
  requireAvailable(strapi, 'rejections');
  const { period, filters } = request;
  const where = new Conditions()
    .add('r.rejected_at >= ?', period.start)
    .add('r.rejected_at < ?', period.end)
    .addIf(filters.unit, 'r.unit_document_id = ?', filters.unit)
    .addIf(filters.contentType, 'r.content_type = ?', filters.contentType)
    .addIf(filters.locale, 'r.entry_locale = ?', filters.locale);
  const bucket = bucketIndex('r.rejected_at', period.months);

  const rejectionBucket = bucketIndex('r.rejected_at', period.months);
  const [citations, rejections, labels, units] = await Promise.all([
    selectRows<{ code: string; unit: string | null; month_index: unknown; n: unknown }>(
      strapi,
      `SELECT r.code, r.unit_document_id AS unit, ${bucket.sql} AS month_index, COUNT(*) AS n
       FROM rejection_reason_citations r WHERE ${where.toSql()} GROUP BY 1, 2, 3`,
      [...bucket.bindings, ...where.bindings]
    ),
    selectRows<{ unit: string | null; month_index: unknown; n: unknown }>(
      strapi,
      `SELECT r.unit_document_id AS unit, ${rejectionBucket.sql} AS month_index, COUNT(*) AS n
       FROM rejection_reason_records r WHERE ${where.toSql()} GROUP BY 1, 2`,
      [...rejectionBucket.bindings, ...where.bindings]
    ),
    reasonLabels(strapi, request),
    unitDirectory(strapi),
  ]);

  const byReason = new Map<string, number>();
  const byUnitCitations = new Map<string | null, number>();
  const byMonthCitations = new Array(period.months.length).fill(0);
  const reasonUnit = new Map<string, { code: string; unit: string | null; count: number }>();
  for (const row of citations) {
    const n = toNumber(row.n);
    byReason.set(row.code, (byReason.get(row.code) ?? 0) + n);
    byUnitCitations.set(row.unit, (byUnitCitations.get(row.unit) ?? 0) + n);
    if (row.month_index !== null) byMonthCitations[toNumber(row.month_index)] += n;
    const key = `${row.code}|${row.unit}`;
    const entry = reasonUnit.get(key) ?? { code: row.code, unit: row.unit, count: 0 };
    entry.count += n;
    reasonUnit.set(key, entry);
  }
  const byUnitRejections = new Map<string | null, number>();
  const byMonthRejections = new Array(period.months.length).fill(0);
  for (const row of rejections) {
    byUnitRejections.set(row.unit, (byUnitRejections.get(row.unit) ?? 0) + toNumber(row.n));
    if (row.month_index !== null) byMonthRejections[toNumber(row.month_index)] += toNumber(row.n);
  }

  const codeOrder = (code: string) => Number(code.replace(/^R11\./, '')) || 99;
  const reasonRows = [...byReason.entries()].map(([code, count]) => ({ code, label: labels.get(code) ?? null, count })).sort((a, b) => codeOrder(a.code) - codeOrder(b.code));
  const unitKeys = new Set([...byUnitRejections.keys(), ...byUnitCitations.keys()]);
  const unitRows = [...unitKeys].map((unit) => ({ ...unitColumns(units, unit), rejections: byUnitRejections.get(unit) ?? 0, citations: byUnitCitations.get(unit) ?? 0 }));
  const monthRows = period.months.map((month, index) => ({ month: month.key, rejections: byMonthRejections[index], citations: byMonthCitations[index] }));
  const detailRows = [...reasonUnit.values()].map((entry) => ({ code: entry.code, ...unitColumns(units, entry.unit), count: entry.count }));

  return {
    data: {
      totals: { rejections: byMonthRejections.reduce((sum, n) => sum + n, 0), citations: byMonthCitations.reduce((sum, n) => sum + n, 0) },
      byReason: reasonRows,
      byUnit: unitRows,
      byMonth: monthRows,
      byReasonAndUnit: detailRows,
    },
    tables: [
      { name: 'by-reason', title: { en: 'Rejections by reason (Art. 11)', vi: 'Từ chối theo lý do (Điều 11)' }, columns: [column('code', 'Reason', 'Lý do'), column('label', 'Description', 'Nội dung'), column('count', 'Citations', 'Số lượt')], rows: reasonRows },
      { name: 'by-unit', title: { en: 'Rejections by unit', vi: 'Từ chối theo đơn vị' }, columns: [column('unitAbbreviation', 'Unit', 'Đơn vị'), column('unitName', 'Unit name', 'Tên đơn vị'), column('rejections', 'Rejections', 'Số lần từ chối'), column('citations', 'Reasons cited', 'Lượt lý do')], rows: unitRows },
      { name: 'by-month', title: { en: 'Rejections by month', vi: 'Từ chối theo tháng' }, columns: [column('month', 'Month', 'Tháng'), column('rejections', 'Rejections', 'Số lần từ chối'), column('citations', 'Reasons cited', 'Lượt lý do')], rows: monthRows },
      { name: 'by-reason-and-unit', title: { en: 'Rejections by reason and unit', vi: 'Từ chối theo lý do và đơn vị' }, columns: [column('code', 'Reason', 'Lý do'), column('unitAbbreviation', 'Unit', 'Đơn vị'), column('count', 'Citations', 'Số lượt')], rows: detailRows },
    ],
  };
}

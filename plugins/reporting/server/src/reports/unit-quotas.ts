import type { Core } from '@strapi/strapi';
import type { ReportingConfig } from '../config';
import { bucketIndex, Conditions, selectRows, toNumber } from './sql';
import { column, type ReportRequest, type ReportResult } from './types';
import { unitDirectory } from './units';
import { caseConditions } from './workflow';

/** Rounds an average to two decimals. */
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Counts the items each unit provided per month against its monthly quota (Art. 9(1)(b): on
 * average at least 2 news items, articles or documents a month).
 *
 * An item is provided when it is first submitted to the board: the first `submit` event of any
 * locale of a document of a quota content type, counted once per document, in the month (Viet Nam
 * time) of that submission, for the unit the item belongs to. Resubmissions after a rejection do
 * not count again; rejected items still count as provided. The average is the total divided by
 * the number of calendar months that the period touches.
 */
export async function unitQuotasReport(strapi: Core.Strapi, request: ReportRequest): Promise<ReportResult> {
  const { period, filters } = request;
  const config = strapi.config.get('plugin::reporting') as ReportingConfig;
  const contentTypes = filters.contentType ? [filters.contentType] : config.quotaContentTypes;

  const inner = caseConditions(
    new Conditions().add("t.event = 'submit'").add('t.at < ?', period.end).add('c.unit_document_id IS NOT NULL').inList('c.content_type', contentTypes),
    filters
  );
  const bucket = bucketIndex('firsts.first_at', period.months);
  const providedQuery = selectRows<{ unit: string; month_index: unknown; n: unknown }>(
    strapi,
    `SELECT firsts.unit, ${bucket.sql} AS month_index, COUNT(*) AS n
       FROM (
         SELECT c.unit_document_id AS unit, MIN(t.at) AS first_at
         FROM editorial_workflow_timeline t JOIN editorial_workflow_cases c ON c.id = t.case_id
         WHERE ${inner.toSql()}
         GROUP BY c.unit_document_id, c.content_type, c.entry_document_id
       ) AS firsts
       WHERE firsts.first_at >= ?
       GROUP BY 1, 2`,
    [...bucket.bindings, ...inner.bindings, period.start]
  );

  const publishedWhere = caseConditions(
    new Conditions().add('t.at >= ?', period.start).add('t.at < ?', period.end).inList('t.event', ['publish', 'force_publish']).add('c.unit_document_id IS NOT NULL').inList('c.content_type', contentTypes),
    filters
  );
  const publishedQuery = selectRows<{ unit: string; n: unknown }>(
    strapi,
    `SELECT c.unit_document_id AS unit, COUNT(DISTINCT c.content_type || ':' || c.entry_document_id) AS n
       FROM editorial_workflow_timeline t JOIN editorial_workflow_cases c ON c.id = t.case_id
       WHERE ${publishedWhere.toSql()}
       GROUP BY c.unit_document_id`,
    publishedWhere.bindings
  );
  const [provided, published, directory] = await Promise.all([providedQuery, publishedQuery, unitDirectory(strapi)]);
  const publishedByUnit = new Map(published.map((row) => [row.unit, toNumber(row.n)]));

  const monthsCount = period.months.length;
  const perUnit = new Map<string, number[]>();
  for (const row of provided) {
    if (row.month_index === null) continue;
    if (!perUnit.has(row.unit)) perUnit.set(row.unit, new Array(monthsCount).fill(0));
    perUnit.get(row.unit)![toNumber(row.month_index)] += toNumber(row.n);
  }

  const units = [...directory.values()].filter((unit) => !filters.unit || unit.documentId === filters.unit);
  const rows = units.map((unit) => {
    const months = perUnit.get(unit.documentId) ?? new Array(monthsCount).fill(0);
    const total = months.reduce((sum, n) => sum + n, 0);
    const quota = unit.monthlyQuota ?? config.defaultMonthlyQuota;
    const average = round2(total / monthsCount);
    return {
      unit: unit.documentId,
      unitAbbreviation: unit.abbreviation,
      unitName: unit.name,
      monthlyQuota: quota,
      months,
      provided: total,
      published: publishedByUnit.get(unit.documentId) ?? 0,
      averagePerMonth: average,
      belowQuota: average < quota,
    };
  });
  const below = rows.filter((row) => row.belowQuota);

  const monthKeys = period.months.map((month) => month.key);
  return {
    data: {
      months: monthKeys,
      defaultMonthlyQuota: config.defaultMonthlyQuota,
      contentTypes,
      summary: { units: rows.length, unitsBelowQuota: below.length, provided: rows.reduce((sum, row) => sum + row.provided, 0) },
      units: rows,
      belowQuota: below.map((row) => row.unit),
    },
    tables: [
      {
        name: 'units',
        title: { en: 'Items provided per unit and month', vi: 'Số tin, bài, văn bản đơn vị cung cấp theo tháng' },
        columns: [
          column('unitAbbreviation', 'Unit', 'Đơn vị'),
          column('unitName', 'Unit name', 'Tên đơn vị'),
          ...monthKeys.map((key) => column(`month:${key}`, key, key)),
          column('provided', 'Provided', 'Đã cung cấp'),
          column('published', 'Published', 'Đã đăng'),
          column('averagePerMonth', 'Average per month', 'Trung bình/tháng'),
          column('monthlyQuota', 'Monthly quota', 'Định mức/tháng'),
          column('belowQuota', 'Below quota', 'Dưới định mức'),
        ],
        rows: rows.map((row) => ({ ...row, ...Object.fromEntries(monthKeys.map((key, index) => [`month:${key}`, row.months[index]])) })),
        // A page of the Word report has no room for a column per month.
        documentColumns: ['unitAbbreviation', 'unitName', 'provided', 'published', 'averagePerMonth', 'monthlyQuota', 'belowQuota'],
      },
    ],
  };
}

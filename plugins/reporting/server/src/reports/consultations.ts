import type { Core } from '@strapi/strapi';
import { Conditions, joinTableOf, selectRows, toIso, toNumber } from './sql';
import { column, type ReportRequest, type ReportResult } from './types';
import { unitDirectory } from './units';
import { unitColumns } from './workflow';

const DRAFT_UID = 'api::draft-regulation.draft-regulation';
const COMMENT_UID = 'api::consultation-comment.consultation-comment';

/**
 * Reports public consultation on draft regulations (Art. 3, Art. 9(1)(e)). It counts the drafts
 * published in the period. It lists each draft whose comment window overlaps the period or that
 * received comments in it, with those comments by moderation state and disposition, and tells
 * whether the draft's response report is published.
 */
export async function consultationsReport(strapi: Core.Strapi, request: ReportRequest): Promise<ReportResult> {
  const { period, filters } = request;
  const locale = filters.locale ?? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);

  const unitLink = joinTableOf(strapi, DRAFT_UID, 'draftingUnit');
  // A draft regulation's unit is its drafting unit, read from the draft version of the locale.
  const publishedWhere = new Conditions()
    .add('c.content_type = ?', DRAFT_UID)
    .add('t.at >= ?', period.start)
    .add('t.at < ?', period.end)
    .inList('t.event', ['publish', 'force_publish'])
    .add('c.entry_locale = ?', locale)
    .addIf(filters.unit, 'u.document_id = ?', filters.unit);
  const publishedQuery = selectRows<{ n: unknown }>(
    strapi,
    `SELECT COUNT(DISTINCT c.entry_document_id) AS n
       FROM editorial_workflow_timeline t JOIN editorial_workflow_cases c ON c.id = t.case_id
       LEFT JOIN draft_regulations d ON d.document_id = c.entry_document_id AND d.locale = c.entry_locale AND d.published_at IS NULL
       LEFT JOIN ${unitLink.table} ul ON ul.${unitLink.ownColumn} = d.id
       LEFT JOIN organization_units u ON u.id = ul.${unitLink.targetColumn}
       WHERE ${publishedWhere.toSql()}`,
    publishedWhere.bindings
  );

  const commentLink = joinTableOf(strapi, COMMENT_UID, 'draftRegulation');
  // Comments are counted on their draft rows. The link points at one row of the draft regulation,
  // and that row's documentId names the draft whatever its locale or version.
  const draftWhere = new Conditions()
    .add('d.published_at IS NULL')
    .add('d.locale = ?', locale)
    .add('((d.comment_opens_at < ? AND d.comment_closes_at >= ?) OR cm.received > 0)', period.end, period.start)
    .addIf(filters.unit, 'u.document_id = ?', filters.unit);
  const draftsQuery = selectRows<Record<string, unknown>>(
    strapi,
    `SELECT d.document_id, d.title, d.comment_opens_at, d.comment_closes_at, d.consultation_status, u.document_id AS unit,
         COALESCE(cm.received, 0) AS received, COALESCE(cm.approved, 0) AS approved, COALESCE(cm.rejected, 0) AS rejected,
         COALESCE(cm.pending, 0) AS pending, COALESCE(cm.accepted, 0) AS accepted,
         COALESCE(cm.partly_accepted, 0) AS partly_accepted, COALESCE(cm.not_accepted, 0) AS not_accepted,
         CASE WHEN EXISTS (SELECT 1 FROM draft_regulations p WHERE p.document_id = d.document_id AND p.locale = d.locale AND p.published_at IS NOT NULL) THEN 1 ELSE 0 END AS is_published
       FROM draft_regulations d
       LEFT JOIN ${unitLink.table} ul ON ul.${unitLink.ownColumn} = d.id
       LEFT JOIN organization_units u ON u.id = ul.${unitLink.targetColumn}
       LEFT JOIN (
         SELECT r.document_id AS draft_document_id,
           COUNT(*) AS received,
           SUM(CASE WHEN cc.moderation_state = 'approved' THEN 1 ELSE 0 END) AS approved,
           SUM(CASE WHEN cc.moderation_state = 'rejected' THEN 1 ELSE 0 END) AS rejected,
           SUM(CASE WHEN cc.moderation_state = 'pending' THEN 1 ELSE 0 END) AS pending,
           SUM(CASE WHEN cc.disposition = 'accepted' THEN 1 ELSE 0 END) AS accepted,
           SUM(CASE WHEN cc.disposition = 'partly_accepted' THEN 1 ELSE 0 END) AS partly_accepted,
           SUM(CASE WHEN cc.disposition = 'not_accepted' THEN 1 ELSE 0 END) AS not_accepted
         FROM consultation_comments cc
         JOIN ${commentLink.table} cl ON cl.${commentLink.ownColumn} = cc.id
         JOIN draft_regulations r ON r.id = cl.${commentLink.targetColumn}
         WHERE cc.published_at IS NULL AND cc.received_at >= ? AND cc.received_at < ?
         GROUP BY r.document_id
       ) cm ON cm.draft_document_id = d.document_id
       WHERE ${draftWhere.toSql()}
       ORDER BY d.comment_opens_at, d.document_id`,
    [period.start, period.end, ...draftWhere.bindings]
  );
  const [[published], drafts, units] = await Promise.all([publishedQuery, draftsQuery, unitDirectory(strapi)]);

  const rows = drafts.map((row) => ({
    documentId: row.document_id as string,
    title: row.title as string,
    ...unitColumns(units, (row.unit as string | null) ?? null),
    commentOpensAt: toIso(row.comment_opens_at),
    commentClosesAt: toIso(row.comment_closes_at),
    published: toNumber(row.is_published) === 1,
    consultationStatus: row.consultation_status as string,
    responsePublished: row.consultation_status === 'response_published',
    comments: toNumber(row.received),
    commentsApproved: toNumber(row.approved),
    commentsRejected: toNumber(row.rejected),
    commentsPending: toNumber(row.pending),
    accepted: toNumber(row.accepted),
    partlyAccepted: toNumber(row.partly_accepted),
    notAccepted: toNumber(row.not_accepted),
  }));

  const totals = {
    draftsPublished: toNumber(published?.n),
    draftsInConsultation: rows.length,
    commentsReceived: rows.reduce((sum, row) => sum + row.comments, 0),
    responsesPublished: rows.filter((row) => row.responsePublished).length,
    // A closed window without a published response is what the board has to chase.
    closedWithoutResponse: rows.filter((row) => !row.responsePublished && row.commentClosesAt !== null && row.commentClosesAt < request.now.toISOString()).length,
  };
  const byUnit = new Map<string | null, { drafts: number; comments: number; responsesPublished: number }>();
  for (const row of rows) {
    const entry = byUnit.get(row.unit) ?? { drafts: 0, comments: 0, responsesPublished: 0 };
    entry.drafts += 1;
    entry.comments += row.comments;
    entry.responsesPublished += row.responsePublished ? 1 : 0;
    byUnit.set(row.unit, entry);
  }
  const unitRows = [...byUnit.entries()]
    .map(([unit, entry]) => ({ ...unitColumns(units, unit), ...entry }))
    .sort((a, b) => String(a.unitAbbreviation ?? '~').localeCompare(String(b.unitAbbreviation ?? '~')));

  return {
    data: { locale, totals, drafts: rows, byUnit: unitRows },
    tables: [
      {
        name: 'drafts',
        title: { en: 'Draft regulations in public consultation', vi: 'Dự thảo văn bản lấy ý kiến' },
        columns: [
          column('title', 'Draft', 'Dự thảo'),
          column('unitAbbreviation', 'Drafting unit', 'Đơn vị soạn thảo'),
          column('commentOpensAt', 'Comments open', 'Mở lấy ý kiến'),
          column('commentClosesAt', 'Comments close', 'Kết thúc lấy ý kiến'),
          column('published', 'Published', 'Đã đăng'),
          column('comments', 'Comments received', 'Ý kiến nhận được'),
          column('commentsApproved', 'Comments approved', 'Ý kiến được duyệt'),
          column('commentsRejected', 'Comments rejected', 'Ý kiến bị loại'),
          column('commentsPending', 'Comments pending', 'Ý kiến chờ duyệt'),
          column('accepted', 'Accepted', 'Tiếp thu'),
          column('partlyAccepted', 'Partly accepted', 'Tiếp thu một phần'),
          column('notAccepted', 'Not accepted', 'Không tiếp thu'),
          column('responsePublished', 'Response published', 'Đã đăng báo cáo tiếp thu'),
        ],
        rows,
      },
      {
        name: 'by-unit',
        title: { en: 'Public consultation by drafting unit', vi: 'Lấy ý kiến dự thảo theo đơn vị soạn thảo' },
        columns: [
          column('unitAbbreviation', 'Drafting unit', 'Đơn vị soạn thảo'),
          column('unitName', 'Unit name', 'Tên đơn vị'),
          column('drafts', 'Drafts in consultation', 'Dự thảo lấy ý kiến'),
          column('comments', 'Comments received', 'Ý kiến nhận được'),
          column('responsesPublished', 'Responses published', 'Báo cáo tiếp thu đã đăng'),
        ],
        rows: unitRows,
      },
    ],
  };
}

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CASE_UID, TIMELINE_UID } from '../constants';
import { parsePagination } from './query';

type Context = { query: Record<string, string | undefined>; body: unknown };

const KINDS = { correction: 'publish_correction', withdrawal: 'approve_takedown' } as const;

/**
 * Public notes of published items, for frontends: correction notes (Art. 12(1)) and withdrawal
 * notices (Art. 12(2)). Silent withdrawals have no public note and are not listed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { contentType, documentId, locale, kind } = ctx.query;
    if (kind && !(kind in KINDS)) throw new errors.ValidationError(`kind "${kind}" is invalid; use "correction" or "withdrawal".`);
    const { page, pageSize } = parsePagination(ctx.query);

    const caseWhere: Record<string, unknown> = {};
    if (contentType) caseWhere.contentType = contentType;
    if (documentId) caseWhere.entryDocumentId = documentId;
    if (locale) caseWhere.entryLocale = locale;
    const cases = await strapi.db.query(CASE_UID).findMany({ where: caseWhere, select: ['id', 'contentType', 'entryDocumentId', 'entryLocale', 'title'] });
    if (cases.length === 0) {
      ctx.body = { data: [], meta: { pagination: { page, pageSize, total: 0, pageCount: 0 } } };
      return;
    }
    type CaseKey = { id: number; contentType: string; entryDocumentId: string; entryLocale: string; title: string | null };
    const byId = new Map<number, CaseKey>(cases.map((record: CaseKey) => [record.id, record]));

    const events = kind ? [KINDS[kind as keyof typeof KINDS]] : Object.values(KINDS);
    const where = { caseId: { $in: [...byId.keys()] }, event: { $in: events }, publicNote: { $notNull: true } };
    const [entries, total] = await Promise.all([
      strapi.db.query(TIMELINE_UID).findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
      strapi.db.query(TIMELINE_UID).count({ where }),
    ]);

    ctx.body = {
      data: entries.map((entry: { caseId: number; event: string; publicNote: string; at: string; details?: { publicTitle?: string | null } }) => {
        const record = byId.get(entry.caseId)!;
        return {
          kind: entry.event === KINDS.correction ? 'correction' : 'withdrawal',
          note: entry.publicNote,
          at: entry.at,
          contentType: record.contentType,
          documentId: record.entryDocumentId,
          locale: record.entryLocale,
          title: entry.details?.publicTitle ?? null,
        };
      }),
      meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
    };
  },
});

import type { Core } from '@strapi/strapi';

export interface CountFilter {
  /** Start of the period, inclusive. */
  from: Date;
  /** End of the period, exclusive. */
  to: Date;
  unitDocumentId?: string;
  contentType?: string;
  locale?: string;
}

export interface ReasonCount {
  code: string;
  unitDocumentId: string | null;
  count: number;
}

const CITATIONS_TABLE = 'rejection_reason_citations';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Counts the reasons cited by rejections made in [from, to), per reason and unit, for the
   * reporting plugin. A rejection citing two reasons counts once for each.
   */
  async countByReason(filter: CountFilter): Promise<ReasonCount[]> {
    const { from, to } = filter;
    if (!(from instanceof Date) || Number.isNaN(from.getTime()) || !(to instanceof Date) || Number.isNaN(to.getTime())) {
      throw new TypeError('countByReason needs `from` and `to` as valid Date objects.');
    }
    const query = strapi.db
      .getConnection(CITATIONS_TABLE)
      .select('code', 'unit_document_id')
      .count({ count: '*' })
      .where('rejected_at', '>=', from)
      .andWhere('rejected_at', '<', to)
      .groupBy('code', 'unit_document_id')
      .orderBy([{ column: 'code' }, { column: 'unit_document_id' }]);
    if (filter.unitDocumentId) query.andWhere('unit_document_id', filter.unitDocumentId);
    if (filter.contentType) query.andWhere('content_type', filter.contentType);
    if (filter.locale) query.andWhere('entry_locale', filter.locale);
    const rows = (await query) as { code: string; unit_document_id: string | null; count: number | string }[];
    return rows.map((row) => ({ code: row.code, unitDocumentId: row.unit_document_id ?? null, count: Number(row.count) }));
  },
});

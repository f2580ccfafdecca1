import type { Core } from '@strapi/strapi';
import { FINGERPRINT_UID, PLUGIN_ID } from '../constants';
import { fingerprintOf, roundScore, trigramCount, TrigramQuery } from '../checks/trigrams';

const TABLE = 'rejection_reason_fingerprints';

export interface DuplicateMatch {
  contentType: string;
  documentId: string;
  locale: string;
  title: string | null;
  /** Trigram similarity of the fingerprints, 0 to 1, at four decimals. */
  score: number;
}

export interface DuplicateQuery {
  contentType: string;
  documentId: string;
  locale: string;
  fingerprint: string;
  threshold: number;
}

interface FingerprintRow {
  id: number;
  content_type: string;
  entry_document_id: string;
  entry_locale: string;
  title: string | null;
  fingerprint: string;
}

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** Rows read per batch by the SQLite scan. */
const SCAN_BATCH = 5000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const connection = () => strapi.db.connection;

  /** PostgreSQL: the GIN trigram index finds the candidates above the threshold, best first. */
  async function closestOnPostgres(query: DuplicateQuery): Promise<DuplicateMatch | null> {
    return connection().transaction(async (trx) => {
      // `%` compares with this setting; it is lowered a little so that rounding never drops a match.
      await trx.raw('SELECT set_config(?, ?, true)', ['pg_trgm.similarity_threshold', String(Math.max(0, query.threshold - 0.001))]);
      const result = await trx.raw(
        `SELECT content_type, entry_document_id, entry_locale, title, similarity(fingerprint, ?) AS score
           FROM ${TABLE}
          WHERE fingerprint % ? AND entry_locale = ? AND NOT (content_type = ? AND entry_document_id = ?)
          ORDER BY score DESC, id ASC
          LIMIT 5`,
        [query.fingerprint, query.fingerprint, query.locale, query.contentType, query.documentId]
      );
      const rows = result.rows as (FingerprintRow & { score: number })[];
      const best = rows.map((row) => ({ row, score: roundScore(Number(row.score)) })).filter(({ score }) => score >= query.threshold)[0];
      return best ? toMatch(best.row, best.score) : null;
    });
  }

  /**
   * SQLite: the same similarity computed in JavaScript over the fingerprints of the locale whose
   * trigram count can reach the threshold (a similarity of t needs t·n ≤ m ≤ n/t).
   */
  async function closestOnSqlite(query: DuplicateQuery): Promise<DuplicateMatch | null> {
    const probe = new TrigramQuery(query.fingerprint);
    if (probe.size === 0) return null;
    const low = Math.ceil(probe.size * query.threshold);
    const high = query.threshold > 0 ? Math.floor(probe.size / query.threshold) : Number.MAX_SAFE_INTEGER;
    let best: { row: FingerprintRow; score: number } | null = null;
    let lastId = 0;
    for (;;) {
      const rows: FingerprintRow[] = await connection()(TABLE)
        .select('id', 'content_type', 'entry_document_id', 'entry_locale', 'title', 'fingerprint')
        .where('entry_locale', query.locale)
        .andWhereBetween('trigram_count', [low, high])
        .andWhere('id', '>', lastId)
        .orderBy('id', 'asc')
        .limit(SCAN_BATCH);
      for (const row of rows) {
        if (row.content_type === query.contentType && row.entry_document_id === query.documentId) continue;
        const score = roundScore(probe.similarity(row.fingerprint));
        if (score >= query.threshold && (!best || score > best.score)) best = { row, score };
      }
      if (rows.length < SCAN_BATCH) break;
      lastId = rows[rows.length - 1].id;
    }
    return best ? toMatch(best.row, best.score) : null;
  }

  const toMatch = (row: FingerprintRow, score: number): DuplicateMatch => ({
    contentType: row.content_type,
    documentId: row.entry_document_id,
    locale: row.entry_locale,
    title: row.title,
    score,
  });

  return {
    /** Prepares the database: pg_trgm and its index on PostgreSQL, the lookup indexes on both. */
    async prepare() {
      const knex = connection();
      if (isPostgres(strapi)) {
        await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        await knex.raw(`CREATE INDEX IF NOT EXISTS rejection_reason_fingerprints_trgm ON ${TABLE} USING gin (fingerprint gin_trgm_ops)`);
      }
      await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS rejection_reason_fingerprints_key ON ${TABLE} (content_type, entry_document_id, entry_locale)`);
      await knex.raw(`CREATE INDEX IF NOT EXISTS rejection_reason_fingerprints_size ON ${TABLE} (entry_locale, trigram_count)`);
    },

    /** Finds the published item closest to the given fingerprint in the same locale, at or above the threshold. */
    async closest(query: DuplicateQuery): Promise<DuplicateMatch | null> {
      if (!query.fingerprint) return null;
      return isPostgres(strapi) ? closestOnPostgres(query) : closestOnSqlite(query);
    },

    /** Stores or replaces the fingerprint of a published item. */
    async remember(contentType: string, documentId: string, locale: string, entry: Record<string, unknown>, publishedAt: Date) {
      const fingerprint = fingerprintOf(entry);
      const title = typeof entry.title === 'string' ? entry.title : typeof entry.name === 'string' ? entry.name : null;
      const data = { contentType, entryDocumentId: documentId, entryLocale: locale, title, fingerprint, trigramCount: trigramCount(fingerprint), publishedAt: publishedAt.toISOString() };
      const existing = await strapi.db.query(FINGERPRINT_UID).findOne({ where: { contentType, entryDocumentId: documentId, entryLocale: locale }, select: ['id'] });
      if (existing) await strapi.db.query(FINGERPRINT_UID).update({ where: { id: existing.id }, data });
      else await strapi.db.query(FINGERPRINT_UID).create({ data });
    },

    /** Forgets a withdrawn item. */
    async forget(contentType: string, documentId: string, locale: string) {
      await strapi.db.query(FINGERPRINT_UID).deleteMany({ where: { contentType, entryDocumentId: documentId, entryLocale: locale } });
    },

    /** Fingerprints every published item of the given types; used when the table is empty at start-up. */
    async rebuild(contentTypes: string[]): Promise<number> {
      let count = 0;
      for (const uid of contentTypes) {
        const model = strapi.contentType(uid as never) as { options?: { draftAndPublish?: boolean } } | undefined;
        if (!model?.options?.draftAndPublish) continue;
        const rows: Record<string, unknown>[] = await strapi.db.query(uid as never).findMany({ where: { publishedAt: { $notNull: true } } });
        for (const row of rows) {
          await this.remember(uid, row.documentId as string, (row.locale as string | undefined) ?? 'und', row, new Date(row.publishedAt as string));
          count += 1;
        }
      }
      if (count > 0) strapi.log.info(`[${PLUGIN_ID}] Fingerprinted ${count} published item(s) for the duplicate check.`);
      return count;
    },
  };
};

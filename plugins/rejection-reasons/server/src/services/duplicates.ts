import type { Core } from '@strapi/strapi';
import { FINGERPRINT_BAND_UID, FINGERPRINT_UID, PLUGIN_ID } from '../constants';
import { bandKeys, fingerprintOf, roundScore, trigramCount, TrigramQuery } from '../checks/trigrams';

const TABLE = 'rejection_reason_fingerprints';
const BANDS_TABLE = 'rejection_reason_fingerprint_bands';

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

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const connection = () => strapi.db.connection;

  /** Ids of the stored fingerprints that share a MinHash band key with the query. */
  const candidateIds = (keys: string[]) => connection()(BANDS_TABLE).distinct('fingerprint_id').whereIn('band_key', keys);

  /** PostgreSQL: pg_trgm scores the candidates, best first. */
  async function closestOnPostgres(query: DuplicateQuery, keys: string[]): Promise<DuplicateMatch | null> {
    const knex = connection();
    const rows: (FingerprintRow & { score: number })[] = await knex(TABLE)
      .select('id', 'content_type', 'entry_document_id', 'entry_locale', 'title', knex.raw('similarity(fingerprint, ?) AS score', [query.fingerprint]))
      .whereIn('id', candidateIds(keys))
      .andWhere('entry_locale', query.locale)
      .whereNot((own) => own.where({ content_type: query.contentType, entry_document_id: query.documentId }))
      .orderBy([{ column: 'score', order: 'desc' }, { column: 'id', order: 'asc' }])
      .limit(1);
    const row = rows[0];
    const score = row ? roundScore(Number(row.score)) : 0;
    return row && score >= query.threshold ? toMatch(row, score) : null;
  }

  /** SQLite: the same similarity computed in JavaScript on the same candidates. */
  async function closestOnSqlite(query: DuplicateQuery, keys: string[]): Promise<DuplicateMatch | null> {
    const probe = new TrigramQuery(query.fingerprint);
    const rows: FingerprintRow[] = await connection()(TABLE)
      .select('id', 'content_type', 'entry_document_id', 'entry_locale', 'title', 'fingerprint')
      .whereIn('id', candidateIds(keys))
      .andWhere('entry_locale', query.locale)
      .orderBy('id', 'asc');
    let best: { row: FingerprintRow; score: number } | null = null;
    for (const row of rows) {
      if (row.content_type === query.contentType && row.entry_document_id === query.documentId) continue;
      const score = roundScore(probe.similarity(row.fingerprint));
      if (!best || score > best.score) best = { row, score };
    }
    return best && best.score >= query.threshold ? toMatch(best.row, best.score) : null;
  }

  const toMatch = (row: FingerprintRow, score: number): DuplicateMatch => ({
    contentType: row.content_type,
    documentId: row.entry_document_id,
    locale: row.entry_locale,
    title: row.title,
    score,
  });

  return {
    /** Prepares the database: pg_trgm on PostgreSQL, the lookup indexes on both. */
    async prepare() {
      const knex = connection();
      if (isPostgres(strapi)) await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS rejection_reason_fingerprints_key ON ${TABLE} (content_type, entry_document_id, entry_locale)`);
      await knex.raw(`CREATE INDEX IF NOT EXISTS rejection_reason_fingerprint_bands_key ON ${BANDS_TABLE} (band_key, fingerprint_id)`);
      await knex.raw(`CREATE INDEX IF NOT EXISTS rejection_reason_fingerprint_bands_owner ON ${BANDS_TABLE} (fingerprint_id)`);
    },

    /**
     * Finds the published item closest to the given fingerprint in the same locale, at or above
     * the threshold. Candidates share a MinHash band key with it; both databases then score them
     * with pg_trgm's similarity, so they give the same answer.
     */
    async closest(query: DuplicateQuery): Promise<DuplicateMatch | null> {
      const keys = bandKeys(query.fingerprint);
      if (keys.length === 0) return null;
      return isPostgres(strapi) ? closestOnPostgres(query, keys) : closestOnSqlite(query, keys);
    },

    /** Stores or replaces the fingerprint of a published item. */
    async remember(contentType: string, documentId: string, locale: string, entry: Record<string, unknown>, publishedAt: Date) {
      const fingerprint = fingerprintOf(entry);
      const title = typeof entry.title === 'string' ? entry.title : typeof entry.name === 'string' ? entry.name : null;
      const data = { contentType, entryDocumentId: documentId, entryLocale: locale, title, fingerprint, trigramCount: trigramCount(fingerprint), itemPublishedAt: publishedAt.toISOString() };
      await strapi.db.transaction(async () => {
        const existing = await strapi.db.query(FINGERPRINT_UID).findOne({ where: { contentType, entryDocumentId: documentId, entryLocale: locale }, select: ['id'] });
        const row = existing ? await strapi.db.query(FINGERPRINT_UID).update({ where: { id: existing.id }, data }) : await strapi.db.query(FINGERPRINT_UID).create({ data });
        await strapi.db.query(FINGERPRINT_BAND_UID).deleteMany({ where: { fingerprintId: row.id } });
        await strapi.db.query(FINGERPRINT_BAND_UID).createMany({ data: bandKeys(fingerprint).map((bandKey) => ({ bandKey, fingerprintId: row.id })) });
      });
    },

    /** Forgets a withdrawn item. */
    async forget(contentType: string, documentId: string, locale: string) {
      await strapi.db.transaction(async () => {
        const rows: { id: number }[] = await strapi.db.query(FINGERPRINT_UID).findMany({ where: { contentType, entryDocumentId: documentId, entryLocale: locale }, select: ['id'] });
        if (rows.length === 0) return;
        await strapi.db.query(FINGERPRINT_BAND_UID).deleteMany({ where: { fingerprintId: { $in: rows.map(({ id }) => id) } } });
        await strapi.db.query(FINGERPRINT_UID).deleteMany({ where: { id: { $in: rows.map(({ id }) => id) } } });
      });
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

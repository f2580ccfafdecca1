import type { Core } from '@strapi/strapi';
import { CITATION_UID, PLUGIN_ID, REJECTION_UID, WORKFLOW_CASE_UID, type Language } from '../constants';
import type { ReasonSnapshot } from './catalogue';

/** The timeline row that the workflow writes for a rejection, as the database lifecycle sees it. */
export interface TimelineRow {
  id: number;
  caseId: number;
  event: string;
  actorId: number | null;
  actorName: string | null;
  at: string | Date;
  reasons: string[] | null;
  note: string | null;
}

export interface RejectionRecord {
  id: number;
  caseId: number;
  timelineEntryId: number | null;
  contentType: string;
  entryDocumentId: string;
  entryLocale: string;
  unitDocumentId: string | null;
  rejectedAt: string;
  actorId: number | null;
  actorName: string | null;
  note: string | null;
  codes: string[];
  snapshot: ReasonSnapshot[];
}

/** One line per reason, "R11.5 – wording sent to the author", in the given language. */
export const authorLines = (snapshot: ReasonSnapshot[], language: Language) =>
  snapshot.map((reason) => `${reason.code} – ${reason.label[language]}: ${reason.authorText[language]}`);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Records a rejection from the timeline row of a `reject` transition. It runs inside the
   * transition's transaction (from the row's database lifecycle), so the rejection, its
   * citations and the state change are committed together or not at all.
   */
  async recordFromTimeline(row: TimelineRow): Promise<RejectionRecord> {
    const codes = Array.isArray(row.reasons) ? row.reasons : [];
    const record = await strapi.db.query(WORKFLOW_CASE_UID).findOne({ where: { id: row.caseId } });
    // The workflow creates the case before its timeline rows; a missing case is a broken invariant.
    if (!record) throw new Error(`[${PLUGIN_ID}] Rejection timeline entry ${row.id} names case ${row.caseId}, which does not exist.`);
    const snapshot: ReasonSnapshot[] = await strapi.plugin(PLUGIN_ID).service('catalogue').snapshot(codes);
    const rejectedAt = new Date(row.at).toISOString();

    const rejection: RejectionRecord = await strapi.db.query(REJECTION_UID).create({
      data: {
        caseId: record.id,
        timelineEntryId: row.id,
        contentType: record.contentType,
        entryDocumentId: record.entryDocumentId,
        entryLocale: record.entryLocale,
        unitDocumentId: record.unitDocumentId ?? null,
        rejectedAt,
        actorId: row.actorId ?? null,
        actorName: row.actorName ?? null,
        note: row.note ?? null,
        codes,
        snapshot,
      },
    });
    for (const code of codes) {
      await strapi.db.query(CITATION_UID).create({
        data: { rejectionId: rejection.id, code, contentType: record.contentType, entryLocale: record.entryLocale, unitDocumentId: record.unitDocumentId ?? null, rejectedAt },
      });
    }
    strapi.log.info(`[${PLUGIN_ID}] Rejection ${rejection.id} of case ${record.id} recorded with ${codes.join(', ')}.`);
    return rejection;
  },

  /** The latest rejection of a case, or null; inside a transition it sees that transition's rows. */
  async latestOfCase(caseId: number): Promise<RejectionRecord | null> {
    return strapi.db.query(REJECTION_UID).findOne({ where: { caseId }, orderBy: [{ id: 'desc' }] });
  },

  /** The rejections of a case, newest first, each with the wording it was made with. */
  async ofCase(caseId: number): Promise<RejectionRecord[]> {
    return strapi.db.query(REJECTION_UID).findMany({ where: { caseId }, orderBy: [{ id: 'desc' }] });
  },

  /** The rejections of one document locale, newest first. */
  async ofDocument(contentType: string, documentId: string, locale: string): Promise<RejectionRecord[]> {
    return strapi.db.query(REJECTION_UID).findMany({ where: { contentType, entryDocumentId: documentId, entryLocale: locale }, orderBy: [{ id: 'desc' }] });
  },
});

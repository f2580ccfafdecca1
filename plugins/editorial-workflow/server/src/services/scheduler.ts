import type { Core } from '@strapi/strapi';
import { CASE_UID, OUTBOX_UID, TIMELINE_UID } from '../constants';
import { refusals } from '../messages';
import { systemActor } from './actor';
import { NO_LOCALE, type CaseRecord } from './cases';

/** Name of the system actor that publishes scheduled items, as it appears on timelines. */
export const SCHEDULER_NAME = 'Scheduled publisher';

/** Maximum number of due cases handled per run; the rest wait for the next run. */
const BATCH_SIZE = 50;

export type ScheduleOutcome =
  | { caseId: number; outcome: 'published' }
  | { caseId: number; outcome: 'skipped'; refusals: string[] }
  | { caseId: number; outcome: 'failed'; error: string };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const transitions = () => strapi.plugin('editorial-workflow').service('transitions');

  /** Records a failed scheduled publication on the timeline and notifies the standing editors. */
  async function reportFailure(record: CaseRecord, error: Error, now: Date) {
    await strapi.db.transaction(async () => {
      await strapi.db.query(TIMELINE_UID).create({
        data: {
          caseId: record.id,
          event: 'publish_failed',
          fromState: 'scheduled',
          toState: 'scheduled',
          actorKind: 'system',
          actorName: SCHEDULER_NAME,
          at: now.toISOString(),
          note: error.message,
        },
      });
      const editors = await strapi.db
        .query('admin::user')
        .findMany({ where: { isActive: true, roles: { code: 'most-standing-editor' } }, select: ['id'] });
      for (const editor of editors as { id: number }[]) {
        await strapi.db.query(OUTBOX_UID).create({
          data: {
            caseId: record.id,
            kind: 'publish_failed',
            recipientIds: [editor.id],
            payload: { contentType: record.contentType, documentId: record.entryDocumentId, locale: record.entryLocale, title: record.title, error: error.message },
            status: 'pending',
            attempts: 0,
          },
        });
      }
    });
  }

  return {
    /**
     * Publishes the scheduled cases whose time has come, as the scheduled-publisher system actor.
     * Each publication goes through the `publish` event, which re-checks the case and updates it
     * only if it is still scheduled, so a case is published once even when several Strapi
     * processes run this at the same moment. A failure stays scheduled, is retried on the next
     * run, and is recorded on the timeline with a notification to the standing editors.
     */
    async publishDue(now = new Date()): Promise<ScheduleOutcome[]> {
      const due: CaseRecord[] = await strapi.db.query(CASE_UID).findMany({
        where: { state: 'scheduled', scheduledAt: { $lte: now.toISOString() } },
        orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
        limit: BATCH_SIZE,
      });

      const outcomes: ScheduleOutcome[] = [];
      for (const record of due) {
        try {
          const result = await transitions().apply({
            uid: record.contentType,
            documentId: record.entryDocumentId,
            locale: record.entryLocale === NO_LOCALE ? undefined : record.entryLocale,
            event: 'publish',
            actor: systemActor(SCHEDULER_NAME),
            now,
          });
          if (result.ok) {
            outcomes.push({ caseId: record.id, outcome: 'published' });
          } else if (result.refusals.includes(refusals.editedAfterApproval())) {
            // Retrying cannot help, so the case goes back to approved and the editors get a notification.
            await reportFailure(record, new Error(result.refusals.join(' ')), now);
            await transitions().apply({ uid: record.contentType, documentId: record.entryDocumentId, locale: record.entryLocale === NO_LOCALE ? undefined : record.entryLocale, event: 'unschedule', actor: systemActor(SCHEDULER_NAME), now, silent: true });
            outcomes.push({ caseId: record.id, outcome: 'skipped', refusals: result.refusals });
          } else {
            // Usually another process published it first, or an editor unscheduled it meanwhile.
            strapi.log.info(`[editorial-workflow] Scheduled publication of case ${record.id} skipped: ${result.refusals.join(' ')}`);
            outcomes.push({ caseId: record.id, outcome: 'skipped', refusals: result.refusals });
          }
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          strapi.log.error(`[editorial-workflow] Scheduled publication of case ${record.id} failed and will be retried: ${failure.message}`);
          await reportFailure(record, failure, now);
          outcomes.push({ caseId: record.id, outcome: 'failed', error: failure.message });
        }
      }
      return outcomes;
    },
  };
};

import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, TRANSITION_EVENT, WORKFLOW_OUTBOX_UID, WORKFLOW_TIMELINE_UID } from './constants';
import { SUBMISSION_EVENTS } from './services/prechecks';
import { authorLines, type RejectionRecord, type TimelineRow } from './services/rejections';

/** Payload of `editorial-workflow.transition`, emitted after each committed transition. */
interface TransitionEvent {
  event: string;
  caseId: number;
  contentType: string;
  documentId: string;
  locale: string;
  at: string;
}

/** Events after which the item is public (its fingerprint is kept), and the one that withdraws it. */
const PUBLISHING_EVENTS = ['publish', 'force_publish', 'publish_correction'];
const WITHDRAWING_EVENTS = ['approve_takedown'];

type LifecycleEvent = { result?: Record<string, unknown>; params: { data?: Record<string, unknown> } };

/**
 * Hooks into the workflow's own transaction through database lifecycles of its tables. The
 * workflow writes the timeline row of a transition, then its notifications, inside one
 * transaction; queries run from these lifecycles join it. So a rejection is recorded exactly
 * when its transition commits, and the rejection email carries the wording of its reasons.
 */
export function subscribeToWorkflowRows(strapi: Core.Strapi) {
  const service = (name: string) => strapi.plugin(PLUGIN_ID).service(name);

  strapi.db.lifecycles.subscribe({
    models: [WORKFLOW_TIMELINE_UID],
    async afterCreate(event: LifecycleEvent) {
      const row = event.result as unknown as TimelineRow | undefined;
      if (row?.event === 'reject') await service('rejections').recordFromTimeline(row);
    },
  });

  strapi.db.lifecycles.subscribe({
    models: [WORKFLOW_OUTBOX_UID],
    async beforeCreate(event: LifecycleEvent) {
      const data = event.params.data;
      if (data?.kind !== 'rejected' || typeof data.caseId !== 'number') return;
      const rejection: RejectionRecord | null = await service('rejections').latestOfCase(data.caseId);
      if (!rejection) return;
      // The email template reads these lines in the recipient's language.
      data.payload = { ...(data.payload as object), reasonTexts: { vi: authorLines(rejection.snapshot, 'vi'), en: authorLines(rejection.snapshot, 'en') } };
    },
  });
}

/**
 * Listens to committed transitions: runs the pre-checks of each submission and keeps the
 * fingerprints of published items for the duplicate check. Failures are logged with the case id;
 * the admin route runs missing pre-checks on demand, so none is lost.
 */
export function listenToTransitions(strapi: Core.Strapi) {
  const service = (name: string) => strapi.plugin(PLUGIN_ID).service(name);

  strapi.eventHub.on(TRANSITION_EVENT, async (payload: TransitionEvent) => {
    if (!strapi.db.inTransaction()) return track(handleTransition(payload));
    // The transition ran inside a larger transaction (the demo seed, an import): act once that commits.
    await strapi.db.transaction(async ({ onCommit }) => {
      onCommit(() => void track(handleTransition(payload)));
    });
  });

  async function handleTransition(payload: TransitionEvent) {
    try {
      if (SUBMISSION_EVENTS.includes(payload.event)) {
        await service('prechecks').run({ caseId: payload.caseId, contentType: payload.contentType, documentId: payload.documentId, locale: payload.locale, event: payload.event, submittedAt: new Date(payload.at) });
      } else if (PUBLISHING_EVENTS.includes(payload.event)) {
        const localeParam = payload.locale === 'und' ? {} : { locale: payload.locale };
        const published = await strapi.documents(payload.contentType as 'api::article.article').findOne({ documentId: payload.documentId, ...localeParam, status: 'published' } as never);
        if (published) await service('duplicates').remember(payload.contentType, payload.documentId, payload.locale, published as Record<string, unknown>, new Date(payload.at));
      } else if (WITHDRAWING_EVENTS.includes(payload.event)) {
        await service('duplicates').forget(payload.contentType, payload.documentId, payload.locale);
      }
    } catch (error) {
      strapi.log.error(`[${PLUGIN_ID}] Handling ${payload.event} of case ${payload.caseId} failed: ${(error as Error).message}`);
    }
  }
}

/** Handlers still running; the workflow does not wait for them. */
const pending = new Set<Promise<void>>();

function track(work: Promise<void>) {
  pending.add(work);
  void work.finally(() => pending.delete(work));
  return work;
}

/** Waits until every transition handler started so far has finished (shutdown and tests). */
export async function settled() {
  while (pending.size > 0) await Promise.all([...pending]);
}

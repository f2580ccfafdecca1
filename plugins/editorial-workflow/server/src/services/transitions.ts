import type { Core } from '@strapi/strapi';
import { CASE_UID, TIMELINE_UID, TRANSITION_EVENT } from '../constants';
import { refusals } from '../messages';
import { isEventName, targetOf, transitionOf, type EventName, type State } from '../state-machine';
import { actorId, type Actor } from './actor';
import { NO_LOCALE, type CaseRecord } from './cases';
import { publicationGuard } from './guard';
import { checkRequirements, type EventInput } from './input';
import { enqueueNotifications } from './notifications';
import { reasonCatalogue } from './reasons';
import { checkScope } from './scope';

export interface ApplyRequest {
  uid: string;
  documentId: string;
  /** Locale of the document; ignored for content types without i18n. */
  locale?: string;
  event: string;
  actor: Actor;
  input?: EventInput;
  now?: Date;
  /** Skips the notifications, for imports of content that was already handled elsewhere. */
  silent?: boolean;
}

/** What a participant learns of a transition, inside the transition's transaction. */
export interface TransitionContext {
  event: EventName;
  uid: string;
  documentId: string;
  locale: string;
  fromState: State;
  toState: State;
  case: CaseRecord;
  actor: Actor;
  at: Date;
  input: ReturnType<typeof checkRequirements>['checked'];
  timelineEntryId: number;
}

/**
 * Work of another plugin that must commit or roll back with a transition (deadline timers,
 * rejection records). It runs inside the transaction; a thrown error undoes the transition.
 */
export type TransitionParticipant = (context: TransitionContext) => Promise<void>;

export type ApplyResult =
  | { ok: true; case: CaseRecord; timelineEntryId: number }
  | { ok: false; status: 400 | 403 | 404 | 409; refusals: string[] };

const refuse = (status: 400 | 403 | 404 | 409, ...sentences: string[]): ApplyResult => ({ ok: false, status, refusals: sentences });

/** Returns the text that readers see for an event: a correction note or a public withdrawal notice. */
function publicNoteOf(event: EventName, input: ReturnType<typeof checkRequirements>['checked']): string | null {
  if (event === 'publish_correction') return input.publicNote ?? null;
  if (event === 'approve_takedown' && input.withdrawal?.mode === 'public_notice') return input.withdrawal.notice?.normalize('NFC').trim() ?? null;
  return null;
}

/** Data written to the case by each event, beyond its new state. */
function caseChanges(event: EventName, record: CaseRecord, actor: Actor, input: ReturnType<typeof checkRequirements>['checked'], now: Date) {
  const changes: Partial<CaseRecord> = {};
  switch (event) {
    case 'submit':
    case 'resubmit':
      changes.submittedById = actorId(actor);
      changes.receivedAt = now.toISOString();
      break;
    case 'approve':
      changes.approvedAt = now.toISOString();
      break;
    case 'assign_review':
      changes.assigneeId = input.assigneeId;
      break;
    case 'schedule':
      changes.scheduledAt = input.scheduledAtDate!.toISOString();
      break;
    case 'unschedule':
    case 'publish':
      changes.scheduledAt = null;
      break;
    case 'force_publish':
      changes.approvedAt = now.toISOString();
      changes.forcePublishedById = actorId(actor);
      changes.forcePublishConfirmedById = null;
      break;
    case 'confirm_force_publish':
      changes.forcePublishConfirmedById = actorId(actor);
      break;
    case 'publish_correction':
      changes.publicNote = input.publicNote;
      changes.publicNoteKind = 'correction';
      break;
    case 'approve_takedown':
      changes.publicNote = input.withdrawal?.mode === 'public_notice' ? input.withdrawal.notice!.normalize('NFC').trim() : null;
      changes.publicNoteKind = input.withdrawal?.mode === 'public_notice' ? 'withdrawal' : null;
      break;
  }
  return changes;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cases = () => strapi.plugin('editorial-workflow').service('cases');
  const participants = new Map<string, TransitionParticipant>();

  return {
    /** Registers work that joins every transition's transaction, under a name that replaces an earlier one. */
    addParticipant(name: string, participant: TransitionParticipant) {
      participants.set(name, participant);
    },

    /**
     * Applies one event to the case of a document locale. It checks the event, the actor's
     * permission, the state and the input. Then, in one transaction, it changes the state,
     * appends to the timeline, writes notifications to the outbox and publishes or unpublishes.
     * Listeners hear of the transition on the event hub after commit. A refusal is returned as
     * sentences with an HTTP status; only a broken invariant throws.
     */
    async apply(request: ApplyRequest): Promise<ApplyResult> {
      const { uid, documentId, actor } = request;
      const now = request.now ?? new Date();
      const input = request.input ?? {};

      if (!isEventName(request.event)) return refuse(400, refusals.unknownEvent(request.event));
      const event = request.event;
      const transition = transitionOf(event);
      if (!cases().isWorkflowType(uid)) return refuse(400, refusals.notWorkflowType(uid));

      if (request.locale !== undefined && typeof request.locale !== 'string') return refuse(400, refusals.invalidLocale(String(request.locale)));
      const requestedLocale = request.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
      if (cases().isLocalized(uid) && !(await cases().isPortalLocale(requestedLocale))) return refuse(400, refusals.invalidLocale(requestedLocale));
      const locale: string = cases().caseLocale(uid, requestedLocale);
      const draft = await cases().readDraft(uid, documentId, locale);
      if (!draft) return refuse(404, refusals.documentNotFound(uid, documentId, locale));

      if (actor.kind === 'user' && !actor.can(transition.permission)) return refuse(403, refusals.notPermitted(event));

      const existing: CaseRecord | null = await cases().find(uid, documentId, locale);
      const state: State = existing?.state ?? 'draft';
      if (!(transition.from as readonly State[]).includes(state)) return refuse(409, refusals.wrongState(event, state));

      const scope = await checkScope(strapi, actor, transition.permission, draft, existing?.assigneeId ?? null);
      if (!scope.allowed) return refuse(403, scope.refusal!);

      if (event === 'confirm_force_publish') {
        if (!existing?.forcePublishedById || existing.forcePublishConfirmedById) return refuse(409, refusals.notForcePublished());
        if (actor.kind === 'user' && actor.id === existing.forcePublishedById) return refuse(403, refusals.ownForcePublish());
      }

      if (transition.secondPairOfEyes && actor.kind === 'user') {
        const involved = [existing?.submittedById, draft.updatedById];
        if (involved.includes(actor.id)) return refuse(403, refusals.secondPairOfEyes(event));
      }

      // Publication must show what was approved: an edit after the approval needs a new approval.
      const editedAfterApproval = Boolean(existing?.approvedAt && draft.updatedAt && draft.updatedAt > existing.approvedAt);
      if ((event === 'publish' || event === 'schedule') && editedAfterApproval) return refuse(409, refusals.editedAfterApproval());
      if (event === 'approve' && state === 'approved' && !editedAfterApproval) return refuse(409, refusals.alreadyApproved());

      const target = targetOf(event, state);
      const { problems, checked } = checkRequirements(transition.requires, input, now);
      if (problems.length > 0) return refuse(400, ...problems);
      if (transition.requires.includes('reasons')) {
        const invalid = await reasonCatalogue(strapi).findInvalidCodes(checked.reasons!, now);
        if (invalid.length > 0) return refuse(400, refusals.unknownReasons(invalid));
      }
      if (transition.requires.includes('assignee')) {
        const assignee = await strapi.db.query('admin::user').findOne({ where: { id: checked.assigneeId, isActive: true }, select: ['id'] });
        if (!assignee) return refuse(400, refusals.unknownAssignee(checked.assigneeId!));
      }

      const committed = await strapi.db.transaction(async () => {
        const record: CaseRecord =
          existing ??
          (await strapi.db.query(CASE_UID).create({
            data: { contentType: uid, entryDocumentId: documentId, entryLocale: locale, state: 'draft', title: draft.title },
          }));

        // The title readers saw, kept with a public note: the draft may hold an unpublished one.
        const publicTitle = event === 'publish_correction' ? draft.title : event === 'approve_takedown' ? await cases().readPublishedTitle(uid, documentId, locale) : undefined;
        const changes = { ...caseChanges(event, record, actor, checked, now), title: draft.title, unitDocumentId: draft.unitDocumentId, lastEditedById: draft.updatedById, lastTransitionAt: now.toISOString() };
        // The state in the WHERE clause makes a concurrent transition of the same case lose cleanly.
        const { count } = await strapi.db.query(CASE_UID).updateMany({ where: { id: record.id, state }, data: { ...changes, state: target } });
        if (count !== 1) return null;
        const updated: CaseRecord = { ...record, ...changes, state: target };

        const entry = await strapi.db.query(TIMELINE_UID).create({
          data: {
            caseId: record.id,
            event,
            fromState: state,
            toState: target,
            actorKind: actor.kind,
            actorId: actorId(actor),
            actorName: actor.name,
            at: now.toISOString(),
            reasons: checked.reasons ?? null,
            // Internal remarks and the text readers see are kept apart: only publicNote is public.
            note: checked.note || null,
            publicNote: publicNoteOf(event, checked),
            details: {
              ...(publicTitle !== undefined ? { publicTitle } : {}),
              ...(checked.assigneeId ? { assigneeId: checked.assigneeId } : {}),
              ...(checked.scheduledAtDate ? { scheduledAt: checked.scheduledAtDate.toISOString() } : {}),
              ...(checked.withdrawal ? { withdrawal: checked.withdrawal.mode } : {}),
            },
          },
        });

        for (const participant of participants.values()) {
          await participant({
            event,
            uid,
            documentId,
            locale,
            fromState: state,
            toState: target,
            case: updated,
            actor,
            at: now,
            input: checked,
            timelineEntryId: entry.id as number,
          });
        }

        if (!request.silent) await enqueueNotifications(strapi, event, updated, { event, contentType: uid, documentId, locale, title: draft.title, note: checked.note ?? null, reasons: checked.reasons ?? null });

        if (transition.effect) {
          const documents = strapi.documents(uid as 'api::article.article');
          const localeParam = locale === NO_LOCALE ? {} : { locale };
          await publicationGuard.run(event, () =>
            transition.effect === 'publish'
              ? documents.publish({ documentId, ...localeParam })
              : documents.unpublish({ documentId, ...localeParam })
          );
        }
        return { record: updated, entryId: entry.id as number };
      });

      if (!committed) return refuse(409, refusals.changedMeanwhile());

      strapi.eventHub.emit(TRANSITION_EVENT, {
        event,
        caseId: committed.record.id,
        contentType: uid,
        documentId,
        locale,
        fromState: state,
        toState: target,
        actor: { kind: actor.kind, id: actorId(actor), name: actor.name },
        at: now.toISOString(),
        reasons: checked.reasons ?? null,
      });
      strapi.log.info(`[editorial-workflow] Case ${committed.record.id} (${uid} ${documentId} ${locale}): ${event}, ${state} -> ${target}.`);
      return { ok: true, case: committed.record, timelineEntryId: committed.entryId };
    },
  };
};

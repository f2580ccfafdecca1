import type { Core } from '@strapi/strapi';
import { OUTBOX_UID } from '../constants';
import type { EventName } from '../state-machine';
import type { CaseRecord } from './cases';

type Audience = 'submitter' | 'assignee' | `role:${string}`;

/** Notification kind and audience of each event. Events not listed send no notification. */
const NOTIFICATIONS: Partial<Record<EventName, { kind: string; audience: Audience[] }>> = {
  submit: { kind: 'submitted', audience: ['role:most-standing-editor'] },
  resubmit: { kind: 'submitted', audience: ['role:most-standing-editor'] },
  provide_clarification: { kind: 'submitted', audience: ['role:most-standing-editor'] },
  assign_review: { kind: 'assigned_for_review', audience: ['assignee'] },
  request_clarification: { kind: 'clarification_requested', audience: ['submitter'] },
  reject: { kind: 'rejected', audience: ['submitter'] },
  approve: { kind: 'approved', audience: ['submitter'] },
  publish: { kind: 'published', audience: ['submitter'] },
  force_publish: { kind: 'published', audience: ['submitter', 'role:most-board-head'] },
  publish_correction: { kind: 'published', audience: ['submitter'] },
  hold_for_direction: { kind: 'held', audience: ['role:most-leadership'] },
  request_takedown: { kind: 'takedown_requested', audience: ['role:most-leadership'] },
};

/**
 * Writes the notifications of a transition into the outbox. It runs inside the transition's
 * transaction, so a notification exists exactly when its transition was committed.
 */
export async function enqueueNotifications(
  strapi: Core.Strapi,
  event: EventName,
  record: CaseRecord,
  payload: Record<string, unknown>
) {
  const rule = NOTIFICATIONS[event];
  if (!rule) return [];

  const recipients = new Set<number>();
  for (const audience of rule.audience) {
    if (audience === 'submitter' && record.submittedById) recipients.add(record.submittedById);
    if (audience === 'assignee' && record.assigneeId) recipients.add(record.assigneeId);
    if (audience.startsWith('role:')) {
      const users = await strapi.db
        .query('admin::user')
        .findMany({ where: { isActive: true, roles: { code: audience.slice('role:'.length) } }, select: ['id'] });
      users.forEach((user: { id: number }) => recipients.add(user.id));
    }
  }
  if (recipients.size === 0) return [];

  // One message per recipient, so that a failed delivery is retried for that recipient only.
  const messages: unknown[] = [];
  for (const recipientId of recipients) {
    messages.push(
      await strapi.db.query(OUTBOX_UID).create({
        data: { caseId: record.id, kind: rule.kind, recipientIds: [recipientId], payload, status: 'pending', attempts: 0 },
      })
    );
  }
  return messages;
}

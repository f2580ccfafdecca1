import type { Core } from '@strapi/strapi';
import { OUTBOX_UID } from '../constants';
import { renderNotification, type NotificationPayload } from './email-templates';

/** Sending attempts before a message is marked failed; it then waits for an editor to retry it. */
export const MAX_ATTEMPTS = 5;
const BATCH_SIZE = 50;
const MINUTE = 60_000;

interface OutboxMessage {
  id: number;
  caseId: number;
  kind: string;
  recipientIds: number[] | null;
  payload: NotificationPayload | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
}

export type SendOutcome = { id: number; outcome: 'sent' | 'retry' | 'failed' | 'skipped'; error?: string };

/** Delay before the next attempt after `attempts` failures: 1, 2, 4, 8 minutes. */
export const retryDelay = (attempts: number) => MINUTE * 2 ** Math.max(0, attempts - 1);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const adminUrl = () => {
    const serverUrl = (strapi.config.get('server.url', '') as string).replace(/\/$/, '');
    return `${serverUrl}${strapi.config.get('admin.url', '/admin') as string}`;
  };

  async function recipientsOf(message: OutboxMessage) {
    const ids = message.recipientIds ?? [];
    if (ids.length === 0) return [];
    return strapi.db
      .query('admin::user')
      .findMany({ where: { id: { $in: ids }, isActive: true }, select: ['id', 'email', 'preferedLanguage'] });
  }

  /** Claims a message for this process: the attempt counter in the WHERE clause lets one process win. */
  async function claim(message: OutboxMessage, now: Date) {
    const { count } = await strapi.db.query(OUTBOX_UID).updateMany({
      where: { id: message.id, status: 'pending', attempts: message.attempts },
      data: { attempts: message.attempts + 1, nextAttemptAt: new Date(now.getTime() + retryDelay(message.attempts + 1)).toISOString() },
    });
    return count === 1;
  }

  async function deliver(message: OutboxMessage) {
    const recipients = await recipientsOf(message);
    for (const recipient of recipients) {
      const language = recipient.preferedLanguage === 'en' ? 'en' : 'vi';
      const { subject, text } = renderNotification(message.kind, message.payload ?? {}, language, adminUrl());
      await strapi.plugin('email').service('email').send({ to: recipient.email, subject, text });
    }
  }

  return {
    /**
     * Sends the notifications that are due, each to every recipient. A message that fails is
     * retried with a growing delay and marked failed after {@link MAX_ATTEMPTS} attempts, with
     * its last error kept, so a failed send is never lost. Several processes may run this at
     * once: each message is claimed by exactly one of them.
     */
    async sendDue(now = new Date()): Promise<SendOutcome[]> {
      const due: OutboxMessage[] = await strapi.db.query(OUTBOX_UID).findMany({
        where: { status: 'pending', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now.toISOString() } }] },
        orderBy: [{ id: 'asc' }],
        limit: BATCH_SIZE,
      });

      const outcomes: SendOutcome[] = [];
      for (const message of due) {
        if (!(await claim(message, now))) {
          outcomes.push({ id: message.id, outcome: 'skipped' });
          continue;
        }
        const attempts = message.attempts + 1;
        try {
          await deliver(message);
          await strapi.db.query(OUTBOX_UID).update({ where: { id: message.id }, data: { status: 'sent', sentAt: now.toISOString(), lastError: null } });
          outcomes.push({ id: message.id, outcome: 'sent' });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const failed = attempts >= MAX_ATTEMPTS;
          await strapi.db.query(OUTBOX_UID).update({ where: { id: message.id }, data: { status: failed ? 'failed' : 'pending', lastError: reason } });
          strapi.log.error(`[editorial-workflow] Notification ${message.id} (case ${message.caseId}, ${message.kind}) failed on attempt ${attempts}: ${reason}`);
          outcomes.push({ id: message.id, outcome: failed ? 'failed' : 'retry', error: reason });
        }
      }
      return outcomes;
    },

    /** Puts a failed notification back in the queue for an immediate attempt. */
    async retry(id: number) {
      const { count } = await strapi.db.query(OUTBOX_UID).updateMany({
        where: { id, status: 'failed' },
        data: { status: 'pending', attempts: 0, nextAttemptAt: null },
      });
      return count === 1;
    },

    async list(status: string | undefined, page: number, pageSize: number) {
      const where = status ? { status } : {};
      const [results, total] = await Promise.all([
        strapi.db.query(OUTBOX_UID).findMany({ where, orderBy: [{ id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(OUTBOX_UID).count({ where }),
      ]);
      return { results, pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },
  };
};

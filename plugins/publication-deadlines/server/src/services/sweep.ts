import type { Core } from '@strapi/strapi';
import type { DeadlinesConfig } from '../config';
import { CASE_UID, OUTBOX_UID, REMINDER_UID, TIMER_UID } from '../constants';
import { reminderPointNames, type TimerRecord } from './timers';

export interface SweepResult {
  /** Timers whose reminder point was handled by this run. */
  handled: number;
  reminders: number;
  breaches: number;
  escalations: number;
}

const STANDING_EDITOR = 'most-standing-editor';
const BOARD_HEAD = 'most-board-head';

/**
 * The periodic job: finds the timers with a reminder point due through the index on
 * next_reminder_at, and for each sends the latest point that has passed (earlier ones missed while
 * the job was down are logged as skipped). A conditional update of the timer's reminder cursor
 * claims each point, so that with several processes, or after a restart, it goes out exactly once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::publication-deadlines') as DeadlinesConfig;
  const timers = () => strapi.plugin('publication-deadlines').service('timers');

  async function roleMembers(code: string): Promise<number[]> {
    const users = await strapi.db.query('admin::user').findMany({ where: { isActive: true, roles: { code } }, select: ['id'] });
    return users.map((user: { id: number }) => user.id);
  }

  async function enqueue(caseId: number, kind: string, recipients: number[], payload: Record<string, unknown>) {
    for (const recipientId of new Set(recipients)) {
      await strapi.db.query(OUTBOX_UID).create({ data: { caseId, kind, recipientIds: [recipientId], payload, status: 'pending', attempts: 0 } });
    }
    return new Set(recipients).size;
  }

  async function handle(timer: TimerRecord, now: Date, result: SweepResult) {
    const cal = await strapi.plugin('publication-deadlines').service('calendar').current();
    const instants: Date[] = timers().reminderInstants(cal, timer);
    const names = reminderPointNames(config().reminderPoints);
    const passed = instants.filter((instant) => instant.getTime() <= now.getTime()).length;
    if (passed <= timer.reminderCursor) return;
    const breachIndex = instants.length - 1;
    const breached = passed > breachIndex;

    const claimed = await strapi.db.transaction(async () => {
      const { count } = await strapi.db.query(TIMER_UID).updateMany({
        where: { id: timer.id, generation: timer.generation, reminderCursor: timer.reminderCursor, status: { $in: ['running', 'breached'] } },
        data: {
          reminderCursor: passed,
          nextReminderAt: instants[passed]?.toISOString() ?? null,
          ...(breached && timer.status === 'running' ? { status: 'breached', breachedAt: timer.dueAt } : {}),
        },
      });
      if (count !== 1) return false;

      for (let index = timer.reminderCursor; index < passed; index += 1) {
        await strapi.db.query(REMINDER_UID).create({
          data: { timerId: timer.id, generation: timer.generation, point: names[index], outcome: index === passed - 1 ? 'sent' : 'skipped', at: now.toISOString() },
        });
      }

      const record = await strapi.db.query(CASE_UID).findOne({ where: { id: timer.caseId }, select: ['id', 'title', 'assigneeId', 'state'] });
      const payload = {
        contentType: timer.contentType,
        documentId: timer.entryDocumentId,
        locale: timer.entryLocale,
        title: record?.title ?? null,
        deadline: { rule: timer.ruleCode, dueAt: timer.dueAt, point: names[passed - 1] },
      };
      const assignees = record?.assigneeId ? [record.assigneeId] : await roleMembers(STANDING_EDITOR);
      result.reminders += await enqueue(timer.caseId, breached ? 'deadline_breached' : 'deadline_reminder', assignees, payload);
      if (breached) {
        result.breaches += 1;
        result.escalations += await enqueue(timer.caseId, 'deadline_escalated', await roleMembers(BOARD_HEAD), payload);
      }
      return true;
    });
    if (claimed) {
      result.handled += 1;
      strapi.log.info(`[publication-deadlines] Timer ${timer.id} (case ${timer.caseId}, ${timer.ruleCode}): ${names[passed - 1]} point handled.`);
    }
  }

  return {
    async run(now = new Date()): Promise<SweepResult> {
      const result: SweepResult = { handled: 0, reminders: 0, breaches: 0, escalations: 0 };
      const due: TimerRecord[] = await strapi.db.query(TIMER_UID).findMany({
        where: { nextReminderAt: { $lte: now.toISOString() }, status: { $in: ['running', 'breached'] } },
        orderBy: [{ nextReminderAt: 'asc' }],
        limit: config().sweepBatchSize,
      });
      for (const timer of due) {
        try {
          await handle(timer, now, result);
        } catch (error) {
          strapi.log.error(`[publication-deadlines] Timer ${timer.id} (case ${timer.caseId}): reminder failed: ${(error as Error).message}`);
        }
      }
      return result;
    },
  };
};

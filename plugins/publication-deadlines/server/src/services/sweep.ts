import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { WorkingCalendar } from '../calendar/working-calendar';
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

const TIMER_TABLE = 'publication_deadline_timers';
const STANDING_EDITOR = 'most-standing-editor';
const BOARD_HEAD = 'most-board-head';

interface Claim {
  timer: TimerRecord;
  passed: number;
  breached: boolean;
  instants: Date[];
}

/**
 * The periodic job. It finds the timers with a reminder point due through the index on
 * next_reminder_at and, for each, sends the latest point that has passed; earlier points missed
 * while the job was down are logged as skipped. A conditional update of the timer's reminder
 * cursor claims each point, so that with several processes, or after a restart, a point is
 * sent once: a second process finds the cursor moved and skips the timer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::publication-deadlines') as DeadlinesConfig;
  const timers = () => strapi.plugin('publication-deadlines').service('timers');

  async function roleMembers(code: string): Promise<number[]> {
    const users = await strapi.db.query('admin::user').findMany({ where: { isActive: true, roles: { code } }, select: ['id'] });
    return users.map((user: { id: number }) => user.id);
  }

  /** Works out which point each timer has reached; timers with nothing new are left out. */
  function claimsOf(due: TimerRecord[], calendar: WorkingCalendar, now: Date): Claim[] {
    const claims: Claim[] = [];
    for (const timer of due) {
      const instants: Date[] = timers().reminderInstants(calendar, timer);
      const passed = instants.filter((instant) => instant.getTime() <= now.getTime()).length;
      if (passed <= timer.reminderCursor) continue;
      claims.push({ timer, passed, breached: passed > instants.length - 1, instants });
    }
    return claims;
  }

  /**
   * Moves the reminder cursor of every claimed timer in one UPDATE, each row only if its
   * generation and cursor are still those read, and returns the ids of the rows it changed. One
   * statement instead of one per timer keeps a sweep of a hundred timers to a few milliseconds.
   * Dates are bound as Date objects, which knex stores as Strapi does on each database.
   */
  async function claim(trx: Knex.Transaction, claims: Claim[], now: Date): Promise<Set<number>> {
    const rows = claims.map(() => '(CAST(? AS integer), CAST(? AS integer), CAST(? AS integer), CAST(? AS integer), CAST(? AS timestamp), CAST(? AS integer), CAST(? AS timestamp))').join(', ');
    const bindings = claims.flatMap(({ timer, passed, breached, instants }) => [
      timer.id,
      timer.generation,
      timer.reminderCursor,
      passed,
      instants[passed] ?? null,
      breached ? 1 : 0,
      new Date(timer.dueAt),
    ]);
    const becomesBreached = `v.breach = 1 AND ${TIMER_TABLE}.status = 'running'`;
    const response = await trx.raw(
      `WITH v (id, generation, cursor_from, cursor_to, next_at, breach, due_at) AS (VALUES ${rows})
       UPDATE ${TIMER_TABLE}
       SET reminder_cursor = v.cursor_to,
           next_reminder_at = v.next_at,
           status = CASE WHEN ${becomesBreached} THEN 'breached' ELSE ${TIMER_TABLE}.status END,
           breached_at = CASE WHEN ${becomesBreached} THEN v.due_at ELSE ${TIMER_TABLE}.breached_at END,
           updated_at = CAST(? AS timestamp)
       FROM v
       WHERE ${TIMER_TABLE}.id = v.id AND ${TIMER_TABLE}.generation = v.generation
         AND ${TIMER_TABLE}.reminder_cursor = v.cursor_from AND ${TIMER_TABLE}.status IN ('running', 'breached')
       RETURNING ${TIMER_TABLE}.id`,
      [...bindings, now]
    );
    const changed: { id: number }[] = Array.isArray(response) ? response : response.rows;
    return new Set(changed.map((row) => Number(row.id)));
  }

  return {
    async run(now = new Date()): Promise<SweepResult> {
      const result: SweepResult = { handled: 0, reminders: 0, breaches: 0, escalations: 0 };
      const due: TimerRecord[] = await strapi.db.query(TIMER_UID).findMany({
        where: { nextReminderAt: { $lte: now.toISOString() }, status: { $in: ['running', 'breached'] } },
        orderBy: [{ nextReminderAt: 'asc' }],
        limit: config().sweepBatchSize,
      });
      if (due.length === 0) return result;

      const calendar: WorkingCalendar = await strapi.plugin('publication-deadlines').service('calendar').current();
      const claims = claimsOf(due, calendar, now);
      if (claims.length === 0) return result;
      const names = reminderPointNames(config().reminderPoints);
      const caseIds = [...new Set(claims.map(({ timer }) => timer.caseId))];
      const cases: { id: number; title: string | null; assigneeId: number | null }[] = await strapi.db
        .query(CASE_UID)
        .findMany({ where: { id: { $in: caseIds } }, select: ['id', 'title', 'assigneeId'] });
      const caseById = new Map(cases.map((record) => [record.id, record]));
      const standingEditors = await roleMembers(STANDING_EDITOR);
      const boardHeads = claims.some(({ breached }) => breached) ? await roleMembers(BOARD_HEAD) : [];

      try {
        await strapi.db.transaction(async ({ trx }) => {
          const log: Record<string, unknown>[] = [];
          const messages: Record<string, unknown>[] = [];
          const won = await claim(trx, claims, now);
          for (const { timer, passed, breached } of claims) {
            // Another process claimed this point first.
            if (!won.has(timer.id)) continue;

            for (let index = timer.reminderCursor; index < passed; index += 1) {
              log.push({ timerId: timer.id, generation: timer.generation, point: names[index], outcome: index === passed - 1 ? 'sent' : 'skipped', at: now.toISOString() });
            }
            const record = caseById.get(timer.caseId);
            const payload = {
              contentType: timer.contentType,
              documentId: timer.entryDocumentId,
              locale: timer.entryLocale,
              title: record?.title ?? null,
              deadline: { rule: timer.ruleCode, dueAt: timer.dueAt, point: names[passed - 1] },
            };
            const message = (kind: string, recipientId: number) => ({ caseId: timer.caseId, kind, recipientIds: [recipientId], payload, status: 'pending', attempts: 0 });
            const assignees = record?.assigneeId ? [record.assigneeId] : standingEditors;
            for (const recipientId of new Set(assignees)) messages.push(message(breached ? 'deadline_breached' : 'deadline_reminder', recipientId));
            result.reminders += new Set(assignees).size;
            if (breached) {
              for (const recipientId of new Set(boardHeads)) messages.push(message('deadline_escalated', recipientId));
              result.escalations += new Set(boardHeads).size;
              result.breaches += 1;
            }
            result.handled += 1;
          }
          if (log.length > 0) await strapi.db.query(REMINDER_UID).createMany({ data: log });
          if (messages.length > 0) await strapi.db.query(OUTBOX_UID).createMany({ data: messages });
        });
      } catch (error) {
        strapi.log.error(`[publication-deadlines] Sweep of ${claims.length} timers (ids ${claims.map(({ timer }) => timer.id).join(', ')}) failed: ${(error as Error).message}`);
        return { handled: 0, reminders: 0, breaches: 0, escalations: 0 };
      }
      if (result.handled > 0) strapi.log.info(`[publication-deadlines] Sweep handled ${result.handled} timers: ${result.reminders} reminders, ${result.breaches} breaches.`);
      return result;
    },
  };
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { dueOf, extend, noonRuleOf, pauseLength, pointOf } from '../clock';
import type { DeadlinesConfig } from '../config';
import { CALENDAR_RANGE, CASE_UID, TIMELINE_UID, TIMER_UID } from '../constants';
import { dayFromParts } from '../calendar/days';
import { fromLocal } from '../calendar/zone';
import { summarize } from './describe';
import { ruleByCode, type Duration, type Duty, type StartSource } from '../rules';

export type TimerStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

export interface TimerRecord {
  id: number;
  caseId: number;
  ruleCode: string;
  duty: Exclude<Duty, 'none'>;
  contentType: string;
  entryDocumentId: string;
  entryLocale: string;
  unitDocumentId: string | null;
  startAt: string;
  startSource: StartSource;
  dueAt: string;
  duration: Duration;
  status: TimerStatus;
  metAt: string | null;
  breachedAt: string | null;
  pausedAt: string | null;
  extensionMs: string | number | null;
  generation: number;
  reminderCursor: number;
  nextReminderAt: string | null;
}

/** Data the editorial-workflow plugin passes to the participants of a transition. */
export interface TransitionContext {
  event: string;
  uid: string;
  documentId: string;
  locale: string;
  fromState: string;
  toState: string;
  case: { id: number; unitDocumentId: string | null; receivedAt: string | null; state: string };
  actor: { kind: 'user' | 'system'; id?: number; name: string };
  at: Date;
}

/** A clock to start for a case, read from its document. */
interface ClockStart {
  ruleCode: string;
  duty: Exclude<Duty, 'none'>;
  duration: Duration;
  startAt: Date;
  startSource: StartSource;
  /** Unit clocks are measured when the item reaches the board, so they are met on creation. */
  metAt?: Date;
}

const OPEN: TimerStatus[] = ['running', 'paused', 'breached'];

type Actor = { kind: 'user' | 'system'; id?: number; name: string };

/** Start sources read from a document field, which an edit of that field moves. */
const FIELD_SOURCES: StartSource[] = ['incoming_stamp', 'leadership_approval', 'approval', 'leadership_decision', 'question_received', 'receipt'];

/** The document field that starts the clock of each content type, named in the timeline note. */
export const START_FIELDS: Record<string, string> = {
  'api::legal-document.legal-document': 'incomingStampAt',
  'api::draft-regulation.draft-regulation': 'leadershipApprovedAt',
  'api::plan-notice.plan-notice': 'approvedAt',
  'api::statistical-report.statistical-report': 'leadershipDecisionAt',
  'api::question.question': 'receivedAt',
};

/** D6 and D7 are one clock with a noon cut-off, whichever side of noon its start falls. */
const sameRuleFamily = (a: string, b: string) => a === b || (['D6', 'D7'].includes(a) && ['D6', 'D7'].includes(b));
const asDate = (value: unknown): Date | null => (value ? new Date(value as string) : null);
const NO_LOCALE = 'und';
/** A date-time with seconds optional and an offset, nothing before or after it. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:\d{2})$/;
/** The first instant the working calendar covers; an earlier start is a mistyped year. */
const EARLIEST_START = fromLocal(dayFromParts(CALENDAR_RANGE.first, 1, 1));

export const reminderPointNames = (points: number[]) => [...points.map((point) => `${Math.round(point * 100)}%`), 'breach'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::publication-deadlines') as DeadlinesConfig;
  const calendar = (): Promise<WorkingCalendar> => strapi.plugin('publication-deadlines').service('calendar').current();

  /** Reads the fields that start clocks from the draft of a document locale. */
  async function readDocument(uid: string, documentId: string, locale: string) {
    const where: Record<string, unknown> = { documentId, publishedAt: null };
    if (locale !== NO_LOCALE) where.locale = locale;
    const populate = uid === 'api::article.article' ? ['event'] : [];
    return strapi.db.query(uid as never).findOne({ where, populate });
  }

  /** Lists the clocks that a submission starts, by content type (rules D1–D12). */
  async function clocksFor(uid: string, row: Record<string, any>, receipt: Date): Promise<ClockStart[]> {
    const board = (ruleCode: string, startAt: Date | null, source: StartSource, duration?: Duration): ClockStart => ({
      ruleCode,
      duty: 'board_publishes',
      duration: duration ?? ruleByCode(ruleCode)!.duration,
      startAt: startAt ?? receipt,
      startSource: startAt ? source : 'receipt',
    });
    switch (uid) {
      case 'api::article.article': {
        const event = row.event as Record<string, any> | null;
        if (!event) return [];
        const clocks: ClockStart[] = [];
        if (event.kind === 'multi_day') {
          // A closing item is measured from the closing ceremony, any other from the opening one.
          const opening = asDate(event.openingCeremonyAt) ?? asDate(event.startsAt);
          const closing = asDate(event.closingCeremonyAt);
          const fromClosing = closing !== null && closing.getTime() <= receipt.getTime();
          const startAt = fromClosing ? closing : opening;
          if (startAt) clocks.push({ ruleCode: 'D2', duty: 'unit_sends', duration: ruleByCode('D2')!.duration, startAt, startSource: fromClosing ? 'closing_ceremony' : 'opening_ceremony', metAt: receipt });
        } else {
          const end = asDate(event.endsAt) ?? asDate(event.startsAt);
          if (end) clocks.push({ ruleCode: 'D1', duty: 'unit_sends', duration: ruleByCode('D1')!.duration, startAt: end, startSource: 'event_end', metAt: receipt });
        }
        clocks.push(board(event.highlightedInCommunicationPlan ? 'D3' : 'D4', receipt, 'receipt'));
        return clocks;
      }
      case 'api::legal-document.legal-document': {
        const stamp = asDate(row.incomingStampAt) ?? receipt;
        return [board(noonRuleOf(await calendar(), stamp), stamp, row.incomingStampAt ? 'incoming_stamp' : 'receipt')];
      }
      case 'api::draft-regulation.draft-regulation':
        return [board('D8', asDate(row.leadershipApprovedAt), 'leadership_approval')];
      case 'api::plan-notice.plan-notice':
        return [board('D9', asDate(row.approvedAt), 'approval')];
      case 'api::statistical-report.statistical-report':
        return [board('D10', asDate(row.leadershipDecisionAt), 'leadership_decision')];
      case 'api::question.question': {
        const kind = (row.kind ?? 'question') as keyof DeadlinesConfig['questionWorkingDays'];
        const days = config().questionWorkingDays[kind] ?? config().questionWorkingDays.question;
        return [board('D12', asDate(row.receivedAt), 'question_received', { unit: 'working_days', amount: days })];
      }
      default:
        return [];
    }
  }

  /** Returns the reminder instants of a timer: the configured fractions of its time, then the due time. */
  function reminderInstants(cal: WorkingCalendar, timer: Pick<TimerRecord, 'startAt' | 'dueAt' | 'duration'>): Date[] {
    const start = new Date(timer.startAt);
    const due = new Date(timer.dueAt);
    const points = [...config().reminderPoints].sort((a, b) => a - b);
    return [...points.map((point) => pointOf(cal, timer.duration, start, due, point)), due];
  }

  const nextReminder = (cal: WorkingCalendar, timer: Pick<TimerRecord, 'startAt' | 'dueAt' | 'duration'>, cursor: number) =>
    reminderInstants(cal, timer)[cursor]?.toISOString() ?? null;

  const query = () => strapi.db.query(TIMER_UID);

  async function openTimers(caseId: number): Promise<TimerRecord[]> {
    return query().findMany({ where: { caseId, duty: 'board_publishes', status: { $in: OPEN } } });
  }

  /** Starts (or starts again, on a resubmission) the clocks of a submitted case. */
  async function startClocks(context: TransitionContext) {
    const row = await readDocument(context.uid, context.documentId, context.locale);
    if (!row) return;
    const cal = await calendar();
    const receipt = context.at;
    const clocks = await clocksFor(context.uid, row, receipt);
    const wanted = new Set(clocks.map((clock) => clock.ruleCode));

    for (const stale of await openTimers(context.case.id)) {
      if (!wanted.has(stale.ruleCode)) await query().update({ where: { id: stale.id }, data: { status: 'cancelled', nextReminderAt: null } });
    }
    for (const clock of clocks) {
      const due = dueOf(cal, clock.duration, clock.startAt)!;
      const late = clock.metAt !== undefined && clock.metAt.getTime() >= due.getTime();
      const base = {
        duty: clock.duty,
        contentType: context.uid,
        entryDocumentId: context.documentId,
        entryLocale: context.locale,
        unitDocumentId: context.case.unitDocumentId,
        startAt: clock.startAt.toISOString(),
        startSource: clock.startSource,
        dueAt: due.toISOString(),
        duration: clock.duration,
        status: clock.metAt ? 'met' : 'running',
        metAt: clock.metAt?.toISOString() ?? null,
        breachedAt: late ? due.toISOString() : null,
        pausedAt: null,
        extensionMs: 0,
        reminderCursor: 0,
      };
      const nextReminderAt = clock.metAt ? null : nextReminder(cal, { startAt: base.startAt, dueAt: base.dueAt, duration: clock.duration }, 0);
      const existing: TimerRecord | null = await query().findOne({ where: { caseId: context.case.id, ruleCode: clock.ruleCode } });
      // The unit sent the item when it first reached the board; a resubmission after a rejection
      // does not measure the unit's sending time again.
      if (existing && existing.duty === 'unit_sends' && existing.status === 'met') continue;
      if (existing) await query().update({ where: { id: existing.id }, data: { ...base, nextReminderAt, generation: existing.generation + 1 } });
      else await query().create({ data: { ...base, caseId: context.case.id, ruleCode: clock.ruleCode, nextReminderAt, generation: 1 } });
    }
  }

  async function pause(caseId: number, at: Date) {
    for (const timer of await openTimers(caseId)) {
      if (timer.status === 'paused') continue;
      await query().update({ where: { id: timer.id }, data: { status: 'paused', pausedAt: at.toISOString(), nextReminderAt: null } });
    }
  }

  /** Resumes paused clocks with the time they had left. */
  async function resume(caseId: number, at: Date) {
    const cal = await calendar();
    for (const timer of await openTimers(caseId)) {
      if (timer.status !== 'paused' || !timer.pausedAt) continue;
      const stood = pauseLength(cal, timer.duration, new Date(timer.pausedAt), at);
      const extensionMs = Number(timer.extensionMs ?? 0) + stood;
      const due = dueOf(cal, timer.duration, new Date(timer.startAt))!;
      const dueAt = extend(cal, timer.duration, due, extensionMs).toISOString();
      const status: TimerStatus = timer.breachedAt && new Date(dueAt) <= at ? 'breached' : 'running';
      const changed = { ...timer, dueAt };
      await query().update({
        where: { id: timer.id },
        // A new generation makes a sweep that read the timer before the pause lose its claim.
        data: { status, pausedAt: null, extensionMs, dueAt, generation: timer.generation + 1, nextReminderAt: nextReminder(cal, changed, timer.reminderCursor) },
      });
    }
  }

  /**
   * Returns the rule of a noon cut-off timer for a new start: D6 before 12:00, D7 from 12:00.
   * A finished row of the other rule, left by an earlier submission, is deleted to keep the key unique.
   */
  async function noonRuleFor(cal: WorkingCalendar, timer: TimerRecord, startAt: Date): Promise<string> {
    if (timer.duration.unit !== 'noon_cut_off') return timer.ruleCode;
    const ruleCode = noonRuleOf(cal, startAt);
    if (ruleCode !== timer.ruleCode) await query().deleteMany({ where: { caseId: timer.caseId, ruleCode } });
    return ruleCode;
  }

  /** Starts paused clocks again from the leadership's direction (rule D5). */
  async function restart(caseId: number, at: Date) {
    const cal = await calendar();
    for (const timer of await openTimers(caseId)) {
      const dueAt = dueOf(cal, timer.duration, at)!.toISOString();
      const startAt = at.toISOString();
      await query().update({
        where: { id: timer.id },
        data: {
          ruleCode: await noonRuleFor(cal, timer, at),
          status: 'running',
          startAt,
          startSource: 'direction',
          dueAt,
          pausedAt: null,
          breachedAt: null,
          extensionMs: 0,
          generation: timer.generation + 1,
          reminderCursor: 0,
          nextReminderAt: nextReminder(cal, { startAt, dueAt, duration: timer.duration }, 0),
        },
      });
    }
  }

  async function finish(caseId: number, at: Date, status: 'met' | 'cancelled') {
    const cal = await calendar();
    for (const timer of await openTimers(caseId)) {
      const data: Record<string, unknown> = { status, metAt: status === 'met' ? at.toISOString() : null, pausedAt: null, nextReminderAt: null };
      // A clock paused when the item is published is met with the time it had left, as if it had
      // resumed at the publication, so the pause does not count against it.
      if (status === 'met' && timer.status === 'paused' && timer.pausedAt) {
        const extensionMs = Number(timer.extensionMs ?? 0) + pauseLength(cal, timer.duration, new Date(timer.pausedAt), at);
        data.extensionMs = extensionMs;
        data.dueAt = extend(cal, timer.duration, dueOf(cal, timer.duration, new Date(timer.startAt))!, extensionMs).toISOString();
      }
      await query().update({ where: { id: timer.id }, data });
    }
  }

  /** Starts a clock from another instant and records the change on the case's timeline. */
  async function moveStart(timer: TimerRecord, startAt: Date, source: StartSource, note: string, actor: Actor, now: Date) {
    const cal = await calendar();
    const record = await strapi.db.query(CASE_UID).findOne({ where: { id: timer.caseId }, select: ['id', 'state'] });
    const due = extend(cal, timer.duration, dueOf(cal, timer.duration, startAt)!, Number(timer.extensionMs ?? 0));
    const dueAt = due.toISOString();
    const late = timer.metAt ? new Date(timer.metAt) >= due : due <= now;
    let status: TimerStatus = timer.status;
    if (OPEN.includes(timer.status) && timer.status !== 'paused') status = late ? 'breached' : 'running';
    const changed = { startAt: startAt.toISOString(), dueAt, duration: timer.duration };
    // Points already sent stay sent: the cursor goes back only to the points that have not
    // passed on the corrected clock, so that a small correction sends nothing twice.
    const passedNow = reminderInstants(cal, changed).filter((instant) => instant.getTime() <= now.getTime()).length;
    const reminderCursor = Math.min(timer.reminderCursor, passedNow);
    const ruleCode = await noonRuleFor(cal, timer, startAt);
    const updated = await query().update({
      where: { id: timer.id },
      data: {
        ruleCode,
        startAt: changed.startAt,
        startSource: source,
        dueAt,
        status,
        breachedAt: late ? dueAt : null,
        generation: timer.generation + 1,
        reminderCursor,
        nextReminderAt: status === 'running' || status === 'breached' ? nextReminder(cal, changed, reminderCursor) : null,
      },
    });
    await strapi.db.query(TIMELINE_UID).create({
      data: {
        caseId: timer.caseId,
        event: 'deadline_start_corrected',
        fromState: record?.state ?? null,
        toState: record?.state ?? null,
        actorKind: actor.kind,
        actorId: actor.id ?? null,
        actorName: actor.name,
        at: now.toISOString(),
        note,
        details: { timerId: timer.id, ruleCode, previousRuleCode: timer.ruleCode, previousStartAt: timer.startAt, startAt: changed.startAt, previousDueAt: timer.dueAt, dueAt },
      },
    });
    strapi.log.info(`[publication-deadlines] Timer ${timer.id} (case ${timer.caseId}, ${ruleCode}): start moved by ${actor.kind} ${actor.id ?? actor.name}, due ${dueAt}.`);
    return updated as TimerRecord;
  }

  return {
    /** Moves the clocks of a case with a workflow transition, inside the transition's transaction. */
    async onTransition(context: TransitionContext) {
      const { event, fromState, toState, at } = context;
      if (event === 'submit' || event === 'resubmit') return startClocks(context);
      if (toState === 'published' && fromState !== 'published' && fromState !== 'correction_in_progress') return finish(context.case.id, at, 'met');
      if (event === 'reject') return finish(context.case.id, at, 'cancelled');
      const board = ruleByCode('D4')!;
      if (fromState === toState) return;
      if (board.pausedIn.includes(toState) || board.restartedAfter.includes(toState)) return pause(context.case.id, at);
      if (board.restartedAfter.includes(fromState)) return restart(context.case.id, at);
      if (board.pausedIn.includes(fromState)) return resume(context.case.id, at);
    },

    /** Ids of the cases with a publishing clock past its due time at the given instant. */
    async overdueCaseIds(at: Date): Promise<number[]> {
      const rows: { caseId: number }[] = await query().findMany({
        where: { duty: 'board_publishes', status: { $in: ['running', 'breached'] }, dueAt: { $lte: at.toISOString() } },
        select: ['caseId'],
      });
      return [...new Set(rows.map((row) => row.caseId))];
    },

    /** Lists the timers of some cases for the admin API, keyed by case id, oldest first. */
    async forCases(caseIds: number[]): Promise<Map<number, TimerRecord[]>> {
      const byCase = new Map<number, TimerRecord[]>();
      if (caseIds.length === 0) return byCase;
      const rows: TimerRecord[] = await query().findMany({ where: { caseId: { $in: caseIds }, status: { $ne: 'cancelled' } }, orderBy: [{ caseId: 'asc' }, { id: 'asc' }] });
      for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
      return byCase;
    },

    /**
     * Corrects the start of a clock, such as a mistyped stamp, and computes its due time again.
     * The change is recorded on the case's timeline.
     */
    async correctStart(timerId: number, body: unknown, actor: { id: number; name: string }, now = new Date()) {
      const input = (body ?? {}) as Record<string, unknown>;
      const problems: string[] = [];
      const startAt = typeof input.startAt === 'string' ? new Date(input.startAt) : null;
      // Date reads other formats in the server's time zone, so the whole text must match.
      if (!startAt || Number.isNaN(startAt.getTime()) || !ISO_WITH_OFFSET.test(String(input.startAt))) {
        problems.push('startAt must be an ISO 8601 date-time with its offset, such as 2026-12-04T09:30:00+07:00.');
      } else if (startAt.getTime() < EARLIEST_START.getTime()) {
        problems.push(`startAt "${String(input.startAt)}" is invalid: it is before ${CALENDAR_RANGE.first}-01-01, where the working calendar begins; check the year.`);
      } else if (startAt.getTime() > now.getTime()) {
        problems.push('startAt is in the future; a clock starts from something that has happened.');
      }
      const note = typeof input.note === 'string' ? input.note.normalize('NFC').trim() : '';
      if (!note) problems.push('note is required: say why the start time is corrected.');
      else if (note.includes('\u0000')) problems.push('note is invalid: it contains a NUL character, which the database cannot store; remove it.');
      if (problems.length > 0) throw new errors.ValidationError(problems.join(' '), { problems });

      const timer: TimerRecord | null = await query().findOne({ where: { id: timerId } });
      if (!timer || timer.status === 'cancelled') throw new errors.NotFoundError(`No running or finished deadline timer has id ${timerId}.`);
      return strapi.db.transaction(() => moveStart(timer, startAt!, 'corrected', note, { kind: 'user', ...actor }, now));
    },

    /**
     * Follows an edit of the field that started a clock (an incoming stamp, an approval time):
     * the open clocks of the document's case start again from the new value, on the timeline.
     */
    async followDocumentEdit(uid: string, documentId: string, locale: string, actor: Actor, now = new Date()) {
      const record = await strapi.db.query(CASE_UID).findOne({ where: { contentType: uid, entryDocumentId: documentId, entryLocale: locale } });
      if (!record?.receivedAt) return;
      const timers = (await openTimers(record.id)).filter((timer) => FIELD_SOURCES.includes(timer.startSource));
      if (timers.length === 0) return;
      const row = await readDocument(uid, documentId, locale);
      if (!row) return;
      const clocks = await clocksFor(uid, row, new Date(record.receivedAt));
      for (const timer of timers) {
        const clock = clocks.find((candidate) => candidate.duty === timer.duty && sameRuleFamily(candidate.ruleCode, timer.ruleCode));
        if (!clock || clock.startAt.toISOString() === new Date(timer.startAt).toISOString()) continue;
        const note = `${START_FIELDS[uid] ?? 'start'} changed in the content manager`;
        await strapi.db.transaction(() => moveStart(timer, clock.startAt, clock.startSource, note, actor, now));
      }
    },

    /**
     * Computes again the due time of every open clock counted in working days, after an
     * administrator changed a year's table. Hour clocks do not depend on the calendar.
     */
    async recomputeWorkingDayClocks(): Promise<number> {
      const cal = await calendar();
      let changed = 0;
      let lastId = 0;
      for (;;) {
        const batch: TimerRecord[] = await query().findMany({
          where: { id: { $gt: lastId }, duty: 'board_publishes', status: { $in: OPEN } },
          orderBy: { id: 'asc' },
          limit: 500,
        });
        if (batch.length === 0) break;
        lastId = batch[batch.length - 1].id;
        for (const timer of batch) {
          if (timer.duration.unit === 'hours') continue;
          const dueAt = extend(cal, timer.duration, dueOf(cal, timer.duration, new Date(timer.startAt))!, Number(timer.extensionMs ?? 0)).toISOString();
          // A stamp's day that changes between working day and day off moves it across the noon cut-off rules.
          const ruleCode = timer.duration.unit === 'noon_cut_off' ? noonRuleOf(cal, new Date(timer.startAt)) : timer.ruleCode;
          if (dueAt === new Date(timer.dueAt).toISOString() && ruleCode === timer.ruleCode) continue;
          const moved = { ...timer, dueAt };
          await query().update({
            where: { id: timer.id },
            data: {
              ruleCode: await noonRuleFor(cal, timer, new Date(timer.startAt)),
              dueAt,
              generation: timer.generation + 1,
              nextReminderAt: timer.status === 'paused' ? null : nextReminder(cal, moved, timer.reminderCursor),
            },
          });
          changed += 1;
        }
      }
      return changed;
    },

    /** Summarizes the deadlines of some cases as the admin API shows them, keyed by case id. */
    async summaries(caseIds: number[], now = new Date()) {
      const byCase: Map<number, TimerRecord[]> = await this.forCases(caseIds);
      return new Map(caseIds.map((id) => [id, summarize(byCase.get(id) ?? [], now)]));
    },

    reminderInstants,
  };
};

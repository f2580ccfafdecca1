import type { TimerRecord } from './timers';

/** Adds what the admin panel shows next to a timer: whether it is late and by how much. */
export function describeTimer(timer: TimerRecord, now: Date) {
  const due = new Date(timer.dueAt).getTime();
  const reference = timer.metAt ? new Date(timer.metAt).getTime() : now.getTime();
  const open = ['running', 'breached'].includes(timer.status);
  return {
    id: timer.id,
    caseId: timer.caseId,
    ruleCode: timer.ruleCode,
    duty: timer.duty,
    status: timer.status,
    startAt: timer.startAt,
    startSource: timer.startSource,
    dueAt: timer.dueAt,
    metAt: timer.metAt,
    breachedAt: timer.breachedAt,
    pausedAt: timer.pausedAt,
    onTime: timer.metAt ? reference < due : null,
    overdueMs: (open || timer.metAt) && reference >= due ? reference - due : 0,
    remainingMs: open && reference < due ? due - reference : null,
  };
}

export type TimerSummary = ReturnType<typeof describeTimer>;

/** A case's deadline at a glance: its earliest open publishing clock, if any. */
export function summarize(timers: TimerRecord[], now: Date) {
  const described = timers.map((timer) => describeTimer(timer, now));
  const open = described
    .filter((timer) => timer.duty === 'board_publishes' && ['running', 'breached', 'paused'].includes(timer.status))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { timers: described, next: open[0] ?? null };
}

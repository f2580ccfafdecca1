import { finding, type Finding, type SubmissionDraft } from './types';
import { hoursAndMinutes, vietnamTime } from './text';

/** A unit sends an event item within 12 hours (Art. 10(2)(d), Decision 400/QĐ-BKHCN). */
export const EVENT_ITEM_LIMIT_MS = 12 * 60 * 60 * 1000;

interface EventSchedule {
  kind?: 'single_session' | 'multi_day';
  startsAt?: string | null;
  endsAt?: string | null;
  openingCeremonyAt?: string | null;
  closingCeremonyAt?: string | null;
}

const instant = (value: string | null | undefined) => (value ? new Date(value) : null);

function late(clock: 'end' | 'opening' | 'closing', clockAt: Date, sentAt: Date, outcome: 'suggested' | 'warning'): Finding {
  const delay = sentAt.getTime() - clockAt.getTime();
  const what = { end: ['sự kiện kết thúc', 'the event ended'], opening: ['lễ khai mạc', 'the opening ceremony'], closing: ['lễ bế mạc', 'the closing ceremony'] }[clock];
  const vi = `Tin, bài gửi lúc ${vietnamTime(sentAt)}, ${hoursAndMinutes(delay)} sau khi ${what[0]} (${vietnamTime(clockAt)}); thời hạn là 12 giờ.`;
  const en = `The item was sent at ${vietnamTime(sentAt)}, ${hoursAndMinutes(delay)} after ${what[1]} (${vietnamTime(clockAt)}); the limit is 12 hours.`;
  const note =
    outcome === 'warning'
      ? {
          vi: ' Nếu đây là tin khai mạc thì đã quá hạn; các tin sau khai mạc theo kế hoạch riêng của sự kiện.',
          en: ' If this is the opening item it is late; later items follow the event\'s own plan.',
        }
      : { vi: '', en: '' };
  return finding('event_deadline', 'R11.7', outcome, vi + note.vi, en + note.en, { clock, clockAt: clockAt.toISOString(), sentAt: sentAt.toISOString(), delayMinutes: Math.round(delay / 60000) });
}

/**
 * R11.7: an event item reaches the board within 12 hours after a single-session event ends, or
 * after the opening or the closing ceremony of an event of one day or more (Art. 10(2)(d)).
 * Instants are compared as such; the evidence shows them in Viet Nam time.
 */
export function checkEventDeadline(draft: SubmissionDraft): Finding {
  const schedule = draft.entry.event as EventSchedule | null | undefined;
  if (!schedule || typeof schedule !== 'object') {
    return finding('event_deadline', 'R11.7', 'not_applicable', 'Không phải tin, bài về sự kiện.', 'Not an event item.');
  }
  const { sentAt } = draft;
  const overdue = (at: Date | null) => at !== null && sentAt.getTime() - at.getTime() > EVENT_ITEM_LIMIT_MS;

  if (schedule.kind !== 'multi_day') {
    const endsAt = instant(schedule.endsAt);
    if (!endsAt) {
      return finding('event_deadline', 'R11.7', 'warning', 'Sự kiện chưa có giờ kết thúc: không kiểm tra được thời hạn 12 giờ.', 'The event has no end time, so the 12-hour limit cannot be checked.');
    }
    if (overdue(endsAt)) return late('end', endsAt, sentAt, 'suggested');
    return finding('event_deadline', 'R11.7', 'passed', 'Gửi trong 12 giờ sau khi sự kiện kết thúc.', 'Sent within 12 hours after the event ended.', { clock: 'end', clockAt: endsAt.toISOString(), sentAt: sentAt.toISOString() });
  }

  // Without a ceremony time the event's start is taken as its opening, as the schedule rules allow.
  const opening = instant(schedule.openingCeremonyAt) ?? instant(schedule.startsAt);
  const closing = instant(schedule.closingCeremonyAt);
  if (!opening && !closing) {
    return finding('event_deadline', 'R11.7', 'warning', 'Sự kiện nhiều ngày chưa có giờ khai mạc, bế mạc: không kiểm tra được thời hạn.', 'The multi-day event has no opening or closing ceremony time, so the limit cannot be checked.');
  }
  if (closing && overdue(closing)) return late('closing', closing, sentAt, 'suggested');
  if (closing && sentAt.getTime() >= closing.getTime()) {
    return finding('event_deadline', 'R11.7', 'passed', 'Gửi trong 12 giờ sau lễ bế mạc.', 'Sent within 12 hours after the closing ceremony.', { clock: 'closing', clockAt: closing.toISOString(), sentAt: sentAt.toISOString() });
  }
  // Items after the opening follow the event's own plan, so a late opening item is only a warning.
  if (opening && overdue(opening)) return late('opening', opening, sentAt, 'warning');
  return finding('event_deadline', 'R11.7', 'passed', 'Gửi trong thời hạn 12 giờ.', 'Sent within the 12-hour limit.', { clock: opening ? 'opening' : 'closing', sentAt: sentAt.toISOString() });
}

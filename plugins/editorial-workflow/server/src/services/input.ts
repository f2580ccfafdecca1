import type { Requirement } from '../state-machine';

/** Input of an event, as sent by the admin panel. */
export interface EventInput {
  note?: string;
  assigneeId?: number;
  reasons?: string[];
  scheduledAt?: string;
  publicNote?: string;
  withdrawal?: { mode: 'public_notice' | 'silent'; notice?: string };
}

export interface CheckedInput extends EventInput {
  scheduledAtDate?: Date;
}

const MAX_NOTE_LENGTH = 5000;
/** Latest publication time accepted by `schedule`, relative to now: one year (366 days). */
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * Checks the input that an event requires and returns one sentence per problem. The caller
 * checks reason codes against the catalogue and the assignee against the database.
 */
export function checkRequirements(requires: readonly Requirement[], input: EventInput, now: Date): { problems: string[]; checked: CheckedInput } {
  const problems: string[] = [];
  const checked: CheckedInput = {
    ...input,
    note: typeof input.note === 'string' ? input.note.normalize('NFC').trim() : undefined,
    publicNote: typeof input.publicNote === 'string' ? input.publicNote.normalize('NFC').trim() : undefined,
  };

  const texts = { note: input.note, publicNote: input.publicNote, 'withdrawal.notice': input.withdrawal?.notice };
  for (const [field, text] of Object.entries(texts)) {
    if (text !== undefined && typeof text !== 'string') problems.push(`${field} must be text.`);
    else if (typeof text === 'string' && text.length > MAX_NOTE_LENGTH) problems.push(`${field} is ${text.length} characters long; shorten it to at most ${MAX_NOTE_LENGTH}.`);
  }
  for (const requirement of requires) {
    switch (requirement) {
      case 'note':
        if (blank(input.note)) problems.push('note is required: write the reason or remark for this step.');
        break;
      case 'assignee':
        if (!Number.isInteger(input.assigneeId)) problems.push('assigneeId is required: choose the board member who reviews this item.');
        break;
      case 'reasons':
        if (!Array.isArray(input.reasons) || input.reasons.length === 0 || input.reasons.some(blank)) {
          problems.push('reasons is required: choose one or more Art. 11 rejection reasons, for example ["R11.5"].');
        }
        break;
      case 'scheduledAt': {
        const at = blank(input.scheduledAt) ? NaN : new Date(input.scheduledAt as string).getTime();
        if (Number.isNaN(at)) problems.push('scheduledAt is required: give the publication time as an ISO date, for example "2026-12-05T08:00:00+07:00".');
        else if (at <= now.getTime()) problems.push(`scheduledAt ${input.scheduledAt} is in the past; choose a later time.`);
        else if (at > now.getTime() + MAX_SCHEDULE_AHEAD_MS) problems.push(`scheduledAt ${input.scheduledAt} is more than a year ahead; choose a time within a year.`);
        else checked.scheduledAtDate = new Date(at);
        break;
      }
      case 'publicNote':
        if (blank(input.publicNote)) problems.push('publicNote is required: write the correction note that readers will see.');
        break;
      case 'withdrawal': {
        const mode = input.withdrawal?.mode;
        if (mode !== 'public_notice' && mode !== 'silent') {
          problems.push('withdrawal.mode is required: "public_notice" to publish a withdrawal notice, or "silent".');
        } else if (mode === 'public_notice' && blank(input.withdrawal?.notice)) {
          problems.push('withdrawal.notice is required with a public notice: write the text that readers will see.');
        }
        break;
      }
    }
  }
  return { problems, checked };
}

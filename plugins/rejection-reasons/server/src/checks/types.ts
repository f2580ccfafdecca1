import type { Language } from '../constants';

export type CheckName = 'recipients' | 'duplicate' | 'event_deadline' | 'attachments' | 'encoding' | 'source';

/**
 * - suggested: the evidence shows the reason applies; the reject dialog pre-selects it.
 * - warning: something the editor should look at; the reason is named but not pre-selected.
 * - passed: the check ran and found nothing.
 * - not_applicable: the check does not concern this item.
 */
export type Outcome = 'suggested' | 'warning' | 'passed' | 'not_applicable';

export interface Finding {
  check: CheckName;
  /** The Art. 11 reason the finding points to. */
  code: string;
  outcome: Outcome;
  message: Record<Language, string>;
  evidence: Record<string, unknown>;
}

/** What the checks read from the draft of a submitted item. */
export interface SubmissionDraft {
  contentType: string;
  documentId: string;
  locale: string;
  /** Every attribute of the draft, with media and components populated. */
  entry: Record<string, unknown>;
  /** When the item reached the board: the time of the submission event. */
  sentAt: Date;
}

export const finding = (check: CheckName, code: string, outcome: Outcome, vi: string, en: string, evidence: Record<string, unknown> = {}): Finding => ({
  check,
  code,
  outcome,
  message: { vi, en },
  evidence,
});

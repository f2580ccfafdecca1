import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, PRECHECK_UID, WORKFLOW_CASE_UID, WORKFLOW_TIMELINE_UID } from '../constants';
import { checkEventDeadline } from '../checks/event-deadline';
import { checkAttachments, checkEncoding, checkSource } from '../checks/format';
import { checkRecipients } from '../checks/recipients';
import { fingerprintOf } from '../checks/trigrams';
import { finding, type Finding, type SubmissionDraft } from '../checks/types';
import type { PluginConfig } from '../config';

/** Workflow events that bring a submission, or a new version of it, to the board. */
export const SUBMISSION_EVENTS = ['submit', 'resubmit', 'provide_clarification'];

/** Locale key of the workflow for content types without i18n. */
const NO_LOCALE = 'und';

export interface PrecheckRun {
  id: number;
  caseId: number | null;
  contentType: string;
  entryDocumentId: string;
  entryLocale: string;
  event: string;
  submittedAt: string;
  ranAt: string;
  suggestedCodes: string[];
  findings: Finding[];
}

export interface SubmissionRef {
  caseId: number | null;
  contentType: string;
  documentId: string;
  locale: string;
  event: string;
  /** Time of the submission event: when the item reached the board. */
  submittedAt: Date;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;

  /** Reads the draft with its media and components, which the checks need. */
  async function readDraft(contentType: string, documentId: string, locale: string): Promise<Record<string, unknown> | null> {
    const model = strapi.contentType(contentType as never) as { attributes: Record<string, { type: string }> } | undefined;
    if (!model) return null;
    const populate = Object.entries(model.attributes)
      .filter(([, attribute]) => attribute.type === 'media' || attribute.type === 'component')
      .map(([name]) => name);
    const localeParam = locale === NO_LOCALE ? {} : { locale };
    return strapi.documents(contentType as 'api::article.article').findOne({ documentId, ...localeParam, status: 'draft', populate } as never) as Promise<Record<string, unknown> | null>;
  }

  async function checkDuplicate(draft: SubmissionDraft): Promise<Finding> {
    const threshold = config().duplicateThreshold;
    const fingerprint = fingerprintOf(draft.entry);
    if (!fingerprint) return finding('duplicate', 'R11.5', 'not_applicable', 'Không có nội dung để so sánh.', 'There is no text to compare.');
    const match = await strapi.plugin(PLUGIN_ID).service('duplicates').closest({ contentType: draft.contentType, documentId: draft.documentId, locale: draft.locale, fingerprint, threshold });
    if (!match) {
      return finding('duplicate', 'R11.5', 'passed', 'Không trùng với tin, bài đã đăng tải.', 'No published item is this close.', { threshold });
    }
    const percent = Math.round(match.score * 100);
    return finding(
      'duplicate',
      'R11.5',
      'suggested',
      `Gần trùng với "${match.title ?? match.documentId}" đã đăng tải (độ giống ${percent}%).`,
      `Nearly the same as the published item "${match.title ?? match.documentId}" (similarity ${percent}%).`,
      { closest: { contentType: match.contentType, documentId: match.documentId, locale: match.locale, title: match.title }, score: match.score, threshold }
    );
  }

  return {
    /** Runs every check on the draft of a submission; never changes the submission. */
    async evaluate(ref: SubmissionRef): Promise<Finding[] | null> {
      const entry = await readDraft(ref.contentType, ref.documentId, ref.locale);
      if (!entry) return null;
      const draft: SubmissionDraft = { contentType: ref.contentType, documentId: ref.documentId, locale: ref.locale, entry, sentAt: ref.submittedAt };
      const findings = [checkRecipients(draft), checkEventDeadline(draft), checkAttachments(draft), checkEncoding(draft), checkSource(draft)];
      findings.splice(1, 0, await checkDuplicate(draft));
      return findings;
    },

    /**
     * Runs the checks of one submission and stores the result, once per submission: a second
     * call for the same submission returns the stored run.
     */
    async run(ref: SubmissionRef): Promise<PrecheckRun | null> {
      const stored = await this.find(ref);
      if (stored) return stored;
      const findings = await this.evaluate(ref);
      if (!findings) return null;
      const suggestedCodes = [...new Set(findings.filter((item) => item.outcome === 'suggested').map((item) => item.code))];
      const data = {
        caseId: ref.caseId,
        contentType: ref.contentType,
        entryDocumentId: ref.documentId,
        entryLocale: ref.locale,
        event: ref.event,
        submittedAt: ref.submittedAt.toISOString(),
        ranAt: new Date().toISOString(),
        suggestedCodes,
        findings,
      };
      try {
        const created: PrecheckRun = await strapi.db.query(PRECHECK_UID).create({ data });
        strapi.log.info(`[${PLUGIN_ID}] Pre-checks of case ${ref.caseId} (${ref.contentType} ${ref.documentId} ${ref.locale}) suggest ${suggestedCodes.join(', ') || 'nothing'}.`);
        return created;
      } catch (error) {
        // Another process stored this submission's run first (unique index): that run stands.
        const winner = await this.find(ref);
        if (winner) return winner;
        throw error;
      }
    },

    async find(ref: SubmissionRef): Promise<PrecheckRun | null> {
      return strapi.db.query(PRECHECK_UID).findOne({
        where: { contentType: ref.contentType, entryDocumentId: ref.documentId, entryLocale: ref.locale, submittedAt: ref.submittedAt.toISOString() },
      });
    },

    /**
     * The pre-checks of the latest submission of a document locale, run now if the listener has
     * not stored them yet; null when the document was never submitted.
     */
    async forDocument(contentType: string, documentId: string, locale: string): Promise<PrecheckRun | null> {
      const record = await strapi.db.query(WORKFLOW_CASE_UID).findOne({ where: { contentType, entryDocumentId: documentId, entryLocale: locale } });
      if (!record) return null;
      const submission = await strapi.db.query(WORKFLOW_TIMELINE_UID).findOne({
        where: { caseId: record.id, event: { $in: SUBMISSION_EVENTS } },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
      });
      if (!submission) return null;
      return this.run({ caseId: record.id, contentType, documentId, locale, event: submission.event, submittedAt: new Date(submission.at) });
    },

    /** Runs the checks of a draft that was not submitted yet, without storing them. */
    async preview(contentType: string, documentId: string, locale: string, at: Date): Promise<Finding[] | null> {
      return this.evaluate({ caseId: null, contentType, documentId, locale, event: 'preview', submittedAt: at });
    },
  };
};

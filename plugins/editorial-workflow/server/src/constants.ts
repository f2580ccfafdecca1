export const PLUGIN_ID = 'editorial-workflow';

export const CASE_UID = 'plugin::editorial-workflow.case';
export const TIMELINE_UID = 'plugin::editorial-workflow.timeline-entry';
export const OUTBOX_UID = 'plugin::editorial-workflow.outbox-message';

/** Content types under the workflow unless `config/plugins.ts` sets `contentTypes`: the types that carry publications. */
export const DEFAULT_WORKFLOW_TYPES = [
  'api::article.article',
  'api::legal-document.legal-document',
  'api::draft-regulation.draft-regulation',
  'api::plan-notice.plan-notice',
  'api::statistical-report.statistical-report',
  'api::procedure.procedure',
  'api::page.page',
  'api::question.question',
];

/** The nine reasons of Art. 11, used when the rejection-reasons plugin is not installed. */
export const STATUTORY_REASON_CODES = ['R11.1', 'R11.2', 'R11.3', 'R11.4', 'R11.5', 'R11.6', 'R11.7', 'R11.8', 'R11.9'];

export const actionUid = (permission: string) => `plugin::${PLUGIN_ID}.${permission}`;

/** Event-hub event emitted after each committed transition. */
export const TRANSITION_EVENT = 'editorial-workflow.transition';

export const PLUGIN_ID = 'rejection-reasons';

export const REASON_UID = 'plugin::rejection-reasons.reason';
export const REJECTION_UID = 'plugin::rejection-reasons.rejection';
export const CITATION_UID = 'plugin::rejection-reasons.citation';
export const PRECHECK_UID = 'plugin::rejection-reasons.precheck';
export const FINGERPRINT_UID = 'plugin::rejection-reasons.fingerprint';
export const FINGERPRINT_BAND_UID = 'plugin::rejection-reasons.fingerprint-band';

// Tables and event of the editorial-workflow plugin that this plugin listens to.
export const WORKFLOW_TIMELINE_UID = 'plugin::editorial-workflow.timeline-entry';
export const WORKFLOW_CASE_UID = 'plugin::editorial-workflow.case';
export const WORKFLOW_OUTBOX_UID = 'plugin::editorial-workflow.outbox-message';
export const TRANSITION_EVENT = 'editorial-workflow.transition';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const actionUid = (permission: string) => `plugin::${PLUGIN_ID}.${permission}`;

export const PLUGIN_ID = 'reporting';

export const LOGIN_EVENT_UID = 'plugin::reporting.login-event';
export const ADMIN_ACTION_UID = 'plugin::reporting.admin-action';
export const ACCOUNT_STATUS_UID = 'plugin::reporting.account-status';
export const PROPOSAL_UID = 'plugin::reporting.proposal';

/** Viet Nam time (Asia/Ho_Chi_Minh) is UTC+7 all year: the country has no daylight saving time. */
export const VIET_NAM_OFFSET_MS = 7 * 3_600_000;

/** Admin permission actions of the plugin, without the `plugin::reporting.` prefix. */
export const PERMISSIONS = {
  read: 'read',
  accountActivity: 'account-activity',
  proposals: 'manage-proposals',
  departures: 'manage-departures',
} as const;

export const actionUid = (permission: string) => `plugin::${PLUGIN_ID}.${permission}`;

/** The report endpoints, by path segment under /api/reporting and /reporting. */
export const REPORT_NAMES = [
  'unit-quotas',
  'deadlines',
  'rejections',
  'workflow',
  'questions',
  'consultations',
  'account-activity',
  'periodic',
] as const;

export type ReportName = (typeof REPORT_NAMES)[number];

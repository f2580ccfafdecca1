export const PLUGIN_ID = 'publication-deadlines';

export const CALENDAR_YEAR_UID = 'plugin::publication-deadlines.calendar-year';
export const TIMER_UID = 'plugin::publication-deadlines.timer';
export const REMINDER_UID = 'plugin::publication-deadlines.reminder';

export const CASE_UID = 'plugin::editorial-workflow.case';
export const TIMELINE_UID = 'plugin::editorial-workflow.timeline-entry';
export const OUTBOX_UID = 'plugin::editorial-workflow.outbox-message';

/** Admin permission actions of the plugin. */
export const ACTIONS = {
  read: 'plugin::publication-deadlines.read',
  correctStart: 'plugin::publication-deadlines.correct-start',
  manageCalendar: 'plugin::publication-deadlines.manage-calendar',
} as const;

/** Years for which the working calendar is built; a proposal from the law covers unannounced ones. */
export const CALENDAR_RANGE = { first: 2000, last: 2100 } as const;

const allowed = (action: string) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }] });
const read = allowed('plugin::publication-deadlines.read');

/** Public calendar under /api/publication-deadlines; admin API under /publication-deadlines. */
export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/calendar', handler: 'calendar.find', config: {} }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/rules', handler: 'timers.rules', config: read },
      { method: 'GET', path: '/cases/:caseId/timers', handler: 'timers.forCase', config: read },
      { method: 'POST', path: '/timers/:id/correct-start', handler: 'timers.correctStart', config: allowed('plugin::publication-deadlines.correct-start') },
      { method: 'GET', path: '/calendar/years', handler: 'calendar.listYears', config: read },
      { method: 'GET', path: '/calendar/years/:year', handler: 'calendar.findYear', config: read },
      { method: 'PUT', path: '/calendar/years/:year', handler: 'calendar.saveYear', config: allowed('plugin::publication-deadlines.manage-calendar') },
    ],
  },
};

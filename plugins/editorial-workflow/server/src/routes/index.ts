const notifications = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: ['plugin::editorial-workflow.notifications'] } }] };
const read = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: ['plugin::editorial-workflow.read'] } }] };

/** Admin API of the workflow, under /editorial-workflow. Event permissions are checked per event by the service. */
export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/notices', handler: 'notices.find', config: {} }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/cases', handler: 'cases.list', config: read },
      { method: 'GET', path: '/queue', handler: 'cases.queue', config: read },
      { method: 'GET', path: '/content-types', handler: 'cases.contentTypes', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      { method: 'GET', path: '/reviewers', handler: 'cases.reviewers', config: read },
      { method: 'GET', path: '/reasons', handler: 'cases.reasons', config: read },
      { method: 'GET', path: '/cases/:id', handler: 'cases.findOne', config: read },
      { method: 'GET', path: '/documents/:contentType/:documentId', handler: 'cases.findForDocument', config: read },
      { method: 'GET', path: '/notifications', handler: 'notifications.list', config: notifications },
      { method: 'POST', path: '/notifications/:id/retry', handler: 'notifications.retry', config: notifications },
      {
        method: 'POST',
        path: '/documents/:contentType/:documentId/events/:event',
        handler: 'cases.apply',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
};

const read = { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: ['plugin::editorial-workflow.read'] } }] };

/** Admin API of the workflow, under /editorial-workflow. Event permissions are checked per event by the service. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/cases', handler: 'cases.list', config: read },
      { method: 'GET', path: '/cases/:id', handler: 'cases.findOne', config: read },
      { method: 'GET', path: '/documents/:contentType/:documentId', handler: 'cases.findForDocument', config: read },
      {
        method: 'POST',
        path: '/documents/:contentType/:documentId/events/:event',
        handler: 'cases.apply',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
};

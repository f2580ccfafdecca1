const allow = (action: string) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::rejection-reasons.${action}`] } }] });
const read = allow('read');
const manage = allow('manage');

/** Public and admin routes of the plugin (admin ones under /rejection-reasons). */
export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/reasons', handler: 'reasons.find', config: {} }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/catalogue', handler: 'catalogue.list', config: read },
      { method: 'GET', path: '/catalogue/:id', handler: 'catalogue.findOne', config: read },
      { method: 'POST', path: '/catalogue', handler: 'catalogue.create', config: manage },
      { method: 'PUT', path: '/catalogue/:id', handler: 'catalogue.update', config: manage },
      { method: 'GET', path: '/documents/:contentType/:documentId/prechecks', handler: 'submissions.prechecks', config: read },
      { method: 'GET', path: '/documents/:contentType/:documentId/rejections', handler: 'submissions.rejections', config: read },
      { method: 'GET', path: '/statistics/by-reason', handler: 'statistics.countByReason', config: read },
    ],
  },
};

import { actionUid, PERMISSIONS } from '../constants';

const adminPolicy = (permission: string) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [actionUid(permission)] } }] });

/** Report endpoints and the controller action that serves each, shared by both APIs. */
const REPORT_ROUTES = [
  { path: '/unit-quotas', handler: 'reports.unitQuotas', permission: PERMISSIONS.read },
  { path: '/deadlines', handler: 'reports.deadlines', permission: PERMISSIONS.read },
  { path: '/rejections', handler: 'reports.rejections', permission: PERMISSIONS.read },
  { path: '/workflow', handler: 'reports.workflow', permission: PERMISSIONS.read },
  { path: '/questions', handler: 'reports.questions', permission: PERMISSIONS.read },
  { path: '/consultations', handler: 'reports.consultations', permission: PERMISSIONS.read },
  { path: '/account-activity', handler: 'reports.accountActivity', permission: PERMISSIONS.accountActivity },
  { path: '/periodic', handler: 'reports.periodic', permission: PERMISSIONS.read },
];

/**
 * Content API under /api/reporting (an API token with the route's permission, never the public
 * role) and admin API under /reporting for the reports page (an admin JWT with the plugin's
 * permission actions).
 */
export default {
  'content-api': {
    type: 'content-api',
    routes: REPORT_ROUTES.map(({ path, handler }) => ({ method: 'GET', path, handler, config: {} })),
  },
  admin: {
    type: 'admin',
    routes: [
      ...REPORT_ROUTES.map(({ path, handler, permission }) => ({ method: 'GET', path, handler, config: adminPolicy(permission) })),
      { method: 'GET', path: '/options', handler: 'records.options', config: adminPolicy(PERMISSIONS.read) },
      { method: 'GET', path: '/proposals', handler: 'records.getProposals', config: adminPolicy(PERMISSIONS.read) },
      { method: 'PUT', path: '/proposals', handler: 'records.putProposals', config: adminPolicy(PERMISSIONS.proposals) },
      { method: 'GET', path: '/departures', handler: 'records.listDepartures', config: adminPolicy(PERMISSIONS.accountActivity) },
      { method: 'PUT', path: '/accounts/:id/departure', handler: 'records.putDeparture', config: adminPolicy(PERMISSIONS.departures) },
      { method: 'DELETE', path: '/accounts/:id/departure', handler: 'records.deleteDeparture', config: adminPolicy(PERMISSIONS.departures) },
    ],
  },
};

const permission = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::email-intake.${action}`] } }],
});

/** Admin API of the intake, under /email-intake. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/messages', handler: 'messages.list', config: permission('read') },
      { method: 'GET', path: '/messages/:id', handler: 'messages.findOne', config: permission('read') },
      { method: 'POST', path: '/messages/upload', handler: 'messages.upload', config: permission('upload') },
    ],
  },
};

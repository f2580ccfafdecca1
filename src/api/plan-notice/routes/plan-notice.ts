import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::plan-notice.plan-notice', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

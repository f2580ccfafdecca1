import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::maintenance-notice.maintenance-notice', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

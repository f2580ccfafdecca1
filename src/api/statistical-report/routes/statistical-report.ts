import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::statistical-report.statistical-report', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

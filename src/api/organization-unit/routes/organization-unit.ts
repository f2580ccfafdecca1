import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::organization-unit.organization-unit', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

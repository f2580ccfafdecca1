import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::draft-regulation.draft-regulation', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::subject-field.subject-field', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

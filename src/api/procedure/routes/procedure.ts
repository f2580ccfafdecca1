import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::procedure.procedure', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

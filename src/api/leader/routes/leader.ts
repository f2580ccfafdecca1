import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::leader.leader', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

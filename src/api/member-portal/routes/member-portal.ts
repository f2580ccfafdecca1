import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::member-portal.member-portal', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

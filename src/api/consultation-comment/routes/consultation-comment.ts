import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::consultation-comment.consultation-comment', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});

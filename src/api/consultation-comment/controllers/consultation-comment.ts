import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::consultation-comment.consultation-comment');

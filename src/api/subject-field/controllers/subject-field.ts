import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::subject-field.subject-field');

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::subject-field.subject-field');

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::draft-regulation.draft-regulation');

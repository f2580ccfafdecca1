import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::draft-regulation.draft-regulation');

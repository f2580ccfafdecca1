import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::maintenance-notice.maintenance-notice');

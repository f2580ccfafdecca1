import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::plan-notice.plan-notice');

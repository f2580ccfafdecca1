import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::plan-notice.plan-notice');

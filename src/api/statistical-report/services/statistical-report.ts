import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::statistical-report.statistical-report');

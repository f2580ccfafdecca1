import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::statistical-report.statistical-report');

import type { Core } from '@strapi/strapi';
import config from './config';
import { PLUGIN_ID } from './constants';
import citationSchema from './content-types/citation/schema.json';
import fingerprintSchema from './content-types/fingerprint/schema.json';
import fingerprintBandSchema from './content-types/fingerprint-band/schema.json';
import precheckSchema from './content-types/precheck/schema.json';
import reasonSchema from './content-types/reason/schema.json';
import rejectionSchema from './content-types/rejection/schema.json';
import catalogueController from './controllers/catalogue';
import reasonsController from './controllers/reasons';
import statisticsController from './controllers/statistics';
import submissionsController from './controllers/submissions';
import { listenToTransitions, settled, subscribeToWorkflowRows } from './listeners';
import { registerOpenApi } from './openapi';
import { registerPermissionActions } from './permissions';
import routes from './routes';
import catalogue from './services/catalogue';
import duplicates from './services/duplicates';
import prechecks from './services/prechecks';
import rejections from './services/rejections';
import statistics from './services/statistics';

/** Adds the lookup indexes; each statement is idempotent. */
async function ensureIndexes(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS rejection_reason_catalogue_code ON rejection_reason_catalogue (code)');
  await knex.raw('CREATE INDEX IF NOT EXISTS rejection_reason_records_case ON rejection_reason_records (case_id)');
  await knex.raw('CREATE INDEX IF NOT EXISTS rejection_reason_records_document ON rejection_reason_records (content_type, entry_document_id, entry_locale)');
  await knex.raw('CREATE INDEX IF NOT EXISTS rejection_reason_citations_period ON rejection_reason_citations (rejected_at, code, unit_document_id)');
  await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS rejection_reason_prechecks_submission ON rejection_reason_prechecks (content_type, entry_document_id, entry_locale, submitted_at)');
}

export default {
  config,
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerPermissionActions(strapi);
    registerOpenApi(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureIndexes(strapi);
    await strapi.plugin(PLUGIN_ID).service('duplicates').prepare();
    await strapi.plugin(PLUGIN_ID).service('catalogue').seed();
    subscribeToWorkflowRows(strapi);
    listenToTransitions(strapi);
    // Items published before this plugin was installed are fingerprinted once.
    const fingerprints = await strapi.db.query('plugin::rejection-reasons.fingerprint').count();
    const workflowTypes = strapi.config.get('plugin::editorial-workflow.contentTypes', []) as string[];
    if (fingerprints === 0) await strapi.plugin(PLUGIN_ID).service('duplicates').rebuild(workflowTypes);
  },
  // Handlers of transitions still running finish before the database closes.
  async destroy() {
    await settled();
  },
  contentTypes: {
    reason: { schema: reasonSchema },
    rejection: { schema: rejectionSchema },
    citation: { schema: citationSchema },
    precheck: { schema: precheckSchema },
    fingerprint: { schema: fingerprintSchema },
    'fingerprint-band': { schema: fingerprintBandSchema },
  },
  services: { catalogue, rejections, statistics, prechecks, duplicates, events: () => ({ settled }) },
  controllers: { catalogue: catalogueController, reasons: reasonsController, submissions: submissionsController, statistics: statisticsController },
  routes,
};

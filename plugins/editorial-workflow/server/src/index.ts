import type { Core } from '@strapi/strapi';
import config from './config';
import caseSchema from './content-types/case/schema.json';
import outboxSchema from './content-types/outbox-message/schema.json';
import timelineSchema from './content-types/timeline-entry/schema.json';
import casesController from './controllers/cases';
import noticesController from './controllers/notices';
import notificationsController from './controllers/notifications';
import { registerConditions } from './conditions';
import { registerOpenApi } from './openapi';
import { registerPermissionActions } from './permissions';
import { registerPublicationGate } from './publication-gate';
import routes from './routes';
import cases from './services/cases';
import outbox from './services/outbox';
import scheduler from './services/scheduler';
import transitions from './services/transitions';

/** Adds the indexes that the case key and the queue need; each statement is idempotent. */
async function ensureIndexes(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  await knex.raw(
    'CREATE UNIQUE INDEX IF NOT EXISTS editorial_workflow_cases_key ON editorial_workflow_cases (content_type, entry_document_id, entry_locale)'
  );
  await knex.raw('CREATE INDEX IF NOT EXISTS editorial_workflow_cases_state ON editorial_workflow_cases (state, last_transition_at)');
  await knex.raw('CREATE INDEX IF NOT EXISTS editorial_workflow_cases_schedule ON editorial_workflow_cases (state, scheduled_at)');
  await knex.raw('CREATE INDEX IF NOT EXISTS editorial_workflow_timeline_case ON editorial_workflow_timeline (case_id, at)');
  await knex.raw('CREATE INDEX IF NOT EXISTS editorial_workflow_outbox_status ON editorial_workflow_outbox (status, next_attempt_at)');
}

export default {
  config,
  // Actions are registered before the admin bootstrap, which deletes permissions of unknown actions.
  async register({ strapi }: { strapi: Core.Strapi }) {
    registerPublicationGate(strapi);
    await registerPermissionActions(strapi);
    await registerConditions(strapi);
    registerOpenApi(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureIndexes(strapi);
    // strapi.cron.add runs jobs even when cron is disabled, so the setting is checked here.
    if (strapi.config.get('server.cron.enabled', false)) {
      strapi.cron.add({
        'editorial-workflow-scheduled-publication': {
          task: async () => {
            try {
              await strapi.plugin('editorial-workflow').service('scheduler').publishDue(new Date());
            } catch (error) {
              strapi.log.error(`[editorial-workflow] Scheduled publication run failed: ${(error as Error).message}`);
            }
          },
          options: { rule: '*/1 * * * *' },
        },
        'editorial-workflow-notifications': {
          task: async () => {
            try {
              await strapi.plugin('editorial-workflow').service('outbox').sendDue(new Date());
            } catch (error) {
              strapi.log.error(`[editorial-workflow] Notification run failed: ${(error as Error).message}`);
            }
          },
          options: { rule: '30 */1 * * * *' },
        },
      });
    }
  },
  contentTypes: {
    case: { schema: caseSchema },
    'timeline-entry': { schema: timelineSchema },
    'outbox-message': { schema: outboxSchema },
  },
  services: { cases, transitions, scheduler, outbox },
  controllers: { cases: casesController, notifications: notificationsController, notices: noticesController },
  routes,
};

import type { Core } from '@strapi/strapi';
import config from './config';
import calendarYearSchema from './content-types/calendar-year/schema.json';
import reminderSchema from './content-types/reminder/schema.json';
import timerSchema from './content-types/timer/schema.json';
import { registerDocumentEdits } from './document-edits';
import calendarController from './controllers/calendar';
import timersController from './controllers/timers';
import { registerOpenApi } from './openapi';
import routes from './routes';
import calendar from './services/calendar';
import sweep from './services/sweep';
import timers, { type TransitionContext } from './services/timers';

/** Indexes of the timer table: one timer per case and rule; the sweep and overdue lookups by time. */
async function ensureIndexes(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS publication_deadline_timers_key ON publication_deadline_timers (case_id, rule_code)');
  await knex.raw('CREATE INDEX IF NOT EXISTS publication_deadline_timers_reminder ON publication_deadline_timers (next_reminder_at)');
  await knex.raw('CREATE INDEX IF NOT EXISTS publication_deadline_timers_due ON publication_deadline_timers (status, due_at)');
  await knex.raw(
    'CREATE UNIQUE INDEX IF NOT EXISTS publication_deadline_reminders_key ON publication_deadline_reminders (timer_id, generation, point)'
  );
}

async function registerPermissionActions(strapi: Core.Strapi) {
  const actions = [
    { uid: 'read', displayName: 'Read deadlines and the working calendar' },
    { uid: 'correct-start', displayName: "Correct a clock's start time" },
    { uid: 'manage-calendar', displayName: 'Edit the yearly holiday tables' },
  ].map((action) => ({ ...action, section: 'plugins', pluginName: 'publication-deadlines', subCategory: 'deadlines' }));
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
}

export default {
  config,
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerPermissionActions(strapi);
    registerOpenApi(strapi);
    registerDocumentEdits(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureIndexes(strapi);
    await strapi.plugin('publication-deadlines').service('calendar').seedAnnouncedYears();

    const workflow = strapi.plugin('editorial-workflow');
    if (workflow) {
      workflow.service('transitions').addParticipant('publication-deadlines', (context: TransitionContext) =>
        strapi.plugin('publication-deadlines').service('timers').onTransition(context)
      );
    } else {
      strapi.log.warn('[publication-deadlines] The editorial-workflow plugin is not enabled; no clock will start.');
    }

    // strapi.cron.add runs jobs even when cron is disabled, so the setting is checked here.
    if (strapi.config.get('server.cron.enabled', false)) {
      strapi.cron.add({
        'publication-deadlines-sweep': {
          task: async () => {
            try {
              await strapi.plugin('publication-deadlines').service('sweep').run(new Date());
            } catch (error) {
              strapi.log.error(`[publication-deadlines] Sweep failed: ${(error as Error).message}`);
            }
          },
          options: { rule: '15 */1 * * * *' },
        },
      });
    }
  },
  contentTypes: {
    'calendar-year': { schema: calendarYearSchema },
    timer: { schema: timerSchema },
    reminder: { schema: reminderSchema },
  },
  services: { calendar, timers, sweep },
  controllers: { calendar: calendarController, timers: timersController },
  routes,
};

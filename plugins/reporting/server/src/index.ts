import type { Core } from '@strapi/strapi';
import { loginRecorder, registerActionRecorder } from './activity';
import config from './config';
import accountStatusSchema from './content-types/account-status/schema.json';
import adminActionSchema from './content-types/admin-action/schema.json';
import loginEventSchema from './content-types/login-event/schema.json';
import proposalSchema from './content-types/proposal/schema.json';
import records from './controllers/records';
import reports from './controllers/reports';
import { registerOpenApi } from './openapi';
import { registerPermissionActions } from './permissions';
import routes from './routes';

/** Adds the indexes that the report queries filter and group on; each statement is idempotent. */
async function ensureIndexes(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const statements = [
    // Workflow counts and durations: events of a kind in a period, joined to their case.
    'CREATE INDEX IF NOT EXISTS reporting_timeline_event_at ON editorial_workflow_timeline (event, at, case_id)',
    // Account activity: a user's workflow events in a period.
    'CREATE INDEX IF NOT EXISTS reporting_timeline_actor_at ON editorial_workflow_timeline (actor_id, at)',
    'CREATE INDEX IF NOT EXISTS reporting_timeline_at ON editorial_workflow_timeline (at)',
    'CREATE INDEX IF NOT EXISTS reporting_cases_unit ON editorial_workflow_cases (unit_document_id, content_type)',
    'CREATE INDEX IF NOT EXISTS reporting_questions_received ON questions (received_at)',
    'CREATE INDEX IF NOT EXISTS reporting_comments_received ON consultation_comments (received_at)',
    'CREATE INDEX IF NOT EXISTS reporting_login_events_at ON reporting_login_events (at, outcome)',
    'CREATE INDEX IF NOT EXISTS reporting_login_events_user ON reporting_login_events (user_id, at)',
    'CREATE INDEX IF NOT EXISTS reporting_admin_actions_at ON reporting_admin_actions (at)',
    'CREATE INDEX IF NOT EXISTS reporting_admin_actions_user ON reporting_admin_actions (user_id, at)',
    'CREATE UNIQUE INDEX IF NOT EXISTS reporting_proposals_key ON reporting_proposals (year, half)',
  ];
  for (const statement of statements) await knex.raw(statement);

  // Tables of other plugins exist only while those plugins are enabled.
  const optional: Record<string, string[]> = {
    publication_deadline_timers: ['CREATE INDEX IF NOT EXISTS reporting_deadline_timers_due ON publication_deadline_timers (due_at, rule_code)'],
    rejection_reason_records: ['CREATE INDEX IF NOT EXISTS reporting_rejection_records_at ON rejection_reason_records (rejected_at)'],
    rejection_reason_citations: ['CREATE INDEX IF NOT EXISTS reporting_rejection_citations_at ON rejection_reason_citations (rejected_at, code)'],
  };
  for (const [table, tableStatements] of Object.entries(optional)) {
    if (!(await knex.schema.hasTable(table))) continue;
    for (const statement of tableStatements) await knex.raw(statement);
  }
}

export default {
  config,
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerPermissionActions(strapi);
    registerActionRecorder(strapi);
    // Added before Strapi's own middlewares, so that it wraps the admin login route.
    strapi.server.use(loginRecorder(strapi) as never);
    registerOpenApi(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureIndexes(strapi);
  },
  contentTypes: {
    'login-event': { schema: loginEventSchema },
    'admin-action': { schema: adminActionSchema },
    'account-status': { schema: accountStatusSchema },
    proposal: { schema: proposalSchema },
  },
  controllers: { reports, records },
  routes,
};

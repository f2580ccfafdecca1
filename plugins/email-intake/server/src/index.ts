import type { Core } from '@strapi/strapi';
import config, { type IntakeConfig } from './config';
import { MESSAGE_UID } from './constants';
import messageSchema from './content-types/message/schema.json';
import messagesController from './controllers/messages';
import { registerPermissionActions } from './permissions';
import routes from './routes';
import drafts from './services/drafts';
import imapPoller from './services/imap-poller';
import pipeline from './services/pipeline';
import replies from './services/replies';
import senders from './services/senders';
import smtpListener from './services/smtp-listener';

/** Adds the indexes of the intake records; each statement is idempotent. */
async function ensureIndexes(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  // Strapi checks `unique` attributes with a query before writing, which two processes can both
  // pass; the unique index makes the second insert of the same message fail.
  await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS email_intake_messages_dedupe ON email_intake_messages (dedupe_key)');
  await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS email_intake_messages_tracking ON email_intake_messages (tracking_number)');
  await knex.raw('CREATE INDEX IF NOT EXISTS email_intake_messages_status ON email_intake_messages (status, received_at)');
}

export default {
  config,
  async register({ strapi }: { strapi: Core.Strapi }) {
    await registerPermissionActions(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureIndexes(strapi);
    const settings = strapi.config.get('plugin::email-intake') as IntakeConfig;
    if (settings.smtp.enabled) await strapi.plugin('email-intake').service('smtpListener').start();
    if (settings.imap.enabled) strapi.plugin('email-intake').service('imapPoller').startPolling();
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('email-intake').service('smtpListener').stop();
    await strapi.plugin('email-intake').service('imapPoller').stopPolling();
  },
  contentTypes: { message: { schema: messageSchema } },
  services: { pipeline, senders, drafts, replies, smtpListener, imapPoller },
  controllers: { messages: messagesController },
  routes,
};

export { MESSAGE_UID };

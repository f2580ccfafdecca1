import type { Core } from '@strapi/strapi';
import { ImapFlow } from 'imapflow';
import type { IntakeConfig, MailboxConfig } from '../config';
import type { IntakeOptions, IntakeOutcome } from './pipeline';

export interface PollResult {
  mailbox: string;
  processed: number;
  failed: number;
  /** Messages left in the inbox because processing threw; the next poll tries them again. */
  deferred: number;
}

/** Largest number of messages fetched per round; rounds repeat until the inbox is empty. */
const ROUND_SIZE = 100;

/**
 * Reads the intake mailboxes over IMAP. A message is moved to the processed folder only after
 * the pipeline returned (its draft, quarantine or failure record is committed), and to the failed
 * folder when it cannot be processed. A message whose processing threw stays in the inbox and is
 * tried again on the next poll, where the pipeline finds its record and creates no second draft.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::email-intake') as IntakeConfig;
  let timer: NodeJS.Timeout | null = null;
  const running = new Set<string>();

  async function ensureFolder(client: ImapFlow, folder: string) {
    const existing = await client.list();
    if (!existing.some((entry) => entry.path === folder)) await client.mailboxCreate(folder);
  }

  /**
   * Takes a PostgreSQL advisory lock for the poll of one mailbox, so that of several Strapi
   * instances one polls at a time. It returns the release function, or null when another
   * instance holds the lock. On SQLite there is one process, and the in-process guard suffices.
   */
  async function lockMailbox(address: string): Promise<(() => Promise<void>) | null> {
    if (strapi.db.dialect.client !== 'postgres') return async () => undefined;
    const trx = await strapi.db.connection.transaction();
    const result = await trx.raw('SELECT pg_try_advisory_xact_lock(hashtext(?)) AS locked', [`email-intake:${address}`]);
    if (!result.rows[0].locked) {
      await trx.rollback();
      return null;
    }
    return async () => {
      await trx.commit();
    };
  }

  async function pollMailbox(mailbox: MailboxConfig, options: IntakeOptions): Promise<PollResult> {
    const settings = config().imap;
    const result: PollResult = { mailbox: mailbox.address, processed: 0, failed: 0, deferred: 0 };
    const client = new ImapFlow({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: { user: mailbox.imap!.user, pass: mailbox.imap!.password },
      tls: { rejectUnauthorized: settings.rejectUnauthorized },
      logger: false,
    });
    await client.connect();
    try {
      await ensureFolder(client, settings.processedFolder);
      await ensureFolder(client, settings.failedFolder);
      const lock = await client.getMailboxLock(settings.inbox);
      try {
        const skipped = new Set<number>();
        for (;;) {
          const uids = ((await client.search({ all: true }, { uid: true })) || []).filter((uid) => !skipped.has(uid)).slice(0, ROUND_SIZE);
          if (uids.length === 0) break;
          for (const uid of uids) {
            const message = await client.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
            if (!message || !message.source) {
              skipped.add(uid);
              continue;
            }
            let outcome: IntakeOutcome;
            try {
              outcome = await strapi.plugin('email-intake').service('pipeline').process(
                { raw: message.source, source: 'imap', mailbox: mailbox.address, receivedAt: message.internalDate ? new Date(message.internalDate) : new Date() },
                options
              );
            } catch (error) {
              strapi.log.error(`[email-intake] IMAP message ${uid} of ${mailbox.address} left in ${settings.inbox} for the next poll: ${(error as Error).message}`);
              skipped.add(uid);
              result.deferred += 1;
              continue;
            }
            const target = outcome.status === 'failed' ? settings.failedFolder : settings.processedFolder;
            await client.messageMove(String(uid), target, { uid: true });
            if (outcome.status === 'failed') result.failed += 1;
            else result.processed += 1;
          }
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return result;
  }

  return {
    /** Polls every mailbox that has an IMAP account once, until each inbox is empty. */
    async pollOnce(options: IntakeOptions = {}): Promise<PollResult[]> {
      const results: PollResult[] = [];
      for (const mailbox of config().mailboxes.filter((entry) => entry.imap)) {
        if (running.has(mailbox.address)) continue;
        running.add(mailbox.address);
        try {
          const release = await lockMailbox(mailbox.address);
          if (!release) continue;
          try {
            results.push(await pollMailbox(mailbox, options));
          } finally {
            await release();
          }
        } catch (error) {
          strapi.log.error(`[email-intake] Polling ${mailbox.address} failed; retrying at the next poll: ${(error as Error).message}`);
        } finally {
          running.delete(mailbox.address);
        }
      }
      return results;
    },

    startPolling() {
      const seconds = config().imap.pollSeconds;
      timer = setInterval(() => void this.pollOnce(), seconds * 1000);
      void this.pollOnce();
      strapi.log.info(`[email-intake] Polling IMAP every ${seconds} s.`);
    },

    async stopPolling() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
};

import type { ImapFlow } from 'imapflow';
import { buildMessage, DOCUMENTS_MAILBOX, NEWS_MAILBOX } from '../helpers/intake-messages';
import { startImapServer, type TestImapServer } from '../helpers/imap';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { startTestApp, type TestApp } from '../helpers/strapi';

const MAX_MESSAGE_BYTES = 256 * 1024;
const ACCOUNTS = { [NEWS_MAILBOX]: 'news-secret', [DOCUMENTS_MAILBOX]: 'documents-secret' };

let imap: TestImapServer;
let outgoing: TestSmtpServer;
let app: TestApp;

beforeAll(async () => {
  imap = await startImapServer(ACCOUNTS);
  outgoing = await startSmtpServer();
  app = await startTestApp({
    SMTP_PORT: String(outgoing.port),
    EMAIL_INTAKE_IMAP_HOST: '127.0.0.1',
    EMAIL_INTAKE_IMAP_PORT: String(imap.port),
    EMAIL_INTAKE_IMAP_SECURE: 'false',
    EMAIL_INTAKE_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
    EMAIL_INTAKE_NEWS_IMAP_USER: NEWS_MAILBOX,
    EMAIL_INTAKE_NEWS_IMAP_PASSWORD: ACCOUNTS[NEWS_MAILBOX],
    EMAIL_INTAKE_DOCUMENTS_IMAP_USER: DOCUMENTS_MAILBOX,
    EMAIL_INTAKE_DOCUMENTS_IMAP_PASSWORD: ACCOUNTS[DOCUMENTS_MAILBOX],
  });
});

afterAll(async () => {
  await app?.stop();
  await outgoing?.stop();
  await imap?.stop();
});

const poller = () => app.strapi.plugin('email-intake').service('imapPoller');
const records = () => app.strapi.db.query('plugin::email-intake.message');

/** Runs work with a client session of a mailbox account, then logs out. */
async function withMailbox<T>(account: string, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await imap.connect(account);
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

const countIn = (account: string, folder: string) =>
  withMailbox(account, async (client) => {
    const list = await client.list();
    if (!list.some((entry) => entry.path === folder)) return 0;
    return (await client.status(folder, { messages: true })).messages ?? 0;
  });

const draftsTitled = (title: string) => app.strapi.db.query('api::article.article').count({ where: { title, publishedAt: null } });

describe('email intake over IMAP', () => {
  test('burst fetched and moved', async () => {
    await withMailbox(NEWS_MAILBOX, async (client) => {
      for (let index = 0; index < 25; index++) await client.append('INBOX', buildMessage({ subject: `Burst ${index}` }));
    });
    const [result] = await poller().pollOnce();
    expect(result).toEqual({ mailbox: NEWS_MAILBOX, processed: 25, failed: 0, deferred: 0 });
    expect(await countIn(NEWS_MAILBOX, 'INBOX')).toBe(0);
    expect(await countIn(NEWS_MAILBOX, 'Processed')).toBe(25);
    expect(await draftsTitled('Burst 0')).toBe(1);
    expect(await draftsTitled('Burst 24')).toBe(1);
    const record = await records().findOne({ where: { subject: 'Burst 3' } });
    expect(record.source).toBe('imap');
    expect(record.status).toBe('acknowledged');
  });

  test('crash between draft and mark', async () => {
    await withMailbox(NEWS_MAILBOX, (client) => client.append('INBOX', buildMessage({ subject: 'IMAP crash' })));
    const crash = { onStage: (stage: string) => { if (stage === 'draft_committed') throw new Error('simulated crash'); } };
    const [first] = await poller().pollOnce(crash);
    expect(first.deferred).toBe(1);
    expect(await countIn(NEWS_MAILBOX, 'INBOX')).toBe(1);
    expect((await records().findOne({ where: { subject: 'IMAP crash' } })).status).toBe('draft_created');

    const [second] = await poller().pollOnce();
    expect(second.processed).toBe(1);
    expect(await countIn(NEWS_MAILBOX, 'INBOX')).toBe(0);
    expect(await draftsTitled('IMAP crash')).toBe(1);
    expect((await records().findOne({ where: { subject: 'IMAP crash' } })).status).toBe('acknowledged');
  });

  test('duplicate delivery makes one draft', async () => {
    const raw = buildMessage({ subject: 'IMAP duplicate' });
    await withMailbox(NEWS_MAILBOX, async (client) => {
      await client.append('INBOX', raw);
      await client.append('INBOX', raw);
    });
    const [result] = await poller().pollOnce();
    expect(result.processed).toBe(2);
    expect(await draftsTitled('IMAP duplicate')).toBe(1);
  });

  test('oversized message goes to failed folder', async () => {
    const subject = 'IMAP oversized';
    const raw = buildMessage({ to: DOCUMENTS_MAILBOX, subject, text: 'x'.repeat(MAX_MESSAGE_BYTES) });
    await withMailbox(DOCUMENTS_MAILBOX, (client) => client.append('INBOX', raw));
    const editorsBefore = outgoing.received.filter((mail) => mail.to.includes('standing-editor@demo.most.gov.vn')).length;
    const results = await poller().pollOnce();
    expect(results.find((result: { mailbox: string }) => result.mailbox === DOCUMENTS_MAILBOX)).toEqual({ mailbox: DOCUMENTS_MAILBOX, processed: 0, failed: 1, deferred: 0 });
    expect(await countIn(DOCUMENTS_MAILBOX, 'INBOX')).toBe(0);
    expect(await countIn(DOCUMENTS_MAILBOX, 'Failed')).toBe(1);
    const record = await records().findOne({ where: { reason: 'message_too_large' } });
    expect(record.status).toBe('failed');
    expect(record.mailbox).toBe(DOCUMENTS_MAILBOX);
    expect(outgoing.received.filter((mail) => mail.to.includes('standing-editor@demo.most.gov.vn')).length).toBe(editorsBefore + 1);
  });
});

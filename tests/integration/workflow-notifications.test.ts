import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/workflow';

const ARTICLE = 'api::article.article';
const OUTBOX = 'plugin::editorial-workflow.outbox-message';

let app: TestApp;
let smtp: TestSmtpServer;
type Auth = Awaited<ReturnType<typeof loginAs>>;
let focalPoint: Auth;
let editor: Auth;

const outbox = () => app.strapi.plugin('editorial-workflow').service('outbox');

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_IGNORE_TLS: 'true' });
  [focalPoint, editor] = await Promise.all([loginAs(app, 'focal-point'), loginAs(app, 'standing-editor')]);
  // The demo seed leaves its own notifications behind; they are sent first so that each test counts its own.
  await outbox().sendDue(new Date());
  smtp.received.length = 0;
});

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

/** Returns the unit of the demo focal point, the communications centre. */
async function communicationsCentreId() {
  const unit = await app.strapi.documents('api::organization-unit.organization-unit').findFirst({ locale: 'vi', filters: { abbreviation: 'TTTT' } });
  return unit.documentId as string;
}

async function submitArticle(title: string) {
  const created = await app
    .http()
    .post(`/content-manager/collection-types/${ARTICLE}?locale=vi`)
    .set('Authorization', focalPoint.Authorization)
    .send({ title, category: 'news', unit: { connect: [{ documentId: await communicationsCentreId(), locale: 'vi' }] } });
  const documentId = created.body.data.documentId;
  const submitted = await app
    .http()
    .post(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/submit?locale=vi`)
    .set('Authorization', focalPoint.Authorization)
    .send({});
  expect(submitted.status).toBe(200);
  return { documentId, caseId: submitted.body.data.id as number };
}

test('submission emails the standing editor', async () => {
  const { caseId } = await submitArticle('Tin gửi thông báo');
  const outcomes = await outbox().sendDue(new Date());
  expect(outcomes.filter((outcome: { outcome: string }) => outcome.outcome === 'sent').length).toBeGreaterThanOrEqual(1);

  const mail = smtp.received.find((message) => message.to.includes('standing-editor@demo.most.gov.vn'));
  expect(mail?.subject).toBe('[Cổng TTĐT Bộ KH&CN] Tin, bài mới gửi đến Ban biên tập');
  expect(mail?.text).toContain('Tin, bài: Tin gửi thông báo');
  expect(mail?.text).toContain(`/content-manager/collection-types/${ARTICLE}/`);

  const messages = await app.strapi.db.query(OUTBOX).findMany({ where: { caseId } });
  for (const message of messages) expect(message.status).toBe('sent');
});

test('concurrent runs send each message once', async () => {
  await submitArticle('Tin gửi đồng thời');
  smtp.received.length = 0;
  await Promise.all([outbox().sendDue(new Date()), outbox().sendDue(new Date())]);
  const toEditor = smtp.received.filter((message) => message.to.includes('standing-editor@demo.most.gov.vn'));
  expect(toEditor).toHaveLength(1);
});

test('failed sends are retried, then kept as failed', async () => {
  const { caseId } = await submitArticle('Tin gửi lỗi');
  const [message] = await app.strapi.db.query(OUTBOX).findMany({ where: { caseId, status: 'pending' } });
  smtp.rejecting = true;
  let now = new Date();
  try {
    const first = await outbox().sendDue(now);
    expect(first.find((outcome: { id: number }) => outcome.id === message.id)).toMatchObject({ outcome: 'retry' });
    const stored = await app.strapi.db.query(OUTBOX).findOne({ where: { id: message.id } });
    expect(stored.attempts).toBe(1);
    expect(stored.status).toBe('pending');
    expect(stored.lastError).toMatch(/Mailbox unavailable/);

    const tooEarly = await outbox().sendDue(now);
    expect(tooEarly.find((outcome: { id: number }) => outcome.id === message.id)).toBeUndefined();

    for (let attempt = 2; attempt <= 5; attempt += 1) {
      now = new Date(now.getTime() + 60 * 60 * 1000);
      await outbox().sendDue(now);
    }
    const failed = await app.strapi.db.query(OUTBOX).findOne({ where: { id: message.id } });
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(5);
  } finally {
    smtp.rejecting = false;
  }

  const listed = await app.http().get('/editorial-workflow/notifications?status=failed').set('Authorization', editor.Authorization);
  expect(listed.status).toBe(200);
  expect(listed.body.data.map((item: { id: number }) => item.id)).toContain(message.id);

  const retried = await app.http().post(`/editorial-workflow/notifications/${message.id}/retry`).set('Authorization', editor.Authorization);
  expect(retried.status).toBe(200);
  await outbox().sendDue(new Date(now.getTime() + 1000));
  expect((await app.strapi.db.query(OUTBOX).findOne({ where: { id: message.id } })).status).toBe('sent');
});

test('retrying a sent notification is a 404', async () => {
  const sent = await app.strapi.db.query(OUTBOX).findOne({ where: { status: 'sent' } });
  const response = await app.http().post(`/editorial-workflow/notifications/${sent.id}/retry`).set('Authorization', editor.Authorization);
  expect(response.status).toBe(404);
  expect(response.body.error.message).toMatch(/only failed notifications can be retried/);
});

test('focal point may not list notifications', async () => {
  const response = await app.http().get('/editorial-workflow/notifications').set('Authorization', focalPoint.Authorization);
  expect(response.status).toBe(403);
});

import nodemailer from 'nodemailer';
import { buildDocx, buildMessage, buildZipBomb, DOCUMENTS_MAILBOX, FOCAL_POINT, multipart, NEWS_MAILBOX, PNG_PIXEL, textPart } from '../helpers/intake-messages';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { startTestApp, type TestApp } from '../helpers/strapi';

const MESSAGE_UID = 'plugin::email-intake.message';
const ARTICLE_UID = 'api::article.article';
const MAX_MESSAGE_BYTES = 1024 * 1024;

let app: TestApp;
let outgoing: TestSmtpServer;
let listenerPort: number;

beforeAll(async () => {
  outgoing = await startSmtpServer();
  app = await startTestApp({
    SMTP_PORT: String(outgoing.port),
    EMAIL_INTAKE_SMTP_ENABLED: 'true',
    EMAIL_INTAKE_SMTP_PORT: '0',
    EMAIL_INTAKE_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
    EMAIL_INTAKE_MAX_EXPANDED_BYTES: String(5 * 1024 * 1024),
    EMAIL_INTAKE_ALLOWED_DOMAINS: 'nasati.gov.vn=TTCNTT',
  });
  listenerPort = app.strapi.plugin('email-intake').service('smtpListener').address().port;
});

afterAll(async () => {
  await app?.stop();
  await outgoing?.stop();
});

const pipeline = () => app.strapi.plugin('email-intake').service('pipeline');
const records = () => app.strapi.db.query(MESSAGE_UID);

/** Sends a raw message to the intake's SMTP listener, as the ministry relay would. */
async function deliver(raw: Buffer, from = FOCAL_POINT, to = NEWS_MAILBOX) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listenerPort, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ envelope: { from, to: [to] }, raw });
  } finally {
    transport.close();
  }
}

const draftsTitled = (title: string) => app.strapi.db.query(ARTICLE_UID).findMany({ where: { title, publishedAt: null } });
const mailTo = (address: string) => outgoing.received.filter((mail) => mail.to.includes(address));

describe('email intake over SMTP', () => {
  test('focal point mail becomes submitted draft', async () => {
    const raw = buildMessage({ subject: '=?UTF-8?B?SOG7mWkgdGjhuqNvIGtob2EgaOG7jWM=?=', text: 'Sáng nay Bộ tổ chức hội thảo khoa học.' });
    const sentBefore = mailTo(FOCAL_POINT).length;
    await deliver(raw);

    const [draft] = await draftsTitled('Hội thảo khoa học');
    expect(draft).toBeDefined();
    expect(draft.locale).toBe('vi');
    expect(draft.publishedAt).toBeNull();
    expect(draft.body).toContain('Sáng nay Bộ tổ chức hội thảo khoa học.');

    const record = await records().findOne({ where: { entryDocumentId: draft.documentId } });
    expect(record.status).toBe('acknowledged');
    expect(record.source).toBe('smtp');
    expect(record.trackingNumber).toMatch(/^EI-\d{8}-[0-9A-F]{10}$/);

    const workflowCase = await app.strapi.plugin('editorial-workflow').service('cases').find(ARTICLE_UID, draft.documentId, 'vi');
    expect(workflowCase.state).toBe('submitted');
    expect(new Date(workflowCase.receivedAt).toISOString()).toBe(new Date(record.receivedAt).toISOString());
    expect(workflowCase.unitDocumentId).toBe(record.unitDocumentId);
    const timeline = await app.strapi.plugin('editorial-workflow').service('cases').timeline(workflowCase.id);
    expect(timeline.map((entry: { event: string; actorName: string }) => [entry.event, entry.actorName])).toEqual([['submit', 'Email intake']]);

    const acks = mailTo(FOCAL_POINT).slice(sentBefore);
    expect(acks).toHaveLength(1);
    expect(acks[0].text).toContain(record.trackingNumber);
    expect(acks[0].text).toContain('12 giờ');
  });

  test('spoofed sender quarantined with reply', async () => {
    const raw = buildMessage({ headers: ['Authentication-Results: mx.most.gov.vn; spf=fail smtp.mailfrom=demo.most.gov.vn; dkim=none'], subject: 'Spoofed item', text: 'Giả mạo' });
    const sentBefore = mailTo(FOCAL_POINT).length;
    await deliver(raw);

    expect(await draftsTitled('Spoofed item')).toHaveLength(0);
    const record = await records().findOne({ where: { subject: 'Spoofed item' } });
    expect(record.status).toBe('quarantined');
    expect(record.reason).toBe('authentication_failed');
    expect(record.repliedAt).not.toBeNull();
    const replies = mailTo(FOCAL_POINT).slice(sentBefore);
    expect(replies).toHaveLength(1);
    expect(replies[0].subject).toContain('Chưa tiếp nhận / Not accepted');
    expect(replies[0].text).toContain('SPF');
  });

  test('unregistered sender quarantined', async () => {
    await deliver(buildMessage({ from: 'someone@example.org', subject: 'Outside sender' }), 'someone@example.org');
    const record = await records().findOne({ where: { subject: 'Outside sender' } });
    expect(record.status).toBe('quarantined');
    expect(record.reason).toBe('sender_not_registered');
    expect(mailTo('someone@example.org')).toHaveLength(1);
  });

  test('allowed domain maps to unit', async () => {
    await deliver(buildMessage({ from: 'vanthu@nasati.gov.vn', subject: 'Domain sender' }), 'vanthu@nasati.gov.vn');
    const record = await records().findOne({ where: { subject: 'Domain sender' } });
    const unit = await app.strapi.db.query('api::organization-unit.organization-unit').findOne({ where: { abbreviation: 'TTCNTT' } });
    expect(record.status).toBe('acknowledged');
    expect(record.unitDocumentId).toBe(unit.documentId);
  });

  test('oversized message refused with 552', async () => {
    const big = Buffer.alloc(MAX_MESSAGE_BYTES + 1024, 'a');
    const raw = buildMessage({ subject: 'Too big', mime: multipart('mixed', [textPart('Lớn'), { type: 'application/octet-stream', content: big, filename: 'big.bin' }]) });
    const error = await deliver(raw).then(
      () => null,
      (failure: { responseCode?: number }) => failure
    );
    expect(error?.responseCode).toBe(552);
    expect(await records().findOne({ where: { subject: 'Too big' } })).toBeNull();
  });

  test('duplicate delivery makes one draft', async () => {
    const raw = buildMessage({ subject: 'Duplicate item', text: 'Gửi hai lần' });
    await deliver(raw);
    // The relay adds its own trace header the second time; the content is the same.
    await deliver(Buffer.concat([Buffer.from('Received: from relay2.most.gov.vn by mx.most.gov.vn; Fri, 4 Dec 2026 10:00:00 +0700\r\n'), raw]));
    expect(await draftsTitled('Duplicate item')).toHaveLength(1);
    expect(await records().count({ where: { subject: 'Duplicate item' } })).toBe(1);
  });

  test('same Message-ID, different content, two drafts', async () => {
    const messageId = '<reused-id@demo.most.gov.vn>';
    await deliver(buildMessage({ messageId, subject: 'Reused id one' }));
    await deliver(buildMessage({ messageId, subject: 'Reused id two' }));
    expect(await draftsTitled('Reused id one')).toHaveLength(1);
    expect(await draftsTitled('Reused id two')).toHaveLength(1);
  });

  test('zip bomb attachment not stored', async () => {
    const bomb = await buildZipBomb(50 * 1024 * 1024);
    const raw = buildMessage({ subject: 'Bomb item', mime: multipart('mixed', [textPart('Tệp đính kèm'), { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: bomb, filename: 'tin.docx' }]) });
    await deliver(raw);
    const record = await records().findOne({ where: { subject: 'Bomb item' } });
    expect(record.status).toBe('acknowledged');
    expect(record.attachments).toEqual([expect.objectContaining({ name: 'tin.docx', rejected: expect.stringMatching(/expands to more than/) })]);
    expect(record.warnings.map((warning: { code: string }) => warning.code)).toContain('archive_rejected');
    expect(await app.strapi.db.query('plugin::upload.file').count({ where: { name: 'tin.docx' } })).toBe(0);
  });
});

describe('email intake pipeline', () => {
  test('crash between draft and mark', async () => {
    const raw = buildMessage({ subject: 'Crash item', text: 'Sập giữa chừng' });
    const sentBefore = mailTo(FOCAL_POINT).length;
    await expect(
      pipeline().process({ raw, source: 'cli', mailbox: NEWS_MAILBOX }, { onStage: (stage: string) => { if (stage === 'draft_committed') throw new Error('simulated crash'); } })
    ).rejects.toThrow('simulated crash');
    const interrupted = await records().findOne({ where: { subject: 'Crash item' } });
    expect(interrupted.status).toBe('draft_created');

    const outcome = await pipeline().process({ raw, source: 'cli', mailbox: NEWS_MAILBOX });
    expect(outcome.status).toBe('resumed');
    expect(await draftsTitled('Crash item')).toHaveLength(1);
    const record = await records().findOne({ where: { subject: 'Crash item' } });
    expect(record.status).toBe('acknowledged');
    const workflowCase = await app.strapi.plugin('editorial-workflow').service('cases').find(ARTICLE_UID, record.entryDocumentId, 'vi');
    expect(workflowCase.state).toBe('submitted');
    expect(mailTo(FOCAL_POINT).slice(sentBefore)).toHaveLength(1);

    const again = await pipeline().process({ raw, source: 'cli', mailbox: NEWS_MAILBOX });
    expect(again.status).toBe('duplicate');
  });

  test('crash after submit before acknowledgement', async () => {
    const raw = buildMessage({ subject: 'Crash after submit' });
    await expect(
      pipeline().process({ raw, source: 'cli', mailbox: NEWS_MAILBOX }, { onStage: (stage: string) => { if (stage === 'submitted') throw new Error('simulated crash'); } })
    ).rejects.toThrow('simulated crash');
    const outcome = await pipeline().process({ raw, source: 'cli', mailbox: NEWS_MAILBOX });
    expect(outcome.status).toBe('resumed');
    const record = await records().findOne({ where: { subject: 'Crash after submit' } });
    expect(record.status).toBe('acknowledged');
  });

  test('DOCX body and inline image', async () => {
    const docx = await buildDocx('Lễ ký kết hợp tác', ['Chiều ngày 3/12, hai bên đã ký kết.']);
    const html = '<p>Kính gửi Ban biên tập</p><img src="cid:anh@most">';
    const raw = buildMessage({
      subject: 'Docx item',
      mime: multipart('mixed', [
        { type: 'text/html; charset=utf-8', content: Buffer.from(html) },
        { type: 'image/png', content: PNG_PIXEL, filename: 'anh.png', cid: 'anh@most', inline: true },
        { type: 'application/octet-stream', content: docx, filename: 'tin-bai.docx' },
      ]),
    });
    const outcome = await pipeline().process({ raw, source: 'upload' });
    expect(outcome.status).toBe('created');
    const draft = await app.strapi.documents(ARTICLE_UID).findOne({ documentId: outcome.documentId, locale: 'vi', status: 'draft', populate: ['gallery'] });
    expect(draft.body).toContain('# Lễ ký kết hợp tác');
    expect(draft.body).toMatch(/!\[anh\.png\]\(\/uploads\/[^)]+\.png\)/);
    expect(draft.body).toMatch(/\[tin-bai\.docx\]\(\/uploads\//);
    expect(draft.gallery.map((file: { mime: string }) => file.mime)).toEqual(['image/png']);
  });

  test('documents mailbox pre-fills metadata', async () => {
    const raw = buildMessage({ to: DOCUMENTS_MAILBOX, subject: '=?UTF-8?B?UXV54bq/dCDEkeG7i25oIDQwMC9RxJAtQktIQ04gbmfDoHkgMTkvMy8yMDI0?=', text: 'Gửi văn bản để đăng tải.' });
    const receivedAt = new Date('2026-12-04T03:30:00Z');
    const outcome = await pipeline().process({ raw, source: 'cli', receivedAt });
    expect(outcome.status).toBe('created');
    const draft = await app.strapi.db.query('api::legal-document.legal-document').findOne({ where: { documentId: outcome.documentId, publishedAt: null } });
    expect(draft.documentNumber).toBe('400/QĐ-BKHCN');
    expect(draft.documentForm).toBe('decision');
    expect(draft.issueDate).toBe('2024-03-19');
    expect(draft.issuingAuthority).toBe('Bộ Khoa học và Công nghệ');
    expect(new Date(draft.incomingStampAt).toISOString()).toBe(receivedAt.toISOString());
  });

  test('document without number quarantined', async () => {
    const outcome = await pipeline().process({ raw: buildMessage({ to: DOCUMENTS_MAILBOX, subject: 'Gửi văn bản' }), source: 'cli' });
    expect(outcome).toEqual(expect.objectContaining({ status: 'quarantined', reason: 'document_metadata_missing' }));
  });

  test('unknown mailbox fails and tells editors', async () => {
    const editorsBefore = mailTo('standing-editor@demo.most.gov.vn').length;
    const outcome = await pipeline().process({ raw: buildMessage({ to: 'other@most.gov.vn', subject: 'Nowhere' }), source: 'cli' });
    expect(outcome).toEqual(expect.objectContaining({ status: 'failed', reason: 'unknown_mailbox' }));
    expect(mailTo('standing-editor@demo.most.gov.vn').length).toBe(editorsBefore + 1);
  });

  test('dry run writes nothing', async () => {
    const before = await records().count();
    const outcome = await pipeline().process({ raw: buildMessage({ subject: 'Dry item' }), source: 'cli', dryRun: true });
    expect(outcome.status).toBe('dry_run');
    expect(outcome.preview).toEqual(
      expect.objectContaining({ targetContentType: ARTICLE_UID, title: 'Dry item', sender: expect.objectContaining({ address: FOCAL_POINT, verdict: expect.objectContaining({ accepted: true, via: 'focal_point' }) }) })
    );
    expect(await records().count()).toBe(before);
  });
});

describe('email intake admin API', () => {
  test('lists quarantined messages', async () => {
    const login = await app.http().post('/admin/login').send({ email: 'standing-editor@demo.most.gov.vn', password: 'Demo-Password-2024' });
    const token = login.body.data.token;
    const response = await app.http().get('/email-intake/messages?status=quarantined').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((record: { subject: string }) => record.subject)).toContain('Spoofed item');
    const invalid = await app.http().get('/email-intake/messages?status=nope').set('Authorization', `Bearer ${token}`);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('status');
  });

  test('uploads an .eml file', async () => {
    const login = await app.http().post('/admin/login').send({ email: 'standing-editor@demo.most.gov.vn', password: 'Demo-Password-2024' });
    const raw = buildMessage({ subject: 'Uploaded item' });
    const response = await app.http().post('/email-intake/messages/upload').set('Authorization', `Bearer ${login.body.data.token}`).attach('file', raw, 'thu.eml');
    expect(response.status).toBe(201);
    expect(response.body.data.status).toBe('created');
    const missing = await app.http().post('/email-intake/messages/upload').set('Authorization', `Bearer ${login.body.data.token}`).field('mailbox', NEWS_MAILBOX);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('file');
  });
});

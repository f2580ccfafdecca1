import { renderNotification } from '../../plugins/editorial-workflow/server/src/services/email-templates';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/workflow';

const ARTICLE = 'api::article.article';
const OUTBOX = 'plugin::editorial-workflow.outbox-message';

let app: TestApp;
type Auth = Awaited<ReturnType<typeof loginAs>>;
let focalPoint: Auth;
let editor: Auth;
let boardHead: Auth;

beforeAll(async () => {
  app = await startTestApp();
  [focalPoint, editor, boardHead] = await Promise.all([loginAs(app, 'focal-point'), loginAs(app, 'standing-editor'), loginAs(app, 'board-head')]);
});

afterAll(async () => {
  await app?.stop();
});

const service = (name: string) => app.strapi.plugin('rejection-reasons').service(name);

async function communicationsCentreId() {
  const unit = await app.strapi.documents('api::organization-unit.organization-unit').findFirst({ locale: 'vi', filters: { abbreviation: 'TTTT' } });
  return unit!.documentId as string;
}

/** Creates an article as the demo focal point and submits it; returns its document id. */
async function submitArticle(title: string) {
  const created = await app
    .http()
    .post(`/content-manager/collection-types/${ARTICLE}?locale=vi`)
    .set('Authorization', focalPoint.Authorization)
    .send({ title, category: 'news', unit: { connect: [{ documentId: await communicationsCentreId(), locale: 'vi' }] } });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;
  const submitted = await app.http().post(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/submit?locale=vi`).set('Authorization', focalPoint.Authorization).send({});
  expect(submitted.status).toBe(200);
  return { documentId, caseId: submitted.body.data.id as number };
}

const reject = (documentId: string, body: Record<string, unknown>) =>
  app.http().post(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/reject?locale=vi`).set('Authorization', editor.Authorization).send(body);

describe('catalogue', () => {
  test('holds the nine reasons of Art. 11 in Vietnamese and English', async () => {
    const reasons = await service('catalogue').list();
    expect(reasons.map((reason: { code: string }) => reason.code)).toEqual(['R11.1', 'R11.2', 'R11.3', 'R11.4', 'R11.5', 'R11.6', 'R11.7', 'R11.8', 'R11.9']);
    for (const reason of reasons) {
      for (const field of ['legalBasisVi', 'legalBasisEn', 'labelVi', 'labelEn', 'descriptionVi', 'descriptionEn', 'authorTextVi', 'authorTextEn']) {
        expect(reason[field]).toEqual(expect.any(String));
        expect(reason[field].length).toBeGreaterThan(5);
      }
      expect(reason.active).toBe(true);
    }
  });

  test('is public in Vietnamese and English, and refuses another locale', async () => {
    const vi = await app.http().get('/api/rejection-reasons/reasons?locale=vi');
    expect(vi.status).toBe(200);
    expect(vi.body.data).toHaveLength(9);
    expect(vi.body.data[4]).toMatchObject({ code: 'R11.5', label: 'Trùng lặp nội dung đã đăng tải' });
    const en = await app.http().get('/api/rejection-reasons/reasons?locale=en');
    expect(en.body.data[4]).toMatchObject({ code: 'R11.5', label: 'Duplicate of published content', legalBasis: expect.stringContaining('Art. 11(5)') });
    const fr = await app.http().get('/api/rejection-reasons/reasons?locale=fr');
    expect(fr.status).toBe(400);
    expect(fr.body.error.message).toContain('locale "fr"');
  });

  test('the workflow dialog lists active reasons with their descriptions', async () => {
    const response = await app.http().get('/editorial-workflow/reasons?locale=en').set('Authorization', editor.Authorization);
    expect(response.status).toBe(200);
    expect(response.body.data[0]).toMatchObject({ code: 'R11.1', description: expect.stringContaining('recipients list') });
  });

  test('an administrator adds a reason; bad input names the field', async () => {
    const bad = await app.http().post('/rejection-reasons/catalogue').set('Authorization', boardHead.Authorization).send({ code: 'r 1', labelVi: '' });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.errors.map((error: { path: string[] }) => error.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['code', 'labelVi', 'labelEn', 'authorTextEn']));

    const forbidden = await app.http().post('/rejection-reasons/catalogue').set('Authorization', editor.Authorization).send({});
    expect(forbidden.status).toBe(403);

    const wording = {
      legalBasisVi: 'Quy định nội bộ của Ban biên tập',
      legalBasisEn: 'Internal rule of the editorial board',
      labelVi: 'Lý do thử nghiệm',
      labelEn: 'Trial reason',
      descriptionVi: 'Mô tả nội bộ.',
      descriptionEn: 'Internal description.',
      authorTextVi: 'Nội dung gửi tác giả.',
      authorTextEn: 'Wording sent to the author.',
    };
    const created = await app.http().post('/rejection-reasons/catalogue').set('Authorization', boardHead.Authorization).send({ code: 'X-TRIAL', ...wording });
    expect(created.status).toBe(201);
    const duplicate = await app.http().post('/rejection-reasons/catalogue').set('Authorization', boardHead.Authorization).send({ code: 'X-TRIAL', ...wording });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toContain('X-TRIAL is already in the catalogue');

    const period = await app.http().put(`/rejection-reasons/catalogue/${created.body.data.id}`).set('Authorization', boardHead.Authorization).send({ validFrom: '2030-01-01T00:00:00+07:00', validTo: '2029-01-01T00:00:00+07:00' });
    expect(period.status).toBe(400);
    expect(period.body.error.details.errors[0].path).toEqual(['validTo']);
    const recode = await app.http().put(`/rejection-reasons/catalogue/${created.body.data.id}`).set('Authorization', boardHead.Authorization).send({ code: 'X-OTHER' });
    expect(recode.status).toBe(400);

    const deactivated = await app.http().put(`/rejection-reasons/catalogue/${created.body.data.id}`).set('Authorization', boardHead.Authorization).send({ active: false });
    expect(deactivated.status).toBe(200);
    const listed = await app.http().get('/api/rejection-reasons/reasons?locale=vi');
    expect(listed.body.data.map((reason: { code: string }) => reason.code)).not.toContain('X-TRIAL');
  });

  test('a reason outside its validity period is not active', async () => {
    const catalogue = service('catalogue');
    const before2024 = new Date('2024-03-18T12:00:00+07:00');
    expect(await catalogue.findInvalidCodes(['R11.5'], before2024)).toEqual(['R11.5']);
    expect(await catalogue.findInvalidCodes(['R11.5', 'R99'], new Date())).toEqual(['R99']);
  });
});

describe('rejections', () => {
  test('an unknown or inactive code is refused with its name, and nothing is written', async () => {
    const { documentId, caseId } = await submitArticle('Tin bị từ chối vì lý do không hợp lệ');
    const unknown = await reject(documentId, { reasons: ['R11.5', 'R42'], note: 'Thử' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('R42');

    const trial = await app.strapi.db.query('plugin::rejection-reasons.reason').findOne({ where: { code: 'X-TRIAL' } });
    expect(trial.active).toBe(false);
    const inactive = await reject(documentId, { reasons: ['X-TRIAL'], note: 'Thử' });
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.message).toContain('X-TRIAL');

    const missing = await reject(documentId, { reasons: [] });
    expect(missing.status).toBe(400);
    expect(await service('rejections').ofCase(caseId)).toEqual([]);
  });

  test('a rejection is recorded with a snapshot, cited per reason, and mailed in the author language', async () => {
    const { documentId, caseId } = await submitArticle('Tin trùng lặp và gửi muộn');
    const response = await reject(documentId, { reasons: ['R11.5', 'R11.7'], note: 'Đã đăng ngày 1/12.' });
    expect(response.status).toBe(200);

    const [record] = await service('rejections').ofCase(caseId);
    expect(record).toMatchObject({ caseId, contentType: ARTICLE, entryDocumentId: documentId, entryLocale: 'vi', codes: ['R11.5', 'R11.7'], note: 'Đã đăng ngày 1/12.', unitDocumentId: await communicationsCentreId() });
    expect(record.snapshot[0]).toMatchObject({ code: 'R11.5', label: { vi: 'Trùng lặp nội dung đã đăng tải', en: 'Duplicate of published content' } });
    const citations = await app.strapi.db.query('plugin::rejection-reasons.citation').findMany({ where: { rejectionId: record.id } });
    expect(citations.map((citation: { code: string }) => citation.code).sort()).toEqual(['R11.5', 'R11.7']);

    // The notification carries the wording; the template picks the recipient's language.
    const message = await app.strapi.db.query(OUTBOX).findOne({ where: { caseId, kind: 'rejected' } });
    expect(message.payload.reasonTexts.vi[0]).toContain('R11.5 – Trùng lặp nội dung đã đăng tải');
    const vi = renderNotification('rejected', message.payload, 'vi', 'http://localhost/admin');
    const en = renderNotification('rejected', message.payload, 'en', 'http://localhost/admin');
    expect(vi.text).toContain('- R11.7 – Gửi quá thời hạn cung cấp tin, bài sự kiện: Tin, bài được gửi quá 12 giờ');
    expect(en.text).toContain('- R11.5 – Duplicate of published content: The content repeats an item already published');

    // Rewording the catalogue later leaves the recorded wording as it was.
    const r115 = await app.strapi.db.query('plugin::rejection-reasons.reason').findOne({ where: { code: 'R11.5' } });
    const reworded = await app.http().put(`/rejection-reasons/catalogue/${r115.id}`).set('Authorization', boardHead.Authorization).send({ labelEn: 'Repeats published content' });
    expect(reworded.status).toBe(200);
    const history = await app.http().get(`/rejection-reasons/documents/${ARTICLE}/${documentId}/rejections?locale=vi`).set('Authorization', editor.Authorization);
    expect(history.status).toBe(200);
    expect(history.body.data[0].snapshot[0].label.en).toBe('Duplicate of published content');
    await app.http().put(`/rejection-reasons/catalogue/${r115.id}`).set('Authorization', boardHead.Authorization).send({ labelEn: 'Duplicate of published content' });
  });

  test('counts citations by reason, unit and period', async () => {
    const unit = await communicationsCentreId();
    const { documentId } = await submitArticle('Tin thứ hai bị từ chối');
    expect((await reject(documentId, { reasons: ['R11.5'], note: 'Trùng lặp' })).status).toBe(200);

    const from = new Date(Date.now() - 60 * 60 * 1000);
    const to = new Date(Date.now() + 60 * 60 * 1000);
    const rows = await service('statistics').countByReason({ from, to, unitDocumentId: unit });
    expect(rows).toEqual(expect.arrayContaining([{ code: 'R11.5', unitDocumentId: unit, count: 2 }, { code: 'R11.7', unitDocumentId: unit, count: 1 }]));
    expect(await service('statistics').countByReason({ from: to, to: new Date(to.getTime() + 1000) })).toEqual([]);
    expect(await service('statistics').countByReason({ from, to, contentType: 'api::legal-document.legal-document' })).toEqual([]);

    const http = await app.http().get(`/rejection-reasons/statistics/by-reason?from=${from.toISOString()}&to=${to.toISOString()}&unit=${unit}`).set('Authorization', editor.Authorization);
    expect(http.status).toBe(200);
    expect(http.body.data).toEqual(rows);
    const bad = await app.http().get('/rejection-reasons/statistics/by-reason?from=yesterday').set('Authorization', editor.Authorization);
    expect(bad.status).toBe(400);
  });
});

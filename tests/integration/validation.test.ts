import { adminToken, createApiToken } from '../helpers/auth';
import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startTestApp();
  token = await createApiToken(app, 'full-access');
});

afterAll(async () => {
  await app?.stop();
});

/** Creates a draft over REST as a frontend with a full-access token would. */
const createDraft = (plural: string, data: Record<string, unknown>, locale = 'vi') =>
  app.http().post(`/api/${plural}?status=draft&locale=${locale}`).set('Authorization', `Bearer ${token}`).send({ data });

const errorPaths = (body: { error?: { details?: { errors?: { path: string[] }[] } } }) =>
  (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

async function expectFieldError(response: Awaited<ReturnType<typeof createDraft>>, field: string, messagePart: RegExp) {
  expect(response.status).toBe(400);
  expect(response.body.error.name).toBe('ValidationError');
  expect(response.body.error.message).toMatch(messagePart);
  expect(errorPaths(response.body)).toContain(field);
}

const validLegalDocument = {
  title: 'Thông tư quy định về quản lý nhiệm vụ khoa học và công nghệ',
  documentNumber: '10/2024/TT-BKHCN',
  documentForm: 'circular',
  issueDate: '2024-06-28',
  issuingAuthority: 'Bộ Khoa học và Công nghệ',
};

describe('member portal domain', () => {
  test.each([
    ['TTTT.most.gov.vn', /Write it in lower case: "tttt.most.gov.vn"/],
    ['trung-tâm.most.gov.vn', /unaccented lower-case/],
    ['tttt.gov.vn', /<abbreviation>.most.gov.vn/],
    ['a.b.most.gov.vn', /<abbreviation>.most.gov.vn/],
    ['https://tttt.most.gov.vn', /<abbreviation>.most.gov.vn/],
  ])('rejects %s', async (domain, message) => {
    const response = await createDraft('member-portals', { name: 'Cổng thử nghiệm', domain });
    await expectFieldError(response, 'domain', message);
  });

  test('rejects a missing domain', async () => {
    const response = await createDraft('member-portals', { name: 'Cổng thử nghiệm' });
    await expectFieldError(response, 'domain', /domain is required/);
  });

  test('accepts a lower-case abbreviation', async () => {
    const response = await createDraft('member-portals', { name: 'Cổng Vụ Pháp chế', domain: 'phapche.most.gov.vn' });
    expect(response.status).toBe(201);
    expect(response.body.data.domain).toBe('phapche.most.gov.vn');
  });

  test('rejects an own domain with a scheme', async () => {
    const response = await createDraft('member-portals', { name: 'Cổng thử', domain: 'thu.most.gov.vn', ownDomain: 'https://thu.vn/' });
    await expectFieldError(response, 'ownDomain', /lower-case domain name/);
  });
});

describe('consultation window', () => {
  const draft = { title: 'Dự thảo Thông tư thử nghiệm' };

  test('rejects a window that closes before it opens', async () => {
    const response = await createDraft('draft-regulations', {
      ...draft,
      commentOpensAt: '2026-05-10T01:00:00.000Z',
      commentClosesAt: '2026-05-01T01:00:00.000Z',
    });
    await expectFieldError(response, 'commentClosesAt', /commentClosesAt must be later than commentOpensAt/);
  });

  test('rejects a window that closes when it opens', async () => {
    const response = await createDraft('draft-regulations', {
      ...draft,
      commentOpensAt: '2026-05-10T01:00:00.000Z',
      commentClosesAt: '2026-05-10T01:00:00.000Z',
    });
    await expectFieldError(response, 'commentClosesAt', /must be later than/);
  });

  test('rejects a partial update that breaks the window', async () => {
    const created = await createDraft('draft-regulations', {
      ...draft,
      commentOpensAt: '2026-05-01T01:00:00.000Z',
      commentClosesAt: '2026-06-30T10:00:00.000Z',
    });
    expect(created.status).toBe(201);
    const response = await app
      .http()
      .put(`/api/draft-regulations/${created.body.data.documentId}?status=draft&locale=vi`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { commentOpensAt: '2026-07-01T01:00:00.000Z' } });
    await expectFieldError(response, 'commentClosesAt', /must be later than commentOpensAt/);
    const stored = await app.strapi.documents('api::draft-regulation.draft-regulation').findOne({ documentId: created.body.data.documentId, locale: 'vi' });
    expect(new Date(stored.commentOpensAt as string).toISOString()).toBe('2026-05-01T01:00:00.000Z');
  });

  test('requires both ends of the window', async () => {
    const response = await createDraft('draft-regulations', draft);
    await expectFieldError(response, 'commentOpensAt', /commentOpensAt is required/);
    expect(errorPaths(response.body)).toContain('commentClosesAt');
  });
});

describe('legal document metadata', () => {
  test.each([
    ['documentNumber', /documentNumber is required: give the number and symbol/],
    ['documentForm', /documentForm is required/],
    ['issueDate', /issueDate is required/],
  ])('requires %s', async (field, message) => {
    const { [field]: _left, ...data } = validLegalDocument as Record<string, unknown>;
    const response = await createDraft('legal-documents', data);
    await expectFieldError(response, field, message);
  });

  test('rejects clearing the number', async () => {
    const created = await createDraft('legal-documents', validLegalDocument);
    expect(created.status).toBe(201);
    const response = await app
      .http()
      .put(`/api/legal-documents/${created.body.data.documentId}?status=draft&locale=vi`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { documentNumber: '' } });
    await expectFieldError(response, 'documentNumber', /documentNumber is required/);
  });

  test('rejects an unknown form', async () => {
    const response = await createDraft('legal-documents', { ...validLegalDocument, documentForm: 'memo' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toContain('documentForm');
  });
});

describe('question', () => {
  test('requires the question text', async () => {
    const response = await createDraft('questions', { title: 'Hỏi về thủ tục', askerName: 'Phạm Văn C', askerEmail: 'c@example.org' });
    await expectFieldError(response, 'questionText', /questionText is required/);
  });

  test('requires a contact', async () => {
    const response = await createDraft('questions', { title: 'Hỏi về thủ tục', askerName: 'Phạm Văn C', questionText: 'Xin hỏi thủ tục?' });
    await expectFieldError(response, 'askerEmail', /askerEmail or askerPhone is required/);
  });

  test('accepts a phone as contact and records the receipt time', async () => {
    const response = await createDraft('questions', {
      title: 'Hỏi về thủ tục',
      askerName: 'Phạm Văn C',
      askerPhone: '0912000111',
      questionText: 'Xin hỏi thủ tục?',
    });
    expect(response.status).toBe(201);
    expect(response.body.data.receivedAt).toBeTruthy();
  });
});

describe('other field rules', () => {
  test('maintenance window must end after it starts', async () => {
    const response = await createDraft('maintenance-notices', {
      title: 'Bảo trì hệ thống',
      startsAt: '2026-12-12T15:00:00.000Z',
      endsAt: '2026-12-12T14:00:00.000Z',
    });
    await expectFieldError(response, 'endsAt', /endsAt must be later than startsAt/);
  });

  test('event must end after it starts', async () => {
    const response = await createDraft('articles', {
      title: 'Hội thảo',
      category: 'event',
      event: { kind: 'single_session', chairedBy: 'leadership', startsAt: '2026-03-02T02:00:00.000Z', endsAt: '2026-03-02T01:00:00.000Z' },
    });
    await expectFieldError(response, 'event.endsAt', /event.endsAt must be later than event.startsAt/);
  });

  test('source address must be http or https', async () => {
    const response = await createDraft('articles', { title: 'Tin tổng hợp', category: 'news', sourceUrl: 'javascript:alert(1)' });
    await expectFieldError(response, 'sourceUrl', /http or https/);
  });

  test('unit mail domain must be a domain', async () => {
    const response = await createDraft('organization-units', { name: 'Đơn vị thử', abbreviation: 'DVT', kind: 'centre', mailDomain: 'most gov vn' });
    await expectFieldError(response, 'mailDomain', /lower-case domain name/);
  });
});

describe('edge inputs', () => {
  test('epoch milliseconds still obey the window', async () => {
    const response = await createDraft('maintenance-notices', { title: 'Bảo trì', startsAt: '2027-01-10T00:00:00.000Z', endsAt: '1700000000000' });
    await expectFieldError(response, 'endsAt', /endsAt must be later than startsAt/);
  });

  test('zero-width text counts as blank', async () => {
    const response = await createDraft('questions', { title: 'Hỏi', askerName: 'An', askerPhone: '\u200b', questionText: '\u200b' });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual(expect.arrayContaining(['questionText', 'askerEmail']));
  });

  test('unknown locale is a 400', async () => {
    const response = await createDraft('articles', { title: 'Locale lạ', category: 'news' }, 'xx');
    await expectFieldError(response, 'locale', /locale "xx" is not a locale of the portal/);
  });
});

describe('content-manager clone obeys the rules', () => {
  test('clone with a bad domain is a 400', async () => {
    const jwt = await adminToken(app);
    const source = await app.strapi.documents('api::member-portal.member-portal').findFirst({ locale: 'vi' });
    const response = await app
      .http()
      .post(`/content-manager/collection-types/api::member-portal.member-portal/clone/${source.documentId}?locale=vi`)
      .set('Authorization', `Bearer ${jwt}`)
      .send({ domain: 'EVIL.Example.COM' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/domain must be a fourth-level domain/);
  });

  test('clone gets NFC text and its own slug', async () => {
    const jwt = await adminToken(app);
    const source = await app.strapi.documents('api::article.article').findFirst({ locale: 'vi', status: 'published' });
    const title = 'Tiêu đề bản sao';
    const response = await app
      .http()
      .post(`/content-manager/collection-types/api::article.article/clone/${source.documentId}?locale=vi`)
      .set('Authorization', `Bearer ${jwt}`)
      .send({ title: title.normalize('NFD') });
    expect(response.status).toBe(200);
    const row = await app.strapi.db.query('api::article.article').findOne({ where: { documentId: response.body.data.documentId } });
    expect(row.title).toBe(title);
    expect(row.slug).toBe('tieu-de-ban-sao');
  });
});

describe('admin panel gets the same 400', () => {
  test('content manager create with a bad domain', async () => {
    const jwt = await adminToken(app);
    const response = await app
      .http()
      .post('/content-manager/collection-types/api::member-portal.member-portal?locale=vi')
      .set('Authorization', `Bearer ${jwt}`)
      .send({ name: 'Cổng thử', domain: 'Cong-Thu.most.gov.vn' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/domain must be a fourth-level domain/);
  });
});

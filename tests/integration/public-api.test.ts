import { PORTAL_TYPE_NAMES } from '../../src/content-types';
import { adminToken, createApiToken } from '../helpers/auth';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { publishThroughWorkflow } from '../helpers/workflow';

let app: TestApp;
let fullAccessToken: string;

const pluralOf = (name: string) => (name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`);

beforeAll(async () => {
  app = await startTestApp();
  fullAccessToken = await createApiToken(app, 'full-access');
});

afterAll(async () => {
  await app?.stop();
});

describe('every content type over REST', () => {
  test.each(PORTAL_TYPE_NAMES.flatMap((name) => ['vi', 'en'].map((locale) => [name, locale])))(
    '%s answers in locale %s',
    async (name, locale) => {
      const response = await app.http().get(`/api/${pluralOf(name)}?locale=${locale}`);
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body.data)).toBe(true);
    }
  );
});

describe('demo content', () => {
  test('Decision 400 in Vietnamese with its text', async () => {
    const response = await app.http().get('/api/legal-documents?locale=vi&filters[documentNumber][$eq]=400/QĐ-BKHCN');
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    const decision = response.body.data[0];
    expect(decision.issueDate).toBe('2024-03-19');
    expect(decision.documentForm).toBe('decision');
    expect(decision.signer).toBe('Huỳnh Thành Đạt');
    expect(decision.fullText).toContain('### Điều 11.');
    expect(decision.fullText).toContain('stc@most.gov.vn');
    expect(decision.locale).toBe('vi');
  });

  test('English articles are English', async () => {
    const response = await app.http().get('/api/articles?locale=en');
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThanOrEqual(3);
    for (const article of response.body.data) expect(article.locale).toBe('en');
    const titles = response.body.data.map((article: { title: string }) => article.title);
    expect(titles).toContain('Ministry of Science and Technology issues the regulation on information provided on its web portal');
  });

  test('GraphQL returns the same documents', async () => {
    const response = await app
      .http()
      .post('/graphql')
      .send({
        query: `{
          legalDocuments(locale: "vi", filters: { documentNumber: { eq: "400/QĐ-BKHCN" } }) { documentId documentNumber issueDate }
          articles(locale: "en") { documentId title locale }
        }`,
      });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.legalDocuments).toHaveLength(1);
    expect(response.body.data.legalDocuments[0].issueDate).toBe('2024-03-19');
    const rest = await app.http().get('/api/articles?locale=en');
    const restIds = rest.body.data.map((article: { documentId: string }) => article.documentId).sort();
    const graphqlIds = response.body.data.articles.map((article: { documentId: string }) => article.documentId).sort();
    expect(graphqlIds).toEqual(restIds);
  });
});

describe('drafts never reach the public', () => {
  let draftId: string;
  const draftTitle = 'Bản nháp chưa được duyệt, không được lộ ra ngoài';

  beforeAll(async () => {
    const draft = await app.strapi.documents('api::article.article').create({ locale: 'vi', data: { title: draftTitle, category: 'news' } as never });
    draftId = draft.documentId;
  });

  test('REST list leaves the draft out', async () => {
    const response = await app.http().get('/api/articles?locale=vi&pagination[pageSize]=100');
    expect(response.status).toBe(200);
    expect(response.body.data.map((article: { documentId: string }) => article.documentId)).not.toContain(draftId);
  });

  test('REST ?status=draft still returns published only', async () => {
    const response = await app.http().get('/api/articles?locale=vi&status=draft&pagination[pageSize]=100');
    expect(response.status).toBe(200);
    const titles = response.body.data.map((article: { title: string }) => article.title);
    expect(titles).not.toContain(draftTitle);
    for (const article of response.body.data) expect(article.publishedAt).not.toBeNull();
  });

  test('REST findOne of a draft is 404', async () => {
    const plain = await app.http().get(`/api/articles/${draftId}?locale=vi`);
    expect(plain.status).toBe(404);
    const asDraft = await app.http().get(`/api/articles/${draftId}?locale=vi&status=draft`);
    expect(asDraft.status).toBe(404);
  });

  test('GraphQL status DRAFT still returns published only', async () => {
    const response = await app
      .http()
      .post('/graphql')
      .send({ query: `{ articles(locale: "vi", status: DRAFT, pagination: { pageSize: 100 }) { documentId title publishedAt } }` });
    expect(response.status).toBe(200);
    const articles = response.body.data?.articles ?? [];
    expect(articles.map((article: { documentId: string }) => article.documentId)).not.toContain(draftId);
    for (const article of articles) expect(article.publishedAt).not.toBeNull();
  });

  test('GraphQL findOne of a draft is null', async () => {
    const response = await app
      .http()
      .post('/graphql')
      .send({ query: `{ article(documentId: "${draftId}", locale: "vi", status: DRAFT) { documentId title } }` });
    expect(response.status).toBe(200);
    expect(response.body.data?.article ?? null).toBeNull();
  });

  test('admin panel lists the draft', async () => {
    const jwt = await adminToken(app);
    const response = await app
      .http()
      .get('/content-manager/collection-types/api::article.article?locale=vi&pageSize=100')
      .set('Authorization', `Bearer ${jwt}`);
    expect(response.status).toBe(200);
    expect(response.body.results.map((article: { documentId: string }) => article.documentId)).toContain(draftId);
  });

  test('full-access token may read the draft', async () => {
    const response = await app
      .http()
      .get(`/api/articles/${draftId}?locale=vi&status=draft`)
      .set('Authorization', `Bearer ${fullAccessToken}`);
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe(draftTitle);
  });
});

describe('private fields never reach the public', () => {
  test('question contact is hidden over REST', async () => {
    const response = await app.http().get('/api/questions?populate=*');
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    for (const question of response.body.data) {
      expect(question).not.toHaveProperty('askerEmail');
      expect(question).not.toHaveProperty('askerPhone');
      expect(question).not.toHaveProperty('askerAddress');
      expect(question).not.toHaveProperty('opinions');
      expect(question.askerName).toBeTruthy();
    }
  });

  test('question contact is not in the GraphQL schema', async () => {
    const response = await app.http().post('/graphql').send({ query: '{ questions { documentId askerEmail } }' });
    expect(response.body.errors?.[0]?.message).toMatch(/askerEmail/);
    expect(JSON.stringify(response.body.data ?? {})).not.toContain('@');
  });

  test('commenter contact is hidden over REST', async () => {
    const draft = await app.strapi.documents('api::draft-regulation.draft-regulation').findFirst({ locale: 'vi', status: 'published' });
    await app.strapi.documents('api::consultation-comment.consultation-comment').create({
      data: {
        draftRegulation: draft.documentId,
        authorName: 'Trần Văn Bình',
        contactEmail: 'binh@example.org',
        contactPhone: '0912345678',
        text: 'Đề nghị làm rõ thời hạn gửi văn bản tại Điều 5.',
        moderationState: 'approved',
      } as never,
      status: 'published',
    });
    const response = await app.http().get('/api/consultation-comments?populate=*');
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBe(1);
    const [comment] = response.body.data;
    expect(comment.authorName).toBe('Trần Văn Bình');
    expect(comment).not.toHaveProperty('contactEmail');
    expect(comment).not.toHaveProperty('contactPhone');
    expect(comment).not.toHaveProperty('moderationState');
    expect(JSON.stringify(response.body)).not.toContain('binh@example.org');
  });

  test('populated relation hides nested contact', async () => {
    const response = await app.http().get('/api/draft-regulations?locale=vi&populate[comments]=true');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain('binh@example.org');
  });

  test('member portal staff and plan are hidden', async () => {
    const response = await app.http().get('/api/member-portals?locale=vi&populate=*');
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0].domain).toBe('shtt.most.gov.vn');
    expect(response.body.data[0]).not.toHaveProperty('staff');
    expect(response.body.data[0]).not.toHaveProperty('operatingPlan');
  });

  test('unit focal point contact is hidden', async () => {
    const unit = await app.strapi.documents('api::organization-unit.organization-unit').findFirst({ locale: 'vi', filters: { abbreviation: 'TTTT' } });
    await app.strapi.documents('api::organization-unit.organization-unit').update({
      documentId: unit.documentId,
      locale: 'vi',
      data: { focalPoints: [{ fullName: 'Lê Thị Hoa', email: 'hoa.focal@most.gov.vn', phone: '0243000000' }] } as never,
    });
    const response = await app.http().get('/api/organization-units?locale=vi&populate=*');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain('hoa.focal@most.gov.vn');
  });
});

describe('search and filters see public published data only', () => {
  let documentId: string;
  const secret = 'NOI DUNG NHAP BI MAT';

  beforeAll(async () => {
    const documents = app.strapi.documents('api::article.article');
    const section = await app.strapi.documents('api::section.section').findFirst({ locale: 'vi' });
    const created = await documents.create({ locale: 'vi', data: { title: 'Tin song ngữ công khai', category: 'news', section: section.documentId } as never });
    documentId = created.documentId;
    await publishThroughWorkflow(app, 'api::article.article', documentId, 'vi');
    await documents.update({ documentId, locale: 'vi', data: { summary: `${secret} vi` } as never });
    await documents.update({ documentId, locale: 'en', data: { title: 'Public bilingual item', summary: `${secret} en`, category: 'news', section: section.documentId } as never });
  });

  test('_q does not match private fields', async () => {
    const response = await app.http().get('/api/questions?_q=nguoi-hoi@example.org');
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination.total).toBe(0);
  });

  test('_q still matches public fields', async () => {
    const response = await app.http().get(`/api/questions?_q=${encodeURIComponent('cán bộ đầu mối')}`);
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination.total).toBe(1);
  });

  test('_q does not match draft text', async () => {
    const response = await app.http().get(`/api/articles?locale=vi&_q=${encodeURIComponent(secret)}`);
    expect(response.body.meta.pagination.total).toBe(0);
  });

  test('relation filter does not match drafts', async () => {
    const response = await app.http().get(`/api/sections?locale=vi&filters[articles][summary][$contains]=${encodeURIComponent(secret)}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
    const localized = await app.http().get(`/api/articles?locale=vi&filters[localizations][summary][$contains]=${encodeURIComponent(secret)}`);
    expect(localized.body.data).toEqual([]);
  });

  test('GraphQL localizations under DRAFT stay published', async () => {
    const response = await app
      .http()
      .post('/graphql')
      .send({ query: `{ articles(locale: "vi", status: DRAFT) { documentId summary localizations { locale summary publishedAt } } }` });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain(secret);
  });

  test('GraphQL relations under DRAFT stay published', async () => {
    const response = await app
      .http()
      .post('/graphql')
      .send({ query: `{ sections(locale: "vi", status: DRAFT) { articles { title summary publishedAt } } articles(locale: "vi", status: DRAFT) { section { articles { summary } } } }` });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain(secret);
    expect(JSON.stringify(response.body)).not.toContain('"publishedAt":null');
  });

  test('GraphQL account mutations are refused', async () => {
    const response = await app.http().post('/graphql').send({ query: 'mutation { forgotPassword(email: "admin@demo.most.gov.vn") { ok } }' });
    expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(response.body.data?.forgotPassword ?? null).toBeNull();
  });
});

describe('public role reads and nothing else', () => {
  test.each([
    ['POST', '/api/articles'],
    ['PUT', '/api/articles/abc'],
    ['DELETE', '/api/articles/abc'],
    ['POST', '/api/questions'],
    ['GET', '/api/upload/files'],
    ['GET', '/api/users'],
    ['GET', '/api/i18n/locales'],
    ['POST', '/api/auth/local/register'],
  ])('%s %s is refused', async (method, url) => {
    const response = await app.http()[method.toLowerCase() as 'get'](url).send({ data: { title: 'x' } });
    expect([401, 403, 404, 405]).toContain(response.status);
  });

  test.each([
    ['uploadFiles', '{ uploadFiles { documentId url } }'],
    ['i18NLocales', '{ i18NLocales { code } }'],
    ['usersPermissionsUsers', '{ usersPermissionsUsers { documentId email } }'],
    ['usersPermissionsRoles', '{ usersPermissionsRoles { documentId name } }'],
  ])('GraphQL %s is refused', async (_name, query) => {
    const response = await app.http().post('/graphql').send({ query });
    expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(response.body.data ?? null)).not.toMatch(/url|code|email|name"/);
  });

  test('GraphQL mutation is refused', async () => {
    const response = await app
      .http()
      .post('/graphql')
      .send({ query: 'mutation { createArticle(data: { title: "x" }) { documentId } }' });
    expect(response.body.errors?.length).toBeGreaterThan(0);
    expect(response.body.data?.createArticle ?? null).toBeNull();
  });
});

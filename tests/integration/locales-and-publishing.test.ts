import { startTestApp, type TestApp } from '../helpers/strapi';
import { publishThroughWorkflow } from '../helpers/workflow';

let app: TestApp;
const ARTICLE = 'api::article.article';

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

test('locales are vi (default) and en', async () => {
  const locales = app.strapi.plugin('i18n').service('locales');
  const codes = (await locales.find()).map(({ code }: { code: string }) => code).sort();
  expect(codes).toEqual(['en', 'vi']);
  expect(await locales.getDefaultLocale()).toBe('vi');
});

test('publishing en leaves vi untouched', async () => {
  const documents = app.strapi.documents(ARTICLE);
  const created = await documents.create({ locale: 'vi', data: { title: 'Bản tiếng Việt đã đăng', category: 'news' } as never });
  const { documentId } = created;
  await publishThroughWorkflow(app, ARTICLE, documentId, 'vi');

  // The Vietnamese draft moves on after publication; only an explicit publish may show it.
  await documents.update({ documentId, locale: 'vi', data: { title: 'Bản tiếng Việt đang sửa' } as never });
  await documents.update({ documentId, locale: 'en', data: { title: 'English version', category: 'news' } as never });
  await publishThroughWorkflow(app, ARTICLE, documentId, 'en');

  const viPublished = await documents.findOne({ documentId, locale: 'vi', status: 'published' });
  const viDraft = await documents.findOne({ documentId, locale: 'vi', status: 'draft' });
  const enPublished = await documents.findOne({ documentId, locale: 'en', status: 'published' });
  expect(viPublished.title).toBe('Bản tiếng Việt đã đăng');
  expect(viDraft.title).toBe('Bản tiếng Việt đang sửa');
  expect(enPublished.title).toBe('English version');

  const publicVi = await app.http().get(`/api/articles/${documentId}?locale=vi`);
  expect(publicVi.status).toBe(200);
  expect(publicVi.body.data.title).toBe('Bản tiếng Việt đã đăng');
});

test('unpublished en locale stays hidden while vi is public', async () => {
  const documents = app.strapi.documents(ARTICLE);
  const created = await documents.create({ locale: 'vi', data: { title: 'Chỉ có bản tiếng Việt', category: 'news' } as never });
  await publishThroughWorkflow(app, ARTICLE, created.documentId, 'vi');
  await documents.update({ documentId: created.documentId, locale: 'en', data: { title: 'English draft only', category: 'news' } as never });

  const en = await app.http().get(`/api/articles/${created.documentId}?locale=en`);
  expect(en.status).toBe(404);
  const vi = await app.http().get(`/api/articles/${created.documentId}?locale=vi`);
  expect(vi.status).toBe(200);
});

test('shared fields are shared and localized fields are not', async () => {
  const documents = app.strapi.documents('api::legal-document.legal-document');
  const decision = await documents.findFirst({ locale: 'vi', filters: { documentNumber: '400/QĐ-BKHCN' } });
  const english = await documents.findOne({ documentId: decision.documentId, locale: 'en' });
  expect(english.documentNumber).toBe(decision.documentNumber);
  expect(english.issueDate).toBe(decision.issueDate);
  expect(english.title).not.toBe(decision.title);
  expect(english.issuingAuthority).toBe('Ministry of Science and Technology');
});

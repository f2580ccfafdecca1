import { strapi as createClient } from '@strapi/client';
import { startTestApp, type TestApp } from '../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

test('@strapi/client reads published articles', async () => {
  const client = createClient({ baseURL: `${app.baseUrl}/api` });
  const articles = client.collection('articles');

  const vi = await articles.find({ locale: 'vi', sort: 'title:asc' });
  expect(vi.data.length).toBeGreaterThanOrEqual(3);
  for (const article of vi.data) {
    expect(article.locale).toBe('vi');
    expect(article.publishedAt).toBeTruthy();
  }

  const en = await articles.find({ locale: 'en', filters: { category: { $eq: 'event' } }, populate: ['event'] });
  expect(en.data).toHaveLength(1);
  expect(en.data[0].title).toBe('Training for the focal points of the units on providing information to the web portal');
  expect(en.data[0].event.kind).toBe('single_session');

  const single = await articles.findOne(vi.data[0].documentId, { locale: 'vi' });
  expect(single.data.documentId).toBe(vi.data[0].documentId);
});

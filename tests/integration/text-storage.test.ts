import { createApiToken } from '../helpers/auth';
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

const post = (plural: string, data: Record<string, unknown>, locale = 'vi', status = 'draft') =>
  app.http().post(`/api/${plural}?status=${status}&locale=${locale}`).set('Authorization', `Bearer ${token}`).send({ data });

describe('long Vietnamese text', () => {
  const sentence = 'Quy chế quản lý, cung cấp thông tin trên Cổng thông tin điện tử Bộ Khoa học và Công nghệ; ';
  const abstract = sentence.repeat(4).slice(0, 300);
  const title = `Quyết định về việc ${sentence.repeat(3)}`.trim();

  test('300-character abstract round-trips', async () => {
    expect([...abstract]).toHaveLength(300);
    const created = await post('legal-documents', {
      title,
      abstract,
      documentNumber: '401/QĐ-BKHCN',
      documentForm: 'decision',
      issueDate: '2024-03-20',
      issuingAuthority: 'Bộ Khoa học và Công nghệ',
    });
    expect(created.status).toBe(201);
    const stored = await app.strapi.documents('api::legal-document.legal-document').findOne({ documentId: created.body.data.documentId, locale: 'vi' });
    expect(stored.abstract).toBe(abstract);
    expect(stored.title).toBe(title);
    expect(title.length).toBeGreaterThan(255);
  });
});

describe('Unicode normalisation', () => {
  test('NFD title is stored as NFC', async () => {
    const nfc = 'Hội nghị tổng kết hoạt động khoa học và công nghệ năm 2024';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const created = await post('articles', { title: nfd, summary: `Tóm tắt: ${nfd}`, category: 'news' });
    expect(created.status).toBe(201);
    const row = await app.strapi.db.query('api::article.article').findOne({ where: { documentId: created.body.data.documentId } });
    expect(row.title).toBe(nfc);
    expect(row.summary).toBe(`Tóm tắt: ${nfc}`);
    expect(row.slug).toBe('hoi-nghi-tong-ket-hoat-dong-khoa-hoc-va-cong-nghe-nam-2024');
  });

  test('NFD inside a component is stored as NFC', async () => {
    const location = 'Hội trường tầng 2, 113 Trần Duy Hưng';
    const created = await post('articles', {
      title: 'Sự kiện có địa điểm',
      category: 'event',
      event: { kind: 'single_session', chairedBy: 'leadership', startsAt: '2026-03-02T01:00:00.000Z', location: location.normalize('NFD') },
    });
    expect(created.status).toBe(201);
    const stored = await app.strapi.documents('api::article.article').findOne({ documentId: created.body.data.documentId, locale: 'vi', populate: ['event'] });
    expect((stored.event as { location: string }).location).toBe(location);
  });
});

describe('slugs', () => {
  test('Đường folds to duong', async () => {
    const created = await post('articles', { title: 'Đường lên đỉnh Fansipan', category: 'news' });
    expect(created.status).toBe(201);
    expect(created.body.data.slug).toBe('duong-len-dinh-fansipan');
  });

  test('a given slug is folded to ASCII', async () => {
    const created = await post('articles', { title: 'Tin bất kỳ', slug: 'Đổi mới sáng tạo', category: 'news' });
    expect(created.status).toBe(201);
    expect(created.body.data.slug).toBe('doi-moi-sang-tao');
  });

  test('same title in one locale gets a suffix', async () => {
    const first = await post('articles', { title: 'Chuyển đổi số quốc gia', category: 'news' });
    const second = await post('articles', { title: 'Chuyển đổi số quốc gia', category: 'news' });
    expect(first.body.data.slug).toBe('chuyen-doi-so-quoc-gia');
    expect(second.body.data.slug).toBe('chuyen-doi-so-quoc-gia-2');
  });

  test('same slug in another locale is allowed', async () => {
    const vi = await post('articles', { title: 'Digital economy', category: 'news' }, 'vi');
    const en = await post('articles', { title: 'Digital economy', category: 'news' }, 'en');
    expect(vi.body.data.slug).toBe('digital-economy');
    expect(en.body.data.slug).toBe('digital-economy');
  });

  test('a taken slug given explicitly is a 400', async () => {
    await post('articles', { title: 'Tin thứ nhất', slug: 'tin-trung-slug', category: 'news' });
    const response = await post('articles', { title: 'Tin thứ hai', slug: 'tin-trung-slug', category: 'news' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/slug "tin-trung-slug" is already used by another entry in locale "vi"/);
  });

  test('the English version gets its own slug', async () => {
    const vi = await post('articles', { title: 'Hợp tác quốc tế về khoa học', category: 'news' });
    const documentId = vi.body.data.documentId;
    await app.strapi.documents('api::article.article').update({ documentId, locale: 'en', data: { title: 'International cooperation in science', category: 'news' } as never });
    const en = await app.strapi.documents('api::article.article').findOne({ documentId, locale: 'en' });
    expect(en.slug).toBe('international-cooperation-in-science');
  });
});

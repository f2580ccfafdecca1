import { TrigramQuery, fingerprintOf } from '../../plugins/rejection-reasons/server/src/checks/trigrams';
import { testDatabase } from '../helpers/databases';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { loginAs, publishThroughWorkflow } from '../helpers/workflow';

const ARTICLE = 'api::article.article';
const LEGAL_DOCUMENT = 'api::legal-document.legal-document';

let app: TestApp;
let editor: Awaited<ReturnType<typeof loginAs>>;

beforeAll(async () => {
  app = await startTestApp();
  editor = await loginAs(app, 'standing-editor');
});

afterAll(async () => {
  await app?.stop();
});

const plugin = () => app.strapi.plugin('rejection-reasons');
type Finding = { check: string; code: string; outcome: string; message: { vi: string; en: string }; evidence: Record<string, unknown> };

async function createDraft(uid: string, data: Record<string, unknown>, locale = 'vi') {
  const created = await app.strapi.documents(uid as 'api::article.article').create({ data: data as never, locale, status: 'draft' } as never);
  return created.documentId as string;
}

/** Runs every check on a draft as if it had been submitted at `sentAt`, and returns the named one. */
async function check(uid: string, documentId: string, name: string, sentAt = new Date(), locale = 'vi'): Promise<Finding> {
  const findings: Finding[] = await plugin().service('prechecks').evaluate({ caseId: null, contentType: uid, documentId, locale, event: 'submit', submittedAt: sentAt });
  return findings.find((item) => item.check === name)!;
}

const legalDocument = (extra: Record<string, unknown>) => ({
  title: 'Quyết định về việc ban hành Quy chế quản lý đề tài',
  documentNumber: `${Math.floor(Math.random() * 100000)}/QĐ-BKHCN`,
  documentForm: 'decision',
  issuingAuthority: 'Bộ Khoa học và Công nghệ',
  issueDate: '2026-11-20',
  validityStatus: 'in_force',
  ...extra,
});

async function uploadRow(name: string, mime: string) {
  const ext = name.slice(name.lastIndexOf('.'));
  const file = await app.strapi.db.query('plugin::upload.file').create({
    data: { name, ext, mime, hash: name.replace(/\W/g, '_'), url: `/uploads/${name}`, size: 1, provider: 'local' },
  });
  return file.id as number;
}

describe('R11.1 recipients list', () => {
  test('suggests R11.1 when the list omits the portal', async () => {
    const id = await createDraft(LEGAL_DOCUMENT, legalDocument({ recipientsText: '- Như Điều 3;\n- Lãnh đạo Bộ;\n- Lưu: VT, KHTC.' }));
    const result = await check(LEGAL_DOCUMENT, id, 'recipients');
    expect(result.outcome).toBe('suggested');
    expect(result.code).toBe('R11.1');
    expect(result.evidence.recipients).toContain('Lưu: VT');
  });

  test('passes a list that names the portal', async () => {
    for (const line of ['- Cổng Thông tin điện tử Bộ KH&CN;', '- Cổng thông tin điện tử của Bộ Khoa học và Công nghệ;', '- Cổng TTĐT Bộ (để đăng tải);']) {
      const id = await createDraft(LEGAL_DOCUMENT, legalDocument({ recipientsText: `- Như Điều 3;\n${line}\n- Lưu: VT.` }));
      expect((await check(LEGAL_DOCUMENT, id, 'recipients')).outcome).toBe('passed');
    }
  });

  test('reads the list from the document text', async () => {
    const without = await createDraft(LEGAL_DOCUMENT, legalDocument({ fullText: 'Điều 1. Ban hành quy chế.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.' }));
    expect((await check(LEGAL_DOCUMENT, without, 'recipients')).outcome).toBe('suggested');
    const named = await createDraft(LEGAL_DOCUMENT, legalDocument({ fullText: 'Điều 1. Ban hành quy chế.\n\nNơi nhận:\n- Như Điều 3;\n- Cổng TTĐT Bộ KH&CN;\n- Lưu: VT.' }));
    expect((await check(LEGAL_DOCUMENT, named, 'recipients')).outcome).toBe('passed');
  });

  test('does not apply to articles', async () => {
    const id = await createDraft(ARTICLE, { title: 'Tin hoạt động', category: 'news' });
    expect((await check(ARTICLE, id, 'recipients')).outcome).toBe('not_applicable');
  });
});

describe('R11.7 event deadline', () => {
  const ended = new Date('2026-12-01T04:30:00Z'); // 11:30 in Viet Nam
  const hours = (count: number) => new Date(ended.getTime() + count * 3600 * 1000);

  test('suggests R11.7 past 12 hours after a single session', async () => {
    const id = await createDraft(ARTICLE, { title: 'Hội thảo một buổi', category: 'event', event: { kind: 'single_session', startsAt: '2026-12-01T01:30:00Z', endsAt: ended.toISOString() } });
    const late = await check(ARTICLE, id, 'event_deadline', hours(13));
    expect(late.outcome).toBe('suggested');
    expect(late.message.en).toContain('01/12/2026 11:30 (UTC+7)');
    expect(late.evidence.delayMinutes).toBe(13 * 60);
    expect((await check(ARTICLE, id, 'event_deadline', hours(11))).outcome).toBe('passed');
    expect((await check(ARTICLE, id, 'event_deadline', hours(12))).outcome).toBe('passed');
  });

  test('checks the ceremonies of a multi-day event', async () => {
    const opening = '2026-12-01T01:00:00Z';
    const closing = '2026-12-03T09:00:00Z';
    const id = await createDraft(ARTICLE, { title: 'Hội nghị ba ngày', category: 'event', event: { kind: 'multi_day', startsAt: opening, endsAt: '2026-12-03T10:00:00Z', openingCeremonyAt: opening, closingCeremonyAt: closing } });
    const afterClosing = (count: number) => new Date(new Date(closing).getTime() + count * 3600 * 1000);
    expect((await check(ARTICLE, id, 'event_deadline', afterClosing(13))).outcome).toBe('suggested');
    expect((await check(ARTICLE, id, 'event_deadline', afterClosing(2))).outcome).toBe('passed');
    expect((await check(ARTICLE, id, 'event_deadline', new Date('2026-12-01T05:00:00Z'))).outcome).toBe('passed');
    // A day after the opening, the item may be the late opening item or a planned later one.
    expect((await check(ARTICLE, id, 'event_deadline', new Date('2026-12-02T05:00:00Z'))).outcome).toBe('warning');
  });

  test('does not apply to items without an event', async () => {
    const id = await createDraft(ARTICLE, { title: 'Tin thường', category: 'news' });
    expect((await check(ARTICLE, id, 'event_deadline')).outcome).toBe('not_applicable');
  });
});

describe('Art. 10(1) format', () => {
  test('warns when a science and technology document lacks a DOC/DOCX or PDF file', async () => {
    const pdf = await uploadRow('quyet-dinh.pdf', 'application/pdf');
    const docx = await uploadRow('quyet-dinh.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const onlyPdf = await createDraft(LEGAL_DOCUMENT, legalDocument({ isScienceTechnology: true, files: [pdf] }));
    const missing = await check(LEGAL_DOCUMENT, onlyPdf, 'attachments');
    expect(missing.outcome).toBe('warning');
    expect(missing.evidence.missing).toEqual(['.doc/.docx']);
    const both = await createDraft(LEGAL_DOCUMENT, legalDocument({ isScienceTechnology: true, files: [pdf, docx] }));
    expect((await check(LEGAL_DOCUMENT, both, 'attachments')).outcome).toBe('passed');
    const other = await createDraft(LEGAL_DOCUMENT, legalDocument({ isScienceTechnology: false, files: [pdf] }));
    expect((await check(LEGAL_DOCUMENT, other, 'attachments')).outcome).toBe('not_applicable');
  });

  test('warns about TCVN3 and VNI text', async () => {
    const tcvn3 = await createDraft(ARTICLE, { title: 'QuyÕt ®Þnh vÒ viÖc giao nhiÖm vô', category: 'news' });
    const found = await check(ARTICLE, tcvn3, 'encoding');
    expect(found.outcome).toBe('warning');
    expect(found.message.en).toContain('QuyÕt');
    const vni = await createDraft(ARTICLE, { title: 'Tin hoạt động', category: 'news', body: 'Quyeát ñònh veà vieäc ban haønh quy cheá.' });
    expect((await check(ARTICLE, vni, 'encoding')).outcome).toBe('warning');
    const unicode = await createDraft(ARTICLE, { title: 'Quyết định về việc hoá học, thuý, khoẻ, quý, giám định', category: 'news', body: 'Bộ trưởng giao nhiệm vụ © 2026.' });
    expect((await check(ARTICLE, unicode, 'encoding')).outcome).toBe('passed');
  });

  test('suggests R11.4 for borrowed material without a source', async () => {
    const borrowed = await createDraft(ARTICLE, { title: 'Tin tổng hợp', category: 'news', body: 'Nội dung tổng hợp từ báo chí.\n\n![ảnh](https://example.com/anh.jpg)' });
    const result = await check(ARTICLE, borrowed, 'source');
    expect(result.outcome).toBe('suggested');
    expect(result.code).toBe('R11.4');
    expect(result.evidence.externalImages).toEqual(['https://example.com/anh.jpg']);
    const sourced = await createDraft(ARTICLE, { title: 'Tin tổng hợp có nguồn', category: 'news', body: 'Nội dung tổng hợp từ báo chí.', sourceName: 'Báo Nhân Dân' });
    expect((await check(ARTICLE, sourced, 'source')).outcome).toBe('passed');
    const own = await createDraft(ARTICLE, { title: 'Tin của đơn vị', category: 'news', body: 'Sáng nay, Bộ tổ chức hội nghị.\n\n![ảnh](https://www.most.gov.vn/uploads/anh.jpg)' });
    expect((await check(ARTICLE, own, 'source')).outcome).toBe('passed');
  });
});

describe('R11.5 near-duplicates', () => {
  const body =
    'Sáng ngày 2/12, tại Hà Nội, Bộ Khoa học và Công nghệ tổ chức hội nghị tổng kết chương trình đổi mới công nghệ quốc gia giai đoạn 2021 đến 2025. ' +
    'Hội nghị đánh giá kết quả thực hiện các nhiệm vụ, chia sẻ kinh nghiệm của doanh nghiệp và đề xuất định hướng cho giai đoạn tiếp theo.';
  let publishedId: string;

  beforeAll(async () => {
    publishedId = await createDraft(ARTICLE, { title: 'Hội nghị tổng kết chương trình đổi mới công nghệ quốc gia', category: 'news', body });
    await publishThroughWorkflow(app, ARTICLE, publishedId, 'vi');
    await plugin().service('events').settled();
  });

  test('finds an item differing in case, spacing, diacritics and a few words', async () => {
    const changed = body.replace('Sáng ngày 2/12', 'Chiều  ngày 3/12').replace('chia sẻ', 'trao đổi');
    const id = await createDraft(ARTICLE, { title: 'HOI NGHI tong ket chuong trinh   doi moi cong nghe quoc gia', category: 'news', body: changed });
    const result = await check(ARTICLE, id, 'duplicate');
    expect(result.outcome).toBe('suggested');
    expect(result.evidence.closest).toMatchObject({ documentId: publishedId, contentType: ARTICLE, locale: 'vi' });

    // Both databases give pg_trgm's score of the two fingerprints.
    const published = await app.strapi.documents(ARTICLE).findOne({ documentId: publishedId, locale: 'vi', status: 'published' });
    const draft = await app.strapi.documents(ARTICLE).findOne({ documentId: id, locale: 'vi' });
    const expected = Math.round(new TrigramQuery(fingerprintOf(draft!)).similarity(fingerprintOf(published!)) * 10000) / 10000;
    expect(result.evidence.score).toBe(expected);
    expect(expected).toBeGreaterThan(0.7);
  });

  test('passes unrelated text, other locales and the item itself', async () => {
    const unrelated = await createDraft(ARTICLE, { title: 'Khai mạc triển lãm sản phẩm khởi nghiệp sáng tạo', category: 'news', body: 'Triển lãm giới thiệu hơn một trăm sản phẩm của các doanh nghiệp trẻ.' });
    expect((await check(ARTICLE, unrelated, 'duplicate')).outcome).toBe('passed');
    const english = await createDraft(ARTICLE, { title: 'Hội nghị tổng kết chương trình đổi mới công nghệ quốc gia', category: 'news', body }, 'en');
    expect((await check(ARTICLE, english, 'duplicate', new Date(), 'en')).outcome).toBe('passed');
    expect((await check(ARTICLE, publishedId, 'duplicate')).outcome).toBe('passed');
  });

  test('keeps a fingerprint per published item', async () => {
    const published = await app.strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true }, locale: 'vi' } });
    const stored = await app.strapi.db.query('plugin::rejection-reasons.fingerprint').count({ where: { contentType: ARTICLE, entryLocale: 'vi' } });
    expect(stored).toBe(published);
    expect(stored).toBeGreaterThan(1);
  });

  test('matches pg_trgm similarity exactly', async () => {
    const pairs = [
      ['hoi nghi tong ket', 'hoi nghi so ket'],
      ['bo khoa hoc va cong nghe', 'khoa hoc cong nghe va doi moi sang tao'],
      ['a', 'a b c'],
      [fingerprintOf({ title: 'Quyết định 400/QĐ-BKHCN', body }), fingerprintOf({ title: 'Quyết định 401', body: body.slice(40) })],
    ];
    for (const [left, right] of pairs) {
      const js = new TrigramQuery(left).similarity(right);
      if (testDatabase() === 'postgres') {
        const result = await app.strapi.db.connection.raw('SELECT similarity(?, ?) AS score', [left, right]);
        expect(Number(result.rows[0].score)).toBeCloseTo(js, 6);
      } else {
        expect(js).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('pre-checks of a submission', () => {
  test('run when an item is submitted, never block it, and are served to editors', async () => {
    const focalPoint = await loginAs(app, 'focal-point');
    const unit = await app.strapi.documents('api::organization-unit.organization-unit').findFirst({ locale: 'vi', filters: { abbreviation: 'TTTT' } });
    const created = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE}?locale=vi`)
      .set('Authorization', focalPoint.Authorization)
      .send({ title: 'Tin lấy từ nơi khác', category: 'news', body: 'Bài viết sưu tầm trên mạng.', unit: { connect: [{ documentId: unit!.documentId, locale: 'vi' }] } });
    const documentId = created.body.data.documentId as string;

    const preview = await app.http().get(`/rejection-reasons/documents/${ARTICLE}/${documentId}/prechecks?locale=vi&preview=true`).set('Authorization', editor.Authorization);
    expect(preview.status).toBe(200);
    expect(preview.body.data.suggestedCodes).toEqual(['R11.4']);

    const notYet = await app.http().get(`/rejection-reasons/documents/${ARTICLE}/${documentId}/prechecks?locale=vi`).set('Authorization', editor.Authorization);
    expect(notYet.body.data).toBeNull();

    const submitted = await app.http().post(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/submit?locale=vi`).set('Authorization', focalPoint.Authorization).send({});
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.state).toBe('submitted');
    await plugin().service('events').settled();

    const stored = await app.http().get(`/rejection-reasons/documents/${ARTICLE}/${documentId}/prechecks?locale=vi`).set('Authorization', editor.Authorization);
    expect(stored.status).toBe(200);
    expect(stored.body.data).toMatchObject({ caseId: submitted.body.data.id, event: 'submit', suggestedCodes: ['R11.4'] });
    expect(stored.body.data.findings.map((item: Finding) => item.check)).toEqual(['recipients', 'duplicate', 'event_deadline', 'attachments', 'encoding', 'source']);
    const runs = await app.strapi.db.query('plugin::rejection-reasons.precheck').count({ where: { entryDocumentId: documentId } });
    expect(runs).toBe(1);

    const focalPointRead = await app.http().get(`/rejection-reasons/documents/${ARTICLE}/${documentId}/prechecks?locale=vi`).set('Authorization', focalPoint.Authorization);
    expect(focalPointRead.status).toBe(403);
    const badLocale = await app.http().get(`/rejection-reasons/documents/${ARTICLE}/${documentId}/prechecks?locale=fr`).set('Authorization', editor.Authorization);
    expect(badLocale.status).toBe(400);
  });
});

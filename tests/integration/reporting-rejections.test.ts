import { createApiToken } from '../helpers/auth';
import { createUnit } from '../helpers/reporting-fixtures';
import { startTestApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const LEGAL = 'api::legal-document.legal-document';

let app: TestApp;
let token: string;
let unitA: string;
let unitB: string;

const report = (path: string) => app.http().get(`/api/reporting/${path}`).set('Authorization', `Bearer ${token}`);

/**
 * Rejections with their cited reasons. R3 is rejected in the last second of June and R4 at
 * midnight of 1 July, Viet Nam time, so only R3 falls in the first half of 2025.
 */
async function seedRejections() {
  let caseId = 800_000;
  const reject = async (unit: string | null, contentType: string, locale: string, rejectedAt: string, codes: string[]) => {
    caseId += 1;
    const record = await app.strapi.db.query('plugin::rejection-reasons.rejection').create({
      data: { caseId, contentType, entryDocumentId: `rejected-${caseId}`, entryLocale: locale, unitDocumentId: unit, rejectedAt: new Date(rejectedAt), codes, note: 'Lý do từ chối' },
    });
    for (const code of codes) {
      await app.strapi.db.query('plugin::rejection-reasons.citation').create({
        data: { rejectionId: record.id, code, contentType, entryLocale: locale, unitDocumentId: unit, rejectedAt: new Date(rejectedAt) },
      });
    }
  };
  await reject(unitA, ARTICLE, 'vi', '2025-01-02T00:00:00Z', ['R11.5', 'R11.7']);
  await reject(unitA, ARTICLE, 'vi', '2025-02-10T00:00:00Z', ['R11.5']);
  await reject(unitB, LEGAL, 'vi', '2025-06-30T16:59:59Z', ['R11.1']);
  await reject(unitB, LEGAL, 'vi', '2025-06-30T17:00:00Z', ['R11.1']);
  await reject(null, ARTICLE, 'en', '2025-03-01T00:00:00Z', ['R11.4']);
}

beforeAll(async () => {
  app = await startTestApp();
  token = await createApiToken(app);
  unitA = await createUnit(app, 'RJA', 2);
  unitB = await createUnit(app, 'RJB', 2);
  await seedRejections();
});

afterAll(async () => {
  await app?.stop();
});

describe('rejections report', () => {
  test('counts rejections by reason', async () => {
    const response = await report('rejections?year=2025&half=1&lang=en');
    expect(response.status).toBe(200);
    expect(response.body.data.totals).toEqual({ rejections: 4, citations: 5 });
    const reasons = response.body.data.byReason.map((row: { code: string; count: number }) => [row.code, row.count]);
    expect(reasons).toEqual([['R11.1', 1], ['R11.4', 1], ['R11.5', 2], ['R11.7', 1]]);
    for (const row of response.body.data.byReason) expect(typeof row.label).toBe('string');
  });

  test('groups by unit and month', async () => {
    const response = await report('rejections?year=2025&half=1');
    const byUnit = Object.fromEntries(response.body.data.byUnit.map((row: { unit: string | null }) => [row.unit ?? 'none', row]));
    expect(byUnit[unitA]).toMatchObject({ unitAbbreviation: 'RJA', rejections: 2, citations: 3 });
    expect(byUnit[unitB]).toMatchObject({ rejections: 1, citations: 1 });
    expect(byUnit.none).toMatchObject({ rejections: 1, citations: 1 });
    const months = response.body.data.byMonth.map((row: { month: string; rejections: number; citations: number }) => [row.month, row.rejections, row.citations]);
    expect(months).toEqual([['2025-01', 1, 2], ['2025-02', 1, 1], ['2025-03', 1, 1], ['2025-04', 0, 0], ['2025-05', 0, 0], ['2025-06', 1, 1]]);
  });

  test('filters by unit, type and locale', async () => {
    expect((await report(`rejections?year=2025&half=1&unit=${unitA}`)).body.data.totals).toEqual({ rejections: 2, citations: 3 });
    expect((await report(`rejections?year=2025&half=1&contentType=${LEGAL}`)).body.data.totals).toEqual({ rejections: 1, citations: 1 });
    expect((await report('rejections?year=2025&half=1&locale=en')).body.data.totals).toEqual({ rejections: 1, citations: 1 });
    expect((await report('rejections?from=2025-07-01&to=2025-07-01')).body.data.totals).toEqual({ rejections: 1, citations: 1 });
  });

  test('exports reasons as CSV', async () => {
    const response = await report('rejections?year=2025&half=1&format=csv&table=by-reason-and-unit&lang=en');
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Reason,Unit,Citations');
    expect(lines).toContain('R11.5,RJA,2');
    expect(lines).toContain('R11.1,RJB,1');
  });

  test('periodic report includes rejections', async () => {
    const response = await report('periodic?year=2025&half=1');
    expect(response.body.data.summary.rejectionCitations).toBe(5);
    expect(response.body.data.unavailable).toEqual([]);
    expect(response.body.data.rejections.totals).toEqual({ rejections: 4, citations: 5 });
  });
});

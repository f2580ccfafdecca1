import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createApiToken } from '../helpers/auth';
import { connectUnit, createCase, createUnit } from '../helpers/reporting-fixtures';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/workflow';

const ARTICLE = 'api::article.article';
const LEGAL = 'api::legal-document.legal-document';
const PLAN = 'api::plan-notice.plan-notice';
const DRAFT = 'api::draft-regulation.draft-regulation';

let app: TestApp;
let token: string;
let unitA: string;
let unitB: string;
let drafts: Record<string, string>;

const report = (path: string) => app.http().get(`/api/reporting/${path}`).set('Authorization', `Bearer ${token}`);

/**
 * The fixed data set. Times are UTC; Viet Nam time is seven hours ahead, so 2024-12-31T17:00Z is
 * midnight at the start of 1 January 2025 in Viet Nam, and 2025-06-30T17:00Z midnight at the start
 * of 1 July. The first half of 2025 runs from the first to (excluding) the second.
 */
async function seedWorkflow() {
  unitA = await createUnit(app, 'RPA', 2);
  unitB = await createUnit(app, 'RPB', 0);
  // A1 in Vietnamese: submitted 10 Jan, published 2 hours later.
  await createCase(app, { contentType: ARTICLE, documentId: 'docA1', unit: unitA, state: 'published', events: [
    { event: 'submit', at: '2025-01-10T03:00:00Z' },
    { event: 'publish', at: '2025-01-10T05:00:00Z' },
    { event: 'remark', at: '2025-02-02T00:00:00Z' },
  ] });
  // A1 in English: the same document, so it is provided once (in January); published 1 hour later.
  await createCase(app, { contentType: ARTICLE, documentId: 'docA1', locale: 'en', unit: unitA, state: 'published', events: [
    { event: 'submit', at: '2025-02-03T01:00:00Z' },
    { event: 'publish', at: '2025-02-03T02:00:00Z' },
  ] });
  // A2: first submitted one millisecond before Viet Nam midnight of 1 January, so in December 2024.
  await createCase(app, { contentType: LEGAL, documentId: 'docA2', unit: unitA, state: 'published', events: [
    { event: 'submit', at: '2024-12-31T16:59:59.999Z' },
    { event: 'reject', at: '2025-01-02T00:00:00Z' },
    { event: 'resubmit', at: '2025-01-05T00:00:00Z' },
    { event: 'publish', at: '2025-01-06T00:00:00Z' },
  ] });
  // A4: submitted at Viet Nam midnight of 1 February, so in February; rejected.
  await createCase(app, { contentType: ARTICLE, documentId: 'docA4', unit: unitA, state: 'rejected', events: [
    { event: 'submit', at: '2025-01-31T17:00:00Z' },
    { event: 'reject', at: '2025-02-10T00:00:00Z' },
  ] });
  // B1: published after 10 hours, corrected, then withdrawn.
  await createCase(app, { contentType: ARTICLE, documentId: 'docB1', unit: unitB, state: 'withdrawn', events: [
    { event: 'submit', at: '2025-03-15T00:00:00Z' },
    { event: 'publish', at: '2025-03-15T10:00:00Z' },
    { event: 'request_correction', at: '2025-03-20T00:00:00Z' },
    { event: 'publish_correction', at: '2025-04-01T00:00:00Z' },
    { event: 'request_takedown', at: '2025-04-20T00:00:00Z' },
    { event: 'approve_takedown', at: '2025-05-01T00:00:00Z' },
  ] });
  // B2: submitted in the last second of June (Viet Nam time), force-published at midnight of 1 July.
  await createCase(app, { contentType: PLAN, documentId: 'docB2', unit: unitB, state: 'published', events: [
    { event: 'submit', at: '2025-06-30T16:59:59Z' },
    { event: 'force_publish', at: '2025-06-30T17:00:00Z' },
  ] });
  // N1: an item without a unit, published after 30 minutes.
  await createCase(app, { contentType: ARTICLE, documentId: 'docN1', unit: null, state: 'published', events: [
    { event: 'submit', at: '2025-01-20T00:00:00Z' },
    { event: 'publish', at: '2025-01-20T00:30:00Z' },
  ] });
}

async function seedQuestions() {
  const questions = app.strapi.documents('api::question.question');
  const ask = (title: string, data: Record<string, unknown>) =>
    questions.create({ data: { title, kind: 'question', askerName: 'Người hỏi', askerEmail: 'nguoi.hoi@example.org', questionText: 'Nội dung câu hỏi', ...data } as never });
  await ask('Q1 trả lời đúng hạn', { receivedAt: '2025-01-05T00:00:00Z', dueAt: '2025-01-20T00:00:00Z', answeredAt: '2025-01-15T00:00:00Z', answeringUnit: connectUnit(unitA) });
  await ask('Q2 trả lời trễ', { receivedAt: '2025-02-01T00:00:00Z', dueAt: '2025-02-10T00:00:00Z', answeredAt: '2025-02-12T00:00:00Z', answeringUnit: connectUnit(unitA) });
  await ask('Q3 quá hạn', { receivedAt: '2025-03-01T00:00:00Z', dueAt: '2025-03-10T00:00:00Z', answeringUnit: connectUnit(unitA) });
  await ask('Q4 cuối kỳ', { kind: 'feedback', receivedAt: '2025-06-30T16:59:59Z', dueAt: '2025-07-15T00:00:00Z', answeringUnit: connectUnit(unitB) });
  await ask('Q5 ngoài kỳ', { receivedAt: '2025-06-30T17:00:00Z', dueAt: '2025-07-15T00:00:00Z', answeringUnit: connectUnit(unitB) });
  await ask('Q6 chưa phân công', { receivedAt: '2025-04-01T00:00:00Z' });
  await ask('Q7 chưa đến hạn', { receivedAt: '2025-05-01T00:00:00Z', dueAt: '2099-01-01T00:00:00Z', answeringUnit: connectUnit(unitB) });
}

async function seedConsultations() {
  const draftService = app.strapi.documents(DRAFT);
  const draft = async (title: string, unit: string, opens: string, closes: string, status: string) =>
    (await draftService.create({ locale: 'vi', data: { title, draftingUnit: connectUnit(unit), commentOpensAt: opens, commentClosesAt: closes, consultationStatus: status } as never })).documentId as string;
  drafts = {
    D1: await draft('Dự thảo D1', unitA, '2025-02-01T00:00:00Z', '2025-03-31T00:00:00Z', 'response_published'),
    D2: await draft('Dự thảo D2', unitB, '2025-06-20T00:00:00Z', '2025-08-20T00:00:00Z', 'open'),
    D3: await draft('Dự thảo D3', unitA, '2024-10-01T00:00:00Z', '2024-11-30T00:00:00Z', 'closed'),
    // Opens at Viet Nam midnight of 1 July: outside the first half.
    D4: await draft('Dự thảo D4', unitA, '2025-06-30T17:00:00Z', '2025-08-30T00:00:00Z', 'upcoming'),
  };
  await createCase(app, { contentType: DRAFT, documentId: drafts.D1, unit: null, state: 'published', events: [
    { event: 'submit', at: '2025-01-30T00:00:00Z' },
    { event: 'publish', at: '2025-01-31T03:00:00Z' },
  ] });
  const comments = app.strapi.documents('api::consultation-comment.consultation-comment');
  const comment = (draftId: string, receivedAt: string, extra: Record<string, unknown>) =>
    comments.create({ data: { authorName: 'Người góp ý', text: 'Ý kiến', receivedAt, draftRegulation: connectUnit(draftId), ...extra } as never });
  await comment(drafts.D1, '2025-02-05T00:00:00Z', { moderationState: 'approved', disposition: 'accepted' });
  await comment(drafts.D1, '2025-02-06T00:00:00Z', { moderationState: 'approved', disposition: 'not_accepted' });
  await comment(drafts.D1, '2025-03-01T00:00:00Z', { moderationState: 'rejected' });
  await comment(drafts.D1, '2025-04-01T00:00:00Z', { moderationState: 'pending' });
  await comment(drafts.D2, '2025-06-30T16:59:59Z', { moderationState: 'pending' });
  await comment(drafts.D2, '2025-06-30T17:00:00Z', { moderationState: 'pending' });
  await comment(drafts.D3, '2025-01-10T00:00:00Z', { moderationState: 'approved', disposition: 'partly_accepted' });
}

/**
 * Deadline timers due in the first half of 2025. The due time is the first late instant, so T2,
 * met exactly at it, is late by 0 s. T4 is still open, T7 is cancelled, T8 is paused and T6 falls
 * due at Viet Nam midnight of 1 July.
 */
async function seedTimers() {
  const timers = app.strapi.db.query('plugin::publication-deadlines.timer');
  let caseId = 900_000;
  const timer = (ruleCode: string, unit: string, contentType: string, dueAt: string, status: string, metAt: string | null) =>
    timers.create({
      data: {
        caseId: (caseId += 1),
        ruleCode,
        duty: 'board_publishes',
        contentType,
        entryDocumentId: `timer-${caseId}`,
        entryLocale: 'vi',
        unitDocumentId: unit,
        startAt: new Date(new Date(dueAt).getTime() - 12 * 3_600_000),
        startSource: 'receipt',
        dueAt: new Date(dueAt),
        status,
        metAt: metAt ? new Date(metAt) : null,
        generation: 0,
        duration: { hours: 12 },
        reminderCursor: 0,
      },
    });
  await timer('D4', unitA, ARTICLE, '2025-01-10T12:00:00Z', 'met', '2025-01-10T11:00:00Z');
  await timer('D4', unitA, ARTICLE, '2025-01-20T00:00:00Z', 'met', '2025-01-20T00:00:00Z');
  await timer('D4', unitB, ARTICLE, '2025-02-01T00:00:00Z', 'met', '2025-02-01T02:00:00Z');
  await timer('D6', unitB, LEGAL, '2025-03-01T05:00:00Z', 'breached', null);
  await timer('D9', unitA, PLAN, '2025-06-30T16:59:59Z', 'met', '2025-06-30T16:00:00Z');
  await timer('D9', unitA, PLAN, '2025-06-30T17:00:00Z', 'met', '2025-06-30T16:00:00Z');
  await timer('D4', unitA, ARTICLE, '2025-01-15T00:00:00Z', 'cancelled', null);
  await timer('D8', unitA, DRAFT, '2025-04-01T00:00:00Z', 'paused', null);
}

beforeAll(async () => {
  app = await startTestApp();
  token = await createApiToken(app);
  await seedWorkflow();
  await seedQuestions();
  await seedConsultations();
  await seedTimers();
});

afterAll(async () => {
  await app?.stop();
});

describe('periods', () => {
  test('half year covers Viet Nam midnights', async () => {
    const response = await report('workflow?year=2025&half=1');
    expect(response.status).toBe(200);
    expect(response.body.data.period).toMatchObject({ kind: 'half', from: '2025-01-01', to: '2025-06-30', start: '2024-12-31T17:00:00.000Z', end: '2025-06-30T17:00:00.000Z' });
  });

  test('one day starts at Viet Nam midnight', async () => {
    const firstOfFebruary = await report(`workflow?from=2025-02-01&to=2025-02-01&unit=${unitA}`);
    expect(firstOfFebruary.status).toBe(200);
    expect(firstOfFebruary.body.data.totals.submitted).toBe(1);
    const lastOfJanuary = await report(`workflow?from=2025-01-31&to=2025-01-31&unit=${unitA}`);
    expect(lastOfJanuary.body.data.totals.submitted).toBe(0);
  });

  test.each([
    ['workflow', /The period is missing/],
    ['workflow?from=2025-01-01', /to is missing/],
    ['workflow?from=2025-02-30&to=2025-03-01', /from "2025-02-30" is not a calendar date/],
    ['workflow?from=2025-03-01&to=2025-02-01', /to "2025-02-01" is before from/],
    ['workflow?year=2025&half=3', /half "3" is invalid/],
    ['workflow?year=2025&quarter=5', /quarter "5" is invalid/],
    ['workflow?year=2025&half=1&quarter=1', /half and quarter cannot be combined/],
    ['workflow?year=2025&from=2025-01-01&to=2025-01-02', /from\/to cannot be combined/],
    ['workflow?half=1', /year is missing/],
    ['workflow?from=2020-01-01&to=2024-01-01', /more than 36 months/],
    ['periodic?year=2025&quarter=1', /does not take a quarter period/],
    ['workflow?year=2025&unit=nope', /unit "nope" is not the documentId/],
    ['workflow?year=2025&contentType=api::x.x', /contentType "api::x.x" is not reported here/],
    ['workflow?year=2025&locale=fr', /locale "fr" is not a locale of the portal/],
    ['questions?year=2025&locale=vi', /locale does not apply to the questions report/],
    ['workflow?year=2025&format=docx', /format "docx" is not supported here/],
    ['workflow?year=2025&colour=red', /Unknown parameter "colour"/],
    ['workflow?year=2025&table=by-unit', /table picks the table of a CSV export/],
    ['workflow?year=2025&format=csv&table=nope', /table "nope" is not a table of the workflow report/],
  ])('%s is rejected', async (path, message) => {
    const response = await report(path);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });
});

describe('workflow report', () => {
  test('counts events of the first half', async () => {
    const response = await report('workflow?year=2025&half=1');
    // D1, the draft regulation of the consultation fixtures, is submitted and published too.
    expect(response.body.data.totals).toEqual({ submitted: 7, resubmitted: 1, published: 6, rejected: 2, withdrawn: 1, corrected: 1 });
  });

  test('measures receipt to publication', async () => {
    const response = await report('workflow?year=2025&half=1');
    // Durations 1800, 3600, 7200, 36000, 86400 and 97200 s: ranks 3 and 6 of 6.
    expect(response.body.data.receiptToPublication).toEqual({ measured: 6, medianSeconds: 7200, p90Seconds: 97200 });
    const unitRow = response.body.data.byUnit.find((row: { unit: string }) => row.unit === unitA);
    expect(unitRow).toMatchObject({ unitAbbreviation: 'RPA', submitted: 3, resubmitted: 1, published: 3, rejected: 2, measured: 3, medianSeconds: 7200, p90Seconds: 86400 });
  });

  test('filters by content type and locale', async () => {
    const legal = await report(`workflow?year=2025&half=1&contentType=${LEGAL}`);
    expect(legal.body.data.totals).toEqual({ submitted: 0, resubmitted: 1, published: 1, rejected: 1, withdrawn: 0, corrected: 0 });
    const english = await report('workflow?year=2025&half=1&locale=en');
    expect(english.body.data.totals.published).toBe(1);
    expect(english.body.data.receiptToPublication).toEqual({ measured: 1, medianSeconds: 3600, p90Seconds: 3600 });
  });

  test('exports a CSV table', async () => {
    const response = await report('workflow?year=2025&half=1&format=csv&table=by-content-type&lang=en');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('workflow-2025-01-01-2025-06-30-by-content-type.csv');
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Content type,Submitted,Resubmitted,Published,Rejected,Withdrawn,Corrected');
    expect(lines).toContain(`${ARTICLE},5,0,4,1,1,1`);
    expect(lines).toContain(`${PLAN},1,0,0,0,0,0`);
    expect(lines).toContain(`${LEGAL},0,1,1,1,0,0`);
    expect(lines).toContain(`${DRAFT},1,0,1,0,0,0`);
  });
});

describe('deadlines report', () => {
  test('counts timers due in the half', async () => {
    const response = await report('deadlines?year=2025&half=1');
    expect(response.status).toBe(200);
    const { totals } = response.body.data;
    expect(totals).toMatchObject({ due: 6, onTime: 2, metLate: 2, breachedOpen: 1, running: 1, onTimeRate: 40, late: 3, medianDelaySeconds: 7200 });
    // The open breach of 1 March 2025 is measured up to now.
    expect(totals.p90DelaySeconds).toBeGreaterThan(3e7);
  });

  test('groups by rule and month', async () => {
    const response = await report('deadlines?year=2025&half=1');
    const byRule = Object.fromEntries(response.body.data.byRule.map((row: { rule: string }) => [row.rule, row]));
    expect(response.body.data.byRule.map((row: { rule: string }) => row.rule)).toEqual(['D4', 'D6', 'D8', 'D9']);
    expect(byRule.D4).toMatchObject({ due: 3, onTime: 1, metLate: 2, onTimeRate: 33.3, late: 2, medianDelaySeconds: 0, p90DelaySeconds: 7200 });
    expect(byRule.D6).toMatchObject({ due: 1, breachedOpen: 1, onTimeRate: 0 });
    expect(byRule.D8).toMatchObject({ due: 1, running: 1, onTimeRate: null });
    expect(byRule.D9).toMatchObject({ due: 1, onTime: 1, onTimeRate: 100 });
    const rates = response.body.data.byMonth.map((row: { month: string; onTimeRate: number | null }) => [row.month, row.onTimeRate]);
    expect(rates).toEqual([['2025-01', 50], ['2025-02', 0], ['2025-03', 0], ['2025-04', null], ['2025-05', null], ['2025-06', 100]]);
  });

  test('filters by unit and type', async () => {
    const unitResponse = await report(`deadlines?year=2025&half=1&unit=${unitB}`);
    expect(unitResponse.body.data.totals).toMatchObject({ due: 2, metLate: 1, breachedOpen: 1, onTimeRate: 0 });
    const typeResponse = await report(`deadlines?year=2025&half=1&contentType=${PLAN}`);
    expect(typeResponse.body.data.totals).toMatchObject({ due: 1, onTime: 1 });
    const july = await report('deadlines?from=2025-07-01&to=2025-07-01');
    expect(july.body.data.totals).toMatchObject({ due: 1, onTime: 1 });
  });

  test('exports rules as CSV', async () => {
    const response = await report('deadlines?year=2025&half=1&format=csv&lang=en');
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Rule,Due in period,Met on time,Met late,"Breached, still open",Running,On-time rate (%),Median delay of late items (s),90th percentile delay (s)');
    expect(lines[1]).toBe('D4,3,1,2,0,0,33.3,0,7200');
  });
});

describe('unit quotas report', () => {
  test('counts provided items per month', async () => {
    const response = await report('unit-quotas?year=2025&half=1');
    expect(response.status).toBe(200);
    const { months, units } = response.body.data;
    expect(months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    const a = units.find((row: { unit: string }) => row.unit === unitA);
    expect(a).toMatchObject({ months: [1, 1, 0, 0, 0, 0], provided: 2, published: 2, averagePerMonth: 0.33, monthlyQuota: 2, belowQuota: true });
    const b = units.find((row: { unit: string }) => row.unit === unitB);
    expect(b).toMatchObject({ months: [0, 0, 1, 0, 0, 1], provided: 2, published: 1, averagePerMonth: 0.33, monthlyQuota: 0, belowQuota: false });
    expect(response.body.data.belowQuota).toContain(unitA);
    expect(response.body.data.belowQuota).not.toContain(unitB);
  });

  test('one month for one unit', async () => {
    const response = await report(`unit-quotas?from=2025-01-01&to=2025-01-31&unit=${unitA}`);
    expect(response.body.data.units).toHaveLength(1);
    expect(response.body.data.units[0]).toMatchObject({ months: [1], provided: 1, averagePerMonth: 1, belowQuota: true });
    expect(response.body.data.summary).toEqual({ units: 1, unitsBelowQuota: 1, provided: 1 });
  });

  test('rejects a type outside the quota', async () => {
    const response = await report('unit-quotas?year=2025&contentType=api::page.page');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/contentType "api::page.page" is not reported here/);
  });

  test('exports one CSV row per unit', async () => {
    const response = await report(`unit-quotas?year=2025&half=1&unit=${unitB}&format=csv`);
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Đơn vị,Tên đơn vị,2025-01,2025-02,2025-03,2025-04,2025-05,2025-06,Đã cung cấp,Đã đăng,Trung bình/tháng,Định mức/tháng,Dưới định mức');
    expect(lines[1]).toBe('RPB,Đơn vị thử RPB,0,0,1,0,0,1,2,1,0.33,0,không');
  });
});

describe('questions report', () => {
  test('counts questions by unit', async () => {
    const response = await report('questions?year=2025&half=1');
    expect(response.status).toBe(200);
    expect(response.body.data.totals).toEqual({ received: 6, answeredInTime: 1, answeredLate: 1, answeredWithoutDeadline: 0, overdue: 2, open: 1, openWithoutDeadline: 1 });
    const byUnit = Object.fromEntries(response.body.data.byUnit.map((row: { unit: string | null }) => [row.unit ?? 'none', row]));
    expect(byUnit[unitA]).toMatchObject({ received: 3, answeredInTime: 1, answeredLate: 1, overdue: 1, open: 0 });
    expect(byUnit[unitB]).toMatchObject({ received: 2, overdue: 1, open: 1 });
    expect(byUnit.none).toMatchObject({ received: 1, openWithoutDeadline: 1 });
    const feedback = response.body.data.byKind.find((row: { kind: string }) => row.kind === 'feedback');
    expect(feedback).toMatchObject({ received: 1, overdue: 1 });
  });

  test('filters by unit', async () => {
    const response = await report(`questions?from=2025-06-30&to=2025-07-01&unit=${unitB}`);
    // Q4 arrives on 30 June and Q5 on 1 July, Viet Nam time.
    expect(response.body.data.totals.received).toBe(2);
  });
});

describe('consultations report', () => {
  test('counts drafts and comments', async () => {
    const response = await report('consultations?year=2025&half=1');
    expect(response.status).toBe(200);
    expect(response.body.data.totals).toEqual({ draftsPublished: 1, draftsInConsultation: 3, commentsReceived: 6, responsesPublished: 1, closedWithoutResponse: 2 });
    const rows = response.body.data.drafts;
    expect(rows.map((row: { title: string }) => row.title)).toEqual(['Dự thảo D3', 'Dự thảo D1', 'Dự thảo D2']);
    expect(rows[1]).toMatchObject({ unit: unitA, comments: 4, commentsApproved: 2, commentsRejected: 1, commentsPending: 1, accepted: 1, partlyAccepted: 0, notAccepted: 1, responsePublished: true, published: false });
    expect(rows[2]).toMatchObject({ unit: unitB, comments: 1, commentsPending: 1, responsePublished: false });
    expect(rows[0]).toMatchObject({ comments: 1, partlyAccepted: 1 });
    const unitSummary = response.body.data.byUnit.find((row: { unit: string }) => row.unit === unitA);
    expect(unitSummary).toMatchObject({ drafts: 2, comments: 5, responsesPublished: 1 });
  });

  test('filters by drafting unit', async () => {
    const response = await report(`consultations?year=2025&half=1&unit=${unitB}`);
    expect(response.body.data.totals).toMatchObject({ draftsPublished: 0, draftsInConsultation: 1, commentsReceived: 1 });
    const unitAResponse = await report(`consultations?year=2025&half=1&unit=${unitA}`);
    expect(unitAResponse.body.data.totals).toMatchObject({ draftsPublished: 1, draftsInConsultation: 2, commentsReceived: 5 });
  });
});

describe('access', () => {
  test('requires a token', async () => {
    const response = await app.http().get('/api/reporting/workflow?year=2025');
    expect(response.status).toBe(403);
  });

  test('admin API follows roles', async () => {
    const editor = await loginAs(app, 'standing-editor');
    const allowed = await app.http().get('/reporting/workflow?year=2025&half=1').set('Authorization', editor.Authorization);
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.totals.published).toBe(6);
    const accounts = await app.http().get('/reporting/account-activity?year=2025&quarter=1').set('Authorization', editor.Authorization);
    expect(accounts.status).toBe(403);
    const focalPoint = await loginAs(app, 'focal-point');
    const refused = await app.http().get('/reporting/workflow?year=2025').set('Authorization', focalPoint.Authorization);
    expect(refused.status).toBe(403);
  });

  test('OpenAPI lists the reports', async () => {
    const documentation = app.strapi.plugin('documentation').service('override');
    const paths = Object.assign({}, ...documentation.registeredOverrides.map((override: { paths?: object }) => override.paths ?? {}));
    for (const name of ['unit-quotas', 'deadlines', 'rejections', 'workflow', 'questions', 'consultations', 'account-activity', 'periodic']) {
      expect(paths).toHaveProperty([`/reporting/${name}`, 'get', 'responses', '200']);
    }
  });
});

/** Collects a supertest response body as bytes. */
const binary = (response: { on: (event: string, listener: (chunk?: Buffer) => void) => void }, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk?: Buffer) => chunks.push(chunk!));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** Reads the text runs of a Word document in order. */
async function docxTexts(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1].replace(/&amp;/g, '&'));
}

describe('periodic report', () => {
  beforeAll(async () => {
    const boardHead = await loginAs(app, 'board-head');
    const saved = await app
      .http()
      .put('/reporting/proposals')
      .set('Authorization', boardHead.Authorization)
      .send({ year: 2025, half: 1, text: 'Đề xuất tăng cường đầu mối.\nĐề xuất đào tạo biên tập viên.' });
    expect(saved.status).toBe(200);
  });

  test('combines every report', async () => {
    const response = await report('periodic?year=2025&half=1');
    expect(response.status).toBe(200);
    expect(response.body.data.summary).toMatchObject({
      onTimeRate: 40,
      itemsProvided: 4,
      submitted: 7,
      published: 6,
      rejected: 2,
      withdrawn: 1,
      corrected: 1,
      medianHours: 2,
      p90Hours: 27,
      questionsReceived: 6,
      questionsAnsweredInTime: 1,
      questionsOverdue: 2,
      draftsPublished: 1,
      commentsReceived: 6,
      responsesPublished: 1,
    });
    expect(response.body.data.proposals.text).toBe('Đề xuất tăng cường đầu mối.\nĐề xuất đào tạo biên tập viên.');
    expect(response.body.data.unavailable).toEqual([]);
    expect(response.body.data.deadlines.totals.due).toBe(6);
  });

  test('annual report without proposals', async () => {
    const response = await report('periodic?year=2025');
    expect(response.body.data.period).toMatchObject({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
    // B2 is force-published on 1 July, in the second half.
    expect(response.body.data.summary.published).toBe(7);
    expect(response.body.data.proposals).toBeNull();
  });

  test('Word document contains the figures', async () => {
    const response = await report('periodic?year=2025&half=1&format=docx').buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const texts = await docxTexts(response.body as Buffer);
    expect(texts[0]).toBe('Báo cáo 6 tháng đầu năm 2025 về hoạt động của Cổng thông tin điện tử Bộ Khoa học và Công nghệ');
    const valueAfter = (label: string) => texts[texts.indexOf(label) + 1];
    expect(valueAfter('Tin, bài đã đăng')).toBe('6');
    expect(valueAfter('Tin, bài, văn bản các đơn vị cung cấp')).toBe('4');
    expect(valueAfter('Câu hỏi, phản ánh tiếp nhận')).toBe('6');
    expect(texts).toContain('Đề xuất đào tạo biên tập viên.');
    const unitRow = texts.indexOf('RPA');
    // Unit, name, provided, published, average, quota, below quota: the document has no month columns.
    expect(texts.slice(unitRow, unitRow + 7)).toEqual(['RPA', 'Đơn vị thử RPA', '2', '2', '0.33', '2', 'có']);
  });

  test('spreadsheet contains the figures', async () => {
    const response = await report('periodic?year=2025&half=1&format=xlsx&lang=en').buffer(true).parse(binary);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Overview',
      'Summary',
      'Items provided per unit and',
      'Workflow by content type',
      'Questions and feedback by an',
      'Public consultation by draft',
      'Statutory deadlines by rule',
      'Rejections by reason (Art. 1',
    ]);
    const overview = workbook.getWorksheet('Overview')!;
    expect(overview.getCell('A1').value).toBe('Report on the portal of the Ministry of Science and Technology, first half of 2025');
    const summary = workbook.getWorksheet('Summary')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Items published')).toBe(6);
    expect(values.get('Items provided by units')).toBe(4);
    expect(values.get('Median hours from receipt to publication')).toBe(2);
    expect(values.get('Overdue, unanswered')).toBe(2);
    const quotas = workbook.getWorksheet('Items provided per unit and')!;
    let unitRow: unknown[] = [];
    quotas.eachRow((row) => {
      if (row.getCell(1).value === 'RPB') unitRow = (row.values as unknown[]).slice(1);
    });
    expect(unitRow).toEqual(['RPB', 'Đơn vị thử RPB', 0, 0, 1, 0, 0, 1, 2, 1, 0.33, 0, 'no']);
  });

  test('summary exports as CSV', async () => {
    const response = await report('periodic?year=2025&half=1&format=csv&lang=en');
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Figure,Value');
    expect(lines).toContain('Items published,6');
    expect(lines).toContain('Items provided by units,4');
    expect(lines).toContain('Comments received on drafts,6');
  });

  test('proposals need a year and text', async () => {
    const boardHead = await loginAs(app, 'board-head');
    const noText = await app.http().put('/reporting/proposals').set('Authorization', boardHead.Authorization).send({ year: 2025, half: 1 });
    expect(noText.status).toBe(400);
    expect(noText.body.error.message).toMatch(/text is missing/);
    const badHalf = await app.http().put('/reporting/proposals').set('Authorization', boardHead.Authorization).send({ year: 2025, half: 3, text: 'x' });
    expect(badHalf.status).toBe(400);
    expect(badHalf.body.error.message).toMatch(/half "3" is invalid/);
    const leadership = await loginAs(app, 'leadership');
    const refused = await app.http().put('/reporting/proposals').set('Authorization', leadership.Authorization).send({ year: 2025, half: 1, text: 'x' });
    expect(refused.status).toBe(403);
    const read = await app.http().get('/reporting/proposals?year=2025&half=1').set('Authorization', leadership.Authorization);
    expect(read.body.data.text).toMatch(/^Đề xuất tăng cường/);
  });

});

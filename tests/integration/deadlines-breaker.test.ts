import { startTestApp, type TestApp } from '../helpers/strapi';
import { at, deadlineFixtures, iso, vn } from '../helpers/deadlines';
import { loginAs } from '../helpers/workflow';

/**
 * Regression tests for the publication-deadlines plugin: invalid inputs that reached the clocks
 * or the database, and transitions that left a clock or its reminders wrong.
 */

const ARTICLE = 'api::article.article';
const LEGAL_DOCUMENT = 'api::legal-document.legal-document';
const TIMER = 'plugin::publication-deadlines.timer';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

const { apply, create, legalDocument, timersOf } = deadlineFixtures(() => app);

describe('publication while a clock stands still', () => {
  it('counts no pause against a forced publication', async () => {
    const documentId = await create(ARTICLE, {
      title: 'Tin sự kiện đăng khi đang chờ làm rõ',
      category: 'event',
      event: { kind: 'single_session', startsAt: iso('2026-12-01T08:00'), endsAt: iso('2026-12-01T10:00') },
    });
    // D4: 12 hours from receipt at 11:00, due 23:00. It runs one hour, then stands still.
    const record = await apply(ARTICLE, documentId, 'submit', vn('2026-12-01T11:00'));
    await apply(ARTICLE, documentId, 'request_clarification', vn('2026-12-01T12:00'), { note: 'Bổ sung ảnh' });
    // Published 12 hours later without a reply: the clock has run 1 hour of its 12.
    await apply(ARTICLE, documentId, 'force_publish', vn('2026-12-02T00:00'), { note: 'Đăng ngay theo chỉ đạo' });

    const d4 = (await timersOf(record.id)).find((timer: { ruleCode: string }) => timer.ruleCode === 'D4');
    expect(d4.status).toBe('met');
    expect(at(d4.metAt)).toBe(iso('2026-12-02T00:00'));
    // 23:00 plus the 12 hours the clock stood still.
    expect(at(d4.dueAt)).toBe(iso('2026-12-02T11:00'));
    expect(d4.breachedAt).toBeNull();

    const editor = await loginAs(app, 'standing-editor');
    const shown = await app.http().get(`/publication-deadlines/cases/${record.id}/timers`).set('Authorization', editor.Authorization);
    expect(shown.status).toBe(200);
    const described = shown.body.data.find((timer: { ruleCode: string }) => timer.ruleCode === 'D4');
    expect(described).toMatchObject({ onTime: true, overdueMs: 0 });
  });
});

describe('correct-start input', () => {
  async function runningTimerId(title: string) {
    const documentId = await legalDocument(title, '2026-12-03T13:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-03T13:10'));
    const [timer] = await timersOf(record.id);
    return timer as { id: number; dueAt: string; startAt: string; generation: number };
  }

  it('rejects startAt without a real offset', async () => {
    const editor = await loginAs(app, 'standing-editor');
    const timer = await runningTimerId('Văn bản giờ dấu đến không có múi giờ');
    for (const startAt of ['Dec 3 2026 09:00 (z)', 'Zulu 2026-12-03 09:00']) {
      const response = await app
        .http()
        .post(`/publication-deadlines/timers/${timer.id}/correct-start`)
        .set('Authorization', editor.Authorization)
        .send({ startAt, note: 'Sửa giờ dấu đến' });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('startAt must be an ISO 8601 date-time');
    }
    const [unchanged] = await app.strapi.db.query(TIMER).findMany({ where: { id: timer.id } });
    expect(unchanged.generation).toBe(timer.generation);
    expect(at(unchanged.startAt)).toBe(at(timer.startAt));
  });

  it('rejects startAt before the calendar', async () => {
    const editor = await loginAs(app, 'standing-editor');
    const timer = await runningTimerId('Văn bản giờ dấu đến quá xa');
    for (const startAt of ['-271821-04-20T00:00:00Z', '1899-12-31T09:00:00+07:00']) {
      const response = await app
        .http()
        .post(`/publication-deadlines/timers/${timer.id}/correct-start`)
        .set('Authorization', editor.Authorization)
        .send({ startAt, note: 'Sửa giờ dấu đến' });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('startAt');
    }
    const [unchanged] = await app.strapi.db.query(TIMER).findMany({ where: { id: timer.id } });
    expect(unchanged.generation).toBe(timer.generation);
  });

  it('rejects ids beyond the integer range', async () => {
    const editor = await loginAs(app, 'standing-editor');
    const corrected = await app
      .http()
      .post('/publication-deadlines/timers/99999999999999999999/correct-start')
      .set('Authorization', editor.Authorization)
      .send({ startAt: '2026-12-03T09:00:00+07:00', note: 'Sửa giờ dấu đến' });
    expect(corrected.status).toBe(400);
    expect(corrected.body.error.message).toContain('id');
    const listed = await app.http().get('/publication-deadlines/cases/4294967296/timers').set('Authorization', editor.Authorization);
    expect(listed.status).toBe(400);
    expect(listed.body.error.message).toContain('caseId');
  });
});

describe('public calendar input', () => {
  it('rejects a year that is not four digits', async () => {
    for (const year of ['0x7EA', '2026.0', '+2026', '2.026e3']) {
      const response = await app.http().get(`/api/publication-deadlines/calendar?year=${encodeURIComponent(year)}`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(`year "${year}" is invalid`);
    }
  });
});

describe('reminders after a start correction', () => {
  const OUTBOX = 'plugin::editorial-workflow.outbox-message';
  const sweep = () => app.strapi.plugin('publication-deadlines').service('sweep');
  const kindsOf = async (caseId: number) =>
    (await app.strapi.db.query(OUTBOX).findMany({ where: { caseId, kind: { $startsWith: 'deadline_' } }, orderBy: { id: 'asc' } })).map(
      (message: { kind: string; payload: { deadline: { point: string } } }) => `${message.kind}:${message.payload.deadline.point}`
    );

  it('escalates a breach once after a correction', async () => {
    // D6, stamped Monday 7 December 2026 at 08:00: due at midnight.
    const documentId = await legalDocument('Văn bản quá hạn rồi sửa giờ dấu đến', '2026-12-07T08:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-07T08:10'));
    await sweep().run(vn('2026-12-08T00:00'));
    const before = await kindsOf(record.id);
    expect(before.filter((kind) => kind.startsWith('deadline_escalated')).length).toBeGreaterThan(0);

    // The stamp was 09:00, not 08:00: the same rule and the same due time, still breached.
    const [timer] = await timersOf(record.id);
    await app.strapi
      .plugin('publication-deadlines')
      .service('timers')
      .correctStart(timer.id, { startAt: '2026-12-07T09:00:00+07:00', note: 'Dấu đến ghi nhầm giờ' }, { id: 1, name: 'Test' }, vn('2026-12-08T01:00'));
    const [corrected] = await timersOf(record.id);
    expect(corrected).toMatchObject({ status: 'breached', ruleCode: 'D6' });
    expect(at(corrected.dueAt)).toBe(iso('2026-12-08T00:00'));

    await sweep().run(vn('2026-12-08T01:05'));
    expect(await kindsOf(record.id)).toEqual(before);
  });

  it('sends each reminder once after a correction', async () => {
    const documentId = await legalDocument('Văn bản đã nhắc 50% rồi sửa giờ', '2026-12-09T08:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-09T08:10'));
    await sweep().run(vn('2026-12-09T16:10'));
    const before = await kindsOf(record.id);
    expect(before.every((kind) => kind === 'deadline_reminder:50%')).toBe(true);
    expect(before.length).toBeGreaterThan(0);

    const [timer] = await timersOf(record.id);
    await app.strapi
      .plugin('publication-deadlines')
      .service('timers')
      .correctStart(timer.id, { startAt: '2026-12-09T08:05:00+07:00', note: 'Sửa giờ dấu đến' }, { id: 1, name: 'Test' }, vn('2026-12-09T16:20'));
    await sweep().run(vn('2026-12-09T16:30'));
    expect(await kindsOf(record.id)).toEqual(before);

    // The 80 % point of the corrected clock (80 % of the 15 h 55 min from 08:05: 20:49) still goes out.
    await sweep().run(vn('2026-12-09T20:53'));
    expect((await kindsOf(record.id)).slice(before.length).every((kind) => kind === 'deadline_reminder:80%')).toBe(true);
    expect((await kindsOf(record.id)).length).toBeGreaterThan(before.length);
  });
});

describe('text a database cannot store', () => {
  it('rejects NUL in a year table', async () => {
    const head = await loginAs(app, 'board-head');
    const response = await app
      .http()
      .put('/publication-deadlines/calendar/years/2029')
      .set('Authorization', head.Authorization)
      .send({ source: 'Thông báo\u0000 thử', entries: [{ date: '2029-01-01', kind: 'holiday', nameVi: 'Tết\u0000 Dương lịch', nameEn: "New Year's Day" }] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('source');
    expect(response.body.error.message).toContain('entries[0].nameVi');
    const table = await app.http().get('/api/publication-deadlines/calendar?year=2029');
    expect(table.body.meta.status).toBe('provisional');
  });

  it('rejects NUL in a correction note', async () => {
    const editor = await loginAs(app, 'standing-editor');
    const documentId = await legalDocument('Văn bản ghi chú có ký tự rỗng', '2026-12-03T13:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-03T13:10'));
    const [timer] = await timersOf(record.id);
    const response = await app
      .http()
      .post(`/publication-deadlines/timers/${timer.id}/correct-start`)
      .set('Authorization', editor.Authorization)
      .send({ startAt: '2026-12-03T09:00:00+07:00', note: 'Sửa\u0000 giờ' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('note');
    const [unchanged] = await timersOf(record.id);
    expect(unchanged.generation).toBe(timer.generation);
  });
});

describe('calendar edits and the noon cut-off', () => {
  it('switches D6 to D7 when a day off becomes a working day', async () => {
    const head = await loginAs(app, 'board-head');
    // Saturday 9 March 2030 at 14:00, a day off: D6, due at the end of Monday 11 March.
    const documentId = await legalDocument('Văn bản dấu đến thứ Bảy', '2030-03-09T14:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2030-03-09T15:00'));
    let [timer] = await timersOf(record.id);
    expect(timer.ruleCode).toBe('D6');
    expect(at(timer.dueAt)).toBe(iso('2030-03-12T00:00'));

    const table = (await app.http().get('/publication-deadlines/calendar/years/2030').set('Authorization', head.Authorization)).body.data;
    const entries = [
      ...table.entries,
      { date: '2030-03-09', kind: 'make_up_working_day', nameVi: 'Làm bù', nameEn: 'Make-up working day' },
      { date: '2030-03-15', kind: 'swapped_day_off', nameVi: 'Nghỉ hoán đổi', nameEn: 'Swapped day off' },
    ];
    const saved = await app.http().put('/publication-deadlines/calendar/years/2030').set('Authorization', head.Authorization).send({ source: 'Thông báo thử nghiệm năm 2030', entries });
    expect(saved.status).toBe(200);

    // Stamped at 14:00 of a working day: D7, due at 12:00 of the next working day.
    [timer] = await timersOf(record.id);
    expect(at(timer.dueAt)).toBe(iso('2030-03-11T12:00'));
    expect(timer.ruleCode).toBe('D7');
  });
});

import { startTestApp, type TestApp } from '../helpers/strapi';
import { at, deadlineFixtures, iso, vn } from '../helpers/deadlines';
import { loginAs } from '../helpers/workflow';

const ARTICLE = 'api::article.article';
const LEGAL_DOCUMENT = 'api::legal-document.legal-document';
const PLAN_NOTICE = 'api::plan-notice.plan-notice';
const OUTBOX = 'plugin::editorial-workflow.outbox-message';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.stop();
});

const { apply, create, legalDocument, timersOf } = deadlineFixtures(() => app);
const sweep = () => app.strapi.plugin('publication-deadlines').service('sweep');

describe('clocks started by a submission', () => {
  it('gives a document stamped at 11:59 until the end of the day (D6)', async () => {
    const documentId = await legalDocument('Quyết định dấu đến 11 giờ 59', '2026-12-03T11:59');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-03T14:00'));
    const [timer] = await timersOf(record.id);
    expect(timer).toMatchObject({ ruleCode: 'D6', status: 'running', startSource: 'incoming_stamp', duty: 'board_publishes' });
    expect(at(timer.dueAt)).toBe(iso('2026-12-04T00:00'));
  });

  it('gives a document stamped at 12:00 until noon of the next working day (D7)', async () => {
    const documentId = await legalDocument('Quyết định dấu đến 12 giờ', '2026-12-04T12:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-04T12:30'));
    const [timer] = await timersOf(record.id);
    expect(timer.ruleCode).toBe('D7');
    expect(at(timer.dueAt)).toBe(iso('2026-12-07T12:00'));
  });

  it('measures a single-session event item against its end (D1) and starts the 12-hour board clock (D4)', async () => {
    const documentId = await create(ARTICLE, {
      title: 'Hội thảo khoa học một buổi',
      category: 'event',
      event: { kind: 'single_session', startsAt: iso('2026-12-01T08:00'), endsAt: iso('2026-12-01T11:30') },
    });
    const record = await apply(ARTICLE, documentId, 'submit', vn('2026-12-02T09:00'));
    const [d1, d4] = await timersOf(record.id);
    expect(d1).toMatchObject({ ruleCode: 'D1', duty: 'unit_sends', status: 'met' });
    expect(at(d1.dueAt)).toBe(iso('2026-12-01T23:30'));
    expect(at(d1.metAt)).toBe(iso('2026-12-02T09:00'));
    // Sent 21 h 30 min after the end: late, which the R11.7 pre-check reports to the editor.
    expect(at(d1.breachedAt)).toBe(iso('2026-12-01T23:30'));
    expect(d4).toMatchObject({ ruleCode: 'D4', status: 'running', startSource: 'receipt' });
    expect(at(d4.dueAt)).toBe(iso('2026-12-02T21:00'));
  });

  it('gives a highlighted event of the communication plan 6 hours (D3), and meets the clock on publication', async () => {
    const documentId = await create(ARTICLE, {
      title: 'Lễ khai mạc Techfest',
      category: 'event',
      event: { kind: 'multi_day', startsAt: iso('2026-12-02T08:00'), openingCeremonyAt: iso('2026-12-02T08:30'), highlightedInCommunicationPlan: true },
    });
    const record = await apply(ARTICLE, documentId, 'submit', vn('2026-12-02T15:00'));
    let timers = await timersOf(record.id);
    expect(timers.map((timer: { ruleCode: string }) => timer.ruleCode)).toEqual(['D2', 'D3']);
    expect(at(timers[0].dueAt)).toBe(iso('2026-12-02T20:30'));
    expect(timers[0].breachedAt).toBeNull();
    expect(at(timers[1].dueAt)).toBe(iso('2026-12-02T21:00'));

    await apply(ARTICLE, documentId, 'force_publish', vn('2026-12-02T17:10'), { note: 'Sự kiện nổi bật, đăng ngay' });
    timers = await timersOf(record.id);
    expect(timers[1]).toMatchObject({ status: 'met', nextReminderAt: null });
    expect(at(timers[1].metAt)).toBe(iso('2026-12-02T17:10'));
  });
});

describe('holds and clarifications', () => {
  it('restarts a 3-working-day clock from the leadership direction (D5)', async () => {
    const documentId = await create(PLAN_NOTICE, { title: 'Kế hoạch chuyển đổi số 2027', kind: 'plan', approvedAt: iso('2025-04-22T16:00') });
    const record = await apply(PLAN_NOTICE, documentId, 'submit', vn('2025-04-23T09:00'));
    let [timer] = await timersOf(record.id);
    expect(timer.ruleCode).toBe('D9');
    // 22 April 16:00 plus three working days: 23, 24, 25 April.
    expect(at(timer.dueAt)).toBe(iso('2025-04-25T16:00'));

    await apply(PLAN_NOTICE, documentId, 'hold_for_direction', vn('2025-04-23T10:00'), { note: 'Cần ý kiến Lãnh đạo Bộ' });
    [timer] = await timersOf(record.id);
    expect(timer).toMatchObject({ status: 'paused', nextReminderAt: null });

    await apply(PLAN_NOTICE, documentId, 'record_direction', vn('2025-04-24T10:00'), { note: 'Đồng ý đăng tải' });
    [timer] = await timersOf(record.id);
    expect(timer).toMatchObject({ status: 'running', startSource: 'direction', generation: 2 });
    // From the direction: 25 April, the make-up Saturday 26 April, then Monday 28 April.
    expect(at(timer.startAt)).toBe(iso('2025-04-24T10:00'));
    expect(at(timer.dueAt)).toBe(iso('2025-04-28T10:00'));
  });

  it('pauses for a clarification and resumes with the time that was left', async () => {
    const documentId = await create(ARTICLE, {
      title: 'Tin sự kiện cần làm rõ',
      category: 'event',
      event: { kind: 'single_session', startsAt: iso('2026-12-03T08:00'), endsAt: iso('2026-12-03T10:00') },
    });
    const record = await apply(ARTICLE, documentId, 'submit', vn('2026-12-03T11:00'));
    await apply(ARTICLE, documentId, 'request_clarification', vn('2026-12-03T13:00'), { note: 'Bổ sung ảnh' });
    await apply(ARTICLE, documentId, 'provide_clarification', vn('2026-12-03T16:20'), { note: 'Đã bổ sung' });
    const d4 = (await timersOf(record.id)).find((timer: { ruleCode: string }) => timer.ruleCode === 'D4');
    // 12 hours from 11:00, plus the 3 h 20 min the clock stood still.
    expect(at(d4.dueAt)).toBe(iso('2026-12-04T02:20'));
    expect(d4.status).toBe('running');
  });

  it('keeps the unit clock of the first submission when a rejected item is resubmitted', async () => {
    const documentId = await create(ARTICLE, {
      title: 'Tin sự kiện gửi lại',
      category: 'event',
      event: { kind: 'single_session', startsAt: iso('2026-12-09T08:00'), endsAt: iso('2026-12-09T10:00') },
    });
    const record = await apply(ARTICLE, documentId, 'submit', vn('2026-12-09T15:00'));
    await apply(ARTICLE, documentId, 'reject', vn('2026-12-09T16:00'), { reasons: ['R11.6'], note: 'Thiếu ảnh' });
    await apply(ARTICLE, documentId, 'resubmit', vn('2026-12-10T09:00'));
    const [d1, d4] = await timersOf(record.id);
    expect(d1).toMatchObject({ ruleCode: 'D1', status: 'met', breachedAt: null });
    expect(at(d1.metAt)).toBe(iso('2026-12-09T15:00'));
    // The board's clock starts again from the resubmission.
    expect(d4).toMatchObject({ ruleCode: 'D4', status: 'running' });
    expect(at(d4.dueAt)).toBe(iso('2026-12-10T21:00'));
  });

  it('cancels the clock of a rejected item', async () => {
    const documentId = await legalDocument('Văn bản bị từ chối', '2026-12-03T08:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-03T08:30'));
    await apply(LEGAL_DOCUMENT, documentId, 'reject', vn('2026-12-03T09:00'), { reasons: ['R11.5'], note: 'Trùng lặp' });
    const [timer] = await timersOf(record.id);
    expect(timer.status).toBe('cancelled');
  });
});

describe('sweep, reminders and escalation', () => {
  async function runningTimer(title: string, submittedAt: string) {
    const documentId = await legalDocument(title, submittedAt);
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn(submittedAt));
    const [timer] = await timersOf(record.id);
    return { caseId: record.id, timer };
  }

  const outboxOf = async (caseId: number) =>
    app.strapi.db.query(OUTBOX).findMany({ where: { caseId, kind: { $startsWith: 'deadline_' } }, orderBy: { id: 'asc' } });

  it('reminds at 50 % and 80 %, then reports the breach and escalates it, each once', async () => {
    // Stamped Monday 7 December 2026 at 08:00: D6, due at midnight; 16 hours of clock.
    const { caseId, timer } = await runningTimer('Văn bản nhắc hạn', '2026-12-07T08:00');
    expect(at(timer.nextReminderAt)).toBe(iso('2026-12-07T16:00'));

    await sweep().run(vn('2026-12-07T15:59'));
    expect(await outboxOf(caseId)).toHaveLength(0);

    await sweep().run(vn('2026-12-07T16:00'));
    await sweep().run(vn('2026-12-07T16:05'));
    let messages = await outboxOf(caseId);
    expect(messages.map((message: { kind: string }) => message.kind)).toEqual(['deadline_reminder']);
    expect(messages[0].payload.deadline).toEqual({ rule: 'D6', dueAt: iso('2026-12-08T00:00'), point: '50%' });

    await sweep().run(vn('2026-12-07T20:48'));
    await sweep().run(vn('2026-12-08T00:00'));
    messages = await outboxOf(caseId);
    const kinds = messages.map((message: { kind: string }) => message.kind);
    expect(kinds.filter((kind: string) => kind === 'deadline_reminder')).toHaveLength(2);
    expect(kinds.filter((kind: string) => kind === 'deadline_breached').length).toBeGreaterThanOrEqual(1);
    expect(kinds.filter((kind: string) => kind === 'deadline_escalated').length).toBeGreaterThanOrEqual(1);
    const [breached] = await timersOf(caseId);
    expect(breached).toMatchObject({ status: 'breached', nextReminderAt: null, reminderCursor: 3 });
    expect(at(breached.breachedAt)).toBe(iso('2026-12-08T00:00'));

    const count = messages.length;
    await sweep().run(vn('2026-12-09T00:00'));
    expect(await outboxOf(caseId)).toHaveLength(count);
  });

  it('sends only the latest point when the sweep was down, and logs the missed ones as skipped', async () => {
    const { caseId, timer } = await runningTimer('Văn bản khi tiến trình ngừng', '2026-12-14T08:00');
    await sweep().run(vn('2026-12-14T21:00'));
    const kinds = (await outboxOf(caseId)).map((message: { kind: string }) => message.kind);
    expect(new Set(kinds)).toEqual(new Set(['deadline_reminder']));
    const log = await app.strapi.db.query('plugin::publication-deadlines.reminder').findMany({ where: { timerId: timer.id }, orderBy: { id: 'asc' } });
    expect(log.map((entry: { point: string; outcome: string }) => `${entry.point}:${entry.outcome}`)).toEqual(['50%:skipped', '80%:sent']);
  });

  it('never sends a point twice when sweeps run side by side or after a restart', async () => {
    const { caseId } = await runningTimer('Văn bản chạy song song', '2026-12-15T08:00');
    await Promise.all([1, 2, 3, 4].map(() => sweep().run(vn('2026-12-15T16:30'))));
    const messages = await outboxOf(caseId);
    const recipients = messages.map((message: { recipientIds: number[] }) => message.recipientIds[0]);
    // One 50 % reminder per recipient, however many sweeps ran.
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(messages.every((message: { payload: { deadline: { point: string } } }) => message.payload.deadline.point === '50%')).toBe(true);
    const before = messages.length;

    await app.restart();
    await sweep().run(vn('2026-12-15T16:30'));
    expect(await outboxOf(caseId)).toHaveLength(before);
    await sweep().run(vn('2026-12-15T20:48'));
    expect((await outboxOf(caseId)).length).toBeGreaterThan(before);
  });

  it('names the overdue cases for the workflow filter', async () => {
    const { caseId } = await runningTimer('Văn bản quá hạn', '2026-12-16T08:00');
    const timers = app.strapi.plugin('publication-deadlines').service('timers');
    expect(await timers.overdueCaseIds(vn('2026-12-16T23:59'))).not.toContain(caseId);
    expect(await timers.overdueCaseIds(vn('2026-12-17T00:00'))).toContain(caseId);
  });
});

describe('admin API', () => {
  it('shows the deadline of a case and corrects its start, with the change on the timeline', async () => {
    const editor = await loginAs(app, 'standing-editor');
    const documentId = await legalDocument('Văn bản sửa giờ dấu đến', '2026-12-03T13:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-03T13:10'));

    const shown = await app.http().get(`/editorial-workflow/cases/${record.id}`).set('Authorization', editor.Authorization);
    expect(shown.status).toBe(200);
    expect(shown.body.data.deadline.next).toMatchObject({ ruleCode: 'D7', dueAt: iso('2026-12-04T12:00') });

    const timerId = shown.body.data.deadline.next.id;
    const refused = await app.http().post(`/publication-deadlines/timers/${timerId}/correct-start`).set('Authorization', editor.Authorization).send({ startAt: '2026-12-03 09:00' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('startAt must be an ISO 8601 date-time');
    expect(refused.body.error.message).toContain('note is required');

    const corrected = await app
      .http()
      .post(`/publication-deadlines/timers/${timerId}/correct-start`)
      .set('Authorization', editor.Authorization)
      .send({ startAt: '2026-12-03T09:00:00+07:00', note: 'Dấu đến ghi nhầm giờ' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.data).toMatchObject({ ruleCode: 'D6', startSource: 'corrected', dueAt: iso('2026-12-04T00:00') });

    const timeline = await app.strapi.db.query('plugin::editorial-workflow.timeline-entry').findMany({ where: { caseId: record.id, event: 'deadline_start_corrected' } });
    expect(timeline).toHaveLength(1);
    expect(timeline[0].details).toMatchObject({ previousRuleCode: 'D7', ruleCode: 'D6', previousDueAt: iso('2026-12-04T12:00'), dueAt: iso('2026-12-04T00:00') });
  });

  it('moves the clock when an editor corrects the incoming stamp of the document', async () => {
    const documentId = await legalDocument('Văn bản sửa dấu đến trong biên tập', '2026-12-08T14:00');
    const record = await apply(LEGAL_DOCUMENT, documentId, 'submit', vn('2026-12-08T14:10'));
    let [timer] = await timersOf(record.id);
    expect(timer.ruleCode).toBe('D7');

    await app.strapi.documents(LEGAL_DOCUMENT as never).update({ documentId, locale: 'vi', data: { incomingStampAt: iso('2026-12-08T10:00') } as never });
    [timer] = await timersOf(record.id);
    expect(timer).toMatchObject({ ruleCode: 'D6', startSource: 'incoming_stamp', generation: 2 });
    expect(at(timer.dueAt)).toBe(iso('2026-12-09T00:00'));
    const [entry] = await app.strapi.db.query('plugin::editorial-workflow.timeline-entry').findMany({ where: { caseId: record.id, event: 'deadline_start_corrected' } });
    expect(entry.note).toBe('incomingStampAt changed in the content manager');
    expect(entry.details).toMatchObject({ previousRuleCode: 'D7', ruleCode: 'D6' });

    await app.strapi.documents(LEGAL_DOCUMENT as never).update({ documentId, locale: 'vi', data: { title: 'Văn bản sửa tiêu đề' } as never });
    expect((await timersOf(record.id))[0].generation).toBe(2);
  });

  it('refuses a correction from a role without the permission', async () => {
    const focalPoint = await loginAs(app, 'focal-point');
    const response = await app.http().post('/publication-deadlines/timers/1/correct-start').set('Authorization', focalPoint.Authorization).send({});
    expect(response.status).toBe(403);
  });

  it('moves a running working-day clock when a day off is added to the calendar', async () => {
    const head = await loginAs(app, 'board-head');
    const documentId = await create(PLAN_NOTICE, { title: 'Kế hoạch năm 2028', kind: 'plan', approvedAt: iso('2028-03-01T09:00') });
    const record = await apply(PLAN_NOTICE, documentId, 'submit', vn('2028-03-01T10:00'));
    let [timer] = await timersOf(record.id);
    // Wednesday 1 March 2028 plus three working days: Thursday, Friday, Monday.
    expect(at(timer.dueAt)).toBe(iso('2028-03-06T09:00'));

    const table = (await app.http().get('/publication-deadlines/calendar/years/2028').set('Authorization', head.Authorization)).body.data;
    const entries = [...table.entries, { date: '2028-03-03', kind: 'swapped_day_off', nameVi: 'Nghỉ hoán đổi', nameEn: 'Swapped day off' }, { date: '2028-03-11', kind: 'make_up_working_day', nameVi: 'Làm bù', nameEn: 'Make-up working day' }];
    const saved = await app.http().put('/publication-deadlines/calendar/years/2028').set('Authorization', head.Authorization).send({ source: 'Thông báo thử nghiệm năm 2028', entries });
    expect(saved.status).toBe(200);
    [timer] = await timersOf(record.id);
    expect(at(timer.dueAt)).toBe(iso('2028-03-07T09:00'));
  });

  it('saves a year table and rejects a bad one with the field named', async () => {
    const head = await loginAs(app, 'board-head');
    const bad = await app
      .http()
      .put('/publication-deadlines/calendar/years/2027')
      .set('Authorization', head.Authorization)
      .send({ source: '', entries: [{ date: '2027-02-30', kind: 'holiday' }, { date: '2027-01-04', kind: 'make_up_working_day', nameVi: 'Làm bù', nameEn: 'Make-up' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('source is required');
    expect(bad.body.error.message).toContain('entries[0].date "2027-02-30" is not a date');
    expect(bad.body.error.message).toContain('entries[1] 2027-01-04 is a weekday');

    const provisional = await app.http().get('/api/publication-deadlines/calendar?year=2027');
    expect(provisional.body.meta.status).toBe('provisional');

    const saved = await app
      .http()
      .put('/publication-deadlines/calendar/years/2027')
      .set('Authorization', head.Authorization)
      .send({
        source: 'Thông báo thử nghiệm số 1/TB-BNV',
        sourceDate: '2026-11-20',
        entries: [
          { date: '2027-01-01', kind: 'holiday', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
          { date: '2027-12-27', kind: 'swapped_day_off', nameVi: 'Nghỉ hoán đổi', nameEn: 'Swapped day off' },
          { date: '2027-12-18', kind: 'make_up_working_day', nameVi: 'Làm bù', nameEn: 'Make-up working day' },
        ],
      });
    expect(saved.status).toBe(200);
    const calendar = await app.strapi.plugin('publication-deadlines').service('calendar').current();
    const { dayOf } = await import('../../plugins/publication-deadlines/server/src/calendar/days');
    expect(calendar.isWorkingDay(dayOf('2027-12-27'))).toBe(false);
    expect(calendar.isWorkingDay(dayOf('2027-12-18'))).toBe(true);
  });
});

describe('public calendar', () => {
  it('lists the 2026 dates that are not ordinary working days, with kind, name and source', async () => {
    const response = await app.http().get('/api/publication-deadlines/calendar?year=2026');
    expect(response.status).toBe(200);
    expect(response.body.meta).toMatchObject({ year: 2026, status: 'announced', timeZone: 'Asia/Ho_Chi_Minh' });
    const byDate = new Map(response.body.data.map((entry: { date: string }) => [entry.date, entry]));
    expect(byDate.get('2026-01-10')).toMatchObject({ kind: 'make_up_working_day' });
    expect(byDate.get('2026-04-26')).toMatchObject({ kind: 'holiday', name: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" } });
    expect(byDate.get('2026-04-27')).toMatchObject({ kind: 'compensatory_day_off' });
    expect(byDate.get('2026-08-22')).toMatchObject({ kind: 'make_up_working_day' });
    expect((byDate.get('2026-02-16') as { source: string }).source).toContain('Bộ Nội vụ');
  });

  it('answers a missing or malformed year with a 400 that names it', async () => {
    const missing = await app.http().get('/api/publication-deadlines/calendar');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('year is required');
    const malformed = await app.http().get('/api/publication-deadlines/calendar?year=20x6');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('year "20x6" is invalid');
  });
});

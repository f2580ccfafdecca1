import { EVENT_NAMES, STATES, TRANSITIONS } from '../../plugins/editorial-workflow/server/src/state-machine';
import { createApiToken } from '../helpers/auth';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/workflow';

const ARTICLE = 'api::article.article';
const CASE = 'plugin::editorial-workflow.case';

let app: TestApp;
type Auth = Awaited<ReturnType<typeof loginAs>>;
let focalPoint: Auth;
let editor: Auth;
let boardHead: Auth;
let leadership: Auth;
let spokespersonAuth: Auth;
const spokesperson = () => spokespersonAuth;

beforeAll(async () => {
  app = await startTestApp();
  [focalPoint, editor, boardHead, leadership, spokespersonAuth] = await Promise.all(
    ['focal-point', 'standing-editor', 'board-head', 'leadership', 'spokesperson'].map((role) => loginAs(app, role))
  );
});

afterAll(async () => {
  await app?.stop();
});

/** Returns the documentId of a demo unit by its abbreviation. */
async function unitId(abbreviation: string) {
  const unit = await app.strapi.documents('api::organization-unit.organization-unit').findFirst({ locale: 'vi', filters: { abbreviation } });
  return unit.documentId as string;
}

/**
 * Creates a Vietnamese draft article through the content manager as the given user, for the
 * communications centre (the demo focal point's unit) unless another unit is given.
 */
async function draftAs(auth: Auth, title: string, options: { unit?: string; subjectField?: string } = {}) {
  const unit = await unitId(options.unit ?? 'TTTT');
  const relations: Record<string, unknown> = { unit: { connect: [{ documentId: unit, locale: 'vi' }] } };
  if (options.subjectField) {
    const field = await app.strapi.documents('api::subject-field.subject-field').findFirst({ locale: 'vi', filters: { code: options.subjectField } });
    relations.subjectFields = { connect: [{ documentId: field.documentId, locale: 'vi' }] };
  }
  const response = await app
    .http()
    .post(`/content-manager/collection-types/${ARTICLE}?locale=vi`)
    .set('Authorization', auth.Authorization)
    .send({ title, category: 'news', ...relations });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
}

const applyEvent = (auth: Auth, documentId: string, event: string, body: Record<string, unknown> = {}, locale = 'vi') =>
  app
    .http()
    .post(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/${event}?locale=${locale}`)
    .set('Authorization', auth.Authorization)
    .send(body);

/** Returns an instant a number of days from now, as ISO text; schedules must lie within a year. */
const daysAhead = (days: number, minutes = 0) => new Date(Date.now() + days * 86_400_000 + minutes * 60_000).toISOString();

const publicArticle = (documentId: string, locale = 'vi') => app.http().get(`/api/articles/${documentId}?locale=${locale}`);

describe('publishing only through the workflow', () => {
  test('content-manager publish is refused', async () => {
    const documentId = await draftAs(editor, 'Tin chưa duyệt 1');
    const response = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish?locale=vi`)
      .set('Authorization', editor.Authorization)
      .send({});
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/published and unpublished only through the editorial workflow/);
    expect((await publicArticle(documentId)).status).toBe(404);
  });

  test('content-manager bulk publish is refused', async () => {
    const documentId = await draftAs(editor, 'Tin chưa duyệt 2');
    const response = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE}/actions/bulkPublish?locale=vi`)
      .set('Authorization', editor.Authorization)
      .send({ documentIds: [documentId] });
    expect(response.status).toBe(403);
    expect((await publicArticle(documentId)).status).toBe(404);
  });

  test('REST create without status=draft is refused', async () => {
    const token = await createApiToken(app, 'full-access');
    const response = await app.http().post('/api/articles?locale=vi').set('Authorization', `Bearer ${token}`).send({ data: { title: 'Đăng thẳng', category: 'news' } });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/\?status=draft/);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { title: 'Đăng thẳng' } })).toBe(0);
  });

  test('REST create with status=draft works', async () => {
    const token = await createApiToken(app, 'full-access');
    const response = await app.http().post('/api/articles?locale=vi&status=draft').set('Authorization', `Bearer ${token}`).send({ data: { title: 'Bản nháp qua REST', category: 'news' } });
    expect(response.status).toBe(201);
  });

  test('direct document service publish is refused', async () => {
    const draft = await app.strapi.documents(ARTICLE).create({ locale: 'vi', data: { title: 'Gọi thẳng dịch vụ', category: 'news' } as never });
    await expect(app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId, locale: 'vi' })).rejects.toThrow(/only through the editorial workflow/);
    await expect(app.strapi.documents(ARTICLE).create({ locale: 'vi', status: 'published', data: { title: 'Tạo đã đăng', category: 'news' } as never })).rejects.toThrow(/only through the editorial workflow/);
  });

  test('types outside the workflow still publish directly', async () => {
    const notice = await app.strapi.documents('api::maintenance-notice.maintenance-notice').create({
      locale: 'vi',
      data: { title: 'Bảo trì', startsAt: '2026-12-12T15:00:00.000Z', endsAt: '2026-12-12T17:00:00.000Z' } as never,
    });
    await app.strapi.documents('api::maintenance-notice.maintenance-notice').publish({ documentId: notice.documentId, locale: 'vi' });
    expect((await app.http().get(`/api/maintenance-notices/${notice.documentId}?locale=vi`)).status).toBe(200);
  });
});

describe('submit, approve, publish', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = await draftAs(focalPoint, 'Hội thảo chuyển đổi số ngành khoa học');
  });

  test('focal point submits', async () => {
    const response = await applyEvent(focalPoint, documentId, 'submit');
    expect(response.status).toBe(200);
    expect(response.body.data.state).toBe('submitted');
    expect(response.body.data.submittedById).toBe(focalPoint.userId);
  });

  test('focal point may not approve', async () => {
    const response = await applyEvent(focalPoint, documentId, 'approve');
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('Your role may not approve an item; ask a colleague whose role has that permission.');
  });

  test('leadership may not publish', async () => {
    const response = await applyEvent(leadership, documentId, 'publish');
    expect(response.status).toBe(403);
  });

  test('publish before approval is a conflict', async () => {
    const response = await applyEvent(editor, documentId, 'publish');
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe('A submitted item cannot be given the event "publish" (publish).');
  });

  test('standing editor approves and publishes', async () => {
    const approved = await applyEvent(editor, documentId, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body.data.state).toBe('approved');
    expect((await publicArticle(documentId)).status).toBe(404);

    const published = await applyEvent(editor, documentId, 'publish');
    expect(published.status).toBe(200);
    expect(published.body.data.state).toBe('published');
    const visible = await publicArticle(documentId);
    expect(visible.status).toBe(200);
    expect(visible.body.data.title).toBe('Hội thảo chuyển đổi số ngành khoa học');
  });

  test('timeline records every step in order', async () => {
    const response = await app
      .http()
      .get(`/editorial-workflow/documents/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', editor.Authorization);
    expect(response.status).toBe(200);
    const steps = response.body.data.timeline.map((entry: { event: string; fromState: string; toState: string }) => `${entry.event}:${entry.fromState}->${entry.toState}`);
    expect(steps).toEqual(['submit:draft->submitted', 'approve:submitted->approved', 'publish:approved->published']);
    expect(response.body.data.timeline[0].actorId).toBe(focalPoint.userId);
    expect(response.body.data.allowedEvents).toEqual(['remark']);
    const headView = await app
      .http()
      .get(`/editorial-workflow/documents/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', boardHead.Authorization);
    expect(headView.body.data.allowedEvents).toEqual(['request_takedown', 'remark']);
    expect(headView.body.data.events).toEqual([
      { name: 'request_takedown', to: 'takedown_requested', requires: ['note'] },
      { name: 'remark', to: 'published', requires: ['note'] },
    ]);
  });

  test('submission notifies the standing editors through the outbox', async () => {
    const record = await app.strapi.db.query(CASE).findOne({ where: { entryDocumentId: documentId } });
    const messages = await app.strapi.db.query('plugin::editorial-workflow.outbox-message').findMany({ where: { caseId: record.id } });
    const submitted = messages.find((message: { kind: string }) => message.kind === 'submitted');
    expect(submitted.status).toBe('pending');
    expect(submitted.recipientIds).toContain(editor.userId);
    expect(messages.map((message: { kind: string }) => message.kind).sort()).toEqual(['approved', 'published', 'submitted']);
  });
});

describe('second pair of eyes', () => {
  test('the submitter may not approve', async () => {
    const documentId = await draftAs(editor, 'Tin do biên tập viên tự gửi');
    expect((await applyEvent(editor, documentId, 'submit')).status).toBe(200);
    const response = await applyEvent(editor, documentId, 'approve');
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/You submitted or last edited this item/);
    expect((await applyEvent(boardHead, documentId, 'approve')).status).toBe(200);
  });

  test('the last editor may not publish', async () => {
    const documentId = await draftAs(focalPoint, 'Tin được biên tập lại');
    expect((await applyEvent(focalPoint, documentId, 'submit')).status).toBe(200);
    expect((await applyEvent(boardHead, documentId, 'approve')).status).toBe(200);
    const edit = await app
      .http()
      .put(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', editor.Authorization)
      .send({ title: 'Tin được biên tập lại (bản sửa)' });
    expect(edit.status).toBe(200);
    expect((await applyEvent(editor, documentId, 'publish')).status).toBe(403);
    expect((await applyEvent(boardHead, documentId, 'publish')).status).toBe(409);
    expect((await applyEvent(editor, documentId, 'approve')).status).toBe(403);
    expect((await applyEvent(boardHead, documentId, 'approve')).status).toBe(200);
    expect((await applyEvent(boardHead, documentId, 'publish')).status).toBe(200);
  });
});

describe('rejection', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = await draftAs(focalPoint, 'Tin trùng lặp');
    await applyEvent(focalPoint, documentId, 'submit');
  });

  test('reject without reasons is a 400', async () => {
    const response = await applyEvent(editor, documentId, 'reject', { note: 'Trùng tin đã đăng.' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/reasons is required/);
  });

  test('reject without a note is a 400', async () => {
    const response = await applyEvent(editor, documentId, 'reject', { reasons: ['R11.5'] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/note is required/);
  });

  test('unknown reason code is named', async () => {
    const response = await applyEvent(editor, documentId, 'reject', { reasons: ['R11.5', 'R11.10'], note: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/"R11.10"/);
  });

  test('reject with reasons, then resubmit', async () => {
    const rejected = await applyEvent(editor, documentId, 'reject', { reasons: ['R11.5'], note: 'Trùng tin đã đăng ngày 02/12.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.data.state).toBe('rejected');
    const scheduled = await applyEvent(editor, documentId, 'schedule', { scheduledAt: daysAhead(10) });
    expect(scheduled.status).toBe(409);
    expect(scheduled.body.error.message).toBe('A rejected item cannot be given the event "schedule" (schedule).');
    expect((await applyEvent(focalPoint, documentId, 'resubmit')).body.data.state).toBe('submitted');
  });
});

describe('locales are separate cases', () => {
  test('publishing vi leaves en a draft', async () => {
    const documentId = await draftAs(focalPoint, 'Tin song ngữ');
    await app.strapi.documents(ARTICLE).update({ documentId, locale: 'en', data: { title: 'Bilingual item', category: 'news' } as never });
    for (const [auth, event] of [[focalPoint, 'submit'], [editor, 'approve'], [editor, 'publish']] as const) {
      expect((await applyEvent(auth, documentId, event, {}, 'vi')).status).toBe(200);
    }
    expect((await publicArticle(documentId, 'vi')).status).toBe(200);
    expect((await publicArticle(documentId, 'en')).status).toBe(404);
    const cases = await app.strapi.db.query(CASE).findMany({ where: { entryDocumentId: documentId } });
    expect(cases.map((record: { entryLocale: string; state: string }) => `${record.entryLocale}:${record.state}`)).toEqual(['vi:published']);
  });
});

describe('takedown and correction', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = await draftAs(focalPoint, 'Tin cần gỡ');
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'approve');
    await applyEvent(editor, documentId, 'publish');
  });

  test('correction needs a public note', async () => {
    expect((await applyEvent(editor, documentId, 'request_correction', { note: 'Sai tên đơn vị.' })).status).toBe(403);
    const requested = await applyEvent(boardHead, documentId, 'request_takedown', { note: 'Thông tin không còn phù hợp.' });
    expect(requested.status).toBe(200);
    const missing = await applyEvent(leadership, documentId, 'approve_takedown', { withdrawal: { mode: 'public_notice' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/withdrawal.notice is required/);
  });

  test('approved takedown unpublishes with a notice', async () => {
    const response = await applyEvent(leadership, documentId, 'approve_takedown', { withdrawal: { mode: 'public_notice', notice: 'Tin đã được gỡ theo chỉ đạo của Lãnh đạo Bộ.' } });
    expect(response.status).toBe(200);
    expect(response.body.data.state).toBe('withdrawn');
    expect(response.body.data.publicNote).toBe('Tin đã được gỡ theo chỉ đạo của Lãnh đạo Bộ.');
    expect((await publicArticle(documentId)).status).toBe(404);
  });
});

describe('force publication', () => {
  test('needs a reason and a confirmation by someone else', async () => {
    const documentId = await draftAs(focalPoint, 'Tin khẩn');
    await applyEvent(focalPoint, documentId, 'submit');
    expect((await applyEvent(boardHead, documentId, 'force_publish')).status).toBe(400);
    const forced = await applyEvent(boardHead, documentId, 'force_publish', { note: 'Thông tin khẩn cấp theo yêu cầu của Lãnh đạo Bộ.' });
    expect(forced.status).toBe(200);
    expect((await publicArticle(documentId)).status).toBe(200);
    const pending = await app.http().get(`/editorial-workflow/documents/${ARTICLE}/${documentId}?locale=vi`).set('Authorization', editor.Authorization);
    expect(pending.body.data.allowedEvents).toContain('confirm_force_publish');
    expect((await applyEvent(boardHead, documentId, 'confirm_force_publish')).status).toBe(403);
    const confirmed = await applyEvent(editor, documentId, 'confirm_force_publish');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.data.forcePublishConfirmedById).toBe(editor.userId);
    expect((await applyEvent(editor, documentId, 'confirm_force_publish')).status).toBe(409);
  });
});

describe('concurrency and events', () => {
  test('two approvals at once: one wins', async () => {
    const documentId = await draftAs(focalPoint, 'Tin được duyệt đồng thời');
    await applyEvent(focalPoint, documentId, 'submit');
    const results = await Promise.all([applyEvent(editor, documentId, 'approve'), applyEvent(boardHead, documentId, 'approve')]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const record = await app.strapi.db.query(CASE).findOne({ where: { entryDocumentId: documentId } });
    const entries = await app.strapi.db.query('plugin::editorial-workflow.timeline-entry').findMany({ where: { caseId: record.id, event: 'approve' } });
    expect(entries).toHaveLength(1);
  });

  test('event hub hears each transition once', async () => {
    const received: { event: string; documentId: string; locale: string }[] = [];
    const listener = (payload: { event: string; documentId: string; locale: string }) => received.push(payload);
    app.strapi.eventHub.on('editorial-workflow.transition', listener);
    try {
      const documentId = await draftAs(focalPoint, 'Tin nghe sự kiện');
      await applyEvent(focalPoint, documentId, 'submit');
      await applyEvent(editor, documentId, 'approve');
      await applyEvent(editor, documentId, 'publish');
      expect(received.filter((payload) => payload.documentId === documentId).map((payload) => `${payload.event}:${payload.locale}`)).toEqual(['submit:vi', 'approve:vi', 'publish:vi']);
    } finally {
      app.strapi.eventHub.off('editorial-workflow.transition', listener);
    }
  });
});

describe('every forbidden source state is a conflict', () => {
  const cases = EVENT_NAMES.flatMap((event) =>
    STATES.filter((state) => !(TRANSITIONS[event].from as readonly string[]).includes(state)).map((state) => [event, state] as const)
  );

  test.each(cases)('%s from %s', async (event, state) => {
    const draft = await app.strapi.documents(ARTICLE).create({ locale: 'vi', data: { title: `Trạng thái ${state} ${event}`, category: 'news' } as never });
    if (state !== 'draft') {
      await app.strapi.db.query(CASE).create({ data: { contentType: ARTICLE, entryDocumentId: draft.documentId, entryLocale: 'vi', state } });
    }
    const result = await app.strapi.plugin('editorial-workflow').service('transitions').apply({
      uid: ARTICLE,
      documentId: draft.documentId,
      locale: 'vi',
      event,
      actor: { kind: 'system', name: 'Test fixture' },
      input: { note: 'n', reasons: ['R11.1'], assigneeId: 1, scheduledAt: daysAhead(10), publicNote: 'p', withdrawal: { mode: 'silent' } },
    });
    expect(result.ok).toBe(false);
    expect(result.status).toBe(409);
  });
});

describe('scheduled publication', () => {
  const scheduler = () => app.strapi.plugin('editorial-workflow').service('scheduler');
  let failPublication = false;

  beforeAll(() => {
    app.strapi.documents.use(async (context, next) => {
      if (failPublication && context.action === 'publish') throw new Error('Storage unavailable');
      return next();
    });
  });

  async function approvedArticle(title: string) {
    const documentId = await draftAs(focalPoint, title);
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'approve');
    return documentId;
  }

  test('a time in the past is a 400', async () => {
    const documentId = await approvedArticle('Lịch đăng trong quá khứ');
    const response = await applyEvent(editor, documentId, 'schedule', { scheduledAt: '2020-01-01T08:00:00+07:00' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/scheduledAt 2020-01-01T08:00:00\+07:00 is in the past/);
  });

  test('publishes once when due, as the scheduler', async () => {
    const documentId = await approvedArticle('Tin hẹn giờ đăng');
    const dueAt = new Date(Date.parse(daysAhead(30)) - (Date.parse(daysAhead(30)) % 60_000));
    const local = new Date(dueAt.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
    const scheduled = await applyEvent(editor, documentId, 'schedule', { scheduledAt: `${local}:00+07:00` });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.data.scheduledAt).toBe(dueAt.toISOString());

    const early = await scheduler().publishDue(new Date(dueAt.getTime() - 1000));
    expect(early.filter((outcome: { outcome: string }) => outcome.outcome === 'published')).toHaveLength(0);
    expect((await publicArticle(documentId)).status).toBe(404);

    const runs = await Promise.all([scheduler().publishDue(dueAt), scheduler().publishDue(dueAt)]);
    const published = runs.flat().filter((outcome: { outcome: string }) => outcome.outcome === 'published');
    expect(published).toHaveLength(1);
    expect((await publicArticle(documentId)).status).toBe(200);

    const record = await app.strapi.db.query(CASE).findOne({ where: { entryDocumentId: documentId } });
    expect(record.state).toBe('published');
    const entries = await app.strapi.db.query('plugin::editorial-workflow.timeline-entry').findMany({ where: { caseId: record.id, event: 'publish' } });
    expect(entries).toHaveLength(1);
    expect(entries[0].actorKind).toBe('system');
    expect(entries[0].actorName).toBe('Scheduled publisher');
  });

  test('unscheduled items are left alone', async () => {
    const documentId = await approvedArticle('Tin bỏ hẹn giờ');
    expect((await applyEvent(editor, documentId, 'schedule', { scheduledAt: daysAhead(40) })).status).toBe(200);
    expect((await applyEvent(editor, documentId, 'unschedule')).status).toBe(200);
    await scheduler().publishDue(new Date(daysAhead(41)));
    expect((await publicArticle(documentId)).status).toBe(404);
  });

  test('a failure is reported and retried', async () => {
    const documentId = await approvedArticle('Tin đăng lỗi');
    expect((await applyEvent(editor, documentId, 'schedule', { scheduledAt: daysAhead(50) })).status).toBe(200);
    const record = await app.strapi.db.query(CASE).findOne({ where: { entryDocumentId: documentId } });

    failPublication = true;
    let outcomes;
    try {
      outcomes = await scheduler().publishDue(new Date(daysAhead(50, 1)));
    } finally {
      failPublication = false;
    }
    expect(outcomes.find((outcome: { caseId: number }) => outcome.caseId === record.id)).toEqual({ caseId: record.id, outcome: 'failed', error: 'Storage unavailable' });
    expect((await app.strapi.db.query(CASE).findOne({ where: { id: record.id } })).state).toBe('scheduled');
    const failures = await app.strapi.db.query('plugin::editorial-workflow.timeline-entry').findMany({ where: { caseId: record.id, event: 'publish_failed' } });
    expect(failures).toHaveLength(1);
    expect(failures[0].note).toBe('Storage unavailable');
    const message = await app.strapi.db.query('plugin::editorial-workflow.outbox-message').findOne({ where: { caseId: record.id, kind: 'publish_failed' } });
    expect(message.recipientIds).toContain(editor.userId);

    const retry = await scheduler().publishDue(new Date(daysAhead(50, 2)));
    expect(retry.find((outcome: { caseId: number }) => outcome.caseId === record.id)?.outcome).toBe('published');
    expect((await publicArticle(documentId)).status).toBe(200);
  });
});

describe('public notices', () => {
  test('correction and withdrawal notes are public', async () => {
    const documentId = await draftAs(focalPoint, 'Tin có đính chính');
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'approve');
    await applyEvent(editor, documentId, 'publish');
    const unitHead = await loginAs(app, 'unit-head');
    expect((await applyEvent(unitHead, documentId, 'request_correction', { note: 'Sai ngày tổ chức.' })).status).toBe(200);
    const missing = await applyEvent(editor, documentId, 'publish_correction');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/publicNote is required/);
    expect((await applyEvent(editor, documentId, 'publish_correction', { publicNote: 'Đính chính: hội thảo diễn ra ngày 05/12.' })).status).toBe(200);

    const response = await app.http().get(`/api/editorial-workflow/notices?documentId=${documentId}&locale=vi`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({ kind: 'correction', note: 'Đính chính: hội thảo diễn ra ngày 05/12.', documentId, locale: 'vi', contentType: ARTICLE }),
    ]);
  });

  test('withdrawal notice is listed, silent one is not', async () => {
    const response = await app.http().get('/api/editorial-workflow/notices?kind=withdrawal');
    expect(response.status).toBe(200);
    const notes = response.body.data.map((notice: { note: string }) => notice.note);
    expect(notes).toContain('Tin đã được gỡ theo chỉ đạo của Lãnh đạo Bộ.');
    for (const notice of response.body.data) expect(notice.kind).toBe('withdrawal');
  });

  test('unknown kind is a 400', async () => {
    const response = await app.http().get('/api/editorial-workflow/notices?kind=rumour');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('kind "rumour" is invalid; use "correction" or "withdrawal".');
  });
});

describe('queue and dialog data', () => {
  test('queue lists what the role can act on', async () => {
    const documentId = await draftAs(focalPoint, 'Tin trong hàng chờ');
    await applyEvent(focalPoint, documentId, 'submit');
    const forEditor = await app.http().get('/editorial-workflow/queue').set('Authorization', editor.Authorization);
    expect(forEditor.status).toBe(200);
    expect(forEditor.body.data.map((item: { entryDocumentId: string }) => item.entryDocumentId)).toContain(documentId);
    const forLeadership = await app.http().get('/editorial-workflow/queue').set('Authorization', leadership.Authorization);
    expect(forLeadership.body.data.map((item: { entryDocumentId: string }) => item.entryDocumentId)).not.toContain(documentId);
    expect(forLeadership.body.meta.states).toEqual(['on_hold', 'takedown_requested']);
  });

  test('reviewers can be assigned and see their item', async () => {
    const reviewers = await app.http().get('/editorial-workflow/reviewers').set('Authorization', editor.Authorization);
    expect(reviewers.status).toBe(200);
    const boardMember = reviewers.body.data.find((user: { email: string }) => user.email === 'board-member@demo.most.gov.vn');
    expect(boardMember).toBeDefined();
    expect(reviewers.body.data.map((user: { email: string }) => user.email)).not.toContain('leadership@demo.most.gov.vn');

    const documentId = await draftAs(focalPoint, 'Tin cần thẩm định chuyên môn');
    await applyEvent(focalPoint, documentId, 'submit');
    const assigned = await applyEvent(editor, documentId, 'assign_review', { assigneeId: boardMember.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data.assigneeId).toBe(boardMember.id);
    const member = await loginAs(app, 'board-member');
    const queue = await app.http().get('/editorial-workflow/queue').set('Authorization', member.Authorization);
    expect(queue.body.data.map((item: { entryDocumentId: string }) => item.entryDocumentId)).toContain(documentId);
  });

  test('unknown reviewer is a 400', async () => {
    const documentId = await draftAs(focalPoint, 'Tin giao người lạ');
    await applyEvent(focalPoint, documentId, 'submit');
    const response = await applyEvent(editor, documentId, 'assign_review', { assigneeId: 99999 });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('No active admin user has id 99999; choose the reviewing board member from the list.');
  });

  test('reasons come in the requested language', async () => {
    const english = await app.http().get('/editorial-workflow/reasons?locale=en').set('Authorization', editor.Authorization);
    expect(english.body.data).toHaveLength(9);
    expect(english.body.data[4]).toEqual({ code: 'R11.5', label: 'Duplicate of published content' });
    const vietnamese = await app.http().get('/editorial-workflow/reasons?locale=vi').set('Authorization', editor.Authorization);
    expect(vietnamese.body.data[4].label).toBe('Trùng lặp nội dung đã đăng tải');
  });
});

describe('own unit and subject fields', () => {
  test('focal point may not submit another unit\'s item', async () => {
    const documentId = await draftAs(focalPoint, 'Tin của Cục Sở hữu trí tuệ', { unit: 'SHTT' });
    const response = await applyEvent(focalPoint, documentId, 'submit');
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('This item belongs to another unit; you act only on items of your own unit. Ask that unit or the standing editors.');
  });

  test('unit head may request a correction of own unit only', async () => {
    const unitHead = await loginAs(app, 'unit-head');
    const own = await draftAs(focalPoint, 'Tin của trung tâm cần đính chính');
    const other = await draftAs(editor, 'Tin của Vụ Pháp chế cần đính chính', { unit: 'PC' });
    for (const documentId of [own, other]) {
      await applyEvent(documentId === own ? focalPoint : editor, documentId, 'submit');
      await applyEvent(boardHead, documentId, 'approve');
      await applyEvent(boardHead, documentId, 'publish');
    }
    expect((await applyEvent(unitHead, own, 'request_correction', { note: 'Sai chức danh.' })).status).toBe(200);
    expect((await applyEvent(unitHead, other, 'request_correction', { note: 'Sai chức danh.' })).status).toBe(403);
  });

  test('board member approves within their subject fields', async () => {
    const member = await loginAs(app, 'board-member');
    const inField = await draftAs(focalPoint, 'Tin về chuyển đổi số', { subjectField: 'digital-transformation' });
    const outside = await draftAs(focalPoint, 'Tin về sở hữu trí tuệ', { subjectField: 'intellectual-property' });
    await applyEvent(focalPoint, inField, 'submit');
    await applyEvent(focalPoint, outside, 'submit');
    expect((await applyEvent(member, inField, 'approve')).status).toBe(200);
    const refused = await applyEvent(member, outside, 'approve');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/outside the subject fields you review/);
  });

  test('board member may review an item assigned to them', async () => {
    const member = await loginAs(app, 'board-member');
    const documentId = await draftAs(focalPoint, 'Tin giao thẩm định ngoài lĩnh vực', { subjectField: 'intellectual-property' });
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'assign_review', { assigneeId: member.userId });
    expect((await applyEvent(member, documentId, 'request_clarification', { note: 'Đề nghị bổ sung nguồn.' })).status).toBe(200);
  });
});

describe('OpenAPI document', () => {
  test('describes the notices and the admin API', async () => {
    const documentation = app.strapi.plugin('documentation').service('documentation');
    const file = require('node:path').join(documentation.getFullDocumentationPath(), '1.0.0', 'full_documentation.json');
    const spec = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
    expect(spec.paths['/editorial-workflow/notices'].get.summary).toBe('Correction notes and withdrawal notices of published items');
    const apply = spec.paths['/editorial-workflow/documents/{contentType}/{documentId}/events/{event}'].post;
    expect(Object.keys(apply.responses).sort()).toEqual(['200', '400', '403', '404', '409']);
    expect(apply.parameters.find((parameter: { name: string }) => parameter.name === 'event').schema.enum).toContain('force_publish');
    expect(spec.paths['/articles']).toBeDefined();
  });
});

describe('remarks', () => {
  test('a remark joins the timeline and keeps the state', async () => {
    const documentId = await draftAs(focalPoint, 'Tin có ý kiến góp ý');
    await applyEvent(focalPoint, documentId, 'submit');
    const leader = await loginAs(app, 'leadership');
    const response = await applyEvent(leader, documentId, 'remark', { note: 'Đề nghị nêu rõ kết quả hội thảo.' });
    expect(response.status).toBe(200);
    expect(response.body.data.state).toBe('submitted');
    const view = await app.http().get(`/editorial-workflow/documents/${ARTICLE}/${documentId}?locale=vi`).set('Authorization', editor.Authorization);
    const remark = view.body.data.timeline.find((entry: { event: string }) => entry.event === 'remark');
    expect(remark).toMatchObject({ fromState: 'submitted', toState: 'submitted', note: 'Đề nghị nêu rõ kết quả hội thảo.' });
  });

  test('a remark needs a note', async () => {
    const documentId = await draftAs(focalPoint, 'Tin góp ý trống');
    const response = await applyEvent(editor, documentId, 'remark');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/note is required/);
  });
});

describe('deleting published items', () => {
  test('a published item cannot be deleted, a withdrawn one can', async () => {
    const documentId = await draftAs(focalPoint, 'Tin đã đăng không được xóa');
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'approve');
    await applyEvent(editor, documentId, 'publish');

    const viaAdmin = await app
      .http()
      .delete(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', editor.Authorization);
    expect(viaAdmin.status).toBe(403);
    expect(viaAdmin.body.error.message).toMatch(/is published, so it cannot be deleted/);
    const token = await createApiToken(app, 'full-access');
    const viaRest = await app.http().delete(`/api/articles/${documentId}?locale=vi`).set('Authorization', `Bearer ${token}`);
    expect(viaRest.status).toBe(403);
    expect((await publicArticle(documentId)).status).toBe(200);

    await applyEvent(boardHead, documentId, 'request_takedown', { note: 'Không còn phù hợp.' });
    await applyEvent(leadership, documentId, 'approve_takedown', { withdrawal: { mode: 'silent' } });
    const afterWithdrawal = await app
      .http()
      .delete(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', editor.Authorization);
    expect(afterWithdrawal.status).toBe(200);
  });

  test('a draft that was never published can be deleted', async () => {
    const documentId = await draftAs(focalPoint, 'Bản nháp được xóa');
    const response = await app
      .http()
      .delete(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', editor.Authorization);
    expect(response.status).toBe(200);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { documentId } })).toBe(0);
  });
});

describe('edits after approval', () => {
  test('need a new approval before publishing', async () => {
    const documentId = await draftAs(focalPoint, 'Tin sửa sau khi duyệt');
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'approve');
    // Timestamps have millisecond precision: the edit must land after the approval instant.
    await new Promise((resolve) => setImmediate(resolve));
    const edit = await app
      .http()
      .put(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', focalPoint.Authorization)
      .send({ title: 'Tin sửa sau khi duyệt (thêm nội dung chưa duyệt)' });
    expect(edit.status).toBe(200);

    const refused = await applyEvent(editor, documentId, 'publish');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('The item was edited after it was approved; it must be approved again before it is published or scheduled.');
    expect((await applyEvent(focalPoint, documentId, 'approve')).status).toBe(403);
    expect((await applyEvent(editor, documentId, 'approve')).status).toBe(200);
    const again = await applyEvent(editor, documentId, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This item is already approved and has not been edited since; publish or schedule it.');
    expect((await applyEvent(editor, documentId, 'publish')).status).toBe(200);
    expect((await publicArticle(documentId)).body.data.title).toBe('Tin sửa sau khi duyệt (thêm nội dung chưa duyệt)');
  });
});

describe('scheduled item edited after approval', () => {
  test('is unscheduled with a failure report', async () => {
    const documentId = await draftAs(focalPoint, 'Tin hẹn giờ bị sửa');
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'approve');
    expect((await applyEvent(editor, documentId, 'schedule', { scheduledAt: daysAhead(60) })).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    await app
      .http()
      .put(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', focalPoint.Authorization)
      .send({ title: 'Tin hẹn giờ bị sửa sau khi duyệt' });

    await app.strapi.plugin('editorial-workflow').service('scheduler').publishDue(new Date(daysAhead(60, 1)));
    const record = await app.strapi.db.query(CASE).findOne({ where: { entryDocumentId: documentId } });
    expect(record.state).toBe('approved');
    expect(record.scheduledAt).toBeNull();
    const failures = await app.strapi.db.query('plugin::editorial-workflow.timeline-entry').findMany({ where: { caseId: record.id, event: 'publish_failed' } });
    expect(failures).toHaveLength(1);
    expect(failures[0].note).toMatch(/edited after it was approved/);
    expect((await publicArticle(documentId)).status).toBe(404);
  });
});

describe('hardening', () => {
  test('an unknown or repeated locale is a 400', async () => {
    const documentId = await draftAs(focalPoint, 'Tin thử locale lạ');
    const und = await applyEvent(focalPoint, documentId, 'submit', {}, 'und');
    expect(und.status).toBe(400);
    expect(und.body.error.message).toBe('locale "und" is not a locale of the portal; use "vi" or "en".');
    const repeated = await app
      .http()
      .post(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/submit?locale[]=vi&locale[]=en`)
      .set('Authorization', focalPoint.Authorization)
      .send({});
    // Strapi's query parser keeps one value of a repeated parameter, so this acts on a real locale or is refused.
    const stored = await app.strapi.db.query(CASE).findMany({ where: { entryDocumentId: documentId } });
    expect([200, 400]).toContain(repeated.status);
    for (const record of stored) expect(['vi', 'en']).toContain(record.entryLocale);
  });

  test('notices show public text and published titles only', async () => {
    const documentId = await draftAs(focalPoint, 'Tiêu đề đã đăng');
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'approve');
    await applyEvent(editor, documentId, 'publish');
    await applyEvent(spokesperson(), documentId, 'request_correction', { note: 'Sai số liệu.' });
    await applyEvent(editor, documentId, 'publish_correction', { publicNote: 'Đính chính số liệu.', note: 'NỘI BỘ: nguồn là cán bộ X' });
    await app
      .http()
      .put(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=vi`)
      .set('Authorization', boardHead.Authorization)
      .send({ title: 'TIÊU ĐỀ NHÁP CHƯA ĐĂNG' });
    await applyEvent(boardHead, documentId, 'remark', { note: 'Đã xem.' });
    await applyEvent(boardHead, documentId, 'request_takedown', { note: 'Gỡ theo yêu cầu.' });
    await applyEvent(leadership, documentId, 'approve_takedown', { withdrawal: { mode: 'silent' }, note: 'NỘI BỘ: theo chỉ đạo' });

    const response = await app.http().get(`/api/editorial-workflow/notices?documentId=${documentId}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([expect.objectContaining({ kind: 'correction', note: 'Đính chính số liệu.', title: 'Tiêu đề đã đăng' })]);
    expect(JSON.stringify(response.body)).not.toMatch(/NỘI BỘ|NHÁP CHƯA ĐĂNG/);
  });

  test('oversized public notes and far schedules are 400s', async () => {
    const documentId = await draftAs(focalPoint, 'Tin kiểm tra giới hạn');
    await applyEvent(focalPoint, documentId, 'submit');
    await applyEvent(editor, documentId, 'approve');
    const far = await applyEvent(editor, documentId, 'schedule', { scheduledAt: '+275760-09-13T00:00:00.000Z' });
    expect(far.status).toBe(400);
    expect(far.body.error.message).toMatch(/more than a year ahead/);
    await applyEvent(editor, documentId, 'publish');
    await applyEvent(spokesperson(), documentId, 'request_correction', { note: 'Sai.' });
    const huge = await applyEvent(editor, documentId, 'publish_correction', { publicNote: 'x'.repeat(5001) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toBe('publicNote is 5001 characters long; shorten it to at most 5000.');
  });

  test('a focal point may not remark on another unit\'s item', async () => {
    const documentId = await draftAs(editor, 'Tin của Vụ Tổ chức cán bộ', { unit: 'TCCB' });
    const response = await applyEvent(focalPoint, documentId, 'remark', { note: 'Góp ý.' });
    expect(response.status).toBe(403);
  });
});

describe('content-manager scope of unit staff', () => {
  test('unit head edits only own unit items and record', async () => {
    const unitHead = await loginAs(app, 'unit-head');
    const other = await draftAs(editor, 'Tin của Vụ Tổ chức cán bộ để di chuyển', { unit: 'TCCB' });
    const move = await app
      .http()
      .put(`/content-manager/collection-types/${ARTICLE}/${other}?locale=vi`)
      .set('Authorization', unitHead.Authorization)
      .send({ unit: { connect: [{ documentId: await unitId('TTTT'), locale: 'vi' }] } });
    expect(move.status).toBe(403);

    const own = await draftAs(focalPoint, 'Tin của trung tâm do thủ trưởng sửa');
    const edit = await app
      .http()
      .put(`/content-manager/collection-types/${ARTICLE}/${own}?locale=vi`)
      .set('Authorization', unitHead.Authorization)
      .send({ title: 'Tin của trung tâm do thủ trưởng sửa (bản sửa)' });
    expect(edit.status).toBe(200);

    const units = '/content-manager/collection-types/api::organization-unit.organization-unit';
    const takeOver = await app
      .http()
      .put(`${units}/${await unitId('TCCB')}?locale=vi`)
      .set('Authorization', unitHead.Authorization)
      .send({ headEmail: 'unit-head@demo.most.gov.vn' });
    expect(takeOver.status).toBe(403);
    const ownRecord = await app
      .http()
      .put(`${units}/${await unitId('TTTT')}?locale=vi`)
      .set('Authorization', unitHead.Authorization)
      .send({ address: '113 Trần Duy Hưng, Hà Nội (tầng 5)' });
    expect(ownRecord.status).toBe(200);
  });

  test('focal point sees only own unit items', async () => {
    const other = await draftAs(editor, 'Tin riêng của Vụ Pháp chế', { unit: 'PC' });
    const list = await app
      .http()
      .get(`/content-manager/collection-types/${ARTICLE}?locale=vi&pageSize=100`)
      .set('Authorization', focalPoint.Authorization);
    expect(list.status).toBe(200);
    const ids = list.body.results.map((item: { documentId: string }) => item.documentId);
    expect(ids).not.toContain(other);
    const ownId = await draftAs(editor, 'Tin của trung tâm do biên tập viên tạo');
    const again = await app
      .http()
      .get(`/content-manager/collection-types/${ARTICLE}?locale=vi&pageSize=100`)
      .set('Authorization', focalPoint.Authorization);
    expect(again.body.results.map((item: { documentId: string }) => item.documentId)).toContain(ownId);
  });
});

describe('case list filters', () => {
  test('filters by state and content type', async () => {
    const response = await app.http().get(`/editorial-workflow/cases?state=published&contentType=${ARTICLE}&pageSize=100`).set('Authorization', editor.Authorization);
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    for (const item of response.body.data) {
      expect(item.state).toBe('published');
      expect(item.contentType).toBe(ARTICLE);
    }
  });

  test('an unknown state is a 400', async () => {
    const response = await app.http().get('/editorial-workflow/cases?state=lost').set('Authorization', editor.Authorization);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/state "lost" is not a workflow state/);
  });

  test('overdue lists only cases whose publishing clock has passed its due time', async () => {
    const timers = app.strapi.plugin('publication-deadlines').service('timers');
    const overdueIds: number[] = await timers.overdueCaseIds(new Date());
    const response = await app.http().get('/editorial-workflow/cases?overdue=true&pageSize=100').set('Authorization', editor.Authorization);
    expect(response.status).toBe(200);
    const listed = response.body.data.map((record: { id: number }) => record.id);
    expect(listed.every((id: number) => overdueIds.includes(id))).toBe(true);
    expect(response.body.data.every((record: { deadline?: { next: { overdueMs: number } | null } }) => (record.deadline?.next?.overdueMs ?? 0) > 0)).toBe(true);
  });

  test('a malformed overdue flag is a 400', async () => {
    const response = await app.http().get('/editorial-workflow/cases?overdue=yes').set('Authorization', editor.Authorization);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('overdue "yes" is invalid');
  });
});

describe('list parameters', () => {
  test('an oversized page is a 400', async () => {
    const cases = await app.http().get('/editorial-workflow/cases?pageSize=500').set('Authorization', editor.Authorization);
    expect(cases.status).toBe(400);
    expect(cases.body.error.message).toBe('pageSize must be at most 100; received "500".');
    const notices = await app.http().get('/api/editorial-workflow/notices?page=0');
    expect(notices.status).toBe(400);
    expect(notices.body.error.message).toBe('page must be a positive whole number; received "0".');
  });
});

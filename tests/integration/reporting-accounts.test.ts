import { adminToken, createApiToken } from '../helpers/auth';
import { createCase } from '../helpers/reporting-fixtures';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/workflow';

const LOGIN = 'plugin::reporting.login-event';
const ACTION = 'plugin::reporting.admin-action';

let app: TestApp;
let token: string;
const users: Record<'x' | 'y' | 'z' | 'w', number> = { x: 0, y: 0, z: 0, w: 0 };

const report = (path: string) => app.http().get(`/api/reporting/${path}`).set('Authorization', `Bearer ${token}`);

async function createAdmin(email: string, isActive: boolean) {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'most-standing-editor' } });
  const user = await app.strapi.service('admin::user').create({ email, firstname: 'Test', lastname: email.split('@')[0], isActive, roles: [role.id] });
  return user.id as number;
}

const login = (userId: number | null, email: string, outcome: 'success' | 'failure', at: string) =>
  app.strapi.db.query(LOGIN).create({ data: { userId, email, outcome, at: new Date(at), httpStatus: outcome === 'success' ? 200 : 400 } });
const action = (userId: number, kind: string, at: string) => app.strapi.db.query(ACTION).create({ data: { userId, action: kind, at: new Date(at), contentType: 'api::article.article' } });

/**
 * Accounts of the first quarter of 2025, which runs from 2024-12-31T17:00Z to 2025-03-31T17:00Z
 * (Viet Nam midnights). X works all quarter; Y left on 1 February and logged in after; Z is
 * disabled; W last logged in on 1 September 2024, more than 90 days before the quarter ends.
 */
async function seedAccounts() {
  users.x = await createAdmin('x@report.test', true);
  users.y = await createAdmin('y@report.test', true);
  users.z = await createAdmin('z@report.test', false);
  users.w = await createAdmin('w@report.test', true);

  await login(users.x, 'x@report.test', 'success', '2025-01-05T02:00:00Z');
  await login(users.x, 'x@report.test', 'success', '2025-03-31T16:59:59Z');
  await login(users.x, 'x@report.test', 'success', '2025-03-31T17:00:00Z');
  await login(users.x, 'x@report.test', 'failure', '2025-02-01T00:00:00Z');
  await action(users.x, 'content.create', '2025-01-06T00:00:00Z');
  await action(users.x, 'content.update', '2025-01-07T00:00:00Z');
  await action(users.x, 'content.update', '2025-01-07T01:00:00Z');
  await createCase(app, { contentType: 'api::article.article', documentId: 'docX', unit: null, state: 'submitted', events: [{ event: 'remark', at: '2025-02-02T00:00:00Z', actorId: users.x }] });

  await login(users.y, 'y@report.test', 'success', '2025-01-10T00:00:00Z');
  await login(users.y, 'y@report.test', 'success', '2025-02-15T00:00:00Z');
  await app.strapi.db.query('plugin::reporting.account-status').create({ data: { userId: users.y, leftAt: new Date('2025-01-31T17:00:00Z'), note: 'Chuyển công tác' } });

  await login(users.w, 'w@report.test', 'success', '2024-09-01T00:00:00Z');
  await login(null, 'nobody@example.org', 'failure', '2025-03-01T00:00:00Z');
  await login(null, 'nobody@example.org', 'failure', '2025-03-02T00:00:00Z');
}

beforeAll(async () => {
  app = await startTestApp();
  token = await createApiToken(app);
  await seedAccounts();
});

afterAll(async () => {
  await app?.stop();
});

describe('account activity report', () => {
  test('counts logins and actions', async () => {
    const response = await report('account-activity?year=2025&quarter=1');
    expect(response.status).toBe(200);
    const x = response.body.data.accounts.find((row: { id: number }) => row.id === users.x);
    expect(x).toMatchObject({ email: 'x@report.test', roles: ['most-standing-editor'], isActive: true, logins: 2, failedLogins: 1, actionsTotal: 4, dormant: false, leftButActive: false });
    expect(x.actions).toEqual({ login: 2, 'content.create': 1, 'content.update': 2, 'workflow.remark': 1 });
    expect(x.lastActivityAt).toBe('2025-03-31T16:59:59.000Z');
  });

  test('flags accounts of people who left', async () => {
    const response = await report('account-activity?year=2025&quarter=1');
    const y = response.body.data.accounts.find((row: { id: number }) => row.id === users.y);
    expect(y).toMatchObject({ logins: 2, leftAt: '2025-01-31T17:00:00.000Z', leftButActive: true, activityAfterLeaving: 1, dormant: false });
    expect(response.body.data.leftButActive).toEqual([users.y]);
  });

  test('flags dormant enabled accounts', async () => {
    const response = await report('account-activity?year=2025&quarter=1');
    const byId = Object.fromEntries(response.body.data.accounts.map((row: { id: number }) => [row.id, row]));
    expect(byId[users.w]).toMatchObject({ dormant: true, lastActivityAt: '2024-09-01T00:00:00.000Z' });
    expect(byId[users.z]).toMatchObject({ isActive: false, dormant: false, lastActivityAt: null });
    const enabled = await app.strapi.db.query('admin::user').count({ where: { isActive: true } });
    // Every enabled account but X and Y has no activity before the end of the quarter.
    expect(response.body.data.summary.dormantAccounts).toBe(enabled - 2);
  });

  test('counts failed logins by email', async () => {
    const response = await report('account-activity?year=2025&quarter=1');
    expect(response.body.data.failedLogins).toEqual([
      { email: 'nobody@example.org', known: false, failures: 2, lastAt: '2025-03-02T00:00:00.000Z' },
      { email: 'x@report.test', known: true, failures: 1, lastAt: '2025-02-01T00:00:00.000Z' },
    ]);
    expect(response.body.data.summary).toMatchObject({ failedLogins: 3, failedLoginsUnknownEmail: 2, leftButActive: 1 });
  });

  test('second quarter starts at midnight', async () => {
    const response = await report('account-activity?year=2025&quarter=2');
    const x = response.body.data.accounts.find((row: { id: number }) => row.id === users.x);
    expect(x.logins).toBe(1);
    expect(x.actions).toEqual({ login: 1 });
  });

  test('exports accounts as CSV', async () => {
    const response = await report('account-activity?year=2025&quarter=1&format=csv&lang=en');
    expect(response.status).toBe(200);
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Account id,Email,Name,Roles,Enabled,Logins,Failed logins,Actions,Actions by kind,Last activity,Dormant,Left on,Left but still active');
    expect(lines).toContain(`${users.x},x@report.test,Test x,most-standing-editor,yes,2,1,4,content.create=1 content.update=2 workflow.remark=1,2025-03-31T16:59:59.000Z,no,,no`);
  });
});

describe('activity recording', () => {
  test('records successful and failed logins', async () => {
    const before = await app.strapi.db.query(LOGIN).count();
    await adminToken(app);
    const wrong = await app.http().post('/admin/login').send({ email: 'Admin@demo.most.gov.vn', password: 'wrong-password-1' });
    expect(wrong.status).toBe(400);
    const unknown = await app.http().post('/admin/login').send({ email: 'ghost@example.org', password: 'wrong-password-1' });
    expect(unknown.status).toBe(400);
    const rows = await app.strapi.db.query(LOGIN).findMany({ orderBy: { id: 'asc' }, offset: before });
    const admin = await app.strapi.db.query('admin::user').findOne({ where: { email: 'admin@demo.most.gov.vn' } });
    expect(rows.map((row: { outcome: string; userId: number | null; email: string }) => [row.outcome, row.userId, row.email])).toEqual([
      ['success', admin.id, 'admin@demo.most.gov.vn'],
      ['failure', admin.id, 'admin@demo.most.gov.vn'],
      ['failure', null, 'ghost@example.org'],
    ]);
  });

  test('records entry changes by admins', async () => {
    const editor = await loginAs(app, 'standing-editor');
    const created = await app
      .http()
      .post('/content-manager/collection-types/api::article.article?locale=vi')
      .set('Authorization', editor.Authorization)
      .send({ title: 'Tin ghi nhận thao tác', category: 'news' });
    expect(created.status).toBe(201);
    const recorded = await app.strapi.db.query(ACTION).findMany({ where: { userId: editor.userId, entryDocumentId: created.body.data.documentId } });
    expect(recorded.map((row: { action: string }) => row.action)).toEqual(['content.create']);
  });

  test('ignores changes outside admin requests', async () => {
    const before = await app.strapi.db.query(ACTION).count();
    await app.strapi.documents('api::article.article').create({ locale: 'vi', data: { title: 'Tin từ dịch vụ', category: 'news' } as never });
    expect(await app.strapi.db.query(ACTION).count()).toBe(before);
  });
});

describe('departures', () => {
  test('IT administrator marks a departure', async () => {
    const it = await loginAs(app, 'it-administrator');
    const marked = await app.http().put(`/reporting/accounts/${users.x}/departure`).set('Authorization', it.Authorization).send({ leftAt: '2025-03-01', note: 'Nghỉ hưu' });
    expect(marked.status).toBe(200);
    expect(marked.body.data).toMatchObject({ userId: users.x, note: 'Nghỉ hưu' });
    const listed = await app.http().get('/reporting/departures').set('Authorization', it.Authorization);
    expect(listed.body.data.map((row: { userId: number }) => row.userId).sort()).toEqual([users.x, users.y].sort());
    const response = await report('account-activity?year=2025&quarter=1');
    expect(response.body.data.leftButActive.sort()).toEqual([users.x, users.y].sort());
    const removed = await app.http().delete(`/reporting/accounts/${users.x}/departure`).set('Authorization', it.Authorization);
    expect(removed.status).toBe(200);
    const again = await app.http().delete(`/reporting/accounts/${users.x}/departure`).set('Authorization', it.Authorization);
    expect(again.status).toBe(404);
  });

  test('rejects an invalid departure', async () => {
    const it = await loginAs(app, 'it-administrator');
    const badDate = await app.http().put(`/reporting/accounts/${users.x}/departure`).set('Authorization', it.Authorization).send({ leftAt: '2025-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/leftAt is missing or invalid/);
    const noUser = await app.http().put('/reporting/accounts/999999/departure').set('Authorization', it.Authorization).send({ leftAt: '2025-02-01' });
    expect(noUser.status).toBe(404);
  });

  test('editors may not mark departures', async () => {
    const editor = await loginAs(app, 'standing-editor');
    const response = await app.http().put(`/reporting/accounts/${users.x}/departure`).set('Authorization', editor.Authorization).send({ leftAt: '2025-03-01' });
    expect(response.status).toBe(403);
  });
});

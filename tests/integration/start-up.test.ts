import { PORTAL_ROLES } from '../../src/bootstrap/admin-roles';
import { PUBLIC_ACTIONS } from '../../src/bootstrap/public-permissions';

const PLUGIN_PUBLIC_ACTIONS = ['plugin::editorial-workflow.notices.find', 'plugin::publication-deadlines.calendar.find', 'plugin::rejection-reasons.reasons.find'];
import { seedDemoData } from '../../src/seed';
import { startTestApp, type TestApp } from '../helpers/strapi';

describe('with ADMIN_EMAIL and ADMIN_PASSWORD', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ ADMIN_EMAIL: 'Quan.Tri@most.gov.vn', ADMIN_PASSWORD: 'Portal-Admin-2024' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('creates the super admin who can log in', async () => {
    const response = await app.http().post('/admin/login').send({ email: 'quan.tri@most.gov.vn', password: 'Portal-Admin-2024' });
    expect(response.status).toBe(200);
    const user = await app.strapi.db.query('admin::user').findOne({ where: { email: 'quan.tri@most.gov.vn' }, populate: ['roles'] });
    expect(user.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
  });

  test('creates no demo super admin', async () => {
    expect(await app.strapi.service('admin::user').exists({ email: 'admin@demo.most.gov.vn' })).toBe(false);
  });

  test('creates every portal role once', async () => {
    for (const role of PORTAL_ROLES) {
      const count = await app.strapi.db.query('admin::role').count({ where: { code: role.code } });
      expect(count).toBe(1);
    }
  });

  test('gives the standing editor publish rights', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'most-standing-editor' } });
    const permissions = await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id, action: 'plugin::content-manager.explorer.publish' } });
    expect(permissions.map((permission: { subject: string }) => permission.subject)).toContain('api::article.article');
  });

  test('gives the focal point its own and its unit entries', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'most-focal-point' } });
    const permissions = await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id, subject: 'api::article.article' } });
    const actions = permissions.map((permission: { action: string }) => permission.action).sort();
    expect(actions).toEqual(['plugin::content-manager.explorer.create', 'plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.update']);
    const update = permissions.find((permission: { action: string }) => permission.action.endsWith('.update'));
    expect(update.conditions).toEqual(['admin::is-creator', 'plugin::editorial-workflow.own-unit-items']);
    expect(update.properties.locales).toEqual(['vi', 'en']);
    expect(update.properties.fields).toContain('title');
  });

  test('demo focal point can log in and read articles', async () => {
    const login = await app.http().post('/admin/login').send({ email: 'focal-point@demo.most.gov.vn', password: 'Demo-Password-2024' });
    expect(login.status).toBe(200);
    const list = await app
      .http()
      .get('/content-manager/collection-types/api::article.article?locale=vi')
      .set('Authorization', `Bearer ${login.body.data.token}`);
    expect(list.status).toBe(200);
  });

  test('demo leadership cannot create articles', async () => {
    const login = await app.http().post('/admin/login').send({ email: 'leadership@demo.most.gov.vn', password: 'Demo-Password-2024' });
    expect(login.status).toBe(200);
    const response = await app
      .http()
      .post('/content-manager/collection-types/api::article.article?locale=vi')
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .send({ title: 'Không được phép', category: 'news' });
    expect(response.status).toBe(403);
  });

  test('public role holds exactly the read actions', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((permission: { action: string }) => permission.action).sort();
    expect(actions).toEqual([...PUBLIC_ACTIONS, ...PLUGIN_PUBLIC_ACTIONS].sort());
    for (const action of PUBLIC_ACTIONS) expect(action).toMatch(/^api::[a-z-]+\.[a-z-]+\.(find|findOne)$/);
  });

  test('gives existing roles the actions of plugins added since, once', async () => {
    const action = 'plugin::publication-deadlines.manage-calendar';
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'most-board-head' } });
    const held = () => app.strapi.db.query('admin::permission').count({ where: { role: { id: role.id }, action } });
    const store = () => app.strapi.store({ type: 'core', name: 'portal' });
    expect(await held()).toBe(1);

    // A database from before the plugin: the role lacks the action and it was never given.
    await app.strapi.db.query('admin::permission').deleteMany({ where: { role: { id: role.id }, action } });
    const given = (await store().get({ key: 'plugin-grants' })) as string[];
    await store().set({ key: 'plugin-grants', value: given.filter((entry) => entry !== `most-board-head|${action}`) });
    await app.restart();
    expect(await held()).toBe(1);

    // An IT administrator removes it: it stays removed.
    await app.strapi.db.query('admin::permission').deleteMany({ where: { role: { id: role.id }, action } });
    await app.restart();
    expect(await held()).toBe(0);
  });

  test('seeding again changes nothing', async () => {
    const before = await app.strapi.db.query('api::article.article').count();
    expect(before).toBeGreaterThan(0);
    expect(await seedDemoData(app.strapi)).toBe(false);
    expect(await app.strapi.db.query('api::article.article').count()).toBe(before);
  });

  test('the demo covers every kind the portal opens with', async () => {
    const published = (uid: string) => app.strapi.documents(uid as never).count({ status: 'published', locale: 'vi' } as never);
    expect(await published('api::legal-document.legal-document')).toBe(2);
    expect(await published('api::article.article')).toBeGreaterThanOrEqual(3);
    expect(await published('api::draft-regulation.draft-regulation')).toBe(1);
    expect(await published('api::member-portal.member-portal')).toBe(1);
    expect(await app.strapi.documents('api::question.question').count({ status: 'published' } as never)).toBe(1);
    const units = await app.strapi.documents('api::organization-unit.organization-unit').findMany({ locale: 'vi' });
    const abbreviations = units.map((unit) => unit.abbreviation);
    expect(abbreviations).toEqual(expect.arrayContaining(['VP', 'KHTC', 'TCCB', 'TTCNTT', 'TTTT']));
  });
});

describe('with a weak ADMIN_PASSWORD', () => {
  test('start-up fails and names the variable', async () => {
    await expect(startTestApp({ ADMIN_EMAIL: 'weak@most.gov.vn', ADMIN_PASSWORD: 'password' })).rejects.toThrow(
      /ADMIN_PASSWORD is too weak for the admin panel: it needs an upper-case letter, a digit/
    );
  });
});

describe('with SEED_DEMO_DATA=false', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('starts empty but with roles and locales', async () => {
    expect(await app.strapi.db.query('api::legal-document.legal-document').count()).toBe(0);
    expect(await app.strapi.db.query('admin::role').count({ where: { code: 'most-board-member' } })).toBe(1);
    const response = await app.http().get('/api/legal-documents?locale=vi');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
  });
});

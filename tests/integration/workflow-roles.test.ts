import { PORTAL_ROLES } from '../../src/bootstrap/admin-roles';
import { EVENT_NAMES, targetOf, TRANSITIONS } from '../../plugins/editorial-workflow/server/src/state-machine';
import { startTestApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/workflow';

const ARTICLE = 'api::article.article';
const CASE = 'plugin::editorial-workflow.case';

let app: TestApp;
const sessions = new Map<string, Awaited<ReturnType<typeof loginAs>>>();
let unitId: string;
let fieldId: string;
let superAdminId: number;

beforeAll(async () => {
  app = await startTestApp();
  for (const role of PORTAL_ROLES) sessions.set(role.code, await loginAs(app, role.code.replace(/^most-/, '')));
  unitId = (await app.strapi.documents('api::organization-unit.organization-unit').findFirst({ locale: 'vi', filters: { abbreviation: 'TTTT' } })).documentId;
  fieldId = (await app.strapi.documents('api::subject-field.subject-field').findFirst({ locale: 'vi', filters: { code: 'digital-transformation' } })).documentId;
  superAdminId = (await app.strapi.db.query('admin::user').findOne({ where: { email: 'admin@demo.most.gov.vn' } })).id;
});

afterAll(async () => {
  await app?.stop();
});

/** Creates a draft of the focal point's unit and subject field, with its case in the given state. */
async function caseIn(state: string) {
  const draft = await app.strapi.documents(ARTICLE).create({
    locale: 'vi',
    data: { title: `Tin kiểm tra vai trò ${state}`, category: 'news', unit: unitId, subjectFields: [fieldId] } as never,
  });
  if (state !== 'draft') {
    await app.strapi.db.query(CASE).create({
      data: { contentType: ARTICLE, entryDocumentId: draft.documentId, entryLocale: 'vi', state, forcePublishedById: superAdminId },
    });
  }
  return draft.documentId as string;
}

const input = async () => ({
  note: 'Ghi chú kiểm tra.',
  reasons: ['R11.1'],
  assigneeId: sessions.get('most-board-member')!.userId,
  scheduledAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  publicNote: 'Đính chính kiểm tra.',
  withdrawal: { mode: 'silent' },
});

const cases = PORTAL_ROLES.flatMap((role) =>
  EVENT_NAMES.map((event) => [role.code, event, role.workflow.includes(TRANSITIONS[event].permission)] as const)
);

test.each(cases)('%s applying %s (allowed: %s)', async (roleCode, event, allowed) => {
  const documentId = await caseIn(TRANSITIONS[event].from[0]);
  const response = await app
    .http()
    .post(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/${event}?locale=vi`)
    .set('Authorization', sessions.get(roleCode)!.Authorization)
    .send(await input());
  if (allowed) {
    expect(response.body.error?.message).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.body.data.state).toBe(targetOf(event, TRANSITIONS[event].from[0]));
  } else {
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/^Your role may not /);
  }
});

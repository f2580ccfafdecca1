import type { TestApp } from './strapi';

const TEST_ACTOR = { kind: 'system', name: 'Test fixture' } as const;

/** Publishes one locale of a document through the editorial workflow, as a system actor. */
export async function publishThroughWorkflow(app: TestApp, uid: string, documentId: string, locale?: string) {
  const transitions = app.strapi.plugin('editorial-workflow').service('transitions');
  for (const event of ['submit', 'approve', 'publish']) {
    const result = await transitions.apply({ uid, documentId, locale, event, actor: TEST_ACTOR, silent: true });
    if (!result.ok) throw new Error(`${event} failed for ${uid} ${documentId} ${locale}: ${result.refusals.join(' ')}`);
  }
}

/** Logs in a demo account and returns an agent-ready bearer header. */
export async function loginAs(app: TestApp, role: string): Promise<{ Authorization: string; userId: number }> {
  const email = role === 'admin' ? 'admin@demo.most.gov.vn' : `${role}@demo.most.gov.vn`;
  const response = await app.http().post('/admin/login').send({ email, password: 'Demo-Password-2024' });
  if (response.status !== 200) throw new Error(`Login of ${email} failed: ${response.status}`);
  return { Authorization: `Bearer ${response.body.data.token}`, userId: response.body.data.user.id };
}

import type { TestApp } from './strapi';

export const DEMO_SUPER_ADMIN = { email: 'admin@demo.most.gov.vn', password: 'Demo-Password-2024' };

/** Creates an API token of the given type and returns its access key. */
export async function createApiToken(app: TestApp, type: 'full-access' | 'read-only' = 'full-access'): Promise<string> {
  const token = await app.strapi.service('admin::api-token').create({
    name: `test-${type}-${Date.now()}-${Math.random().toString(16).slice(2)}`,
    description: 'Created by the test suite',
    type,
    lifespan: null,
  });
  return token.accessKey;
}

/** Logs in to the admin API and returns the JWT of the session. */
export async function adminToken(app: TestApp, credentials = DEMO_SUPER_ADMIN): Promise<string> {
  const response = await app.http().post('/admin/login').send(credentials);
  if (response.status !== 200) {
    throw new Error(`Admin login failed for ${credentials.email}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.data.token;
}

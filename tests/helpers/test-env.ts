// Environment of every test worker: fixed secrets, quiet logs, and a known demo password so that
// the seed prints nothing. The database settings are chosen per test file by startTestApp().
const TEST_SECRETS: Record<string, string> = {
  APP_KEYS: 'testKeyA,testKeyB,testKeyC,testKeyD',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
};

for (const [name, value] of Object.entries(TEST_SECRETS)) process.env[name] = value;
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
process.env.DEMO_USER_PASSWORD = 'Demo-Password-2024';
process.env.CRON_ENABLED = 'false';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.STRAPI_DISABLE_UPDATE_NOTIFICATION = 'true';
process.env.BROWSER = 'none';
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;

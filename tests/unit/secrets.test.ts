import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each test loads a fresh copy of the module, because it caches the development secrets.
const loadSecrets = () => {
  let loaded: typeof import('../../src/utils/secrets');
  jest.isolateModules(() => {
    loaded = require('../../src/utils/secrets');
  });
  return loaded!;
};

const saved = { ...process.env };
let secretsDir: string;

beforeEach(() => {
  secretsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'most-secrets-'));
  process.env.STRAPI_DEV_SECRETS_DIR = secretsDir;
});

afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(secretsDir, { recursive: true, force: true });
});

describe('production', () => {
  beforeEach(() => {
    process.env.NODE_ENV = 'production';
  });

  test('missing secret names the variable', () => {
    delete process.env.JWT_SECRET;
    expect(() => loadSecrets().readSecret('JWT_SECRET')).toThrow(/The secret JWT_SECRET is not set\. Set JWT_SECRET in the environment/);
  });

  test('every unusable secret is named at once', () => {
    for (const name of ['APP_KEYS', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY']) process.env[name] = 'c2VjcmV0LXZhbHVl';
    delete process.env.JWT_SECRET;
    process.env.ADMIN_JWT_SECRET = 'tobemodified';
    expect(() => loadSecrets().readSecret('JWT_SECRET')).toThrow(/These secrets are missing or example values too: ADMIN_JWT_SECRET\.$/);
  });

  test('example value is rejected', () => {
    process.env.ADMIN_JWT_SECRET = 'tobemodified';
    expect(() => loadSecrets().readSecret('ADMIN_JWT_SECRET')).toThrow(/ADMIN_JWT_SECRET still holds an example value/);
  });

  test('one example key among APP_KEYS is rejected', () => {
    process.env.APP_KEYS = 'a8f1e2,tobemodified';
    expect(() => loadSecrets().readSecretList('APP_KEYS')).toThrow(/APP_KEYS still holds an example value/);
  });

  test('real secret is returned', () => {
    process.env.API_TOKEN_SALT = 'c2VjcmV0LXNhbHQtZm9yLXRlc3Rz';
    expect(loadSecrets().readSecret('API_TOKEN_SALT')).toBe('c2VjcmV0LXNhbHQtZm9yLXRlc3Rz');
  });

  test('no development file is written', () => {
    delete process.env.JWT_SECRET;
    expect(() => loadSecrets().readSecret('JWT_SECRET')).toThrow();
    expect(fs.existsSync(path.join(secretsDir, 'dev-secrets.json'))).toBe(false);
  });
});

describe('development', () => {
  beforeEach(() => {
    process.env.NODE_ENV = 'development';
    for (const name of ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) delete process.env[name];
  });

  test('missing secrets are generated once and kept', () => {
    const first = loadSecrets();
    const keys = first.readSecretList('APP_KEYS');
    expect(keys).toHaveLength(4);
    const jwt = first.readSecret('JWT_SECRET');
    expect(jwt.length).toBeGreaterThanOrEqual(40);

    const stored = JSON.parse(fs.readFileSync(path.join(secretsDir, 'dev-secrets.json'), 'utf8'));
    expect(stored.JWT_SECRET).toBe(jwt);
    expect(fs.statSync(path.join(secretsDir, 'dev-secrets.json')).mode & 0o777).toBe(0o600);

    expect(loadSecrets().readSecret('JWT_SECRET')).toBe(jwt);
  });

  test('environment value wins over the generated one', () => {
    process.env.JWT_SECRET = 'from-the-environment';
    expect(loadSecrets().readSecret('JWT_SECRET')).toBe('from-the-environment');
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets that Strapi needs. In production each one must come from the environment. In
 * development and test a missing one is generated once and kept in `.tmp/dev-secrets.json`,
 * so that a fresh clone starts without an `.env` file.
 */
export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];

// Values that appear in .env.example or in Strapi's own templates: a production start with one
// of them would run with a secret that anyone can read.
const EXAMPLE_VALUES = new Set(['tobemodified', 'changeme', 'change-me', 'replace-me', 'secret']);


const devSecretsFile = () => path.join(process.env.STRAPI_DEV_SECRETS_DIR ?? path.join(projectRoot(), '.tmp'), 'dev-secrets.json');

/** Returns the project root whether this file runs from `src/` (ts-node) or `dist/src/`. */
function projectRoot(): string {
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && !dir.endsWith(`${path.sep}dist`)) {
      return dir;
    }
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function isExampleValue(value: string): boolean {
  return value
    .split(',')
    .some((part) => EXAMPLE_VALUES.has(part.trim().toLowerCase()) || part.trim() === '');
}

function generate(name: SecretName): string {
  const random = () => crypto.randomBytes(32).toString('base64');
  return name === 'APP_KEYS' ? [random(), random(), random(), random()].join(',') : random();
}

let cachedDevSecrets: Record<string, string> | undefined;

function loadDevSecrets(): Record<string, string> {
  if (cachedDevSecrets) return cachedDevSecrets;
  const file = devSecretsFile();
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) {
    stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  let changed = false;
  for (const name of SECRET_NAMES) {
    if (!stored[name]) {
      stored[name] = generate(name);
      changed = true;
    }
  }
  if (changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  cachedDevSecrets = stored;
  return stored;
}

/**
 * Reads a secret from the environment. In production it throws when the secret is missing or
 * still an example value. Other environments fall back to a generated development secret.
 */
export function readSecret(name: SecretName): string {
  const value = process.env[name];
  const production = process.env.NODE_ENV === 'production';

  if (value && !isExampleValue(value)) return value;

  if (production) {
    // Name every unusable secret at once, so that an operator fixes them in one go.
    const unusable = SECRET_NAMES.filter((other) => !process.env[other] || isExampleValue(process.env[other] as string));
    const problem = value ? 'still holds an example value' : 'is not set';
    const others = unusable.filter((other) => other !== name);
    throw new Error(
      `The secret ${name} ${problem}. Set ${name} in the environment to a long random value ` +
        `(for example \`openssl rand -base64 32\`${name === 'APP_KEYS' ? ', four of them separated by commas' : ''}); .env.example lists every secret.` +
        (others.length > 0 ? ` These secrets are missing or example values too: ${others.join(', ')}.` : '')
    );
  }
  return loadDevSecrets()[name];
}

export function readSecretList(name: SecretName): string[] {
  return readSecret(name)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

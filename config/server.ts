import { readSecretList } from '../src/utils/secrets';

export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  proxy: env.bool('TRUST_PROXY', false),
  app: {
    keys: readSecretList('APP_KEYS'),
  },
  // Periodic jobs of the plugins register themselves; each takes a database lock of its own.
  cron: {
    enabled: env.bool('CRON_ENABLED', true),
  },
});

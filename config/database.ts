import path from 'node:path';

/**
 * SQLite is the embedded default for development and demos; `DATABASE_CLIENT=postgres` selects
 * PostgreSQL, configured by `DATABASE_URL` or by host, port, name, user and password.
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const ssl = env.bool('DATABASE_SSL', false)
      ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
      : false;
    const connection = env('DATABASE_URL')
      ? { connectionString: env('DATABASE_URL'), ssl }
      : {
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'most_portal'),
          user: env('DATABASE_USERNAME', 'postgres'),
          password: env('DATABASE_PASSWORD', ''),
          ssl,
        };
    return {
      connection: {
        client: 'postgres',
        connection: { ...connection, schema: env('DATABASE_SCHEMA', 'public') },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(
      `DATABASE_CLIENT=${client} is not supported. Use "sqlite" (the default) or "postgres".`
    );
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Compiled config runs from dist/config, so the project root is two levels up.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };
};

import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createStrapi, type Core } from '@strapi/strapi';
import supertest from 'supertest';
import { createTestDatabase, type TestDatabase } from './databases';

const appDir = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  /** supertest bound to the running HTTP server. */
  http: () => supertest.Agent;
  /** Base URL of the server, listening on a free loopback port. */
  baseUrl: string;
  /** Stops Strapi and boots it again on the same database, as a server restart does. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Boots the compiled application on a fresh database and listens on a free loopback port. The
 * bootstrap runs as in development: locales, roles, permissions and the demo data.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const overrides = { ...database.env, ...env };
  const previous = Object.fromEntries(Object.keys(overrides).map((key) => [key, process.env[key]]));
  Object.assign(process.env, overrides);
  const restoreEnv = () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };

  const boot = async () => {
    const instance = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
    try {
      await instance.load();
      instance.server.mount();
      await new Promise<void>((resolve) => instance.server.httpServer.listen(0, '127.0.0.1', resolve));
    } catch (error) {
      await instance.destroy().catch(() => undefined);
      throw error;
    }
    return instance;
  };

  let running: Core.Strapi;
  try {
    running = await boot();
  } catch (error) {
    await database.drop();
    restoreEnv();
    throw error;
  }

  return {
    get strapi() {
      return running;
    },
    http: () => supertest.agent(running.server.httpServer),
    get baseUrl() {
      return `http://127.0.0.1:${(running.server.httpServer.address() as AddressInfo).port}`;
    },
    async restart() {
      await running.destroy();
      running = await boot();
    },
    async stop() {
      await running.destroy();
      await database.drop();
      restoreEnv();
    },
  };
}

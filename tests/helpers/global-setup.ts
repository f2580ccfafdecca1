import path from 'node:path';
import { compileStrapi } from '@strapi/strapi';

/** Compiles the TypeScript application to dist/ once for the whole run. */
export default async function globalSetup() {
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
}

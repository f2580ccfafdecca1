import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { compileStrapi } from '@strapi/strapi';

const appDir = path.resolve(__dirname, '..', '..');

/** Compiles the local plugins and the TypeScript application to dist/ once for the whole run. */
export default async function globalSetup() {
  execFileSync(process.execPath, [path.join(appDir, 'scripts', 'build-plugins.js')], { stdio: 'inherit' });
  await compileStrapi({ appDir });
}

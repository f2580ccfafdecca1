#!/usr/bin/env node
'use strict';

// Compiles the TypeScript server code of every local plugin under plugins/ to its dist/ folder.
// Strapi loads plugin server code only as JavaScript, so this runs before develop, build and tests.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const pluginsDir = path.join(root, 'plugins');
const tsc = require.resolve('typescript/bin/tsc');

for (const name of fs.readdirSync(pluginsDir).sort()) {
  const tsconfig = path.join(pluginsDir, name, 'tsconfig.json');
  if (!fs.existsSync(tsconfig)) continue;
  fs.rmSync(path.join(pluginsDir, name, 'dist'), { recursive: true, force: true });
  process.stdout.write(`Compiling plugin ${name}\n`);
  execFileSync(process.execPath, [tsc, '-p', tsconfig], { stdio: 'inherit' });
}

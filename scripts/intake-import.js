#!/usr/bin/env node
'use strict';

// Imports .eml files into the email intake: npm run intake:import -- [--dry-run] [--mailbox ADDRESS] <file or folder>...
// Each message goes through the same pipeline as IMAP and SMTP mail. With --dry-run nothing is
// written: the draft that each message would become is printed as JSON on standard output.
const fs = require('node:fs');
const path = require('node:path');
const { SingleBar, Presets } = require('cli-progress');

const USAGE = `Usage: npm run intake:import -- [--dry-run] [--mailbox ADDRESS] <file or folder>...

  --dry-run          write nothing; print the draft each message would become, as JSON
  --mailbox ADDRESS  intake mailbox the messages were sent to (default: read from To, Cc, Delivered-To)

Folders are searched recursively for *.eml files. The exit status is 1 when a message failed.`;

function parseArguments(argv) {
  const options = { dryRun: false, mailbox: undefined, paths: [] };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--dry-run') options.dryRun = true;
    else if (argument === '--mailbox') options.mailbox = argv[++index] ?? '';
    else if (argument === '--help' || argument === '-h') options.help = true;
    else if (argument.startsWith('--')) throw new Error(`Unknown option ${argument}.\n\n${USAGE}`);
    else options.paths.push(argument);
  }
  if (!options.help && options.paths.length === 0) throw new Error(`No file or folder given.\n\n${USAGE}`);
  if (options.mailbox === '') throw new Error('--mailbox needs an address, such as stc@most.gov.vn.');
  return options;
}

/** Lists the .eml files of the arguments: files as given, folders recursively, in name order. */
function collectFiles(paths) {
  const files = [];
  const visit = (target) => {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${target} does not exist; give an .eml file or a folder of them.`);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) {
        const child = path.join(target, entry);
        if (fs.statSync(child).isDirectory() || /\.eml$/i.test(entry)) visit(child);
      }
    } else {
      files.push(target);
    }
  };
  paths.forEach(visit);
  return files;
}

async function loadStrapi() {
  // The import works on the database of the application, without its listeners and jobs.
  process.env.EMAIL_INTAKE_SMTP_ENABLED = 'false';
  process.env.EMAIL_INTAKE_IMAP_ENABLED = 'false';
  process.env.CRON_ENABLED = 'false';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..');
  if (!fs.existsSync(path.join(appDir, 'plugins', 'email-intake', 'dist'))) require('./build-plugins');
  const { distDir } = await compileStrapi({ appDir });
  const strapi = createStrapi({ appDir, distDir });
  strapi.log.level = process.env.LOG_LEVEL ?? 'warn';
  await strapi.load();
  return strapi;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const files = collectFiles(options.paths);

  const strapi = await loadStrapi();
  const pipeline = strapi.plugin('email-intake').service('pipeline');
  const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  const counts = {};
  let failures = 0;

  bar.start(files.length, 0, { file: '' });
  try {
    for (const file of files) {
      bar.update({ file: path.basename(file) });
      let outcome;
      try {
        outcome = await pipeline.process({ raw: fs.readFileSync(file), source: 'cli', mailbox: options.mailbox, dryRun: options.dryRun });
      } catch (error) {
        outcome = { status: 'failed', error: error.message };
      }
      counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
      if (outcome.status === 'failed') failures += 1;
      const report = options.dryRun && outcome.preview ? { file, ...outcome.preview } : { file, ...outcome };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      bar.increment();
    }
  } finally {
    bar.stop();
    await strapi.destroy();
  }

  process.stderr.write(`${files.length} message(s): ${Object.entries(counts).map(([status, count]) => `${count} ${status}`).join(', ') || 'none'}.\n`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
);

#!/usr/bin/env node
'use strict';

// Measures the publication-deadlines plugin:
// 1. working-day arithmetic: calls per second of "add N working days" and "working days
//    between" with the plugin's week arithmetic, against a plain day-by-day loop;
// 2. the sweep on PostgreSQL with 100,000 open timers of which 100 have a reminder due.
// Usage: npm run build:plugins && node bench/deadlines.js  (PostgreSQL on 127.0.0.1:5432, trust auth)
const crypto = require('node:crypto');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');

const dist = path.join(__dirname, '..', 'plugins', 'publication-deadlines', 'dist');
const { ANNOUNCED_YEARS } = require(`${dist}/calendar/announced`);
const { dayOf } = require(`${dist}/calendar/days`);
const { proposeYear } = require(`${dist}/calendar/statutory`);
const { DayByDayCalendar, WorkingCalendar } = require(`${dist}/calendar/working-calendar`);

const TIMERS = Number(process.env.BENCH_TIMERS ?? 100000);
const DUE = 100;
const SWEEPS = 20;
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function specialDays() {
  const days = [];
  for (let year = 2000; year <= 2100; year += 1) {
    const announced = ANNOUNCED_YEARS.find((table) => table.year === year);
    for (const entry of announced ? announced.entries : proposeYear(year)) days.push({ day: dayOf(entry.date), kind: entry.kind });
  }
  return days;
}

/** Calls per second of fn over the inputs, repeated for about one second. */
function rate(fn, inputs) {
  let calls = 0;
  let sink = 0;
  const started = performance.now();
  while (performance.now() - started < 1000) {
    for (const input of inputs) sink += fn(input);
    calls += inputs.length;
  }
  if (sink === Number.MIN_SAFE_INTEGER) process.stdout.write('');
  return calls / ((performance.now() - started) / 1000);
}

function arithmetic() {
  const fast = new WorkingCalendar(specialDays());
  const slow = new DayByDayCalendar(specialDays());
  const first = dayOf('2024-01-01');
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const rows = [];
  for (const n of [1, 3, 20, 250]) {
    const inputs = Array.from({ length: 1000 }, () => ({ day: first + Math.floor(random() * 1000), n }));
    rows.push([`add ${n} working days`, rate(({ day, n: count }) => fast.addWorkingDays(day, count), inputs), rate(({ day, n: count }) => slow.addWorkingDays(day, count), inputs)]);
  }
  for (const span of [7, 90, 365 * 3]) {
    const inputs = Array.from({ length: 1000 }, () => {
      const from = first + Math.floor(random() * 1000);
      return { from, to: from + span };
    });
    rows.push([`working days between, ${span}-day span`, rate(({ from, to }) => fast.workingDaysBetween(from, to), inputs), rate(({ from, to }) => slow.workingDaysBetween(from, to), inputs)]);
  }
  process.stdout.write('\n| operation | week arithmetic (calls/s) | day by day (calls/s) | ratio |\n|---|---|---|---|\n');
  for (const [name, quick, loop] of rows) {
    process.stdout.write(`| ${name} | ${Math.round(quick).toLocaleString('en')} | ${Math.round(loop).toLocaleString('en')} | ${(quick / loop).toFixed(1)}× |\n`);
  }
}

async function sweep() {
  const database = `most_bench_deadlines_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  Object.assign(process.env, {
    APP_KEYS: 'benchA,benchB',
    API_TOKEN_SALT: 'bench-salt',
    ADMIN_JWT_SECRET: 'bench-admin-jwt',
    TRANSFER_TOKEN_SALT: 'bench-transfer',
    JWT_SECRET: 'bench-jwt',
    ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: url,
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    CRON_ENABLED: 'false',
    SEED_DEMO_DATA: 'false',
    DEMO_USER_PASSWORD: 'Bench-Password-2026',
  });
  const { createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..');
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  try {
    await strapi.load();
    const knex = strapi.db.connection;
    const now = new Date('2026-12-07T09:00:00+07:00');
    const later = new Date(now.getTime() + 30 * 86400000).toISOString();
    process.stdout.write(`\nInserting ${TIMERS.toLocaleString('en')} running timers...\n`);
    for (let offset = 0; offset < TIMERS; offset += 1000) {
      const rows = [];
      for (let index = offset; index < Math.min(TIMERS, offset + 1000); index += 1) {
        rows.push({
          document_id: crypto.randomBytes(12).toString('hex'),
          case_id: index + 1,
          rule_code: 'D4',
          duty: 'board_publishes',
          content_type: 'api::article.article',
          entry_document_id: crypto.randomBytes(12).toString('hex'),
          entry_locale: 'vi',
          start_at: now.toISOString(),
          start_source: 'receipt',
          due_at: new Date(now.getTime() + 12 * 3600000).toISOString(),
          duration: JSON.stringify({ unit: 'hours', amount: 12 }),
          status: 'running',
          extension_ms: 0,
          generation: 1,
          reminder_cursor: 0,
          next_reminder_at: later,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        });
      }
      await knex('publication_deadline_timers').insert(rows);
    }
    await knex.raw('ANALYZE publication_deadline_timers');
    const sweepService = strapi.plugin('publication-deadlines').service('sweep');
    const times = [];
    for (let round = 0; round < SWEEPS; round += 1) {
      // Make the reminders of another 100 timers fall due: the 50 % point of a 12-hour clock.
      const ids = await knex('publication_deadline_timers').select('id').where('reminder_cursor', 0).orderBy('id').offset(round * DUE).limit(DUE);
      await knex('publication_deadline_timers')
        .whereIn('id', ids.map((row) => row.id))
        .update({ next_reminder_at: new Date(now.getTime() + 6 * 3600000).toISOString() });
      const started = performance.now();
      const result = await sweepService.run(new Date(now.getTime() + 6 * 3600000 + 60000));
      times.push(performance.now() - started);
      if (result.handled !== DUE) throw new Error(`Sweep ${round} handled ${result.handled} timers, expected ${DUE}.`);
    }
    const plan = await knex.raw(
      "EXPLAIN SELECT * FROM publication_deadline_timers WHERE next_reminder_at <= now() AND status IN ('running', 'breached') ORDER BY next_reminder_at LIMIT 500"
    );
    times.sort((a, b) => a - b);
    const at = (fraction) => times[Math.min(times.length - 1, Math.ceil(fraction * times.length) - 1)];
    process.stdout.write(`\nSweep of ${DUE} due timers among ${TIMERS.toLocaleString('en')}, ${SWEEPS} runs:\n`);
    process.stdout.write(`| p50 ms | p95 ms | max ms |\n|---|---|---|\n| ${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)} | ${times[times.length - 1].toFixed(1)} |\n`);
    process.stdout.write(`\nQuery plan of the sweep's lookup:\n${plan.rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n')}\n`);
  } finally {
    await strapi.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  arithmetic();
  if (process.env.BENCH_SKIP_SWEEP !== 'true') await sweep();
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

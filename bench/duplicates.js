#!/usr/bin/env node
'use strict';

// Measures the near-duplicate check (R11.5) of the rejection-reasons plugin against 100,000
// published items, on PostgreSQL (pg_trgm) and on SQLite (the same similarity in JavaScript).
// For each database it boots the compiled application in this process on a fresh database,
// inserts the fingerprints of BENCH_ITEMS published items straight into their table, then times
// the plugin's `duplicates.closest` for BENCH_QUERIES submissions: half near-copies of a stored
// item (a few words changed), half new text.
// Usage: npm run build && node bench/duplicates.js  (PostgreSQL on 127.0.0.1:5432, trust auth)
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');

const appDir = path.resolve(__dirname, '..');
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const DATABASES = (process.env.BENCH_DATABASES ?? 'postgres,sqlite').split(',');
const THRESHOLD = 0.7;
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const { bandKeys, fingerprintOf, trigramCount } = require(path.join(appDir, 'plugins/rejection-reasons/dist/checks/trigrams.js'));

Object.assign(process.env, {
  APP_KEYS: 'benchA,benchB,benchC,benchD',
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  JWT_SECRET: 'bench-jwt-secret',
  ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef',
  NODE_ENV: 'development',
  LOG_LEVEL: 'error',
  CRON_ENABLED: 'false',
  SEED_DEMO_DATA: 'false',
});

// A seeded generator, so that every run and both databases get the same items.
let state = 20261204;
const random = () => {
  // mulberry32: 32-bit integer steps, exact in JavaScript numbers.
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

// Vietnamese words and phrases of the portal regulation give the text realistic trigrams.
const corpus = fs.readFileSync(path.join(appDir, 'database/seed/decision-400-QD-BKHCN-2024.vi.txt'), 'utf8').split(/\s+/).filter((word) => /\p{L}/u.test(word));
const vocabulary = [...new Set(corpus)];

/** An item: a window of the regulation with 40 % of its words replaced, so items differ from each other. */
function makeItem() {
  const start = Math.floor(random() * (corpus.length - 120));
  const words = corpus.slice(start, start + 110).map((word) => (random() < 0.4 ? pick(vocabulary) : word));
  words.push(String(Math.floor(random() * 1e6)));
  return { title: words.slice(0, 14).join(' '), body: words.slice(14).join(' ') };
}

/** A near-copy: the same text with two or three words changed and different spacing and case. */
function nearCopy(item) {
  const words = item.body.split(' ');
  for (let index = 0; index < 3; index += 1) words[Math.floor(random() * words.length)] = pick(vocabulary);
  return { title: item.title.toUpperCase(), body: words.join('  ') };
}

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(kind) {
  const suffix = `${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  if (kind === 'sqlite') {
    const file = path.join(os.tmpdir(), `most-bench-duplicates-${suffix}.db`);
    return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file }, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const name = `most_bench_duplicates_${suffix}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`));
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  return { env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url }, drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

async function insertItems(strapi, items) {
  const knex = strapi.db.connection;
  const now = new Date();
  const rows = items.map((item, index) => {
    const fingerprint = fingerprintOf(item);
    return {
      document_id: `bench${index}`,
      content_type: 'api::article.article',
      entry_document_id: `bench-article-${index}`,
      entry_locale: 'vi',
      title: item.title,
      fingerprint,
      trigram_count: trigramCount(fingerprint),
      item_published_at: now,
      created_at: now,
      updated_at: now,
    };
  });
  // SQLite accepts at most 500 rows in one multi-row insert.
  const batch = strapi.db.dialect.client === 'postgres' ? 1000 : 100;
  await knex.transaction(async (trx) => {
    const ids = [];
    for (let start = 0; start < rows.length; start += batch) {
      const inserted = await trx('rejection_reason_fingerprints').insert(rows.slice(start, start + batch)).returning('id');
      ids.push(...inserted.map((row) => (typeof row === 'object' ? row.id : row)));
    }
    const bands = rows.flatMap((row, index) => bandKeys(row.fingerprint).map((key) => ({ band_key: key, fingerprint_id: ids[index], document_id: `bench${index}`, created_at: now, updated_at: now })));
    for (let start = 0; start < bands.length; start += batch) await trx('rejection_reason_fingerprint_bands').insert(bands.slice(start, start + batch));
  });
  if (strapi.db.dialect.client === 'postgres') await knex.raw('ANALYZE rejection_reason_fingerprints; ANALYZE rejection_reason_fingerprint_bands');
  else await knex.raw('ANALYZE');
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(kind, items) {
  const database = await prepareDatabase(kind);
  Object.assign(process.env, database.env);
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  try {
    await strapi.load();
    const started = performance.now();
    await insertItems(strapi, items);
    const loadSeconds = (performance.now() - started) / 1000;
    const duplicates = strapi.plugin('rejection-reasons').service('duplicates');

    const times = [];
    let found = 0;
    let missed = 0;
    for (let index = 0; index < QUERIES; index += 1) {
      const copyOf = index % 2 === 0 ? Math.floor(random() * items.length) : null;
      const submission = copyOf === null ? makeItem() : nearCopy(items[copyOf]);
      const query = { contentType: 'api::article.article', documentId: `submission-${index}`, locale: 'vi', fingerprint: fingerprintOf(submission), threshold: THRESHOLD };
      const before = performance.now();
      const match = await duplicates.closest(query);
      times.push(performance.now() - before);
      if (copyOf !== null && match?.documentId === `bench-article-${copyOf}`) found += 1;
      if (copyOf !== null && match?.documentId !== `bench-article-${copyOf}`) missed += 1;
    }
    times.sort((a, b) => a - b);
    const round = (value) => Math.round(value * 10) / 10;
    return { kind, loadSeconds: round(loadSeconds), p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times[times.length - 1]), found, missed };
  } finally {
    await strapi.destroy().catch(() => undefined);
    await database.drop();
  }
}

async function main() {
  const items = Array.from({ length: ITEMS }, makeItem);
  const results = [];
  for (const kind of DATABASES) {
    const seed = state;
    results.push(await measure(kind, items));
    state = seed; // Both databases get the same submissions.
  }
  console.log(`items: ${ITEMS}, submissions: ${QUERIES} (half near-copies), threshold ${THRESHOLD}`);
  console.log('| database | p50 ms | p95 ms | max ms | near-copies found | missed | insert s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const result of results) {
    console.log(`| ${result.kind} | ${result.p50} | ${result.p95} | ${result.max} | ${result.found} | ${result.missed} | ${result.loadSeconds} |`);
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

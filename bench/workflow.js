#!/usr/bin/env node
'use strict';

// Measures the editorial-workflow plugin on PostgreSQL:
// 1. read overhead: GET /api/articles?locale=vi&pagination[pageSize]=25 with 10,000 published
//    articles, on one instance with the plugin and one without, in alternating rounds;
// 2. transition latency: 20 editors applying approve then publish concurrently over HTTP.
// Usage: npm run build && node bench/workflow.js  (PostgreSQL on 127.0.0.1:5432, trust auth)
const { fork } = require('node:child_process');
const crypto = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10000);
const EDITORS = 20;
const CASES_PER_EDITOR = 20;
const ROUNDS = 3;
const ROUND_SECONDS = 10;
const CONNECTIONS = 10;
const PASSWORD = 'Bench-Password-2026';
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Each instance gets its own database, because Strapi drops the tables of a disabled plugin.
const databases = { with: `most_bench_${process.pid}_with`, without: `most_bench_${process.pid}_without` };
const urlOf = (database) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

const secrets = {
  APP_KEYS: 'benchA,benchB,benchC,benchD',
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  JWT_SECRET: 'bench-jwt-secret',
  ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef',
};

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function startServer(port, database, env) {
  const child = fork(path.join(__dirname, 'server.js'), [], {
    env: {
      ...process.env,
      ...secrets,
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: urlOf(database),
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      CRON_ENABLED: 'false',
      DEMO_USER_PASSWORD: PASSWORD,
      BENCH_PASSWORD: PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`Benchmark server on port ${port} exited with code ${code}`)));
  });
}

function stopServer(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Inserts published articles straight into the table, each as a draft row and a published row. */
async function insertArticles(database, count) {
  await withClient(urlOf(database), async (client) => {
    const now = new Date().toISOString();
    for (let start = 0; start < count; start += 500) {
      const values = [];
      const params = [];
      for (let index = start; index < Math.min(count, start + 500); index += 1) {
        const documentId = crypto.randomBytes(12).toString('hex');
        const title = `Tin đo hiệu năng số ${index}: Bộ Khoa học và Công nghệ tổ chức hội nghị`;
        for (const publishedAt of [null, now]) {
          params.push(documentId, title, `tin-do-hieu-nang-so-${index}`, 'news', 'vi', publishedAt, now, now);
          const base = params.length - 8;
          values.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}, $${base + 8})`);
        }
      }
      await client.query(
        `INSERT INTO articles (document_id, title, slug, category, locale, published_at, created_at, updated_at) VALUES ${values.join(', ')}`,
        params
      );
    }
  });
}

async function measureReads(url) {
  const result = await autocannon({ url: `${url}/api/articles?locale=vi&pagination[pageSize]=25`, connections: CONNECTIONS, duration: ROUND_SECONDS });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const percentile = (sorted, share) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];

async function measureTransitions(url) {
  const post = async (pathname, body, token) => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    return { status: response.status, body: await response.json(), elapsed };
  };
  const tokens = [];
  for (let index = 0; index < EDITORS; index += 1) {
    const login = await post('/admin/login', { email: `bench-editor-${index}@bench.most.gov.vn`, password: PASSWORD });
    tokens.push(login.body.data.token);
  }
  const cases = await withClient(urlOf(databases.with), (client) =>
    client.query("SELECT entry_document_id FROM editorial_workflow_cases WHERE state = 'submitted' AND title LIKE 'Tin đo hiệu năng chuyển trạng thái%' ORDER BY id")
  );
  const ids = cases.rows.map((row) => row.entry_document_id);
  const latencies = [];
  let failures = 0;
  const started = Date.now();
  await Promise.all(
    tokens.map(async (token, worker) => {
      for (const documentId of ids.slice(worker * CASES_PER_EDITOR, (worker + 1) * CASES_PER_EDITOR)) {
        for (const event of ['approve', 'publish']) {
          const result = await post(`/editorial-workflow/documents/api::article.article/${documentId}/events/${event}?locale=vi`, {}, token);
          latencies.push(result.elapsed);
          if (result.status !== 200) failures += 1;
        }
      }
    })
  );
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (value) => Number(value.toFixed(1));
  return {
    transitions: latencies.length,
    failures,
    perSecond: round(latencies.length / seconds),
    p50: round(percentile(latencies, 0.5)),
    p95: round(percentile(latencies, 0.95)),
    max: round(latencies[latencies.length - 1]),
  };
}

async function main() {
  for (const database of Object.values(databases)) await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  const servers = [];
  try {
    servers.push(await startServer(1401, databases.with, { BENCH_EDITORS: String(EDITORS), BENCH_SUBMITTED: String(EDITORS * CASES_PER_EDITOR) }));
    servers.push(await startServer(1402, databases.without, { EDITORIAL_WORKFLOW_ENABLED: 'false' }));
    for (const database of Object.values(databases)) await insertArticles(database, ARTICLES);

    const urls = { with: 'http://127.0.0.1:1401', without: 'http://127.0.0.1:1402' };
    for (const url of Object.values(urls)) await autocannon({ url: `${url}/api/articles?locale=vi`, connections: CONNECTIONS, duration: 3 });
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const variant of round % 2 ? ['with', 'without'] : ['without', 'with']) {
        rounds.push({ round, variant, ...(await measureReads(urls[variant])) });
      }
    }
    const average = (variant, key) => rounds.filter((row) => row.variant === variant).reduce((sum, row) => sum + row[key], 0) / ROUNDS;
    const summary = ['with', 'without'].map((variant) => ({
      variant,
      requestsPerSecond: Number(average(variant, 'requestsPerSecond').toFixed(1)),
      p50: Number(average(variant, 'p50').toFixed(1)),
      p99: Number(average(variant, 'p99').toFixed(1)),
    }));
    const overhead = 1 - summary[0].requestsPerSecond / summary[1].requestsPerSecond;

    const transitions = await measureTransitions(urls.with);
    const report = {
      machine: `${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      articles: ARTICLES,
      rounds,
      summary,
      throughputOverheadPercent: Number((overhead * 100).toFixed(1)),
      transitions,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    for (const server of servers) await stopServer(server);
    for (const database of Object.values(databases)) {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

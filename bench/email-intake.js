#!/usr/bin/env node
'use strict';

// Measures the email-intake pipeline in one process on a fresh SQLite database:
// 1. messages per second for small messages (a text body of about 1 kB from a focal point);
// 2. peak memory growth (RSS, and live heap plus Buffers, sampled every 10 ms) while one message
//    with a 25 MB attachment goes through the pipeline in a fresh process.
// Usage: node --expose-gc bench/email-intake.js  (BENCH_MESSAGES sets the count of small messages, default 200)
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200);
const ATTACHMENT_BYTES = 25 * 1024 * 1024;
const FOCAL_POINT = 'focal-point@demo.most.gov.vn';

Object.assign(process.env, {
  APP_KEYS: 'benchA,benchB,benchC,benchD',
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  JWT_SECRET: 'bench-jwt-secret',
  ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: process.env.DATABASE_FILENAME ?? path.join(os.tmpdir(), `most-bench-intake-${process.pid}.db`),
  NODE_ENV: 'development',
  LOG_LEVEL: 'error',
  CRON_ENABLED: 'false',
  DEMO_USER_PASSWORD: 'Bench-Password-2026',
  // Acknowledgements go to a closed loopback port: sending fails fast and is logged, as with a mail outage.
  SMTP_PORT: '9',
  EMAIL_INTAKE_MAX_MESSAGE_BYTES: String(64 * 1024 * 1024),
  EMAIL_INTAKE_MAX_ATTACHMENT_BYTES: String(40 * 1024 * 1024),
});

const message = (subject, body) =>
  Buffer.from(
    [`From: ${FOCAL_POINT}`, 'To: stc@most.gov.vn', `Subject: ${subject}`, `Message-ID: <${crypto.randomUUID()}@bench>`, 'MIME-Version: 1.0', body].join('\r\n')
  );

const small = (index) =>
  message(`Bench ${index}`, `Content-Type: text/plain; charset=utf-8\r\n\r\n${'Tin hoạt động khoa học và công nghệ. '.repeat(28)}\r\n`);

function large() {
  const attachment = crypto.randomBytes(ATTACHMENT_BYTES).toString('base64').replace(/.{76}/g, '$&\r\n');
  return message(
    'Bench large',
    `Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTệp lớn\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="large.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--b--\r\n`
  );
}

async function loadStrapi({ compile }) {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..');
  const distDir = compile ? (await compileStrapi({ appDir })).distDir : path.join(appDir, 'dist');
  const strapi = createStrapi({ appDir, distDir });
  await strapi.load();
  return strapi;
}

/** Child process: loads Strapi, then reads and processes one large message while sampling RSS. */
async function measureLarge(file) {
  const strapi = await loadStrapi({ compile: false });
  try {
    global.gc?.();
    // RSS is the memory the process took from the system, and heap plus external memory (Buffers)
    // is what was alive. Both are sampled every 10 ms, so a peak inside synchronous work can be missed.
    const live = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
    const baseline = process.memoryUsage().rss;
    const liveBaseline = live();
    let peak = baseline;
    let livePeak = liveBaseline;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
      livePeak = Math.max(livePeak, live());
    };
    const sampler = setInterval(sample, 10);
    const started = process.hrtime.bigint();
    const raw = fs.readFileSync(file);
    const outcome = await strapi.plugin('email-intake').service('pipeline').process({ raw, source: 'cli' });
    clearInterval(sampler);
    sample();
    if (outcome.status !== 'created') throw new Error(`Large message: ${outcome.status}`);
    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
    console.log(`25 MB attachment (message file ${mb(raw.length)} MB): ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
    console.log(`  RSS: ${mb(baseline)} MB after start, peak ${mb(peak)} MB, growth ${mb(peak - baseline)} MB`);
    console.log(`  heap + external: ${mb(liveBaseline)} MB after start, peak ${mb(livePeak)} MB, growth ${mb(livePeak - liveBaseline)} MB`);
  } finally {
    await strapi.destroy();
  }
}

async function main() {
  if (process.env.BENCH_LARGE_FILE) return measureLarge(process.env.BENCH_LARGE_FILE);
  const strapi = await loadStrapi({ compile: true });
  const pipeline = strapi.plugin('email-intake').service('pipeline');
  const largeFile = path.join(os.tmpdir(), `most-bench-intake-${process.pid}.eml`);
  try {
    const started = process.hrtime.bigint();
    for (let index = 0; index < MESSAGES; index++) {
      const outcome = await pipeline.process({ raw: small(index), source: 'cli' });
      if (outcome.status !== 'created') throw new Error(`Small message ${index}: ${outcome.status}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`small messages: ${MESSAGES} in ${seconds.toFixed(1)} s = ${(MESSAGES / seconds).toFixed(1)} messages/s`);
    await strapi.destroy();

    // The large message runs in a fresh process, so memory that this one freed does not hide its growth.
    fs.writeFileSync(largeFile, large());
    const child = spawnSync(process.execPath, ['--expose-gc', __filename], { env: { ...process.env, BENCH_LARGE_FILE: largeFile }, stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`The large-message run exited with ${child.status}.`);
  } finally {
    fs.rmSync(largeFile, { force: true });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${process.env.DATABASE_FILENAME}${suffix}`, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);

#!/usr/bin/env node
'use strict';

// Measures the email-intake pipeline in one process on a fresh SQLite database:
// 1. messages per second for small messages (a text body of about 1 kB from a focal point);
// 2. peak memory growth (RSS, sampled every 10 ms) while one message with a 25 MB attachment
//    goes through the pipeline.
// Usage: node --expose-gc bench/email-intake.js  (BENCH_MESSAGES sets the count of small messages, default 200)
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
  DATABASE_FILENAME: path.join(os.tmpdir(), `most-bench-intake-${process.pid}.db`),
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

async function main() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..');
  const { distDir } = await compileStrapi({ appDir });
  const strapi = createStrapi({ appDir, distDir });
  await strapi.load();
  const pipeline = strapi.plugin('email-intake').service('pipeline');

  try {
    const started = process.hrtime.bigint();
    for (let index = 0; index < MESSAGES; index++) {
      const outcome = await pipeline.process({ raw: small(index), source: 'cli' });
      if (outcome.status !== 'created') throw new Error(`Small message ${index}: ${outcome.status}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`small messages: ${MESSAGES} in ${seconds.toFixed(1)} s = ${(MESSAGES / seconds).toFixed(1)} messages/s`);

    const raw = large();
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const largeStarted = process.hrtime.bigint();
    const outcome = await pipeline.process({ raw, source: 'cli' });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (outcome.status !== 'created') throw new Error(`Large message: ${outcome.status}`);
    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
    console.log(`25 MB attachment (message ${mb(raw.length)} MB, held in memory by the caller): ${(Number(process.hrtime.bigint() - largeStarted) / 1e9).toFixed(1)} s, RSS ${mb(baseline)} -> peak ${mb(peak)} MB, growth ${mb(peak - baseline)} MB`);
  } finally {
    await strapi.destroy();
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

#!/usr/bin/env node
'use strict';

// Times the report endpoints of the reporting plugin on PostgreSQL against the raw SQL of each
// endpoint's slowest query, at a quarter of the data set and then at the full data set.
// The full set has 200 units, 200,000 workflow cases (items), 1,000,000 timeline entries, 20,000 questions,
// 1,000 draft regulations with 20,000 comments, 300 admin accounts with 30,000 logins and
// 100,000 entry actions, and 100,000 deadline timers when the publication-deadlines plugin is
// enabled. The data is generated with generate_series in the database.
// Usage: npm run build && node --expose-gc bench/reporting.js  (PostgreSQL on 127.0.0.1:5432)
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { createStrapi } = require('@strapi/strapi');
const { Client } = require('pg');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `most_bench_reporting_${process.pid}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const appDir = path.resolve(__dirname, '..');

const FULL = { units: 200, cases: 200_000, questions: 20_000, drafts: 1_000, comments: 20_000, admins: 300, logins: 30_000, actions: 100_000, timers: 100_000 };
// TODO: generate rejection records and citations and time the rejections report; the
// rejection-reasons plugin joined the branch after the recorded run.
const ENDPOINTS = [
  'unit-quotas?year=2025&half=1',
  'workflow?year=2025&half=1',
  'questions?year=2025&half=1',
  'consultations?year=2025&half=1',
  'account-activity?year=2025&quarter=2',
  'deadlines?year=2025&half=1',
  'periodic?year=2025',
  'periodic?year=2025&format=docx',
];
const QUOTA_TYPES = ['article.article', 'legal-document.legal-document', 'draft-regulation.draft-regulation', 'plan-notice.plan-notice', 'statistical-report.statistical-report', 'procedure.procedure', 'question.question', 'page.page'].map((name) => `api::${name}`);

async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Inserts rows numbered from `from` (inclusive) to `to` (exclusive) of every generated table.
 * Times spread over 2025 and 2026; each case has five timeline entries (submit, review, approve,
 * then publish or, for one case in ten, reject, then a remark by an admin).
 */
async function generate(client, from, to) {
  const { cases, questions, comments, logins, actions, timers } = to;
  const start = from;
  const types = `(ARRAY['${QUOTA_TYPES.join("','")}'])`;
  await client.query(`
    INSERT INTO editorial_workflow_cases (document_id, content_type, entry_document_id, entry_locale, state, title, unit_document_id, received_at, last_transition_at, created_at, updated_at)
    SELECT 'case-' || i, ${types}[1 + (i / 2) % 8], 'doc-' || (i / 2), CASE WHEN i % 2 = 0 THEN 'vi' ELSE 'en' END,
      CASE WHEN i % 10 = 0 THEN 'rejected' ELSE 'published' END, 'Tin số ' || i, 'unit-' || ((i / 2) % 200),
      TIMESTAMP '2025-01-01' + ((i * 7919) % 63072000) * INTERVAL '1 second', now(), now(), now()
    FROM generate_series($1::bigint, $2::bigint - 1) AS i`, [start.cases, cases]);
  await client.query(`
    INSERT INTO editorial_workflow_timeline (document_id, case_id, event, from_state, to_state, actor_kind, actor_id, actor_name, at, created_at, updated_at)
    SELECT 'entry-' || c.id || '-' || k, c.id,
      (ARRAY['submit', 'assign_review', 'approve', CASE WHEN c.state = 'rejected' THEN 'reject' ELSE 'publish' END, 'remark'])[k],
      NULL, NULL, CASE WHEN k = 1 THEN 'system' ELSE 'user' END, CASE WHEN k = 1 THEN NULL ELSE 1 + (c.id % 300) END, 'Bench',
      c.received_at + (k - 1) * ((c.id % 48) + 1) * INTERVAL '1 hour', now(), now()
    FROM editorial_workflow_cases c CROSS JOIN generate_series(1, 5) AS k
    WHERE c.id > $1`, [start.lastCaseId]);
  const questionLink = 'questions_answering_unit_lnk';
  await client.query(`
    INSERT INTO questions (document_id, kind, title, asker_name, question_text, received_at, due_at, answered_at, created_at, updated_at)
    SELECT 'question-' || i, (ARRAY['question', 'feedback', 'petition'])[1 + i % 3], 'Câu hỏi ' || i, 'Người hỏi', 'Nội dung',
      TIMESTAMP '2025-01-01' + ((i * 104729) % 63072000) * INTERVAL '1 second',
      TIMESTAMP '2025-01-01' + ((i * 104729) % 63072000 + 1296000) * INTERVAL '1 second',
      CASE WHEN i % 4 = 0 THEN NULL ELSE TIMESTAMP '2025-01-01' + ((i * 104729) % 63072000 + (i % 30) * 86400) * INTERVAL '1 second' END,
      now(), now()
    FROM generate_series($1::bigint, $2::bigint - 1) AS i`, [start.questions, questions]);
  await client.query(`
    INSERT INTO ${questionLink} (question_id, organization_unit_id)
    SELECT q.id, u.id FROM questions q JOIN organization_units u ON u.document_id = 'unit-' || (q.id % 200) AND u.locale = 'vi' WHERE q.id > $1`, [start.lastQuestionId]);
  if (start.drafts === 0) {
    await client.query(`
      INSERT INTO draft_regulations (document_id, locale, title, document_form, comment_opens_at, comment_closes_at, consultation_status, created_at, updated_at)
      SELECT 'draft-' || i, 'vi', 'Dự thảo ' || i, 'circular', TIMESTAMP '2025-01-01' + (i % 700) * INTERVAL '1 day', TIMESTAMP '2025-01-01' + (i % 700 + 60) * INTERVAL '1 day',
        (ARRAY['open', 'closed', 'response_published'])[1 + i % 3], now(), now()
      FROM generate_series(0, ${FULL.drafts - 1}) AS i`);
    await client.query(`
      INSERT INTO draft_regulations_drafting_unit_lnk (draft_regulation_id, organization_unit_id)
      SELECT d.id, u.id FROM draft_regulations d JOIN organization_units u ON u.document_id = 'unit-' || (d.id % 200) AND u.locale = 'vi'`);
  }
  await client.query(`
    INSERT INTO consultation_comments (document_id, author_name, text, received_at, moderation_state, disposition, created_at, updated_at)
    SELECT 'comment-' || i, 'Người góp ý', 'Ý kiến', TIMESTAMP '2025-01-01' + ((i * 7927) % 63072000) * INTERVAL '1 second',
      (ARRAY['pending', 'approved', 'rejected'])[1 + i % 3], (ARRAY['accepted', 'partly_accepted', 'not_accepted'])[1 + i % 3], now(), now()
    FROM generate_series($1::bigint, $2::bigint - 1) AS i`, [start.comments, comments]);
  await client.query(`
    INSERT INTO consultation_comments_draft_regulation_lnk (consultation_comment_id, draft_regulation_id)
    SELECT c.id, d.id FROM consultation_comments c JOIN draft_regulations d ON d.document_id = 'draft-' || (c.id % ${FULL.drafts}) WHERE c.id > $1`, [start.lastCommentId]);
  await client.query(`
    INSERT INTO reporting_login_events (document_id, at, user_id, email, outcome, http_status, created_at, updated_at)
    SELECT 'login-' || i, TIMESTAMP '2025-01-01' + ((i * 15485863) % 63072000) * INTERVAL '1 second', CASE WHEN i % 20 = 0 THEN NULL ELSE 1 + i % 300 END,
      'user' || (i % 300) || '@bench.test', CASE WHEN i % 10 = 0 THEN 'failure' ELSE 'success' END, 200, now(), now()
    FROM generate_series($1::bigint, $2::bigint - 1) AS i`, [start.logins, logins]);
  await client.query(`
    INSERT INTO reporting_admin_actions (document_id, at, user_id, action, content_type, created_at, updated_at)
    SELECT 'action-' || i, TIMESTAMP '2025-01-01' + ((i * 32452843) % 63072000) * INTERVAL '1 second', 1 + i % 300,
      (ARRAY['content.create', 'content.update', 'content.delete'])[1 + i % 3], 'api::article.article', now(), now()
    FROM generate_series($1::bigint, $2::bigint - 1) AS i`, [start.actions, actions]);
  const timerTable = await client.query("SELECT to_regclass('publication_deadline_timers') AS name");
  if (timerTable.rows[0].name) {
    await client.query(`
      INSERT INTO publication_deadline_timers (document_id, case_id, rule_code, duty, start_source, generation, reminder_cursor, content_type, entry_document_id, entry_locale, unit_document_id, start_at, due_at, status, met_at, created_at, updated_at)
      SELECT 'timer-' || i, 1 + i % 200000, 'D' || (1 + i % 12), 'board_publishes', 'receipt', 0, 0, 'api::article.article', 'doc-' || i, 'vi', 'unit-' || (i % 200),
        TIMESTAMP '2025-01-01' + ((i * 7919) % 63072000) * INTERVAL '1 second',
        TIMESTAMP '2025-01-01' + ((i * 7919) % 63072000 + 43200) * INTERVAL '1 second',
        CASE WHEN i % 7 = 0 THEN 'breached' ELSE 'met' END,
        CASE WHEN i % 7 = 0 THEN NULL ELSE TIMESTAMP '2025-01-01' + ((i * 7919) % 63072000 + (i % 20) * 3600) * INTERVAL '1 second' END,
        now(), now()
      FROM generate_series($1::bigint, $2::bigint - 1) AS i`, [start.timers, timers]);
  }
  await client.query('ANALYZE');
  return Boolean(timerTable.rows[0].name);
}

async function seedUnitsAndAdmins(client) {
  await client.query(`
    INSERT INTO organization_units (document_id, locale, name, abbreviation, kind, monthly_quota, sort_order, created_at, updated_at)
    SELECT 'unit-' || i, 'vi', 'Đơn vị ' || i, 'DV' || i, 'department', 2, i, now(), now() FROM generate_series(0, ${FULL.units - 1}) AS i`);
  await client.query(`
    INSERT INTO admin_users (document_id, firstname, lastname, email, is_active, blocked, created_at, updated_at)
    SELECT 'admin-' || i, 'Bench', 'User ' || i, 'user' || i || '@bench.test', i % 25 <> 0, false, now(), now()
    FROM generate_series(1, ${FULL.admins}) AS i`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Converts knex's `?` placeholders to PostgreSQL's `$n`, for SQL that knex logged before binding. */
const positional = (sql) => {
  let index = 0;
  return /\$\d/.test(sql) ? sql : sql.replace(/\?/g, () => `$${(index += 1)}`);
};

async function measure(strapi, baseUrl, token, scaleName) {
  const knex = strapi.db.connection;
  const rows = [];
  for (const endpoint of ENDPOINTS) {
    const url = `${baseUrl}/api/reporting/${endpoint}`;
    const first = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (first.status === 501) {
      rows.push({ scale: scaleName, endpoint, skipped: true });
      continue;
    }
    if (first.status !== 200) throw new Error(`${endpoint} returned ${first.status}: ${await first.text()}`);
    await first.arrayBuffer();

    // One request with the query log on: the slowest query is the endpoint's main query.
    const started = new Map();
    const queries = [];
    const onQuery = (data) => started.set(data.__knexQueryUid, { sql: data.sql, bindings: data.bindings, at: performance.now() });
    const onResponse = (_response, data) => {
      const query = started.get(data.__knexQueryUid);
      if (query) queries.push({ ...query, ms: performance.now() - query.at });
    };
    knex.on('query', onQuery).on('query-response', onResponse);
    await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
    knex.removeListener('query', onQuery).removeListener('query-response', onResponse);
    const main = queries.filter((query) => /SELECT/i.test(query.sql)).sort((a, b) => b.ms - a.ms)[0];

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const endpointTimes = [];
    for (let run = 0; run < RUNS; run += 1) {
      const begin = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      endpointTimes.push(performance.now() - begin);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    const rawTimes = await withClient(databaseUrl, async (client) => {
      const times = [];
      for (let run = 0; run < RUNS; run += 1) {
        const begin = performance.now();
        await client.query(positional(main.sql), main.bindings);
        times.push(performance.now() - begin);
      }
      return times;
    });
    const endpointMs = median(endpointTimes);
    const rawMs = median(rawTimes);
    rows.push({
      scale: scaleName,
      endpoint,
      queries: queries.length,
      endpointMs: Math.round(endpointMs),
      rawMs: Math.round(rawMs),
      ratio: Math.round((endpointMs / rawMs) * 10) / 10,
      heapGrowthMiB: Math.round(((heapPeak - heapBefore) / 1048576) * 10) / 10,
    });
    process.stdout.write(`${JSON.stringify(rows[rows.length - 1])}\n`);
  }
  return rows;
}

async function main() {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${database} ENCODING 'UTF8' TEMPLATE template0`));
  Object.assign(process.env, {
    APP_KEYS: 'benchA,benchB,benchC,benchD',
    API_TOKEN_SALT: 'bench-api-token-salt',
    ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
    JWT_SECRET: 'bench-jwt-secret',
    ENCRYPTION_KEY: 'bench-encryption-key-0123456789abcdef',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    CRON_ENABLED: 'false',
    SEED_DEMO_DATA: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  try {
    await strapi.load();
    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const token = (await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null })).accessKey;

    const quarter = Object.fromEntries(Object.entries(FULL).map(([key, value]) => [key, Math.round(value / 4)]));
    const zero = Object.fromEntries(Object.keys(FULL).map((key) => [key, 0]));
    const results = [];
    await withClient(databaseUrl, (client) => seedUnitsAndAdmins(client));
    let begin = performance.now();
    let timers = await withClient(databaseUrl, (client) => generate(client, { ...zero, lastCaseId: 0, lastQuestionId: 0, lastCommentId: 0 }, quarter));
    process.stdout.write(`Generated a quarter of the data in ${Math.round(performance.now() - begin) / 1000} s (timers: ${timers}).\n`);
    results.push(...(await measure(strapi, baseUrl, token, 'quarter')));

    const last = await withClient(databaseUrl, async (client) => {
      const value = async (sql) => Number((await client.query(sql)).rows[0].id ?? 0);
      return {
        lastCaseId: await value('SELECT MAX(id) AS id FROM editorial_workflow_cases'),
        lastQuestionId: await value('SELECT MAX(id) AS id FROM questions'),
        lastCommentId: await value('SELECT MAX(id) AS id FROM consultation_comments'),
      };
    });
    begin = performance.now();
    timers = await withClient(databaseUrl, (client) => generate(client, { ...quarter, ...last }, FULL));
    process.stdout.write(`Generated the rest of the data in ${Math.round(performance.now() - begin) / 1000} s.\n`);
    results.push(...(await measure(strapi, baseUrl, token, 'full')));

    const counts = await withClient(databaseUrl, async (client) => {
      const count = async (table) => Number((await client.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
      return {
        cases: await count('editorial_workflow_cases'),
        timeline: await count('editorial_workflow_timeline'),
        questions: await count('questions'),
        comments: await count('consultation_comments'),
        timers: timers ? await count('publication_deadline_timers') : 0,
      };
    });
    process.stdout.write(`${JSON.stringify({ counts, results }, null, 2)}\n`);
  } finally {
    await strapi.destroy().catch(() => undefined);
    await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

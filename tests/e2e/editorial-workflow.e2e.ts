import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const appDir = path.resolve(__dirname, '..', '..');
const ARTICLE = 'api::article.article';
const PASSWORD = 'Demo-Password-2024';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: ChildProcess;
let browser: Browser;
let baseUrl: string;
let databaseFile: string;
let serverLog = '';

/** Finds a free loopback port by binding port 0 and releasing it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the built application with `strapi start` and waits until its health check responds. */
async function startServer() {
  const port = await freePort();
  databaseFile = path.join(os.tmpdir(), `most-portal-e2e-${process.pid}.db`);
  server = spawn(process.execPath, [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: appDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: databaseFile, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (serverLog += chunk));
  server.stderr?.on('data', (chunk) => (serverLog += chunk));
  baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`strapi start exited with ${server.exitCode}:\n${serverLog}`);
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status === 204) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`strapi start did not answer within 120 s:\n${serverLog}`);
}

async function api(pathname: string, options: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${pathname} failed: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

const login = async (role: string) => (await api('/admin/login', { method: 'POST', body: { email: `${role}@demo.most.gov.vn`, password: PASSWORD } })).data.token as string;

/** Creates a draft article as the focal point and submits it; returns its documentId. */
async function submittedArticle(title: string) {
  const token = await login('focal-point');
  const units = await api('/api/organization-units?locale=vi&filters[abbreviation][$eq]=TTTT');
  const unit = { connect: [{ documentId: units.data[0].documentId, locale: 'vi' }] };
  const created = await api(`/content-manager/collection-types/${ARTICLE}?locale=vi`, { method: 'POST', token, body: { title, category: 'news', unit } });
  const documentId = created.data.documentId as string;
  await api(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/submit?locale=vi`, { method: 'POST', token, body: {} });
  return documentId;
}

async function openEditView(page: Page, documentId: string) {
  await page.goto(`${baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=vi`);
  await page.getByTestId('editorial-workflow-panel').waitFor({ timeout: 60_000 });
}

async function applyFromPanel(page: Page, eventLabel: string, expectedState: string, fill?: (page: Page) => Promise<void>) {
  const panel = page.getByTestId('editorial-workflow-panel');
  await panel.getByRole('button', { name: eventLabel, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (fill) await fill(page);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByTestId('editorial-workflow-state').filter({ hasText: expectedState }).waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
});

test('standing editor rejects one submission and publishes another', async () => {
  const rejectedId = await submittedArticle('Tin trùng lặp gửi từ đơn vị');
  const publishedId = await submittedArticle('Tin hội nghị gửi từ đơn vị');

  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill('standing-editor@demo.most.gov.vn');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });

    await openEditView(page, rejectedId);
    await page.getByTestId('editorial-workflow-state').filter({ hasText: 'Submitted' }).waitFor();
    // The content manager's own Publish button is hidden: the workflow panel publishes.
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    await applyFromPanel(page, 'Reject', 'Rejected', async (current) => {
      await current.getByRole('checkbox', { name: /R11\.5/ }).click();
      await current.getByLabel('Note or reason').fill('Trùng với tin đã đăng ngày 02/12.');
    });
    await page.getByTestId('editorial-workflow-timeline').getByText('R11.5').waitFor();

    await openEditView(page, publishedId);
    await applyFromPanel(page, 'Approve', 'Approved');
    await applyFromPanel(page, 'Publish', 'Published');
    // E2E_SCREENSHOTS names a folder that keeps a picture of the panel, for a person to look at.
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'editorial-workflow-panel.png') });
  } catch (error) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'editorial-workflow-e2e-failure.png'), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }

  const published = await fetch(`${baseUrl}/api/articles/${publishedId}?locale=vi`);
  expect(published.status).toBe(200);
  const rejected = await fetch(`${baseUrl}/api/articles/${rejectedId}?locale=vi`);
  expect(rejected.status).toBe(404);

  const editor = await login('standing-editor');
  const rejectedCase = await api(`/editorial-workflow/documents/${ARTICLE}/${rejectedId}?locale=vi`, { token: editor });
  expect(rejectedCase.data.state).toBe('rejected');
  const rejection = rejectedCase.data.timeline.find((entry: { event: string }) => entry.event === 'reject');
  expect(rejection.reasons).toEqual(['R11.5']);
  expect(rejection.note).toBe('Trùng với tin đã đăng ngày 02/12.');
});

test('the side panel shows the publication deadline and the calendar page lists the year', async () => {
  const token = await login('focal-point');
  const units = await api('/api/organization-units?locale=vi&filters[abbreviation][$eq]=TTTT');
  const unit = { connect: [{ documentId: units.data[0].documentId, locale: 'vi' }] };
  const startsAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
  const endsAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  const created = await api(`/content-manager/collection-types/${ARTICLE}?locale=vi`, {
    method: 'POST',
    token,
    body: { title: 'Tin hội thảo có thời hạn đăng', category: 'event', unit, event: { kind: 'single_session', startsAt, endsAt } },
  });
  const documentId = created.data.documentId as string;
  await api(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/submit?locale=vi`, { method: 'POST', token, body: {} });

  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill('standing-editor@demo.most.gov.vn');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });

    await openEditView(page, documentId);
    const summary = page.getByTestId('publication-deadlines-summary');
    await summary.waitFor({ timeout: 30_000 });
    // Received just now: the 12-hour board clock (D4) has about 12 hours left.
    await summary.getByText('D4').waitFor();
    await summary.getByText(/due in (11|12) h/).waitFor();

    await page.goto(`${baseUrl}/admin/plugins/publication-deadlines`);
    await page.getByTestId('publication-deadlines-year').waitFor({ timeout: 60_000 });
    while ((await page.getByTestId('publication-deadlines-year').textContent()) !== '2026') {
      const shown = Number(await page.getByTestId('publication-deadlines-year').textContent());
      await page.getByRole('button', { name: shown > 2026 ? 'Previous year' : 'Next year' }).click();
    }
    await page.getByText('Announced').waitFor();
    await page.locator('input[value="Giỗ Tổ Hùng Vương"]').waitFor();
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'working-calendar.png'), fullPage: true });
  } catch (error) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'publication-deadlines-e2e-failure.png'), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
});

test('reports page renders figures and charts', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill('board-head@demo.most.gov.vn');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });

    await page.goto(`${baseUrl}/admin/plugins/reporting`);
    await page.getByTestId('reporting-page').waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    // The first test published one article this half year, through the workflow.
    const published = page.getByTestId('reporting-figure.published');
    await published.filter({ hasText: /^[1-9]\d*$/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('reporting-chart-quota').waitFor();
    expect(await page.getByTestId('reporting-chart-quota').locator('rect').count()).toBeGreaterThan(0);
    await page.getByTestId('reporting-chart-on-time').waitFor();
    await page.getByRole('button', { name: 'Unit quotas (CSV)' }).waitFor();
    await page.getByRole('button', { name: '6-month or annual report (Word)' }).waitFor();
    expect(await page.getByTestId('reporting-error').count()).toBe(0);
    // The board writes its proposals for the report of the period shown.
    const proposals = page.getByTestId('reporting-proposals');
    await proposals.getByRole('textbox').fill('Đề nghị bổ sung nhân lực biên tập cho Cổng.');
    await proposals.getByRole('button', { name: 'Save the proposals' }).click();
    await page.getByText('The proposals are saved.').waitFor();
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'reporting-page.png'), fullPage: true });
  } catch (error) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'reporting-e2e-failure.png'), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
});

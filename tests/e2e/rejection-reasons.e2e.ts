import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const appDir = path.resolve(__dirname, '..', '..');
const ARTICLE = 'api::article.article';
const PASSWORD = 'Demo-Password-2024';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: ChildProcess;
let browser: Browser;
let baseUrl: string;
let databaseFile: string;
let serverLog = '';

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

/** Starts the built application with `strapi start` on its own SQLite file and waits for its health check. */
async function startServer() {
  const port = await freePort();
  databaseFile = path.join(os.tmpdir(), `most-portal-e2e-reasons-${process.pid}.db`);
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
  throw new Error(`strapi start did not respond within 120 s:\n${serverLog}`);
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

test('reject dialog pre-selects suggested reasons', async () => {
  // An article collected elsewhere ("sưu tầm") without a named source, for which the pre-checks suggest R11.4.
  const focalPoint = await login('focal-point');
  const units = await api('/api/organization-units?locale=vi&filters[abbreviation][$eq]=TTTT');
  const unit = { connect: [{ documentId: units.data[0].documentId, locale: 'vi' }] };
  const created = await api(`/content-manager/collection-types/${ARTICLE}?locale=vi`, {
    method: 'POST',
    token: focalPoint,
    body: { title: 'Bài sưu tầm không ghi nguồn', category: 'news', body: 'Bài viết sưu tầm trên mạng.', unit },
  });
  const documentId = created.data.documentId as string;
  await api(`/editorial-workflow/documents/${ARTICLE}/${documentId}/events/submit?locale=vi`, { method: 'POST', token: focalPoint, body: {} });

  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill('standing-editor@demo.most.gov.vn');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });

    await page.goto(`${baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=vi`);
    const panel = page.getByTestId('editorial-workflow-panel');
    await panel.waitFor({ timeout: 60_000 });
    // The side panel shows the pre-check finding with its evidence.
    await page.getByTestId('rejection-reasons-prechecks').getByText('states no source').waitFor({ timeout: 30_000 });

    await panel.getByRole('button', { name: 'Reject', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The suggested reason is ticked once the dialog has read the pre-checks, and the others are not.
    await dialog.getByRole('checkbox', { name: /R11\.4/, checked: true }).waitFor({ timeout: 30_000 });
    expect(await dialog.getByRole('checkbox', { name: /R11\.5/ }).isChecked()).toBe(false);
    // Each reason comes with its description.
    await dialog.getByText('The origin of the information is unclear, or the information is untrue.').waitFor();

    await dialog.getByLabel('Note or reason').fill('Đề nghị ghi rõ nguồn.');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('editorial-workflow-state').filter({ hasText: 'Rejected' }).waitFor({ timeout: 30_000 });
    // The timeline shows the reason as it was worded when the rejection was made.
    await page.getByTestId('editorial-workflow-timeline').getByText('R11.4 – Unclear origin or untrue').waitFor({ timeout: 30_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'rejection-reasons-e2e-failure.png'), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }

  const editor = await login('standing-editor');
  const rejections = await api(`/rejection-reasons/documents/${ARTICLE}/${documentId}/rejections?locale=vi`, { token: editor });
  expect(rejections.data[0].codes).toEqual(['R11.4']);
});

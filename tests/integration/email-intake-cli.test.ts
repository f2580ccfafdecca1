import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { buildMessage, FOCAL_POINT, multipart, PNG_PIXEL, textPart } from '../helpers/intake-messages';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const script = path.resolve(__dirname, '..', '..', 'scripts', 'intake-import.js');

let database: TestDatabase;
let outgoing: TestSmtpServer;
let folder: string;

interface RunResult {
  code: number;
  reports: Record<string, any>[];
  stderr: string;
}

/** Runs the import command on the test database and splits its output into one JSON report per message. */
function runImport(args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { ...process.env, ...database.env, SMTP_PORT: String(outgoing.port), LOG_LEVEL: 'error' }, maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const reports = stdout.trim() ? stdout.trim().split(/\n(?=\{)/).map((chunk) => JSON.parse(chunk)) : [];
        resolve({ code: error ? Number(error.code ?? 1) : 0, reports, stderr });
      }
    );
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  outgoing = await startSmtpServer();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-cli-'));
  fs.mkdirSync(path.join(folder, 'nested'));
  fs.writeFileSync(path.join(folder, 'a-news.eml'), buildMessage({ subject: 'CLI news item', text: 'Tin gửi qua dòng lệnh.' }));
  fs.writeFileSync(
    path.join(folder, 'nested', 'b-image.eml'),
    buildMessage({ subject: 'CLI image item', mime: multipart('mixed', [textPart('Ảnh'), { type: 'application/octet-stream', content: PNG_PIXEL, filename: 'anh.jpg' }]) })
  );
  fs.writeFileSync(path.join(folder, 'ignored.txt'), 'not a message');
});

afterAll(async () => {
  await outgoing?.stop();
  await database?.drop();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('intake:import command', () => {
  test('dry run prints drafts', async () => {
    const result = await runImport(['--dry-run', folder]);
    expect(result.code).toBe(0);
    expect(result.reports).toHaveLength(2);
    const [news, image] = result.reports;
    expect(news.file).toMatch(/a-news\.eml$/);
    expect(news.targetContentType).toBe('api::article.article');
    expect(news.title).toBe('CLI news item');
    expect(news.bodyText).toContain('Tin gửi qua dòng lệnh.');
    expect(news.sender).toEqual({ address: FOCAL_POINT, verdict: expect.objectContaining({ accepted: true, via: 'focal_point' }) });
    expect(image.attachments).toEqual([{ name: 'anh.jpg', detectedType: 'image/png', size: PNG_PIXEL.length, stored: true, note: null }]);
    expect(image.warnings.map((warning: { code: string }) => warning.code)).toEqual(['extension_mismatch']);
    expect(result.stderr).toContain('2 message(s): 2 dry_run');
  });

  test('import creates drafts once', async () => {
    const first = await runImport([folder]);
    expect(first.code).toBe(0);
    expect(first.reports.map((report) => report.status)).toEqual(['created', 'created']);
    const second = await runImport([path.join(folder, 'a-news.eml')]);
    expect(second.code).toBe(0);
    expect(second.reports.map((report) => report.status)).toEqual(['duplicate']);
    expect(second.reports[0].documentId).toBe(first.reports[0].documentId);
  });

  test('missing path rejected', async () => {
    const result = await runImport([path.join(folder, 'missing.eml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.eml does not exist');
  });
});

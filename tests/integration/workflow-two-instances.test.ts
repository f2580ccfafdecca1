import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { testDatabase } from '../helpers/databases';
import { startTestApp, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const TIMELINE = 'plugin::editorial-workflow.timeline-entry';
const FIXTURE = { kind: 'system', name: 'Test fixture' } as const;
// Schedules must lie within a year of now.
const DUE_AT = new Date(Date.now() + 30 * 86_400_000).toISOString();

type ChildMessage = { type: 'ready' } | { type: 'outcomes'; outcomes: { caseId: number; outcome: string }[] } | { type: 'error'; message: string };

/** Waits for the next message of a given type from the child, or fails on its error. */
function nextMessage(child: ChildProcess, type: string): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'error') reject(new Error(`Second instance failed: ${message.message}`));
      else if (message.type === type) resolve(message);
      else return;
      child.off('message', onMessage);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`Second instance exited with code ${code}`)));
  });
}

// Two processes on one SQLite file would only test SQLite's file lock, so this runs on PostgreSQL.
const describeOnPostgres = testDatabase() === 'postgres' ? describe : describe.skip;

describeOnPostgres('scheduled publication with two Strapi processes', () => {
  let app: TestApp;
  let child: ChildProcess;

  beforeAll(async () => {
    app = await startTestApp();
    child = fork(path.join(__dirname, '..', 'helpers', 'second-instance.js'), [], {
      env: { ...process.env, SEED_DEMO_DATA: 'false' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await nextMessage(child, 'ready');
  });

  afterAll(async () => {
    if (child?.connected) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    }
    await app?.stop();
  });

  test('each due case is published exactly once', async () => {
    const transitions = app.strapi.plugin('editorial-workflow').service('transitions');
    const documentIds: string[] = [];
    for (let index = 0; index < 12; index += 1) {
      const draft = await app.strapi.documents(ARTICLE).create({ locale: 'vi', data: { title: `Tin hẹn giờ số ${index}`, category: 'news' } as never });
      for (const [event, input] of [['submit', {}], ['approve', {}], ['schedule', { scheduledAt: DUE_AT }]] as const) {
        const result = await transitions.apply({ uid: ARTICLE, documentId: draft.documentId, locale: 'vi', event, actor: FIXTURE, input, silent: true });
        expect(result.ok).toBe(true);
      }
      documentIds.push(draft.documentId);
    }

    const fromChild = nextMessage(child, 'outcomes');
    child.send({ type: 'publishDue', now: DUE_AT });
    const [childOutcomes, parentOutcomes] = await Promise.all([
      fromChild,
      app.strapi.plugin('editorial-workflow').service('scheduler').publishDue(new Date(DUE_AT)),
    ]);

    const all = [...(childOutcomes as { outcomes: { outcome: string }[] }).outcomes, ...parentOutcomes];
    expect(all.filter((outcome) => outcome.outcome === 'published')).toHaveLength(12);
    expect(all.filter((outcome) => outcome.outcome === 'failed')).toHaveLength(0);

    for (const documentId of documentIds) {
      const record = await app.strapi.db.query('plugin::editorial-workflow.case').findOne({ where: { entryDocumentId: documentId } });
      expect(record.state).toBe('published');
      expect(await app.strapi.db.query(TIMELINE).count({ where: { caseId: record.id, event: 'publish' } })).toBe(1);
      expect((await app.http().get(`/api/articles/${documentId}?locale=vi`)).status).toBe(200);
    }
  });
});

import type { TestApp } from './strapi';

const LEGAL_DOCUMENT = 'api::legal-document.legal-document';
const TIMER = 'plugin::publication-deadlines.timer';
const SYSTEM = { kind: 'system', name: 'Deadline test' } as const;

/** Returns the instant of a Viet Nam wall-clock time such as "2026-12-03T11:59". */
export const vn = (local: string) => new Date(`${local}:00+07:00`);

/** Returns the ISO form of a Viet Nam wall-clock time, as the database returns it. */
export const iso = (local: string) => vn(local).toISOString();

/** Normalizes a stored date-time to its ISO form, whichever type the database driver returns. */
export const at = (value: unknown) => new Date(value as string).toISOString();

/** Builds the fixtures of the deadline tests around the app that a test file starts. */
export function deadlineFixtures(app: () => TestApp) {
  /** Applies a workflow event as a system actor at the given time; a refusal fails the test. */
  async function apply(uid: string, documentId: string, event: string, now: Date, input: Record<string, unknown> = {}) {
    const transitions = app().strapi.plugin('editorial-workflow').service('transitions');
    const result = await transitions.apply({ uid, documentId, locale: 'vi', event, actor: SYSTEM, input, now, silent: true });
    if (!result.ok) throw new Error(`${event} failed: ${result.refusals.join(' ')}`);
    return result.case as { id: number };
  }

  /** Creates a Vietnamese draft and returns its documentId. */
  async function create(uid: string, data: Record<string, unknown>) {
    const created = await app().strapi.documents(uid as never).create({ locale: 'vi', data: data as never });
    return created.documentId as string;
  }

  /** Creates a legal document with the metadata its validation needs, stamped in at a Viet Nam time. */
  const legalDocument = (title: string, stampedAt: string) =>
    create(LEGAL_DOCUMENT, { title, documentNumber: '12/QĐ-BKHCN', documentForm: 'decision', issueDate: '2026-12-01', incomingStampAt: iso(stampedAt) });

  /** Lists the timers of a case, by rule code. */
  const timersOf = (caseId: number) => app().strapi.db.query(TIMER).findMany({ where: { caseId }, orderBy: { ruleCode: 'asc' } });

  return { apply, create, legalDocument, timersOf };
}

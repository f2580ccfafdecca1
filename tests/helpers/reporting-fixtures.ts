import type { TestApp } from './strapi';

const CASE = 'plugin::editorial-workflow.case';
const TIMELINE = 'plugin::editorial-workflow.timeline-entry';

/** Creates an organization unit in Vietnamese and returns its documentId. */
export async function createUnit(app: TestApp, abbreviation: string, monthlyQuota: number) {
  const unit = await app.strapi
    .documents('api::organization-unit.organization-unit')
    .create({ locale: 'vi', data: { name: `Đơn vị thử ${abbreviation}`, abbreviation, kind: 'department', monthlyQuota } as never });
  return unit.documentId as string;
}

export interface FixtureEvent {
  event: string;
  at: string;
  from?: string;
  to?: string;
  actorId?: number;
}

/**
 * Writes a workflow case and its timeline straight to the workflow tables, so that the events
 * carry fixed times. `receivedAt` is the time of the last submit or resubmit, as the workflow
 * itself records it.
 */
export async function createCase(
  app: TestApp,
  options: { contentType: string; documentId: string; locale?: string; unit: string | null; state: string; events: FixtureEvent[] }
) {
  const receipts = options.events.filter(({ event }) => event === 'submit' || event === 'resubmit');
  const record = await app.strapi.db.query(CASE).create({
    data: {
      contentType: options.contentType,
      entryDocumentId: options.documentId,
      entryLocale: options.locale ?? 'vi',
      state: options.state,
      title: `Fixture ${options.documentId}`,
      unitDocumentId: options.unit,
      receivedAt: receipts.length ? new Date(receipts[receipts.length - 1].at) : null,
    },
  });
  for (const entry of options.events) {
    await app.strapi.db.query(TIMELINE).create({
      data: {
        caseId: record.id,
        event: entry.event,
        fromState: entry.from ?? null,
        toState: entry.to ?? null,
        actorKind: entry.actorId ? 'user' : 'system',
        actorId: entry.actorId ?? null,
        actorName: entry.actorId ? `User ${entry.actorId}` : 'Fixture',
        at: new Date(entry.at),
      },
    });
  }
  return record.id as number;
}

export const connectUnit = (documentId: string) => ({ connect: [{ documentId, locale: 'vi' }] });

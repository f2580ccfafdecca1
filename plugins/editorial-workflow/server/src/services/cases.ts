import type { Core } from '@strapi/strapi';
import { CASE_UID, TIMELINE_UID } from '../constants';
import type { State } from '../state-machine';

/** Locale key of the case of a content type without i18n (BCP 47 "undetermined"). */
export const NO_LOCALE = 'und';

export interface CaseRecord {
  id: number;
  contentType: string;
  entryDocumentId: string;
  entryLocale: string;
  state: State;
  title: string | null;
  unitDocumentId: string | null;
  submittedById: number | null;
  lastEditedById: number | null;
  assigneeId: number | null;
  receivedAt: string | null;
  approvedAt: string | null;
  scheduledAt: string | null;
  forcePublishedById: number | null;
  forcePublishConfirmedById: number | null;
  publicNote: string | null;
  publicNoteKind: 'correction' | 'withdrawal' | null;
  lastTransitionAt: string | null;
}

export interface DraftSnapshot {
  title: string | null;
  unitDocumentId: string | null;
  subjectFieldDocumentIds: string[];
  createdById: number | null;
  updatedById: number | null;
  updatedAt: string | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const isLocalized = (uid: string) => Boolean((strapi.contentType(uid as never) as { pluginOptions?: { i18n?: { localized?: boolean } } })?.pluginOptions?.i18n?.localized);

  return {
    workflowTypes(): string[] {
      return strapi.config.get('plugin::editorial-workflow.contentTypes', []) as string[];
    },

    isWorkflowType(uid: string): boolean {
      return this.workflowTypes().includes(uid);
    },

    isLocalized,

    /** Returns the locale under which a case of the content type is keyed. */
    caseLocale(uid: string, locale: string | undefined): string {
      return isLocalized(uid) ? (locale ?? '') : NO_LOCALE;
    },

    async isPortalLocale(locale: string): Promise<boolean> {
      const locales: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
      return locales.some(({ code }) => code === locale);
    },

    /** Reads the title of the published version, or null if the locale is not published. */
    async readPublishedTitle(uid: string, documentId: string, locale: string): Promise<string | null> {
      const where: Record<string, unknown> = { documentId, publishedAt: { $notNull: true } };
      if (locale !== NO_LOCALE) where.locale = locale;
      const row = await strapi.db.query(uid as never).findOne({ where });
      return (row?.title ?? row?.name ?? null) as string | null;
    },

    async find(uid: string, documentId: string, locale: string): Promise<CaseRecord | null> {
      return strapi.db.query(CASE_UID).findOne({ where: { contentType: uid, entryDocumentId: documentId, entryLocale: locale } });
    },

    async findById(id: number): Promise<CaseRecord | null> {
      return strapi.db.query(CASE_UID).findOne({ where: { id } });
    },

    /** Reads what the workflow needs from the draft version of the document, or null if there is none. */
    async readDraft(uid: string, documentId: string, locale: string): Promise<DraftSnapshot | null> {
      const attributes = (strapi.contentType(uid as never) as { attributes: Record<string, unknown> }).attributes;
      const where: Record<string, unknown> = { documentId, publishedAt: null };
      if (locale !== NO_LOCALE) where.locale = locale;
      const populate: string[] = ['createdBy', 'updatedBy'];
      if ('unit' in attributes) populate.push('unit');
      if ('subjectFields' in attributes) populate.push('subjectFields');
      const row = await strapi.db.query(uid as never).findOne({ where, populate });
      if (!row) return null;
      return {
        title: (row.title ?? row.name ?? null) as string | null,
        unitDocumentId: (row.unit?.documentId ?? null) as string | null,
        subjectFieldDocumentIds: ((row.subjectFields ?? []) as { documentId: string }[]).map((field) => field.documentId),
        createdById: (row.createdBy?.id ?? null) as number | null,
        updatedById: (row.updatedBy?.id ?? null) as number | null,
        updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
      };
    },

    async timeline(caseId: number) {
      return strapi.db.query(TIMELINE_UID).findMany({ where: { caseId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    },

    async list(
      filters: { state?: string; contentType?: string; unitDocumentId?: string; assigneeId?: number; locale?: string; caseIds?: number[] },
      page = 1,
      pageSize = 25
    ) {
      const where: Record<string, unknown> = {};
      if (filters.caseIds) where.id = { $in: filters.caseIds };
      if (filters.state) where.state = filters.state;
      if (filters.contentType) where.contentType = filters.contentType;
      if (filters.unitDocumentId) where.unitDocumentId = filters.unitDocumentId;
      if (filters.assigneeId) where.assigneeId = filters.assigneeId;
      if (filters.locale) where.entryLocale = filters.locale;
      const [results, total] = await Promise.all([
        strapi.db.query(CASE_UID).findMany({ where, orderBy: [{ lastTransitionAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(CASE_UID).count({ where }),
      ]);
      return { results: results as CaseRecord[], pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },
  };
};

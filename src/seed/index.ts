import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { addDays, subDays } from 'date-fns';
import { uidOf, type PortalTypeName } from '../content-types';
import { ARTICLES, DECISION_400, DECISION_4033, DRAFT_REGULATION, FUNCTIONS_PAGE, MEMBER_PORTAL, QUESTION } from './content-data';
import { demoEmailOf } from '../bootstrap/admin-users';
import { reflowOfficialText } from './decision-text';
import { SECTIONS, SUBJECT_FIELDS, UNITS } from './reference-data';

const SEED_VERSION = 1;

type Data = Record<string, unknown>;

const SEED_ACTOR = { kind: 'system', name: 'Demo data seed' } as const;

/**
 * Links the demo accounts to units, as an IT administrator would for real staff: the focal point
 * and the head of the communications centre, and the IT centre's leader on the board, who
 * reviews that unit's subject fields.
 */
const DEMO_UNIT_CONTACTS: Record<string, Record<string, unknown>> = {
  TTTT: {
    focalPoints: [{ fullName: 'Demo Cán bộ đầu mối', email: demoEmailOf('most-focal-point'), position: 'Cán bộ đầu mối', active: true }],
    headEmail: demoEmailOf('most-unit-head'),
  },
  TTCNTT: { boardMemberEmail: demoEmailOf('most-board-member') },
};

/**
 * Publishes one locale of a document. Types under the editorial workflow go through it, as the
 * demo seed actor, so that their cases and timelines exist like those of real content.
 */
async function publishLocale(strapi: Core.Strapi, uid: string, documentId: string, locale?: string) {
  const workflow = strapi.plugin('editorial-workflow');
  if (!workflow?.service('cases').isWorkflowType(uid)) {
    await strapi.documents(uid as 'api::article.article').publish({ documentId, ...(locale ? { locale } : {}) });
    return;
  }
  for (const event of ['submit', 'approve', 'publish']) {
    const result = await workflow.service('transitions').apply({ uid, documentId, locale, event, actor: SEED_ACTOR, silent: true });
    if (!result.ok) throw new Error(`The demo seed could not ${event} ${uid} ${documentId} (${locale ?? 'no locale'}): ${result.refusals.join(' ')}`);
  }
}

/** Creates documents through the Document Service, in Vietnamese first and then in English. */
function documentWriter(strapi: Core.Strapi) {
  return async function createDocument(
    name: PortalTypeName,
    shared: Data,
    locales: { vi: Data; en?: Data } | null,
    { publish }: { publish: boolean }
  ): Promise<string> {
    const uid = uidOf(name);
    const documents = strapi.documents(uid);
    if (!locales) {
      const created = await documents.create({ data: shared as never });
      if (publish) await publishLocale(strapi, uid, created.documentId);
      return created.documentId;
    }
    const created = await documents.create({ locale: 'vi', data: { ...shared, ...locales.vi } as never });
    if (locales.en) {
      await documents.update({ documentId: created.documentId, locale: 'en', data: { ...shared, ...locales.en } as never });
    }
    if (publish) {
      await publishLocale(strapi, uid, created.documentId, 'vi');
      if (locales.en) await publishLocale(strapi, uid, created.documentId, 'en');
    }
    return created.documentId;
  };
}

async function seedContent(strapi: Core.Strapi, now: Date) {
  const create = documentWriter(strapi);
  const fieldIds = new Map<string, string>();
  const unitIds = new Map<string, string>();
  const sectionIds = new Map<string, string>();

  for (const field of SUBJECT_FIELDS) {
    fieldIds.set(field.code, await create('subject-field', { code: field.code }, { vi: { name: field.name.vi }, en: { name: field.name.en } }, { publish: false }));
  }
  for (const unit of UNITS) {
    const shared = {
      abbreviation: unit.abbreviation,
      kind: unit.kind,
      mailDomain: 'most.gov.vn',
      email: unit.email,
      monthlyQuota: 2,
      subjectFields: unit.subjectFields.map((code) => fieldIds.get(code)),
      ...(DEMO_UNIT_CONTACTS[unit.abbreviation] ?? {}),
    };
    const id = await create(
      'organization-unit',
      shared,
      { vi: { name: unit.name.vi, address: unit.address.vi }, en: { name: unit.name.en, address: unit.address.en } },
      { publish: false }
    );
    unitIds.set(unit.abbreviation, id);
  }
  for (const section of SECTIONS) {
    sectionIds.set(section.key, await create('section', { kind: section.kind }, { vi: { name: section.name.vi }, en: { name: section.name.en } }, { publish: false }));
  }

  const decisionText = fs.readFileSync(path.join(strapi.dirs.app.root, 'database', 'seed', 'decision-400-QD-BKHCN-2024.vi.txt'), 'utf8');
  const { vi: oldVi, en: oldEn, ...oldShared } = DECISION_4033;
  const replacedId = await create('legal-document', { ...oldShared, unit: unitIds.get('TTTT') }, { vi: oldVi, en: oldEn }, { publish: true });
  const { vi: decisionVi, en: decisionEn, ...decisionShared } = DECISION_400;
  await create(
    'legal-document',
    {
      ...decisionShared,
      unit: unitIds.get('TTTT'),
      subjectFields: [fieldIds.get('digital-transformation'), fieldIds.get('administrative-reform')],
      replaces: [replacedId],
    },
    { vi: { ...decisionVi, fullText: reflowOfficialText(decisionText) }, en: decisionEn },
    { publish: true }
  );

  for (const article of ARTICLES) {
    const { vi, en, unit, section, subjectFields, key: _key, ...shared } = article;
    await create(
      'article',
      { ...shared, unit: unitIds.get(unit), section: sectionIds.get(section), subjectFields: subjectFields.map((code) => fieldIds.get(code)) },
      { vi, en },
      { publish: true }
    );
  }

  const { vi: draftVi, en: draftEn, draftingUnit, subjectFields: draftFields, ...draftShared } = DRAFT_REGULATION;
  // The comment window is open at seed time: it opened a week ago and closes in 53 days (60 in all).
  await create(
    'draft-regulation',
    {
      ...draftShared,
      draftingUnit: unitIds.get(draftingUnit),
      subjectFields: draftFields.map((code) => fieldIds.get(code)),
      commentOpensAt: subDays(now, 7).toISOString(),
      commentClosesAt: addDays(now, 53).toISOString(),
      leadershipApprovedAt: subDays(now, 8).toISOString(),
      consultationStatus: 'open',
    },
    { vi: draftVi, en: draftEn },
    { publish: true }
  );

  const { answeringUnit, subjectField, ...question } = QUESTION;
  await create(
    'question',
    {
      ...question,
      answeringUnit: unitIds.get(answeringUnit),
      routedUnits: [unitIds.get(answeringUnit)],
      subjectField: fieldIds.get(subjectField),
      receivedAt: subDays(now, 10).toISOString(),
      answeredAt: subDays(now, 6).toISOString(),
    },
    null,
    { publish: true }
  );

  const { vi: portalVi, en: portalEn, unit: portalUnit, ...portalShared } = MEMBER_PORTAL;
  await create('member-portal', { ...portalShared, unit: unitIds.get(portalUnit) }, { vi: portalVi, en: portalEn }, { publish: true });

  const { vi: pageVi, en: pageEn, section: pageSection, ...pageShared } = FUNCTIONS_PAGE;
  await create('page', { ...pageShared, section: sectionIds.get(pageSection) }, { vi: pageVi, en: pageEn }, { publish: true });
}

/**
 * Seeds the demo data into an empty database, once: a marker in the core store records the run,
 * and a database that already contains portal content is left as it is. Everything is written in
 * one transaction, so a failure leaves no partial demo behind.
 */
export async function seedDemoData(strapi: Core.Strapi, now = new Date()) {
  const store = strapi.store({ type: 'core', name: 'most-portal', key: 'demo-seed' });
  if (await store.get()) return false;

  const existing = await strapi.db.query(uidOf('legal-document')).count();
  if (existing > 0) {
    strapi.log.info('[portal] Skipped the demo data: the database already contains legal documents.');
    await store.set({ value: { version: SEED_VERSION, skipped: true, at: now.toISOString() } });
    return false;
  }

  await strapi.db.transaction(async () => {
    await seedContent(strapi, now);
    await store.set({ value: { version: SEED_VERSION, at: now.toISOString() } });
  });
  strapi.log.info('[portal] Seeded the demo data.');
  return true;
}

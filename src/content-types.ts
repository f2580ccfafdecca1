/**
 * Content types of the portal, grouped by how the public and the plugins treat them.
 */
export type PortalTypeName =
  | 'organization-unit'
  | 'subject-field'
  | 'leader'
  | 'page'
  | 'section'
  | 'article'
  | 'legal-document'
  | 'draft-regulation'
  | 'consultation-comment'
  | 'plan-notice'
  | 'statistical-report'
  | 'procedure'
  | 'question'
  | 'member-portal'
  | 'maintenance-notice';

export const PORTAL_TYPE_NAMES: PortalTypeName[] = [
  'organization-unit',
  'subject-field',
  'leader',
  'page',
  'section',
  'article',
  'legal-document',
  'draft-regulation',
  'consultation-comment',
  'plan-notice',
  'statistical-report',
  'procedure',
  'question',
  'member-portal',
  'maintenance-notice',
];

export type PortalUid<K extends PortalTypeName = PortalTypeName> = { [T in K]: `api::${T}.${T}` }[K];

export const uidOf = <K extends PortalTypeName>(name: K) => `api::${name}.${name}` as PortalUid<K>;

export const PORTAL_UIDS = PORTAL_TYPE_NAMES.map(uidOf);

/** Every portal type is readable by the public role (published versions only). */
export const PUBLIC_READ_UIDS = PORTAL_UIDS;

/** Types that carry publications sent in by units; editors handle them under the workflow. */
export const PUBLICATION_UIDS = [
  'article',
  'legal-document',
  'draft-regulation',
  'plan-notice',
  'statistical-report',
  'procedure',
  'page',
  'question',
].map((name) => uidOf(name as PortalTypeName));

/** Reference data that editors keep up to date directly. */
export const REFERENCE_UIDS = ['organization-unit', 'subject-field', 'section', 'leader'].map((name) =>
  uidOf(name as PortalTypeName)
);

export const isPortalUid = (uid: string): boolean => (PORTAL_UIDS as string[]).includes(uid);

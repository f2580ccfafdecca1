import type { Core } from '@strapi/strapi';
import { PORTAL_UIDS, PUBLICATION_UIDS, REFERENCE_UIDS, uidOf } from '../content-types';
import { PORTAL_LOCALES } from './locales';

type ContentAction = 'create' | 'read' | 'update' | 'delete' | 'publish';

interface ContentGrant {
  actions: ContentAction[];
  uids: string[];
  /** Condition ids of the admin permission engine, such as `admin::is-creator`. */
  conditions?: string[];
}

export interface PortalRole {
  code: string;
  name: string;
  description: string;
  content: ContentGrant[];
  /** Admin and plugin actions that have no subject, such as the media library or user management. */
  other: { action: string; conditions?: string[] }[];
  /** Permissions of the editorial-workflow plugin, granted when the plugin is enabled. */
  workflow: string[];
}

/** Types a unit sends in: its focal point drafts them, the board publishes them. */
const UNIT_SUBMISSION_UIDS = ['article', 'legal-document', 'draft-regulation', 'plan-notice', 'statistical-report', 'procedure'].map(
  (name) => uidOf(name as never)
);
/** The submission types that record their unit in a `unit` relation (a draft regulation names its drafting unit). */
const UNIT_SCOPED_UIDS = UNIT_SUBMISSION_UIDS.filter((uid) => uid !== uidOf('draft-regulation'));

// Conditions of the editorial-workflow plugin: entries of the user's own unit, and that unit's record.
const OWN_UNIT_ITEMS = 'plugin::editorial-workflow.own-unit-items';
const OWN_UNIT_RECORD = 'plugin::editorial-workflow.own-unit-record';

/** Actions of the email-intake plugin: the received, quarantined and failed mail, and .eml uploads. */
const EMAIL_INTAKE = [{ action: 'plugin::email-intake.read' }, { action: 'plugin::email-intake.upload' }];
const MEDIA_READ = [{ action: 'plugin::upload.read' }, { action: 'plugin::upload.assets.download' }, { action: 'plugin::upload.assets.copy-link' }];
const MEDIA_WRITE = [...MEDIA_READ, { action: 'plugin::upload.assets.create' }, { action: 'plugin::upload.assets.update' }];
const MEDIA_OWN = [
  { action: 'plugin::upload.read', conditions: ['admin::is-creator'] },
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
  { action: 'plugin::upload.assets.create' },
  { action: 'plugin::upload.assets.update', conditions: ['admin::is-creator'] },
];

/**
 * The admin roles of the editorial organisation (Art. 5 to 9 of Decision 400/QĐ-BKHCN). The
 * content-manager grants here are the starting point; the workflow plugin adds its own actions
 * and the unit and subject-field conditions. Publishing rights are only those of the board.
 */
export const PORTAL_ROLES: PortalRole[] = [
  {
    code: 'most-focal-point',
    name: 'Cán bộ đầu mối (Focal point)',
    description: "Sends the unit's news, documents and drafts to the portal (Art. 9(1)(a)).",
    content: [
      { actions: ['create', 'read', 'update'], uids: UNIT_SCOPED_UIDS, conditions: ['admin::is-creator', OWN_UNIT_ITEMS] },
      { actions: ['create', 'read', 'update'], uids: [uidOf('draft-regulation')], conditions: ['admin::is-creator'] },
      { actions: ['read'], uids: [...REFERENCE_UIDS, uidOf('question')] },
    ],
    other: MEDIA_OWN,
    workflow: ['read', 'submit', 'remark'],
  },
  {
    code: 'most-unit-head',
    name: 'Thủ trưởng đơn vị (Unit head)',
    description: "Oversees the unit's submissions, its introduction and its member portal; requests corrections (Art. 9, Art. 12(1)).",
    content: [
      { actions: ['create', 'read', 'update'], uids: UNIT_SCOPED_UIDS, conditions: ['admin::is-creator', OWN_UNIT_ITEMS] },
      { actions: ['create', 'read', 'update'], uids: [uidOf('draft-regulation')] },
      { actions: ['update'], uids: [uidOf('organization-unit')], conditions: [OWN_UNIT_RECORD] },
      { actions: ['update'], uids: [uidOf('member-portal')], conditions: [OWN_UNIT_ITEMS] },
      { actions: ['read', 'update'], uids: [uidOf('question')] },
      { actions: ['read'], uids: [...REFERENCE_UIDS, uidOf('member-portal')] },
    ],
    other: MEDIA_WRITE,
    workflow: ['read', 'submit', 'request-correction', 'remark'],
  },
  {
    code: 'most-standing-editor',
    name: 'Bộ phận Thường trực (Standing editor)',
    description: 'Receives, edits, compiles and publishes content (Art. 6(3)).',
    content: [{ actions: ['create', 'read', 'update', 'delete', 'publish'], uids: PORTAL_UIDS }],
    other: [...MEDIA_WRITE, ...EMAIL_INTAKE],
    workflow: ['read', 'notifications', 'submit', 'assign-review', 'review', 'hold', 'approve', 'publish', 'reject', 'remark'],
  },
  {
    code: 'most-board-member',
    name: 'Ủy viên Ban biên tập (Board member)',
    description: 'Reviews content in the assigned subject fields before publication (Art. 6(2)(b)).',
    content: [
      { actions: ['read', 'update'], uids: PUBLICATION_UIDS },
      { actions: ['read'], uids: PORTAL_UIDS },
    ],
    other: MEDIA_READ,
    workflow: ['read', 'review', 'approve', 'reject', 'remark'],
  },
  {
    code: 'most-board-head',
    name: 'Trưởng ban, Phó Trưởng ban (Board head or deputy)',
    description: 'Manages the whole portal, requests takedowns and opinions of several units (Art. 6(1)).',
    content: [{ actions: ['create', 'read', 'update', 'delete', 'publish'], uids: PORTAL_UIDS }],
    other: MEDIA_WRITE,
    workflow: ['read', 'notifications', 'assign-review', 'review', 'hold', 'approve', 'publish', 'force-publish', 'reject', 'request-takedown', 'remark'],
  },
  {
    code: 'most-leadership',
    name: 'Lãnh đạo Bộ (Ministry leadership)',
    description: 'Gives direction on held items and decides takedowns (Art. 10(2)(e), Art. 12(2)).',
    content: [{ actions: ['read'], uids: PORTAL_UIDS }],
    other: MEDIA_READ,
    workflow: ['read', 'direct', 'decide-takedown', 'remark'],
  },
  {
    code: 'most-spokesperson',
    name: 'Người phát ngôn (Spokesperson)',
    description: 'Requests corrections of published information (Art. 12(1)).',
    content: [
      { actions: ['read', 'update'], uids: PUBLICATION_UIDS },
      { actions: ['read'], uids: PORTAL_UIDS },
    ],
    other: MEDIA_READ,
    workflow: ['read', 'request-correction', 'remark'],
  },
  {
    code: 'most-it-administrator',
    name: 'Quản trị CNTT (IT administrator)',
    description: 'Manages accounts by role, maintenance notices, backups and security reports (Art. 7(2)).',
    content: [
      { actions: ['create', 'read', 'update', 'delete', 'publish'], uids: [uidOf('maintenance-notice')] },
      { actions: ['read', 'update'], uids: [uidOf('organization-unit'), uidOf('member-portal')] },
      { actions: ['read'], uids: PORTAL_UIDS },
    ],
    other: [
      ...MEDIA_READ,
      { action: 'admin::users.create' },
      { action: 'admin::users.read' },
      { action: 'admin::users.update' },
      { action: 'admin::users.delete' },
      { action: 'admin::roles.read' },
    ],
    workflow: ['read', 'notifications', 'remark'],
  },
];

/** Actions of the other portal plugins per role, granted when the plugin that registers them is enabled. */
const PLUGIN_GRANTS: Record<string, string[]> = {
  'most-focal-point': ['plugin::publication-deadlines.read'],
  'most-unit-head': ['plugin::publication-deadlines.read'],
  'most-standing-editor': ['plugin::publication-deadlines.read', 'plugin::publication-deadlines.correct-start', 'plugin::rejection-reasons.read', 'plugin::reporting.read', 'plugin::reporting.manage-proposals'],
  'most-board-member': ['plugin::publication-deadlines.read', 'plugin::rejection-reasons.read', 'plugin::reporting.read'],
  'most-board-head': [
    'plugin::publication-deadlines.read',
    'plugin::publication-deadlines.correct-start',
    'plugin::publication-deadlines.manage-calendar',
    'plugin::rejection-reasons.read',
    'plugin::rejection-reasons.manage',
    'plugin::reporting.read',
    'plugin::reporting.manage-proposals',
    'plugin::reporting.account-activity',
  ],
  'most-leadership': ['plugin::publication-deadlines.read', 'plugin::rejection-reasons.read', 'plugin::reporting.read'],
  'most-spokesperson': ['plugin::publication-deadlines.read'],
  'most-it-administrator': [
    'plugin::publication-deadlines.read',
    'plugin::publication-deadlines.manage-calendar',
    'plugin::rejection-reasons.read',
    'plugin::reporting.read',
    'plugin::reporting.account-activity',
    'plugin::reporting.manage-departures',
  ],
};

/** Expands the grants of a role into permissions with every field and both locales. */
function buildPermissions(strapi: Core.Strapi, role: PortalRole) {
  const contentTypeService = strapi.service('admin::content-type');
  const { actionProvider, conditionProvider } = strapi.service('admin::permission');
  const locales = PORTAL_LOCALES.map(({ code }) => code);
  const permissions: Record<string, unknown>[] = [];
  const seen = new Set<string>();

  for (const grant of role.content) {
    for (const action of grant.actions) {
      const actionId = `plugin::content-manager.explorer.${action}`;
      const subjects = grant.uids.filter((uid) => !seen.has(`${actionId}|${uid}`));
      subjects.forEach((uid) => seen.add(`${actionId}|${uid}`));
      const registered = actionProvider.get(actionId);
      const expanded = contentTypeService.getPermissionsWithNestedFields([{ ...registered, subjects }]);
      for (const permission of expanded) {
        const localized = Boolean(strapi.contentType(permission.subject)?.pluginOptions?.i18n?.['localized']);
        permissions.push({
          ...permission,
          properties: { ...permission.properties, ...(localized ? { locales } : {}) },
          // A condition of a disabled plugin is unknown to the permission engine, so it is left out.
          conditions: (grant.conditions ?? []).filter((condition) => conditionProvider.has(condition)),
        });
      }
    }
  }
  for (const grant of role.other) {
    // An action of a disabled plugin is unknown to the permission engine, so it is left out.
    if (!actionProvider.get(grant.action)) continue;
    permissions.push({ action: grant.action, subject: null, properties: {}, conditions: grant.conditions ?? [] });
  }
  for (const permission of role.workflow) {
    const action = `plugin::editorial-workflow.${permission}`;
    if (actionProvider.get(action)) permissions.push({ action, subject: null, properties: {}, conditions: [] });
  }
  for (const action of PLUGIN_GRANTS[role.code] ?? []) {
    if (actionProvider.get(action)) permissions.push({ action, subject: null, properties: {}, conditions: [] });
  }
  return permissions;
}

/**
 * Creates the portal's admin roles that do not exist yet. An existing role is left as the IT
 * administrators have shaped it.
 */
/** Core-store entry that lists the plugin grants already given, as "role code|action". */
const GRANT_RECORD = { key: 'plugin-grants' };

/**
 * Gives an existing role the plugin actions of PLUGIN_GRANTS that it has never been given, so
 * that a database created before a plugin was added gets that plugin's permissions. A grant is
 * given once: if an IT administrator later removes it, it stays removed.
 */
async function grantNewPluginActions(strapi: Core.Strapi, roleId: number, code: string, given: Set<string>) {
  const { actionProvider } = strapi.service('admin::permission');
  const fresh = (PLUGIN_GRANTS[code] ?? []).filter((action) => actionProvider.get(action) && !given.has(`${code}|${action}`));
  if (fresh.length === 0) return;
  const held: { action: string }[] = await strapi.db
    .query('admin::permission')
    .findMany({ where: { role: { id: roleId }, action: { $in: fresh } }, select: ['action'] });
  for (const action of fresh.filter((candidate) => !held.some((permission) => permission.action === candidate))) {
    await strapi.db.query('admin::permission').create({ data: { action, actionParameters: {}, subject: null, properties: {}, conditions: [], role: roleId } });
    strapi.log.info(`[portal] Granted ${action} to admin role "${code}".`);
  }
  fresh.forEach((action) => given.add(`${code}|${action}`));
}

/**
 * Creates the portal's admin roles that do not exist yet. An existing role is left as the IT
 * administrators have shaped it, except that it receives the actions of plugins added since.
 */
export async function ensureAdminRoles(strapi: Core.Strapi) {
  const roleService = strapi.service('admin::role');
  const store = strapi.store({ type: 'core', name: 'portal' });
  const given = new Set<string>(((await store.get(GRANT_RECORD)) as string[] | null) ?? []);
  for (const role of PORTAL_ROLES) {
    const existing = await strapi.db.query('admin::role').findOne({ where: { code: role.code } });
    if (existing) {
      await grantNewPluginActions(strapi, existing.id, role.code, given);
      continue;
    }
    const created = await roleService.create({ name: role.name, code: role.code, description: role.description });
    await roleService.assignPermissions(created.id, buildPermissions(strapi, role));
    const { actionProvider } = strapi.service('admin::permission');
    for (const action of PLUGIN_GRANTS[role.code] ?? []) if (actionProvider.get(action)) given.add(`${role.code}|${action}`);
    strapi.log.info(`[portal] Created admin role "${role.code}" (id ${created.id}).`);
  }
  await store.set({ ...GRANT_RECORD, value: [...given].sort() });
}

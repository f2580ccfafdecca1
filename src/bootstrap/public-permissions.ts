import type { Core } from '@strapi/strapi';
import { PUBLIC_READ_UIDS } from '../content-types';

const PERMISSION_UID = 'plugin::users-permissions.permission';

/**
 * The only content-API actions of the public role: reading the published portal types. Anything
 * else found on the role at start-up (registration, uploads, plugin records) is removed, so that
 * a permission ticked by mistake in the admin panel does not outlive the next restart.
 */
export const PUBLIC_ACTIONS = PUBLIC_READ_UIDS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/** Public actions of the local plugins, granted when the plugin is enabled. */
const PLUGIN_PUBLIC_ACTIONS: Record<string, string[]> = {
  'editorial-workflow': ['plugin::editorial-workflow.notices.find'],
  'publication-deadlines': ['plugin::publication-deadlines.calendar.find'],
  'rejection-reasons': ['plugin::rejection-reasons.reasons.find'],
};

/** Lists the public role's actions for the plugins that are enabled in this instance. */
export function publicActions(strapi: Core.Strapi): string[] {
  const fromPlugins = Object.entries(PLUGIN_PUBLIC_ACTIONS).flatMap(([plugin, actions]) => (strapi.plugin(plugin) ? actions : []));
  return [...PUBLIC_ACTIONS, ...fromPlugins];
}

export async function syncPublicPermissions(strapi: Core.Strapi, actions: string[] = publicActions(strapi)) {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' }, populate: ['permissions'] });
  if (!role) throw new Error('The public role of users-permissions is missing; the plugin did not start.');

  const allowed = new Set(actions);
  const current = role.permissions as { id: number; action: string }[];
  const unwanted = current.filter(({ action }) => !allowed.has(action));
  const present = new Set(current.map(({ action }) => action));
  const missing = actions.filter((action) => !present.has(action));

  if (unwanted.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: unwanted.map(({ id }) => id) } } });
    strapi.log.info(`[portal] Removed ${unwanted.length} permission(s) from the public role: ${unwanted.map(({ action }) => action).join(', ')}.`);
  }
  for (const action of missing) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
  if (missing.length > 0) strapi.log.info(`[portal] Granted ${missing.length} read permission(s) to the public role.`);
}

/** Turns off self-registration of end users: the portal has no public accounts. */
export async function disableRegistration(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ value: { ...advanced, allow_register: false } });
  }
}

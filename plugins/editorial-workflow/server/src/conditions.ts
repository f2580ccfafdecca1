import type { Core } from '@strapi/strapi';

const UNIT_UID = 'api::organization-unit.organization-unit';

/** Condition ids, as they appear on role permissions. */
export const OWN_UNIT_ITEMS = 'plugin::editorial-workflow.own-unit-items';
export const OWN_UNIT_RECORD = 'plugin::editorial-workflow.own-unit-record';

/** Returns the document ids of the units that list the email among their focal points or as their head. */
export async function unitIdsOf(strapi: Core.Strapi, email: string | undefined): Promise<string[]> {
  if (!email) return [];
  const address = email.toLowerCase();
  const units = await strapi.db
    .query(UNIT_UID)
    .findMany({ where: { $or: [{ focalPoints: { email: address, active: true } }, { headEmail: address }] }, select: ['documentId'] });
  return [...new Set(units.map((unit: { documentId: string }) => unit.documentId))];
}

/**
 * Registers the admin permission conditions that limit unit staff to their own unit (Art. 9):
 * content whose `unit` is one of the user's units, and the records of those units themselves.
 */
export async function registerConditions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').conditionProvider.registerMany([
    {
      displayName: 'Items of own unit',
      name: 'own-unit-items',
      plugin: 'editorial-workflow',
      category: 'unit',
      handler: async (user: { email?: string }) => ({ 'unit.documentId': { $in: await unitIdsOf(strapi, user.email) } }),
    },
    {
      displayName: 'Own unit',
      name: 'own-unit-record',
      plugin: 'editorial-workflow',
      category: 'unit',
      handler: async (user: { email?: string }) => ({ documentId: { $in: await unitIdsOf(strapi, user.email) } }),
    },
  ]);
}

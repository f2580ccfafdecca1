import type { Core } from '@strapi/strapi';
import { PERMISSIONS, PLUGIN_ID } from './constants';

const DISPLAY_NAMES: Record<string, string> = {
  [PERMISSIONS.read]: 'Read reports',
  [PERMISSIONS.accountActivity]: 'Read the account activity report',
  [PERMISSIONS.proposals]: "Write the board's report proposals",
  [PERMISSIONS.departures]: 'Mark accounts of people who left',
};

/** Registers the admin permission actions of the reports. */
export async function registerPermissionActions(strapi: Core.Strapi) {
  const actions = Object.values(PERMISSIONS).map((uid) => ({ section: 'plugins', displayName: DISPLAY_NAMES[uid], uid, pluginName: PLUGIN_ID, subCategory: 'reports' }));
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
}

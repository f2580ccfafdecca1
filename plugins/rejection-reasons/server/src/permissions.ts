import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

/** Registers the plugin's admin permissions: reading reasons and pre-checks, and managing the catalogue. */
export async function registerPermissionActions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read reasons, pre-checks and rejections', uid: 'read', pluginName: PLUGIN_ID, subCategory: 'rejection reasons' },
    { section: 'plugins', displayName: 'Add, reword and deactivate reasons', uid: 'manage', pluginName: PLUGIN_ID, subCategory: 'rejection reasons' },
  ]);
}

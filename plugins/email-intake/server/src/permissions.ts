import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

/** Registers the admin permission actions of the intake: reading its records and uploading .eml files. */
export async function registerPermissionActions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read received, quarantined and failed messages', uid: 'read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: 'Upload .eml messages', uid: 'upload', pluginName: PLUGIN_ID },
  ]);
}

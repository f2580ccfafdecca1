import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Reports that read the records of another plugin, with the plugin and the table they need. */
export const REQUIRED_PLUGINS = {
  deadlines: { plugin: 'publication-deadlines', table: 'publication_deadline_timers' },
  rejections: { plugin: 'rejection-reasons', table: 'rejection_reason_citations' },
} as const;

export type DependentReport = keyof typeof REQUIRED_PLUGINS;

/** Tells whether the plugin that a report reads is enabled in this instance. */
export const isAvailable = (strapi: Core.Strapi, report: DependentReport) => Boolean(strapi.plugin(REQUIRED_PLUGINS[report].plugin));

/** Raises a NotImplementedError (501) that names the plugin a report needs, when it is not enabled. */
export function requireAvailable(strapi: Core.Strapi, report: DependentReport) {
  if (!isAvailable(strapi, report)) {
    const { plugin } = REQUIRED_PLUGINS[report];
    throw new errors.NotImplementedError(`The ${report} report needs the ${plugin} plugin, which is not enabled in this instance; enable it in config/plugins.ts.`);
  }
}

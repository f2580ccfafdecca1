import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { PERMISSIONS } from './state-machine';

const DISPLAY_NAMES: Record<string, string> = {
  read: 'Read cases and timelines',
  notifications: 'See and retry notifications',
  submit: 'Submit, resubmit, clarify',
  'assign-review': 'Assign for review',
  review: 'Review (return, request clarification)',
  hold: 'Hold for leadership direction',
  direct: 'Record leadership direction',
  approve: 'Approve',
  publish: 'Publish, schedule, publish corrections',
  'force-publish': 'Force publish',
  reject: 'Reject',
  'request-correction': 'Request a correction',
  'request-takedown': 'Request a takedown',
  'decide-takedown': 'Approve or deny a takedown',
  remark: 'Add remarks to the timeline',
};

/** Registers one admin permission action per workflow permission, plus reading cases. */
export async function registerPermissionActions(strapi: Core.Strapi) {
  const actions = ['read', 'notifications', ...PERMISSIONS].map((uid) => ({
    section: 'plugins',
    displayName: DISPLAY_NAMES[uid] ?? uid,
    uid,
    pluginName: PLUGIN_ID,
    subCategory: 'workflow',
  }));
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
}

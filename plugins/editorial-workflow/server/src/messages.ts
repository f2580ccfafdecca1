import type { EventName, State } from './state-machine';

/** English names of the states, as used in refusal sentences. The admin panel translates them. */
export const STATE_LABELS: Record<State, string> = {
  draft: 'a draft',
  submitted: 'a submitted item',
  in_review: 'an item in review',
  clarification_requested: 'an item awaiting clarification',
  on_hold: 'an item held for leadership direction',
  approved: 'an approved item',
  scheduled: 'a scheduled item',
  published: 'a published item',
  rejected: 'a rejected item',
  correction_in_progress: 'an item under correction',
  takedown_requested: 'an item awaiting a takedown decision',
  withdrawn: 'a withdrawn item',
};

export const EVENT_LABELS: Record<EventName, string> = {
  submit: 'submit',
  assign_review: 'assign for review',
  return_from_review: 'return from review',
  request_clarification: 'request clarification of',
  provide_clarification: 'provide clarification for',
  hold_for_direction: 'hold for leadership direction',
  record_direction: 'record the leadership direction for',
  approve: 'approve',
  schedule: 'schedule',
  unschedule: 'unschedule',
  publish: 'publish',
  force_publish: 'force publish',
  confirm_force_publish: 'confirm the force publication of',
  reject: 'reject',
  resubmit: 'resubmit',
  request_correction: 'request a correction of',
  publish_correction: 'publish the correction of',
  request_takedown: 'request the takedown of',
  approve_takedown: 'approve the takedown of',
  deny_takedown: 'deny the takedown of',
  remark: 'add a remark to',
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const refusals = {
  unknownEvent: (event: string) => `"${event}" is not a workflow event; use one of the events listed for the case.`,
  notWorkflowType: (uid: string) => `${uid} is not under the editorial workflow; edit and publish it directly.`,
  documentNotFound: (uid: string, documentId: string, locale: string) =>
    `No ${uid} document ${documentId} exists in locale "${locale}"; save the draft in that locale first.`,
  wrongState: (event: EventName, state: State) => `${capitalise(STATE_LABELS[state])} cannot be given the event "${event}" (${EVENT_LABELS[event]}).`,
  notPermitted: (event: EventName) => `Your role may not ${EVENT_LABELS[event]} an item; ask a colleague whose role has that permission.`,
  secondPairOfEyes: (event: EventName) =>
    `You submitted or last edited this item, so you may not ${EVENT_LABELS[event]} it; another editor must do so.`,
  notForcePublished: () => 'This item was not force-published, or its force publication is already confirmed.',
  ownForcePublish: () => 'You force-published this item, so another editor must confirm it.',
  editedAfterApproval: () => 'The item was edited after it was approved; it must be approved again before it is published or scheduled.',
  alreadyApproved: () => 'This item is already approved and has not been edited since; publish or schedule it.',
  invalidLocale: (locale: string) => `locale "${locale}" is not a locale of the portal; use "vi" or "en".`,
  changedMeanwhile: () => 'The item changed while you were acting on it; reload it and try again.',
  unknownReasons: (codes: string[]) => `Unknown or inactive rejection reason ${codes.map((code) => `"${code}"`).join(', ')}; choose reasons from the current Art. 11 catalogue.`,
  unknownAssignee: (id: number) => `No active admin user has id ${id}; choose the reviewing board member from the list.`,
};

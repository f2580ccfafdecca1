/**
 * The editorial workflow of the portal under Decision 400/QĐ-BKHCN (Art. 6, 10, 11 and 12): every
 * state, every event and, for each event, the states it leaves, the state it enters, the admin
 * permission it needs and the input it requires. Nothing else in the plugin decides a transition.
 */
export const STATES = [
  'draft',
  'submitted',
  'in_review',
  'clarification_requested',
  'on_hold',
  'approved',
  'scheduled',
  'published',
  'rejected',
  'correction_in_progress',
  'takedown_requested',
  'withdrawn',
] as const;

export type State = (typeof STATES)[number];

/** Input that an event cannot go without. */
export type Requirement =
  | 'note' // a written note or reason
  | 'assignee' // the board member who reviews
  | 'reasons' // one or more Art. 11 rejection reason codes
  | 'scheduledAt' // a future publication time
  | 'publicNote' // a note shown to the public (correction note)
  | 'withdrawal'; // "public_notice" with a notice text, or "silent"

/** Target of an event that records something on the timeline without moving the case. */
export const UNCHANGED = 'unchanged';

export interface Transition {
  from: readonly State[];
  to: State | typeof UNCHANGED;
  /** Action id within the plugin: `plugin::editorial-workflow.<permission>`. */
  permission: string;
  requires: readonly Requirement[];
  /** The actor must be neither the submitter nor the last editor of the case. */
  secondPairOfEyes?: boolean;
  /** Effect of the event on the document: publishing or unpublishing the locale of the case. */
  effect?: 'publish' | 'unpublish';
  /** Legal basis, shown in the admin panel next to the event. */
  basis?: string;
}

const PRE_PUBLICATION = ['submitted', 'in_review', 'clarification_requested', 'on_hold'] as const;

export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', permission: 'submit', requires: [], basis: 'Art. 10(1)' },
  assign_review: { from: ['submitted'], to: 'in_review', permission: 'assign-review', requires: ['assignee'], basis: 'Art. 6(2)(b)' },
  return_from_review: { from: ['in_review'], to: 'submitted', permission: 'review', requires: ['note'], basis: 'Art. 6(2)(b)' },
  request_clarification: { from: ['submitted', 'in_review'], to: 'clarification_requested', permission: 'review', requires: ['note'], basis: 'Art. 11(6)' },
  provide_clarification: { from: ['clarification_requested'], to: 'submitted', permission: 'submit', requires: ['note'], basis: 'Art. 11(6)' },
  hold_for_direction: { from: ['submitted', 'in_review', 'approved'], to: 'on_hold', permission: 'hold', requires: ['note'], basis: 'Art. 10(2)(e)' },
  record_direction: { from: ['on_hold'], to: 'submitted', permission: 'direct', requires: ['note'], basis: 'Art. 10(2)(e)' },
  // From "approved" it approves again an item edited after its approval.
  approve: { from: ['submitted', 'in_review', 'approved'], to: 'approved', permission: 'approve', requires: [], secondPairOfEyes: true },
  schedule: { from: ['approved'], to: 'scheduled', permission: 'publish', requires: ['scheduledAt'], secondPairOfEyes: true },
  unschedule: { from: ['scheduled'], to: 'approved', permission: 'publish', requires: [] },
  publish: { from: ['approved', 'scheduled'], to: 'published', permission: 'publish', requires: [], secondPairOfEyes: true, effect: 'publish' },
  force_publish: { from: [...PRE_PUBLICATION], to: 'published', permission: 'force-publish', requires: ['note'], secondPairOfEyes: true, effect: 'publish' },
  // The retrospective approval of a force publication, by someone other than who forced it.
  confirm_force_publish: { from: ['published'], to: 'published', permission: 'approve', requires: [] },
  reject: { from: [...PRE_PUBLICATION], to: 'rejected', permission: 'reject', requires: ['reasons', 'note'], basis: 'Art. 11' },
  resubmit: { from: ['rejected'], to: 'submitted', permission: 'submit', requires: [] },
  request_correction: { from: ['published'], to: 'correction_in_progress', permission: 'request-correction', requires: ['note'], basis: 'Art. 12(1)' },
  publish_correction: { from: ['correction_in_progress'], to: 'published', permission: 'publish', requires: ['publicNote'], secondPairOfEyes: true, effect: 'publish', basis: 'Art. 12(1)' },
  request_takedown: { from: ['published'], to: 'takedown_requested', permission: 'request-takedown', requires: ['note'], basis: 'Art. 12(2)' },
  approve_takedown: { from: ['takedown_requested'], to: 'withdrawn', permission: 'decide-takedown', requires: ['withdrawal'], effect: 'unpublish', basis: 'Art. 12(2)' },
  deny_takedown: { from: ['takedown_requested'], to: 'published', permission: 'decide-takedown', requires: ['note'], basis: 'Art. 12(2)' },
  // A remark, review opinion or unit opinion on the timeline, in any state.
  remark: { from: [...STATES], to: UNCHANGED, permission: 'remark', requires: ['note'] },
} as const satisfies Record<string, Transition>;

export type EventName = keyof typeof TRANSITIONS;

export const EVENT_NAMES = Object.keys(TRANSITIONS) as EventName[];

/** The permission actions of the plugin, one per distinct `permission` of the table. */
export const PERMISSIONS = [...new Set(EVENT_NAMES.map((event) => TRANSITIONS[event].permission))];

/** States in which the content has not reached the public yet. */
export const PRE_PUBLICATION_STATES: readonly State[] = ['draft', ...PRE_PUBLICATION, 'approved', 'scheduled', 'rejected'];

/** States in which the published version is visible to the public. */
export const PUBLICLY_VISIBLE_STATES: readonly State[] = ['published', 'correction_in_progress', 'takedown_requested'];

export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(TRANSITIONS, value);

export const transitionOf = (event: EventName): Transition => TRANSITIONS[event];

/** Returns the state a case is in after the event, from the state it is in before. */
export const targetOf = (event: EventName, from: State): State => {
  const to = (TRANSITIONS[event] as Transition).to;
  return to === UNCHANGED ? from : to;
};

/** Lists the events whose source states include the given state. */
export const eventsFrom = (state: State): EventName[] =>
  EVENT_NAMES.filter((event) => (TRANSITIONS[event].from as readonly State[]).includes(state));

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DeadlinesConfig } from '../config';
import { RULES } from '../rules';
import { describeTimer } from '../services/describe';
import type { TimerRecord } from '../services/timers';

type Context = {
  params: Record<string, string>;
  request: { body?: unknown };
  state: { user: { id: number; firstname?: string; lastname?: string } };
  body: unknown;
};

/** Largest id of a 32-bit integer column on PostgreSQL, so a larger number is rejected before the query. */
const MAX_ID = 2_147_483_647;

const positiveId = (value: string, field: string) => {
  const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID) throw new errors.ValidationError(`${field} "${value}" is invalid; use a whole number from 1 to ${MAX_ID}.`);
  return id;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async rules(ctx: Context) {
    const config = strapi.config.get('plugin::publication-deadlines') as DeadlinesConfig;
    ctx.body = { data: RULES, meta: { reminderPoints: config.reminderPoints, questionWorkingDays: config.questionWorkingDays } };
  },

  async forCase(ctx: Context) {
    const caseId = positiveId(ctx.params.caseId, 'caseId');
    const now = new Date();
    const timers: Map<number, TimerRecord[]> = await strapi.plugin('publication-deadlines').service('timers').forCases([caseId]);
    ctx.body = { data: (timers.get(caseId) ?? []).map((timer) => describeTimer(timer, now)), meta: { now: now.toISOString() } };
  },

  async correctStart(ctx: Context) {
    const id = positiveId(ctx.params.id, 'id');
    const user = ctx.state.user;
    const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || `admin user ${user.id}`;
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const timer = await strapi.plugin('publication-deadlines').service('timers').correctStart(id, body.data ?? body, { id: user.id, name });
    ctx.body = { data: describeTimer(timer, new Date()) };
  },
});

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actionUid } from '../constants';
import { eventsFrom, isEventName, STATES, TRANSITIONS, type State } from '../state-machine';
import type { Actor } from '../services/actor';
import type { ApplyResult } from '../services/transitions';

type Context = {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  request: { body?: Record<string, unknown> };
  state: { user: { id: number; firstname?: string; lastname?: string; email: string }; userAbility: { can: (action: string) => boolean } };
  status: number;
  body: unknown;
};

const actorOf = (ctx: Context): Actor => {
  const user = ctx.state.user;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || `admin user ${user.id}`;
  return { kind: 'user', id: user.id, name, can: (permission) => ctx.state.userAbility.can(actionUid(permission)) };
};

const positiveInt = (value: string | undefined, field: string, fallback: number) => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new errors.ValidationError(`${field} must be a positive whole number; received "${value}".`);
  return parsed;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('editorial-workflow').service(name);

  /** Lists the events of a state that the current user's role allows. */
  const allowedEvents = (ctx: Context, state: State) =>
    eventsFrom(state).filter((event) => ctx.state.userAbility.can(actionUid(TRANSITIONS[event].permission)));

  return {
    async list(ctx: Context) {
      const { state, contentType, unit, assignee, locale } = ctx.query;
      if (state && !(STATES as readonly string[]).includes(state)) {
        throw new errors.ValidationError(`state "${state}" is not a workflow state; use one of ${STATES.join(', ')}.`);
      }
      const page = positiveInt(ctx.query.page, 'page', 1);
      const pageSize = Math.min(positiveInt(ctx.query.pageSize, 'pageSize', 25), 100);
      const assigneeId = assignee ? positiveInt(assignee, 'assignee', 1) : undefined;
      const { results, pagination } = await service('cases').list({ state, contentType, unitDocumentId: unit, assigneeId, locale }, page, pageSize);
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      const id = positiveInt(ctx.params.id, 'id', 0);
      const record = await service('cases').findById(id);
      if (!record) throw new errors.NotFoundError(`No workflow case has id ${id}.`);
      const timeline = await service('cases').timeline(id);
      ctx.body = { data: { ...record, timeline, allowedEvents: allowedEvents(ctx, record.state) } };
    },

    /** Returns the case of one document locale, or the draft state if it was never submitted. */
    async findForDocument(ctx: Context) {
      const { contentType, documentId } = ctx.params;
      if (!service('cases').isWorkflowType(contentType)) throw new errors.ValidationError(`${contentType} is not under the editorial workflow.`);
      const locale = service('cases').caseLocale(contentType, ctx.query.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale()));
      const record = await service('cases').find(contentType, documentId, locale);
      const timeline = record ? await service('cases').timeline(record.id) : [];
      const state: State = record?.state ?? 'draft';
      ctx.body = { data: { case: record, state, timeline, allowedEvents: allowedEvents(ctx, state) } };
    },

    async apply(ctx: Context) {
      const { contentType, documentId, event } = ctx.params;
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const result: ApplyResult = await service('transitions').apply({
        uid: contentType,
        documentId,
        locale: ctx.query.locale,
        event,
        actor: actorOf(ctx),
        input: body,
      });
      if (result.ok) {
        ctx.body = { data: result.case, meta: { timelineEntryId: result.timelineEntryId } };
        return;
      }
      const names = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError' } as const;
      ctx.status = result.status;
      ctx.body = {
        data: null,
        error: { status: result.status, name: names[result.status], message: result.refusals.join(' '), details: { refusals: result.refusals, event: isEventName(event) ? event : null } },
      };
    },
  };
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { actionUid } from '../constants';
import { parsePagination, positiveInt } from './query';
import { eventsFrom, isEventName, STATES, targetOf, TRANSITIONS, UNCHANGED, type State } from '../state-machine';
import type { Actor } from '../services/actor';
import type { ApplyResult } from '../services/transitions';
import type { CaseRecord } from '../services/cases';
import { reasonCatalogue } from '../services/reasons';

type Context = {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  request: { body?: Record<string, unknown> };
  state: {
    user: { id: number; firstname?: string; lastname?: string; email: string; roles?: { code: string }[] };
    userAbility: { can: (action: string) => boolean };
  };
  status: number;
  body: unknown;
};

const actorOf = (ctx: Context): Actor => {
  const user = ctx.state.user;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || `admin user ${user.id}`;
  return {
    kind: 'user',
    id: user.id,
    name,
    email: user.email,
    roleCodes: (user.roles ?? []).map((role) => role.code),
    can: (permission) => ctx.state.userAbility.can(actionUid(permission)),
  };
};


type DeadlineSummary = { timers: unknown[]; next: { dueAt: string } | null };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('editorial-workflow').service(name);

  /** Adds each case's deadlines when the publication-deadlines plugin runs the clocks. */
  async function withDeadlines<T extends { id: number }>(records: T[]): Promise<(T & { deadline?: DeadlineSummary })[]> {
    const timers = strapi.plugin('publication-deadlines')?.service('timers') as
      | { summaries?: (ids: number[]) => Promise<Map<number, DeadlineSummary>> }
      | undefined;
    if (typeof timers?.summaries !== 'function' || records.length === 0) return records;
    const summaries = await timers.summaries(records.map((record) => record.id));
    return records.map((record) => ({ ...record, deadline: summaries.get(record.id) }));
  }

  /**
   * Lists the events of a state that the current user's role allows. With a case, the
   * confirmation of a force publication is listed only while one awaits confirmation.
   */
  const allowedEvents = (ctx: Context, state: State, record?: CaseRecord | null) =>
    eventsFrom(state).filter((event) => {
      if (!ctx.state.userAbility.can(actionUid(TRANSITIONS[event].permission))) return false;
      if (event === 'confirm_force_publish' && record !== undefined) return Boolean(record?.forcePublishedById && !record.forcePublishConfirmedById);
      return true;
    });

  /** Describes the allowed events with what each requires, for the dialogs of the admin panel. */
  const eventDetails = (ctx: Context, state: State, record: CaseRecord | null) =>
    allowedEvents(ctx, state, record).map((event) => ({ name: event, to: targetOf(event, state), requires: TRANSITIONS[event].requires }));

  return {
    async list(ctx: Context) {
      const { state, contentType, unit, assignee, locale, overdue } = ctx.query;
      if (overdue !== undefined && overdue !== 'true' && overdue !== 'false') {
        throw new errors.ValidationError(`overdue "${overdue}" is invalid; use "true" or "false".`);
      }
      let caseIds: number[] | undefined;
      if (overdue === 'true') {
        // The deadline clocks belong to the publication-deadlines plugin, which names the overdue cases.
        const deadlines = strapi.plugin('publication-deadlines')?.service('timers') as { overdueCaseIds?: (at: Date) => Promise<number[]> } | undefined;
        if (typeof deadlines?.overdueCaseIds !== 'function') {
          throw new errors.ValidationError('overdue=true needs the publication-deadlines plugin, which is not enabled; leave the filter out.');
        }
        caseIds = await deadlines.overdueCaseIds(new Date());
      }
      if (state && !(STATES as readonly string[]).includes(state)) {
        throw new errors.ValidationError(`state "${state}" is not a workflow state; use one of ${STATES.join(', ')}.`);
      }
      const { page, pageSize } = parsePagination(ctx.query);
      const assigneeId = assignee ? positiveInt(assignee, 'assignee', 1) : undefined;
      const { results, pagination } = await service('cases').list({ state, contentType, unitDocumentId: unit, assigneeId, locale, caseIds }, page, pageSize);
      ctx.body = { data: await withDeadlines(results), meta: { pagination } };
    },

    async findOne(ctx: Context) {
      const id = positiveInt(ctx.params.id, 'id', 0);
      const record = await service('cases').findById(id);
      if (!record) throw new errors.NotFoundError(`No workflow case has id ${id}.`);
      const timeline = await service('cases').timeline(id);
      const [withDeadline] = await withDeadlines([record]);
      ctx.body = { data: { ...withDeadline, timeline, allowedEvents: allowedEvents(ctx, record.state, record) } };
    },

    /** Returns the case of one document locale, or the draft state if it was never submitted. */
    async findForDocument(ctx: Context) {
      const { contentType, documentId } = ctx.params;
      if (!service('cases').isWorkflowType(contentType)) throw new errors.ValidationError(`${contentType} is not under the editorial workflow.`);
      const locale = service('cases').caseLocale(contentType, ctx.query.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale()));
      const record = await service('cases').find(contentType, documentId, locale);
      const timeline = record ? await service('cases').timeline(record.id) : [];
      const state: State = record?.state ?? 'draft';
      const [caseWithDeadline] = record ? await withDeadlines([record]) : [null];
      ctx.body = { data: { case: caseWithDeadline, state, timeline, allowedEvents: allowedEvents(ctx, state, record), events: eventDetails(ctx, state, record) } };
    },

    /**
     * Lists the cases that the current user can act on or that are assigned to them: the earliest
     * publication deadline first, then the oldest receipt.
     */
    async queue(ctx: Context) {
      // A state is waiting for the user when an event of theirs moves it on; remarks do not count.
      const actionable = STATES.filter((state) => state !== 'draft' && allowedEvents(ctx, state).some((event) => TRANSITIONS[event].to !== UNCHANGED));
      const results = await strapi.db.query('plugin::editorial-workflow.case').findMany({
        where: { $or: [{ state: { $in: actionable } }, { assigneeId: ctx.state.user.id, state: { $in: ['in_review'] } }] },
        orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
        limit: 200,
      });
      const ordered = (await withDeadlines(results as CaseRecord[])).sort((a, b) => {
        const dueA = a.deadline?.next?.dueAt ?? null;
        const dueB = b.deadline?.next?.dueAt ?? null;
        if (dueA !== dueB) return dueA === null ? 1 : dueB === null ? -1 : dueA.localeCompare(dueB);
        return 0;
      });
      ctx.body = { data: ordered, meta: { states: actionable } };
    },

    /** Lists the active admin users whose role may review, for the assign-for-review dialog. */
    async reviewers(ctx: Context) {
      const permissions = await strapi.db
        .query('admin::permission')
        .findMany({ where: { action: actionUid('review') }, populate: ['role'] });
      const roleIds = [...new Set(permissions.map((permission: { role?: { id: number } }) => permission.role?.id).filter(Boolean))];
      const users = roleIds.length
        ? await strapi.db.query('admin::user').findMany({
            where: { isActive: true, roles: { id: { $in: roleIds } } },
            select: ['id', 'firstname', 'lastname', 'email'],
            orderBy: [{ lastname: 'asc' }, { firstname: 'asc' }],
          })
        : [];
      ctx.body = { data: users };
    },

    /** Lists the content types under the workflow; the admin panel shows its side panel only on them. */
    async contentTypes(ctx: Context) {
      ctx.body = { data: service('cases').workflowTypes() };
    },

    /** Lists the rejection reasons an editor may choose now, in the requested language. */
    async reasons(ctx: Context) {
      const language = ctx.query.locale === 'en' ? 'en' : 'vi';
      ctx.body = { data: await reasonCatalogue(strapi).listActive(language, new Date()) };
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

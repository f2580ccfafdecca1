import type { Core } from '@strapi/strapi';
import { ADMIN_ACTION_UID, LOGIN_EVENT_UID } from './constants';

type KoaContext = {
  method: string;
  path: string;
  status: number;
  body: unknown;
  request: { body?: unknown; ip?: string };
  state?: { user?: { id?: number }; auth?: { strategy?: { name?: string } } };
};

/** Entry actions recorded per admin user; publishing goes through the workflow and its timeline. */
const RECORDED_ACTIONS = new Set(['create', 'update', 'delete', 'discardDraft']);

const LOGIN_PATH = '/admin/login';

/**
 * Records every attempt to log in to the admin panel: Strapi Community Edition keeps no audit
 * log, and the quarterly account report (Art. 7(2)(d)) needs logins and failed logins. The
 * middleware wraps the request, so it reads the final status whatever the login route did. A
 * failure to record is logged and never changes the login's response.
 */
export function loginRecorder(strapi: Core.Strapi) {
  return async (ctx: KoaContext, next: () => Promise<void>) => {
    await next();
    if (ctx.method !== 'POST' || ctx.path !== LOGIN_PATH) return;
    try {
      const body = (ctx.request.body ?? {}) as { email?: unknown };
      const email = typeof body.email === 'string' ? body.email.trim().toLowerCase().slice(0, 255) : null;
      const success = ctx.status === 200;
      let userId = success ? ((ctx.body as { data?: { user?: { id?: number } } })?.data?.user?.id ?? null) : null;
      if (!success && email) {
        const user = await strapi.db.query('admin::user').findOne({ where: { email: { $eqi: email } }, select: ['id'] });
        userId = user?.id ?? null;
      }
      await strapi.db.query(LOGIN_EVENT_UID).create({
        data: { at: new Date(), userId, email, outcome: success ? 'success' : 'failure', httpStatus: ctx.status, ip: ctx.request.ip?.slice(0, 64) ?? null },
      });
    } catch (error) {
      strapi.log.error(`[reporting] Could not record an admin login attempt: ${(error as Error).message}`);
    }
  };
}

/**
 * Records creates, updates, deletes and discarded drafts that an admin user makes through the
 * Document Service, inside the same transaction when there is one. Calls outside an admin
 * request (API tokens, cron jobs, the seed) are not admin actions and are not recorded.
 */
export function registerActionRecorder(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!RECORDED_ACTIONS.has(context.action)) return result;
    const request = strapi.requestContext.get() as KoaContext | undefined;
    const userId = request?.state?.user?.id;
    if (!userId || request?.state?.auth?.strategy?.name !== 'admin') return result;
    const params = (context.params ?? {}) as { documentId?: string; locale?: string };
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId ?? null;
    await strapi.db.query(ADMIN_ACTION_UID).create({
      data: {
        at: new Date(),
        userId,
        action: `content.${context.action}`,
        contentType: context.uid,
        entryDocumentId: documentId,
        entryLocale: typeof params.locale === 'string' ? params.locale.slice(0, 16) : null,
      },
    });
    return result;
  });
}

import type { Core } from '@strapi/strapi';
import { isPortalUid } from '../content-types';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type AuthState = { strategy?: { name?: string }; credentials?: { type?: string } | null };

/**
 * Tells whether the current HTTP request may read drafts. The admin panel and full-access API
 * tokens may. The public role, read-only and custom tokens and end users may not.
 */
function mayReadDrafts(auth: AuthState | undefined): boolean {
  const strategy = auth?.strategy?.name;
  if (strategy === 'admin') return true;
  // Strapi 5.54 names the content-API token strategy `content-api-token`; older releases `api-token`.
  const isApiToken = strategy === 'content-api-token' || strategy === 'api-token';
  return isApiToken && auth?.credentials?.type === 'full-access';
}

/**
 * Registers the document-service middleware that forces `status: 'published'` on reads made for
 * content-API callers. Strapi 5 accepts `?status=draft` over REST and `status: DRAFT` over
 * GraphQL from anyone with the find permission, so without it the public could read drafts.
 * Calls made outside an HTTP request (bootstrap, jobs, tests) are left alone.
 */
export function registerPublishedOnlyReads(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (!READ_ACTIONS.has(context.action) || !isPortalUid(context.uid)) return next();

    const ctx = strapi.requestContext.get();
    if (!ctx || mayReadDrafts(ctx.state?.auth as AuthState)) return next();

    const params = context.params as { status?: string };
    params.status = 'published';
    return next();
  });
}

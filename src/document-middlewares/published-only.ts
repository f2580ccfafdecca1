import type { Core } from '@strapi/strapi';
import { isPortalUid } from '../content-types';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const SEARCHABLE_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);

type AuthState = { strategy?: { name?: string }; credentials?: { type?: string } | null };
type Attribute = { type: string; private?: boolean; target?: string; component?: string; relation?: string };
type Schema = { attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean } };
type Filters = Record<string, unknown>;

/**
 * Tells whether the current HTTP request may read drafts. The admin panel and full-access API
 * tokens may. The public role, read-only and custom tokens and end users may not.
 */
export function mayReadDrafts(auth: AuthState | undefined): boolean {
  const strategy = auth?.strategy?.name;
  if (strategy === 'admin') return true;
  // Strapi 5.54 names the content-API token strategy `content-api-token`; older releases `api-token`.
  const isApiToken = strategy === 'content-api-token' || strategy === 'api-token';
  return isApiToken && auth?.credentials?.type === 'full-access';
}

/** Tells whether the current request, if any, comes from a caller that must see published content only. */
export function isRestrictedReader(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get();
  return Boolean(ctx) && !mayReadDrafts(ctx.state?.auth as AuthState);
}

/**
 * Rewrites a free-text search (`_q`) into `$containsi` filters on the public text fields only.
 * Strapi's own `_q` searches private columns too, which lets anyone probe a hidden email address.
 */
function publicSearchFilter(schema: Schema, query: string): Filters {
  const fields = Object.entries(schema.attributes)
    .filter(([, attribute]) => SEARCHABLE_TYPES.has(attribute.type) && !attribute.private)
    .map(([name]) => name);
  if (fields.length === 0) return { id: { $null: true } };
  return { $or: fields.map((field) => ({ [field]: { $containsi: query } })) };
}

/**
 * Adds "published" to every filter that reaches through a relation into a type with Draft &
 * Publish, so that a filter cannot tell whether an unpublished draft contains a given text.
 */
export function restrictRelationFilters(strapi: Core.Strapi, schema: Schema, filters: unknown): unknown {
  if (Array.isArray(filters)) return filters.map((item) => restrictRelationFilters(strapi, schema, item));
  if (!filters || typeof filters !== 'object') return filters;

  const restricted: Filters = {};
  for (const [key, value] of Object.entries(filters as Filters)) {
    const attribute = schema.attributes[key];
    if (key === '$and' || key === '$or' || key === '$not') {
      restricted[key] = restrictRelationFilters(strapi, schema, value);
    } else if (attribute?.type === 'relation' && attribute.target) {
      const target = strapi.getModel(attribute.target as never) as unknown as Schema | undefined;
      const nested = target ? restrictRelationFilters(strapi, target, value) : value;
      restricted[key] = target?.options?.draftAndPublish ? { $and: [nested, { publishedAt: { $notNull: true } }] } : nested;
    } else if (attribute?.type === 'component' && attribute.component) {
      const component = strapi.getModel(attribute.component as never) as unknown as Schema;
      restricted[key] = restrictRelationFilters(strapi, component, value);
    } else {
      restricted[key] = value;
    }
  }
  return restricted;
}

/**
 * Registers the document-service middleware that keeps content-API callers on published
 * content. Strapi 5 accepts `?status=draft` over REST and `status: DRAFT` over GraphQL from
 * anyone with the find permission, searches private fields with `_q`, and matches relation
 * filters against drafts. For restricted callers this forces `status: 'published'`, limits
 * `_q` to public fields and relation filters to published rows. Calls made outside an HTTP
 * request (bootstrap, jobs, tests) are left alone.
 */
export function registerPublishedOnlyReads(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (!READ_ACTIONS.has(context.action) || !isPortalUid(context.uid) || !isRestrictedReader(strapi)) return next();

    const params = context.params as { status?: string; _q?: string; filters?: Filters; publicationFilter?: unknown; hasPublishedVersion?: unknown };
    const schema = context.contentType as unknown as Schema;
    params.status = 'published';
    delete params.publicationFilter;
    delete params.hasPublishedVersion;

    const conditions: unknown[] = [];
    if (params.filters) conditions.push(restrictRelationFilters(strapi, schema, params.filters));
    if (typeof params._q === 'string' && params._q.trim() !== '') conditions.push(publicSearchFilter(schema, params._q.trim()));
    delete params._q;
    if (conditions.length > 0) params.filters = (conditions.length === 1 ? conditions[0] : { $and: conditions }) as Filters;
    return next();
  });
}

import type { Core } from '@strapi/strapi';
import { START_FIELDS } from './services/timers';

const NO_LOCALE = 'und';

/**
 * Moves the clocks of a submitted document when an editor changes the field they started from,
 * such as a mistyped incoming stamp. The change is recorded on the case's timeline.
 */
export function registerDocumentEdits(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.action !== 'update' || !(context.uid in START_FIELDS)) return result;

    const params = context.params as { documentId?: string; locale?: string; data?: Record<string, unknown> };
    const field = START_FIELDS[context.uid];
    if (!params.documentId || !params.data || !(field in params.data)) return result;

    const localized = Boolean((strapi.contentType(context.uid) as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized);
    const locale = localized ? (params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale())) : NO_LOCALE;
    const user = (strapi.requestContext.get() as { state?: { user?: { id: number; firstname?: string; lastname?: string } } } | undefined)?.state?.user;
    const actor = user
      ? { kind: 'user' as const, id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || `admin user ${user.id}` }
      : { kind: 'system' as const, name: 'Document update' };
    try {
      await strapi.plugin('publication-deadlines').service('timers').followDocumentEdit(context.uid, params.documentId, locale, actor);
    } catch (error) {
      strapi.log.error(`[publication-deadlines] Clocks of ${context.uid} ${params.documentId} (${locale}) not moved after an edit of ${field}: ${(error as Error).message}`);
    }
    return result;
  });
}

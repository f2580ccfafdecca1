import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { publicationGuard } from './services/guard';

const PUBLISHING_ACTIONS = new Set(['publish', 'unpublish']);
const WRITE_ACTIONS = new Set(['create', 'update']);

/**
 * Registers the document-service middleware that lets a workflow content type be published or
 * unpublished only from inside a workflow transition. It covers every path that reaches the
 * Document Service: the content-manager buttons and bulk actions, REST creates and updates that
 * publish (REST publishes by default), GraphQL mutations and direct service calls.
 */
export function registerPublicationGate(strapi: Core.Strapi) {
  const isWorkflowType = (uid: string) => strapi.plugin('editorial-workflow').service('cases').isWorkflowType(uid);

  /** Tells whether a published row exists for the document, in the given locale or in any ('*' or none). */
  async function hasPublishedVersion(uid: string, documentId: string | undefined, locale: string | undefined) {
    if (!documentId) return false;
    const where: Record<string, unknown> = { documentId, publishedAt: { $notNull: true } };
    if (locale && locale !== '*') where.locale = locale;
    return (await strapi.db.query(uid as never).count({ where })) > 0;
  }

  strapi.documents.use(async (context, next) => {
    if (!isWorkflowType(context.uid) || publicationGuard.activeEvent()) return next();

    const params = context.params as { status?: string; documentId?: string; locale?: string };
    const name = (context.contentType as { info?: { displayName?: string } }).info?.displayName ?? context.uid;

    // Deleting a published document would withdraw it without the leadership's decision.
    if (context.action === 'delete' && (await hasPublishedVersion(context.uid, params.documentId, params.locale))) {
      throw new errors.PolicyError(
        `This ${name} entry is published, so it cannot be deleted. ` +
          'Request a takedown in the workflow panel; once it is withdrawn, it can be deleted.'
      );
    }

    const publishes = PUBLISHING_ACTIONS.has(context.action) || (WRITE_ACTIONS.has(context.action) && params.status === 'published');
    if (!publishes) return next();

    // A PolicyError, because Strapi replaces the message of any other ForbiddenError with "Forbidden".
    throw new errors.PolicyError(
      `${name} entries are published and unpublished only through the editorial workflow. ` +
        'Save the entry as a draft (over REST add ?status=draft), then submit it for approval in the workflow panel.'
    );
  });
}

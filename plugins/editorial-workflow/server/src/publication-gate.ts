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

  strapi.documents.use(async (context, next) => {
    if (!isWorkflowType(context.uid) || publicationGuard.activeEvent()) return next();

    const params = context.params as { status?: string };
    const publishes = PUBLISHING_ACTIONS.has(context.action) || (WRITE_ACTIONS.has(context.action) && params.status === 'published');
    if (!publishes) return next();

    const name = (context.contentType as { info?: { displayName?: string } }).info?.displayName ?? context.uid;
    // A PolicyError, because Strapi replaces the message of any other ForbiddenError with "Forbidden".
    throw new errors.PolicyError(
      `${name} entries are published and unpublished only through the editorial workflow. ` +
        'Save the entry as a draft (over REST add ?status=draft), then submit it for approval in the workflow panel.'
    );
  });
}

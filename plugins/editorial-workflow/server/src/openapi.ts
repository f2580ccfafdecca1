import type { Core } from '@strapi/strapi';
import { EVENT_NAMES, STATES } from './state-machine';

const ADMIN_SERVER = [{ url: '/', description: 'Admin API of the workflow; send an admin JWT as a Bearer token' }];
const ADMIN_SECURITY = [{ bearerAuth: [] }];

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/WorkflowError' } } },
});

const pathParameter = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'path', required: true, description, schema });
const queryParameter = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });

/** OpenAPI description of the workflow's public notices endpoint and its admin API. */
export const WORKFLOW_OPENAPI = {
  paths: {
    '/editorial-workflow/notices': {
      get: {
        tags: ['Editorial workflow'],
        summary: 'Correction notes and withdrawal notices of published items',
        parameters: [
          queryParameter('contentType', 'Content-type uid, for example api::article.article'),
          queryParameter('documentId', 'Document id of the item'),
          queryParameter('locale', 'Locale of the item, vi or en'),
          queryParameter('kind', 'correction or withdrawal', { type: 'string', enum: ['correction', 'withdrawal'] }),
          queryParameter('page', 'Page number, from 1', { type: 'integer', minimum: 1 }),
          queryParameter('pageSize', 'Items per page, 1 to 100', { type: 'integer', minimum: 1, maximum: 100 }),
        ],
        responses: {
          200: {
            description: 'Public notes, newest first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          kind: { type: 'string', enum: ['correction', 'withdrawal'] },
                          note: { type: 'string' },
                          at: { type: 'string', format: 'date-time' },
                          contentType: { type: 'string' },
                          documentId: { type: 'string' },
                          locale: { type: 'string' },
                          title: { type: 'string', nullable: true },
                        },
                      },
                    },
                    meta: { type: 'object' },
                  },
                },
              },
            },
          },
          400: errorResponse('Invalid kind, page or pageSize'),
        },
      },
    },
    '/editorial-workflow/cases': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Editorial workflow (admin)'],
        summary: 'List workflow cases',
        security: ADMIN_SECURITY,
        parameters: [
          queryParameter('state', 'Workflow state', { type: 'string', enum: [...STATES] }),
          queryParameter('contentType', 'Content-type uid'),
          queryParameter('unit', 'Document id of the unit'),
          queryParameter('assignee', 'Admin user id of the reviewer', { type: 'integer' }),
          queryParameter('locale', 'Locale of the case'),
          queryParameter('overdue', 'true for cases past a statutory deadline (needs the publication-deadlines plugin)', { type: 'boolean' }),
          queryParameter('page', 'Page number, from 1', { type: 'integer', minimum: 1 }),
          queryParameter('pageSize', 'Cases per page, 1 to 100', { type: 'integer', minimum: 1, maximum: 100 }),
        ],
        responses: { 200: { description: 'Cases with pagination' }, 400: errorResponse('Invalid filter'), 403: errorResponse('Missing the read permission') },
      },
    },
    '/editorial-workflow/cases/{id}': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Editorial workflow (admin)'],
        summary: 'One case with its timeline and the events the current user may apply',
        security: ADMIN_SECURITY,
        parameters: [pathParameter('id', 'Case id', { type: 'integer' })],
        responses: { 200: { description: 'The case' }, 404: errorResponse('No such case') },
      },
    },
    '/editorial-workflow/documents/{contentType}/{documentId}': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Editorial workflow (admin)'],
        summary: 'The case of one document locale, or the draft state if it was never submitted',
        security: ADMIN_SECURITY,
        parameters: [pathParameter('contentType', 'Content-type uid'), pathParameter('documentId', 'Document id'), queryParameter('locale', 'Locale, default vi')],
        responses: { 200: { description: 'State, case, timeline and allowed events' }, 400: errorResponse('Not a workflow content type') },
      },
    },
    '/editorial-workflow/documents/{contentType}/{documentId}/events/{event}': {
      servers: ADMIN_SERVER,
      post: {
        tags: ['Editorial workflow (admin)'],
        summary: 'Apply a workflow event to one document locale',
        security: ADMIN_SECURITY,
        parameters: [
          pathParameter('contentType', 'Content-type uid'),
          pathParameter('documentId', 'Document id'),
          pathParameter('event', 'Workflow event', { type: 'string', enum: [...EVENT_NAMES] }),
          queryParameter('locale', 'Locale, default vi'),
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  note: { type: 'string', maxLength: 5000 },
                  reasons: { type: 'array', items: { type: 'string' }, example: ['R11.5'] },
                  assigneeId: { type: 'integer' },
                  scheduledAt: { type: 'string', format: 'date-time', example: '2026-12-05T08:00:00+07:00' },
                  publicNote: { type: 'string' },
                  withdrawal: {
                    type: 'object',
                    properties: { mode: { type: 'string', enum: ['public_notice', 'silent'] }, notice: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
        responses: {
          200: { description: 'The case after the transition' },
          400: errorResponse('Missing or invalid input, such as a missing reason'),
          403: errorResponse('The role, the unit, the subject field or the second-pair-of-eyes rule does not allow it'),
          404: errorResponse('No draft of the document in that locale'),
          409: errorResponse('The state does not allow the event, or another user acted first'),
        },
      },
    },
    '/editorial-workflow/queue': {
      servers: ADMIN_SERVER,
      get: { tags: ['Editorial workflow (admin)'], summary: 'Cases waiting for an action of the current user', security: ADMIN_SECURITY, responses: { 200: { description: 'Cases, oldest receipt first' } } },
    },
    '/editorial-workflow/reviewers': {
      servers: ADMIN_SERVER,
      get: { tags: ['Editorial workflow (admin)'], summary: 'Admin users whose role may review', security: ADMIN_SECURITY, responses: { 200: { description: 'Users' } } },
    },
    '/editorial-workflow/reasons': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Editorial workflow (admin)'],
        summary: 'Rejection reasons an editor may choose now',
        security: ADMIN_SECURITY,
        parameters: [queryParameter('locale', 'Language of the labels, vi or en')],
        responses: { 200: { description: 'Reasons with code and label' } },
      },
    },
    '/editorial-workflow/notifications': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Editorial workflow (admin)'],
        summary: 'Notification emails of the workflow',
        security: ADMIN_SECURITY,
        parameters: [queryParameter('status', 'pending, sent or failed', { type: 'string', enum: ['pending', 'sent', 'failed'] })],
        responses: { 200: { description: 'Notifications with pagination' }, 403: errorResponse('Missing the notifications permission') },
      },
    },
    '/editorial-workflow/notifications/{id}/retry': {
      servers: ADMIN_SERVER,
      post: {
        tags: ['Editorial workflow (admin)'],
        summary: 'Queue a failed notification again',
        security: ADMIN_SECURITY,
        parameters: [pathParameter('id', 'Notification id', { type: 'integer' })],
        responses: { 200: { description: 'Queued' }, 404: errorResponse('No failed notification with that id') },
      },
    },
  },
  components: {
    schemas: {
      WorkflowError: {
        type: 'object',
        properties: {
          data: { nullable: true },
          error: {
            type: 'object',
            properties: {
              status: { type: 'integer' },
              name: { type: 'string' },
              message: { type: 'string' },
              details: { type: 'object', properties: { refusals: { type: 'array', items: { type: 'string' } } } },
            },
          },
        },
      },
    },
  },
};

/** Adds the workflow's routes to the OpenAPI document, when the documentation plugin is enabled. */
export function registerOpenApi(strapi: Core.Strapi) {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  documentation.service('override').registerOverride(WORKFLOW_OPENAPI, { pluginOrigin: 'editorial-workflow', excludeFromGeneration: ['editorial-workflow'] });
}

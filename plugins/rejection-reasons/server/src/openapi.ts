import type { Core } from '@strapi/strapi';

const ADMIN_SERVER = [{ url: '/', description: 'Admin API of the rejection reasons; send an admin JWT as a Bearer token' }];
const ADMIN_SECURITY = [{ bearerAuth: [] }];

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/RejectionReasonsError' } } },
});
const pathParameter = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'path', required: true, description, schema });
const queryParameter = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, required = false) => ({ name, in: 'query', required, description, schema });
const documentParameters = [
  pathParameter('contentType', 'Content-type uid, for example api::article.article'),
  pathParameter('documentId', 'Document id'),
  queryParameter('locale', 'Locale of the document, vi or en (default vi)'),
];

const reasonFields = {
  code: { type: 'string', example: 'R11.5' },
  label: { type: 'string' },
  description: { type: 'string', description: 'What the reason covers, for editors' },
  authorText: { type: 'string', description: 'The wording sent to the author' },
  legalBasis: { type: 'string', example: 'Art. 11(5), regulation issued with Decision 400/QĐ-BKHCN of 19 March 2024' },
};

const catalogueEntry = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    legalBasisVi: { type: 'string' },
    legalBasisEn: { type: 'string' },
    labelVi: { type: 'string' },
    labelEn: { type: 'string' },
    descriptionVi: { type: 'string' },
    descriptionEn: { type: 'string' },
    authorTextVi: { type: 'string' },
    authorTextEn: { type: 'string' },
    active: { type: 'boolean' },
    validFrom: { type: 'string', format: 'date-time', nullable: true },
    validTo: { type: 'string', format: 'date-time', nullable: true },
    position: { type: 'integer' },
  },
};

/** OpenAPI description of the public catalogue and of the plugin's admin API. */
export const REJECTION_REASONS_OPENAPI = {
  paths: {
    '/rejection-reasons/reasons': {
      get: {
        tags: ['Rejection reasons'],
        summary: 'The rejection reasons in force (Art. 11, Decision 400/QĐ-BKHCN)',
        parameters: [queryParameter('locale', 'Language of the wording', { type: 'string', enum: ['vi', 'en'], default: 'vi' })],
        responses: {
          200: {
            description: 'Active reasons in display order',
            content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'object', properties: reasonFields } }, meta: { type: 'object', properties: { locale: { type: 'string' } } } } } } },
          },
          400: errorResponse('locale is neither vi nor en'),
        },
      },
    },
    '/rejection-reasons/catalogue': {
      servers: ADMIN_SERVER,
      get: { tags: ['Rejection reasons (admin)'], summary: 'Every reason of the catalogue, active or not', security: ADMIN_SECURITY, responses: { 200: { description: 'The catalogue' } } },
      post: {
        tags: ['Rejection reasons (admin)'],
        summary: 'Add a reason; every wording field is required in Vietnamese and English',
        security: ADMIN_SECURITY,
        requestBody: { required: true, content: { 'application/json': { schema: catalogueEntry } } },
        responses: { 201: { description: 'The new reason' }, 400: errorResponse('A field is missing or invalid, or the code exists') },
      },
    },
    '/rejection-reasons/catalogue/{id}': {
      servers: ADMIN_SERVER,
      get: { tags: ['Rejection reasons (admin)'], summary: 'One reason', security: ADMIN_SECURITY, parameters: [pathParameter('id', 'Reason id', { type: 'integer' })], responses: { 200: { description: 'The reason' }, 404: errorResponse('No such reason') } },
      put: {
        tags: ['Rejection reasons (admin)'],
        summary: 'Reword, re-date or deactivate a reason (the code cannot change)',
        security: ADMIN_SECURITY,
        parameters: [pathParameter('id', 'Reason id', { type: 'integer' })],
        requestBody: { required: true, content: { 'application/json': { schema: catalogueEntry } } },
        responses: { 200: { description: 'The changed reason' }, 400: errorResponse('A field is invalid'), 404: errorResponse('No such reason') },
      },
    },
    '/rejection-reasons/documents/{contentType}/{documentId}/prechecks': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Rejection reasons (admin)'],
        summary: 'Automatic pre-checks of the latest submission of a document locale, with suggested reasons and evidence',
        security: ADMIN_SECURITY,
        parameters: [...documentParameters, queryParameter('preview', 'true to check the current draft without storing the result', { type: 'boolean' })],
        responses: { 200: { description: 'The pre-check run, or null if the document was never submitted' }, 400: errorResponse('Invalid content type or locale') },
      },
    },
    '/rejection-reasons/documents/{contentType}/{documentId}/rejections': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Rejection reasons (admin)'],
        summary: 'Rejections of a document locale, each with the wording of its reasons at the time',
        security: ADMIN_SECURITY,
        parameters: documentParameters,
        responses: { 200: { description: 'Rejections, newest first' }, 400: errorResponse('Invalid content type or locale') },
      },
    },
    '/rejection-reasons/statistics/by-reason': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Rejection reasons (admin)'],
        summary: 'Reasons cited by rejections in a period, per reason and unit',
        security: ADMIN_SECURITY,
        parameters: [
          queryParameter('from', 'Start of the period, inclusive (ISO date)', { type: 'string', format: 'date-time' }, true),
          queryParameter('to', 'End of the period, exclusive (ISO date)', { type: 'string', format: 'date-time' }, true),
          queryParameter('unit', 'Document id of a unit'),
          queryParameter('contentType', 'Content-type uid'),
          queryParameter('locale', 'Locale of the rejected items'),
        ],
        responses: { 200: { description: 'Rows of code, unitDocumentId and count' }, 400: errorResponse('Missing or invalid period') },
      },
    },
  },
  components: {
    schemas: {
      RejectionReasonsError: {
        type: 'object',
        properties: {
          data: { nullable: true },
          error: { type: 'object', properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } },
        },
      },
    },
  },
};

/** Adds the plugin's routes to the OpenAPI document, when the documentation plugin is enabled. */
export function registerOpenApi(strapi: Core.Strapi) {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  documentation.service('override').registerOverride(REJECTION_REASONS_OPENAPI, { pluginOrigin: 'rejection-reasons', excludeFromGeneration: ['rejection-reasons'] });
}

import type { Core } from '@strapi/strapi';
import { DAY_KINDS } from './calendar/working-calendar';

const ADMIN_SERVER = [{ url: '/', description: 'Admin API of the deadlines; send an admin JWT as a Bearer token' }];
const ADMIN_SECURITY = [{ bearerAuth: [] }];
const ERROR = { description: 'Invalid parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/DeadlineError' } } } };

const calendarEntry = {
  type: 'object',
  properties: {
    date: { type: 'string', format: 'date' },
    kind: { type: 'string', enum: [...DAY_KINDS, 'weekend'] },
    name: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } },
    source: { type: 'string' },
  },
};

const timer = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    caseId: { type: 'integer' },
    ruleCode: { type: 'string', example: 'D7' },
    duty: { type: 'string', enum: ['unit_sends', 'board_publishes'] },
    status: { type: 'string', enum: ['running', 'paused', 'met', 'breached', 'cancelled'] },
    startAt: { type: 'string', format: 'date-time' },
    startSource: { type: 'string' },
    dueAt: { type: 'string', format: 'date-time', description: 'The first instant at which the clock is late' },
    metAt: { type: 'string', format: 'date-time', nullable: true },
    onTime: { type: 'boolean', nullable: true },
    overdueMs: { type: 'integer' },
    remainingMs: { type: 'integer', nullable: true },
  },
};

/** OpenAPI description of the public calendar and the admin API of the deadlines. */
export const DEADLINES_OPENAPI = {
  paths: {
    '/publication-deadlines/calendar': {
      get: {
        tags: ['Publication deadlines'],
        summary: 'Dates of a year that are not ordinary Monday–Friday working days in Viet Nam',
        parameters: [
          { name: 'year', in: 'query', required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100 }, description: 'The year, for example 2026' },
          { name: 'weekends', in: 'query', required: false, schema: { type: 'boolean' }, description: 'true adds the ordinary Saturdays and Sundays' },
        ],
        responses: {
          200: {
            description: 'The dates, with the status of the year (announced or provisional) and its source',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: { type: 'array', items: calendarEntry },
                    meta: {
                      type: 'object',
                      properties: {
                        year: { type: 'integer' },
                        status: { type: 'string', enum: ['announced', 'provisional'] },
                        source: { type: 'string' },
                        sourceDate: { type: 'string', format: 'date', nullable: true },
                        timeZone: { type: 'string', example: 'Asia/Ho_Chi_Minh' },
                      },
                    },
                  },
                },
              },
            },
          },
          400: ERROR,
        },
      },
    },
    '/publication-deadlines/cases/{caseId}/timers': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Publication deadlines (admin)'],
        summary: "A workflow case's statutory clocks",
        security: ADMIN_SECURITY,
        parameters: [{ name: 'caseId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { 200: { description: 'The clocks', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: timer } } } } } }, 400: ERROR },
      },
    },
    '/publication-deadlines/timers/{id}/correct-start': {
      servers: ADMIN_SERVER,
      post: {
        tags: ['Publication deadlines (admin)'],
        summary: "Corrects a clock's start time and recomputes its due time",
        security: ADMIN_SECURITY,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['startAt', 'note'],
                properties: { startAt: { type: 'string', format: 'date-time', example: '2026-12-04T09:30:00+07:00' }, note: { type: 'string' } },
              },
            },
          },
        },
        responses: { 200: { description: 'The corrected clock' }, 400: ERROR, 404: ERROR },
      },
    },
    '/publication-deadlines/calendar/years/{year}': {
      servers: ADMIN_SERVER,
      get: {
        tags: ['Publication deadlines (admin)'],
        summary: "A year's table of days off and make-up days",
        security: ADMIN_SECURITY,
        parameters: [{ name: 'year', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { 200: { description: 'The table, announced or provisional' }, 400: ERROR },
      },
      put: {
        tags: ['Publication deadlines (admin)'],
        summary: "Replaces a year's table",
        security: ADMIN_SECURITY,
        parameters: [{ name: 'year', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['source', 'entries'],
                properties: {
                  source: { type: 'string' },
                  sourceDate: { type: 'string', format: 'date' },
                  entries: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['date', 'kind', 'nameVi', 'nameEn'],
                      properties: { date: { type: 'string', format: 'date' }, kind: { type: 'string', enum: [...DAY_KINDS] }, nameVi: { type: 'string' }, nameEn: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
        responses: { 200: { description: 'The saved table' }, 400: ERROR },
      },
    },
  },
  components: {
    schemas: {
      DeadlineError: {
        type: 'object',
        properties: {
          data: { nullable: true },
          error: { type: 'object', properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } },
        },
      },
    },
  },
};

export function registerOpenApi(strapi: Core.Strapi) {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  documentation.service('override').registerOverride(DEADLINES_OPENAPI, { pluginOrigin: 'publication-deadlines', excludeFromGeneration: ['publication-deadlines'] });
}

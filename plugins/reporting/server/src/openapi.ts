import type { Core } from '@strapi/strapi';

const integer = { type: 'integer' };
const number = { type: 'number' };
const text = { type: 'string' };
const nullableText = { type: 'string', nullable: true };
const dateTime = { type: 'string', format: 'date-time' };
const flag = { type: 'boolean' };
const object = (properties: Record<string, unknown>) => ({ type: 'object', properties });
const list = (items: unknown) => ({ type: 'array', items });

const query = (name: string, description: string, schema: Record<string, unknown> = text) => ({ name, in: 'query', required: false, description, schema });

const PERIOD_PARAMETERS = [
  query('from', 'First day of the period, YYYY-MM-DD, Viet Nam time (with to)', { type: 'string', format: 'date' }),
  query('to', 'Last day of the period, inclusive, YYYY-MM-DD (with from)', { type: 'string', format: 'date' }),
  query('year', 'Year of the period; alone for a whole year', { type: 'integer', minimum: 2000, maximum: 2100 }),
  query('half', '1 (January to June) or 2 (July to December), with year', { type: 'integer', enum: [1, 2] }),
  query('quarter', '1 to 4, with year', { type: 'integer', minimum: 1, maximum: 4 }),
];
const FILTERS = {
  unit: query('unit', 'documentId of an organization unit'),
  contentType: query('contentType', 'Content-type uid, for example api::article.article'),
  locale: query('locale', 'Locale of the items, vi or en'),
};
const format = (formats: string[]) => query('format', `Response format: ${formats.join(', ')} (default json)`, { type: 'string', enum: formats });
const TABLE = query('table', 'With format=csv: which table of the report to export (default the first); the JSON meta.tables lists them');
const LANG = query('lang', 'Language of file headings and labels, vi (default) or en', { type: 'string', enum: ['vi', 'en'] });

const PERIOD = object({ kind: { type: 'string', enum: ['range', 'year', 'half', 'quarter'] }, year: integer, half: integer, quarter: integer, from: text, to: text, start: dateTime, end: dateTime, timeZone: text });
const UNIT = { unit: nullableText, unitAbbreviation: nullableText, unitName: nullableText };
const WORKFLOW_COUNTS = { submitted: integer, resubmitted: integer, published: integer, rejected: integer, withdrawn: integer, corrected: integer };
const TIMING = object({ measured: integer, medianSeconds: { type: 'integer', nullable: true }, p90Seconds: { type: 'integer', nullable: true } });
const QUESTION_COUNTS = { received: integer, answeredInTime: integer, answeredLate: integer, answeredWithoutDeadline: integer, overdue: integer, open: integer, openWithoutDeadline: integer };
const DEADLINE_COUNTS = { due: integer, onTime: integer, metLate: integer, breachedOpen: integer, running: integer, onTimeRate: { type: 'number', nullable: true } };

const DATA_SCHEMAS: Record<string, Record<string, unknown>> = {
  'unit-quotas': {
    months: list(text),
    defaultMonthlyQuota: integer,
    contentTypes: list(text),
    summary: object({ units: integer, unitsBelowQuota: integer, provided: integer }),
    units: list(object({ ...UNIT, monthlyQuota: integer, months: list(integer), provided: integer, published: integer, averagePerMonth: number, belowQuota: flag })),
    belowQuota: list(text),
  },
  deadlines: {
    asOf: dateTime,
    totals: object({ ...DEADLINE_COUNTS, late: integer, medianDelaySeconds: integer, p90DelaySeconds: integer }),
    byRule: list(object({ rule: text, ...DEADLINE_COUNTS, late: integer, medianDelaySeconds: integer, p90DelaySeconds: integer })),
    byUnit: list(object({ ...UNIT, ...DEADLINE_COUNTS })),
    byContentType: list(object({ contentType: text, ...DEADLINE_COUNTS })),
    byMonth: list(object({ month: text, ...DEADLINE_COUNTS })),
  },
  rejections: {
    totals: object({ rejections: integer, citations: integer }),
    byReason: list(object({ code: text, label: nullableText, count: integer })),
    byUnit: list(object({ ...UNIT, rejections: integer, citations: integer })),
    byMonth: list(object({ month: text, rejections: integer, citations: integer })),
    byReasonAndUnit: list(object({ code: text, ...UNIT, count: integer })),
  },
  workflow: {
    totals: object(WORKFLOW_COUNTS),
    receiptToPublication: TIMING,
    byUnit: list(object({ ...UNIT, ...WORKFLOW_COUNTS, measured: integer, medianSeconds: integer, p90Seconds: integer })),
    byContentType: list(object({ contentType: text, ...WORKFLOW_COUNTS })),
  },
  questions: { asOf: dateTime, totals: object(QUESTION_COUNTS), byUnit: list(object({ ...UNIT, ...QUESTION_COUNTS })), byKind: list(object({ kind: text, ...QUESTION_COUNTS })) },
  consultations: {
    locale: text,
    totals: object({ draftsPublished: integer, draftsInConsultation: integer, commentsReceived: integer, responsesPublished: integer, closedWithoutResponse: integer }),
    drafts: list(
      object({
        documentId: text,
        title: text,
        ...UNIT,
        commentOpensAt: dateTime,
        commentClosesAt: dateTime,
        published: flag,
        consultationStatus: text,
        responsePublished: flag,
        comments: integer,
        commentsApproved: integer,
        commentsRejected: integer,
        commentsPending: integer,
        accepted: integer,
        partlyAccepted: integer,
        notAccepted: integer,
      })
    ),
    byUnit: list(object({ ...UNIT, drafts: integer, comments: integer, responsesPublished: integer })),
  },
  'account-activity': {
    asOf: dateTime,
    dormantAfterDays: integer,
    summary: object({ accounts: integer, activeAccounts: integer, logins: integer, failedLogins: integer, failedLoginsUnknownEmail: integer, dormantAccounts: integer, leftButActive: integer }),
    accounts: list(
      object({
        id: integer,
        email: text,
        name: text,
        roles: list(text),
        isActive: flag,
        leftAt: { ...dateTime, nullable: true },
        logins: integer,
        failedLogins: integer,
        actions: { type: 'object', additionalProperties: integer, description: 'Counts by kind: workflow.<event>, content.create, content.update, content.delete, content.discardDraft, login' },
        actionsTotal: integer,
        lastActivityAt: { ...dateTime, nullable: true },
        dormant: flag,
        leftButActive: flag,
        activityAfterLeaving: integer,
      })
    ),
    dormant: list(integer),
    leftButActive: list(integer),
    failedLogins: list(object({ email: nullableText, known: flag, failures: integer, lastAt: dateTime })),
  },
  periodic: {
    summary: { type: 'object', additionalProperties: { nullable: true }, description: 'The headline figures, by key' },
    unitQuotas: { type: 'object' },
    workflow: { type: 'object' },
    questions: { type: 'object' },
    consultations: { type: 'object' },
    accountActivity: { type: 'object' },
    deadlines: { type: 'object', nullable: true },
    rejections: { type: 'object', nullable: true },
    unavailable: list(object({ report: text, plugin: text })),
    proposals: { type: 'object', nullable: true, properties: { text, updatedAt: dateTime, savedById: integer } },
  },
};

const SPECS: { name: string; summary: string; filters: (keyof typeof FILTERS)[]; formats: string[]; periodic?: boolean }[] = [
  { name: 'unit-quotas', summary: 'Items provided per unit and month against the monthly quota (Art. 9(1)(b))', filters: ['unit', 'contentType', 'locale'], formats: ['json', 'csv'] },
  { name: 'deadlines', summary: 'On-time rate of the statutory deadlines D1–D12, with the delay of late items', filters: ['unit', 'contentType', 'locale'], formats: ['json', 'csv'] },
  { name: 'rejections', summary: 'Rejections by Art. 11 reason, unit and month', filters: ['unit', 'contentType', 'locale'], formats: ['json', 'csv'] },
  { name: 'workflow', summary: 'Items submitted, published, rejected, withdrawn and corrected; time from receipt to publication', filters: ['unit', 'contentType', 'locale'], formats: ['json', 'csv'] },
  { name: 'questions', summary: 'Questions and feedback received, answered in time and overdue, by unit', filters: ['unit'], formats: ['json', 'csv'] },
  { name: 'consultations', summary: 'Draft regulations published for comment, comments per draft, responses published', filters: ['unit', 'locale'], formats: ['json', 'csv'] },
  { name: 'account-activity', summary: 'Admin account activity, dormant accounts, accounts of people who left, failed logins (Art. 7(2)(d))', filters: [], formats: ['json', 'csv'] },
  { name: 'periodic', summary: '6-month (year and half) or annual (year) report of the editorial board with its proposals (Art. 17)', filters: [], formats: ['json', 'csv', 'docx', 'xlsx'], periodic: true },
];

const ERROR = { description: 'Error', content: { 'application/json': { schema: object({ data: { nullable: true }, error: object({ status: integer, name: text, message: text }) }) } } };

function pathOf(spec: (typeof SPECS)[number]) {
  const fileTypes: Record<string, string> = {
    csv: 'text/csv',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  return {
    get: {
      tags: ['Reporting'],
      summary: spec.summary,
      description:
        'Send an API token with this route\'s permission as a Bearer token. The admin panel reads the same report at /reporting/' +
        `${spec.name} with an admin JWT. Periods are cut at Viet Nam midnight (UTC+7).`,
      parameters: [...(spec.periodic ? PERIOD_PARAMETERS.filter(({ name }) => name === 'year' || name === 'half') : PERIOD_PARAMETERS), ...spec.filters.map((name) => FILTERS[name]), format(spec.formats), TABLE, LANG],
      responses: {
        200: {
          description: 'The report as JSON, or the requested file',
          content: {
            'application/json': { schema: object({ data: object({ period: PERIOD, filters: { type: 'object' }, ...DATA_SCHEMAS[spec.name] }), meta: object({ report: text, generatedAt: dateTime, tables: list(text) }) }) },
            ...Object.fromEntries(spec.formats.filter((name) => name !== 'json').map((name) => [fileTypes[name], { schema: { type: 'string', format: 'binary' } }])),
          },
        },
        400: { ...ERROR, description: 'An invalid or missing parameter; the message names it and the fix' },
        401: { ...ERROR, description: 'No valid API token' },
        403: { ...ERROR, description: 'The token lacks the permission of this report' },
        501: { ...ERROR, description: 'The report needs a plugin that is not enabled' },
      },
    },
  };
}

export const REPORTING_OPENAPI = { paths: Object.fromEntries(SPECS.map((spec) => [`/reporting/${spec.name}`, pathOf(spec)])) };

/** Adds the report endpoints to the OpenAPI document, when the documentation plugin is enabled. */
export function registerOpenApi(strapi: Core.Strapi) {
  const documentation = strapi.plugin('documentation');
  if (!documentation) return;
  documentation.service('override').registerOverride(REPORTING_OPENAPI, { pluginOrigin: 'reporting', excludeFromGeneration: ['reporting'] });
}

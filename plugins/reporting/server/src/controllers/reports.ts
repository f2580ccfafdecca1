import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReportingConfig } from '../config';
import type { ReportName } from '../constants';
import { csvStream } from '../exports/csv';
import { docxBuffer } from '../exports/docx';
import { xlsxBuffer } from '../exports/xlsx';
import { parseFilters, type FilterName } from '../filters';
import { describePeriod, parsePeriod, type Period } from '../period';
import { accountActivityReport } from '../reports/account-activity';
import { consultationsReport } from '../reports/consultations';
import { deadlinesReport } from '../reports/deadlines';
import { periodicDocument, periodicReport } from '../reports/periodic';
import { questionsReport } from '../reports/questions';
import { rejectionsReport } from '../reports/rejections';
import type { Language, ReportRequest, ReportResult } from '../reports/types';
import { unitQuotasReport } from '../reports/unit-quotas';
import { workflowReport } from '../reports/workflow';

type Format = 'json' | 'csv' | 'docx' | 'xlsx';

interface ReportSpec {
  run: (strapi: Core.Strapi, request: ReportRequest) => Promise<ReportResult>;
  filters: readonly FilterName[];
  /** Content types the contentType filter accepts. */
  contentTypes?: (strapi: Core.Strapi) => string[];
  periods?: readonly Period['kind'][];
  formats: readonly Format[];
}

const workflowTypes = (strapi: Core.Strapi) => (strapi.config.get('plugin::editorial-workflow.contentTypes', []) as string[]).slice();
const dependents = { deadlines: deadlinesReport, rejections: rejectionsReport };

const REPORTS: Record<ReportName, ReportSpec> = {
  'unit-quotas': {
    run: unitQuotasReport,
    filters: ['unit', 'contentType', 'locale'],
    contentTypes: (strapi) => (strapi.config.get('plugin::reporting') as ReportingConfig).quotaContentTypes,
    formats: ['json', 'csv'],
  },
  deadlines: { run: deadlinesReport, filters: ['unit', 'contentType', 'locale'], contentTypes: workflowTypes, formats: ['json', 'csv'] },
  rejections: { run: rejectionsReport, filters: ['unit', 'contentType', 'locale'], contentTypes: workflowTypes, formats: ['json', 'csv'] },
  workflow: { run: workflowReport, filters: ['unit', 'contentType', 'locale'], contentTypes: workflowTypes, formats: ['json', 'csv'] },
  questions: { run: questionsReport, filters: ['unit'], formats: ['json', 'csv'] },
  consultations: { run: consultationsReport, filters: ['unit', 'locale'], formats: ['json', 'csv'] },
  'account-activity': { run: accountActivityReport, filters: [], formats: ['json', 'csv'] },
  periodic: {
    run: (strapi, request) => periodicReport(strapi, request, dependents),
    filters: [],
    periods: ['half', 'year'],
    formats: ['json', 'csv', 'docx', 'xlsx'],
  },
};

const KNOWN_PARAMETERS = ['from', 'to', 'year', 'half', 'quarter', 'unit', 'contentType', 'locale', 'format', 'table', 'lang'];

const CONTENT_TYPES: Record<Exclude<Format, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Context = {
  query: Record<string, unknown>;
  body: unknown;
  type: string;
  attachment: (filename: string) => void;
};

const textParameter = (query: Record<string, unknown>, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new errors.ValidationError(`${name} must be given once, as text.`);
  return value;
};

function parseChoice<T extends string>(query: Record<string, unknown>, name: string, choices: readonly T[], fallback: T): T {
  const value = textParameter(query, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new errors.ValidationError(`${name} "${value}" is not supported here; use one of ${choices.join(', ')}.`);
  return value as T;
}

/** Parses the query of a report request, runs the report and writes JSON or a file. */
async function respond(strapi: Core.Strapi, name: ReportName, ctx: Context) {
  const spec = REPORTS[name];
  const query = ctx.query ?? {};
  const unknown = Object.keys(query).filter((key) => !KNOWN_PARAMETERS.includes(key));
  if (unknown.length > 0) {
    throw new errors.ValidationError(`Unknown parameter ${unknown.map((key) => `"${key}"`).join(', ')}; the reports take ${KNOWN_PARAMETERS.join(', ')}.`);
  }
  const format = parseChoice(query, 'format', spec.formats, 'json');
  const language = parseChoice<Language>(query, 'lang', ['vi', 'en'], 'vi');
  const period = parsePeriod(
    { from: textParameter(query, 'from'), to: textParameter(query, 'to'), year: textParameter(query, 'year'), half: textParameter(query, 'half'), quarter: textParameter(query, 'quarter') },
    spec.periods
  );
  const filters = await parseFilters(strapi, query, name, spec.filters, spec.contentTypes?.(strapi) ?? []);
  const tableName = textParameter(query, 'table');
  if (tableName !== undefined && format !== 'csv') throw new errors.ValidationError('table picks the table of a CSV export; add format=csv or leave table out.');

  const result = await spec.run(strapi, { period, filters, now: new Date(), language });
  const fileBase = `${name}-${period.from}-${period.to}`;

  if (format === 'json') {
    ctx.body = { data: { period: describePeriod(period), filters, ...result.data }, meta: { report: name, generatedAt: new Date().toISOString(), tables: result.tables.map((table) => table.name) } };
    return;
  }
  if (format === 'csv') {
    const table = tableName === undefined ? result.tables[0] : result.tables.find((candidate) => candidate.name === tableName);
    if (!table) throw new errors.ValidationError(`table "${tableName}" is not a table of the ${name} report; use one of ${result.tables.map((candidate) => candidate.name).join(', ')}.`);
    ctx.type = CONTENT_TYPES.csv;
    ctx.attachment(`${fileBase}${tableName ? `-${table.name}` : ''}.csv`);
    ctx.body = csvStream(table, language);
    return;
  }
  const document = periodicDocument(period, result, language);
  ctx.type = CONTENT_TYPES[format];
  ctx.attachment(`${fileBase}.${format}`);
  ctx.body = format === 'docx' ? await docxBuffer(document) : await xlsxBuffer(document);
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  unitQuotas: (ctx: Context) => respond(strapi, 'unit-quotas', ctx),
  deadlines: (ctx: Context) => respond(strapi, 'deadlines', ctx),
  rejections: (ctx: Context) => respond(strapi, 'rejections', ctx),
  workflow: (ctx: Context) => respond(strapi, 'workflow', ctx),
  questions: (ctx: Context) => respond(strapi, 'questions', ctx),
  consultations: (ctx: Context) => respond(strapi, 'consultations', ctx),
  accountActivity: (ctx: Context) => respond(strapi, 'account-activity', ctx),
  periodic: (ctx: Context) => respond(strapi, 'periodic', ctx),
});

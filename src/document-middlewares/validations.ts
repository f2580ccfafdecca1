import type { Core } from '@strapi/strapi';
import { isPortalUid } from '../content-types';
import { fieldValidationError, type FieldProblem } from './field-errors';

type Data = Record<string, unknown>;

/**
 * The values a rule checks: the incoming data, falling back to the stored draft for fields that
 * an update leaves out, so that a rule across two fields still applies after a partial update.
 */
interface RuleInput {
  action: 'create' | 'update';
  data: Data;
  value: (field: string) => Promise<unknown>;
}

type Rule = (input: RuleInput) => Promise<FieldProblem[]>;

const MEMBER_PORTAL_DOMAIN = /^[a-z0-9]+(?:-[a-z0-9]+)*\.most\.gov\.vn$/;
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

// Zero-width characters and the BOM are invisible, so a value made of them counts as blank.
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/gu;

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.replace(INVISIBLE, '') === '');

/** Reads a time as Strapi stores it: an ISO string, a Date, or milliseconds since 1970 (number or digits). */
const toTime = (value: unknown): number | undefined => {
  if (isBlank(value)) return undefined;
  const millis = typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)) ? Number(value) : NaN;
  const time = Number.isNaN(millis) ? new Date(value as string).getTime() : millis;
  return Number.isNaN(time) ? undefined : time;
};

/** Reports a required field that a create leaves empty or an update clears. */
function requireFields(fields: Record<string, string>): Rule {
  return async ({ action, data }) =>
    Object.entries(fields)
      .filter(([field]) => (action === 'create' ? isBlank(data[field]) : field in data && isBlank(data[field])))
      .map(([field, hint]) => ({ path: field, message: `${field} is required: ${hint}` }));
}

/** Reports an interval whose end is not after its start. */
function endAfterStart(start: string, end: string, reason: string): Rule {
  return async ({ data, value }) => {
    if (!(start in data) && !(end in data)) return [];
    const startTime = toTime(await value(start));
    const endTime = toTime(await value(end));
    if (startTime === undefined || endTime === undefined || endTime > startTime) return [];
    return [{ path: end, message: `${end} must be later than ${start}: ${reason}` }];
  };
}

function httpUrl(field: string): Rule {
  return async ({ data }) => {
    const value = data[field];
    if (isBlank(value)) return [];
    try {
      const url = new URL(String(value));
      if (url.protocol === 'http:' || url.protocol === 'https:') return [];
    } catch {
      // Reported below.
    }
    return [{ path: field, message: `${field} must be an http or https address such as "https://www.most.gov.vn/"; received "${String(value)}".` }];
  };
}

function hostname(field: string): Rule {
  return async ({ data }) => {
    const value = data[field];
    if (isBlank(value) || HOSTNAME.test(String(value))) return [];
    return [{ path: field, message: `${field} must be a lower-case domain name such as "vista.gov.vn", without "https://" or a path; received "${String(value)}".` }];
  };
}

const memberPortalDomain: Rule = async ({ data }) => {
  if (!('domain' in data) || isBlank(data.domain)) return [];
  const domain = String(data.domain);
  if (MEMBER_PORTAL_DOMAIN.test(domain)) return [];
  const lowered = domain.trim().toLowerCase();
  const hint = MEMBER_PORTAL_DOMAIN.test(lowered) ? ` Write it in lower case: "${lowered}".` : '';
  return [
    {
      path: 'domain',
      message:
        `domain must be a fourth-level domain <abbreviation>.most.gov.vn, where the abbreviation is the unit's ` +
        `name in unaccented lower-case letters or digits (for example "tttt.most.gov.vn"); received "${domain}".${hint}`,
    },
  ];
};

const questionContact: Rule = async ({ action, data, value }) => {
  const touched = action === 'create' || 'askerEmail' in data || 'askerPhone' in data;
  if (!touched) return [];
  const email = await value('askerEmail');
  const phone = await value('askerPhone');
  if (!isBlank(email) || !isBlank(phone)) return [];
  return [
    {
      path: 'askerEmail',
      message: 'askerEmail or askerPhone is required: a question needs a contact so that the unit can send its answer.',
    },
  ];
};

const eventSchedule: Rule = async ({ data }) => {
  const event = data.event as Data | null | undefined;
  if (!event || typeof event !== 'object') return [];
  const problems: FieldProblem[] = [];
  const starts = toTime(event.startsAt);
  const ends = toTime(event.endsAt);
  const opening = toTime(event.openingCeremonyAt);
  const closing = toTime(event.closingCeremonyAt);
  if (starts !== undefined && ends !== undefined && ends <= starts) {
    problems.push({ path: 'event.endsAt', message: 'event.endsAt must be later than event.startsAt: an event ends after it starts.' });
  }
  if (opening !== undefined && closing !== undefined && closing <= opening) {
    problems.push({ path: 'event.closingCeremonyAt', message: 'event.closingCeremonyAt must be later than event.openingCeremonyAt.' });
  }
  if (event.kind === 'multi_day' && opening === undefined && starts === undefined) {
    problems.push({ path: 'event.openingCeremonyAt', message: 'event.openingCeremonyAt is required for a multi-day event: the 12-hour reporting clock starts at the opening ceremony.' });
  }
  return problems;
};

/** Field rules per content type, beyond what the schema enforces on publish. */
export const RULES: Record<string, Rule[]> = {
  'api::legal-document.legal-document': [
    requireFields({
      title: 'give the title of the document.',
      documentNumber: 'give the number and symbol of the document, for example "400/QĐ-BKHCN".',
      documentForm: 'choose the form of the document, for example "decision" or "circular".',
      issueDate: 'give the date the document was signed, for example "2024-03-19".',
    }),
  ],
  'api::draft-regulation.draft-regulation': [
    requireFields({
      title: 'give the title of the draft.',
      commentOpensAt: 'give the time the comment window opens.',
      commentClosesAt: 'give the time the comment window closes.',
    }),
    endAfterStart('commentOpensAt', 'commentClosesAt', 'a consultation window must close after it opens.'),
  ],
  'api::question.question': [
    requireFields({
      questionText: 'give the text of the question.',
      askerName: 'give the name of the person or organisation asking.',
    }),
    questionContact,
  ],
  'api::consultation-comment.consultation-comment': [
    requireFields({ text: 'give the text of the comment.', authorName: 'give the name of the commenter.' }),
  ],
  'api::member-portal.member-portal': [
    requireFields({ domain: 'give the fourth-level domain, for example "tttt.most.gov.vn".' }),
    memberPortalDomain,
    hostname('ownDomain'),
  ],
  'api::organization-unit.organization-unit': [
    requireFields({ abbreviation: 'give the abbreviation of the unit, for example "TTCNTT".' }),
    hostname('mailDomain'),
    httpUrl('website'),
  ],
  'api::maintenance-notice.maintenance-notice': [
    requireFields({ startsAt: 'give the start of the downtime.', endsAt: 'give the end of the downtime.' }),
    endAfterStart('startsAt', 'endsAt', 'a maintenance window must end after it starts.'),
  ],
  'api::article.article': [eventSchedule, httpUrl('sourceUrl')],
  'api::procedure.procedure': [httpUrl('nationalPortalUrl')],
};

/** Types whose entries record when they arrived; a create without the time gets the current one. */
const RECEIVED_AT_DEFAULTS = new Set(['api::question.question', 'api::consultation-comment.consultation-comment']);

interface WriteParams {
  documentId?: string;
  locale?: string;
  data?: Data;
}

/** Reports a locale that is not configured, for a localized type; Strapi itself stores any code. */
async function unknownLocale(strapi: Core.Strapi, uid: string, locale: string | undefined): Promise<FieldProblem | null> {
  const localized = (strapi.contentType(uid as never) as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized;
  if (!localized || !locale || locale === '*') return null;
  const codes = ((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map(({ code }) => code);
  if (codes.includes(locale)) return null;
  return { path: 'locale', message: `locale "${locale}" is not a locale of the portal; use one of ${codes.join(', ')}.` };
}

/** Registers the document-service middleware that applies {@link RULES} to creates, updates and clones. */
export function registerValidations(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    // A clone is checked like an update of its source: the stored values fill what the data leaves out.
    const action = context.action === 'clone' ? 'update' : context.action;
    if ((action !== 'create' && action !== 'update') || !isPortalUid(context.uid)) return next();

    const params = context.params as WriteParams;
    const data = params.data ?? {};
    const localeProblem = await unknownLocale(strapi, context.uid, params.locale);
    if (localeProblem) throw fieldValidationError([localeProblem]);

    if (action === 'create' && RECEIVED_AT_DEFAULTS.has(context.uid) && isBlank(data.receivedAt)) {
      data.receivedAt = new Date().toISOString();
      params.data = data;
    }

    const rules = RULES[context.uid];
    if (!rules) return next();

    let stored: Data | null | undefined;
    const value = async (field: string) => {
      if (field in data) return data[field];
      if (action === 'create' || !params.documentId) return undefined;
      stored ??= await strapi.db.query(context.uid as never).findOne({
        where: {
          documentId: params.documentId,
          ...(params.locale ? { locale: params.locale } : {}),
          // With Draft & Publish the draft row is the one being edited; the published row may be older.
          ...((context.contentType as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish ? { publishedAt: null } : {}),
        },
      });
      return stored?.[field];
    };

    const problems = (await Promise.all(rules.map((rule) => rule({ action, data, value })))).flat();
    if (problems.length > 0) throw fieldValidationError(problems);
    return next();
  });
}

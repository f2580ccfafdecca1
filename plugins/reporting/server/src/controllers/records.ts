import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReportingConfig } from '../config';
import { ACCOUNT_STATUS_UID, PROPOSAL_UID } from '../constants';
import { vietNamMidnight } from '../period';
import { readProposals } from '../reports/periodic';
import { unitDirectory } from '../reports/units';

type Context = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  state: { user: { id: number } };
  status: number;
  body: unknown;
};

/** Maximum length of the proposals text, in characters. */
const MAX_PROPOSALS_LENGTH = 50_000;
const MAX_NOTE_LENGTH = 2_000;

function parseReportKey(source: Record<string, unknown>) {
  const year = Number(source.year);
  if (!/^\d{4}$/.test(String(source.year ?? '')) || year < 2000 || year > 2100) {
    throw new errors.ValidationError(`year "${source.year ?? ''}" is invalid; use the year of the report, from 2000 to 2100.`);
  }
  const halfText = source.half === undefined ? '0' : String(source.half);
  if (!['0', '1', '2'].includes(halfText)) {
    throw new errors.ValidationError(`half "${halfText}" is invalid; use 1 or 2 for a 6-month report, or leave it out for the annual report.`);
  }
  return { year, half: Number(halfText) };
}

/** Parses a departure date: a calendar day (Viet Nam midnight) or an ISO instant with a time zone. */
function parseLeftAt(value: unknown): Date {
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) {
      const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
      if (month >= 1 && month <= 12 && date >= 1 && date <= new Date(Date.UTC(year, month, 0)).getUTCDate()) return vietNamMidnight(year, month, date);
    }
    if (/T.*(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value);
  }
  throw new errors.ValidationError('leftAt is missing or invalid; give the day the person left as YYYY-MM-DD (Viet Nam time) or an ISO time with a zone.');
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Returns the board's proposals for one report, or null when none are written yet. */
  async getProposals(ctx: Context) {
    const { year, half } = parseReportKey(ctx.query);
    ctx.body = { data: await readProposals(strapi, year, half) };
  },

  /** Creates or replaces the board's proposals for one 6-month or annual report. */
  async putProposals(ctx: Context) {
    const body = ctx.request.body ?? {};
    const { year, half } = parseReportKey(body);
    if (typeof body.text !== 'string' || body.text.trim() === '') throw new errors.ValidationError('text is missing; write the proposals of the board as plain text.');
    if (body.text.length > MAX_PROPOSALS_LENGTH) throw new errors.ValidationError(`text is ${body.text.length} characters long; keep the proposals under ${MAX_PROPOSALS_LENGTH} characters.`);
    const data = { year, half, text: body.text.normalize('NFC'), savedById: ctx.state.user.id };
    const existing = await strapi.db.query(PROPOSAL_UID).findOne({ where: { year, half }, select: ['id'] });
    const saved = existing ? await strapi.db.query(PROPOSAL_UID).update({ where: { id: existing.id }, data }) : await strapi.db.query(PROPOSAL_UID).create({ data });
    strapi.log.info(`[reporting] Proposals for ${year}${half ? ` half ${half}` : ''} saved by admin user ${ctx.state.user.id}.`);
    ctx.body = { data: saved };
  },

  /** Lists the admin accounts marked as belonging to people who left. */
  async listDepartures(ctx: Context) {
    ctx.body = { data: await strapi.db.query(ACCOUNT_STATUS_UID).findMany({ orderBy: [{ leftAt: 'desc' }] }) };
  },

  /** Marks an admin account as belonging to a person who stopped working with the portal (Art. 7(2)(c)). */
  async putDeparture(ctx: Context) {
    const userId = Number(ctx.params.id);
    if (!Number.isInteger(userId) || userId < 1) throw new errors.ValidationError(`id "${ctx.params.id}" is not an admin user id; use a positive whole number.`);
    const user = await strapi.db.query('admin::user').findOne({ where: { id: userId }, select: ['id'] });
    if (!user) throw new errors.NotFoundError(`No admin user has id ${userId}.`);
    const body = ctx.request.body ?? {};
    const leftAt = parseLeftAt(body.leftAt);
    if (body.note !== undefined && (typeof body.note !== 'string' || body.note.length > MAX_NOTE_LENGTH)) {
      throw new errors.ValidationError(`note must be text of at most ${MAX_NOTE_LENGTH} characters.`);
    }
    const data = { userId, leftAt, note: typeof body.note === 'string' ? body.note.normalize('NFC') : null, markedById: ctx.state.user.id };
    const existing = await strapi.db.query(ACCOUNT_STATUS_UID).findOne({ where: { userId }, select: ['id'] });
    const saved = existing ? await strapi.db.query(ACCOUNT_STATUS_UID).update({ where: { id: existing.id }, data }) : await strapi.db.query(ACCOUNT_STATUS_UID).create({ data });
    strapi.log.info(`[reporting] Admin user ${userId} marked as left by admin user ${ctx.state.user.id}.`);
    ctx.body = { data: saved };
  },

  /** Removes the departure mark of an admin account, for a mark made by mistake or a return. */
  async deleteDeparture(ctx: Context) {
    const userId = Number(ctx.params.id);
    if (!Number.isInteger(userId) || userId < 1) throw new errors.ValidationError(`id "${ctx.params.id}" is not an admin user id; use a positive whole number.`);
    const { count } = await strapi.db.query(ACCOUNT_STATUS_UID).deleteMany({ where: { userId } });
    if (count === 0) throw new errors.NotFoundError(`Admin user ${userId} is not marked as left.`);
    strapi.log.info(`[reporting] Departure mark of admin user ${userId} removed by admin user ${ctx.state.user.id}.`);
    ctx.body = { data: { userId } };
  },

  /** Lists what the pickers of the reports page offer: units, content types and the default quota. */
  async options(ctx: Context) {
    const units = [...(await unitDirectory(strapi)).values()].map(({ documentId, abbreviation, name }) => ({ documentId, abbreviation, name }));
    const config = strapi.config.get('plugin::reporting') as ReportingConfig;
    ctx.body = {
      data: {
        units,
        contentTypes: strapi.config.get('plugin::editorial-workflow.contentTypes', []) as string[],
        defaultMonthlyQuota: config.defaultMonthlyQuota,
        available: { deadlines: Boolean(strapi.plugin('publication-deadlines')), rejections: Boolean(strapi.plugin('rejection-reasons')) },
      },
    };
  },
});

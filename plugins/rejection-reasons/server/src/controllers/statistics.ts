import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import type { Context } from './context';

const instant = (value: string | undefined, field: string) => {
  const at = value ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw new errors.ValidationError(`${field} is required: give an ISO date, for example "2026-01-01T00:00:00+07:00".`);
  return at;
};

/** Admin API of the counts by reason, unit and period that the reports use. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async countByReason(ctx: Context) {
    const from = instant(ctx.query.from, 'from');
    const to = instant(ctx.query.to, 'to');
    if (to.getTime() <= from.getTime()) throw new errors.ValidationError('to must be after from.');
    const { unit, contentType, locale } = ctx.query;
    const rows = await strapi.plugin(PLUGIN_ID).service('statistics').countByReason({ from, to, unitDocumentId: unit || undefined, contentType: contentType || undefined, locale: locale || undefined });
    ctx.body = { data: rows, meta: { from: from.toISOString(), to: to.toISOString() } };
  },
});

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import { documentKey, type Context } from './context';

/** Admin API about one document locale: its pre-check results and its rejections. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin(PLUGIN_ID).service(name);

  return {
    /** The pre-checks of the latest submission, or of the current draft with `?preview=true`. */
    async prechecks(ctx: Context) {
      const { contentType, documentId } = ctx.params;
      const locale = await documentKey(strapi, contentType, ctx.query.locale);
      const { preview } = ctx.query;
      if (preview !== undefined && preview !== 'true' && preview !== 'false') {
        throw new errors.ValidationError(`preview "${preview}" is invalid; use "true" or "false".`);
      }
      if (preview === 'true') {
        const findings = await service('prechecks').preview(contentType, documentId, locale, new Date());
        if (!findings) throw new errors.NotFoundError(`No draft of ${contentType} ${documentId} exists in locale ${locale}.`);
        const suggestedCodes = [...new Set(findings.filter((item: { outcome: string }) => item.outcome === 'suggested').map((item: { code: string }) => item.code))];
        ctx.body = { data: { preview: true, suggestedCodes, findings } };
        return;
      }
      ctx.body = { data: await service('prechecks').forDocument(contentType, documentId, locale) };
    },

    async rejections(ctx: Context) {
      const { contentType, documentId } = ctx.params;
      const locale = await documentKey(strapi, contentType, ctx.query.locale);
      ctx.body = { data: await service('rejections').ofDocument(contentType, documentId, locale) };
    },
  };
};

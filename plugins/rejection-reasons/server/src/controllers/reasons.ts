import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { languageOf, type Context } from './context';

/** Public API: the reasons in force, so that units can read them before they send content. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const language = languageOf(ctx.query.locale);
    const reasons = await strapi.plugin(PLUGIN_ID).service('catalogue').listActive(language, new Date());
    ctx.body = { data: reasons, meta: { locale: language } };
  },
});

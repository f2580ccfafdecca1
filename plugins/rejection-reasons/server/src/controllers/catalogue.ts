import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import { positiveId, type Context } from './context';

/** Admin API of the catalogue: list, add, reword, deactivate. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalogue = () => strapi.plugin(PLUGIN_ID).service('catalogue');

  return {
    async list(ctx: Context) {
      ctx.body = { data: await catalogue().list() };
    },

    async findOne(ctx: Context) {
      const id = positiveId(ctx.params.id, 'id');
      const reason = await catalogue().findById(id);
      if (!reason) throw new errors.NotFoundError(`No rejection reason has id ${id}.`);
      ctx.body = { data: reason };
    },

    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await catalogue().create(ctx.request.body ?? {}) };
    },

    async update(ctx: Context) {
      const id = positiveId(ctx.params.id, 'id');
      const reason = await catalogue().update(id, ctx.request.body ?? {});
      if (!reason) throw new errors.NotFoundError(`No rejection reason has id ${id}.`);
      ctx.body = { data: reason };
    },
  };
};

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parsePagination, positiveInt } from './query';

type Context = { params: Record<string, string>; query: Record<string, string | undefined>; body: unknown };

const STATUSES = ['pending', 'sent', 'failed'];


export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => strapi.plugin('editorial-workflow').service('outbox');

  return {
    async list(ctx: Context) {
      const { status } = ctx.query;
      if (status && !STATUSES.includes(status)) throw new errors.ValidationError(`status "${status}" is invalid; use one of ${STATUSES.join(', ')}.`);
      const { page, pageSize } = parsePagination(ctx.query);
      const { results, pagination } = await outbox().list(status, page, pageSize);
      ctx.body = { data: results, meta: { pagination } };
    },

    async retry(ctx: Context) {
      const id = positiveInt(ctx.params.id, 'id', 0);
      if (!(await outbox().retry(id))) throw new errors.NotFoundError(`No failed notification has id ${id}; only failed notifications can be retried.`);
      ctx.body = { data: { id, status: 'pending' } };
    },
  };
};

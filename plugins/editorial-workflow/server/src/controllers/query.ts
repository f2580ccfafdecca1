import { errors } from '@strapi/utils';

/** Largest page of a list endpoint of the plugin. */
export const MAX_PAGE_SIZE = 100;

/** Parses a positive whole number from a query or path parameter, or returns the fallback when it is absent. */
export function positiveInt(value: string | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new errors.ValidationError(`${field} must be a positive whole number; received "${value}".`);
  }
  return parsed;
}

/** Parses `page` and `pageSize`, with pages of 25 by default and at most {@link MAX_PAGE_SIZE}. */
export function parsePagination(query: Record<string, string | undefined>) {
  const page = positiveInt(query.page, 'page', 1);
  const pageSize = positiveInt(query.pageSize, 'pageSize', 25);
  if (pageSize > MAX_PAGE_SIZE) {
    throw new errors.ValidationError(`pageSize must be at most ${MAX_PAGE_SIZE}; received "${query.pageSize}".`);
  }
  return { page, pageSize };
}

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export interface ReportFilters {
  /** documentId of an organization unit. */
  unit?: string;
  /** Content-type uid, such as `api::article.article`. */
  contentType?: string;
  /** Locale code of the entries, such as `vi`. */
  locale?: string;
}

export type FilterName = keyof ReportFilters;

const UNIT_UID = 'api::organization-unit.organization-unit';

/**
 * Parses the `unit`, `contentType` and `locale` filters. A filter that the report does not use
 * raises a ValidationError rather than being ignored, so that nobody reads an unfiltered figure
 * as a filtered one.
 */
export async function parseFilters(
  strapi: Core.Strapi,
  query: Record<string, unknown>,
  report: string,
  applicable: readonly FilterName[],
  contentTypes: readonly string[]
): Promise<ReportFilters> {
  const filters: ReportFilters = {};
  for (const name of ['unit', 'contentType', 'locale'] as const) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw new errors.ValidationError(`${name} must be given once, as text.`);
    if (!applicable.includes(name)) {
      throw new errors.ValidationError(`${name} does not apply to the ${report} report; leave it out.`);
    }
    filters[name] = value;
  }

  if (filters.unit) {
    const unit = await strapi.db.query(UNIT_UID).findOne({ where: { documentId: filters.unit }, select: ['id'] });
    if (!unit) throw new errors.ValidationError(`unit "${filters.unit}" is not the documentId of an organization unit; pick a unit from /api/organization-units.`);
  }
  if (filters.contentType && !contentTypes.includes(filters.contentType)) {
    throw new errors.ValidationError(`contentType "${filters.contentType}" is not reported here; use one of ${contentTypes.join(', ')}.`);
  }
  if (filters.locale) {
    const locales: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
    if (!locales.some(({ code }) => code === filters.locale)) {
      throw new errors.ValidationError(`locale "${filters.locale}" is not a locale of the portal; use one of ${locales.map(({ code }) => code).join(', ')}.`);
    }
  }
  return filters;
}

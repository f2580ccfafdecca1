import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LANGUAGES, type Language } from '../constants';

export type Context = {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  request: { body?: Record<string, unknown> };
  status: number;
  body: unknown;
};

/** Reads `locale` as a catalogue language: vi (the default) or en. */
export function languageOf(value: string | undefined): Language {
  if (value === undefined || value === '') return 'vi';
  if (!(LANGUAGES as readonly string[]).includes(value)) {
    throw new errors.ValidationError(`locale "${value}" is not available; use "vi" or "en".`, { errors: [{ path: ['locale'], message: 'Use "vi" or "en".', name: 'ValidationError' }] });
  }
  return value as Language;
}

/**
 * Resolves the content type and locale of a document route the way the workflow keys its cases:
 * "und" for types without i18n, otherwise a portal locale (the default one when absent).
 */
export async function documentKey(strapi: Core.Strapi, contentType: string, locale: string | undefined) {
  const model = strapi.contentType(contentType as never) as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
  if (!model || !contentType.startsWith('api::')) {
    throw new errors.ValidationError(`contentType "${contentType}" is not a portal content type; use a uid such as api::article.article.`);
  }
  if (!model.pluginOptions?.i18n?.localized) return 'und';
  const locales: { code: string }[] = await strapi.plugin('i18n').service('locales').find();
  const chosen = locale ?? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
  if (!locales.some(({ code }) => code === chosen)) {
    throw new errors.ValidationError(`locale "${chosen}" is not a portal locale; use one of ${locales.map(({ code }) => code).join(', ')}.`);
  }
  return chosen;
}

export function positiveId(value: string | undefined, field: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new errors.ValidationError(`${field} must be a positive whole number; received "${value}".`);
  return parsed;
}

import type { Core } from '@strapi/strapi';

export const PORTAL_LOCALES = [
  { code: 'vi', name: 'Vietnamese (vi)' },
  { code: 'en', name: 'English (en)' },
];

export const DEFAULT_LOCALE = 'vi';

/** Creates the Vietnamese and English locales if missing and makes Vietnamese the default. */
export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await locales.find();

  for (const locale of PORTAL_LOCALES) {
    if (!existing.some(({ code }) => code === locale.code)) {
      await locales.create(locale);
      strapi.log.info(`[portal] Created locale ${locale.code}.`);
    }
  }

  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    strapi.log.info(`[portal] Default locale set to ${DEFAULT_LOCALE}.`);
  }
}

import { getTranslation, PLUGIN_ID } from './pluginId';

type Translations = Record<string, string>;

const prefixKeys = (data: Translations) => Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addSettingsLink(
      { id: PLUGIN_ID, intlLabel: { id: getTranslation('settings.section'), defaultMessage: 'Editorial board' } },
      {
        id: 'catalogue',
        to: PLUGIN_ID,
        intlLabel: { id: getTranslation('settings.title'), defaultMessage: 'Rejection reasons' },
        Component: () => import('./pages/Settings'),
        permissions: [{ action: 'plugin::rejection-reasons.read', subject: null }],
      }
    );
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

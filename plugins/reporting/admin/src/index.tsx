import { ChartPie } from '@strapi/icons';
import { getTranslation, PLUGIN_ID } from './pluginId';

type Translations = Record<string, string>;

const prefixKeys = (data: Translations) => Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartPie,
      intlLabel: { id: getTranslation('page.title'), defaultMessage: 'Reports' },
      permissions: [{ action: 'plugin::reporting.read', subject: null }],
      Component: () => import('./pages/Reports'),
    });
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

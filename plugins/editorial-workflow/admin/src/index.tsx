import { Feather } from '@strapi/icons';
import { gateActions } from './components/gateActions';
import { WorkflowPanel } from './components/WorkflowPanel';
import { getTranslation, PLUGIN_ID } from './pluginId';

type Translations = Record<string, string>;

const prefixKeys = (data: Translations) => Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Feather,
      intlLabel: { id: getTranslation('queue.title'), defaultMessage: 'Editorial queue' },
      permissions: [{ action: 'plugin::editorial-workflow.read', subject: null }],
      Component: () => import('./pages/Queue'),
    });
    app.getPlugin('content-manager').apis.addEditViewSidePanel([WorkflowPanel]);
  },

  // The content manager adds its default actions during register, so they are wrapped here.
  bootstrap(app: any) {
    const apis = app.getPlugin('content-manager').apis;
    apis.addDocumentAction(gateActions);
    apis.addBulkAction(gateActions);
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

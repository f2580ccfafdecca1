export const PLUGIN_ID = 'publication-deadlines';

/** Prefixes a translation key with the plugin id, as the admin panel's message catalogue expects. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

export const PLUGIN_ID = 'reporting';

/** Prefixes a translation key with the plugin id, as the admin panel's message catalogue expects. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

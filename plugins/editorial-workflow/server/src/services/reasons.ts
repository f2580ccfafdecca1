import type { Core } from '@strapi/strapi';
import { STATUTORY_REASON_CODES, STATUTORY_REASONS } from '../constants';

/**
 * Interface between the workflow and the rejection-reason catalogue. The workflow passes the
 * codes given with a rejection and gets back those that are unknown or inactive. The
 * rejection-reasons plugin's `catalogue` service implements it when that plugin is installed,
 * and the nine statutory codes of Art. 11 are the fallback.
 */
export interface ReasonCatalogue {
  findInvalidCodes(codes: string[], at: Date): Promise<string[]>;
  /**
   * Lists the reasons an editor may choose at the given time, labelled in the given language.
   * The catalogue plugin adds a description for the reject dialog.
   */
  listActive(language: 'vi' | 'en', at: Date): Promise<{ code: string; label: string; description?: string }[]>;
}

export function reasonCatalogue(strapi: Core.Strapi): ReasonCatalogue {
  const plugin = strapi.plugin('rejection-reasons');
  const service = plugin?.service('catalogue') as ReasonCatalogue | undefined;
  if (typeof service?.findInvalidCodes === 'function' && typeof service.listActive === 'function') return service;
  return {
    async findInvalidCodes(codes) {
      return codes.filter((code) => !STATUTORY_REASON_CODES.includes(code));
    },
    async listActive(language) {
      return STATUTORY_REASONS.map(({ code, label }) => ({ code, label: label[language] }));
    },
  };
}

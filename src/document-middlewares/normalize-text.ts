import type { Core } from '@strapi/strapi';
import { isPortalUid } from '../content-types';

// A clone is a create that starts from another document, with the caller's data on top.
const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/**
 * Returns a copy of a value in which every string is in Unicode NFC. Vietnamese typed on some
 * systems arrives decomposed (NFD), which looks the same but breaks search, sorting and slugs.
 */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item) => toNfc(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toNfc(item)])) as T;
  }
  return value;
}

/** Registers the document-service middleware that stores text of portal types in NFC. */
export function registerNfcNormalization(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (WRITE_ACTIONS.has(context.action) && isPortalUid(context.uid)) {
      const params = context.params as { data?: Record<string, unknown> };
      if (params.data) params.data = toNfc(params.data);
    }
    return next();
  });
}

import type { Core } from '@strapi/strapi';
import { registerNfcNormalization } from './normalize-text';
import { registerPublishedOnlyReads } from './published-only';
import { registerSlugs } from './slugs';
import { registerValidations } from './validations';

/**
 * Registers the document-service middlewares of the application. Order matters: text is
 * normalised to NFC before slugs are folded and before the field rules read it.
 */
export function registerDocumentMiddlewares(strapi: Core.Strapi) {
  registerNfcNormalization(strapi);
  registerSlugs(strapi);
  registerValidations(strapi);
  registerPublishedOnlyReads(strapi);
}

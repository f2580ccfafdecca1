import type { Core } from '@strapi/strapi';
import { isPortalUid } from '../content-types';
import { foldToSlug, SLUG_PATTERN } from '../utils/slug';
import { fieldValidationError } from './field-errors';

interface UidAttribute {
  type: 'uid';
  targetField?: string;
}

interface WriteParams {
  documentId?: string;
  locale?: string;
  data?: Record<string, unknown>;
}

function findSlugAttribute(contentType: { attributes: Record<string, { type: string }> }) {
  const entry = Object.entries(contentType.attributes).find(([, attribute]) => attribute.type === 'uid');
  return entry ? { field: entry[0], targetField: (entry[1] as UidAttribute).targetField } : undefined;
}

/**
 * Registers the document-service middleware that keeps slugs ASCII and unique per locale. A
 * missing slug is generated from the target field, with `-2`, `-3`... on a clash. A slug given
 * by the caller is folded to ASCII and rejected with a 400 if another document of the same
 * locale already uses it.
 *
 * NOTE: uniqueness is checked before the write, with no database constraint behind it, so two
 * concurrent creates with the same title can still get the same slug.
 */
export function registerSlugs(strapi: Core.Strapi) {
  const isLocalized = (uid: string) =>
    Boolean((strapi.contentType(uid as never) as { pluginOptions?: { i18n?: { localized?: boolean } } })
      .pluginOptions?.i18n?.localized);

  async function findUsedSlugs(uid: string, field: string, base: string, locale: string | undefined, documentId?: string) {
    const where: Record<string, unknown> = { [field]: { $startsWith: base } };
    if (locale) where.locale = locale;
    if (documentId) where.documentId = { $ne: documentId };
    const rows = await strapi.db.query(uid as never).findMany({ where, select: [field] });
    return new Set(rows.map((row: Record<string, string>) => row[field]));
  }

  async function readStored(uid: string, documentId: string | undefined, locale: string | undefined, fields: string[]) {
    if (!documentId) return undefined;
    const draftOnly = (strapi.contentType(uid as never) as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish;
    return (await strapi.db.query(uid as never).findOne({
      where: { documentId, ...(locale ? { locale } : {}), ...(draftOnly ? { publishedAt: null } : {}) },
      select: fields,
    })) as Record<string, string | null> | null;
  }

  strapi.documents.use(async (context, next) => {
    if (!['create', 'update', 'clone'].includes(context.action) || !isPortalUid(context.uid)) return next();
    const cloning = context.action === 'clone';

    const params = context.params as WriteParams;
    const slugAttribute = findSlugAttribute(context.contentType as never);
    if (!params.data || !slugAttribute) return next();

    const { field, targetField } = slugAttribute;
    const locale = isLocalized(context.uid)
      ? params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale())
      : undefined;
    const requested = params.data[field];
    const stored =
      context.action !== 'create'
        ? await readStored(context.uid, params.documentId, locale, targetField ? [field, targetField] : [field])
        : undefined;
    // An update that leaves the slug out keeps the stored one; a new locale of a document has none yet.
    // A clone never keeps the slug of its source, because that slug is taken by the source.
    if (requested === undefined && stored?.[field] && !cloning) return next();

    let slug: string;
    let generated = false;
    if (typeof requested === 'string' && requested.trim() !== '') {
      slug = SLUG_PATTERN.test(requested) ? requested : foldToSlug(requested, locale);
    } else {
      const source = targetField
        ? ((params.data[targetField] as string | undefined) ?? stored?.[targetField])
        : undefined;
      if (!source) return next();
      slug = foldToSlug(source, locale);
      generated = true;
    }

    if (!slug) {
      throw fieldValidationError([
        {
          path: field,
          message: `${field} cannot be built from "${String(generated ? (params.data[targetField!] ?? stored?.[targetField!]) : requested)}" because it has no letters or digits; give a slug such as "quy-che-cong-thong-tin".`,
        },
      ]);
    }

    const usedSlugs = await findUsedSlugs(context.uid, field, slug, locale, cloning ? undefined : params.documentId);
    if (usedSlugs.has(slug)) {
      if (!generated) {
        const where = locale ? ` in locale "${locale}"` : '';
        throw fieldValidationError([
          {
            path: field,
            message: `${field} "${slug}" is already used by another entry${where}; choose another slug or leave it empty to generate one.`,
          },
        ]);
      }
      let suffix = 2;
      while (usedSlugs.has(`${slug}-${suffix}`)) suffix += 1;
      slug = `${slug}-${suffix}`;
    }

    params.data[field] = slug;
    return next();
  });
}

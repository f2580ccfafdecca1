import slugify from '@sindresorhus/slugify';

/**
 * Folds a title to an ASCII slug. Vietnamese letters lose their diacritics (`Đường` gives
 * `duong`, never the Serbian-style `djuong`) and `&` reads as the conjunction of the locale.
 */
export function foldToSlug(value: string, locale = 'vi'): string {
  const conjunction = locale === 'vi' ? ' va ' : ' and ';
  return slugify(value.normalize('NFC'), {
    customReplacements: [
      ['Đ', 'D'],
      ['đ', 'd'],
      ['&', conjunction],
    ],
  }).slice(0, 200).replace(/-+$/, '');
}

/** A slug that this application accepts: lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

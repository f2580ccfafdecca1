import type { Core } from '@strapi/strapi';
import { knexOf, rowsOf, toNumber } from './sql';

export interface UnitInfo {
  documentId: string;
  abbreviation: string;
  name: string;
  monthlyQuota: number | null;
  sortOrder: number;
}

/**
 * Reads the organization units of the default locale (a few hundred rows at most), keyed by
 * documentId. The abbreviation and quota are shared by every locale of a unit.
 */
export async function unitDirectory(strapi: Core.Strapi): Promise<Map<string, UnitInfo>> {
  const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const rows = rowsOf<{ document_id: string; abbreviation: string; name: string; monthly_quota: unknown; sort_order: unknown }>(
    await knexOf(strapi).raw(
      'SELECT document_id, abbreviation, name, monthly_quota, sort_order FROM organization_units WHERE locale = ? ORDER BY sort_order, abbreviation',
      [defaultLocale]
    )
  );
  return new Map(
    rows.map((row) => [
      row.document_id,
      {
        documentId: row.document_id,
        abbreviation: row.abbreviation,
        name: row.name,
        monthlyQuota: row.monthly_quota === null ? null : toNumber(row.monthly_quota),
        sortOrder: toNumber(row.sort_order),
      },
    ])
  );
}

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** The knex instance of Strapi's connection. Reports aggregate in SQL and read only the totals. */
export const knexOf = (strapi: Core.Strapi) => strapi.db.connection as unknown as Knex;

export const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/**
 * Returns an SQL expression for the seconds from `earlier` to `later`, two datetime columns.
 * SQLite stores Strapi datetimes as epoch milliseconds (knex binds a Date as its valueOf()), and
 * PostgreSQL as timestamps.
 */
export function secondsBetween(strapi: Core.Strapi, later: string, earlier: string): string {
  return isPostgres(strapi) ? `EXTRACT(EPOCH FROM (${later} - ${earlier}))` : `((${later}) - (${earlier})) / 1000.0`;
}

/**
 * Returns an SQL expression that gives the index of the month bucket containing `column`, or
 * NULL outside the buckets. The bucket bounds are bound parameters, so the same SQL runs on
 * SQLite and PostgreSQL without date functions, which differ between them.
 */
export function bucketIndex(column: string, bounds: { start: Date; end: Date }[]): { sql: string; bindings: Date[] } {
  const branches = bounds.map(() => `WHEN ${column} >= ? AND ${column} < ? THEN`);
  const bindings: Date[] = [];
  const sql = `CASE ${branches.map((branch, index) => `${branch} ${index}`).join(' ')} ELSE NULL END`;
  for (const bound of bounds) bindings.push(bound.start, bound.end);
  return { sql, bindings };
}

/**
 * Returns SQL that picks the median and the 90th percentile of `value` per `grp` from a relation
 * with the columns (grp, value). Percentiles use the nearest-rank method: the value of rank
 * ceil(p × n) in ascending order, which both databases compute with the same window functions.
 */
export function percentileSql(source: string): string {
  return `
    SELECT grp, n,
      MAX(CASE WHEN rn = (n + 1) / 2 THEN value END) AS median,
      MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN value END) AS p90
    FROM (
      SELECT grp, value,
        ROW_NUMBER() OVER (PARTITION BY grp ORDER BY value) AS rn,
        COUNT(*) OVER (PARTITION BY grp) AS n
      FROM (${source}) AS durations
    ) AS ranked
    GROUP BY grp, n`;
}

/** Converts a count or sum read from the database (PostgreSQL returns bigint as text) to a number. */
export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Rounds a duration in seconds to whole seconds, or keeps null. */
export const toSeconds = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value)));

/** Reads a datetime column as ISO text: SQLite returns epoch milliseconds, PostgreSQL a Date. */
export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Rows of a knex.raw result on either database. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Collects WHERE conditions with their bindings, in order. */
export class Conditions {
  readonly parts: string[] = [];
  readonly bindings: unknown[] = [];

  add(sql: string, ...bindings: unknown[]) {
    this.parts.push(sql);
    this.bindings.push(...bindings);
    return this;
  }

  addIf(condition: unknown, sql: string, ...bindings: unknown[]) {
    if (condition) this.add(sql, ...bindings);
    return this;
  }

  inList(column: string, values: readonly unknown[]) {
    if (values.length === 0) return this.add('1 = 0');
    return this.add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
  }

  toSql() {
    return this.parts.length ? this.parts.join(' AND ') : '1 = 1';
  }
}

/** Names of the join table of a relation attribute, from Strapi's database metadata. */
export function joinTableOf(strapi: Core.Strapi, uid: string, attribute: string): { table: string; ownColumn: string; targetColumn: string } {
  const meta = strapi.db.metadata.get(uid as never) as unknown as {
    attributes: Record<string, { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
  };
  const joinTable = meta.attributes[attribute]?.joinTable;
  if (!joinTable) throw new Error(`[reporting] ${uid}.${attribute} has no join table; the content model changed.`);
  return { table: joinTable.name, ownColumn: joinTable.joinColumn.name, targetColumn: joinTable.inverseJoinColumn.name };
}

/** Runs one raw query and returns its rows; independent queries of a report run in parallel. */
export async function selectRows<T>(strapi: Core.Strapi, sql: string, bindings: readonly unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await knexOf(strapi).raw(sql, bindings as unknown[]));
}

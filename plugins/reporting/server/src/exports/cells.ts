import type { Language, Table } from '../reports/types';

const WORDS: Record<Language, { yes: string; no: string }> = { vi: { yes: 'có', no: 'không' }, en: { yes: 'yes', no: 'no' } };

/** Formats one value of a report table as text for a file: empty for null, yes/no for booleans. */
export function cellText(value: unknown, language: Language): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? WORDS[language].yes : WORDS[language].no;
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

/** Returns the value of a cell for a spreadsheet: numbers stay numbers, the rest becomes text. */
export function cellValue(value: unknown, language: Language): string | number {
  return typeof value === 'number' ? value : cellText(value, language);
}

export const headerOf = (table: Table, language: Language) => table.columns.map((column) => column.label[language]);

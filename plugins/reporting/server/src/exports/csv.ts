import { Readable } from 'node:stream';
import type { Language, Table } from '../reports/types';
import { cellText, headerOf } from './cells';

/**
 * Quotes one CSV field (RFC 4180). Text that a spreadsheet would run as a formula (starting with
 * =, +, - or @) gets a leading apostrophe, so an exported title cannot execute in Excel.
 */
export function csvField(value: unknown, language: Language): string {
  let text = cellText(value, language);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function* csvLines(table: Table, language: Language) {
  // The byte-order mark makes Excel read the file as UTF-8, so Vietnamese text shows correctly.
  yield `\uFEFF${headerOf(table, language).map((label) => csvField(label, language)).join(',')}\r\n`;
  for (const row of table.rows) yield `${table.columns.map((column) => csvField(row[column.key], language)).join(',')}\r\n`;
}

/** Streams a report table as CSV, one line at a time. */
export const csvStream = (table: Table, language: Language) => Readable.from(csvLines(table, language), { objectMode: false });

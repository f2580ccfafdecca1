import type { Language, Table } from '../reports/types';

/** A report document: a title, lines under it, tables and closing text sections. */
export interface ReportDocument {
  title: string;
  subtitle: string[];
  tables: Table[];
  /** Text sections after the tables, such as the board's proposals. */
  sections: { heading: string; paragraphs: string[] }[];
  language: Language;
}

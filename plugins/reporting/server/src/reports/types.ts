import type { ReportFilters } from '../filters';
import type { Period } from '../period';

export type Language = 'vi' | 'en';

export interface Label {
  vi: string;
  en: string;
}

export interface Column {
  key: string;
  label: Label;
}

/** One table of a report, as the CSV, DOCX and XLSX exports write it. */
export interface Table {
  name: string;
  title: Label;
  columns: Column[];
  rows: Record<string, unknown>[];
  /** Keys of the columns that a Word document shows, when it shows fewer than the other formats. */
  documentColumns?: string[];
}

export interface ReportRequest {
  period: Period;
  filters: ReportFilters;
  /** The time the report is made; overdue and dormant are judged against it. */
  now: Date;
  /** Language of labels inside the figures, such as the rows of the periodic summary. */
  language: Language;
}

export interface ReportResult {
  data: Record<string, unknown>;
  tables: Table[];
}

export const column = (key: string, en: string, vi: string): Column => ({ key, label: { en, vi } });

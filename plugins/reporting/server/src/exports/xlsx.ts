import ExcelJS from 'exceljs';
import { cellValue, headerOf } from './cells';
import type { ReportDocument } from './document';

/** Sheet names: at most 31 characters, without the characters Excel forbids, unique per book. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28).trim() || 'Sheet';
  let name = base;
  for (let index = 2; used.has(name.toLowerCase()); index += 1) name = `${base.slice(0, 27)} ${index}`;
  used.add(name.toLowerCase());
  return name;
}

/** Writes a report as a spreadsheet (XLSX) with ExcelJS, one sheet per table, and returns its bytes. */
export async function xlsxBuffer(report: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MOST portal';
  const used = new Set<string>();

  const cover = workbook.addWorksheet(sheetName(report.language === 'vi' ? 'Tổng quan' : 'Overview', used));
  cover.addRow([report.title]).font = { bold: true, size: 14 };
  for (const line of report.subtitle) cover.addRow([line]);
  for (const section of report.sections) {
    cover.addRow([]);
    cover.addRow([section.heading]).font = { bold: true };
    for (const paragraph of section.paragraphs) cover.addRow([paragraph]);
  }
  cover.getColumn(1).width = 100;

  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title[report.language], used));
    sheet.addRow(headerOf(table, report.language)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(table.columns.map((column) => cellValue(row[column.key], report.language)));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    table.columns.forEach((column, index) => {
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, column.label[report.language].length + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

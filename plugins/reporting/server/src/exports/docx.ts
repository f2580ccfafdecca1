import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Table as ReportTable } from '../reports/types';
import { cellText, headerOf } from './cells';
import type { ReportDocument } from './document';

function tableOf(full: ReportTable, language: ReportDocument['language']) {
  const table = full.documentColumns ? { ...full, columns: full.columns.filter((column) => full.documentColumns!.includes(column.key)) } : full;
  const header = new TableRow({
    tableHeader: true,
    children: headerOf(table, language).map((label) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] })),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        children: table.columns.map(
          (column) =>
            new TableCell({
              children: [new Paragraph({ text: cellText(row[column.key], language), alignment: typeof row[column.key] === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT })],
            })
        ),
      })
  );
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** Writes a report as a Word document (DOCX) with the `docx` library and returns its bytes. */
export async function docxBuffer(report: ReportDocument): Promise<Buffer> {
  const empty = report.language === 'vi' ? 'Không có số liệu.' : 'No figures.';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
    ...report.subtitle.map((line) => new Paragraph({ text: line })),
  ];
  for (const table of report.tables) {
    children.push(new Paragraph({ text: table.title[report.language], heading: HeadingLevel.HEADING_1 }));
    children.push(table.rows.length > 0 ? tableOf(table, report.language) : new Paragraph({ text: empty }));
  }
  for (const section of report.sections) {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    for (const paragraph of section.paragraphs) children.push(new Paragraph({ text: paragraph }));
  }
  const document = new Document({ creator: 'MOST portal', title: report.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}

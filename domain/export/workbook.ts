/**
 * Tables as a file, XLSX (exceljs) or CSV: the machinery every export shares (the team result, the
 * network overview). Pure builders: data in, bytes or text out, no I/O.
 * CSV uses ';' (what Excel expects in nl-BE), CRLF and a UTF-8 byte order mark; a cell that
 * starts like a formula (= + - @) gets a leading apostrophe so spreadsheets never run it.
 */
import type ExcelJSModule from 'exceljs';

export type ExportFormat = 'xlsx' | 'csv';

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export type Cell = string | number;

export interface ExportTable {
  /** Sheet name (≤ 31 characters) and CSV section title. */
  title: string;
  headers: string[];
  rows: Cell[][];
}

export interface Workbook {
  /** The first line / the Info sheet's heading. */
  heading: Cell[];
  /** Key/value lines under the heading (the Info sheet). */
  info: Array<[string, string]>;
  tables: ExportTable[];
  generatedAt: Date;
}

/** A cell as CSV: quoted when needed; formula-like text defused. */
export function csvCell(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: readonly Cell[]) => cells.map(csvCell).join(';');

export function workbookCsv(book: Workbook): string {
  const lines: string[] = [csvLine(book.heading)];
  for (const [key, value] of book.info) lines.push(csvLine([key, value]));
  for (const table of book.tables) {
    lines.push('', csvLine([table.title]), csvLine(table.headers));
    for (const row of table.rows) lines.push(csvLine(row));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function workbookXlsx(book: Workbook): Promise<Buffer> {
  // Loaded on first export only: exceljs costs ~25 MB of memory that an idle bot does not need.
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Poolster';
  workbook.created = book.generatedAt;
  workbook.modified = book.generatedAt;

  const info = workbook.addWorksheet('Info');
  info.addRow([String(book.heading[0] ?? '')]).font = { bold: true, size: 14 };
  for (const row of book.info) info.addRow(row);
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 70;

  for (const table of book.tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31));
    const header = sheet.addRow(table.headers);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    for (const row of table.rows) sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
    table.headers.forEach((title, index) => {
      const longest = Math.max(title.length, ...table.rows.map((r) => String(r[index] ?? '').length));
      sheet.getColumn(index + 1).width = Math.min(80, Math.max(10, longest + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** A file name part: "GO! CLB Gent" → "go-clb-gent". */
export function fileSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}

/**
 * CSV as RFC 4180 writes it, for spreadsheets first: UTF-8 with a byte-order mark (without it Excel reads
 * the bytes as the local ANSI code page and `Đắk Nông` turns to mojibake), CRLF line ends, a field quoted
 * when it holds a comma, a double quote, CR or LF, its quotes doubled.
 */

/** The UTF-8 byte-order mark, written once before the header line. */
export const BOM = '\uFEFF';

/** A cell value: empty for null and undefined. */
export type Cell = string | number | boolean | null | undefined;

/**
 * Cells a spreadsheet would read as a formula (CSV or formula injection, OWASP): text starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. An applicant's name or a unit's note is typed by people
 * outside the hub; such a cell gets a leading apostrophe so it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as JavaScript writes them (a dot for decimals), text guarded and quoted as needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Unicode text is stored NFC; a composed form keeps `hộ tịch` one way in every cell
  let text = value.normalize('NFC');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: the cells joined by commas, ended by CRLF. */
export const csvLine = (cells: readonly Cell[]): string => cells.map(csvCell).join(',') + '\r\n';

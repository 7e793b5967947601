// CSV for spreadsheets, as Dutch-locale Excel reads it. No I/O here, so routes decide how to send the result.

const CRLF = '\r\n';

export type CsvCell = string | number | null;

// Dutch-locale Excel uses the comma as decimal separator and so expects `;` between fields.
const CSV_SEPARATOR = ';';
// Without a BOM Excel guesses a legacy code page and mangles é and ë.
const UTF8_BOM = '\uFEFF';
// OWASP CSV injection: spreadsheets treat these first characters as the start of a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // "NaN" or "Infinity" would only look like data; an empty cell is honest.
    return Number.isFinite(value) ? String(value) : '';
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + CRLF;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + csvLine(header) + rows.map(csvLine).join('');
}

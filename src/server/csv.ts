/**
 * CSV as RFC 4180 describes it (CRLF line ends; a field with a comma, quote or line break is quoted,
 * quotes doubled), made safe to open in a spreadsheet: a cell that starts with = + - @ or a tab or
 * carriage return would run as a formula, so it is prefixed with an apostrophe (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

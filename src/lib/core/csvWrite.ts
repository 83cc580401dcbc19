/** Writing CSV people open in a spreadsheet (no parser here, so the app's first code need not load one). */

/**
 * One cell of a CSV people will open in a spreadsheet: no value and non-finite numbers are empty,
 * and text starting with =, +, -, @, tab or carriage return (also after leading spaces, which some
 * spreadsheets trim) is prefixed with ' so it is never run as a formula.
 */
export function csvCell(v: string | number | null | undefined): string | number {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  return /^[\t\r]|^[ \u00a0]*[=+\-@]/.test(v) ? `'${v}` : v;
}

export type CsvValue = string | number | null | undefined;

/**
 * RFC 4180 quoting: a field is quoted when it holds a comma, quote, CR or LF, or starts or ends with a space;
 * also when it starts with "#", so a data line is never mistaken for a "#" note by programs that skip those.
 */
function quoteField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]|^[\s#]|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * THE CSV writer: every line of every CSV the app writes goes through here. One line (no newline):
 * each cell neutralised (csvCell) and quoted as needed, so no value can add a cell, a line or a formula.
 */
export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map((c) => quoteField(csvCell(c))).join(',');
}

/**
 * A "#" header line (a note for people; programs skip lines starting with "#"). It always starts with
 * "#" and is written through the same writer: line breaks become spaces, text a spreadsheet would split
 * at commas is split into cells that are each neutralised and quoted. If the first cell itself needs
 * quoting (it holds a double quote), the line starts with a cell "#" of its own so it still starts with "#".
 */
export function csvCommentLine(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const t = flat.startsWith('#') ? flat : `# ${flat}`;
  // Cells of a note hold no comma or line break (split / flattened), so only a quote makes one need quoting:
  // notes stay verbatim unless they hold a quote or a formula.
  const cell = (c: string) => {
    const v = String(csvCell(c));
    return v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const cells = t.split(',').map(cell);
  if (cells[0].startsWith('#')) return cells.join(',');
  // The first cell needs quoting: keep "#" first and put the whole note, quoted, in one cell after it.
  return `#,${quoteField(csvCell(t.replace(/^#\s*/, '')))}`;
}

/** A whole CSV file: "#" header lines, the column names, then the rows; "\n" line ends and a final newline. */
export function csvDocument(doc: { header?: readonly string[]; columns: readonly string[]; rows: readonly (readonly CsvValue[])[] }): string {
  const lines = [...(doc.header ?? []).map(csvCommentLine), csvLine(doc.columns), ...doc.rows.map(csvLine)];
  return `${lines.join('\n')}\n`;
}

/** A number rounded to `d` decimals for export, or null when there is none. */
export const roundTo = (v: number | null | undefined, d: number): number | null => (v == null || !Number.isFinite(v) ? null : Number(v.toFixed(d)));

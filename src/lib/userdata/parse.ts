/**
 * Reading a person's own CSV into text cells (ParsedTable), and reading one cell as a number. Pure: no DOM,
 * no React; runs in the parsing worker and, as a fallback, on the main thread. Errors are plain-English
 * `Error`s meant to be shown to the person as they are.
 */
import Papa from 'papaparse';
import { SUPPRESSED_TOKENS, type CellNumber, type ParsedTable } from './types';

type Delimiter = ParsedTable['delimiter'];
const DELIMITERS: Delimiter[] = [',', ';', '\t'];
const DELIMITER_WORDS: Record<Delimiter, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** At most this many row numbers are listed in one note. */
const LIST_ROWS = 10;

/** "rows 3, 5 and 9" / "rows 3, 5, 9 … and 12 more" for notes. */
export function rowList(rows: number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  if (rows.length <= LIST_ROWS) return `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
  return `rows ${rows.slice(0, LIST_ROWS).join(', ')} and ${rows.length - LIST_ROWS} more`;
}

/**
 * Bytes of a file to text: UTF-8 (a byte order mark is kept for parseCsvText to note and remove); a file
 * that is not valid UTF-8 is read as Windows-1252, the encoding Excel's plain "CSV" uses, and says so.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; note?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'The file is not UTF-8, so it was read as Windows-1252 (what Excel saves as plain "CSV"); check that accented letters and symbols look right.',
    };
  }
}

/** Which of comma, semicolon or tab separates the columns; null when none does (a one-column file). */
function guessDelimiter(text: string): Delimiter | null {
  const sample = text.slice(0, 64_000);
  const guess = Papa.parse<string[]>(sample, { delimiter: '', delimitersToGuess: DELIMITERS, skipEmptyLines: 'greedy', preview: 50 });
  const d = guess.meta.delimiter as Delimiter;
  if (!guess.errors.some((e) => e.code === 'UndetectableDelimiter') && DELIMITERS.includes(d)) return d;
  // Papa could not decide (e.g. very few lines): the delimiter found on most of the first lines.
  const lines = sample.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: Delimiter | null = null;
  let most = 0;
  for (const c of DELIMITERS) {
    const n = lines.filter((l) => l.includes(c)).length;
    if (n > most) {
      most = n;
      best = c;
    }
  }
  return best;
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');
const GSS_CODE = /^[EWSNK]\d{8}$/i;

/** Header cells trimmed, blanks named "Column n", repeats made unique: "value", "value (2)". */
function uniqueHeader(cells: string[]): string[] {
  const seen = new Set<string>();
  return cells.map((raw, i) => {
    const base = raw.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

export interface ParseOptions {
  /** Called as rows are read (fraction of the text, rows so far); the caller throttles. */
  onProgress?: (fraction: number, rows: number) => void;
  /** Notes from reading the bytes (e.g. the encoding), put first in the table's notes. */
  notes?: string[];
}

/**
 * A CSV's text to a table of text cells. Handles a byte order mark, comma, semicolon or tab delimiters
 * (reported), quoted fields with delimiters, quotes and line breaks inside, Windows and old Mac line
 * endings, blank lines, title lines above the header, and ragged rows (padded or cut, and noted).
 * Throws an Error with a plain-English message for an empty file, no header, one column, or no data rows.
 */
export function parseCsvText(text: string, fileName: string, opts: ParseOptions = {}): ParsedTable {
  const notes = [...(opts.notes ?? [])];
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) {
    body = body.slice(1);
    notes.push('A byte order mark at the start of the file was removed.');
  }
  if (body.trim() === '') throw new Error('The file is empty.');
  const delimiter = guessDelimiter(body);
  if (!delimiter) {
    throw new Error('The file has only one column. It needs an area column (codes or names) and at least one value column, separated by commas, semicolons or tabs.');
  }

  // Every record, blank ones included, so row numbers match what a spreadsheet shows.
  let records: string[][];
  const errors: Papa.ParseError[] = [];
  if (opts.onProgress) {
    records = [];
    const onProgress = opts.onProgress;
    const total = body.length || 1;
    Papa.parse<string[]>(body, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: 1 << 20,
      step: (r) => {
        records.push(r.data);
        errors.push(...r.errors);
        onProgress(Math.min(1, r.meta.cursor / total), records.length);
      },
    });
  } else {
    const res = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
    records = res.data;
    errors.push(...res.errors);
  }

  // The header is the first row with more than one filled cell; title or note lines above it are skipped.
  let h = 0;
  let skippedAbove = 0;
  while (h < records.length && records[h].filter((c) => c.trim() !== '').length < 2) {
    if (!isBlank(records[h])) skippedAbove++;
    h++;
  }
  if (h >= records.length) {
    throw new Error(`The file has only one column. It needs an area column (codes or names) and at least one value column, separated by ${DELIMITER_WORDS[delimiter]}.`);
  }
  if (skippedAbove > 0) notes.push(`${skippedAbove} line${skippedAbove === 1 ? '' : 's'} above the column names ${skippedAbove === 1 ? 'was' : 'were'} skipped (titles or notes).`);
  const headerCells = records[h];
  const filled = headerCells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.some((c) => GSS_CODE.test(c)) || filled.every((c) => readNumber(c).kind === 'number')) {
    throw new Error(
      `The first row (row ${h + 1}) looks like data, not column names ("${filled.slice(0, 3).join('", "')}"). Add a header row naming the columns, e.g. "area_code,value".`,
    );
  }
  const columns = uniqueHeader(headerCells);
  if (columns.length < 2) throw new Error('The file has only one column. It needs an area column (codes or names) and at least one value column.');

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const short: number[] = [];
  const long: number[] = [];
  let blank = 0;
  for (let i = h + 1; i < records.length; i++) {
    const rec = records[i];
    if (isBlank(rec)) {
      // A final line break makes one empty record; it is not a blank line anyone sees.
      if (!(i === records.length - 1 && rec.length === 1 && rec[0] === '')) blank++;
      continue;
    }
    let row = rec;
    if (rec.length < columns.length) {
      short.push(i + 1);
      row = rec.concat(Array(columns.length - rec.length).fill(''));
    } else if (rec.length > columns.length) {
      const extra = rec.slice(columns.length);
      if (extra.some((c) => c.trim() !== '')) long.push(i + 1);
      row = rec.slice(0, columns.length);
    }
    rows.push(row);
    rowNumbers.push(i + 1);
  }
  if (rows.length === 0) throw new Error('The file has column names but no rows of data.');

  notes.push(`Columns separated by ${DELIMITER_WORDS[delimiter]}.`);
  if (blank > 0) notes.push(`${blank} blank line${blank === 1 ? ' was' : 's were'} skipped.`);
  if (short.length) notes.push(`${short.length} row${short.length === 1 ? ' has' : 's have'} fewer cells than there are columns (${rowList(short)}); the missing cells are treated as blank.`);
  if (long.length) {
    notes.push(
      `${long.length} row${long.length === 1 ? ' has' : 's have'} more cells than there are columns (${rowList(long)}); the extra cells were ignored.` +
        (delimiter === ',' ? ' A number written with a thousands comma must be in quotes in a comma-separated file.' : ''),
    );
  }
  const quoteRows = [...new Set(errors.filter((e) => e.type === 'Quotes' && e.row != null).map((e) => (e.row as number) + 1))];
  if (quoteRows.length) notes.push(`Unmatched quotation marks near ${rowList(quoteRows)}: check those rows in the preview.`);
  return { fileName, columns, rows, rowNumbers, delimiter, notes };
}

const SUPPRESSED = new Set(SUPPRESSED_TOKENS.map((t) => t.toLowerCase()));
const SPACES = '[ \\u00a0\\u202f]';
const PLAIN = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_POINT = new RegExp(`^\\d{1,3}(?:(?:,|${SPACES})\\d{3})+(\\.\\d+)?$`);
const GROUPED_COMMA = new RegExp(`^\\d{1,3}(?:(?:\\.|${SPACES})\\d{3})+(,\\d+)?$`);
const DECIMAL_COMMA = /^(\d+,?\d*|,\d+)$/;

/**
 * One cell as a number. Trims; "*", "c", ".." and the other SUPPRESSED_TOKENS are suppressed; blank is
 * empty. Accepts thousands separators ("1,234", "1 234"), a decimal comma when `decimalComma` (semicolon
 * files: "1,5", "1.234,5"), a trailing "%" (the value stays on the percent scale as written), a leading
 * "+" and the minus sign "−". Anything else is invalid, and the result is never NaN or infinite.
 */
export function readNumber(cell: string, decimalComma = false): CellNumber {
  const t = cell.trim();
  if (t === '') return { kind: 'empty' };
  if (SUPPRESSED.has(t.toLowerCase())) return { kind: 'suppressed' };
  let s = t.replace(/\u2212/g, '-');
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1).trimStart();
  }
  let plain: string | null = null;
  if (decimalComma) {
    if (GROUPED_COMMA.test(s)) plain = s.replace(/[. \u00a0\u202f]/g, '').replace(',', '.');
    else if (DECIMAL_COMMA.test(s)) plain = s.replace(',', '.');
    else if (PLAIN.test(s)) plain = s;
  } else if (GROUPED_POINT.test(s)) plain = s.replace(/[, \u00a0\u202f]/g, '');
  else if (PLAIN.test(s)) plain = s;
  if (plain == null || plain === '.') return { kind: 'invalid', text: t };
  const value = sign * Number(plain);
  if (!Number.isFinite(value)) return { kind: 'invalid', text: t };
  // No "-0": a minus zero is zero.
  return { kind: 'number', value: value === 0 ? 0 : value };
}

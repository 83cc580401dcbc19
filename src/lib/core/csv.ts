import Papa from 'papaparse';

/** CSV parsing shared by the data build and the browser (uploads). Never throws on bad text: returns errors. (Writing: csvWrite.ts.) */
export interface CsvTable {
  fields: string[];
  rows: Record<string, string>[];
  errors: string[];
}

export function parseCsv(text: string): CsvTable {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    delimiter: ',',
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const errors = res.errors.map((e) => `Row ${typeof e.row === 'number' ? e.row + 2 : '?'}: ${e.message}`);
  return { fields: res.meta.fields ?? [], rows: res.data, errors };
}

export function missingColumns(table: CsvTable, required: string[]): string[] {
  const have = new Set(table.fields);
  return required.filter((c) => !have.has(c));
}

/** Strict number parse: blank -> null, anything non-numeric -> NaN (the caller reports it). */
export function toNumber(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const s = raw.trim();
  if (s === '' || s.toUpperCase() === 'NA') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}


/**
 * People's own data, loaded in the browser and never sent anywhere: the shapes shared by the parser,
 * the checker, the indicator builder, the point loader, the worker and the panel. Pure types only.
 */
import type { Polarity } from '../core/types';

/** Largest file the app reads (stated in the interface). */
export const USER_FILE_LIMIT_BYTES = 50_000_000;

/** Values that mean "no data" in published tables (counted as suppressed, never as zero). */
export const SUPPRESSED_TOKENS: readonly string[] = ['*', 'c', '..', 'x', '-', ':', '[c]', '[x]', '[z]', 'n/a', 'na', 'NA', 'N/A', ''];

/** A CSV as text cells: header and rows, after BOM, delimiter and line endings are dealt with. */
export interface ParsedTable {
  fileName: string;
  columns: string[];
  /** Each row's cells as text, aligned with columns (short rows padded with ''). */
  rows: string[][];
  /**
   * Each row's number as a spreadsheet shows it (header = row 1; blank lines and lines above the header
   * count, a quoted cell with line breaks is one row). Absent: row k of `rows` is row k + 2.
   */
  rowNumbers?: number[];
  delimiter: ',' | ';' | '\t';
  /** Notes about the reading itself (BOM removed, ragged rows, blank lines skipped), in words. */
  notes: string[];
}

/** A number read from a cell: a value, suppressed ("*", "c"…), empty, or text that is not a number. */
export type CellNumber = { kind: 'number'; value: number } | { kind: 'suppressed' } | { kind: 'empty' } | { kind: 'invalid'; text: string };

/** The geographies a file's area column can hold. 2011 codes are mapped to 2021 through bundled lookups. */
export type UserGeography = 'lsoa' | 'msoa' | 'ward' | 'lsoa11' | 'msoa11';

/** What the person picks after the preview: which column is which. Column names as in the file. */
export interface ColumnChoice {
  /** Area codes or names. */
  area: string;
  value: string;
  /** Optional: count and denominator (then intervals and "compared with England" work for proportions). */
  count?: string;
  denominator?: string;
  /** Optional: published lower and upper 95% limits. */
  lower?: string;
  upper?: string;
}

/** What the person says about the measure. */
export interface UserIndicatorSpec {
  name: string;
  unit: string;
  polarity: Polarity;
  period: string;
  /** England's value on the same scale, if the person has it. */
  england: number | null;
  decimals: number;
  columns: ColumnChoice;
}

export interface RowIssue {
  /** 1-based row number in the file, counting the header as row 1 (what a spreadsheet shows). */
  row: number;
  text: string;
}

/** The check before anything is applied. `errors` block "Apply"; `warnings` are shown and may be accepted. */
export interface CheckReport {
  geography: UserGeography | null;
  /** How the geography was recognised, and for 2011 codes how they were mapped, in words. */
  geographyNote: string;
  rows: number;
  matched: number;
  unknown: RowIssue[];
  duplicates: RowIssue[];
  nonNumeric: RowIssue[];
  suppressed: number;
  /** Names of areas of the geography with no value in the file. */
  missingAreas: string[];
  countOverDenominator: RowIssue[];
  warnings: string[];
  errors: string[];
}

/**
 * Checked values mapped onto one of the app's geographies (2011 codes already mapped to 2021 LSOAs or
 * MSOAs), aligned with that geography's code list in the bundle. Null where the file has no value.
 */
export interface CheckedValues {
  geography: 'lsoa' | 'msoa' | 'ward';
  /** The file's own geography when it differs from `geography` (2011 codes mapped to 2021). */
  sourceGeography?: UserGeography;
  values: (number | null)[];
  numerators?: (number | null)[];
  denominators?: (number | null)[];
  lowers?: (number | null)[];
  uppers?: (number | null)[];
}

/** One dataset the person applied: kept in IndexedDB until "Remove your data". */
export interface UserDataset {
  /** Stable id, also the indicator id: "user_" + a short hash of file name and content. */
  id: string;
  fileName: string;
  addedAt: string;
  spec: UserIndicatorSpec;
  checked: CheckedValues;
  /** The geography note and warnings accepted at "Apply", shown with the indicator. */
  notes: string[];
}

/** Progress messages from the parsing worker. */
export type WorkerMessage =
  | { type: 'progress'; fraction: number; rows: number }
  | { type: 'parsed'; table: ParsedTable }
  | { type: 'error'; message: string };

/** File reading shared by every build module (build-data, qof, assets): one CSV reader, one JSON reader, one error type. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { parseCsv, missingColumns, toNumber, type CsvTable } from '../../src/lib/core/csv';

/** A check on the input data failed; the CLI prints the message and exits non-zero. */
export class BuildError extends Error {}

export function fail(msg: string): never {
  throw new BuildError(msg);
}

/** Text of a file under the data directory; a missing file fails with its data-relative name. */
export function readText(dataDir: string, rel: string): string {
  const path = join(dataDir, rel);
  if (!existsSync(path)) fail(`${rel} not found in ${dataDir}`);
  return readFileSync(path, 'utf8');
}

/** CSV text to a table, failing on parse errors or missing columns (rel names the file in messages). */
export function parseTable(rel: string, text: string, required: readonly string[]): CsvTable {
  const t = parseCsv(text);
  if (t.errors.length) fail(`${rel}: CSV errors: ${t.errors.slice(0, 5).join('; ')}`);
  const missing = missingColumns(t, [...required]);
  if (missing.length) fail(`${rel}: missing columns ${missing.join(', ')}`);
  return t;
}

/** The one CSV reader of the build. */
export function readTable(dataDir: string, rel: string, required: readonly string[]): CsvTable {
  return parseTable(rel, readText(dataDir, rel), required);
}

export function parseFeatureCollection(rel: string, text: string): FeatureCollection {
  const fc = JSON.parse(text) as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) fail(`${rel}: not a FeatureCollection`);
  return fc;
}

export function readFeatureCollection(dataDir: string, rel: string): FeatureCollection {
  return parseFeatureCollection(rel, readText(dataDir, rel));
}

/** A numeric cell: blank fails unless allowBlank, non-numeric always fails; `key` names the row in the message. */
export function num({ rel, row, col, key, allowBlank = false }: { rel: string; row: Record<string, string>; col: string; key: string; allowBlank?: boolean }): number | null {
  const v = toNumber(row[col]);
  if (v === null && !allowBlank) fail(`${rel}: ${key} has no value in ${col}`);
  if (v !== null && Number.isNaN(v)) fail(`${rel}: ${key} has non-numeric "${row[col]}" in ${col}`);
  return v;
}

/** As num, for cells that must hold a number. */
export const requiredNum = (cell: { rel: string; row: Record<string, string>; col: string; key: string }): number => num(cell)!;

/** n rounded to a number of decimal places (the one rounding rule of the build's outputs). */
export const roundPlaces = (n: number, places: number) => {
  const f = 10 ** places;
  return Math.round(n * f) / f;
};
export const round5 = (n: number) => roundPlaces(n, 5);

/** Shared helpers for the "Your data" tests: fixtures, the real bundle and lookups, a synthetic 2011 lookup. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from '../../fixtures/bundle';
import type { Lookups2011 } from '../../../src/lib/userdata/geography';
import { parseCsvText } from '../../../src/lib/userdata/parse';
import type { ParsedTable } from '../../../src/lib/userdata/types';

export const FIX = join(__dirname, '..', '..', 'fixtures', 'userdata');
export const fixtureText = (name: string) => readFileSync(join(FIX, name), 'utf8');
export const fixtureTable = (name: string): ParsedTable => parseCsvText(fixtureText(name), name);
export const bundle = loadBundle();

const LOOKUPS_PATH = join(__dirname, '..', '..', '..', 'public', 'data', 'lookups-2011.json');
/** The built 2011 lookups (public/data/lookups-2011.json), or null in an older data build. */
export const realLookups: Lookups2011 | null = existsSync(LOOKUPS_PATH) ? (JSON.parse(readFileSync(LOOKUPS_PATH, 'utf8')) as Lookups2011) : null;

/**
 * A synthetic 2011 LSOA lookup over the real 2021 LSOAs: "E01900001" split between 2021 LSOAs 0 (40%)
 * and 1 (60%); "E01900002" and "E01900003" merged into LSOA 2; every other 2021 LSOA unchanged.
 * MSOAs: "E02900001" split between MSOAs 0 and 1 (half each); the rest unchanged.
 */
export function syntheticLookups(): Lookups2011 {
  const lsoa11: Lookups2011['lsoa11'] = {
    E01900001: [
      [0, 0.4],
      [1, 0.6],
    ],
    E01900002: [[2, 1]],
    E01900003: [[2, 1]],
  };
  bundle.areas.lsoa.codes.forEach((c, i) => {
    if (i > 2) lsoa11[c] = [[i, 1]];
  });
  const msoa11: Lookups2011['msoa11'] = {
    E02900001: [
      [0, 0.5],
      [1, 0.5],
    ],
  };
  bundle.areas.msoa.codes.forEach((c, i) => {
    if (i > 1) msoa11[c] = [[i, 1]];
  });
  return { lsoa11, msoa11 };
}

/** A table from header and rows, as parseCsvText would give it. */
export function table(columns: string[], rows: (string | number)[][], delimiter: ParsedTable['delimiter'] = ','): ParsedTable {
  return { fileName: 'synthetic.csv', columns, rows: rows.map((r) => r.map(String)), delimiter, notes: [] };
}

/** Step 5, write: the browser's files, all at the end, so a failed build writes nothing. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file the browser loads from public/data/. */
export const OUTPUT_FILES = [
  'indicators.json',
  'geo-lsoa.json',
  'geo-ward.json',
  'geo-msoa.json',
  'geo-borough.json',
  'geo-context.json',
  'postcodes.json',
  'places.json',
  'assets.json',
  'lookups-2011.json',
] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

/** The content of each output file, ready to serialise. */
export type Outputs = Record<OutputFile, unknown>;

export function writeOutputs(outDir: string, outputs: Outputs): void {
  mkdirSync(outDir, { recursive: true });
  for (const name of OUTPUT_FILES) writeFileSync(join(outDir, name), JSON.stringify(outputs[name]));
}

/** True when every output file exists in outDir (for `--if-missing`). */
export const outputsPresent = (outDir: string): boolean => OUTPUT_FILES.every((f) => existsSync(join(outDir, f)));

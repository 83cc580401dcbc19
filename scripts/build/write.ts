/** Step 5, write: the browser's files, all at the end, so a failed build writes nothing. */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** Files a place may not have (see OPTIONAL_FILE_KEYS in place.ts); the browser manages without them. */
export const OPTIONAL_OUTPUT_FILES = ['lookups-2011.json'] as const satisfies readonly OutputFile[];
type OptionalOutput = (typeof OPTIONAL_OUTPUT_FILES)[number];
const isOptional = (f: OutputFile) => (OPTIONAL_OUTPUT_FILES as readonly string[]).includes(f);

/** The content of each output file, ready to serialise; an optional file left out is not written. */
export type Outputs = Record<Exclude<OutputFile, OptionalOutput>, unknown> & Partial<Record<OptionalOutput, unknown>>;

export function writeOutputs(outDir: string, outputs: Outputs): void {
  mkdirSync(outDir, { recursive: true });
  for (const name of OUTPUT_FILES) {
    const content = (outputs as Partial<Record<OutputFile, unknown>>)[name];
    // An optional file this place does not have is removed, so an earlier build's copy is not served with the wrong place.
    if (content === undefined) rmSync(join(outDir, name), { force: true });
    else writeFileSync(join(outDir, name), JSON.stringify(content));
  }
}

/** True when every required output file exists in outDir (for `--if-missing`). */
export const outputsPresent = (outDir: string): boolean => OUTPUT_FILES.every((f) => isOptional(f) || existsSync(join(outDir, f)));

/** Step 1, read: the text of every file the main build uses, named by its place.json key. No parsing or checks here. */
import { readText } from './io';
import { readPlace, type PlaceFile, type PlaceFileKey } from './place';

/** Files the main build reads itself; the QOF and assets modules read theirs (same io helpers) from the same dataDir. */
export const INPUT_FILES = [
  'lsoaGeo',
  'wardGeo',
  'msoaGeo',
  'boroughGeo',
  'contextGeo',
  'lsoaLookup',
  'wardOverlaps',
  'imd',
  'imdHealth',
  'census',
  'imdEngland',
  'comparators',
  'msoaNames',
  'postcodes',
  'gazetteer',
  'presets',
] as const satisfies readonly PlaceFileKey[];
export type InputKey = (typeof INPUT_FILES)[number];

export interface Inputs {
  /** Where the QOF and assets modules read their own files. */
  dataDir: string;
  place: PlaceFile;
  text: Record<InputKey, string>;
}

export function readInputs(dataDir: string): Inputs {
  const place = readPlace(dataDir);
  const text = Object.fromEntries(INPUT_FILES.map((k) => [k, readText(dataDir, place.files[k])])) as Record<InputKey, string>;
  return { dataDir, place, text };
}

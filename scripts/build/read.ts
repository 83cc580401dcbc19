/** Step 1, read: the text of every file the main build uses, named by its place.json key. No parsing or checks here. */
import { readText } from './io';
import { PLACE_FILE_KEYS, readPlace, type PlaceFile, type PlaceFileKey } from './place';

/** Files the QOF, assets and place-data modules read themselves (same io helpers, same dataDir). */
const READ_BY_MODULES = ['practices', 'gpRegistrations', 'imd2019', 'greenspace', 'gardens'] as const;
export type InputKey = Exclude<PlaceFileKey, (typeof READ_BY_MODULES)[number]>;
/** Files the main build reads itself. */
export const INPUT_FILES = PLACE_FILE_KEYS.filter((k): k is InputKey => !(READ_BY_MODULES as readonly string[]).includes(k));

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

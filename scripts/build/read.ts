/** Step 1, read: the text of every file the main build uses, named by its place.json key. No parsing or checks here. */
import { readText } from './io';
import { OPTIONAL_FILE_KEYS, PLACE_FILE_KEYS, readPlace, type OptionalFileKey, type PlaceFile, type PlaceFileKey } from './place';

/** Files the QOF, assets, 2011-lookups and place-data modules read themselves (same io helpers, same dataDir). */
const READ_BY_MODULES = ['practices', 'gpRegistrations', 'legacy', 'imd2019', 'greenspace', 'gardens'] as const;
export type InputKey = Exclude<PlaceFileKey, (typeof READ_BY_MODULES)[number]>;
/** Files the main build reads itself. */
export const INPUT_FILES = PLACE_FILE_KEYS.filter((k): k is InputKey => !(READ_BY_MODULES as readonly string[]).includes(k));

type OptionalInput = Extract<InputKey, OptionalFileKey>;

export interface Inputs {
  /** Where the QOF and assets modules read their own files. */
  dataDir: string;
  place: PlaceFile;
  /** Text of each file; optional files the place does not name are absent. */
  text: Record<Exclude<InputKey, OptionalInput>, string> & Partial<Record<OptionalInput, string>>;
}

export function readInputs(dataDir: string): Inputs {
  const place = readPlace(dataDir);
  const files = place.files as Partial<Record<PlaceFileKey, string>>;
  const named = INPUT_FILES.filter((k) => files[k] !== undefined || !(OPTIONAL_FILE_KEYS as readonly string[]).includes(k));
  const text = Object.fromEntries(named.map((k) => [k, readText(dataDir, files[k]!)])) as Inputs['text'];
  return { dataDir, place, text };
}

import type { IndicatorBundle, GazetteerEntry, PostcodeIndex } from '../lib/core/types';
import type { Asset } from '../lib/assets/categories';

/** Where the built data lives, relative to the page (works from any base path). */
export const dataUrl = (file: string) => new URL(`data/${file}`, document.baseURI).href;

async function getJson<T>(file: string): Promise<T> {
  const res = await fetch(dataUrl(file));
  if (!res.ok) throw new Error(`Could not load ${file} (HTTP ${res.status}). Run "npm run data" to rebuild the data.`);
  return (await res.json()) as T;
}

export const loadBundle = () => getJson<IndicatorBundle>('indicators.json');
export const loadGazetteer = () => getJson<GazetteerEntry[]>('places.json');
export const loadAssets = () => getJson<Asset[]>('assets.json');

let postcodes: Promise<PostcodeIndex> | null = null;
/** The postcode index is ~200 kB, so it loads on first use, once. */
export function loadPostcodes(): Promise<PostcodeIndex> {
  postcodes ??= getJson<PostcodeIndex>('postcodes.json').catch((e) => {
    postcodes = null;
    throw e;
  });
  return postcodes;
}

/**
 * 2011 -> 2021 lookups (public/data/lookups-2011.json): how a person's file on 2011 LSOAs or MSOAs is
 * mapped onto the 2021 areas the app shows. Reads its own files, named in the manifest place.json "files.legacy"
 * names (the 2011 boundaries and the ONS 2011 code lists), from the data directory, like the QOF and assets modules.
 * Optional: a place whose place.json names no manifest has no 2011 lookups, and lookups-2011.json is not written.
 *
 * Rule: a 2011 code that is still in the 2021 list maps to itself with weight 1. Any other 2011 area is
 * overlaid on the 2021 areas (polygon intersection); overlaps under 1% of the 2011 area are slivers of the
 * generalised boundaries and dropped; each remaining overlap is weighted by the 2021 residents it holds
 * (Census 2021 usual residents of the 2021 area times the share of that area's land in the overlap, i.e.
 * residents spread evenly within each 2021 area) and the weights are normalised to sum to 1.
 */
import { area, bbox, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeographyId } from '../../src/lib/core/types';
import { weightedSum } from '../../src/lib/indicators/aggregate';
import { fail, parseFeatureCollection, parseTable, readText, roundPlaces } from './io';
import type { Layer, Validated } from './validate';

export const LOOKUPS_FILE = 'lookups-2011.json';

export type LegacyGeography = 'lsoa11' | 'msoa11';
export const LEGACY_GEOGRAPHIES: readonly LegacyGeography[] = ['lsoa11', 'msoa11'];
/** The 2021 geography each 2011 geography maps onto. */
export const TARGET: Record<LegacyGeography, GeographyId> = { lsoa11: 'lsoa', msoa11: 'msoa' };
const LABEL: Record<LegacyGeography, string> = { lsoa11: 'LSOA', msoa11: 'MSOA' };
const CODE_PATTERN: Record<LegacyGeography, RegExp> = { lsoa11: /^E01\d{6}$/, msoa11: /^E02\d{6}$/ };

/** Overlaps smaller than this share of the 2011 area are generalisation slivers. */
export const SLIVER = 0.01;
/** A 2011 area that kept its code must have at least this share of its area inside the 2021 area of that code. */
export const SAME_CODE_MIN_SHARE = 0.9;
const WEIGHT_PLACES = 6;

interface ManifestEntry {
  geo: string;
  lookup: string;
  code: string;
  name: string;
  lad: string;
  expected: number;
}

/** The browser's lookups-2011.json. */
export interface Lookups2011 {
  note: string;
  lsoa11: Record<string, [number, number][]>;
  msoa11: Record<string, [number, number][]>;
}

export interface LegacyCounts {
  total: number;
  unchanged: number;
  split: number;
  merged: number;
}

interface LegacyLayer {
  rel: string;
  codes: string[];
  features: Feature<Polygon | MultiPolygon>[];
}

function parseManifest(rel: string, text: string): Record<LegacyGeography, ManifestEntry> {
  let m: Record<string, Partial<ManifestEntry>>;
  try {
    m = JSON.parse(text) as Record<string, Partial<ManifestEntry>>;
  } catch (e) {
    fail(`${rel}: not JSON (${(e as Error).message})`);
  }
  for (const g of LEGACY_GEOGRAPHIES) {
    const e = m[g];
    for (const k of ['geo', 'lookup', 'code', 'name', 'lad'] as const) if (typeof e?.[k] !== 'string') fail(`${rel}: ${g} has no "${k}"`);
    if (typeof e?.expected !== 'number') fail(`${rel}: ${g} has no "expected" count`);
  }
  return m as Record<LegacyGeography, ManifestEntry>;
}

/** A 2011 boundary layer, checked against the ONS code list for the same geography (codes, names, district). */
function parseLegacyLayer({ geo, entry, placeCode, read }: { geo: LegacyGeography; entry: ManifestEntry; placeCode: string; read: (rel: string) => string }): LegacyLayer {
  const rel = entry.geo;
  const fc = parseFeatureCollection(rel, read(rel));
  if (fc.features.length !== entry.expected) fail(`${rel}: expected ${entry.expected} features, found ${fc.features.length}`);
  const names = new Map<string, string>();
  const features = fc.features.map((f) => {
    const code = String(f.properties?.[entry.code] ?? '');
    if (!CODE_PATTERN[geo].test(code)) fail(`${rel}: bad 2011 ${LABEL[geo]} code "${code}"`);
    if (names.has(code)) fail(`${rel}: duplicate code ${code}`);
    if (!f.geometry || !['Polygon', 'MultiPolygon'].includes(f.geometry.type)) fail(`${rel}: ${code} is not a polygon`);
    names.set(code, String(f.properties?.[entry.name] ?? ''));
    return f as Feature<Polygon | MultiPolygon>;
  });
  const lookupRel = entry.lookup;
  const table = parseTable(lookupRel, read(lookupRel), [entry.code, entry.name, entry.lad]);
  const listed = new Set<string>();
  for (const row of table.rows) {
    const code = row[entry.code];
    if (listed.has(code)) fail(`${lookupRel}: duplicate code ${code}`);
    listed.add(code);
    if (row[entry.lad] !== placeCode) fail(`${lookupRel}: ${code} is in ${row[entry.lad]}, not ${placeCode}`);
    if (!names.has(code)) fail(`${lookupRel}: ${code} has no boundary in ${rel}`);
    if (names.get(code) !== row[entry.name]) fail(`${lookupRel}: ${code} is "${row[entry.name]}" but "${names.get(code)}" in ${rel}`);
  }
  for (const code of names.keys()) if (!listed.has(code)) fail(`${rel}: ${code} is not in the ONS list ${lookupRel}`);
  return { rel, codes: [...names.keys()], features };
}

type Box = [number, number, number, number];
const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Area (m²) of the intersection of two polygons; 0 when they do not meet. */
function overlapArea(a: Feature<Polygon | MultiPolygon>, b: Feature<Polygon | MultiPolygon>): number {
  const x = intersect(featureCollection([a, b]));
  return x ? area(x) : 0;
}

/** Weights rounded for the browser, the rounding remainder given to the largest so they still sum to 1. */
function roundWeights(parts: [number, number][]): [number, number][] {
  const out = parts.map(([i, w]): [number, number] => [i, roundPlaces(w, WEIGHT_PLACES)]);
  let big = 0;
  out.forEach(([, w], k) => (w > out[big][1] ? (big = k) : 0));
  out[big][1] = roundPlaces(1 - out.reduce((s, [, w], k) => (k === big ? s : s + w), 0), WEIGHT_PLACES);
  return out;
}

/** One 2011 geography's lookup: code -> [index into the 2021 code list, weight][]. */
function lookupFor({ geo, legacy, target, residents }: { geo: LegacyGeography; legacy: LegacyLayer; target: Layer; residents: number[] }) {
  const label = LABEL[geo];
  const targetIndex = new Map(target.codes.map((c, i) => [c, i]));
  const targetBoxes = target.features.map((f) => bbox(f) as Box);
  const targetAreas = target.features.map((f) => area(f));
  const lookup: Record<string, [number, number][]> = {};
  const counts: LegacyCounts = { total: legacy.codes.length, unchanged: 0, split: 0, merged: 0 };
  const order = legacy.codes.map((code, k) => ({ code, k })).sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const { code, k } of order) {
    const f = legacy.features[k];
    const own = area(f);
    const same = targetIndex.get(code);
    if (same !== undefined) {
      const share = overlapArea(f, target.features[same]) / own;
      if (share < SAME_CODE_MIN_SHARE)
        fail(`${legacy.rel}: 2011 ${label} ${code} keeps its code in 2021 but only ${(share * 100).toFixed(1)}% of its 2011 area lies in the 2021 ${label} ${code}`);
      lookup[code] = [[same, 1]];
      counts.unchanged++;
      continue;
    }
    const box = bbox(f) as Box;
    const parts: [number, number][] = [];
    target.features.forEach((t, j) => {
      if (!boxesMeet(box, targetBoxes[j])) return;
      const a = overlapArea(f, t);
      if (a / own < SLIVER) return;
      // 2021 residents in the overlap, if spread evenly over the 2021 area.
      parts.push([j, (residents[j] * a) / targetAreas[j]]);
    });
    if (!parts.length) fail(`${legacy.rel}: 2011 ${label} ${code} overlaps no 2021 ${label} (by ${SLIVER * 100}% of its area or more)`);
    const total = parts.reduce((s, [, p]) => s + p, 0);
    if (!(total > 0)) fail(`${legacy.rel}: 2011 ${label} ${code} overlaps only 2021 ${label}s with no residents`);
    parts.sort((a, b) => a[0] - b[0]);
    lookup[code] = roundWeights(parts.map(([j, p]) => [j, p / total]));
    if (parts.length > 1) counts.split++;
    else counts.merged++;
  }
  return { lookup, counts };
}

/** The checks the browser relies on: every code present, indices in range, weights in (0, 1] summing to 1, every 2021 area reached. */
export function checkLookups({ lookups, codes, targets }: { lookups: Lookups2011; codes: Record<LegacyGeography, string[]>; targets: Record<LegacyGeography, string[]> }): void {
  for (const geo of LEGACY_GEOGRAPHIES) {
    const label = LABEL[geo];
    const lk = lookups[geo];
    const reached = new Set<number>();
    for (const code of codes[geo]) if (!lk[code]) fail(`${LOOKUPS_FILE}: 2011 ${label} ${code} has no mapping`);
    for (const [code, parts] of Object.entries(lk)) {
      if (!parts.length) fail(`${LOOKUPS_FILE}: 2011 ${label} ${code} maps to no 2021 ${label}`);
      let sum = 0;
      for (const [j, w] of parts) {
        if (!Number.isInteger(j) || j < 0 || j >= targets[geo].length) fail(`${LOOKUPS_FILE}: 2011 ${label} ${code} names 2021 ${label} index ${j}, outside the ${targets[geo].length} areas`);
        if (!(w > 0 && w <= 1)) fail(`${LOOKUPS_FILE}: 2011 ${label} ${code} has weight ${w} outside (0, 1]`);
        reached.add(j);
        sum += w;
      }
      if (Math.abs(sum - 1) > 1e-6) fail(`${LOOKUPS_FILE}: weights of 2011 ${label} ${code} sum to ${sum}, not 1`);
    }
    const unreached = targets[geo].filter((_, j) => !reached.has(j));
    if (unreached.length) fail(`${LOOKUPS_FILE}: 2021 ${label}s ${unreached.slice(0, 5).join(', ')} are reached from no 2011 ${label}`);
  }
}

const countsText = (c: LegacyCounts) => `${c.unchanged} unchanged, ${c.split} split, ${c.merged} merged`;

/**
 * Build lookups-2011.json from the validated 2021 geography. `read` gives a file's text by its
 * data-relative path (default: from v.dataDir); tests pass an edited reader.
 */
export function buildLookups2011(v: Validated, read: (rel: string) => string = (rel) => readText(v.dataDir, rel)): { lookups: Lookups2011; counts: Record<LegacyGeography, LegacyCounts>; summary: string[] } {
  const rel = v.place.files.legacy;
  if (rel === undefined) fail(`place.json names no 2011 lookups manifest ("files.legacy")`);
  const manifest = parseManifest(rel, read(rel));
  const layers = Object.fromEntries(LEGACY_GEOGRAPHIES.map((g) => [g, parseLegacyLayer({ geo: g, entry: manifest[g], placeCode: v.place.code, read })])) as Record<LegacyGeography, LegacyLayer>;
  const residents = (geo: GeographyId) => v.parts[geo].map((p) => weightedSum(p, v.population)!);
  const built = Object.fromEntries(
    LEGACY_GEOGRAPHIES.map((g) => [g, lookupFor({ geo: g, legacy: layers[g], target: v.layers[TARGET[g]], residents: residents(TARGET[g]) })]),
  ) as Record<LegacyGeography, ReturnType<typeof lookupFor>>;
  const counts = { lsoa11: built.lsoa11.counts, msoa11: built.msoa11.counts };
  const note =
    `2011 LSOAs: ${countsText(counts.lsoa11)}; 2011 MSOAs: ${countsText(counts.msoa11)}. ` +
    'Codes still in use in 2021 map to themselves. Changed areas are shared between the 2021 areas they overlap ' +
    `(area overlap of the ONS 2011 and 2021 boundaries, generalised; overlaps under ${SLIVER * 100}% of the 2011 area dropped), ` +
    'each overlap weighted by its Census 2021 usual residents, assuming residents are spread evenly within each 2021 area.';
  const lookups: Lookups2011 = { note, lsoa11: built.lsoa11.lookup, msoa11: built.msoa11.lookup };
  checkLookups({
    lookups,
    codes: { lsoa11: layers.lsoa11.codes, msoa11: layers.msoa11.codes },
    targets: { lsoa11: v.layers.lsoa.codes, msoa11: v.layers.msoa.codes },
  });
  const summary = [
    `lookups-2011: 2011 LSOAs ${countsText(counts.lsoa11)}; 2011 MSOAs ${countsText(counts.msoa11)} (changed areas by population-weighted area overlap)`,
  ];
  return { lookups, counts, summary };
}

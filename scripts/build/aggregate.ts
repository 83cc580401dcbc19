/**
 * Step 4, aggregate: LSOA values to LSOAs, MSOAs and wards (one loop for every indicator family),
 * and the area lists (residents, bounding boxes, label points) the browser draws.
 */
import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaList, GeographyId, IndicatorValues } from '../../src/lib/core/types';
import { weightedMean, weightedSum, type Part } from '../../src/lib/indicators/aggregate';
import { jenksBreaks, quantileBreaks } from '../../src/lib/indicators/classify';
import { round5, roundPlaces } from './io';
import type { Layer, Validated } from './validate';

/** The geographies every small-area indicator has values for, in the order the build writes them. */
export const GEOGRAPHIES: readonly GeographyId[] = ['lsoa', 'msoa', 'ward'];

/** One area's value; for pooled proportions also its numerator and denominator. */
export interface AreaValue {
  v: number | null;
  n: number | null;
  d: number | null;
}

const rounded = (x: number | null, places: number) => (x == null ? null : roundPlaces(x, places));
const only = (v: number | null): AreaValue => ({ v, n: null, d: null });

/** Proportions: counts summed over each area's LSOA parts, then divided (and scaled, e.g. ×100 for %). */
export function pooled({ parts, numerators, denominators, scale }: { parts: Part[][]; numerators: (number | null)[]; denominators: (number | null)[]; scale: number }): AreaValue[] {
  return parts.map((p) => {
    const n = weightedSum(p, numerators);
    const d = weightedSum(p, denominators);
    return { v: n != null && d ? (n / d) * scale : null, n, d };
  });
}

/** Scores: population-weighted mean over each area's LSOA parts (then scaled). */
export function meanOf({ parts, values, population, scale = 1 }: { parts: Part[][]; values: (number | null)[]; population: number[]; scale?: number }): AreaValue[] {
  return parts.map((p) => {
    const v = weightedMean(p, values, population);
    return only(v == null ? null : v * scale);
  });
}

/** Counts: summed over each area's LSOA parts. */
export const sumOf = ({ parts, values }: { parts: Part[][]; values: (number | null)[] }): AreaValue[] => parts.map((p) => only(weightedSum(p, values)));

/** Values given as they are (e.g. published LSOA deciles). */
export const asIs = (values: (number | null)[]): AreaValue[] => values.map(only);

export interface GeographyValues {
  values: AreaValue[];
  /** Write numerators and denominators too (pooled proportions, for intervals). */
  counts?: boolean;
  deciles?: (number | null)[];
  /** Published national ranks (LSOAs only). */
  ranks?: (number | null)[];
}

/**
 * The one per-geography loop: each geography's values rounded for the browser (values 6 d.p.,
 * counts 3 d.p.), with quantile and Jenks class breaks.
 */
export function byGeography(valuesFor: (geo: GeographyId) => GeographyValues): Partial<Record<GeographyId, IndicatorValues>> {
  const data: Partial<Record<GeographyId, IndicatorValues>> = {};
  for (const geo of GEOGRAPHIES) {
    const { values: vals, counts, deciles, ranks } = valuesFor(geo);
    const values = vals.map((x) => rounded(x.v, 6));
    const rec: IndicatorValues = { values, breaks: { quantile: quantileBreaks(values), jenks: jenksBreaks(values) } };
    if (counts) {
      rec.numerators = vals.map((x) => rounded(x.n, 3));
      rec.denominators = vals.map((x) => rounded(x.d, 3));
    }
    if (deciles) rec.deciles = deciles;
    if (ranks) rec.ranks = ranks;
    data[geo] = rec;
  }
  return data;
}

function bboxOf(g: Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as Position;
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else (c as unknown[]).forEach(walk);
  };
  walk((g as Polygon | MultiPolygon).coordinates);
  return b.map(round5) as [number, number, number, number];
}

/** A label point inside the polygon: centre of mass, or a point on the surface when that falls outside. */
function labelPoint(f: Feature<Polygon | MultiPolygon>): [number, number] {
  const c = centerOfMass(f).geometry.coordinates;
  const p = booleanPointInPolygon(c, f) ? c : pointOnFeature(f).geometry.coordinates;
  return [round5(p[0]), round5(p[1])];
}

/** The browser's area lists: codes, names, search aliases, residents (aggregated like any count), bbox and label point. */
export function areaLists(v: Validated): Record<GeographyId, AreaList> {
  const { lsoa, ward, msoa } = v.layers;
  const list = (l: Layer, geo: GeographyId, aliases: string[]): AreaList => ({
    codes: l.codes,
    names: l.names,
    aliases,
    residents: v.parts[geo].map((p) => Math.round(weightedSum(p, v.population)!)),
    bbox: l.features.map((f) => bboxOf(f.geometry)),
    label: l.features.map(labelPoint),
  });
  return {
    lsoa: list(lsoa, 'lsoa', lsoa.codes.map((_, i) => `${ward.names[v.lsoaWard[i]]} ward`)),
    ward: list(ward, 'ward', ward.codes.map(() => '')),
    msoa: list(msoa, 'msoa', msoa.codes.map((c) => v.msoaNames.get(c) ?? '')),
  };
}

/** Index of the area containing a point (bbox prefilter, then point in polygon); -1 if none. */
export function findArea({ layer, bboxes, lon, lat }: { layer: Layer; bboxes: [number, number, number, number][]; lon: number; lat: number }): number {
  return layer.features.findIndex((f, i) => {
    const bb = bboxes[i];
    return lon >= bb[0] && lon <= bb[2] && lat >= bb[1] && lat <= bb[3] && booleanPointInPolygon([lon, lat], f);
  });
}

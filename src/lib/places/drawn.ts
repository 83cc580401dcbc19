import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, MultiPolygon, Feature } from 'geojson';

/**
 * LSOAs inside a drawn polygon: an LSOA is in when its population-weighted centroid is inside,
 * as ONS's "Build a custom area profile" does.
 */
export function lsoasInPolygon(pwc: [number, number][], polygon: Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>): number[] {
  const out: number[] = [];
  pwc.forEach((p, i) => {
    if (booleanPointInPolygon(p, polygon)) out.push(i);
  });
  return out;
}

/** A closed polygon from drawn vertices, or null if there are fewer than three distinct points. */
export function polygonFromPoints(points: [number, number][]): Polygon | null {
  const distinct = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  const unique = new Set(distinct.map((p) => `${p[0]},${p[1]}`));
  if (unique.size < 3) return null;
  // Zero area (all corners on one line) is not a shape.
  let twiceArea = 0;
  for (let i = 0; i < distinct.length; i++) {
    const [a, b] = [distinct[i], distinct[(i + 1) % distinct.length]];
    twiceArea += a[0] * b[1] - b[0] * a[1];
  }
  if (Math.abs(twiceArea) < 1e-14) return null;
  const ring = [...distinct];
  const [f, l] = [ring[0], ring[ring.length - 1]];
  if (f[0] !== l[0] || f[1] !== l[1]) ring.push(f);
  return { type: 'Polygon', coordinates: [ring] };
}

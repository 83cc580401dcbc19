import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { lsoasInPolygon, polygonFromPoints } from '../../../src/lib/places/drawn';
import { loadBundle, lsoasOfMsoa } from '../../fixtures/bundle';

type Pt = [number, number];

/** An axis-aligned square ring, anticlockwise, closed. */
const squareRing = (cx: number, cy: number, h: number): Pt[] => [
  [cx - h, cy - h],
  [cx + h, cy - h],
  [cx + h, cy + h],
  [cx - h, cy + h],
  [cx - h, cy - h],
];
const square = (cx: number, cy: number, h: number): Polygon => ({ type: 'Polygon', coordinates: [squareRing(cx, cy, h)] });

/** Crossing-number point-in-polygon for one ring, written independently of turf (interior points only). */
function inRing(p: Pt, ring: Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// ---------------------------------------------------------------- synthetic points
describe('lsoasInPolygon: synthetic squares', () => {
  // A 5×5 grid of "centroids" at integer coordinates 0..4; index = 5·y + x.
  const grid: Pt[] = [];
  for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) grid.push([x, y]);
  const at = (x: number, y: number) => 5 * y + x;

  it.each([
    ['a small square around (2,2)', square(2, 2, 0.5), [at(2, 2)]],
    ['a small square around (0,0)', square(0, 0, 0.1), [at(0, 0)]],
    ['a small square around (4,4)', square(4, 4, 0.1), [at(4, 4)]],
    ['a 3×3 block around (2,2)', square(2, 2, 1.5), [6, 7, 8, 11, 12, 13, 16, 17, 18]],
    ['everything', square(2, 2, 10), grid.map((_, i) => i)],
    ['between points', square(2.5, 2.5, 0.4), []],
    ['far away', square(100, 100, 1), []],
  ] as [string, Polygon, number[]][])('%s', (_label, poly, expected) => {
    expect(lsoasInPolygon(grid, poly)).toEqual(expected);
  });

  it('a triangle takes the points under its diagonal', () => {
    // Hypotenuse x + y = 3.5, between the diagonals x + y = 3 and x + y = 4.
    const tri: Polygon = { type: 'Polygon', coordinates: [[[-0.5, -0.5], [4, -0.5], [-0.5, 4], [-0.5, -0.5]]] };
    const expected = grid.flatMap((p, i) => (p[0] + p[1] <= 3 ? [i] : []));
    expect(lsoasInPolygon(grid, tri)).toEqual(expected);
    expect(expected).toHaveLength(10);
  });

  it('a point on the edge or at a corner counts as inside', () => {
    expect(lsoasInPolygon(grid, square(1, 1, 1))).toEqual([0, 1, 2, 5, 6, 7, 10, 11, 12]);
  });

  it('a Feature wrapping the polygon gives the same answer', () => {
    const f: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: square(2, 2, 1.5) };
    expect(lsoasInPolygon(grid, f)).toEqual(lsoasInPolygon(grid, square(2, 2, 1.5)));
  });

  it('a MultiPolygon takes points in any part', () => {
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [[squareRing(0, 0, 0.5)], [squareRing(4, 4, 0.5)]] };
    expect(lsoasInPolygon(grid, mp)).toEqual([at(0, 0), at(4, 4)]);
  });

  it('a hole leaves its points out', () => {
    const donut: Polygon = { type: 'Polygon', coordinates: [squareRing(2, 2, 2.5), squareRing(2, 2, 0.5)] };
    const out = lsoasInPolygon(grid, donut);
    expect(out).toHaveLength(24);
    expect(out).not.toContain(at(2, 2));
  });

  it('no points -> empty', () => {
    expect(lsoasInPolygon([], square(0, 0, 1))).toEqual([]);
  });
});

// ---------------------------------------------------------------- real centroids
describe('lsoasInPolygon: Stockton population-weighted centroids', () => {
  const bundle = loadBundle();
  const pwc = bundle.lsoaLinks.pwc;
  const MSOA_LSOAS = lsoasOfMsoa(bundle, 'E02007060');

  it('124 centroids, all inside the borough bounds', () => {
    expect(pwc).toHaveLength(124);
    const [w, s, e, n] = bundle.place.bounds;
    const box: Polygon = { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
    expect(lsoasInPolygon(pwc, box)).toHaveLength(124);
  });

  it.each([0, 1, 6, 8, 61, 72, 116, 117, 118, 123])('a 0.001° square around LSOA %i’s centroid selects only it', (i) => {
    // The closest two centroids are 0.0025° apart, so a ±0.001° square can hold only one.
    expect(lsoasInPolygon(pwc, square(pwc[i][0], pwc[i][1], 0.001))).toEqual([i]);
  });

  it('a square just beside a centroid selects nothing', () => {
    const [x, y] = pwc[72];
    expect(lsoasInPolygon(pwc, square(x + 0.0012, y, 0.001))).toEqual([]);
  });

  it('a polygon drawn around the 4 centroids of MSOA E02007060 selects them, and agrees with a hand ray-cast', () => {
    const pts = MSOA_LSOAS.map((i) => pwc[i]);
    const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
    const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    // Corners pushed 20% out from the middle, in angular order.
    const corners = pts
      .map((p): Pt => [cx + (p[0] - cx) * 1.2, cy + (p[1] - cy) * 1.2])
      .sort((a, b) => Math.atan2(a[1] - cy, a[0] - cx) - Math.atan2(b[1] - cy, b[0] - cx));
    const poly = polygonFromPoints(corners)!;
    const got = lsoasInPolygon(pwc, poly);
    for (const i of MSOA_LSOAS) expect(got).toContain(i);
    expect(got).toEqual(pwc.flatMap((p, i) => (inRing(p, poly.coordinates[0] as Pt[]) ? [i] : [])));
    expect(got.length).toBeLessThan(10);
  });

  it('a polygon in London selects nothing', () => {
    expect(lsoasInPolygon(pwc, square(-0.1276, 51.5072, 0.2))).toEqual([]);
  });
});

// ---------------------------------------------------------------- polygonFromPoints
describe('polygonFromPoints', () => {
  const A: Pt = [0, 0];
  const B: Pt = [1, 0];
  const C: Pt = [1, 1];
  const D: Pt = [0, 1];

  it.each([
    ['no points', []],
    ['one point', [A]],
    ['two points', [A, B]],
    ['one point three times', [A, A, A]],
    ['two points, second repeated', [A, B, B]],
    ['two points, each doubled', [A, A, B, B]],
    ['two points after a double-click', [A, B, B, B]],
  ] as [string, Pt[]][])('%s -> null', (_label, pts) => {
    expect(polygonFromPoints(pts)).toBeNull();
  });

  it.each([
    ['triangle: the ring is closed', [A, B, C], [A, B, C, A]],
    ['square', [A, B, C, D], [A, B, C, D, A]],
    ['already closed: not closed twice', [A, B, C, A], [A, B, C, A]],
    ['consecutive duplicates dropped', [A, A, B, B, B, C, C], [A, B, C, A]],
    ['double-click at the end', [A, B, C, D, D], [A, B, C, D, A]],
    ['closing point doubled', [A, B, C, A, A], [A, B, C, A]],
  ] as [string, Pt[], Pt[]][])('%s', (_label, pts, ring) => {
    expect(polygonFromPoints(pts)).toEqual({ type: 'Polygon', coordinates: [ring] });
  });

  it('every ring it makes is valid GeoJSON: at least 4 positions, first equals last', () => {
    for (const pts of [[A, B, C], [A, B, C, D], [A, A, B, C, C, C], [A, B, C, A]] as Pt[][]) {
      const ring = polygonFromPoints(pts)!.coordinates[0];
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring.at(-1));
    }
  });

  it('does not change the points passed in', () => {
    const pts: Pt[] = [A, B, B, C];
    const copy = JSON.stringify(pts);
    polygonFromPoints(pts);
    expect(JSON.stringify(pts)).toBe(copy);
  });

  it('a real drawn triangle around Stockton town centre selects the MSOA 025 LSOAs', () => {
    const bundle = loadBundle();
    const tri = polygonFromPoints([
      [-1.34, 54.55],
      [-1.27, 54.55],
      [-1.305, 54.59],
    ])!;
    const got = lsoasInPolygon(bundle.lsoaLinks.pwc, tri);
    for (const i of lsoasOfMsoa(bundle, 'E02007060')) expect(got).toContain(i);
    expect(got.length).toBeLessThan(124);
  });

  // KNOWN BUG (src/lib/select.ts polygonFromPoints): only consecutive duplicates are dropped, so
  // clicking A, B, then back on A gives "3 distinct points" and a degenerate ring [A, B, A]
  // (3 positions, not a valid GeoJSON ring, zero area) instead of null.
  it.each([
    ['A, B, A', [A, B, A]],
    ['A, B, A, B', [A, B, A, B]],
  ] as [string, Pt[]][])('two distinct points as %s -> null', (_label, pts) => {
    expect(polygonFromPoints(pts)).toBeNull();
  });
});
